"""What the DOM alone says about a control, in the facet vocabulary.

This is the view of Playwright's own checks (``is_enabled``, ``is_checked``, ``is_visible``,
``is_editable``) plus the ARIA attributes: the baseline the perceived state is compared with.
It never answers ``occluded`` or ``offscreen``: the DOM has no notion of either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autoglm_ui.vocab import FACET_NAMES, applicable_facets


def _true(v: Any) -> bool:
    return isinstance(v, str) and v.strip().lower() == "true"


def facets_for(raw: Mapping[str, Any]) -> tuple[str, ...]:
    """Facets that apply to this control, from its kind and DOM facts."""
    a = raw.get("attrs", {})
    required = bool(a.get("required")) or _true(a.get("aria_required"))
    has_popup = a.get("aria_expanded") is not None or (a.get("aria_haspopup") not in (None, "false"))
    return applicable_facets(str(raw["kind"]), required=required, has_popup=has_popup)


def dom_view(raw: Mapping[str, Any]) -> dict[str, str | None]:
    """Per facet, the value the DOM claims (``None`` where the facet does not apply)."""
    a: Mapping[str, Any] = raw.get("attrs", {})
    s: Mapping[str, Any] = raw.get("style", {})
    kind = str(raw["kind"])
    applies = set(facets_for(raw))
    out: dict[str, str | None] = dict.fromkeys(FACET_NAMES)

    disabled = bool(a.get("matches_disabled")) or bool(a.get("disabled")) or _true(a.get("aria_disabled"))
    out["availability"] = "disabled" if disabled else "enabled"

    # Playwright's is_visible: a non-empty box and no visibility:hidden.
    box = raw.get("box", {})
    has_box = float(box.get("width", 0)) > 0 and float(box.get("height", 0)) > 0
    visible = bool(raw.get("displayed", True)) and has_box and s.get("visibility") == "visible"
    out["visibility"] = "visible" if visible else "hidden"

    if "checked" in applies:
        aria = a.get("aria_checked") or (a.get("aria_pressed") if kind == "switch" else None)
        if a.get("indeterminate") or aria == "mixed":
            out["checked"] = "mixed"
        elif a.get("checked") is not None and raw.get("tag") == "input":
            out["checked"] = "checked" if a.get("checked") else "unchecked"
        else:
            out["checked"] = "checked" if _true(aria) else "unchecked"
    if "validity" in applies:
        out["validity"] = "invalid" if _true(a.get("aria_invalid")) else "valid"
    if "expanded" in applies:
        if a.get("details_open") is not None:
            out["expanded"] = "expanded" if a.get("details_open") else "collapsed"
        else:
            out["expanded"] = "expanded" if _true(a.get("aria_expanded")) else "collapsed"
    if "busy" in applies:
        out["busy"] = "busy" if _true(a.get("aria_busy")) else "idle"
    if "selected" in applies:
        out["selected"] = "selected" if _true(a.get("aria_selected")) else "unselected"
    if "readonly" in applies:
        ro = bool(a.get("readonly")) or _true(a.get("aria_readonly"))
        out["readonly"] = "readonly" if ro else "editable"
    return out
