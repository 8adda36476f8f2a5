"""The release gate: a candidate's figures on the real-library dev set, per library, DOM-only beside.

A candidate release ships only when, on every library (page folder) of ``fixtures/realset``, its
facet accuracy on standard records (DOM and pixels agree) is at least the DOM-only view's: below
it, a test author would get false failures on ordinary controls. :func:`realset_card` is what a
release card (``release.json`` ``card.realset``) records; :func:`gate_failures` reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoglm_ui.evaluation.outcomes import EvalResult
from autoglm_ui.evaluation.report import folder_json, fractions, rounded

#: Where the real-library dev set lives in a checkout of the repository.
REALSET = Path("fixtures") / "realset"


#: What a card keeps of each library's scores (eval's ``per_folder`` has these and more).
LIBRARY_KEYS = ("records", "facet_accuracy", "dom_facet_accuracy", "record_accuracy", "dom_record_accuracy",
                "kind_accuracy")


def realset_card(result: EvalResult, labels: str) -> dict[str, Any]:
    """A labelled set's figures for a release card (``card.realset``, and any set ``models finish
    --also`` names): overall and per folder (library), DOM-only beside."""
    s = result.summary
    return {
        "labels": labels,
        "records": s.records,
        "facet_accuracy": fractions(s.facet_accuracy),
        "dom_facet_accuracy": fractions(s.dom_facet_accuracy),
        "record_accuracy": fractions(s.record_accuracy),
        "dom_record_accuracy": fractions(s.dom_record_accuracy),
        "kind_accuracy": rounded(s.kind_accuracy.fraction),
        "environment": dict(result.environment),
        "per_library": {f.folder: {k: v for k, v in folder_json(f).items() if k in LIBRARY_KEYS}
                        for f in s.per_folder},
    }


@dataclass(frozen=True)
class GateFailure:
    """One library where the candidate reads ordinary controls worse than the DOM does."""

    library: str
    model: float
    dom: float

    def __str__(self) -> str:
        return f"{self.library}: standard records {100 * self.model:.1f} % < DOM-only {100 * self.dom:.1f} %"


def gate_failures(card: Mapping[str, Any]) -> tuple[GateFailure, ...]:
    """The libraries of a ``card.realset`` where standard-record accuracy is below the DOM-only view's."""
    out = []
    for library, figures in sorted(card.get("per_library", {}).items()):
        model = figures["facet_accuracy"].get("standard")
        dom = figures["dom_facet_accuracy"].get("standard")
        if model is not None and dom is not None and model < dom:
            out.append(GateFailure(library, float(model), float(dom)))
    return tuple(out)


#: How far a candidate may read below the release it replaces, per category (the performance
#: issue's "accuracy unchanged" bar): half a point.
REGRESSION_TOLERANCE = 0.005


@dataclass(frozen=True)
class Regression:
    """One figure where the candidate reads below the release it replaces by more than the tolerance."""

    figure: str
    candidate: float
    previous: float

    def __str__(self) -> str:
        return (f"{self.figure}: {100 * self.candidate:.1f} % < {100 * self.previous:.1f} % of the release"
                f" it replaces, by more than {100 * REGRESSION_TOLERANCE:.1f} point")


def regressions(card: Mapping[str, Any], previous: Mapping[str, Any],
                tolerance: float = REGRESSION_TOLERANCE) -> tuple[Regression, ...]:
    """The figures of a ``card.realset`` (standard and hard facets, kind) that fall more than
    ``tolerance`` below those of the release it replaces (its ``card.realset``)."""
    pairs = [(f"{c} facets", card["facet_accuracy"].get(c), previous["facet_accuracy"].get(c))
             for c in ("standard", "hard")]
    pairs.append(("kind", card.get("kind_accuracy"), previous.get("kind_accuracy")))
    return tuple(Regression(name, float(new), float(old)) for name, new, old in pairs
                 if new is not None and old is not None and float(new) < float(old) - tolerance)
