"""Where capture and model meet: which facets a control has, and when the DOM answers for the pixels.

The model chooses among the values of a facet; whether a control has the facet at all is the
DOM's to say (:func:`facets_of`). Where the model sees nothing of a control (``hidden``), its other
facets are what the DOM says (:func:`unseen_follow_dom`). The :class:`~autoglm_ui.recognizer.Recognizer`
applies both, so the model imports no DOM or capture code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autoglm_ui.dom_view import dom_view, facets_for


def facets_of(raw: Mapping[str, Any]) -> frozenset[str]:
    """The facets a captured control has (its kind, and its DOM for the conditional ones)."""
    return frozenset(facets_for(raw))


def unseen_follow_dom(
    facets: dict[str, str | None], confidence: dict[str, float], raw: Mapping[str, Any]
) -> None:
    """When the model reads a control as ``hidden``, set its other facets to what the DOM says.

    Nothing of a hidden control is painted, so a user sees no state that could contradict its DOM
    (the labels of hidden controls are the DOM's too). A model reading a blank crop still picks a
    value; this keeps that guess out of the answer. The confidence is the one of ``hidden``.
    """
    if facets.get("visibility") != "hidden":
        return
    try:
        dom = dom_view(raw)
    except (KeyError, TypeError, ValueError):  # partial facts (hand-made records): keep the model's
        return
    for facet, value in dom.items():
        if facet != "visibility" and value is not None and facets.get(facet) is not None:
            facets[facet], confidence[facet] = value, confidence["visibility"]


__all__ = ["facets_of", "unseen_follow_dom"]
