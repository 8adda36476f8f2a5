"""``autoglm-ui eval``: operational errors are one line and exit 1; a DOM-only run writes the JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from autoglm_ui.cli.main import cli

EXE = Path(sys.executable).with_name("autoglm-ui")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["eval", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "not valid JSON"),
        ('{"page": "a.html"}', "expected a JSON list"),
        ('[{"page": "a.html", "kind": "button", "expected": {"availability": "on"}}]', "lacks selector"),
        ('[{"page": "a.html", "selector": "#a", "kind": "button", "expected": {"availability": "on"}}]',
         "availability='on' is not one of enabled, disabled"),
        ("[]", "no records"),
    ],
)
def test_malformed_labels_exit_1_with_one_line(
    tmp_path: Path, eval_root: Path, content: str, says: str
) -> None:
    labels = tmp_path / "labels.json"
    labels.write_text(content)
    code, output = run("--labels", str(labels), "--root", str(eval_root), "--dom-only")
    assert code == 1, output
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0], output
    assert "--labels must name a JSON list" in lines[0]


def test_missing_labels_and_root(tmp_path: Path, eval_root: Path, eval_labels: Path) -> None:
    code, output = run("--labels", str(tmp_path / "nope.json"), "--root", str(eval_root))
    assert code == 1 and "no such labels file" in output and len(output.strip().splitlines()) == 1
    code, output = run("--labels", str(eval_labels), "--root", str(tmp_path / "nowhere"), "--dom-only")
    assert code == 1 and "pass --root the folder" in output and len(output.strip().splitlines()) == 1


def test_model_and_dom_only_exclude_each_other(eval_root: Path, eval_labels: Path) -> None:
    code, output = run("--labels", str(eval_labels), "--root", str(eval_root), "--dom-only", "--model", "x")
    assert code == 2 and "exclude each other" in output


def test_help() -> None:
    code, output = run("--help")
    assert code == 0 and "--dom-only" in output and "--json" in output


@pytest.mark.browser
def test_dom_only_run_prints_tables_and_writes_json(
    tmp_path: Path, eval_root: Path, eval_labels: Path
) -> None:
    out = tmp_path / "eval.json"
    args = ["eval", "--labels", str(eval_labels), "--root", str(eval_root), "--dom-only", "--json", str(out)]
    proc = subprocess.run(
        [str(EXE), *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "140"},
    )
    assert proc.returncode == 0, proc.stderr
    for heading in ("Facet accuracy", "Per facet", "Per value", "Per page folder", "Misses (2"):
        assert heading in proc.stdout
    assert "#grey" in proc.stdout and f"wrote {out}" in proc.stdout
    doc = json.loads(out.read_text())
    s = doc["summary"]
    assert s["records"] == 11 and s["release"] == "dom-only" and s["errors"] == 0
    assert s["dom_facet_accuracy"]["standard"] == 1.0
    assert s["dom_facet_accuracy"]["hard"] == pytest.approx(1 / 3, abs=1e-5)
    assert set(doc["records"][0]) >= {"page", "selector", "target", "category", "expected", "predicted",
                                      "confidence", "dom", "correct"}


def test_ablate_needs_a_model(eval_root: Path, eval_labels: Path) -> None:
    args = ("--labels", str(eval_labels), "--root", str(eval_root), "--dom-only", "--ablate", "pixels")
    code, output = run(*args)
    assert code == 2 and "drop --dom-only" in output


@pytest.mark.browser
def test_ablations_are_scored_on_the_same_captures_beside_the_fused_model(
    tmp_path: Path, eval_root: Path, eval_labels: Path
) -> None:
    out = tmp_path / "eval.json"
    args = ["eval", "--labels", str(eval_labels), "--root", str(eval_root), "--model", "control-state/1.5.0",
            "--ablate", "pixels", "--ablate", "facts", "--json", str(out)]
    proc = subprocess.run(
        [str(EXE), *args],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "160"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "What each input carries" in proc.stdout and "all folders" in proc.stdout
    doc = json.loads(out.read_text())
    pixels, facts = doc["ablations"]["pixels"], doc["ablations"]["facts"]
    assert pixels["release"].endswith("(facts only)") and facts["release"].endswith("(pixels only)")
    assert pixels["records"] == facts["records"] == doc["summary"]["records"] == 11
    assert pixels["errors"] == facts["errors"] == 0
