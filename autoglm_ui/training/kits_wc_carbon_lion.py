"""Kits for the Carbon and Lion web-component libraries: @carbon/web-components, @lion/ui.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

from autoglm_ui.training.kits_lib_base import LibKit

KITS: dict[str, type[LibKit]] = {}
