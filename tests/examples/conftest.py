"""Set-up of the example suite: the demo app (``fixtures/demo``) served on 127.0.0.1.

The fixtures ``page``, ``widget_state`` and ``expect_state`` come from pytest-playwright and the
autoglm-ui plugin; nothing else is needed. ``signup`` and ``settings`` just open a page of the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from autoglm_ui.serve import serve_directory

DEMO_APP = Path(__file__).resolve().parents[2] / "fixtures" / "demo"


@pytest.fixture(scope="session")
def demo_url() -> Iterator[str]:
    """Base URL of the demo app, served from disk on 127.0.0.1 for the whole session."""
    with serve_directory(DEMO_APP) as url:
        yield url


@pytest.fixture()
def signup(page: Page, demo_url: str) -> Page:
    """The sign-up page, loaded."""
    page.goto(f"{demo_url}/signup.html")
    return page


@pytest.fixture()
def settings(page: Page, demo_url: str) -> Page:
    """The settings page, loaded (Profile tab open, promo bar showing)."""
    page.goto(f"{demo_url}/settings.html")
    return page
