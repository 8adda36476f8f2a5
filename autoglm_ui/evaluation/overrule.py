"""How sure a release must be to contradict the DOM: a sweep on labelled pages, and the choice.

Where DOM and pixels agree (most controls of real pages), a model that answers against the DOM
is wrong; where they disagree it must. A release's ``overrule_at`` is the calibrated confidence
below which the DOM's answer stands. :func:`sweep` scores each candidate threshold from one
evaluation of the release without it (re-answering its outcomes, no new forward pass);
:func:`choose` takes the threshold whose *worst* library reads best over all its records (each
library counts, however many records it has), breaking ties towards the lower threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from autoglm_ui.evaluation.outcomes import EvalResult, RecordOutcome, Summary
from autoglm_ui.evaluation.scoring import summarize

#: Thresholds tried by default; ``None`` is the release as it is (the model always answers).
THRESHOLDS: tuple[float | None, ...] = (None, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999)


@dataclass(frozen=True)
class SweepRow:
    """One candidate threshold and the scores it gives."""

    at: float | None
    summary: Summary

    def worst(self, category: str = "all") -> float:
        """The lowest per-folder facet accuracy of ``category`` (1.0 where no folder has any)."""
        return worst_folder(self.summary, category)


def worst_folder(summary: Summary, category: str = "all", default: float = 1.0) -> float:
    """The lowest per-folder (per-library) facet accuracy of ``category``; ``default`` when none."""
    scores = [f.facet_accuracy[category].fraction for f in summary.per_folder]
    return min((s for s in scores if s is not None), default=default)


def overruled(outcome: RecordOutcome, at: float | None) -> RecordOutcome:
    """``outcome`` answered as a release with ``overrule_at=at`` would: a less sure answer is the DOM's."""
    p = outcome.prediction
    if at is None or p is None:
        return outcome
    facets, confidence = dict(p.facets), dict(p.confidence)
    for facet, value in p.facets.items():
        dom = p.dom.get(facet)
        if value is not None and dom is not None and dom != value and confidence.get(facet, 1.0) < at:
            facets[facet], confidence[facet] = dom, 1.0 - confidence.get(facet, 1.0)
    return replace(outcome, prediction=replace(p, facets=facets, confidence=confidence))


def sweep(result: EvalResult, thresholds: Sequence[float | None] = THRESHOLDS) -> list[SweepRow]:
    """Scores of ``result``'s answers re-answered at each threshold."""
    rows = []
    for at in thresholds:
        outcomes = tuple(overruled(o, at) for o in result.outcomes)
        rows.append(SweepRow(at, summarize(outcomes, result.release, by_name=result.summary.by_name)))
    return rows


def choose(rows: Sequence[SweepRow]) -> SweepRow:
    """The row whose worst library reads best over all records; the lowest threshold among equals."""
    if not rows:
        raise ValueError("no thresholds to choose from")
    best = max(round(r.worst("all"), 6) for r in rows)
    return next(r for r in rows if round(r.worst("all"), 6) == best)


__all__ = ["THRESHOLDS", "SweepRow", "choose", "overruled", "sweep", "worst_folder"]
