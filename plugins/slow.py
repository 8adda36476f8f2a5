"""Skip ``@pytest.mark.slow`` tests unless ``AUTOGLM_UI_SLOW=1`` (CI runs the tiny configurations)."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("AUTOGLM_UI_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set AUTOGLM_UI_SLOW=1 (make test-all) to run")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
