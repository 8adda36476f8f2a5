"""The closed vocabulary of facets, values and control kinds (design.md, "Vocabulary")."""

from __future__ import annotations

from typing import Final, Literal, get_args

Facet = Literal[
    "availability", "checked", "visibility", "validity", "expanded", "busy", "selected", "readonly"
]
Kind = Literal["button", "link", "checkbox", "radio", "switch", "textbox", "select", "tab", "accordion"]
Availability = Literal["enabled", "disabled"]
Checked = Literal["checked", "unchecked", "mixed"]
Visibility = Literal["visible", "hidden", "occluded", "offscreen"]
Validity = Literal["valid", "invalid"]
Expanded = Literal["expanded", "collapsed"]
Busy = Literal["busy", "idle"]
Selected = Literal["selected", "unselected"]
Readonly = Literal["readonly", "editable"]

FACETS: Final[dict[str, tuple[str, ...]]] = {
    "availability": get_args(Availability),
    "checked": get_args(Checked),
    "visibility": get_args(Visibility),
    "validity": get_args(Validity),
    "expanded": get_args(Expanded),
    "busy": get_args(Busy),
    "selected": get_args(Selected),
    "readonly": get_args(Readonly),
}
FACET_NAMES: Final[tuple[str, ...]] = tuple(FACETS)
KINDS: Final[tuple[str, ...]] = get_args(Kind)

#: value name -> facet it belongs to (every value name is unique across facets).
VALUE_TO_FACET: Final[dict[str, str]] = {v: f for f, values in FACETS.items() for v in values}

#: Kinds a facet applies to unconditionally; see :func:`applicable_facets` for the conditional ones.
ALWAYS: Final[dict[str, frozenset[str]]] = {
    "availability": frozenset(KINDS),
    "visibility": frozenset(KINDS),
    "checked": frozenset({"checkbox", "radio", "switch"}),
    "validity": frozenset({"textbox", "select"}),
    "expanded": frozenset({"accordion", "select"}),
    "busy": frozenset({"button", "link"}),
    "selected": frozenset({"tab"}),
    "readonly": frozenset({"textbox"}),
}


def applicable_facets(kind: str, *, required: bool = False, has_popup: bool = False) -> tuple[str, ...]:
    """Facets that apply to a control of ``kind``, in vocabulary order.

    ``required`` adds validity to checkboxes; ``has_popup`` (a button with ``aria-expanded``
    or ``aria-haspopup``, i.e. a disclosure button or combobox trigger) adds expanded.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown control kind {kind!r}; expected one of {', '.join(KINDS)}")
    conditional = {
        "validity": kind == "checkbox" and required,
        "expanded": kind in ("button", "link") and has_popup,
    }
    return tuple(f for f in FACET_NAMES if kind in ALWAYS[f] or conditional.get(f, False))


def facet_of(value: str) -> str:
    """The facet a value name belongs to; ``ValueError`` listing the vocabulary otherwise."""
    try:
        return VALUE_TO_FACET[value]
    except KeyError:
        listing = "; ".join(f"{f}: {'|'.join(v)}" for f, v in FACETS.items())
        raise ValueError(f"unknown state {value!r}; known states are {listing}") from None
