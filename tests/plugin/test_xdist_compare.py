"""pytest-xdist parity (``-n 2`` reports what a serial run reports) and ``--autoglm-compare``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.plugin.helpers import Run, copy_release, model_release, perturbed_release, run_pytest
from tests.plugin.test_reads import make_suite, outcomes


@pytest.fixture(scope="module")
def release() -> Path:
    return model_release()


def _stable(run: Run) -> list[str]:
    """The summary without timings, with the run's own folder written as <where>."""
    lines = [line.replace(str(run.where), "<where>") for line in run.summary()]
    return [line for line in lines if not line.startswith("time in autoglm-ui")]


def test_two_workers_report_what_a_serial_run_reports_and_compare_finds_no_difference_with_a_twin(
    tmp_path_factory: pytest.TempPathFactory, release: Path
) -> None:
    runs = []
    for mode in ("serial", "parallel"):
        where = make_suite(tmp_path_factory.mktemp(mode))
        twin = copy_release(release, where / "twin", "twin")
        args = [f"--autoglm-model={release}", f"--autoglm-compare={twin}", "--autoglm-compare-fail"]
        runs.append(run_pytest(where, *args, *(["-n", "2"] if mode == "parallel" else [])))
    serial, parallel = runs
    assert "2 workers" in parallel.out
    assert outcomes(parallel) == outcomes(serial), parallel.out[-3000:]
    assert _stable(parallel) == _stable(serial)
    assert any(line.startswith("time in autoglm-ui") for line in parallel.summary())
    for run in runs:
        folders = sorted(p.name for p in (run.where / "autoglm-ui-results").iterdir() if p.is_dir())
        assert folders == [
            "test_suite.py-test_expect_times_out-chromium",
            "test_suite.py-test_failing_assert-chromium",
        ]
        lines = run.summary()
        assert any(
            re.match(r"compare with twin/1.0 \('.*'\): 0 differences in \d+ states read", x) for x in lines
        )
        data = json.loads((run.where / "autoglm-ui-results" / "compare.json").read_text())
        assert data["release_b"] == "twin/1.0" and data["differences"] == [] and data["states_read"] > 0
        assert run.ret == pytest.ExitCode.TESTS_FAILED  # two tests of the suite fail on purpose, not compare


@pytest.fixture(scope="module")
def different_run(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Run:
    where = tmp_path_factory.mktemp("different")
    (where / "test_ok.py").write_text(
        "def test_reads(page, widget_state):\n"
        "    page.set_content('<button>Save</button><button disabled>Pay</button>"
        "<label><input type=checkbox checked> Terms</label>')\n"
        "    for name in ['Save', 'Pay', 'Terms']:\n"
        "        widget_state(name)\n",
        encoding="utf-8",
    )
    other = perturbed_release(release, where / "flipped", "flipped")
    return run_pytest(
        where,
        f"--autoglm-model={release}",
        f"--autoglm-compare={other}",
        "--autoglm-compare-fail",
        "--autoglm-compare-json=out/diff.json",
    )


def test_compare_reports_each_difference_and_fails_the_run(different_run: Run) -> None:
    assert "1 passed" in different_run.out
    data = json.loads((different_run.where / "out" / "diff.json").read_text())
    diffs = data["differences"]
    assert diffs, different_run.out[-3000:]
    assert different_run.ret == pytest.ExitCode.TESTS_FAILED
    first = diffs[0]
    assert set(first) >= {
        "nodeid",
        "target",
        "facet",
        "release_a",
        "value_a",
        "confidence_a",
        "release_b",
        "value_b",
        "confidence_b",
    }
    assert first["release_b"] == "flipped/1.0" and first["value_a"] != first["value_b"]
    lines = different_run.summary()
    assert any(f"{len(diffs)} difference" in line for line in lines)
    assert any(
        "test_ok.py::test_reads" in line and f"{first['facet']}: A {first['value_a']}" in line
        for line in lines
    )
    assert "--autoglm-compare-fail: the releases differ, so the run fails" in lines
