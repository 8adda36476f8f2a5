"""Fixtures layered over pytest-playwright's; registered after it, so each may request the original."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Playwright


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], playwright: Playwright, browser_name: str | None
) -> dict[str, Any]:
    """pytest-playwright's launch arguments, plus a discovered system Chromium when needed.

    Only where the user chose no ``executable_path`` or ``--browser-channel`` and Playwright's
    managed Chromium is not installed (``playwright install`` cannot run everywhere).
    """
    args = dict(browser_type_launch_args)
    if (browser_name or "chromium") != "chromium" or "executable_path" in args or "channel" in args:
        return args
    from autoglm_ui.browser import find_browser

    found = find_browser(playwright)
    if found.path is None:
        return args
    opts = found.launch_options(headless=args.get("headless", True))
    args["executable_path"] = opts["executable_path"]
    args["args"] = [*opts["args"], *args.get("args", [])]
    return args
