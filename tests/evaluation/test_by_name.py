"""``eval --by-name``: each record's target string is resolved as ``widget_state("Save")`` resolves it."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from autoglm_ui.evaluation import evaluate
from autoglm_ui.labels import load_labels

pytestmark = pytest.mark.browser

EXE = Path(sys.executable).with_name("autoglm-ui")


def test_by_name_answers_as_the_selectors_do(browser: Browser, eval_labels: Path, eval_root: Path) -> None:
    by_selector = evaluate(eval_labels, eval_root, None, browser=browser)
    by_name = evaluate(eval_labels, eval_root, None, browser=browser, by_name=True)
    assert by_name.summary.by_name and by_name.summary.resolved.correct == by_name.summary.records
    for a, b in zip(by_selector.outcomes, by_name.outcomes, strict=True):
        assert b.error is None, b.error
        facets = a.record.expected
        assert {f: a.got(f, "dom") for f in facets} == {f: b.got(f, "dom") for f in facets}


def test_names_that_miss_are_reported_per_record(
    browser: Browser, eval_labels: Path, eval_root: Path
) -> None:
    records = load_labels(eval_labels)
    wrong = [
        dataclasses.replace(records[0], target="No such button"),   # nothing has this name
        dataclasses.replace(records[1], target="Continue"),         # the name of another control
        records[2],
    ]
    result = evaluate(wrong, eval_root, None, browser=browser, by_name=True)
    errors = [o.error for o in result.outcomes]
    assert errors[0] is not None and "did not resolve by name: no control matches it" in errors[0]
    assert errors[1] is not None and "resolved to another control: button 'Continue'" in errors[1]
    assert errors[2] is None
    s = result.summary
    assert (s.resolved.correct, s.resolved.total) == (1, 3)
    assert s.per_folder[0].resolved.correct == 1


def test_cli_by_name_json(tmp_path: Path, eval_labels: Path, eval_root: Path) -> None:
    out = tmp_path / "eval.json"
    done = subprocess.run(
        [str(EXE), "eval", "--labels", str(eval_labels), "--root", str(eval_root), "--dom-only", "--by-name",
         "--json", str(out)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "160"},
    )
    assert done.returncode == 0, done.stderr
    assert "targets resolved by name: 100.0% (11/11)" in done.stdout
    assert "resolved" in done.stdout.split("Per page folder")[1]
    s = json.loads(out.read_text())["summary"]
    assert s["by_name"] is True and s["resolved"] == 11 and s["resolved_fraction"] == 1.0
    assert {f["resolved"] for f in s["per_folder"].values()} == {7, 4}
    env = s["environment"]  # where it was measured: the browser, the fonts, torch, the CPU
    assert env["browser"]["name"] == "chromium" and env["browser"]["version"]
    assert env["viewport"] == {"width": 1280, "height": 900} and len(env["fonts"]["sha256"]) == 64
