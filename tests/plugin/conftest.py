"""Plugin tests run pytest inside pytest (``pytester``).

``pytest_plugins = ["pytester"]`` is refused in a conftest below the rootdir once pytest is
configured (a plain ``pytest`` from the repository root), so pytester is loaded here instead.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("pytester"):
        config.pluginmanager.import_plugin("pytester")
