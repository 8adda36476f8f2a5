"""Kits for the small classless and near-classless stylesheets:
mvp.css, sakura.css, simpledotcss, milligram, chota.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

from autoglm_ui.training.kits_lib_base import LibKit

KITS: dict[str, type[LibKit]] = {}
