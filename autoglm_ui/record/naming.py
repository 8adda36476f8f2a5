"""Naming controls for generated code: the shortest target that resolves to exactly that control.

Every reference is verified on the live page by the resolution ``widget_state`` itself uses
(:mod:`autoglm_ui.targets`):

- targets for ``widget_state(...)`` / ``expect_state(...)`` (:func:`name_controls`): a plain name
  string when one resolves uniquely (accessible name, then label, visible text, placeholder,
  test id), else a Playwright locator expression;
- locators for actions (:func:`locate`; ``.click()``, ``.fill()``): in order
  ``get_by_role(role, name=…, exact=True)``, ``get_by_label``, ``get_by_placeholder``,
  ``get_by_text`` (buttons, links, tabs, ``<summary>``), ``get_by_test_id``, ``locator("#id")``,
  and only as a last resort ``.nth(k)`` among controls of the same name (or, for a control
  with no name at all, of the same role or tag).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from autoglm_ui.capture import evaluate_facts
from autoglm_ui.targets import Target, is_selector, to_arg

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)

#: Names longer than this read badly in a test; a locator is used instead.
MAX_NAME = 60
_CSS_ID = re.compile(r"^[A-Za-z][\w-]*$")
_GENERATED_ID = re.compile(r"\d{3,}|^(ember|react|radix|mui|headlessui)", re.IGNORECASE)


def quote(text: str) -> str:
    """A double-quoted Python string literal (non-ASCII left readable)."""
    r = repr(text)
    if r.startswith("'") and '"' not in text:
        return '"' + r[1:-1].replace("\\'", "'") + '"'
    return r


@dataclass(frozen=True)
class Ref:
    """A target as generated code writes it, and the same target built on a live page.

    ``method`` is ``None`` for a plain name string (``text``); otherwise a ``page`` method
    (``get_by_role``, ``get_by_label``, …) called with ``args``/``kwargs``, then ``.nth(nth)``.
    """

    text: str | None = None
    method: str | None = None
    args: tuple[str, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()
    nth: int | None = None

    @property
    def code(self) -> str:
        if self.method is None:
            return quote(self.text or "")
        parts = [quote(a) for a in self.args]
        parts += [f"{k}={quote(v) if isinstance(v, str) else repr(v)}" for k, v in self.kwargs]
        call = f"page.{self.method}({', '.join(parts)})"
        return call if self.nth is None else f"{call}.nth({self.nth})"

    @property
    def by_position(self) -> bool:
        return self.nth is not None

    def build(self, page: Page) -> Target:
        if self.method is None:
            return self.text or ""
        return self.locator(page)

    def locator(self, page: Page) -> Locator:
        if self.method is None:
            raise ValueError(f"{self.code} is a name, not a locator; use build(page)")
        loc: Locator = getattr(page, self.method)(*self.args, **dict(self.kwargs))
        return loc if self.nth is None else loc.nth(self.nth)

    def at(self, k: int) -> Ref:
        return Ref(self.text, self.method, self.args, self.kwargs, k)


def aria_role(raw: Mapping[str, Any]) -> str | None:
    """The ARIA role Playwright's ``get_by_role`` knows this control by (None: no usable role)."""
    role = str(raw.get("role") or "")
    if role:
        return role
    kind, tag, typ = raw.get("kind"), raw.get("tag"), raw.get("type")
    if tag == "input" and typ == "number":
        return "spinbutton"
    if tag == "input" and typ == "search":
        return "searchbox"
    if kind == "select":
        return "combobox"
    if kind == "accordion":
        return "button" if tag == "button" else None
    return str(kind) if kind else None


def name_candidates(raw: Mapping[str, Any]) -> list[str]:
    """Plain strings that might name the control, in order of preference."""
    out: list[str] = []
    for field in ("name", "label", "text", "placeholder", "testid"):
        value = str(raw.get(field) or "").strip()
        if value and len(value) <= MAX_NAME and not is_selector(value) and value not in out:
            out.append(value)
    return out


def locator_candidates(raw: Mapping[str, Any]) -> list[Ref]:
    """Locator expressions for the control, most readable first (positional ones excluded)."""
    out: list[Ref] = []
    role, name = aria_role(raw), str(raw.get("name") or "")
    if role and name:
        out.append(Ref(method="get_by_role", args=(role,), kwargs=(("name", name), ("exact", True))))
    label = str(raw.get("label") or "")
    if label and raw.get("kind") in ("textbox", "select", "checkbox", "radio", "switch"):
        out.append(Ref(method="get_by_label", args=(label,), kwargs=(("exact", True),)))
    placeholder = str(raw.get("placeholder") or "")
    if placeholder:
        out.append(Ref(method="get_by_placeholder", args=(placeholder,), kwargs=(("exact", True),)))
    text = str(raw.get("text") or "")
    if text and text == name and raw.get("kind") in ("button", "link", "tab", "accordion"):
        out.append(Ref(method="get_by_text", args=(text,), kwargs=(("exact", True),)))
    testid = str(raw.get("testid") or "")
    if testid:
        out.append(Ref(method="get_by_test_id", args=(testid,)))
    ident = str(raw.get("id") or "")
    if ident and _CSS_ID.match(ident) and not _GENERATED_ID.search(ident):
        out.append(Ref(method="locator", args=(f"#{ident}",)))
    return out


def _positional_bases(raw: Mapping[str, Any]) -> list[Ref]:
    role, name = aria_role(raw), str(raw.get("name") or "")
    bases = []
    if role and name:
        bases.append(Ref(method="get_by_role", args=(role,), kwargs=(("name", name), ("exact", True))))
    if role and name:
        hidden = (("name", name), ("exact", True), ("include_hidden", True))
        bases.append(Ref(method="get_by_role", args=(role,), kwargs=hidden))
    if not name:  # a control with a name is never picked by position among unrelated ones
        if role:
            bases.append(Ref(method="get_by_role", args=(role,), kwargs=(("include_hidden", True),)))
        bases.append(Ref(method="locator", args=(str(raw.get("tag") or "*"),)))
    return bases


def resolve_indices(page: Page, targets: Sequence[Target]) -> list[int | None]:
    """The control index each target resolves to (None: no match or several), in one round trip.

    The same resolution as :func:`autoglm_ui.targets.capture_targets`, without the screenshots.
    """
    if not targets:
        return []
    answer = evaluate_facts(page, targets=[to_arg(page, t) for t in targets])
    out: list[int | None] = []
    for res in answer["resolutions"]:
        index = res.get("index")
        out.append(None if index is None else int(index))
    return out


def locate(page: Page, raw: Mapping[str, Any], want: int | None = None) -> Ref | None:
    """The first locator for the control ``raw`` describes that resolves to control ``want``.

    ``want`` defaults to ``raw["index"]``. One round trip per candidate tried; positional
    ``.nth(k)`` comes last. None when nothing on the page resolves to that control.
    """
    want = int(raw["index"]) if want is None else want
    for cand in locator_candidates(raw):
        if resolve_indices(page, [cand.locator(page)]) == [want]:
            return cand
    for base in _positional_bases(raw):
        handles = base.locator(page).element_handles()
        if not handles:
            continue
        for k, index in enumerate(resolve_indices(page, handles)):
            if index == want:
                return base.at(k)
    return None


def name_controls(page: Page, states: Sequence[WidgetState]) -> list[Ref | None]:
    """A verified target per state for ``widget_state(...)`` (``None``: nothing resolves to it).

    ``states`` must come from a scan of ``page`` as it is now (their ``raw["index"]`` is the
    page's control enumeration). Names are checked together in one round trip; only controls
    no name singles out cost a locator search.
    """
    wants = [int(s.raw["index"]) for s in states]
    strings = sorted({c for s in states for c in name_candidates(s.raw)})
    resolved = dict(zip(strings, resolve_indices(page, strings), strict=True))
    out: list[Ref | None] = []
    for state, want in zip(states, wants, strict=True):
        name = next((c for c in name_candidates(state.raw) if resolved.get(c) == want), None)
        ref = Ref(text=name) if name is not None else locate(page, state.raw, want)
        if ref is None:
            log.warning("no target resolves uniquely to %s %r; it is left out", state.kind, state.name)
        out.append(ref)
    return out
