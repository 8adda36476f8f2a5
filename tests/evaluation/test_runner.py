"""The runner in real Chromium: unreadable records, a plugged-in predictor, two predictors at once."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ElementHandle, Page

from autoglm_ui.capture import Capture, capture
from autoglm_ui.dom_view import dom_view
from autoglm_ui.errors import DatasetError
from autoglm_ui.evaluation import (
    Prediction,
    Predictor,
    RecognizerPredictor,
    Score,
    as_predictor,
    differences,
    evaluate,
    evaluate_many,
    result_json,
    write_json,
)
from autoglm_ui.labels import LabelledRecord, load_labels
from autoglm_ui.state import WidgetState
from autoglm_ui.targets import capture_targets

pytestmark = pytest.mark.browser


class LooksPredictor:
    """A small real predictor: reads the painted evidence in the capture facts (opacity, hit tests)."""

    release = "looks/1"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def predict(self, page: Page, handles: Sequence[ElementHandle]) -> list[Prediction]:
        self.calls.append(len(handles))
        return self.answer(capture(page, handles=handles))

    def answer(self, cap: Capture) -> list[Prediction]:
        out = []
        for c in cap.controls:
            dom = dom_view(c.raw)
            facets = dict(dom)
            if c.raw["style"]["effective_opacity"] < 0.6:
                facets["availability"] = "disabled"
            if facets["visibility"] == "visible" and c.raw["hits"][0] in ("other", "other-fixed"):
                facets["visibility"] = "occluded"
            out.append(Prediction(facets, {f: 0.75 for f, v in facets.items() if v}, dom, c.kind))
        return out


class SharingLooksPredictor(LooksPredictor):
    """The same predictor, able to answer from a capture the runner already took."""

    def __init__(self) -> None:
        super().__init__()
        self.captures: list[Capture] = []

    def predict_capture(self, cap: Capture) -> list[Prediction]:
        self.captures.append(cap)
        return self.answer(cap)


class RulesRecognizer:
    """design.md's Recognizer surface (``release``, ``states``, ``classify``) answering by rules.

    Real ``WidgetState`` objects from a real capture, so the adapter from a ``Recognizer`` to a
    :class:`Predictor` is exercised before (and besides) a trained release.
    """

    release = "rules/0"

    def __init__(self) -> None:
        self.classified: list[int] = []
        self.asked: list[int] = []

    def states(self, page: Page, targets: Sequence[Any]) -> list[WidgetState]:
        self.asked.append(len(targets))
        return self.classify(capture_targets(page, targets))

    def classify(self, cap: Capture) -> list[WidgetState]:
        self.classified.append(len(cap.controls))
        out = []
        for c, p in zip(cap.controls, LooksPredictor().answer(cap), strict=True):
            out.append(WidgetState(kind=c.kind, name=c.name, box=c.box, facets=p.facets,
                                   confidence=p.confidence, dom=p.dom, release=self.release))
        return out


def test_a_predictor_plugs_in_and_is_scored_beside_the_dom(
    browser: Browser, eval_labels: Path, eval_root: Path, tmp_path: Path
) -> None:
    looks = LooksPredictor()
    assert isinstance(looks, Predictor)
    rules = RulesRecognizer()
    assert isinstance(as_predictor(rules), RecognizerPredictor)
    # LooksPredictor cannot share a capture: each predictor reads the page on its own
    result, dom, ruled = evaluate_many(eval_labels, eval_root, [looks, None, rules], browser=browser)
    assert looks.calls == [7, 4]  # one call per page, every record of the page at once
    assert rules.asked == rules.classified == [7, 4]  # through its own states(): one capture per page
    assert ruled.release == "rules/0" and differences(result, ruled) == ()
    s = result.summary
    assert not result.dom_only and s.release == "looks/1" and dom.dom_only
    assert s.facet_accuracy["hard"].fraction == 1.0
    assert s.dom_facet_accuracy["hard"].fraction == pytest.approx(1 / 3)
    assert s.facet_accuracy["all"].fraction == 1.0 and s.misses == ()
    doc = json.loads(write_json(result, tmp_path / "out" / "eval.json").read_text())
    assert doc["summary"]["facet_accuracy"] == {"standard": 1.0, "hard": 1.0, "all": 1.0}
    grey = next(r for r in doc["records"] if r["selector"] == "#grey")
    assert grey["predicted"]["availability"] == "disabled" and grey["dom"]["availability"] == "enabled"
    assert grey["confidence"]["availability"] == 0.75 and grey["dom_correct"]["availability"] is False
    # per record, comparable across the two: where they differ and how
    assert [(d.selector, d.facet, d.a, d.b) for d in differences(dom, result)] == [
        ("#grey", "availability", "enabled", "disabled"),
        ("#covered", "visibility", "visible", "occluded"),
    ]


def test_predictors_that_can_share_read_one_capture_per_page(
    browser: Browser, eval_labels: Path, eval_root: Path
) -> None:
    first, second, rules = SharingLooksPredictor(), SharingLooksPredictor(), RulesRecognizer()
    a, b, dom, ruled = evaluate_many(eval_labels, eval_root, [first, second, None, rules], browser=browser)
    assert first.calls == second.calls == []  # nobody captured on its own
    assert rules.asked == [] and rules.classified == [7, 4]  # a Recognizer's classify() on that capture
    assert differences(a, ruled) == ()
    assert [len(c.controls) for c in first.captures] == [7, 4]
    assert all(x is y for x, y in zip(first.captures, second.captures, strict=True))
    assert differences(a, b) == () and a.summary.facet_accuracy["all"].fraction == 1.0
    assert [d.selector for d in differences(a, dom)] == ["#grey", "#covered"]


def test_anything_else_is_refused() -> None:
    with pytest.raises(TypeError, match="pass a Recognizer"):
        as_predictor(object())  # type: ignore[arg-type]


def test_unreadable_records_are_reported_per_record(browser: Browser, eval_root: Path) -> None:
    good = load_labels(eval_root / "labels.json")[0]
    page = good.page

    def record(selector: str, page: str = page) -> LabelledRecord:
        return LabelledRecord(page=page, selector=selector, target="", kind="button", category="standard",
                              expected={"availability": "enabled"})

    records = [
        record("#nothing-here"), good, record(".twin"), record("button[["),
        record("#ok", page="pages/missing.html"),
    ]
    result = evaluate(records, eval_root, None, browser=browser)
    errors = [o.error for o in result.outcomes]
    assert errors[1] is None and result.outcomes[1].correct("availability", "dom")
    assert errors[0] is not None and "matched no element" in errors[0]
    assert errors[2] is not None and "matched 2 elements" in errors[2]
    assert errors[3] is not None and "not valid" in errors[3]
    assert errors[4] is not None and "not found under" in errors[4]
    s = result.summary
    assert s.errors == 4 and s.dom_facet_accuracy["all"] == Score(3, 7)  # failed records count as misses
    doc = result_json(result)
    assert [r["error"] is not None for r in doc["records"]] == [True, False, True, True, True]
    assert {m["index"] for m in doc["dom_misses"]} == {0, 2, 3, 4}


def test_root_must_be_a_folder(eval_labels: Path, tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a folder"):
        evaluate(eval_labels, tmp_path / "nope", None)


def test_a_page_read_without_its_stylesheet_is_refused(browser: Browser, tmp_path: Path) -> None:
    """Issue 19: the generator's dev set read 728/738 on a clone whose ``fixtures/vendor`` was not
    installed, because two pages were scored without their Bulma stylesheet. Such a page's records
    are now unreadable, with the file and what to do; the page's other assets are named too."""
    devset = Path(__file__).resolve().parents[2] / "fixtures" / "devset"
    page = "pages/p9001-00003.html"
    (tmp_path / "pages").mkdir()
    (tmp_path / page).write_text((devset / page).read_text())
    (tmp_path / "pages" / "own.html").write_text(
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\' \'unsafe-inline\'">'
        '<link rel="stylesheet" href="/own.css"><script src="/gone.js"></script>'
        '<link rel="stylesheet" href="https://fonts.example/blocked.css">'
        '<button id="b">Go</button>'
    )
    (tmp_path / "own.css").write_text("button { color: teal }")
    records = [r for r in load_labels(devset / "labels.json") if r.page == page]
    records.append(LabelledRecord(page="pages/own.html", selector="#b", target="Go", kind="button",
                                  category="standard", expected={"availability": "enabled"}))
    result = evaluate(records, tmp_path, None, browser=browser)
    errors = [o.error or "" for o in result.outcomes]
    assert len(errors) > 2 and result.summary.errors == len(errors)
    assert all("did not load what it links: stylesheet /vendor/bulma/css/bulma.min.css (HTTP 404)" in e
               and "make setup" in e for e in errors[:-1])
    assert "script /gone.js (HTTP 404)" in errors[-1] and "own.css" not in errors[-1]
    assert "fonts.example" not in errors[-1]  # refused by the page's own policy: the same everywhere

    (tmp_path / "gone.js").write_text("")
    (tmp_path / "vendor").symlink_to(devset / "vendor")
    result = evaluate(records, tmp_path, None, browser=browser)
    assert result.summary.errors == 0
