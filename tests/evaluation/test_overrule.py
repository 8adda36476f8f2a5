"""How sure a release must be to contradict the DOM: the sweep re-answers outcomes, ``finish`` writes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autoglm_ui.evaluation.outcomes import EvalResult, Prediction, RecordOutcome
from autoglm_ui.evaluation.overrule import NEVER, choose, overruled, per_facet, sweep
from autoglm_ui.evaluation.scoring import summarize
from autoglm_ui.labels import LabelledRecord

EXE = Path(sys.executable).with_name("autoglm-ui")


def outcome(i: int, lib: str, category: str, label: str, model: str, conf: float, dom: str) -> RecordOutcome:
    record = LabelledRecord(page=f"{lib}/p.html", selector=f"#c{i}", target=f"c{i}", kind="button",
                            expected={"availability": label}, category=category)
    p = Prediction(facets={"availability": model}, confidence={"availability": conf},
                   dom={"availability": dom}, kind="button")
    return RecordOutcome(i, record, p)


def result() -> EvalResult:
    rows = [
        # a: the model contradicts the DOM wrongly at 0.7 on a standard record, rightly at 0.97 on a hard one
        outcome(0, "a", "standard", "enabled", "disabled", 0.7, "enabled"),
        outcome(1, "a", "hard", "disabled", "disabled", 0.97, "enabled"),
        # b: a wrong contradiction at 0.92, a right one at 0.99
        outcome(2, "b", "standard", "enabled", "disabled", 0.92, "enabled"),
        outcome(3, "b", "hard", "disabled", "disabled", 0.99, "enabled"),
    ]
    outcomes = tuple(rows)
    return EvalResult(outcomes, summarize(outcomes, "r"))


def test_overruled_answers_the_dom_below_the_threshold_only() -> None:
    o = result().outcomes[0]
    assert overruled(o, None) is o
    assert overruled(o, 0.6).got("availability") == "disabled"
    low = overruled(o, 0.8)
    assert low.got("availability") == "enabled" and low.confidence("availability") == pytest.approx(0.3)


def test_a_facet_the_layout_settled_stands_at_any_threshold() -> None:
    record = LabelledRecord(page="a/p.html", selector="#drawer", target="drawer", kind="button",
                            expected={"visibility": "offscreen"}, category="hard")
    p = Prediction(facets={"visibility": "offscreen"}, confidence={"visibility": 1.0},
                   dom={"visibility": "visible"}, kind="button", settled=frozenset({"visibility"}))
    o = RecordOutcome(0, record, p)
    assert overruled(o, NEVER).got("visibility") == "offscreen"  # the Recognizer applies the layout last
    unsettled = RecordOutcome(0, record, Prediction(p.facets, p.confidence, p.dom, "button"))
    assert overruled(unsettled, NEVER).got("visibility") == "visible"


def test_the_choice_is_the_threshold_whose_worst_library_reads_best() -> None:
    rows = sweep(result(), (None, 0.8, 0.95, 0.98, 0.999))
    worst = {r.at: r.worst("all") for r in rows}
    assert worst[None] == 0.5  # each library: one wrong contradiction
    assert worst[0.95] == 1.0 and worst[0.98] == 0.5 and worst[0.999] == 0.5
    assert choose(rows).at == 0.95


def two_facets() -> EvalResult:
    """The model contradicts the DOM at 0.92 on both facets: wrongly on availability (a standard
    record), rightly on visibility (a hard one). No single threshold gets both right."""
    def row(i: int, category: str, expected: dict[str, str], model: dict[str, str], dom: dict[str, str]
            ) -> RecordOutcome:
        record = LabelledRecord(page="a/p.html", selector=f"#c{i}", target=f"c{i}", kind="button",
                                expected=expected, category=category)
        return RecordOutcome(i, record, Prediction(facets=model, confidence={f: 0.92 for f in model},
                                                   dom=dom, kind="button"))
    plain = {"availability": "enabled", "visibility": "visible"}
    outcomes = (
        row(0, "standard", plain, {"availability": "disabled", "visibility": "visible"}, plain),
        row(1, "hard", {"availability": "enabled", "visibility": "occluded"},
            {"availability": "enabled", "visibility": "occluded"}, plain),
    )
    return EvalResult(outcomes, summarize(outcomes, "r"))


def test_a_threshold_per_facet_keeps_the_dom_where_it_is_right_and_the_model_where_it_sees() -> None:
    result = two_facets()
    rows = sweep(result, (None, 0.95))
    assert [r.shortfall() for r in rows] == [1, 0]  # one or the other is lost
    assert choose(rows).at is None  # the hard records kept at the floor (90 %) come first
    assert choose(rows, floor=0.0).at == 0.95  # without a floor, the DOM's answer wins
    best = per_facet(result, None, ("availability", "visibility"))
    assert best.at == {"availability": 0.95, "visibility": None}
    assert best.shortfall() == 0 and best.summary.facet_accuracy["all"].fraction == 1.0
    o = result.outcomes[1]
    assert overruled(o, {"visibility": NEVER}).got("visibility") == "visible"  # the DOM always stands
    assert overruled(o, {"availability": 0.99}).got("visibility") == "occluded"  # a facet left out answers


@pytest.mark.browser
def test_finish_writes_a_child_release_with_the_choice_and_its_figures_in_the_card(
    tmp_path: Path, eval_labels: Path, eval_root: Path
) -> None:
    out = tmp_path / "finished"
    done = subprocess.run(
        [str(EXE), "models", "finish", "control-state/1.5.0", "--out", str(out), "--version", "0.0.1",
         "--labels", str(eval_labels), "--root", str(eval_root), "--at", "0.9", "--also", str(eval_root),
         "--recipe", "autoglm-ui train --data d --out r", "--recipe", "autoglm-ui models finish r"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "160"},
    )
    assert done.returncode in (0, 1), done.stderr
    assert "How sure to contradict the DOM" in done.stdout and "0.9 ←" in done.stdout
    assert json.loads((out / "config.json").read_text())["overrule_at"] == 0.9
    manifest = json.loads((out / "release.json").read_text())
    assert manifest["parent"] == "control-state/1.5.0" and manifest["version"] == "0.0.1"
    card = manifest["card"]
    assert card["overrule"]["at"] == 0.9 and card["overrule"]["fixed"] is True
    realset = card["realset"]
    assert realset["records"] == 11 and realset["environment"]["browser"]["name"] == "chromium"
    assert "training" in card  # the trained release's card is kept
    also = card[eval_root.name]  # the same pages scored again under --also: the same figures
    assert also["records"] == 11 and also["facet_accuracy"] == realset["facet_accuracy"]
    assert f"{eval_root.name}: standard" in done.stdout
    assert card["recipe"] == ["autoglm-ui train --data d --out r", "autoglm-ui models finish r"]
    assert "card.realset" in card["metrics_note"]
    home = tmp_path / "home"
    env = {**os.environ, "AUTOGLM_UI_HOME": str(home)}
    installed = subprocess.run([str(EXE), "models", "install", str(out)], capture_output=True, text=True,
                               env=env, timeout=120)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    verified = subprocess.run([str(EXE), "models", "verify", "control-state/0.0.1"], capture_output=True,
                              text=True, env=env, timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    again = subprocess.run(
        [str(EXE), "models", "finish", "control-state/1.5.0", "--out", str(out), "--version", "0.0.2"],
        capture_output=True, text=True, timeout=60,
    )
    assert again.returncode == 2 and "already exists" in again.stderr
    nowhere = subprocess.run(
        [str(EXE), "models", "finish", "control-state/1.5.0", "--out", str(tmp_path / "other"), "--version",
         "0.0.3", "--also", str(tmp_path / "nowhere")], capture_output=True, text=True, timeout=60,
    )
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr
    assert not (tmp_path / "other").exists()
