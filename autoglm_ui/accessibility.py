"""What assistive technology is told about each captured control: Chromium's accessibility tree.

``capture.js`` leaves the elements it described, in order, under a symbol-keyed property of the
page's window; :func:`read_accessibility` takes them from there through the Chrome DevTools
Protocol (one ``Runtime.evaluate`` that also removes the property, one ``Runtime.getProperties``)
and asks ``Accessibility.getPartialAXTree`` for each element's own node. The join is exact: the
tree node is the one the browser computed for that very element, across open shadow roots and for
roles and states set through ``ElementInternals``, which no attribute shows. On a browser other
than Chromium there is no tree to read: :func:`read_accessibility` answers ``None`` for every
control and the DOM view falls back to the ARIA attributes (logged once).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from autoglm_ui import handover

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession

log = logging.getLogger(__name__)

#: The window property ``capture.js`` leaves the described elements under (``Symbol.for``).
STASH = "autoglm-ui.elements"
_GROUP = "autoglm-ui"
#: Accessibility-tree roles that name a kind of the vocabulary (design.md), as the tree spells them.
ROLE_KIND: Mapping[str, str] = {
    "button": "button", "link": "link", "checkbox": "checkbox", "radio": "radio", "switch": "switch",
    "textbox": "textbox", "searchbox": "textbox", "spinbutton": "textbox", "textField": "textbox",
    "combobox": "select", "listbox": "select", "ComboBoxMenuButton": "select", "ComboBoxGrouping": "select",
    "ComboBoxSelect": "select", "PopUpButton": "select", "tab": "tab", "menuitemcheckbox": "checkbox",
    "menuitemradio": "radio", "ToggleButton": "button", "DisclosureTriangle": "accordion",
}
#: The states read from a node, by the tree's property names.
_STATES = ("disabled", "checked", "pressed", "expanded", "selected", "invalid", "readonly", "required",
           "busy", "hasPopup", "focusable")

_warned = False


def ax_node(node: Mapping[str, Any]) -> dict[str, Any]:
    """One tree node as plain facts: ``role``, ``name``, ``ignored`` and the states it carries."""
    props = {p.get("name"): (p.get("value") or {}).get("value") for p in node.get("properties") or []}
    out: dict[str, Any] = {
        "role": str((node.get("role") or {}).get("value") or ""),
        "name": str((node.get("name") or {}).get("value") or "").strip(),
        "ignored": bool(node.get("ignored")),
    }
    for state in _STATES:
        if state in props:
            value = props[state]
            out[state] = value if isinstance(value, (bool, int, float)) or value is None else str(value)
    return out


def read_accessibility(session: CDPSession | None, count: int) -> list[dict[str, Any] | None]:
    """The tree's node for each element ``capture.js`` just handed over (``None`` where it handed none)."""
    global _warned
    if session is None:
        if not _warned:
            log.warning(
                "not Chromium: the DOM view reads ARIA attributes instead of the accessibility tree, so"
                " roles and states set through ElementInternals are not seen"
            )
            _warned = True
        return [None] * count
    out: list[dict[str, Any] | None] = [None] * count
    try:
        for position, object_id in handover.take(session, STASH, _GROUP).items():
            if position >= count:
                continue
            tree = session.send("Accessibility.getPartialAXTree",
                                {"objectId": object_id, "fetchRelatives": False})
            nodes = tree.get("nodes") or []
            if nodes:
                out[position] = ax_node(nodes[0])
    finally:
        session.send("Runtime.releaseObjectGroup", {"objectGroup": _GROUP})
    return out


def ax_kind(ax: Mapping[str, Any] | None) -> str | None:
    """The vocabulary's kind for a node's role (``None`` when the role names none)."""
    if not ax or ax.get("ignored"):
        return None
    return ROLE_KIND.get(str(ax.get("role") or ""))


#: What a custom element's name says it is, by its last word(s) (``fluent-checkbox``, ``x-text-field``).
TAG_KIND = (("checkbox", "checkbox"), ("switch", "switch"), ("toggle", "switch"), ("radio", "radio"),
            ("tab", "tab"), ("select", "select"), ("combobox", "select"), ("dropdown", "select"),
            ("text-field", "textbox"), ("textfield", "textbox"), ("input", "textbox"),
            ("textarea", "textbox"), ("link", "link"), ("anchor", "link"), ("button", "button"))


def tag_kind(tag: str | None, ax: Mapping[str, Any] | None) -> str | None:
    """The kind a custom element's tag names, where the tree ignores the element (an inert page
    behind a modal dialog keeps no roles); ``None`` elsewhere, and for tags naming no kind."""
    if not tag or "-" not in tag or not ax or not ax.get("ignored"):
        return None
    last = tag.lower()
    return next((kind for word, kind in TAG_KIND if last.endswith("-" + word)), None)


#: The window property the accessibility tree's controls are handed to ``capture.js`` under.
AX_STASH = "autoglm-ui.ax-elements"


def stash_tree_controls(session: CDPSession | None) -> list[dict[str, Any]] | None:
    """Hand ``capture.js`` every node of the accessibility tree whose role names a kind.

    One ``Accessibility.getFullAXTree``, one ``DOM.resolveNode`` per such node and one
    ``Runtime.callFunctionOn`` that leaves the elements under :data:`AX_STASH`; returns the nodes'
    facts in the same order (with ``kind``), for ``capture.js``'s ``ax`` argument. ``None`` off
    Chromium. A scan and a name then find controls the markup alone does not show (a custom element
    whose role lives in ``ElementInternals``), and each carries what the tree says of it.
    """
    if session is None:
        return None
    nodes = session.send("Accessibility.getFullAXTree").get("nodes") or []
    facts: list[dict[str, Any]] = []
    objects: list[str] = []
    try:
        for node in nodes:
            backend = node.get("backendDOMNodeId")
            fact = ax_node(node)
            kind = ax_kind(fact)
            if backend is None or kind is None:
                continue
            resolved = session.send("DOM.resolveNode", {"backendNodeId": backend, "objectGroup": _GROUP})
            object_id = (resolved.get("object") or {}).get("objectId")
            if object_id:
                facts.append({**fact, "kind": kind})
                objects.append(object_id)
        handover.give(session, AX_STASH, objects)
    finally:
        session.send("Runtime.releaseObjectGroup", {"objectGroup": _GROUP})
    return facts


def forget_tree(session: CDPSession | None) -> None:
    """Remove what :func:`stash_tree_controls` left on the page (a capture calls this when done)."""
    if session is not None:
        handover.forget(session, AX_STASH)
