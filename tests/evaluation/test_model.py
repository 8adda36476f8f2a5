"""Evaluation with a real model release: the Recognizer end to end on the fixture set.

Needs a release folder: the bundled one, or ``AUTOGLM_UI_TEST_RELEASE`` (see tests/plugin/helpers.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser

from autoglm_ui.cli.main import cli
from autoglm_ui.evaluation import EvalResult, differences, evaluate, evaluate_many, write_json
from tests.plugin.helpers import model_release, perturbed_release

pytest.importorskip("autoglm_ui.inference", reason="the model half (autoglm_ui.inference) has not landed yet")

EXE = Path(sys.executable).with_name("autoglm-ui")
SUMMARY_KEYS = {"facet_accuracy", "dom_facet_accuracy", "records", "per_facet", "per_value", "per_folder",
                "release", "errors"}


@pytest.fixture(scope="module")
def release_dir() -> Path:
    return model_release()


@pytest.fixture(scope="module")
def recognizer(release_dir: Path) -> Any:
    from autoglm_ui.recognizer import Recognizer

    return Recognizer(release=release_dir, device="cpu")


@pytest.fixture(scope="module")
def model_result(browser: Browser, recognizer: Any, eval_labels: Path, eval_root: Path) -> EvalResult:
    return evaluate(eval_labels, eval_root, recognizer, browser=browser)


@pytest.mark.browser
def test_model_eval_writes_the_summary(model_result: EvalResult, recognizer: Any, tmp_path: Path) -> None:
    assert not model_result.dom_only and model_result.release == recognizer.release
    assert model_result.summary.errors == 0
    for o in model_result.outcomes:
        assert o.prediction is not None
        for facet in o.record.expected:
            conf = o.confidence(facet)
            answered = o.got(facet) is not None
            assert not answered or (conf is not None and 0.0 <= conf <= 1.0), (o.record.selector, facet)
    doc = json.loads(write_json(model_result, tmp_path / "eval.json").read_text())
    s = doc["summary"]
    assert set(s) >= SUMMARY_KEYS and s["records"] == 11 and s["release"] == recognizer.release
    for key in ("facet_accuracy", "dom_facet_accuracy"):
        assert set(s[key]) == {"standard", "hard", "all"}
        assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in s[key].values())
    assert s["dom_facet_accuracy"]["hard"] == pytest.approx(1 / 3, abs=1e-5)
    assert {r["selector"] for r in doc["records"]} >= {"#grey", "#covered"}


@pytest.mark.browser
def test_dom_column_and_releases_compare_on_one_capture(
    browser: Browser, recognizer: Any, model_result: EvalResult, release_dir: Path, eval_labels: Path,
    eval_root: Path, tmp_path: Path,
) -> None:
    from autoglm_ui.recognizer import Recognizer

    other = Recognizer(release=perturbed_release(release_dir, tmp_path / "neg", "negated"), device="cpu")
    dom, again, flipped = evaluate_many(eval_labels, eval_root, [None, recognizer, other], browser=browser)
    for a, b in zip(dom.outcomes, again.outcomes, strict=True):
        assert a.prediction is not None and b.prediction is not None
        assert dict(a.prediction.dom) == dict(b.prediction.dom), a.record.selector
    # the same release on the same pages answers the same (its own capture or the shared one) ...
    assert differences(model_result, again) == ()
    # ... and a genuinely different release differs somewhere, record by record
    diff = differences(again, flipped)
    assert diff and all(d.a != d.b for d in diff) and flipped.release == "negated/1.0"


def test_unknown_release_is_one_line_exit_1(
    eval_labels: Path, eval_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTOGLM_UI_HOME", str(tmp_path / "store"))
    result = CliRunner().invoke(
        cli, ["eval", "--labels", str(eval_labels), "--root", str(eval_root), "--model", "no-such-release"]
    )
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "no-such-release" in lines[0]
    assert "install" in lines[0]


@pytest.mark.slow
@pytest.mark.browser
def test_cli_model_run_writes_json(
    release_dir: Path, eval_labels: Path, eval_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "eval.json"
    args = ["eval", "--labels", str(eval_labels), "--root", str(eval_root), "--model", str(release_dir)]
    proc = subprocess.run(
        [str(EXE), *args, "--json", str(out)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "140"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "DOM-only" in proc.stdout and "Per page folder" in proc.stdout
    s = json.loads(out.read_text())["summary"]
    assert set(s) >= SUMMARY_KEYS and s["records"] == 11 and s["release"] != "dom-only"
