"""Per-test state of the plugin: the reads of one test, their records and artifacts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from autoglm_ui.plugin.artifacts import TestArtifacts
from autoglm_ui.plugin.keys import CONTEXT
from autoglm_ui.plugin.records import (
    REPORT_ATTR,
    ReleaseUse,
    TestRecord,
    differences_of,
    disagreements_of,
)
from autoglm_ui.plugin.run import WorkerRun, worker_run

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.capture import Capture
    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)


@dataclass(eq=False)  # compared by identity
class Observation:
    """One capture of one target, classified by release A (and B when comparing)."""

    target: str
    state: WidgetState
    capture: Capture
    page: Page
    choice_spec: str
    choice_source: str
    compare: WidgetState | None = None
    index: int = 0
    paths: dict[str, Path] = field(default_factory=dict)


def context_for(item: pytest.Item) -> TestContext:
    """The test's context, made on its first read."""
    ctx = item.stash.get(CONTEXT, None)
    if ctx is None:
        run = worker_run(item.config)
        ctx = TestContext(item, run)
        item.stash[CONTEXT] = ctx
        run.current = ctx
    return ctx


class TestContext:
    """The reads of one test, what they found, and its artifact folder."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, item: pytest.Item, run: WorkerRun) -> None:
        self.item = item
        self.nodeid = nodeid = item.nodeid
        self.run = run
        self.settings = run.settings
        self.record = TestRecord(nodeid)
        self.artifacts = TestArtifacts(self.settings.output, nodeid)
        self.observations: dict[int, Observation] = {}  # id(state) -> its observation
        self.unsaved: list[Observation] = []
        self.index = 0
        self.failed = False

    def observed(self, obs: Observation, seconds: float, *, counts_as_read: bool) -> None:
        """Account for one classified capture (every expect_state poll comes here)."""
        self.record.captures += 1
        self.record.seconds += seconds
        self.record.load_seconds += self.run.pool.claim_load_seconds()
        if counts_as_read:
            self.record.reads += 1

    def finish(self, obs: Observation, *, failing: bool = False) -> Observation:
        """A read's final observation: note releases, disagreements, differences; save artifacts."""
        self.index += 1
        obs.index = self.index
        self.observations[id(obs.state)] = obs
        self.record.use(ReleaseUse(obs.state.release, obs.choice_spec, obs.choice_source))
        self.record.seen.append(f"{obs.target}: {obs.state.describe()}")
        if self.settings.disagreements != "ignore":
            self.record.note_disagreements(disagreements_of(self.nodeid, obs.target, obs.state))
        if obs.compare is not None:
            self.record.compare_release = obs.compare.release
            self.record.note_differences(differences_of(self.nodeid, obs.target, obs.state, obs.compare))
        mode = self.settings.artifacts
        if mode == "on" or (mode == "retain-on-failure" and failing):
            self.save(obs)
        elif mode == "retain-on-failure":
            self.unsaved.append(obs)
        return obs

    def save(self, obs: Observation) -> dict[str, Path]:
        """Write one observation's artifacts (once), returning their paths."""
        if not obs.paths and self.settings.artifacts != "off":
            extra: dict[str, Any] = {"test": self.nodeid}
            if obs.compare is not None:
                extra["compare"] = {
                    "release": obs.compare.release,
                    "facets": dict(obs.compare.facets),
                    "confidence": dict(obs.compare.confidence),
                }
            page = None if obs.page.is_closed() else obs.page
            obs.paths.update(self.artifacts.save_read(obs.index, obs.target, obs.state, page, extra))
        if obs in self.unsaved:
            self.unsaved.remove(obs)
        return obs.paths

    def add_section(self, text: str) -> None:
        """Details shown under the test's failure ("Captured autoglm-ui call"), never truncated."""
        self.item.add_report_section("call", "autoglm-ui", text)

    def on_report(self, report: pytest.TestReport) -> None:
        """Per phase: fail on disagreements (``fail`` mode), keep or drop artifacts, attach the record."""
        if report.when == "call" and report.passed and self.settings.disagreements == "fail":
            found = self.record.disagreements
            if found:
                report.outcome = "failed"
                report.longrepr = disagreement_failure(found)
        if report.failed:
            self.failed = True
            if self.settings.artifacts == "retain-on-failure":
                for obs in list(self.unsaved):
                    self.save(obs)
        if report.when == "teardown":
            if self.settings.artifacts == "retain-on-failure" and not self.failed:
                self.artifacts.discard()  # this run's files, and those an earlier failing run left
            self.record.load_seconds += self.run.pool.claim_load_seconds()
            setattr(report, REPORT_ATTR, self.record.to_json())
            if self.run.current is self:
                self.run.current = None


def disagreement_failure(found: list[Any]) -> str:
    lines = [
        "autoglm-ui: a perceived state contradicts the DOM (--autoglm-disagreements=fail):",
        *(
            f'  {d.target}  {d.kind} "{d.name}": {d.facet} seen {d.seen} ({d.confidence:.2f}), '
            f"DOM says {d.dom}"
            for d in found
        ),
        "Fix the page, or assert the state you expect and run with --autoglm-disagreements=warn.",
    ]
    return "\n".join(lines)
