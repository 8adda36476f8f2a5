"""Scoring on hand-built outcomes: pure, no browser."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from autoglm_ui.evaluation import (
    EvalResult,
    Prediction,
    RecordOutcome,
    Score,
    differences,
    result_json,
    summarize,
)
from autoglm_ui.evaluation.scoring import facet_accuracy, misses, per_facet, per_folder, per_value
from autoglm_ui.labels import LabelledRecord


def rec(page: str, selector: str, expected: Mapping[str, str], category: str = "standard",
        kind: str = "button") -> LabelledRecord:
    return LabelledRecord(page=page, selector=selector, target=selector.lstrip("#"), kind=kind,
                          category=category, expected=dict(expected))


def out(i: int, record: LabelledRecord, facets: Mapping[str, str | None] | None,
        dom: Mapping[str, str | None] | None = None, conf: float = 0.9, error: str | None = None,
        kind: str | None = "button") -> RecordOutcome:
    if facets is None:
        return RecordOutcome(i, record, None, error or "selector '#x' matched no element")
    dom = facets if dom is None else dom
    confidence = {f: conf for f, v in facets.items() if v is not None}
    return RecordOutcome(i, record, Prediction(dict(facets), confidence, dict(dom), kind))


@pytest.fixture()
def outcomes() -> list[RecordOutcome]:
    a = rec("shop/a.html", "#ok", {"availability": "enabled", "visibility": "visible"})
    b = rec("shop/a.html", "#grey", {"availability": "disabled"}, "hard")
    c = rec("forms/b.html", "#box", {"checked": "checked", "availability": "enabled"}, kind="checkbox")
    d = rec("forms/b.html", "#cover", {"visibility": "occluded"}, "hard")
    e = rec("forms/b.html", "#gone", {"visibility": "hidden"})
    return [
        out(0, a, {"availability": "enabled", "visibility": "visible"}),
        # the model sees the class-greyed button; the DOM does not
        out(1, b, {"availability": "disabled"}, dom={"availability": "enabled"}, conf=0.8),
        # the model misreads the checkbox with high confidence; the DOM is right
        out(2, c, {"checked": "unchecked", "availability": "enabled"},
            dom={"checked": "checked", "availability": "enabled"}, conf=0.97, kind="checkbox"),
        out(3, d, {"visibility": "visible"}, conf=0.6, kind="link"),  # and misreads its kind
        out(4, e, None),  # unreadable: wrong in both views
    ]


def test_facet_accuracy_per_category(outcomes: list[RecordOutcome]) -> None:
    model, dom = facet_accuracy(outcomes, "model"), facet_accuracy(outcomes, "dom")
    # pairs: standard a(2) c(2) e(1) = 5, hard b(1) d(1) = 2
    assert model["standard"] == Score(3, 5) and model["hard"] == Score(1, 2) and model["all"] == Score(4, 7)
    assert dom["standard"] == Score(4, 5) and dom["hard"] == Score(0, 2) and dom["all"] == Score(4, 7)
    assert model["all"].fraction == pytest.approx(4 / 7)
    assert Score().fraction is None


def test_per_facet_with_confusion(outcomes: list[RecordOutcome]) -> None:
    by = {f.facet: f for f in per_facet(outcomes)}
    assert list(by) == ["availability", "checked", "visibility"]  # vocabulary order, listed facets only
    assert by["availability"].model == Score(3, 3) and by["availability"].dom == Score(2, 3)
    assert by["checked"].model == Score(0, 1) and by["checked"].dom == Score(1, 1)
    assert by["visibility"].confusion == {"visible": {"visible": 1}, "occluded": {"visible": 1},
                                          "hidden": {"none": 1}}


def test_per_value_recall_and_precision(outcomes: list[RecordOutcome]) -> None:
    by = {(v.facet, v.value): v for v in per_value(outcomes)}
    visible = by["visibility", "visible"]
    assert (visible.support, visible.hits, visible.predicted) == (1, 1, 2)
    assert visible.recall == 1.0 and visible.precision == 0.5
    occluded = by["visibility", "occluded"]
    assert occluded.recall == 0.0 and occluded.precision is None  # never predicted
    disabled = by["availability", "disabled"]
    assert disabled.recall == 1.0 and disabled.dom_recall == 0.0 and disabled.dom_precision is None
    enabled = by["availability", "enabled"]
    assert enabled.dom_precision == pytest.approx(2 / 3)  # the DOM called the greyed button enabled
    unchecked = by["checked", "unchecked"]
    assert unchecked.support == 0 and unchecked.predicted == 1 and unchecked.precision == 0.0
    assert by["checked", "mixed"].recall is None  # every value of a listed facet is reported


def test_per_folder(outcomes: list[RecordOutcome]) -> None:
    by = {f.folder: f for f in per_folder(outcomes)}
    assert list(by) == ["forms", "shop"]
    assert by["shop"].records == 2 and by["shop"].model == Score(3, 3) and by["shop"].dom == Score(2, 3)
    assert by["forms"].records == 3 and by["forms"].model == Score(1, 4)


def test_per_folder_split_sums_to_the_top_level(outcomes: list[RecordOutcome]) -> None:
    """Every count of the per-folder split (per category, both views, whole records, kinds) adds up."""
    s = summarize(outcomes, "tiny/1")
    folders = s.per_folder
    assert sum(f.records for f in folders) == s.records
    for c in ("standard", "hard", "all"):
        for mine, top in (("facet_accuracy", s.facet_accuracy), ("dom_facet_accuracy", s.dom_facet_accuracy),
                          ("record_accuracy", s.record_accuracy),
                          ("dom_record_accuracy", s.dom_record_accuracy)):
            assert sum(getattr(f, mine)[c].correct for f in folders) == top[c].correct, (mine, c)
            assert sum(getattr(f, mine)[c].total for f in folders) == top[c].total, (mine, c)
    assert sum(f.kind_accuracy.correct for f in folders) == s.kind_accuracy.correct
    assert sum(f.kind_accuracy.total for f in folders) == s.kind_accuracy.total
    assert sum(f.resolved.correct for f in folders) == s.records - s.errors == s.resolved.correct
    doc = result_json(EvalResult(tuple(outcomes), s))["summary"]
    for c in ("standard", "hard", "all"):
        assert sum(f["pairs"][c] for f in doc["per_folder"].values()) == doc["pairs"][c]
        assert sum(f["category_records"][c] for f in doc["per_folder"].values()) == \
            sum(o.record.category == c or c == "all" for o in outcomes)
    assert set(doc["per_folder"]["shop"]) >= {"facet_accuracy", "dom_facet_accuracy", "kind_accuracy",
                                              "record_accuracy", "dom_record_accuracy"}


def test_whole_records(outcomes: list[RecordOutcome]) -> None:
    s = summarize(outcomes, "tiny/1")
    # a record is right only when every labelled facet is; the unreadable one never is
    assert s.record_accuracy["all"].total == 5
    assert s.record_accuracy["all"].correct == sum(
        all(o.correct(f) for f in o.record.expected) for o in outcomes)
    assert s.resolved.correct == 4


def test_misses_most_confident_first_errors_last(outcomes: list[RecordOutcome]) -> None:
    got = misses(outcomes, "model")
    assert [(m.index, m.facet, m.expected, m.got) for m in got] == [
        (2, "checked", "checked", "unchecked"),
        (3, "visibility", "occluded", "visible"),
        (4, "visibility", "hidden", None),
    ]
    assert got[0].confidence == 0.97 and got[-1].error is not None
    dom = misses(outcomes, "dom")
    assert [(m.index, m.facet) for m in dom] == [(1, "availability"), (3, "visibility"), (4, "visibility")]
    assert all(m.confidence is None for m in dom)


def test_summary_json_has_the_contract_keys(outcomes: list[RecordOutcome]) -> None:
    summary = summarize(outcomes, "tiny/1")
    assert summary.records == 5 and summary.errors == 1
    assert summary.kind_accuracy == Score(3, 4)  # the link/button mix-up; error excluded
    doc = result_json(EvalResult(tuple(outcomes), summary))
    s = doc["summary"]
    assert s["facet_accuracy"] == {"standard": 0.6, "hard": 0.5, "all": pytest.approx(4 / 7, abs=1e-6)}
    assert s["dom_facet_accuracy"]["hard"] == 0.0 and s["records"] == 5 and s["release"] == "tiny/1"
    assert set(s) >= {"per_facet", "per_value", "per_folder", "errors", "kind_accuracy"}
    assert s["per_value"]["visibility"]["occluded"]["precision"] is None
    first = doc["records"][1]
    assert first["correct"] == {"availability": True} and first["dom_correct"] == {"availability": False}
    assert doc["records"][4]["predicted"] is None and doc["records"][4]["error"]


def test_empty_category_is_null_not_zero() -> None:
    only = [out(0, rec("p.html", "#a", {"availability": "enabled"}), {"availability": "enabled"})]
    s = result_json(EvalResult(tuple(only), summarize(only, "r")))["summary"]
    assert s["facet_accuracy"] == {"standard": 1.0, "hard": None, "all": 1.0}
    folder = s["per_folder"]["."]
    assert folder["accuracy"] == 1.0 and folder["dom_accuracy"] == 1.0 and folder["records"] == 1
    assert folder["facet_accuracy"] == {"standard": 1.0, "hard": None, "all": 1.0}
    assert folder["category_records"] == {"standard": 1, "hard": 0, "all": 1}


def test_differences_between_two_releases(outcomes: list[RecordOutcome]) -> None:
    a = EvalResult(tuple(outcomes), summarize(outcomes, "a"))
    changed = list(outcomes)
    r = outcomes[2].record
    changed[2] = out(2, r, {"checked": "checked", "availability": "enabled"}, conf=0.7, kind="checkbox")
    busy = {"availability": "enabled", "visibility": "visible", "busy": "busy"}
    changed[0] = out(0, outcomes[0].record, busy)
    b = EvalResult(tuple(changed), summarize(changed, "b"))
    diff = differences(a, b)
    assert [(d.index, d.facet, d.a, d.b) for d in diff] == [
        (0, "busy", None, "busy"), (2, "checked", "unchecked", "checked")
    ]
    assert diff[1].expected == "checked" and diff[1].a_confidence == 0.97 and diff[1].b_confidence == 0.7
    assert [d.facet for d in differences(a, b, expected_only=True)] == ["checked"]
    with pytest.raises(ValueError, match="same labels file"):
        differences(a, EvalResult(tuple(outcomes[:2]), summarize(outcomes[:2], "c")))
