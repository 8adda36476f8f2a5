"""Kits for the Material web-component libraries: @material/web, mdui.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

from autoglm_ui.training.kits_lib_base import LibKit

KITS: dict[str, type[LibKit]] = {}
