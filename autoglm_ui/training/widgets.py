"""What to build: one control's intended (perceived) state, its disagreement case, and the mechanics.

A :class:`Want` says what a sighted user must see (``values``) and, for a hard sample, which
disagreement ``case`` produces it. :func:`looks_and_attrs` turns that into two independent halves:
the DOM half (attributes: ``disabled``, ``aria-*``, ``checked``) and the visual half (abstract
*looks*: ``dis``, ``err``, ``on``, ``open``, ``spin``...). A kit (``kits.py``) draws the looks with
its own classes. Keeping the halves apart is what makes each case a disagreement by construction.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field

#: hard case -> (facet, perceived value, kinds it applies to). The DOM says the opposite.
CASES: dict[str, tuple[str, str, frozenset[str]]] = {
    "dis-look-only": (
        "availability",
        "disabled",
        frozenset({"button", "link", "checkbox", "radio", "switch", "textbox", "select", "tab", "accordion"}),
    ),
    "dis-attr-looks-enabled": (
        "availability",
        "enabled",
        frozenset({"button", "link", "checkbox", "radio", "switch", "textbox", "select", "tab", "accordion"}),
    ),
    "mark-hidden": ("checked", "unchecked", frozenset({"checkbox", "radio", "switch"})),
    "class-checked": ("checked", "checked", frozenset({"checkbox", "radio", "switch"})),
    "class-mixed": ("checked", "mixed", frozenset({"checkbox"})),
    "err-look-no-aria": ("validity", "invalid", frozenset({"textbox", "select"})),
    "aria-invalid-no-look": ("validity", "valid", frozenset({"textbox", "select"})),
    "spinner-no-aria": ("busy", "busy", frozenset({"button", "link"})),
    "aria-busy-no-spinner": ("busy", "idle", frozenset({"button", "link"})),
    "looks-selected": ("selected", "selected", frozenset({"tab"})),
    "looks-unselected": ("selected", "unselected", frozenset({"tab"})),
    "looks-expanded": ("expanded", "expanded", frozenset({"accordion", "select", "button"})),
    "looks-collapsed": ("expanded", "collapsed", frozenset({"accordion", "select", "button"})),
    "readonly-look-only": ("readonly", "readonly", frozenset({"textbox"})),
    "readonly-attr-looks-editable": ("readonly", "editable", frozenset({"textbox"})),
}
#: the read-only cases: drawn only where a kit's fields take the read-only look from a class
READONLY_CASES = frozenset({"readonly-look-only", "readonly-attr-looks-editable"})

#: how a non-visible control is made so: visibility value -> mechanisms (pages.py draws them).
VISIBILITY_HOW: dict[str, tuple[str, ...]] = {
    "hidden": ("display", "visibility", "opacity", "clip", "scale", "sr-only"),
    "occluded": ("overlay", "overlay", "bar"),
    "offscreen": ("scroll", "negative", "translate", "carousel"),
}


@dataclass
class Want:
    """One control to build: kind, accessible name, perceived values, disagreement case."""

    n: int  # data-agl id
    kind: str
    name: str
    values: dict[str, str]  # facet -> perceived value (the label)
    case: str | None = None
    vis_how: str | None = None  # visibility mechanism when not "visible"
    mode: str = ""  # drawing mode chosen by the kit (native, appearance, sibling, role, combobox...)
    icon_only: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def v(self, facet: str) -> str | None:
        return self.values.get(facet)


@dataclass
class Parts:
    """The DOM half (``attrs``) and the visual half (``looks``) of a control, kept independent."""

    attrs: list[str]
    looks: set[str]

    def attr(self) -> str:
        return " ".join(self.attrs)


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def _attr_and_look(w: Want, facet: str, on: str, look_only: str, attr_only: str) -> tuple[bool, bool]:
    """Whether the DOM attribute and the look each say ``on``: both as ``w``'s value of ``facet``
    says, unless its case plants a disagreement (``look_only``: only the look; ``attr_only``: only
    the DOM)."""
    if w.case == look_only:
        return False, True
    if w.case == attr_only:
        return True, False
    return w.v(facet) == on, w.v(facet) == on


def looks_and_attrs(w: Want, *, native_disabled: bool = True, aria_disabled: bool = False) -> Parts:
    """Attributes and looks that realise ``w`` (its case, if any, makes them disagree).

    ``native_disabled``: the element supports the ``disabled`` attribute (buttons, inputs);
    ``aria_disabled``: use ``aria-disabled`` instead (links, role= widgets, or a variation).
    """
    attrs = [f'data-agl="{w.n}"']
    looks: set[str] = set()
    case = w.case
    # availability
    dis_dom, dis_look = _attr_and_look(w, "availability", "disabled", "dis-look-only",
                                       "dis-attr-looks-enabled")
    if dis_dom:
        attrs.append('aria-disabled="true"' if (aria_disabled or not native_disabled) else "disabled")
    if dis_look:
        looks.add("dis")
    # checked (the DOM half is consumed by the kit: it knows checked attr vs aria-checked)
    chk = w.v("checked")
    if chk is not None:
        dom_chk, look = chk, chk
        if case == "mark-hidden":
            dom_chk, look = "checked", "nomark"
        elif case == "class-checked":
            dom_chk, look = "unchecked", "class-on"
        elif case == "class-mixed":
            dom_chk, look = "unchecked", "class-mixed"
        looks.add("chk:" + look)
        looks.add("dom:" + dom_chk)
    # validity
    if w.v("validity") is not None:
        aria_inv, err = _attr_and_look(w, "validity", "invalid", "err-look-no-aria", "aria-invalid-no-look")
        if aria_inv:
            attrs.append('aria-invalid="true"')
        if err:
            looks.add("err")
    # busy
    if w.v("busy") is not None:
        aria_busy, spin = _attr_and_look(w, "busy", "busy", "spinner-no-aria", "aria-busy-no-spinner")
        if aria_busy:
            attrs.append('aria-busy="true"')
        if spin:
            looks.add("spin")
    # selected
    if w.v("selected") is not None:
        aria_sel, on = _attr_and_look(w, "selected", "selected", "looks-selected", "looks-unselected")
        if w.extra.get("aria_selected") != "omit":  # class-only tabs: the look alone says which
            attrs.append(f'aria-selected="{"true" if aria_sel else "false"}"')
        if on:
            looks.add("on")
    # expanded
    if w.v("expanded") is not None:
        aria_exp, open_ = _attr_and_look(w, "expanded", "expanded", "looks-expanded", "looks-collapsed")
        looks.add("dom-open" if aria_exp else "dom-closed")
        if open_:
            looks.add("open")
    # readonly
    if w.v("readonly") is not None:
        ro_attr, ro_look = _attr_and_look(w, "readonly", "readonly", "readonly-look-only",
                                          "readonly-attr-looks-editable")
        if ro_attr:
            attrs.append("readonly")
        if ro_look:
            looks.add("ro")
    return Parts(attrs, looks)


def checked_dom(p: Parts) -> str:
    """The DOM's checked value chosen by :func:`looks_and_attrs` (checked | unchecked | mixed)."""
    for look in p.looks:
        if look.startswith("dom:"):
            return look[4:]
    return "unchecked"


def checked_look(p: Parts) -> str:
    """What the drawing must show: checked | unchecked | mixed | nomark | class-on | class-mixed."""
    for look in p.looks:
        if look.startswith("chk:"):
            return look[4:]
    return "unchecked"


def input_checked_attrs(p: Parts) -> list[str]:
    """Attributes of a native checkbox/radio input for the DOM half (indeterminate set by script)."""
    dom = checked_dom(p)
    if dom == "checked":
        return ["checked"]
    if dom == "mixed":
        return ["data-agl-indet"]
    return []


def aria_checked(p: Parts) -> str:
    dom = checked_dom(p)
    return {"checked": "true", "mixed": "mixed"}.get(dom, "false")


CHEVRON = (
    '<svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14"><path d="M3 6l5 5 5-5" '
    'fill="none" stroke="currentColor" stroke-width="2"/></svg>'
)
ICONS = {
    "plus": '<path d="M8 2v12M2 8h12"/>',
    "trash": '<path d="M3 4h10M6 4V2h4v2M4 4l1 10h6l1-10"/>',
    "gear": '<circle cx="8" cy="8" r="3"/><path d="M8 1v3M8 12v3M1 8h3M12 8h3"/>',
    "search": '<circle cx="7" cy="7" r="4"/><path d="M10 10l4 4"/>',
    "close": '<path d="M3 3l10 10M13 3L3 13"/>',
    "edit": '<path d="M3 13l1-4 7-7 3 3-7 7z"/>',
    "download": '<path d="M8 2v9M4 7l4 4 4-4M2 14h12"/>',
    "star": '<path d="M8 1l2 5h5l-4 3 2 5-5-3-5 3 2-5-4-3h5z"/>',
}


def icon(name: str, css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    return (
        f'<svg{cls} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" '
        f'stroke="currentColor" stroke-width="1.8">{ICONS[name]}</svg>'
    )


#: icons drawn before a button's label (a decorative mark a spinner must be told from)
BUTTON_ICONS = ("plus", "download", "star", "edit", "trash", "gear", "search", "close")


def decorative_icon(rng: random.Random) -> str:
    """An icon drawn before a button's label; one in eight pulses endlessly, as a spinner turns."""
    name = rng.choice(BUTTON_ICONS)
    return icon(name, css_class="kf-beat") if rng.random() < 0.125 else icon(name)
