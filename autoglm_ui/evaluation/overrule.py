"""How sure a release must be to contradict the DOM: a sweep on labelled pages, and the choice.

Where DOM and pixels agree (most controls of real pages), a model that answers against the DOM
is wrong; where they disagree it must. A release's ``overrule_at`` is the calibrated confidence
below which the DOM's answer stands: one number, or one per facet (how far the DOM can be trusted
differs by facet: it never says ``occluded``, and it is nearly always right about ``readonly``).

:func:`sweep` scores each candidate threshold from one evaluation of the release without it
(re-answering its outcomes, no new forward pass). :func:`choose` takes, among the rows that keep
hard records (where DOM and pixels disagree) at the release bar's floor (90 %) if any do, the row
that leaves the fewest standard answers below the DOM-only view's, summed over libraries (the
release gate's bar), then the one whose *worst* library reads best over all its records (each
library counts, however many records it has), then the best mean over libraries, breaking ties
towards the lower threshold. Without
the floor, the fewest standard answers below the DOM is always the DOM itself: a release that
never contradicts it, and never sees what it cannot. :func:`per_facet` starts from a
row and moves one facet's threshold at a time while that improves the same objective.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeAlias

from autoglm_ui.evaluation.outcomes import EvalResult, RecordOutcome, Summary
from autoglm_ui.evaluation.scoring import summarize
from autoglm_ui.inference import defer

#: One threshold for every facet, one per facet (a facet left out always answers), or ``None``.
Threshold: TypeAlias = float | Mapping[str, float | None] | None

#: Thresholds tried by default; ``None`` is the release as it is (the model always answers).
THRESHOLDS: tuple[float | None, ...] = (None, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999)
#: A per-facet threshold above any confidence: on that facet the DOM's answer always stands.
NEVER = 2.0
#: The share of hard (record, facet) answers a choice keeps if it can (the release bar).
HARD_FLOOR = 0.9
#: What each facet's threshold may be in :func:`per_facet`.
FACET_THRESHOLDS: tuple[float | None, ...] = (*THRESHOLDS, 0.9999, NEVER)


def threshold_of(at: Threshold, facet: str) -> float | None:
    """The threshold ``at`` sets for ``facet``."""
    return at.get(facet) if isinstance(at, Mapping) else at


def describe(at: Threshold) -> str:
    """``at`` as a report prints it: ``never`` for no threshold, facets in order for a mapping."""
    if isinstance(at, Mapping):
        return ", ".join(f"{f} {describe(t)}" for f, t in at.items())
    if at is None:
        return "model always"  # the model is never overruled
    return "DOM always" if at > 1 else f"{at:g}"


@dataclass(frozen=True)
class SweepRow:
    """One candidate threshold and the scores it gives."""

    at: Threshold
    summary: Summary

    def worst(self, category: str = "all") -> float:
        """The lowest per-folder facet accuracy of ``category`` (1.0 where no folder has any)."""
        return worst_folder(self.summary, category)

    def shortfall(self) -> int:
        """Standard (record, facet) answers below the DOM-only view's, summed over the libraries."""
        return shortfall(self.summary)

    def mean(self, category: str = "all") -> float:
        """The per-folder facet accuracy of ``category``, averaged over the folders (libraries)."""
        folders = (f.facet_accuracy[category].fraction for f in self.summary.per_folder)
        scores = [s for s in folders if s is not None]
        return sum(scores) / len(scores) if scores else 1.0

    def key(self, floor: float = HARD_FLOOR) -> tuple[bool, int, float, float]:
        """What :func:`choose` maximises: hard records at ``floor``, no library below the DOM on
        standard ones, the worst library's accuracy over all records, then the mean library's; in
        that order."""
        hard = self.summary.facet_accuracy["hard"].fraction
        return (hard is None or hard >= floor, -self.shortfall(), round(self.worst("all"), 6),
                round(self.mean("all"), 6))


def worst_folder(summary: Summary, category: str = "all", default: float = 1.0) -> float:
    """The lowest per-folder (per-library) facet accuracy of ``category``; ``default`` when none."""
    scores = [f.facet_accuracy[category].fraction for f in summary.per_folder]
    return min((s for s in scores if s is not None), default=default)


def shortfall(summary: Summary) -> int:
    """Per library, how many fewer standard answers are right than the DOM-only view's; summed."""
    return sum(max(0, f.dom_facet_accuracy["standard"].correct - f.facet_accuracy["standard"].correct)
               for f in summary.per_folder)


def overruled(outcome: RecordOutcome, at: Threshold) -> RecordOutcome:
    """``outcome`` answered as a release with ``overrule_at=at`` would: a less sure answer is the DOM's."""
    p = outcome.prediction
    if at is None or p is None:
        return outcome
    facets, confidence = dict(p.facets), dict(p.confidence)
    defer(facets, confidence, p.dom, lambda facet: threshold_of(at, facet), p.settled)
    return replace(outcome, prediction=replace(p, facets=facets, confidence=confidence))


def score(result: EvalResult, at: Threshold) -> SweepRow:
    """``result``'s answers re-answered at ``at``."""
    outcomes = tuple(overruled(o, at) for o in result.outcomes)
    return SweepRow(at, summarize(outcomes, result.release, by_name=result.summary.by_name))


def sweep(result: EvalResult, thresholds: Sequence[float | None] = THRESHOLDS) -> list[SweepRow]:
    """Scores of ``result``'s answers re-answered at each threshold."""
    return [score(result, at) for at in thresholds]


def choose(rows: Sequence[SweepRow], floor: float = HARD_FLOOR) -> SweepRow:
    """The row with the best :meth:`SweepRow.key`; the first (lowest threshold) among equals."""
    if not rows:
        raise ValueError("no thresholds to choose from")
    best = max(r.key(floor) for r in rows)
    return next(r for r in rows if r.key(floor) == best)


def per_facet(result: EvalResult, start: Threshold, facets: Iterable[str],
              thresholds: Sequence[float | None] = FACET_THRESHOLDS, passes: int = 4,
              floor: float = HARD_FLOOR) -> SweepRow:
    """A threshold per facet, from ``start`` on every facet, each moved while :meth:`SweepRow.key`
    improves (coordinate ascent, facets in order, lower thresholds first; at most ``passes`` rounds)."""
    current: dict[str, float | None] = {f: threshold_of(start, f) for f in facets}
    best = score(result, dict(current))
    for _ in range(passes):
        moved = False
        for facet in current:
            for t in thresholds:
                if t == current[facet]:
                    continue
                row = score(result, {**current, facet: t})
                if row.key(floor) > best.key(floor):
                    best, current, moved = row, {**current, facet: t}, True
        if not moved:
            break
    return best


__all__ = [
    "FACET_THRESHOLDS",
    "HARD_FLOOR",
    "NEVER",
    "THRESHOLDS",
    "SweepRow",
    "Threshold",
    "choose",
    "describe",
    "overruled",
    "per_facet",
    "score",
    "shortfall",
    "sweep",
    "threshold_of",
    "worst_folder",
]
