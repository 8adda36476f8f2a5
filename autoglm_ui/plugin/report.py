"""What the plugin tells the user: assertion explanations, the terminal summary, the compare JSON."""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from autoglm_ui.plugin.options import Settings
    from autoglm_ui.plugin.records import Difference, Disagreement, TestRecord
    from autoglm_ui.plugin.run import WorkerRun
    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)

#: the report attribute carrying a test's record (see :mod:`autoglm_ui.plugin.records`)
REPORT_ATTR = "autoglm_ui"


def describe_observation(state: WidgetState, paths: Mapping[str, Path]) -> list[str]:
    """Per facet what was seen (confidence) and what the DOM says; disagreements; artifact paths."""
    lines = [f'seen: {state.kind} "{state.name}" at {state.box}, release {state.release}']
    lines += ["  " + row for row in state.table()]
    if state.disagreements:
        parts = [f"{f} (seen {state.facets.get(f)}, DOM {state.dom.get(f)})" for f in state.disagreements]
        lines.append("disagreements with the DOM: " + "; ".join(parts))
    else:
        lines.append("the DOM agrees with what was seen")
    if paths:
        lines += [f"{what}: {path}" for what, path in paths.items()]
    return lines


def assertrepr(run: WorkerRun | None, op: str, left: object, right: object) -> list[str] | None:
    """``assert widget_state("Pay") == "enabled"``: what was seen, what the DOM says, where the crops are.

    Kept to a few short lines (pytest truncates long explanations at normal verbosity); the full
    per-facet table goes to the test's "autoglm-ui" report section.
    """
    state_mod = sys.modules.get("autoglm_ui.state")
    if state_mod is None or op not in ("==", "!="):
        return None
    cls = state_mod.WidgetState
    if isinstance(left, cls) and isinstance(right, str):
        state, value = left, right
    elif isinstance(right, cls) and isinstance(left, str):
        state, value = right, left
    else:
        return None
    from autoglm_ui.vocab import facet_of

    try:
        facet = facet_of(value)
    except ValueError:
        return None  # == already raised ValueError for an unknown name; pytest shows that
    seen, dom = state.facets.get(facet), state.dom.get(facet)
    conf = f"({state.confidence.get(facet, 0.0):.2f})"
    if seen is None:
        why = f"{facet!r} does not apply to a {state.kind}; its facets: {', '.join(_applies(state))}"
    elif op == "==":
        why = f"expected {facet} {value!r}, seen {seen!r} {conf}; the DOM says {dom}"
    else:
        why = f"expected {facet} not {value!r}, but it was seen {conf}; the DOM says {dom}"
    ctx = run.current if run is not None else None
    obs = ctx.observations.get(id(state)) if ctx is not None else None
    head = f'{state.kind} "{state.name}" {op} {value!r}'
    paths: Mapping[str, Path] = {}
    if obs is not None and ctx is not None:
        head = f"widget_state({obs.target}) {op} {value!r}"
        try:
            paths = ctx.save(obs)
        except OSError as exc:
            log.warning("autoglm-ui: could not save artifacts: %s", exc)
        ctx.add_section("\n".join(describe_observation(state, paths)))
    lines = [head, why, f"seen: {_values(state)} [release {state.release}]", _dom_line(state)]
    base = run.base if run is not None else Path.cwd()
    lines += [f"{what}: {_shown(path, base)}" for what, path in paths.items() if what != "state"]
    if not paths and ctx is not None and ctx.settings.artifacts == "off":
        lines.append("artifacts: off (--autoglm-artifacts=retain-on-failure saves a crop and a screenshot)")
    return lines


def _applies(state: WidgetState) -> list[str]:
    return [f for f, v in state.facets.items() if v is not None]


def _values(state: WidgetState) -> str:
    return ", ".join(f"{v} ({state.confidence.get(f, 0.0):.2f})" for f, v in state.facets.items() if v)


def _dom_line(state: WidgetState) -> str:
    if not state.disagreements:
        return "DOM agrees: " + ", ".join(str(state.dom.get(f)) for f in _applies(state))
    parts = [f"{f} (seen {state.facets.get(f)}, DOM {state.dom.get(f)})" for f in state.disagreements]
    return "DOM disagrees on " + "; ".join(parts)


def _shown(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


class RunSummary:
    """Every test's record, gathered from reports (from all workers under xdist)."""

    def __init__(self, base: Path) -> None:
        self.base = base  # paths in the summary are shown relative to it
        self.records: dict[str, TestRecord] = {}

    def add_report(self, report: pytest.TestReport) -> None:
        data = getattr(report, REPORT_ATTR, None)
        if isinstance(data, dict):
            from autoglm_ui.plugin.records import TestRecord

            self.records[report.nodeid] = TestRecord.from_json(data)

    def ordered(self) -> list[TestRecord]:
        return [self.records[k] for k in sorted(self.records)]

    @property
    def disagreements(self) -> list[Disagreement]:
        return [d for r in self.ordered() for d in r.disagreements]

    @property
    def differences(self) -> list[Difference]:
        return [d for r in self.ordered() for d in r.differences]

    def lines(self, settings: Settings, *, verbose: bool = False) -> list[str]:
        records = self.ordered()
        if not records:
            return []
        reads = sum(r.reads for r in records)
        captures = sum(r.captures for r in records)
        uses: Counter[tuple[str, str, str]] = Counter()
        for r in records:
            for u in r.releases:
                uses[(u.release, u.spec, u.source)] += 1
        out = []
        for (release, spec, source), n in sorted(uses.items(), key=lambda kv: (-kv[1], kv[0])):
            spec_note = "" if spec == release else f" ({spec!r})"
            out.append(f"release: {release}{spec_note}, selected by {source}: {n} test{'s' * (n != 1)}")
        out += [f"environment: {_environment_note(release)}"
                for release in sorted({u.release for r in records for u in r.releases})]
        out.append(f"states read: {reads} in {len(records)} tests")
        if verbose:  # -v: every state read, test by test
            for r in records:
                out.append(f"  {r.nodeid}")
                out += [f"    {line}" for line in r.seen]
        load = sum(r.load_seconds for r in records)
        spent = sum(r.seconds for r in records)
        per = f"; {captures} captures, {spent / captures * 1000:.0f} ms each" if captures else ""
        out.append(
            f"time in autoglm-ui: {load + spent:.2f} s (model loads {load:.2f} s, reading {spent:.2f} s{per})"
        )
        found = self.disagreements
        if settings.disagreements == "ignore":
            out.append("disagreements with the DOM: not checked (--autoglm-disagreements=ignore)")
        elif found:
            out.append(f"disagreements with the DOM ({len(found)}; perceived vs DOM):")
            out += ["  " + d.line() for d in found]
        else:
            out.append("disagreements with the DOM: none")
        if settings.compare is not None:
            out += self._compare_lines(settings, reads)
        return out

    def _compare_lines(self, settings: Settings, reads: int) -> list[str]:
        diffs = self.differences
        b = next((r.compare_release for r in self.ordered() if r.compare_release), settings.compare)
        head = f"compare with {b} ({settings.compare!r}): {len(diffs)} difference{'s' * (len(diffs) != 1)}"
        out = [f"{head} in {reads} states read; JSON: {_shown(settings.compare_json, self.base)}"]
        out += ["  " + d.line() for d in diffs]
        if diffs and settings.compare_fail:
            out.append("--autoglm-compare-fail: the releases differ, so the run fails")
        return out

    def compare_json(self, settings: Settings) -> dict[str, Any]:
        records = self.ordered()
        return {
            "format": 1,
            "release_a": sorted({u.release for r in records for u in r.releases}),
            "release_b": next((r.compare_release for r in records if r.compare_release), settings.compare),
            "compare_spec": settings.compare,
            "states_read": sum(r.reads for r in records),
            "tests": len(records),
            "differences": [d.__dict__ for d in self.differences],
        }

    def write_compare_json(self, settings: Settings) -> Path:
        path = settings.compare_json
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        import json

        tmp.write_text(json.dumps(self.compare_json(settings), indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        return path


class SummaryPlugin:
    """Registered on the controller (or in a serial run): gathers records, prints, writes, fails."""

    def __init__(self, config: pytest.Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self.summary = RunSummary(config.invocation_params.dir)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "teardown":
            self.summary.add_report(report)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.settings.compare is None or not self.summary.records:
            return
        self.summary.write_compare_json(self.settings)
        if self.settings.compare_fail and self.summary.differences and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        lines = self.summary.lines(self.settings, verbose=terminalreporter.verbosity > 0)
        if not lines:
            return
        terminalreporter.section("autoglm-ui")
        for line in lines:
            terminalreporter.line(line)


def _environment_note(release: str) -> str:
    """This machine against where ``release`` was measured (its card's environment)."""
    from autoglm_ui.environment import fingerprint
    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.releases.measured import environment_note
    from autoglm_ui.releases.store import Store

    try:
        found = Store().resolve(release)
    except AutoGLMUIError as exc:
        return f"not compared ({exc})"
    return environment_note(found, fingerprint())
