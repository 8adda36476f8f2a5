"""Capture: one viewport screenshot plus the DOM facts of every requested control, in one round trip.

The same code serves training (synthetic pages) and inference (a user's page). It never mutates
the page; to show a control below the fold it scrolls the top-level window as a user would and
puts the scroll position back. Inner scroll containers are never scrolled: their clipping is
evidence of ``offscreen``.

This module puts the capture together; :mod:`autoglm_ui.page_facts` runs ``capture.js`` and holds
what it answers, :mod:`autoglm_ui.screenshots` takes the pixels and
:mod:`autoglm_ui.capture_windows` shows the controls below the fold.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from PIL import Image

from autoglm_ui.accessibility import ax_kind, forget_tree, read_accessibility, stash_tree_controls, tag_kind
from autoglm_ui.capture_windows import capture_below_fold, needs_window_scroll, snapshot_for
from autoglm_ui.clickable import confirm_clickable, forget_clickable
from autoglm_ui.controls import CONTEXT_PX, PAD_RGB, Box, Crop
from autoglm_ui.errors import CaptureError, DetachedElementError
from autoglm_ui.page_facts import (
    ControlFacts,
    KindsGiven,
    Scroller,
    TargetArg,
    View,
    capture_script,
    evaluate_facts,
    facts_of,
    scroll_script,
    translate_error,
    view_of,
)
from autoglm_ui.screenshots import Snapshot, cdp_session, screenshot

if TYPE_CHECKING:
    from playwright.sync_api import ElementHandle, Page

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Capture:
    """Facts of the requested controls and the screenshots their crops are cut from."""

    view: View
    controls: tuple[ControlFacts, ...]
    snapshots: tuple[Snapshot, ...]
    snapshot_of: tuple[int | None, ...]  # per control: which snapshot shows it (None: no pixels)

    def crop(self, i: int, context: float = CONTEXT_PX) -> Crop:
        """Cut control ``i``'s drawn box plus ``context`` CSS px from its snapshot, padding outside."""
        control = self.controls[i]
        which = self.snapshot_of[i]
        drawn = control.drawn
        if which is None or drawn.empty or not control.raw.get("displayed", True):
            size = 32
            return Crop(Image.new("RGB", (size, size), PAD_RGB), (0.0, 0.0, 0.0, 0.0), True)
        snap = self.snapshots[which]
        region = drawn.expand(context)
        s = snap.scale
        w, h = max(1, round(region.width * s)), max(1, round(region.height * s))
        out = Image.new("RGB", (w, h), PAD_RGB)
        left = round((region.x - snap.region.x) * s)
        top = round((region.y - snap.region.y) * s)
        sx0, sy0 = max(0, left), max(0, top)
        sx1, sy1 = min(snap.image.width, left + w), min(snap.image.height, top + h)
        blank = sx1 <= sx0 or sy1 <= sy0
        if not blank:
            inner = snap.image.crop((sx0, sy0, sx1, sy1))
            out.paste(inner, (sx0 - left, sy0 - top))
        box = (context * s, context * s, drawn.width * s, drawn.height * s)
        return Crop(out, box, blank)


#: Called during a capture with what it holds so far and the indices of the controls just made final.
ShotHook: TypeAlias = Callable[[Capture, Sequence[int]], None]


def capture(
    page: Page,
    *,
    handles: Sequence[ElementHandle] | None = None,
    targets: Sequence[TargetArg] | None = None,
    all_controls: bool = False,
    answer: dict[str, Any] | None = None,
    on_shot: ShotHook | None = None,
) -> Capture:
    """Capture the page: facts of the chosen controls, then as few screenshots as cover them.

    Choose controls with ``handles``, with ``targets`` (queries resolved in the same round trip;
    see :mod:`autoglm_ui.targets`) or ``all_controls``; ``answer`` is an :func:`evaluate_facts`
    result already in hand for those same ``targets``. ``on_shot(capture_so_far, indices)`` is
    called after each screenshot with the controls whose facts and pixels are now final (every
    control once), so a reader can start on them while the capture goes on below the fold.
    """
    if handles is not None:
        targets = [{"handles": [h]} for h in handles]
    from playwright.sync_api import Error as PlaywrightError

    handed_over = answer is not None and _handed_over(answer)
    try:
        cap, handed_over = _capture(page, targets, all_controls, answer, on_shot)
        return cap
    except PlaywrightError as exc:
        raise translate_error(exc, page) from exc
    finally:
        if handed_over:
            try:
                forget_handover(page)
            except PlaywrightError as exc:  # the page is gone: nothing left on it
                log.debug("could not clear the accessibility hand-over: %s", exc)


def forget_handover(page: Page) -> None:
    """Remove what a capture handed ``capture.js`` (the tree's controls, the confirmed clickable headers)."""
    session = cdp_session(page)
    forget_tree(session)
    forget_clickable(session)


def _handed_over(answer: Mapping[str, Any]) -> bool:
    """Whether :func:`evaluate_with_tree` left elements on the page for ``capture.js`` (to clear)."""
    return bool(answer.get("tree") or answer.get("clickable"))


def needs_tree(targets: Sequence[TargetArg] | None, all_controls: bool) -> bool:
    """Whether controls are found by name or all at once: then the whole accessibility tree is read."""
    return all_controls or any("query" in t for t in targets or ())


def evaluate_with_tree(
    page: Page, *, targets: Sequence[TargetArg] | None = None, all_controls: bool = False
) -> dict[str, Any]:
    """:func:`evaluate_facts` for a capture: with the accessibility tree's controls where names or a
    scan need them, and the clickable headers a click listener serves (call :func:`forget_handover`
    when the capture is done)."""
    from playwright.sync_api import Error as PlaywrightError

    answer = evaluate_facts(page, targets=targets, all_controls=all_controls, stash=True)
    tree = None
    clickable = 0
    custom, candidates = answer.get("custom_elements"), answer.get("click_candidates")
    if needs_tree(targets, all_controls) and (custom or candidates):
        try:
            session = cdp_session(page)
            tree = stash_tree_controls(session) if custom else None
            # clickable-looking headers: is a click listened for?
            clickable = confirm_clickable(session) if candidates else 0
        except PlaywrightError as exc:
            raise translate_error(exc, page) from exc
        if tree or clickable:  # find and name the controls as the tree and the listeners say
            answer = evaluate_facts(page, targets=targets, all_controls=all_controls, stash=True, tree=tree)
    answer["tree"] = tree  # the controls handed over, for the later calls of the same capture
    answer["clickable"] = clickable  # the confirmed headers stay on the page until the capture ends
    return answer


def _capture(
    page: Page,
    targets: Sequence[TargetArg] | None,
    all_controls: bool,
    answer: dict[str, Any] | None,
    on_shot: ShotHook | None = None,
) -> tuple[Capture, bool]:
    """The capture, and whether the accessibility tree's controls were handed over (to clear)."""
    if answer is None:
        answer = evaluate_with_tree(page, targets=targets, all_controls=all_controls)
    tree = answer.get("tree")
    session = cdp_session(page)
    items = answer["controls"]
    if any(item is None for item in items):
        raise DetachedElementError(
            "the element is no longer attached to the page (it was removed or re-rendered); "
            "locate it again, e.g. with page.get_by_role(...) instead of a stored ElementHandle"
        )
    stashed = int(answer.get("stashed", 0))
    nodes = read_accessibility(session, len(items)) if stashed else [None] * len(items)
    nodes = [it.get("ax") or node for it, node in zip(items, nodes, strict=True)]
    items, nodes, kinds = _settle_kinds(page, items, nodes, targets, all_controls, tree)
    view = view_of(answer["view"])
    controls = [facts_of({**item, "ax": node}) for item, node in zip(items, nodes, strict=True)]
    snapshots: list[Snapshot] = []
    where: list[int | None] = [None] * len(controls)

    def so_far() -> Capture:
        return Capture(view, tuple(controls), tuple(snapshots), tuple(where))

    here = [i for i, c in enumerate(controls) if not needs_window_scroll(c)]
    away = [i for i, c in enumerate(controls) if needs_window_scroll(c)]
    if here:
        shown = [i for i in here if controls[i].raw["displayed"] and not controls[i].drawn.empty]
        if shown:
            snapshots.append(snapshot_for(page, [controls[i] for i in shown], view))
            for i in shown:
                where[i] = 0
        if on_shot is not None:
            on_shot(so_far(), here)
    if away:
        hook = None if on_shot is None else (lambda group: on_shot(so_far(), group))
        capture_below_fold(page, controls, away, view, snapshots, where, targets, kinds, tree, hook)
    return so_far(), _handed_over(answer)


def _settle_kinds(
    page: Page,
    items: list[dict[str, Any]],
    nodes: list[dict[str, Any] | None],
    targets: Sequence[TargetArg] | None,
    all_controls: bool,
    tree: list[dict[str, Any]] | None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any] | None], KindsGiven]:
    """Kinds the markup could not name, from the accessibility tree; facts read again with them.

    A custom element operated itself (its role in ``ElementInternals``) is described once more with
    the tree's kind. In a scan, such an element whose role names no kind is not a control and is
    dropped, as is a control whose facts could not be read (logged with the reason); a target's
    unreadable facts are an error naming it.
    """
    by_index: dict[int, str] = {}
    by_target: dict[int, str] = {}
    for pos, (item, node) in enumerate(zip(items, nodes, strict=True)):
        kind = (ax_kind(node) or tag_kind(item.get("tag"), node)) if item.get("kind_unresolved") else None
        if kind is not None:
            by_index[int(item["index"])] = kind
            by_target[pos] = kind
    kinds = KindsGiven(by_index, by_target if targets is not None else {})
    if by_index:
        again = evaluate_facts(
            page, targets=targets, indices=None if targets is not None else [int(i["index"]) for i in items],
            kinds=kinds, tree=tree,
        )["controls"]
        if len(again) != len(items) or any(a is None for a in again):
            raise CaptureError("the page changed while it was being read; wait for it to settle first,"
                               " e.g. page.wait_for_load_state()")
        items = list(again)
    keep = []
    for pos, item in enumerate(items):
        if "error" in item:
            if targets is not None:
                raise CaptureError(
                    f"could not read the facts of the {item.get('kind')} at {Box.of(item['box'])}:"
                    f" {item['error']}; report it with the page's markup"
                )
            log.warning("left out a control whose facts could not be read: %s", item["error"])
            continue
        if all_controls and item.get("kind_unresolved"):
            continue  # a focusable custom element whose role is none of the vocabulary's kinds
        keep.append(pos)
    if len(keep) != len(items):
        items, nodes = [items[p] for p in keep], [nodes[p] for p in keep]
    return items, nodes, kinds


__all__ = [
    "Box",
    "Capture",
    "ControlFacts",
    "Crop",
    "Scroller",
    "ShotHook",
    "Snapshot",
    "TargetArg",
    "View",
    "capture",
    "capture_script",
    "cdp_session",
    "evaluate_facts",
    "evaluate_with_tree",
    "forget_handover",
    "needs_tree",
    "screenshot",
    "scroll_script",
    "view_of",
]
