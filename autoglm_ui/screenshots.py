"""Pixels of the viewport: a clipped or whole-viewport screenshot over the page's CDP session
(``optimizeForSpeed`` PNG; Playwright's own call where the browser is not Chromium)."""

from __future__ import annotations

import base64
import io
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image

from autoglm_ui.controls import PAD_RGB, Box
from autoglm_ui.page_facts import View, translate_error

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession, Page


@dataclass(frozen=True)
class Snapshot:
    """Pixels of ``region`` (CSS px, viewport coordinates) at ``scale`` image px per CSS px."""

    image: Image.Image = field(repr=False)
    region: Box
    scale: float


_cdp_sessions: weakref.WeakKeyDictionary[Any, CDPSession] = weakref.WeakKeyDictionary()



def screenshot(page: Page, region: Box | None, view: View) -> Snapshot:
    """Pixels of ``region`` of the viewport (the whole viewport when None), via CDP where possible."""
    from playwright.sync_api import Error as PlaywrightError

    full = Box(0, 0, view.width, view.height)
    region = full if region is None else _intersect(region, full)
    if region.empty:
        return Snapshot(Image.new("RGB", (1, 1), PAD_RGB), region, view.dpr)
    try:
        session = cdp_session(page)
        if session is not None:
            params = {
                "format": "png",
                "optimizeForSpeed": True,
                "captureBeyondViewport": False,
                "clip": {
                    "x": region.x + view.scroll_x,
                    "y": region.y + view.scroll_y,
                    "width": region.width,
                    "height": region.height,
                    "scale": view.dpr,  # device pixels, as the user's screen shows them
                },
            }
            data = base64.b64decode(session.send("Page.captureScreenshot", params)["data"])
        else:
            data = page.screenshot(
                clip={"x": region.x, "y": region.y, "width": region.width, "height": region.height},
                animations="allow",
                caret="initial",
            )
    except PlaywrightError as exc:
        raise translate_error(exc, page) from exc
    image = Image.open(io.BytesIO(data)).convert("RGB")
    return Snapshot(image, region, image.width / region.width)


def cdp_session(page: Page) -> CDPSession | None:
    session = _cdp_sessions.get(page)
    if session is None:
        if page.context.browser is None or page.context.browser.browser_type.name != "chromium":
            return None
        session = page.context.new_cdp_session(page)
        _cdp_sessions[page] = session
    return session


def _intersect(a: Box, b: Box) -> Box:
    x0, y0 = max(a.x, b.x), max(a.y, b.y)
    x1, y1 = min(a.x + a.width, b.x + b.width), min(a.y + a.height, b.y + b.height)
    return Box(x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))


__all__ = ["Snapshot", "cdp_session", "screenshot"]
