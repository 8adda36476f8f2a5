"""Capture: one viewport screenshot plus the DOM facts of every requested control, in one round trip.

The same code serves training (synthetic pages) and inference (a user's page). It never mutates
the page; to show a control below the fold it scrolls the top-level window as a user would and
puts the scroll position back. Inner scroll containers are never scrolled: their clipping is
evidence of ``offscreen``.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from PIL import Image

from autoglm_ui.accessibility import ax_kind, forget_tree, read_accessibility, stash_tree_controls, tag_kind
from autoglm_ui.clickable import confirm_clickable, forget_clickable
from autoglm_ui.controls import CONTEXT_PX, PAD_RGB, Box, Crop
from autoglm_ui.errors import CaptureError, DetachedElementError

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession, ElementHandle, Page

log = logging.getLogger(__name__)



#: A line of ``capture.js`` replaced by the named source of the package (which shares its closure).
_INCLUDE = re.compile(r"^[ \t]*// @include ([\w.]+\.js)[ \t]*$", re.MULTILINE)


def _source(name: str) -> str:
    """A page-side script of the package with its ``// @include`` lines replaced."""
    def read(file: str) -> str:
        return resources.files("autoglm_ui").joinpath(file).read_text(encoding="utf-8")

    return _INCLUDE.sub(lambda m: read(m.group(1)).rstrip("\n"), read(name))


@cache
def capture_script() -> str:
    """The page-side JavaScript (``capture.js`` and its includes) that returns facts as one JSON string."""
    return _source("capture.js")


@cache
def scroll_script() -> str:
    """Scrolls the window and, in an app shell, the page's own scroll container (``page_scroller.js``)."""
    return _source("scroll.js")


@cache
def scrolled_capture_script() -> str:
    """Scroll (:func:`scroll_script`, which returns after the next frame), then read the facts
    (:func:`capture_script`): one round trip per window of a capture below the fold."""
    return (f"async ({{scroll, facts}}) => {{ await ({scroll_script()})(scroll);"
            f" return ({capture_script()})(facts); }}")


@dataclass(frozen=True)
class ControlFacts:
    """One control as the DOM describes it: kind, name, boxes and the raw facts from ``capture.js``."""

    index: int
    kind: str
    name: str
    box: Box
    drawn: Box
    raw: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Scroller:
    """An app shell's own scroll container: its client box (viewport coordinates) and where it is scrolled."""

    x: float
    y: float
    width: float
    height: float
    scroll_x: float
    scroll_y: float


@dataclass(frozen=True)
class View:
    """The top-level viewport when the facts were read."""

    url: str
    scroll_x: float
    scroll_y: float
    width: int
    height: int
    dpr: float
    page_scroller: Scroller | None = None


@dataclass(frozen=True)
class Snapshot:
    """Pixels of ``region`` (CSS px, viewport coordinates) at ``scale`` image px per CSS px."""

    image: Image.Image = field(repr=False)
    region: Box
    scale: float


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


# ---------------------------------------------------------------------------------------------
_cdp_sessions: weakref.WeakKeyDictionary[Any, CDPSession] = weakref.WeakKeyDictionary()


def _translate(exc: Exception, page: Page) -> CaptureError:
    msg = str(exc)
    if "closed" in msg.lower() or page.is_closed():
        return CaptureError(
            "the page was closed before its controls could be read; read states before page.close()"
            " or the end of the test"
        )
    if "context was destroyed" in msg or "navigat" in msg.lower() or "Not attached" in msg:
        return CaptureError(
            f"the page navigated away while its controls were being read ({page.url}); wait for the"
            " navigation first, e.g. page.wait_for_load_state() or page.wait_for_url(...)"
        )
    return CaptureError(f"could not read the page's controls: {msg.splitlines()[0] if msg else exc!r}")


#: One target for capture.js: ``{"query": "Save"}`` or ``{"handles": [ElementHandle, ...]}``.
TargetArg = dict[str, Any]


@dataclass(frozen=True)
class KindsGiven:
    """Kinds the accessibility tree gave: by control index (scans) or by target position."""

    by_index: Mapping[int, str] = field(default_factory=dict)
    by_target: Mapping[int, str] = field(default_factory=dict)

    def subset(self, positions: Sequence[int]) -> KindsGiven:
        """The same kinds for a call over ``targets[p] for p in positions`` (renumbered)."""
        return KindsGiven(self.by_index, {k: self.by_target[p] for k, p in enumerate(positions)
                                          if p in self.by_target})


def evaluate_facts(
    page: Page,
    *,
    targets: Sequence[TargetArg] | None = None,
    indices: Sequence[int] | None = None,
    all_controls: bool = False,
    kinds: KindsGiven | None = None,
    stash: bool = False,
    tree: Sequence[Mapping[str, Any]] | None = None,
    scroll: Sequence[float | None] | None = None,
) -> dict[str, Any]:
    """Run ``capture.js`` once; its answer holds ``view``, ``controls`` and per-target ``resolutions``.

    ``scroll``: first scroll as :func:`_scroll` does (window x, y, page scroller x, y), in the same
    round trip.

    ``kinds``: the kinds the accessibility tree gave controls no markup rule could name; ``stash``:
    leave the described elements for :func:`autoglm_ui.accessibility.read_accessibility`; ``tree``:
    the accessibility tree's controls :func:`~autoglm_ui.accessibility.stash_tree_controls` handed
    over (pass the same list to every call of one capture, so controls keep their indices).
    """
    from playwright.sync_api import Error as PlaywrightError

    arg: dict[str, Any] = {
        "targets": list(targets) if targets is not None else None,
        "indices": list(indices) if indices is not None else None,
        "all": all_controls,
        "kinds": {str(i): k for i, k in (kinds.by_index if kinds else {}).items()},
        "target_kinds": [kinds.by_target.get(i) for i in range(len(targets))] if kinds and targets else None,
        "stash": stash,
        "ax": list(tree) if tree else None,
    }
    try:
        if scroll is None:
            raw = page.evaluate(capture_script(), arg)
        else:
            raw = page.evaluate(scrolled_capture_script(), {"scroll": list(scroll), "facts": arg})
    except PlaywrightError as exc:
        raise _translate(exc, page) from exc
    data: dict[str, Any] = json.loads(raw)
    return data


def facts_of(item: Mapping[str, Any]) -> ControlFacts:
    return ControlFacts(
        index=int(item["index"]),
        kind=str(item["kind"]),
        name=str(item["name"]),
        box=Box.of(item["box"]),
        drawn=Box.of(item["drawn"]),
        raw=item,
    )


def view_of(d: Mapping[str, Any]) -> View:
    return View(
        url=str(d["url"]),
        scroll_x=float(d["scroll_x"]),
        scroll_y=float(d["scroll_y"]),
        width=int(d["width"]),
        height=int(d["height"]),
        dpr=float(d["dpr"]),
        page_scroller=Scroller(**{k: float(v) for k, v in d["page_scroller"].items()})
        if d.get("page_scroller") else None,
    )


def screenshot(page: Page, region: Box | None, view: View) -> Snapshot:
    """Pixels of ``region`` of the viewport (the whole viewport when None), via CDP where possible."""
    from playwright.sync_api import Error as PlaywrightError

    full = Box(0, 0, view.width, view.height)
    region = full if region is None else _intersect(region, full)
    if region.empty:
        return Snapshot(Image.new("RGB", (1, 1), PAD_RGB), region, view.dpr)
    try:
        session = cdp_session(page)
        if session is not None:
            params = {
                "format": "png",
                "optimizeForSpeed": True,
                "captureBeyondViewport": False,
                "clip": {
                    "x": region.x + view.scroll_x,
                    "y": region.y + view.scroll_y,
                    "width": region.width,
                    "height": region.height,
                    "scale": view.dpr,  # device pixels, as the user's screen shows them
                },
            }
            data = base64.b64decode(session.send("Page.captureScreenshot", params)["data"])
        else:
            data = page.screenshot(
                clip={"x": region.x, "y": region.y, "width": region.width, "height": region.height},
                animations="allow",
                caret="initial",
            )
    except PlaywrightError as exc:
        raise _translate(exc, page) from exc
    image = Image.open(io.BytesIO(data)).convert("RGB")
    return Snapshot(image, region, image.width / region.width)


def cdp_session(page: Page) -> CDPSession | None:
    session = _cdp_sessions.get(page)
    if session is None:
        if page.context.browser is None or page.context.browser.browser_type.name != "chromium":
            return None
        session = page.context.new_cdp_session(page)
        _cdp_sessions[page] = session
    return session


def _intersect(a: Box, b: Box) -> Box:
    x0, y0 = max(a.x, b.x), max(a.y, b.y)
    x1, y1 = min(a.x + a.width, b.x + b.width), min(a.y + a.height, b.y + b.height)
    return Box(x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))


def _needs_window_scroll(c: ControlFacts) -> bool:
    r = c.raw
    return bool(r["displayed"]) and r["in_document"] > 0.5 and r["in_viewport"] < 0.999


def capture(
    page: Page,
    *,
    handles: Sequence[ElementHandle] | None = None,
    targets: Sequence[TargetArg] | None = None,
    all_controls: bool = False,
    answer: dict[str, Any] | None = None,
) -> Capture:
    """Capture the page: facts of the chosen controls, then as few screenshots as cover them.

    Choose controls with ``handles``, with ``targets`` (queries resolved in the same round trip;
    see :mod:`autoglm_ui.targets`) or ``all_controls``; ``answer`` is an :func:`evaluate_facts`
    result already in hand for those same ``targets``.
    """
    if handles is not None:
        targets = [{"handles": [h]} for h in handles]
    from playwright.sync_api import Error as PlaywrightError

    handed_over = answer is not None and _handed_over(answer)
    try:
        cap, handed_over = _capture(page, targets, all_controls, answer)
        return cap
    except PlaywrightError as exc:
        raise _translate(exc, page) from exc
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
            raise _translate(exc, page) from exc
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
    controls = [facts_of(item) for item in items]
    snapshots: list[Snapshot] = []
    where: list[int | None] = [None] * len(controls)

    here = [i for i, c in enumerate(controls) if not _needs_window_scroll(c)]
    away = [i for i, c in enumerate(controls) if _needs_window_scroll(c)]
    if here:
        shown = [i for i in here if controls[i].raw["displayed"] and not controls[i].drawn.empty]
        if shown:
            snapshots.append(_snapshot_for(page, [controls[i] for i in shown], view))
            for i in shown:
                where[i] = 0
    if away:
        _capture_scrolled(page, controls, away, view, snapshots, where, targets, kinds, tree)
    controls = [facts_of({**c.raw, "ax": node}) for c, node in zip(controls, nodes, strict=True)]
    return Capture(view, tuple(controls), tuple(snapshots), tuple(where)), _handed_over(answer)


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


def _snapshot_for(page: Page, controls: Sequence[ControlFacts], view: View) -> Snapshot:
    if len(controls) == 1:  # one control: a clipped capture is the cheapest (performance.md)
        return screenshot(page, controls[0].drawn.expand(CONTEXT_PX), view)
    return screenshot(page, None, view)


def _capture_scrolled(
    page: Page,
    controls: list[ControlFacts],
    away: list[int],
    view: View,
    snapshots: list[Snapshot],
    where: list[int | None],
    targets: Sequence[TargetArg] | None,
    kinds: KindsGiven,
    tree: list[dict[str, Any]] | None,
) -> None:
    """Scroll the window to each group of below-the-fold controls, re-read them, then scroll back."""
    from playwright.sync_api import Error as PlaywrightError

    pending = sorted(away, key=lambda i: (controls[i].raw["doc_y"], controls[i].raw["doc_x"]))
    shell = view.page_scroller
    origin = (view.scroll_x, view.scroll_y, *((shell.scroll_x, shell.scroll_y) if shell else (None, None)))
    try:
        while pending:
            first = controls[pending[0]].raw
            # the page's own scroll container (an app shell's main content) or the window
            in_shell = bool(first.get("in_page_scroller")) and shell is not None
            width, height = (view.width, view.height)
            if shell is not None and in_shell:
                width, height = shell.width, shell.height
            # a band from a quarter of the window above it, as a user scrolling down sees it: clear
            # of a fixed header up to that height; a control under a fixed bar lower in the band
            # gets a window of its own (below)
            above = min(height / 4, (height - first["drawn"]["height"]) / 2)
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
            group = [i for i in group if i == group[0] or not _under_fixed(read[i])]
            for i in group:
                item = dict(read[i])
                item["index"] = controls[i].index
                controls[i] = facts_of(item)
            shot = _snapshot_for(page, [controls[i] for i in group], moved_view)
            snapshots.append(shot)
            for i in group:
                where[i] = len(snapshots) - 1
            pending = [i for i in pending if i not in group]
    except PlaywrightError as exc:
        raise _translate(exc, page) from exc
    finally:
        try:
            _scroll(page, *origin)
        except PlaywrightError as exc:  # the page is gone: nothing left to restore
            log.debug("could not restore the scroll position: %s", exc)


def _under_fixed(item: dict[str, Any]) -> bool:
    """Whether a fixed or sticky element lies over any of the control's hit points."""
    return any(h == "other-fixed" for h in item.get("hits") or ())


def _scroll(
    page: Page, x: float, y: float, shell_x: float | None = None, shell_y: float | None = None
) -> None:
    """Scroll the window to (x, y) and the page's own scroll container, where there is one, to ``shell_*``."""
    page.evaluate(scroll_script(), [x, y, shell_x, shell_y])
