"""Opening the page to record: a browser, a viewport, a load that says clearly why it failed."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from autoglm_ui.errors import CaptureError, NoMatchError

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)

#: Scans every control of a page: ``Recognizer.scan``, or any callable of that shape.
Scan = Callable[["Page"], "list[WidgetState]"]

DEFAULT_VIEWPORT = (1280, 900)
SETTLE_MS = 3000
_VIEWPORT = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


def parse_viewport(text: str) -> tuple[int, int]:
    """``"1280x900"`` → ``(1280, 900)``; ``ValueError`` naming the expected form otherwise."""
    m = _VIEWPORT.match(text)
    if not m:
        raise ValueError(f"viewport {text!r} is not WIDTHxHEIGHT in CSS pixels, e.g. 1280x900")
    return int(m.group(1)), int(m.group(2))


@contextmanager
def browser_page(viewport: tuple[int, int] = DEFAULT_VIEWPORT, *, headless: bool = True) -> Iterator[Page]:
    """A fresh page in a newly launched Chromium (closed afterwards)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from autoglm_ui.browser import launch

    with sync_playwright() as pw:
        browser = launch(pw, headless=headless)
        try:
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
            yield context.new_page()
        finally:
            try:
                browser.close()
            except PlaywrightError as exc:  # already gone (window closed, Ctrl+C): nothing to close
                log.debug("browser already closed: %s", exc)


def load(page: Page, url: str) -> None:
    """Go to ``url`` and let it settle; :class:`CaptureError` naming the fix when it does not load."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        response = page.goto(url, wait_until="load")
    except PlaywrightError as exc:
        first = str(exc).splitlines()[0] if str(exc) else repr(exc)
        raise CaptureError(
            f"could not load {url}: {first}. Check that the server is running and the URL is "
            "right (open it in a browser), then record again."
        ) from exc
    if response is not None and response.status >= 400:
        raise CaptureError(
            f"{url} answered HTTP {response.status} {response.status_text}; check the URL (and that "
            "the page needs no login), then record again."
        )
    try:
        page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
    except PlaywrightTimeout:
        log.info("%s kept the network busy for %d ms; recording it as it is", url, SETTLE_MS)


def check_recordable(page: Page, url: str) -> int:
    """How many controls the page has; :class:`NoMatchError` for an empty page or none at all.

    Cheap (no screenshots, no model), so a bad page fails before a model is loaded.
    """
    from autoglm_ui.capture import evaluate_facts

    total = int(evaluate_facts(page)["total"])
    if total:
        return total
    shown = page.evaluate(
        "() => !!document.body && (document.body.innerText.trim().length > 0 || "
        "!!document.body.querySelector('img, svg, canvas, video, iframe, object, embed'))"
    )
    if not shown:
        raise NoMatchError(
            f"{url} is an empty page: nothing is rendered in its body, so there is nothing to "
            "check. Check the URL, and that the app renders (look for errors in the browser console)."
        )
    raise NoMatchError(
        f"{url} has no controls to check: no buttons, links, inputs, selects, tabs or accordions "
        "were found. Record a page with a form or navigation, or one where the app has rendered them."
    )
