"""What ``capture.js`` answers about a page: the page-side scripts, the facts of its controls and
the view they were read in, and how a Playwright error met on the way becomes a :class:`CaptureError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from autoglm_ui.controls import Box
from autoglm_ui.errors import CaptureError

if TYPE_CHECKING:
    from playwright.sync_api import Page


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
    #: whether a rendered element stays in place while the window scrolls (position fixed or
    #: sticky); ``None``: not looked for (no control lay below the fold)
    pinned: bool | None = None


def translate_error(exc: Exception, page: Page) -> CaptureError:
    """A Playwright error met while reading ``page``, as the error a user can act on."""
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

    ``scroll``: first scroll as :func:`scroll` does (window x, y, page scroller x, y), in the same
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
        raise translate_error(exc, page) from exc
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
        pinned=None if d.get("pinned") is None else bool(d["pinned"]),
    )


def scroll(
    page: Page, x: float, y: float, shell_x: float | None = None, shell_y: float | None = None
) -> None:
    """Scroll the window to (x, y) and the page's own scroll container, where there is one, to ``shell_*``."""
    page.evaluate(scroll_script(), [x, y, shell_x, shell_y])


__all__ = [
    "ControlFacts",
    "KindsGiven",
    "Scroller",
    "TargetArg",
    "View",
    "capture_script",
    "evaluate_facts",
    "facts_of",
    "scroll",
    "scroll_script",
    "scrolled_capture_script",
    "translate_error",
    "view_of",
]
