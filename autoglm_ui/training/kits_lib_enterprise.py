"""Kits for the enterprise design systems shipped as CSS:
@carbon/styles, @blueprintjs/core, fundamental-styles, flowbite, basecoat-css.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

from autoglm_ui.training.kits_lib_base import LibKit

KITS: dict[str, type[LibKit]] = {}
