"""The autoglm-ui pytest plugin (``pytest11`` entry point): fixtures, options, reports.

Loaded by every pytest run in an environment where autoglm-ui is installed, so it imports
nothing heavy at module level: torch, transformers and playwright load when a test asks.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    pm = config.pluginmanager
    if pm.has_plugin("playwright") or pm.has_plugin("pytest_playwright"):
        # Registered here, after pytest-playwright, so our overrides layer over its fixtures.
        from autoglm_ui import _playwright_fixtures

        if not pm.is_registered(_playwright_fixtures):
            pm.register(_playwright_fixtures, "autoglm_ui.playwright_fixtures")
