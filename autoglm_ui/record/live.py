"""A live recording session: a headed browser a person uses until they close it."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from autoglm_ui.errors import AutoGLMUIError
from autoglm_ui.record.browsing import DEFAULT_VIEWPORT, Scan, browser_page
from autoglm_ui.record.interactive import Recorder
from autoglm_ui.record.snapshot import Recording

log = logging.getLogger(__name__)

#: A checkpoint is taken once the page has had no new event for this long.
QUIET_S = 0.6
POLL_MS = 200


def display_available() -> bool:
    """Whether a headed browser can open a window here (always on macOS and Windows)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def require_display() -> None:
    """:class:`AutoGLMUIError` naming the fix when no display exists for a headed browser."""
    if not display_available():
        raise AutoGLMUIError(
            "interactive recording opens a browser window, but there is no display here (DISPLAY "
            "and WAYLAND_DISPLAY are unset). Run it on a desktop, forward X (ssh -X), or use a "
            "virtual display: xvfb-run autoglm-ui record URL --interactive. Without a screen, "
            "record a snapshot instead (drop --interactive)."
        )


def record_interactive(
    url: str,
    scan: Scan,
    *,
    viewport: tuple[int, int] = DEFAULT_VIEWPORT,
    headless: bool = False,
    test_name: str | None = None,
    drive: Callable[[Recorder], None] | None = None,
) -> Recording:
    """Open ``url`` in a browser and record until its page is closed (or Ctrl+C).

    ``drive`` replaces the person: it is called with the started :class:`Recorder` and may act
    on ``recorder.page`` and close it (tests and scripted demos).
    """
    if not headless:
        require_display()
    with browser_page(viewport, headless=headless) as page:
        recorder = Recorder(page, scan).start(url)
        closed: list[bool] = []
        page.on("close", lambda _page: closed.append(True))
        if drive is not None:
            drive(recorder)
        else:
            log.warning("recording %s: use the page, then close the window (or press Ctrl+C)", url)
            if _wait_for_close(recorder, closed):
                closed.append(True)  # Ctrl+C reaches the browser too: it is gone
        if not closed:
            recorder.checkpoint()
        elif recorder.pending:
            log.warning("the window closed before the last %d action(s) settled; they are recorded "
                        "without state checks", recorder.pending)
            recorder.close_without_scan()
        return recorder.recording(test_name)


def _wait_for_close(recorder: Recorder, closed: list[bool]) -> bool:
    """Take checkpoints whenever the page falls quiet, until it closes; True after Ctrl+C."""
    from playwright.sync_api import Error as PlaywrightError

    seen, quiet_since = 0, time.monotonic()
    try:
        while not closed:
            recorder.page.wait_for_timeout(POLL_MS)
            if recorder.pending != seen:
                seen, quiet_since = recorder.pending, time.monotonic()
            elif seen and time.monotonic() - quiet_since >= QUIET_S:
                recorder.checkpoint()
                seen = 0
    except PlaywrightError as exc:
        if not closed:
            raise
        log.debug("page closed: %s", exc)
    except KeyboardInterrupt:
        log.warning("stopped with Ctrl+C; writing what was recorded")
        return True
    return False
