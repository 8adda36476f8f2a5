"""Kits for the utility and component stylesheets: picnic, mini.css, purecss, w3-css, tachyons.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

from autoglm_ui.training.kits_lib_base import LibKit

KITS: dict[str, type[LibKit]] = {}
