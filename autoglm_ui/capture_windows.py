"""Controls below the fold: the window positions that show them as a user scrolling there sees
them, their facts read again in each (scroll, frame, facts in one round trip) and a screenshot of
each; the scroll position is put back afterwards."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from autoglm_ui.controls import CONTEXT_PX
from autoglm_ui.errors import CaptureError
from autoglm_ui.page_facts import (
    ControlFacts,
    KindsGiven,
    TargetArg,
    View,
    evaluate_facts,
    facts_of,
    scroll,
    translate_error,
    view_of,
)
from autoglm_ui.screenshots import Snapshot, screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Page

log = logging.getLogger(__name__)


def needs_window_scroll(c: ControlFacts) -> bool:
    r = c.raw
    return bool(r["displayed"]) and r["in_document"] > 0.5 and r["in_viewport"] < 0.999


def snapshot_for(page: Page, controls: Sequence[ControlFacts], view: View) -> Snapshot:
    if len(controls) == 1:  # one control: a clipped capture is the cheapest (performance.md)
        return screenshot(page, controls[0].drawn.expand(CONTEXT_PX), view)
    return screenshot(page, None, view)


def capture_below_fold(
    page: Page,
    controls: list[ControlFacts],
    away: list[int],
    view: View,
    snapshots: list[Snapshot],
    where: list[int | None],
    targets: Sequence[TargetArg] | None,
    kinds: KindsGiven,
    tree: list[dict[str, Any]] | None,
    shown: Callable[[list[int]], None] | None = None,
) -> None:
    """Scroll the window to each group of below-the-fold controls, re-read them, then scroll back.

    ``shown``: called with each group once its facts and screenshot are in ``controls`` and
    ``snapshots`` (a reader can start on them while the next window is taken)."""
    from playwright.sync_api import Error as PlaywrightError

    pending = sorted(away, key=lambda i: (controls[i].raw["doc_y"], controls[i].raw["doc_x"]))
    shell = view.page_scroller
    origin = (view.scroll_x, view.scroll_y, *((shell.scroll_x, shell.scroll_y) if shell else (None, None)))
    try:
        while pending:
            first = controls[pending[0]].raw
            # the page's own scroll container (an app shell's main content) or the window
            in_shell = bool(first.get("in_page_scroller")) and shell is not None
            width, height = float(view.width), float(view.height)
            if shell is not None and in_shell:
                width, height = shell.width, shell.height
            # a band from a quarter of the window above it, as a user scrolling down sees it: clear
            # of a fixed header up to that height; a control under a fixed bar lower in the band
            # gets a window of its own (below). Where nothing on the page stays in place, bands meet.
            above = 0.0 if view.pinned is False else min(height / 4, (height - first["drawn"]["height"]) / 2)
            sy = max(0.0, first["doc_y"] - max(CONTEXT_PX * 2, above))
            sx = max(0.0, first["doc_x"] + first["drawn"]["width"] - width + CONTEXT_PX * 2)
            sx = 0.0 if first["doc_x"] >= 0 and first["doc_x"] + first["drawn"]["width"] <= width else sx
            group = [
                i for i in pending
                if bool(controls[i].raw.get("in_page_scroller")) == in_shell
                and controls[i].raw["doc_y"] + controls[i].drawn.height <= sy + height
                and sx <= controls[i].raw["doc_x"]
                and controls[i].raw["doc_x"] + controls[i].drawn.width <= sx + width
            ] or [pending[0]]
            there = (origin[0], origin[1], sx, sy) if in_shell else (sx, sy, origin[2], origin[3])
            if targets is not None:
                again = evaluate_facts(page, targets=[targets[i] for i in group], kinds=kinds.subset(group),
                                       tree=tree, scroll=there)
            else:
                indices = [controls[i].index for i in group]
                again = evaluate_facts(page, indices=indices, kinds=kinds, tree=tree, scroll=there)
            moved_view = view_of(again["view"])
            if moved_view.url != view.url or any(item is None for item in again["controls"]):
                raise CaptureError(
                    f"the page changed while it was being read (it navigated to {moved_view.url} or "
                    "re-rendered a control); wait for it to settle first, e.g. page.wait_for_load_state()"
                )
            read = dict(zip(group, again["controls"], strict=True))
            # a fixed or sticky element over a control placed low in this window need not cover it
            # where a user scrolling to it would see it: it gets a window of its own
            group = [i for i in group if i == group[0] or not under_fixed(read[i])]
            for i in group:
                item = dict(read[i])
                item["index"] = controls[i].index
                item["ax"] = controls[i].raw.get("ax")  # the node joined when the capture began
                controls[i] = facts_of(item)
            shot = snapshot_for(page, [controls[i] for i in group], moved_view)
            snapshots.append(shot)
            for i in group:
                where[i] = len(snapshots) - 1
            pending = [i for i in pending if i not in group]
            if shown is not None:
                shown(group)
    except PlaywrightError as exc:
        raise translate_error(exc, page) from exc
    finally:
        try:
            scroll(page, *origin)
        except PlaywrightError as exc:  # the page is gone: nothing left to restore
            log.debug("could not restore the scroll position: %s", exc)


def under_fixed(item: dict[str, Any]) -> bool:
    """Whether a fixed or sticky element lies over any of the control's hit points."""
    return any(h == "other-fixed" for h in item.get("hits") or ())


__all__ = ["capture_below_fold", "needs_window_scroll", "snapshot_for", "under_fixed"]
