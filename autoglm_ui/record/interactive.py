"""Interactive mode: record what a user (or a test) does to a page, and the states it changed.

:class:`Recorder` installs a small script (``recording.js``) that reports clicks, fills, checks,
selections and Enter/Escape presses through ``page.expose_binding``, each with the control's facts
read before the page's own handlers ran. :meth:`Recorder.checkpoint` turns the events reported
since the last checkpoint into Playwright calls, scans the page, and keeps ``expect_state``
checks for the controls whose perceived state changed. Driven from code::

    recorder = Recorder(page, Recognizer().scan).start(url)
    page.get_by_label("Email").fill("ada@example.com")
    recorder.checkpoint()
    module_text = recorder.render("test_signup")
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from autoglm_ui.capture import capture_script
from autoglm_ui.errors import CaptureError
from autoglm_ui.record.browsing import Scan, load
from autoglm_ui.record.checks import Check, changed_checks
from autoglm_ui.record.naming import Ref, locate, locator_candidates, name_controls, quote, resolve_indices
from autoglm_ui.record.render import Body, control_lines, fit, goto_lines, module
from autoglm_ui.record.snapshot import Recording, default_test_name

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)

BINDING = "__autoglm_record"
#: How long a checkpoint waits for events the page has sent to arrive.
DELIVERY_TIMEOUT_S = 2.0


@cache
def recording_script() -> str:
    """The init script: ``capture.js`` as ``window.__autoglmFacts``, then ``recording.js``."""
    own = resources.files("autoglm_ui.record").joinpath("recording.js").read_text(encoding="utf-8")
    return f"window.__autoglmFacts = {capture_script().strip()};\n{own}"


@dataclass(frozen=True)
class Action:
    """One recorded Playwright call on a control."""

    kind: str  # click | fill | check | uncheck | select | press
    locator: Ref | None
    value: str | tuple[str, ...] | None = None
    verified: bool = True
    what: str = "a control"

    def code(self) -> str:
        if self.locator is None:
            return f"# {self.kind} on {self.what}: no locator could be found for it"
        call = {"click": "click()", "check": "check()", "uncheck": "uncheck()"}.get(self.kind)
        if call is None:
            if isinstance(self.value, tuple) and len(self.value) != 1:
                arg = f"[{', '.join(map(quote, self.value))}]"
            elif isinstance(self.value, tuple):
                arg = quote(self.value[0])
            else:
                arg = quote(self.value or "")
            method = {"fill": "fill", "select": "select_option", "press": "press"}[self.kind]
            call = f"{method}({arg})"
        return f"{self.locator.code}.{call}"


@dataclass(frozen=True)
class Changed:
    """Checks earned by one control after an action."""

    target: Ref
    name: str
    kind: str
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class Step:
    """The actions between two checkpoints and what they changed (``url``: where it navigated)."""

    actions: tuple[Action, ...]
    changed: tuple[Changed, ...]
    url: str | None = None


def state_key(raw: Any) -> tuple[str, ...]:
    """What identifies a control across two scans: id, test id, else kind and label or name."""
    if raw.get("id"):
        return ("id", str(raw["id"]))
    if raw.get("testid"):
        return ("testid", str(raw["testid"]))
    return ("named", str(raw.get("kind")), str(raw.get("label") or raw.get("placeholder") or raw.get("name")))


def keyed(states: Sequence[WidgetState]) -> dict[tuple[str, ...], WidgetState]:
    """States by :func:`state_key`, repeated keys numbered in document order."""
    out: dict[tuple[str, ...], WidgetState] = {}
    for s in states:
        key = state_key(s.raw)
        n = sum(1 for k in out if k[: len(key)] == key)
        out[(*key, str(n)) if n else key] = s
    return out


def merge_fills(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with each run of inputs into one field folded into one fill (its final value)."""
    merged: list[dict[str, Any]] = []
    for ev in events:
        last = merged[-1] if merged else None
        same = last is not None and (ev["doc"], ev["ref"]) == (last["doc"], last["ref"])
        if same and ev["type"] == "fill" and last is not None and last["type"] == "fill":
            merged[-1] = ev
        else:
            merged.append(ev)
    return merged


class Recorder:
    """Records actions on ``page`` and the perceived-state changes they cause (see module docs)."""

    def __init__(self, page: Page, scan: Scan) -> None:
        self.page = page
        self.scan = scan
        self.url = ""
        self.title = ""
        self.release = ""
        self.steps: list[Step] = []
        self._events: list[dict[str, Any]] = []
        self._received: dict[str, int] = {}
        self._before: list[WidgetState] = []

    # -- set-up ----------------------------------------------------------------------------------
    def start(self, url: str) -> Recorder:
        """Install the recording script, load ``url`` and take the first scan."""
        self.page.expose_binding(BINDING, self._on_event)
        self.page.add_init_script(recording_script())
        load(self.page, url)
        self.url = url
        self.title = self.page.title().strip()
        self._before = self.scan(self.page)
        self.release = self._before[0].release if self._before else ""
        return self

    def _on_event(self, source: Any, event: dict[str, Any]) -> None:
        # Runs on Playwright's dispatcher: record only, never call back into the page from here.
        self._events.append(event)
        doc, seq = str(event.get("doc")), int(event.get("seq", 0))
        self._received[doc] = max(self._received.get(doc, 0), seq)
        log.debug("event %s on %s", event.get("type"), (event.get("facts") or {}).get("name"))

    @property
    def pending(self) -> int:
        """Events reported since the last checkpoint."""
        return len(self._events)

    # -- checkpoints -----------------------------------------------------------------------------
    def _wait_for_delivery(self) -> None:
        """Until every event the current document has sent has reached us (or the timeout)."""
        from playwright.sync_api import Error as PlaywrightError

        deadline = time.monotonic() + DELIVERY_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                info = self.page.evaluate(
                    "() => { const r = window.__autoglmRecorder; return r ? [r.doc, r.sent] : null; }"
                )
            except PlaywrightError as exc:  # navigating: the old document is gone; wait for the new one
                log.debug("page busy while syncing events: %s", exc)
                self.page.wait_for_load_state("load")
                continue
            if info is None or self._received.get(str(info[0]), 0) >= int(info[1]):
                return
            self.page.wait_for_timeout(20)
        log.warning("some recorded events did not arrive within %.1f s", DELIVERY_TIMEOUT_S)

    def checkpoint(self) -> Step | None:
        """Turn the events since the last checkpoint into a :class:`Step` (None: nothing happened)."""
        self._wait_for_delivery()
        if not self._events:
            return None
        events, self._events = self._events, []
        self.page.wait_for_load_state("load")
        actions = self._actions(events)
        after = self.scan(self.page)
        navigated = self.page.url != events[0].get("url")
        changed = () if navigated else self._changes(self._before, after)
        step = Step(tuple(actions), changed, self.page.url if navigated else None)
        self.steps.append(step)
        self._before = after
        return step

    def close_without_scan(self) -> None:
        """Keep the pending events as actions with unverified locators (the page is gone)."""
        events, self._events = self._events, []
        if events:
            self.steps.append(Step(tuple(self._action(ev, live=False) for ev in merge_fills(events)), ()))

    def _actions(self, events: list[dict[str, Any]]) -> list[Action]:
        return [self._action(ev) for ev in merge_fills(events)]

    def _action(self, ev: dict[str, Any], *, live: bool = True) -> Action:
        facts: dict[str, Any] = ev.get("facts") or {}
        what = f'{facts.get("kind", "control")} "{facts.get("name", "")}"'
        value = ev.get("value") if ev["type"] != "select" else tuple(ev.get("values") or ())
        if ev["type"] == "press":
            value = ev.get("key")
        want = self._index_now(ev) if live else None
        ref = locate(self.page, facts, want) if (want is not None and facts) else None
        if ref is not None:
            return Action(ev["type"], ref, value, True, what)
        cands = locator_candidates(facts) if facts else []
        if cands:
            log.warning("the locator for %s could not be verified (it changed or left the page)", what)
            return Action(ev["type"], cands[0], value, False, what)
        return Action(ev["type"], None, value, False, what)

    def _index_now(self, ev: dict[str, Any]) -> int | None:
        from playwright.sync_api import Error as PlaywrightError

        try:
            handle = self.page.evaluate_handle(
                "([doc, i]) => { const r = window.__autoglmRecorder;"
                " const el = r && r.doc === doc ? r.targets[i] : null;"
                " return el && el.isConnected ? el : null; }",
                [ev["doc"], ev["ref"]],
            )
        except PlaywrightError as exc:
            raise CaptureError(f"could not find the element a recorded {ev['type']} acted on: {exc}") from exc
        element = handle.as_element()
        return resolve_indices(self.page, [element])[0] if element is not None else None

    def _changes(self, before: Sequence[WidgetState], after: Sequence[WidgetState]) -> tuple[Changed, ...]:
        old = keyed(before)
        found: list[tuple[WidgetState, list[Check]]] = []
        for key, state in keyed(after).items():
            checks = changed_checks(old.get(key), state)
            if checks:
                found.append((state, checks))
        targets = name_controls(self.page, [s for s, _ in found])
        out = []
        for (state, checks), target in zip(found, targets, strict=True):
            if target is not None:
                out.append(Changed(target, state.name, state.kind, tuple(checks)))
        return tuple(out)

    # -- output ----------------------------------------------------------------------------------
    def recording(self, test_name: str | None = None) -> Recording:
        """The module for everything recorded so far, with counts."""
        body = Body()
        body.add(*goto_lines(self.url))
        body.blank()
        checks = confirm = disagree = 0
        for step in self.steps:
            for action in step.actions:
                if not action.verified and action.locator is not None:
                    body.comment(f"Check this locator: {action.what} changed as it was used.")
                body.add(*fit(action.code()))
            if step.url:
                body.comment(f"Now on {step.url}")
            for ch in step.changed:
                control_lines(body, ch.target.code, ch.checks, style="expect", hint=ch.name, kind=ch.kind)
                checks += sum(c.confident for c in ch.checks)
                confirm += sum(not c.confident for c in ch.checks)
                disagree += sum(c.disagrees and c.confident for c in ch.checks)
            if step.changed or step.url:
                body.blank()
        name = test_name or default_test_name(self.url, self.title)
        text = module(
            title=f'"{self.title}"' if self.title else self.url, url=self.url, test_name=name,
            fixtures=["expect_state"], body=body, release=self.release or "unknown", mode="interactive",
        )
        actions = sum(len(s.actions) for s in self.steps)
        return Recording(text, name, actions, checks, confirm, disagree, 0)

    def render(self, test_name: str | None = None) -> str:
        """The module text (see :meth:`recording`)."""
        return self.recording(test_name).text
