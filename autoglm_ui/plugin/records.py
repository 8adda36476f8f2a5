"""What one test's reads leave behind (disagreements, compare differences, timings), as plain data.

A test's :class:`TestRecord` travels on its teardown report (``report.autoglm_ui``, a dict of
plain values, so pytest-xdist carries it from a worker to the controller), and the controller's
terminal summary and compare JSON are built from those records alone: serial and ``-n 2`` runs
report the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from autoglm_ui.vocab import FACET_NAMES

REPORT_ATTR = "autoglm_ui"  # also in report.py, which must not import this module early


@dataclass(frozen=True)
class Disagreement:
    """A facet where the perceived value contradicts what the DOM says."""

    nodeid: str
    target: str
    kind: str
    name: str
    facet: str
    seen: str
    confidence: float
    dom: str

    def line(self) -> str:
        return (
            f'{self.nodeid}  {self.target}  {self.kind} "{self.name}": {self.facet} seen {self.seen} '
            f"({self.confidence:.2f}), DOM says {self.dom}"
        )


@dataclass(frozen=True)
class Difference:
    """A facet where release A and release B answer differently on the same capture."""

    nodeid: str
    target: str
    kind: str
    name: str
    facet: str
    release_a: str
    value_a: str | None
    confidence_a: float
    release_b: str
    value_b: str | None
    confidence_b: float

    def line(self) -> str:
        return (
            f"{self.nodeid}  {self.target}  {self.facet}: A {self.value_a} ({self.confidence_a:.2f})"
            f"  B {self.value_b} ({self.confidence_b:.2f})"
        )


@dataclass(frozen=True)
class ReleaseUse:
    """A release a test read states with, and how it was selected."""

    release: str
    spec: str
    source: str


@dataclass
class TestRecord:
    """Everything the terminal summary needs about one test's reads."""

    __test__ = False  # not a test class, whatever its name

    nodeid: str
    reads: int = 0  # widget_state calls and expect_state checks
    captures: int = 0  # captures classified (expect_state polls several times)
    seconds: float = 0.0  # capture + classify (+ compare), excluding model loads
    load_seconds: float = 0.0  # model loads that happened during this test
    releases: list[ReleaseUse] = field(default_factory=list)
    compare_release: str | None = None
    disagreements: list[Disagreement] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)  # one line per read: target and what was seen

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TestRecord:
        return cls(
            nodeid=str(data["nodeid"]),
            reads=int(data["reads"]),
            captures=int(data["captures"]),
            seconds=float(data["seconds"]),
            load_seconds=float(data["load_seconds"]),
            releases=[ReleaseUse(**r) for r in data["releases"]],
            compare_release=data.get("compare_release"),
            disagreements=[Disagreement(**d) for d in data["disagreements"]],
            differences=[Difference(**d) for d in data["differences"]],
            seen=[str(line) for line in data.get("seen", [])],
        )

    def use(self, release: ReleaseUse) -> None:
        if release not in self.releases:
            self.releases.append(release)

    def note_disagreements(self, found: list[Disagreement]) -> None:
        for d in found:
            if d not in self.disagreements:
                self.disagreements.append(d)

    def note_differences(self, found: list[Difference]) -> None:
        for d in found:
            if d not in self.differences:
                self.differences.append(d)


def disagreements_of(nodeid: str, target: str, state: Any) -> list[Disagreement]:
    """The :class:`Disagreement` of each facet where ``state`` (a WidgetState) contradicts its DOM."""
    out = []
    for facet in state.disagreements:
        out.append(
            Disagreement(
                nodeid=nodeid,
                target=target,
                kind=state.kind,
                name=state.name,
                facet=facet,
                seen=str(state.facets.get(facet)),
                confidence=float(state.confidence.get(facet, 0.0)),
                dom=str(state.dom.get(facet)),
            )
        )
    return out


def differences_of(nodeid: str, target: str, a: Any, b: Any) -> list[Difference]:
    """Facets where two WidgetStates of the same capture (releases A and B) answer differently."""
    out = []
    for facet in FACET_NAMES:
        va, vb = a.facets.get(facet), b.facets.get(facet)
        if va == vb:
            continue
        out.append(
            Difference(
                nodeid=nodeid,
                target=target,
                kind=a.kind,
                name=a.name,
                facet=facet,
                release_a=a.release,
                value_a=va,
                confidence_a=float(a.confidence.get(facet, 0.0)),
                release_b=b.release,
                value_b=vb,
                confidence_b=float(b.confidence.get(facet, 0.0)),
            )
        )
    return out
