"""Browser discovery: the system Chromium is found, a bad $AUTOGLM_UI_BROWSER is an error with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from autoglm_ui.browser import BROWSER_ENV, CONTAINER_ARGS, find_browser
from autoglm_ui.errors import BrowserNotFoundError


def test_a_browser_is_found_here() -> None:
    found = find_browser()
    assert found.source in ("playwright", "system", "env")
    if found.path is not None:
        assert found.path.is_file()
        assert found.launch_options()["args"] == list(CONTAINER_ARGS)


def test_env_pointing_nowhere_names_the_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(BROWSER_ENV, str(tmp_path / "no-such-chrome"))
    with pytest.raises(BrowserNotFoundError, match=r"not an executable file.*unset it"):
        find_browser()


def test_env_wins_when_it_points_at_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    system = find_browser()
    if system.path is None:
        pytest.skip("only Playwright's managed browser here")
    monkeypatch.setenv(BROWSER_ENV, str(system.path))
    assert find_browser().source == "env"


def test_nothing_found_lists_every_place_looked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import autoglm_ui.browser as browser

    monkeypatch.delenv(BROWSER_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))
    monkeypatch.setattr(browser, "SYSTEM_PATHS", (str(tmp_path / "chromium"),))
    with pytest.raises(BrowserNotFoundError) as info:
        find_browser()
    msg = str(info.value)
    assert "PATH: chromium" in msg and "Playwright's managed Chromium" in msg
    assert "apt-get install -y chromium" in msg
