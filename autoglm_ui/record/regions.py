"""Grouping controls by page region, so a generated test reads top to bottom like the page.

A region is the innermost landmark around a control (header, nav, main, form, fieldset by its
legend, aside, footer, dialog, labelled section). A page without landmarks is cut into vertical
bands one viewport high. A control with no box (not displayed) joins the region of the control
before it in document order, where a reader would look for it. Regions are runs of controls in
document order, so a form interrupted by a fieldset reads "Form", "Plan", "Form (continued)".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from autoglm_ui.errors import CaptureError

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)

REST = "Rest of the page"


@dataclass(frozen=True)
class Region:
    """A titled group of controls; ``members`` are positions in the scanned list, document order."""

    title: str
    members: tuple[int, ...]


@cache
def _script() -> str:
    return resources.files("autoglm_ui.record").joinpath("regions.js").read_text(encoding="utf-8")


def _items(states: Sequence[WidgetState]) -> list[dict[str, Any]]:
    items = []
    for s in states:
        raw = s.raw
        drawn = raw.get("drawn") or {}
        width, height = float(drawn.get("width", 0)), float(drawn.get("height", 0))
        has_box = bool(raw.get("displayed", True)) and width >= 1 and height >= 1
        items.append({
            "id": "" if raw.get("in_shadow") or raw.get("in_frame") else str(raw.get("id") or ""),
            "testid": "" if raw.get("in_frame") else str(raw.get("testid") or ""),
            "cx": float(raw.get("doc_x", 0)) + width / 2,
            "cy": float(raw.get("doc_y", 0)) + height / 2,
            "has_box": has_box,
        })
    return items


def _band(cy: float, height: float) -> str:
    screen = int(max(cy, 0) // max(height, 1))
    return "Top of the page" if screen == 0 else f"Further down (screen {screen + 1})"


def group_regions(page: Page, states: Sequence[WidgetState]) -> list[Region]:
    """The regions of ``states`` (one scan of ``page``), in the order the page shows them."""
    from playwright.sync_api import Error as PlaywrightError

    if not states:
        return []
    items = _items(states)
    try:
        answer = page.evaluate(_script(), items)
    except PlaywrightError as exc:
        first = str(exc).splitlines()[0] if str(exc) else repr(exc)
        raise CaptureError(
            f"could not read the page's landmarks ({first}); wait for {page.url} to settle and retry"
        ) from exc
    titles: list[str] = answer["landmarks"]
    of: list[int] = answer["of"]
    size = page.viewport_size
    height = float(size["height"]) if size else 900.0
    in_landmark = any(i >= 0 for i in of)
    keys: list[str | None] = []
    title_of: dict[str, str] = {"rest": REST}
    for item, mark in zip(items, of, strict=True):
        if not item["has_box"] and mark < 0:
            keys.append(None)  # decided below, from its neighbour
        elif mark >= 0:
            key = f"landmark {mark}"
            keys.append(key)
            title_of[key] = titles[mark]
        elif in_landmark:
            keys.append("rest")
        else:
            key = _band(item["cy"], height)
            keys.append(key)
            title_of[key] = key
    _inherit(keys)
    regions: list[Region] = []
    runs: list[tuple[str, list[int]]] = []
    for position, maybe in enumerate(keys):
        key = maybe or "rest"
        if runs and runs[-1][0] == key:
            runs[-1][1].append(position)
        else:
            runs.append((key, [position]))
    named: dict[str, str] = {}  # key -> title given to its first run
    count: dict[str, int] = {}  # title -> landmarks that have it
    for key, members in runs:
        if key in named:
            title = f"{named[key]} (continued)"
        else:
            base = title_of.get(key, REST)
            count[base] = count.get(base, 0) + 1
            title = base if count[base] == 1 else f"{base} ({count[base]})"
            named[key] = title
        regions.append(Region(title, tuple(members)))
    log.debug("regions: %s", [(r.title, len(r.members)) for r in regions])
    return regions


def _inherit(names: list[str | None]) -> None:
    """Fill unknown regions from the previous known one (or the next, at the start)."""
    last: str | None = None
    for i, name in enumerate(names):
        if name is None:
            names[i] = last
        else:
            last = name
    following: str | None = None
    for i in range(len(names) - 1, -1, -1):
        if names[i] is None:
            names[i] = following
        else:
            following = names[i]
