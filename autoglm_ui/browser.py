"""Finding a Chromium to launch, and the flags that make it behave in headless containers."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from autoglm_ui.errors import BrowserNotFoundError

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

log = logging.getLogger(__name__)

BROWSER_ENV = "AUTOGLM_UI_BROWSER"
Source = Literal["env", "playwright", "system"]

#: Flags for a headless Chromium in a container with no network but the package registries.
CONTAINER_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SYSTEM_PATHS = (
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/opt/google/chrome/chrome",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
)


@dataclass(frozen=True)
class FoundBrowser:
    """A browser executable and where it was found."""

    path: Path | None  # None: Playwright's managed build, launched without executable_path
    source: Source

    def launch_options(self, *, headless: bool = True) -> dict[str, Any]:
        """Keyword arguments for ``playwright.chromium.launch``."""
        opts: dict[str, Any] = {"headless": headless}
        if self.path is not None:
            opts["executable_path"] = str(self.path)
            opts["args"] = list(CONTAINER_ARGS)
        return opts


def _managed_chromium(playwright: Playwright | None) -> Path | None:
    try:
        if playwright is not None:
            candidate = Path(playwright.chromium.executable_path)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                candidate = Path(pw.chromium.executable_path)
    except Exception as exc:  # the driver may be missing or broken: fall back to a system browser
        log.debug("no Playwright-managed Chromium: %s", exc)
        return None
    return candidate if candidate.is_file() else None


def find_browser(playwright: Playwright | None = None) -> FoundBrowser:
    """Find a Chromium: ``$AUTOGLM_UI_BROWSER``, Playwright's managed build, then a system one.

    An explicit ``AUTOGLM_UI_BROWSER`` wins over everything (it is the user's choice); a value
    that is not an executable file is an error rather than a silent fallback.
    """
    looked: list[str] = []
    env = os.environ.get(BROWSER_ENV)
    if env:
        path = Path(env).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return FoundBrowser(path, "env")
        raise BrowserNotFoundError(
            f"{BROWSER_ENV}={env} is not an executable file; point it at a Chromium or Chrome "
            f"binary (e.g. /usr/bin/chromium) or unset it"
        )
    looked.append(f"${BROWSER_ENV} (unset)")
    managed = _managed_chromium(playwright)
    if managed is not None:
        return FoundBrowser(None, "playwright")
    looked.append("Playwright's managed Chromium (not installed)")
    for name in SYSTEM_NAMES:
        hit = shutil.which(name)
        if hit:
            return FoundBrowser(Path(hit), "system")
    looked.append("PATH: " + ", ".join(SYSTEM_NAMES))
    for p in SYSTEM_PATHS:
        if Path(p).is_file():
            return FoundBrowser(Path(p), "system")
    looked.append("paths: " + ", ".join(SYSTEM_PATHS))
    fix = (
        "apt-get install -y chromium"
        if sys.platform.startswith("linux")
        else "python -m playwright install chromium"
    )
    raise BrowserNotFoundError(
        "no Chromium or Chrome found; looked at " + "; ".join(looked) + f". Fix: run `{fix}`"
        f" (or `python -m playwright install chromium` where downloads work), or set {BROWSER_ENV}"
        " to a browser executable."
    )


def launch(playwright: Playwright, *, headless: bool = True, **extra: Any) -> Browser:
    """Launch the discovered Chromium with container-safe flags."""
    opts = find_browser(playwright).launch_options(headless=headless)
    opts["args"] = [*opts.get("args", []), *extra.pop("args", [])]
    opts.update(extra)
    return playwright.chromium.launch(**opts)
