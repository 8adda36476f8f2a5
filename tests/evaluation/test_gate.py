"""The release gate: below the DOM-only view on any library's standard records, a candidate does not ship."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autoglm_ui.evaluation.gate import gate_failures

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
