"""Small real-Chromium builds shared by the generator tests (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from autoglm_ui.training.dataset import Dataset


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Dataset:
    """Three showcase pages (every case, mechanism and value the style can draw) of own styles + bootstrap."""
    from autoglm_ui.training.generator import build_dataset

    out: Path = tmp_path_factory.mktemp("small-build")
    build_dataset(
        out, 3, seed=11, sources=("own", "bootstrap"), progress=False, showcase_every=1, controls=(60, 61),
        browser=browser,
    )
    return Dataset.load(out)
