"""Scans for tests of the recorder's pure parts: real captures, facets taken from the DOM view.

The recorder takes any ``scan(page) -> list[WidgetState]``; these build real ``WidgetState``s
from a real capture of a real page, with the DOM's view standing in for the model's, so naming,
regions, rendering and action recording are tested without a trained release. End-to-end tests
use the real :class:`~autoglm_ui.Recognizer` (see ``conftest.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from autoglm_ui.capture import capture
from autoglm_ui.dom_view import dom_view
from autoglm_ui.state import WidgetState

if TYPE_CHECKING:
    from playwright.sync_api import Page

DOM_RELEASE = "dom-view (test stand-in)"


def dom_scan(page: Page) -> list[WidgetState]:
    """Every control of ``page``, perceived exactly as the DOM claims, with full confidence."""
    out = []
    for c in capture(page, all_controls=True).controls:
        dom = dom_view(c.raw)
        out.append(
            WidgetState(
                kind=c.kind, name=c.name, box=c.box, facets=dom,
                confidence={f: 1.0 for f, v in dom.items() if v is not None},
                dom=dom, release=DOM_RELEASE, raw=c.raw,
            )
        )
    return out


def seen_as(
    name: str, facets: Mapping[str, str], confidence: float = 0.97
) -> Callable[[Page], list[WidgetState]]:
    """A DOM scan where control ``name`` is *seen* with other ``facets`` (pixels disagreeing)."""

    def scan(page: Page) -> list[WidgetState]:
        states = dom_scan(page)
        for i, s in enumerate(states):
            if s.name == name:
                conf = {**s.confidence, **dict.fromkeys(facets, confidence)}
                states[i] = dataclasses.replace(s, facets={**s.facets, **facets}, confidence=conf)
        return states

    return scan
