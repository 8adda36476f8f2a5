"""Check a built control against what rendering shows: the intended visibility must match the facts.

Labels come from how a page was built; layout can still surprise (an overlay that misses a centre,
a list that scrolls less than planned). :func:`observe_visibility` reads the capture facts
(geometry, paint, scroll containers, document placement, ``elementFromPoint`` hits) and
:func:`check_visibility` decides: keep, relabel (only between visible and occluded, where the
page's pixels settle it, or for controls in scroll containers planned as ``auto``) or drop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Verdict = Literal["keep", "relabel", "drop"]
AUTO = "auto"


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    label: str | None  # the visibility label to write (None when dropped)
    observed: str | None  # what the facts say (None: ambiguous)
    reason: str = ""


def observe_visibility(raw: Mapping[str, Any]) -> str | None:
    """Visibility as the capture facts show it; ``None`` when the facts are ambiguous (partly clipped)."""
    style = raw.get("style", {})
    drawn = raw.get("drawn", {})
    if not raw.get("displayed", True) or raw.get("paint_hidden"):
        return "hidden"
    if float(style.get("transform_scale", 1.0)) < 0.05:
        return "hidden"
    if float(drawn.get("width", 0)) < 1.5 or float(drawn.get("height", 0)) < 1.5:
        return "hidden"
    in_doc = float(raw.get("in_document", 1.0))
    ratio = float(raw.get("container_visible_ratio", 1.0))
    if in_doc < 0.01 or ratio < 0.01:
        return "offscreen"
    if in_doc < 0.99 or ratio < 0.99:
        return None
    hits = list(raw.get("hits", []))
    centre = hits[0] if hits else "none"
    if centre in ("other", "other-fixed"):
        return "occluded"
    if centre == "self":
        return "visible"
    return None


def check_visibility(intended: str, raw: Mapping[str, Any]) -> Check:
    """Compare the intended visibility label with the facts of the rendered control."""
    observed = observe_visibility(raw)
    if observed is None:
        return Check("drop", None, None, f"{intended}: facts ambiguous (partly clipped or no hit)")
    if intended == AUTO:
        return Check("keep", observed, observed)
    if observed == intended:
        return Check("keep", intended, observed)
    if {intended, observed} <= {"visible", "occluded"}:
        return Check("relabel", observed, observed, f"{intended}->{observed}")
    return Check("drop", None, observed, f"{intended}->{observed}")
