"""Accordion headers drawn as plain clickable elements: is anything listening for the click?

``capture.js`` finds elements that look like accordion headers but carry no role (a ``div`` under
a pointer cursor, with short text, in an element named for an accordion or heading a panel) and,
in a scan or a search by name, leaves them under a window property. :func:`confirm_clickable`
takes them and asks the browser, through the Chrome DevTools Protocol
(``DOMDebugger.getEventListeners``), whether a click listener sits on the element or on one of its
ancestors up to the window (a listener delegated to a container or the document is how most
frameworks listen). The confirmed ones are handed back under :data:`CONFIRMED`, where the next pass
of ``capture.js`` counts them as accordion headers; :func:`forget_clickable` clears both.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from autoglm_ui import handover

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession

log = logging.getLogger(__name__)

#: Window properties (``Symbol.for``): the candidates ``capture.js`` leaves, the ones confirmed.
CANDIDATES = "autoglm-ui.click-candidates"
CONFIRMED = "autoglm-ui.clickable"
#: Listener types that make an element something a user clicks.
CLICK_EVENTS = frozenset({"click", "mousedown", "mouseup", "pointerdown", "pointerup"})
_GROUP = "autoglm-ui-clickable"
_PATH = ("function() { const out = []; for (let n = this; n; n = n.parentNode || n.host || null) out.push(n);"
         " out.push(window); return out; }")


def _listens(session: CDPSession, object_id: str) -> bool:
    """Whether a click listener sits on the element or on one of its ancestors up to the window."""
    path = session.send("Runtime.callFunctionOn", {
        "functionDeclaration": _PATH, "objectId": object_id, "objectGroup": _GROUP,
    })
    path_id = (path.get("result") or {}).get("objectId")
    # the window is no node, and a listener on it counts
    path_ids = handover.items(session, path_id, nodes_only=False).values() if path_id else [object_id]
    for node in path_ids:
        listeners = session.send("DOMDebugger.getEventListeners", {"objectId": node}).get("listeners") or []
        if any(listener.get("type") in CLICK_EVENTS for listener in listeners):
            return True
    return False


def confirm_clickable(session: CDPSession | None) -> int:
    """Hand back the candidates a click listener serves; how many (0 off Chromium)."""
    if session is None:
        return 0
    try:
        candidates = list(handover.take(session, CANDIDATES, _GROUP).values())
        confirmed = [c for c in candidates if _listens(session, c)]
        handover.give(session, CONFIRMED, confirmed)
        log.debug("clickable headers: %d of %d candidates have a click listener",
                  len(confirmed), len(candidates))
        return len(confirmed)
    finally:
        session.send("Runtime.releaseObjectGroup", {"objectGroup": _GROUP})


def forget_clickable(session: CDPSession | None) -> None:
    """Remove what :func:`confirm_clickable` and ``capture.js`` left on the page."""
    if session is not None:
        handover.forget(session, CONFIRMED, CANDIDATES)


__all__ = ["CANDIDATES", "CLICK_EVENTS", "CONFIRMED", "confirm_clickable", "forget_clickable"]
