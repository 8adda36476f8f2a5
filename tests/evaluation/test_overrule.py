"""How sure a release must be to contradict the DOM: the sweep re-answers outcomes, ``finish`` writes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autoglm_ui.evaluation.outcomes import EvalResult, Prediction, RecordOutcome
from autoglm_ui.evaluation.overrule import choose, overruled, sweep
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


def test_the_choice_is_the_threshold_whose_worst_library_reads_best() -> None:
    rows = sweep(result(), (None, 0.8, 0.95, 0.98, 0.999))
    worst = {r.at: r.worst("all") for r in rows}
    assert worst[None] == 0.5  # each library: one wrong contradiction
    assert worst[0.95] == 1.0 and worst[0.98] == 0.5 and worst[0.999] == 0.5
    assert choose(rows).at == 0.95


@pytest.mark.browser
def test_finish_writes_a_child_release_with_the_choice_and_its_figures_in_the_card(
    tmp_path: Path, eval_labels: Path, eval_root: Path
) -> None:
    out = tmp_path / "finished"
    done = subprocess.run(
        [str(EXE), "models", "finish", "control-state/1.5.0", "--out", str(out), "--version", "0.0.1",
         "--labels", str(eval_labels), "--root", str(eval_root), "--at", "0.9"],
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
