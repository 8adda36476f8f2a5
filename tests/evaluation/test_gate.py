"""The release gate: below the DOM-only view on any library's standard records, a candidate does not ship."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autoglm_ui.evaluation.gate import gate_failures, regressions

EXE = Path(sys.executable).with_name("autoglm-ui")


def card(**standard: tuple[float, float]) -> dict[str, object]:
    return {"per_library": {lib: {"facet_accuracy": {"standard": m, "hard": 0.9, "all": m},
                                  "dom_facet_accuracy": {"standard": d, "hard": 0.5, "all": d}}
                            for lib, (m, d) in standard.items()}}


def test_gate_reads_standard_records_library_by_library() -> None:
    assert gate_failures(card(uswds=(0.99, 0.98), vaadin=(0.97, 0.97))) == ()
    failed = gate_failures(card(uswds=(0.99, 0.98), vaadin=(0.95, 0.97), fluent=(0.9, 0.99)))
    assert [f.library for f in failed] == ["fluent", "vaadin"]
    assert str(failed[1]) == "vaadin: standard records 95.0 % < DOM-only 97.0 %"


@pytest.mark.browser
def test_gate_command_writes_the_card_and_exits_by_it(
    tmp_path: Path, eval_labels: Path, eval_root: Path
) -> None:
    out = tmp_path / "card.json"
    done = subprocess.run(
        [str(EXE), "models", "gate", "control-state/1.5.0", "--labels", str(eval_labels), "--root",
         str(eval_root), "--card", str(out)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "160"},
    )
    realset = json.loads(out.read_text())["realset"]
    assert set(realset["per_library"]) == {"pages/controls", "pages/more"}
    assert realset["records"] == 11 and realset["labels"] == str(eval_labels)
    failures = gate_failures(realset)
    assert done.returncode == (1 if failures else 0), done.stdout + done.stderr
    assert ("does not ship" if failures else "may ship") in done.stdout


def figures(standard: float, hard: float, kind: float) -> dict[str, object]:
    return {"facet_accuracy": {"standard": standard, "hard": hard, "all": 0.0}, "kind_accuracy": kind}


def test_a_candidate_may_not_read_half_a_point_less_than_the_release_it_replaces() -> None:
    previous = figures(0.9973, 0.9234, 0.9939)
    assert regressions(figures(0.9967, 0.9234, 0.9939), previous) == ()  # 0.06 point: within
    lost = regressions(figures(0.9967, 0.9174, 0.9800), previous)  # hard -0.6, kind -1.4
    assert [r.figure for r in lost] == ["hard facets", "kind"]
    assert str(lost[0]) == ("hard facets: 91.7 % < 92.3 % of the release it replaces, by more than"
                            " 0.5 point")


def test_finish_refuses_to_compare_with_a_release_without_real_library_figures(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(EXE), "models", "finish", "control-state/1.7.1", "--out", str(tmp_path / "out"),
         "--version", "9.9.9", "--replaces", "control-state/1.5.0"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "AUTOGLM_UI_HOME": str(tmp_path / "h")},
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "control-state/1.5.0 has no real-library figures" in done.stderr
    assert not (tmp_path / "out").exists()
