"""Which facets of a control a generated test asserts: the salient ones, or the ones that changed.

The policy for a snapshot (one page as it is), per control, in vocabulary order:

- a control a user cannot see (``hidden``, ``offscreen``) gets its visibility only: nothing else
  about it is perceivable;
- ``disabled``, ``busy``, ``invalid``, ``readonly``, ``occluded``: always (they are what a test is
  for); their defaults ``enabled``, ``idle``, ``valid``, ``editable``, ``visible`` are noise and
  are left out, except that a control with nothing else worth saying gets ``enabled``, so every
  visible control is checked once (a page where "Create account" is present and usable);
- ``checked``/``unchecked``/``mixed`` and a tab's ``selected``/``unselected``: always (both values
  carry meaning); ``expanded``/``collapsed``: always for accordions and disclosure buttons, only
  ``expanded`` for a select (a closed select is the default);
- any facet where what is seen differs from what the DOM says: always, marked as such.

After an action (interactive mode), a control's facets that changed are asserted; a control that
appeared or became visible gets ``visible`` plus its salient facets; one that disappeared gets
its new visibility only. Below :data:`LOW_CONFIDENCE` a check is written as a comment to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from autoglm_ui.vocab import FACET_NAMES

if TYPE_CHECKING:
    from autoglm_ui.state import WidgetState

#: Checks seen with less confidence than this are written as comments for a person to confirm.
LOW_CONFIDENCE = 0.8
UNSEEN = ("hidden", "offscreen")
NOTEWORTHY = {"disabled", "busy", "invalid", "readonly", "occluded", "hidden", "offscreen"}
ALWAYS = {"checked", "selected"}


@dataclass(frozen=True)
class Check:
    """One facet value to assert, how sure the model was, and what the DOM says about it."""

    facet: str
    value: str
    confidence: float
    dom: str | None

    @property
    def disagrees(self) -> bool:
        """The DOM claims another value (the DOM knows no ``occluded``/``offscreen``)."""
        return self.dom is not None and self.dom != self.value

    @property
    def confident(self) -> bool:
        return self.confidence >= LOW_CONFIDENCE


def _check(state: WidgetState, facet: str) -> Check:
    value = state.facets.get(facet)
    assert value is not None
    return Check(facet, value, float(state.confidence.get(facet, 0.0)), state.dom.get(facet))


def _salient(state: WidgetState, facet: str, value: str) -> bool:
    if value in NOTEWORTHY or facet in ALWAYS:
        return True
    if facet == "expanded":
        return state.kind != "select" or value == "expanded"
    return False


def salient_checks(state: WidgetState) -> list[Check]:
    """The checks a snapshot writes for ``state`` (see the module docstring for the policy)."""
    if state.facets.get("visibility") in UNSEEN:
        return [_check(state, "visibility")]
    disagreements = set(state.disagreements)
    out = [
        _check(state, f)
        for f in FACET_NAMES
        if (v := state.facets.get(f)) is not None and (f in disagreements or _salient(state, f, v))
    ]
    if not out and state.facets.get("availability") is not None:
        out.append(_check(state, "availability"))
    return out


def changed_checks(before: WidgetState | None, after: WidgetState) -> list[Check]:
    """The checks an action earned for ``after``: what changed since ``before`` (None: it is new)."""
    was_seen = before is not None and before.facets.get("visibility") not in UNSEEN
    if after.facets.get("visibility") in UNSEEN:
        return [_check(after, "visibility")] if was_seen else []
    if not was_seen:
        checks = salient_checks(after)
        if not any(c.facet == "visibility" for c in checks):
            checks.insert(0, _check(after, "visibility"))
        return [c for c in checks if not (c.facet == "availability" and c.value == "enabled")] or checks
    assert before is not None
    return [
        _check(after, f)
        for f in FACET_NAMES
        if after.facets.get(f) is not None and after.facets.get(f) != before.facets.get(f)
    ]
