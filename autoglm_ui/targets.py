"""Target resolution: a name, a selector string, a Locator or an ElementHandle → exactly one control.

A plain string resolves among the page's controls by accessible name, then label text, visible
text, placeholder, ``data-testid``; exact before case-insensitive before substring (in
``capture.js``, in the same round trip as the facts). Selector strings (``css=…``, ``role=…``,
``text=…``, ``#id``), Locators and ElementHandles are taken as they are.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from autoglm_ui.capture import Box, Capture, TargetArg, capture, evaluate_with_tree, forget_handover
from autoglm_ui.errors import AmbiguousTargetError, DetachedElementError, NoMatchError, TargetError

if TYPE_CHECKING:
    from playwright.sync_api import ElementHandle, Locator, Page

Target = Union[str, "Locator", "ElementHandle"]

SELECTOR_PREFIXES = ("css=", "role=", "text=", "xpath=", "id=", "data-testid=", "internal:", "#", "//")


def is_selector(target: str) -> bool:
    """True for strings taken as Playwright selectors rather than names."""
    return target.startswith(SELECTOR_PREFIXES)


def describe(target: Target) -> str:
    """How a target reads in messages: a name quoted, a Locator as ``locator('selector')``."""
    if isinstance(target, str):
        return repr(target)
    text = str(target)
    found = re.search(r"selector='(.*)'>$", text)
    return f"locator({found.group(1)!r})" if found else text


def to_arg(page: Page, target: Target) -> TargetArg:
    """The ``capture.js`` form of one target (a query, or the element handles it stands for)."""
    from playwright.sync_api import ElementHandle, Locator

    if isinstance(target, str):
        if not is_selector(target):
            return {"query": target}
        return {"handles": page.locator(target).element_handles()}
    if isinstance(target, Locator):
        if target.page != page:
            raise TargetError(
                f"{target} belongs to another page than the one being read; pass page=... "
                "for that page, or build the locator from this page"
            )
        return {"handles": target.element_handles()}
    if isinstance(target, ElementHandle):
        return {"handles": [target]}
    raise TypeError(
        f"a target is a name string, a selector string, a Locator or an ElementHandle, "
        f"not {type(target).__name__}"
    )


def _fmt_candidate(c: Mapping[str, Any]) -> str:
    name = c.get("name") or c.get("label") or c.get("text") or c.get("placeholder") or ""
    return f'{c["kind"]} "{name}" at {Box.of(c["box"])}'


def _hint(c: Mapping[str, Any]) -> str:
    role = "textbox" if c["kind"] == "textbox" else ("combobox" if c["kind"] == "select" else c["kind"])
    role = {"accordion": "button", "switch": "switch"}.get(role, role)
    name = c.get("name") or ""
    return f'page.get_by_role("{role}", name="{name}", exact=True)' if name else "page.locator(...)"


def raise_for(target: Target, resolution: Mapping[str, Any], url: str) -> None:
    """Raise the error a failed resolution deserves: closest names, or every candidate."""
    reason = resolution.get("reason")
    cands: list[Mapping[str, Any]] = list(resolution.get("candidates") or [])
    if reason == "detached":
        raise DetachedElementError(
            f"{describe(target)} is no longer attached to the page (it was removed or re-rendered); "
            "locate it again, e.g. with page.get_by_role(...) rather than a stored ElementHandle"
        )
    if reason == "none":
        names = sorted({str(c.get("name")) for c in cands if c.get("name")})
        query = target if isinstance(target, str) else ""
        close = difflib.get_close_matches(query, names, n=5, cutoff=0.4) if query else []
        if not close:
            close = names[:8]
        listing = ", ".join(f'"{n}"' for n in close) or "none: the page has no controls"
        what = "closest names" if query else "controls on the page"
        raise NoMatchError(
            f"no control matches {describe(target)} on {url}; {what}: {listing}. "
            "Check the spelling, wait for the page to render it, or pass a Locator."
        )
    lines = "\n".join(f"  - {_fmt_candidate(c)}" for c in cands[:12])
    more = f"\n  ... and {len(cands) - 12} more" if len(cands) > 12 else ""
    first = cands[0] if cands else {"kind": "button", "name": ""}
    raise AmbiguousTargetError(
        f"{describe(target)} matches {len(cands)} controls on {url}:\n{lines}{more}\n"
        f"Pick one with a Locator, e.g. {_hint(first)}, a selector such as \"#id\", "
        "page.get_by_test_id(...), or .nth(i)."
    )


def capture_targets(page: Page, targets: Sequence[Target]) -> Capture:
    """Resolve every target and capture them together: one evaluate, as few screenshots as can be."""
    args = [to_arg(page, t) for t in targets]
    answer = evaluate_with_tree(page, targets=args)
    try:
        for target, resolution in zip(targets, answer["resolutions"], strict=True):
            if resolution.get("index") is None:
                raise_for(target, resolution, str(answer["view"]["url"]))
    except TargetError:
        forget_handover(page)
        raise
    return capture(page, targets=args, answer=answer)
