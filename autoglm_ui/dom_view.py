"""What the DOM alone says about a control, in the facet vocabulary.

The states assistive technology is told, read from Chromium's accessibility tree where the capture
joined a node to the control (``raw["ax"]``: roles and states set through ``ElementInternals`` or
inside open shadow roots included), else from the ARIA attributes and native properties; visibility
is Playwright's ``is_visible``. This is the baseline the perceived state is compared with. It never
answers ``occluded`` or ``offscreen``: the DOM has no notion of either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autoglm_ui.vocab import FACET_NAMES, applicable_facets


def _true(v: Any) -> bool:
    return v is True or (isinstance(v, str) and v.strip().lower() == "true")


def tree_node(raw: Mapping[str, Any], tree: bool = True) -> Mapping[str, Any] | None:
    """The accessibility-tree node joined to the control, when there is one that is not ignored."""
    ax = raw.get("ax") if tree else None
    return ax if isinstance(ax, Mapping) and not ax.get("ignored") else None


def facets_for(raw: Mapping[str, Any], *, tree: bool = True) -> tuple[str, ...]:
    """Facets that apply to this control, from its kind and DOM facts (``tree``: and its tree node)."""
    a = raw.get("attrs", {})
    ax = tree_node(raw, tree) or {}
    required = bool(a.get("required")) or _true(a.get("aria_required")) or _true(ax.get("required"))
    has_popup = (
        a.get("aria_expanded") is not None
        or a.get("aria_haspopup") not in (None, "false")
        or "expanded" in ax
        or ax.get("hasPopup") not in (None, "false")
    )
    return applicable_facets(str(raw["kind"]), required=required, has_popup=has_popup)


def dom_view(raw: Mapping[str, Any], *, tree: bool = True) -> dict[str, str | None]:
    """Per facet, the value the DOM claims (``None`` where the facet does not apply).

    ``tree=False`` reads the attributes alone, as the view did before the accessibility tree was
    joined: fact tokens up to version 4 carry that view, so releases built on them read what they
    were trained on.
    """
    a: Mapping[str, Any] = raw.get("attrs", {})
    s: Mapping[str, Any] = raw.get("style", {})
    ax = tree_node(raw, tree)
    kind = str(raw["kind"])
    applies = set(facets_for(raw, tree=tree))
    out: dict[str, str | None] = dict.fromkeys(FACET_NAMES)

    def told(state: str) -> Any:
        """The tree's value of ``state`` (``None``: the tree has no node, or no such state on it)."""
        return ax.get(state) if ax is not None else None

    disabled = bool(a.get("matches_disabled")) or bool(a.get("disabled")) or _true(a.get("aria_disabled"))
    out["availability"] = "disabled" if disabled or _true(told("disabled")) else "enabled"

    # Playwright's is_visible: a non-empty box and no visibility:hidden.
    box = raw.get("box", {})
    has_box = float(box.get("width", 0)) > 0 and float(box.get("height", 0)) > 0
    visible = bool(raw.get("displayed", True)) and has_box and s.get("visibility") == "visible"
    out["visibility"] = "visible" if visible else "hidden"

    if "checked" in applies:
        said = told("checked") if told("checked") is not None else told("pressed")
        aria = a.get("aria_checked") or (a.get("aria_pressed") if kind == "switch" else None)
        if said is not None:
            out["checked"] = {"mixed": "mixed", "true": "checked"}.get(str(said).lower(), "unchecked")
        elif a.get("indeterminate") or aria == "mixed":
            out["checked"] = "mixed"
        elif a.get("checked") is not None and raw.get("tag") == "input":
            out["checked"] = "checked" if a.get("checked") else "unchecked"
        else:
            out["checked"] = "checked" if _true(aria) else "unchecked"
    if "validity" in applies:
        said = told("invalid")
        # a native field failing its constraints (required and empty) before any aria-invalid is
        # what the tree reports too, but no page shows it until the user has been there
        native_only = a.get("valid") is False and a.get("aria_invalid") is None
        if said is not None and not native_only:
            invalid = str(said).lower() not in ("false", "none", "")
        else:
            invalid = _true(a.get("aria_invalid"))
        out["validity"] = "invalid" if invalid else "valid"
    if "expanded" in applies:
        if told("expanded") is not None:
            out["expanded"] = "expanded" if _true(told("expanded")) else "collapsed"
        elif a.get("details_open") is not None:
            out["expanded"] = "expanded" if a.get("details_open") else "collapsed"
        else:
            out["expanded"] = "expanded" if _true(a.get("aria_expanded")) else "collapsed"
    if "busy" in applies:
        out["busy"] = "busy" if _true(a.get("aria_busy")) or _true(told("busy")) else "idle"
    if "selected" in applies:
        said = told("selected")
        selected = _true(said) if said is not None else _true(a.get("aria_selected"))
        out["selected"] = "selected" if selected else "unselected"
    if "readonly" in applies:
        ro = bool(a.get("readonly")) or _true(a.get("aria_readonly")) or _true(told("readonly"))
        out["readonly"] = "readonly" if ro else "editable"
    return out
