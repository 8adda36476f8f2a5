"""``WidgetState``: what a sighted user perceives a control doing, with the DOM's view beside it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from autoglm_ui.controls import Box
from autoglm_ui.vocab import FACET_NAMES, facet_of

if TYPE_CHECKING:
    from PIL import Image


def _flag(value: str) -> property:
    facet = facet_of(value)

    def get(self: WidgetState) -> bool:
        return self.facets.get(facet) == value

    get.__doc__ = f"True when the perceived {facet} is {value!r}."
    return property(get)


_INPUT_ROLES = {"checkbox": "checkbox", "radio": "radio", "button": "button", "submit": "button",
                "reset": "button", "image": "button", "search": "searchbox", "number": "spinbutton",
                "range": "slider"}


def implicit_role(tag: str, type_: str = "") -> str:
    """The role HTML gives an element without a ``role`` attribute (html-aam), for the control tags."""
    if tag == "input":
        return _INPUT_ROLES.get(type_, "textbox")
    return {"button": "button", "a": "link", "textarea": "textbox", "select": "combobox",
            "summary": "DisclosureTriangle"}.get(tag, "generic")


@dataclass(frozen=True, eq=False, repr=False)
class WidgetState:
    """The perceived state of one control.

    ``st == "disabled"`` is True when any facet has that value; an unknown value name raises
    ``ValueError`` listing the vocabulary. ``facets`` maps every facet to a value or ``None``
    (does not apply); ``dom`` is what the DOM alone says; ``disagreements`` lists the facets
    where the two differ.
    """

    kind: str
    name: str
    box: Box
    facets: Mapping[str, str | None]
    confidence: Mapping[str, float]
    dom: Mapping[str, str | None]
    release: str
    crop: Image.Image | None = field(default=None, repr=False, compare=False)
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def role(self) -> str:
        """The browser's role for the control (the perceived kind is :attr:`kind`).

        The accessibility tree's role where the capture joined a node (custom elements, shadow
        roots), else the ARIA ``role`` attribute, else the element's implicit role.
        """
        ax = self.raw.get("ax")
        if isinstance(ax, Mapping) and ax.get("role"):
            return str(ax["role"])
        explicit = str(self.raw.get("role") or "").split()
        if explicit:
            return explicit[0]
        return implicit_role(str(self.raw.get("tag") or ""), str(self.raw.get("type") or ""))

    @property
    def disagreements(self) -> tuple[str, ...]:
        """Facets where the perceived value differs from what the DOM says."""
        out = []
        for f in FACET_NAMES:
            seen, claimed = self.facets.get(f), self.dom.get(f)
            if seen is None or claimed is None or seen == claimed:
                continue
            # the DOM knows no occluded/offscreen: it says visible, which a user would contradict
            out.append(f)
        return tuple(out)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.facets.get(facet_of(other)) == other
        if isinstance(other, WidgetState):
            return (self.kind, self.name, dict(self.facets)) == (other.kind, other.name, dict(other.facets))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None  # type: ignore[assignment]

    def values(self) -> tuple[str, ...]:
        """The perceived values, in vocabulary order (facets that apply only)."""
        return tuple(v for f in FACET_NAMES if (v := self.facets.get(f)) is not None)

    def describe(self) -> str:
        """One line: kind, name and each perceived value with its confidence."""
        parts = [f"{v} ({self.confidence.get(f, 0.0):.2f})" for f in FACET_NAMES if (v := self.facets.get(f))]
        return f'{self.kind} "{self.name}": ' + ", ".join(parts)

    def table(self) -> list[str]:
        """Per facet: seen, confidence, DOM, and a marker where they disagree (failure messages)."""
        rows = []
        for f in FACET_NAMES:
            seen = self.facets.get(f)
            if seen is None:
                continue
            claimed = self.dom.get(f)
            mark = "  <-- DOM disagrees" if f in self.disagreements else ""
            rows.append(f"{f:>12}: seen {seen:<10} ({self.confidence.get(f, 0.0):.2f})  DOM {claimed}{mark}")
        return rows

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        disagree = ", ".join(f"{f}={self.dom.get(f)}" for f in self.disagreements)
        dom = f"; DOM says {disagree}" if disagree else ""
        return f"<WidgetState {self.describe()}{dom}; release {self.release}>"

    enabled = _flag("enabled")
    disabled = _flag("disabled")
    checked = _flag("checked")
    unchecked = _flag("unchecked")
    mixed = _flag("mixed")
    visible = _flag("visible")
    hidden = _flag("hidden")
    occluded = _flag("occluded")
    offscreen = _flag("offscreen")
    valid = _flag("valid")
    invalid = _flag("invalid")
    expanded = _flag("expanded")
    collapsed = _flag("collapsed")
    busy = _flag("busy")
    idle = _flag("idle")
    selected = _flag("selected")
    unselected = _flag("unselected")
    readonly = _flag("readonly")
    editable = _flag("editable")
