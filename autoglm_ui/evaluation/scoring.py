"""Pure scoring of record outcomes: per category, facet, value and page folder, plus misses.

Accuracy is over (record, facet) pairs listed in a record's ``expected``. A record that could
not be read (bad selector, page missing) counts as wrong on every facet it lists, in both
views: a broken label never improves a score.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from autoglm_ui.evaluation.outcomes import (
    CATEGORIES,
    Difference,
    EvalResult,
    FacetScore,
    FolderScore,
    Miss,
    RecordOutcome,
    Score,
    Summary,
    ValueScore,
    View,
)
from autoglm_ui.vocab import FACET_NAMES, FACETS

NONE = "none"  # how a missing answer appears in confusion tables


def pairs(outcomes: Iterable[RecordOutcome]) -> Iterable[tuple[RecordOutcome, str]]:
    """Every (record, facet) pair that is scored, in labels order then facet order of the record."""
    for o in outcomes:
        for facet in o.record.expected:
            yield o, facet


def score(outcomes: Iterable[RecordOutcome], view: View = "model") -> Score:
    """Facet accuracy of ``view`` over the given records."""
    correct = total = 0
    for o, facet in pairs(outcomes):
        total += 1
        correct += o.correct(facet, view)
    return Score(correct, total)


def in_category(outcomes: Sequence[RecordOutcome], category: str) -> list[RecordOutcome]:
    return [o for o in outcomes if category == "all" or o.record.category == category]


def facet_accuracy(outcomes: Sequence[RecordOutcome], view: View = "model") -> dict[str, Score]:
    """Accuracy per category: ``standard``, ``hard`` and ``all``."""
    return {c: score(in_category(outcomes, c), view) for c in CATEGORIES}


def per_facet(outcomes: Sequence[RecordOutcome]) -> tuple[FacetScore, ...]:
    """One :class:`FacetScore` per facet that some record lists, in vocabulary order."""
    out = []
    for facet in FACET_NAMES:
        chosen = [o for o in outcomes if facet in o.record.expected]
        if not chosen:
            continue
        tables: dict[View, dict[str, dict[str, int]]] = {"model": {}, "dom": {}}
        model = dom = 0
        for o in chosen:
            want = o.record.expected[facet]
            for view, table in tables.items():
                got = o.got(facet, view) or NONE
                row = table.setdefault(want, {})
                row[got] = row.get(got, 0) + 1
            model += o.correct(facet, "model")
            dom += o.correct(facet, "dom")
        n = len(chosen)
        out.append(FacetScore(facet, Score(model, n), Score(dom, n), tables["model"], tables["dom"]))
    return tuple(out)


def per_value(outcomes: Sequence[RecordOutcome]) -> tuple[ValueScore, ...]:
    """Recall and precision of every value of every facet that some record lists.

    Precision counts only pairs whose facet is labelled (an answer on an unlabelled facet is
    neither right nor wrong). Values that are never labelled but predicted still appear.
    """
    support: dict[tuple[str, str], int] = defaultdict(int)
    hits: dict[tuple[str, str, View], int] = defaultdict(int)
    predicted: dict[tuple[str, str, View], int] = defaultdict(int)
    facets: set[str] = set()
    for o, facet in pairs(outcomes):
        facets.add(facet)
        want = o.record.expected[facet]
        support[facet, want] += 1
        for view in ("model", "dom"):
            got = o.got(facet, view)
            if got is not None:
                predicted[facet, got, view] += 1
            if got == want:
                hits[facet, want, view] += 1
    out = []
    for facet in FACET_NAMES:
        if facet not in facets:
            continue
        for value in FACETS[facet]:
            out.append(
                ValueScore(
                    facet, value, support[facet, value],
                    hits[facet, value, "model"], predicted[facet, value, "model"],
                    hits[facet, value, "dom"], predicted[facet, value, "dom"],
                )
            )
    return tuple(out)


def record_accuracy(outcomes: Sequence[RecordOutcome], view: View = "model") -> dict[str, Score]:
    """Whole records right (every labelled facet) per category: ``standard``, ``hard`` and ``all``."""
    out: dict[str, Score] = {}
    for c in CATEGORIES:
        chosen = in_category(outcomes, c)
        right = sum(all(o.correct(f, view) for f in o.record.expected) for o in chosen)
        out[c] = Score(right, len(chosen))
    return out


def resolved(outcomes: Sequence[RecordOutcome]) -> Score:
    """Records that could be read (selector or target resolved, page loaded) out of all."""
    return Score(sum(o.error is None for o in outcomes), len(outcomes))


def per_folder(outcomes: Sequence[RecordOutcome]) -> tuple[FolderScore, ...]:
    """Every score per page folder (the folder part of each record's ``page``), sorted by folder."""
    groups: dict[str, list[RecordOutcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.record.folder].append(o)
    return tuple(
        FolderScore(
            folder, len(group),
            facet_accuracy(group, "model"), facet_accuracy(group, "dom"),
            record_accuracy(group, "model"), record_accuracy(group, "dom"),
            kind_accuracy(group), resolved(group),
        )
        for folder, group in sorted(groups.items())
    )


def misses(outcomes: Sequence[RecordOutcome], view: View = "model") -> tuple[Miss, ...]:
    """Every wrongly answered (record, facet) pair of ``view``; most confident mistakes first."""
    out = [
        Miss(
            o.index, o.record.page, o.record.selector, o.record.target, o.record.category, facet,
            o.record.expected[facet], o.got(facet, view),
            o.confidence(facet) if view == "model" else None, o.error,
        )
        for o, facet in pairs(outcomes)
        if not o.correct(facet, view)
    ]
    out.sort(key=lambda m: (m.error is not None, -(m.confidence or 0.0), m.index))
    return tuple(out)


def kind_accuracy(outcomes: Sequence[RecordOutcome]) -> Score:
    """How often the predictor's kind equals the labelled kind, over records that were answered."""
    answered = [o for o in outcomes if o.prediction is not None and o.prediction.kind is not None]
    return Score(sum(o.prediction.kind == o.record.kind for o in answered if o.prediction), len(answered))


def summarize(outcomes: Sequence[RecordOutcome], release: str, *, by_name: bool = False) -> Summary:
    """Every score of an evaluation, from its outcomes."""
    return Summary(
        release=release,
        records=len(outcomes),
        errors=sum(o.error is not None for o in outcomes),
        facet_accuracy=facet_accuracy(outcomes, "model"),
        dom_facet_accuracy=facet_accuracy(outcomes, "dom"),
        kind_accuracy=kind_accuracy(outcomes),
        per_facet=per_facet(outcomes),
        per_value=per_value(outcomes),
        per_folder=per_folder(outcomes),
        misses=misses(outcomes, "model"),
        dom_misses=misses(outcomes, "dom"),
        record_accuracy=record_accuracy(outcomes, "model"),
        dom_record_accuracy=record_accuracy(outcomes, "dom"),
        resolved=resolved(outcomes),
        by_name=by_name,
    )


def differences(a: EvalResult, b: EvalResult, *, expected_only: bool = False) -> tuple[Difference, ...]:
    """Every (record, facet) pair where two evaluations of the same labels answer differently.

    Compares every facet either side answers (``expected_only``: only the labelled ones).
    Raises ``ValueError`` when the two results are not of the same labelled records.
    """
    if [o.record for o in a.outcomes] != [o.record for o in b.outcomes]:
        raise ValueError(
            "the two evaluations are of different labelled records; evaluate both releases on the"
            " same labels file and root"
        )
    out = []
    for oa, ob in zip(a.outcomes, b.outcomes, strict=True):
        rec = oa.record
        if expected_only:
            facets: Iterable[str] = rec.expected
        else:
            answered = {f for o in (oa, ob) if o.prediction for f, v in o.prediction.facets.items() if v}
            facets = [f for f in FACET_NAMES if f in answered or f in rec.expected]
        for facet in facets:
            ga, gb = oa.got(facet), ob.got(facet)
            if ga != gb:
                out.append(
                    Difference(
                        oa.index, rec.page, rec.selector, rec.target, facet, rec.expected.get(facet),
                        ga, gb, oa.confidence(facet), ob.confidence(facet),
                    )
                )
    return tuple(out)
