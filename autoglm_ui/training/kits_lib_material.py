"""Kits for the Material-like and framework stylesheets:
materialize-css, beercss, metro4, augmented-ui, vanilla-framework.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

from autoglm_ui.training.kits_lib_base import LibKit

KITS: dict[str, type[LibKit]] = {}
