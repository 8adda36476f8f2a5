"""Where capture and model meet: which facets a control has, and when the DOM answers for the pixels.

The model chooses among the values of a facet; whether a control has the facet at all is the
DOM's to say (:func:`facets_of`). A control whose box lies wholly outside the page, where no
scrolling shows it, or whose centre a scroll container has scrolled out of its visible box, is
``offscreen`` whatever the model read (:func:`layout_offscreen`). Where
nothing of a control is seen (``hidden``, or outside the page), its other facets are what the DOM
says (:func:`unseen_follow_dom`). Then, where a release says how sure it must be to contradict the
DOM, a less sure answer is the DOM's (:func:`autoglm_ui.inference.defer`, the model's own rule).
The :class:`~autoglm_ui.recognizer.Recognizer` applies them in that order to the model's own
answers, and so does the threshold sweep of ``models finish``
(:func:`autoglm_ui.evaluation.overrule.overruled`): what the sweep scores is what the finished
release answers. The model imports no DOM or capture code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autoglm_ui.dom_view import dom_view, facets_for


def facets_of(raw: Mapping[str, Any]) -> frozenset[str]:
    """The facets a captured control has (its kind, and its DOM for the conditional ones)."""
    return frozenset(facets_for(raw))


def _outside(raw: Mapping[str, Any]) -> bool:
    """Laid out and painted, but no part of its box inside the document's scrollable area (a drawer
    slid past the edge, a skip link at a negative offset): the browser's layout says no user sees it."""
    try:
        return (bool(raw.get("displayed", True)) and not raw.get("paint_hidden")
                and float(raw["in_document"]) < 0.01)
    except (KeyError, TypeError, ValueError):  # partial facts (hand-made records): no layout to go by
        return False


def _scrolled_out(raw: Mapping[str, Any]) -> bool:
    """Painted, but the centre of its drawn box lies outside the visible box of a scroll container
    that clips it (a grid column, list or carousel scrolled past it): design.md's ``offscreen``
    ("scrolled out of a scrolling ancestor's visible box"), judged at the centre as ``occluded`` is.
    Captures made before ``centre_shown`` existed never qualify."""
    return (bool(raw.get("displayed", True)) and not raw.get("paint_hidden")
            and raw.get("clipped_by") == "scroll" and raw.get("centre_shown") is False)


def _offscreen_by_layout(raw: Mapping[str, Any]) -> bool:
    return _outside(raw) or _scrolled_out(raw)


def layout_settles(raw: Mapping[str, Any]) -> frozenset[str]:
    """Facets the browser's layout answers whatever the model reads (no threshold reverts them)."""
    return frozenset({"visibility"}) if _offscreen_by_layout(raw) else frozenset()


def layout_offscreen(
    facets: dict[str, str | None], confidence: dict[str, float], raw: Mapping[str, Any]
) -> None:
    """Read a control outside the page, or scrolled out of its scroll container's visible box past
    its centre, as ``offscreen`` (the labelled sets' rule). A model's ``hidden`` stands.

    On the real-library dev set the model read six controls outside the page ``visible`` with
    confidence 0.98 to 1.0 (a blank crop, every hit point outside, yet ``cursor: text`` on an unseen
    library's field outweighed it), and two buttons of a grid column scrolled three quarters out of
    view ``visible`` (the generator drops partly clipped controls, so no model learnt them): the
    layout is a fact, not evidence to weigh. Confidence 1.0: the layout says so.
    """
    if facets.get("visibility") in ("visible", "occluded") and _offscreen_by_layout(raw):
        facets["visibility"], confidence["visibility"] = "offscreen", 1.0


def unseen_follow_dom(
    facets: dict[str, str | None], confidence: dict[str, float], raw: Mapping[str, Any]
) -> None:
    """When the model reads a control as ``hidden`` (or it lies outside the page), set its other
    facets to what the DOM says.

    Nothing of such a control is seen, so a user sees no state that could contradict its DOM
    (the labels of unseen controls are the DOM's too). A model reading a blank crop still picks a
    value; this keeps that guess out of the answer. The confidence is the one of the visibility.
    """
    seen = facets.get("visibility")
    if seen != "hidden" and not (seen == "offscreen" and _outside(raw)):
        return
    try:
        dom = dom_view(raw)
    except (KeyError, TypeError, ValueError):  # partial facts (hand-made records): keep the model's
        return
    for facet, value in dom.items():
        if facet != "visibility" and value is not None and facets.get(facet) is not None:
            facets[facet], confidence[facet] = value, confidence["visibility"]


__all__ = ["facets_of", "layout_offscreen", "layout_settles", "unseen_follow_dom"]
