"""``expect_state(target).to_be(value)``: an auto-retrying assertion in Playwright's manner.

Polls capture + classify until the state holds or the timeout passes; the failure shows the last
observed state, the timeline of distinct states seen (with times) and the DOM's view.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from autoglm_ui.errors import DetachedElementError, NoMatchError
from autoglm_ui.vocab import facet_of

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.plugin.context import Observation
    from autoglm_ui.plugin.reader import ReadState
    from autoglm_ui.state import WidgetState
    from autoglm_ui.targets import Target

#: Pauses between polls, in ms (Playwright's own ladder), the last one repeated.
POLL_INTERVALS_MS = (100, 250, 500, 1000)


@dataclass(frozen=True)
class Sighting:
    """A distinct state seen while polling, ``at_ms`` after the expectation started."""

    at_ms: int
    values: tuple[str, ...]
    text: str


class StateExpectation:
    """What ``expect_state(target)`` returns; call :meth:`to_be` or :meth:`not_to_be`."""

    def __init__(self, reader: ReadState, target: Target, page: Page | None) -> None:
        self._reader = reader
        self._target = target
        self._page = page

    def to_be(self, value: str, *, timeout: float | None = None) -> WidgetState:
        """Wait until the control's perceived state is ``value`` (e.g. ``"enabled"``); return that state."""
        __tracebackhide__ = True
        return self._wait(value, True, timeout)

    def not_to_be(self, value: str, *, timeout: float | None = None) -> WidgetState:
        """Wait until the control's perceived state is no longer ``value``; return that state."""
        __tracebackhide__ = True
        return self._wait(value, False, timeout)

    def _wait(self, value: str, want: bool, timeout: float | None) -> WidgetState:
        __tracebackhide__ = True
        from autoglm_ui.plugin.reader import reraise_short
        from autoglm_ui.targets import describe

        try:
            facet = facet_of(value)  # unknown names fail now, not after the timeout
        except ValueError as exc:
            raise ValueError(str(exc)).with_traceback(None) from None
        reader = self._reader
        timeout_ms = reader.context.settings.timeout_ms if timeout is None else float(timeout)
        start = time.monotonic()
        deadline = start + timeout_ms / 1000
        polls, timeline = 0, list[Sighting]()
        last: Observation | None = None
        missing: Exception | None = None
        while True:
            polls += 1
            try:
                obs = reader.observe(self._target, self._page, counts_as_read=False)
            except (NoMatchError, DetachedElementError) as exc:  # not there yet: keep polling
                missing, obs = exc, None
            except Exception as exc:
                reraise_short(exc)
            now = time.monotonic()
            if obs is not None:
                last, missing = obs, None
                _note(timeline, int((now - start) * 1000), obs.state)
                seen = obs.state.facets.get(facet)
                if seen is None:  # the facet does not apply to this kind of control
                    if not want:
                        return self._done(obs, failing=False)
                    reason = _not_applicable(facet, obs)
                    return self._fail(value, want, now - start, polls, timeline, obs, reason)
                if (seen == value) == want:
                    return self._done(obs, failing=False)
            if now >= deadline:
                break
            pause = POLL_INTERVALS_MS[min(polls - 1, len(POLL_INTERVALS_MS) - 1)] / 1000
            time.sleep(max(0.0, min(pause, deadline - now)))
        if last is None:
            reader.context.record.reads += 1
            raise AssertionError(
                f"expect_state({describe(self._target)}).{'to_be' if want else 'not_to_be'}({value!r}): "
                f"no such control after {timeout_ms:.0f} ms ({polls} tries): {missing}"
            ).with_traceback(None)
        return self._fail(value, want, time.monotonic() - start, polls, timeline, last, None)

    def _done(self, obs: Observation, *, failing: bool) -> WidgetState:
        ctx = self._reader.context
        ctx.record.reads += 1
        ctx.finish(obs, failing=failing)
        return obs.state

    def _fail(
        self,
        value: str,
        want: bool,
        elapsed: float,
        polls: int,
        timeline: list[Sighting],
        obs: Observation,
        reason: str | None,
    ) -> WidgetState:
        __tracebackhide__ = True
        from autoglm_ui.plugin.report import describe_observation

        self._done(obs, failing=True)
        paths = self._reader.context.save(obs)
        verb = "to_be" if want else "not_to_be"
        lines = [
            f"expect_state({obs.target}).{verb}({value!r}) failed after {elapsed * 1000:.0f} ms "
            f"({polls} captures)"
        ]
        facet = facet_of(value)
        seen = obs.state.facets.get(facet)
        conf = obs.state.confidence.get(facet, 0.0)
        wanted = f"{facet} {value!r}" if want else f"{facet} other than {value!r}"
        lines.append(
            reason
            or f"expected {wanted}, last seen {seen!r} ({conf:.2f}); the DOM says {obs.state.dom.get(facet)}"
        )
        lines += describe_observation(obs.state, paths)
        lines.append("timeline (ms since the expectation started: perceived values):")
        lines += [f"  {s.at_ms:>6} ms  {s.text}" for s in timeline]
        raise AssertionError("\n".join(lines)).with_traceback(None)


def _summary(state: WidgetState) -> str:
    return ", ".join(f"{v} ({state.confidence.get(f, 0.0):.2f})" for f, v in state.facets.items() if v) or "-"


def _note(timeline: list[Sighting], at_ms: int, state: WidgetState) -> None:
    values = state.values()
    if not timeline or timeline[-1].values != values:
        timeline.append(Sighting(at_ms, values, _summary(state)))


def _not_applicable(facet: str, obs: Observation) -> str:
    applies = ", ".join(f for f, v in obs.state.facets.items() if v is not None)
    return (
        f"{facet!r} does not apply to a {obs.state.kind} (its facets: {applies}); "
        "check the target, or expect a value of one of those facets"
    )
