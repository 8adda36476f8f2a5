"""Fixtures of the recorder tests: the pages under ``fixtures/record/`` and a model release."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from autoglm_ui.recognizer import Recognizer

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    # the round trip runs pytest inside pytest; pytester cannot be listed in a conftest's
    # pytest_plugins below the rootdir, so it is loaded here (as tests/plugin does)
    if not config.pluginmanager.has_plugin("pytester"):
        config.pluginmanager.import_plugin("pytester")


@pytest.fixture(scope="session")
def record_url(fixtures_url: str) -> str:
    """Base URL of ``fixtures/record/``."""
    return f"{fixtures_url}/record"


def _release_choice() -> str | None:
    """The release to record with, as the plugin tests choose theirs.

    ``$AUTOGLM_UI_TEST_RELEASE``, ``$AUTOGLM_UI_MODEL``, a release bundled in the package, the
    development release beside the checkout (``../releases/dev``); None: the ``default`` ref.
    """
    from autoglm_ui.releases.bundled import bundled_releases

    for env in ("AUTOGLM_UI_TEST_RELEASE", "AUTOGLM_UI_MODEL"):
        if os.environ.get(env):
            return os.environ[env]
    for folder in [*bundled_releases(), REPO.parent / "releases" / "dev"]:
        if (Path(folder) / "release.json").is_file():
            return str(folder)
    return None


@pytest.fixture(scope="session")
def recognizer() -> Recognizer:
    """The real recognizer the end-to-end tests record with; skips when no release can load."""
    from autoglm_ui.errors import ModelError

    choice = _release_choice()
    try:
        from autoglm_ui.recognizer import Recognizer

        return Recognizer(release=choice)
    except (ImportError, ModelError) as exc:
        pytest.skip(
            f"no model release to record with ({type(exc).__name__}: {exc}); set "
            "AUTOGLM_UI_TEST_RELEASE or AUTOGLM_UI_MODEL to a release folder or spec, bundle one in "
            "autoglm_ui/bundled/, or place one at ../releases/dev"
        )


@pytest.fixture(scope="session")
def release_option(recognizer: Recognizer) -> str:
    """What ``--autoglm-model`` takes to select the same release in a pytester run."""
    return _release_choice() or recognizer.release
