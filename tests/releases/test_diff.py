"""``autoglm-ui models diff A B``: two genuinely different releases on the fixture labelled set.

A is a trained release (``model_release()``: the bundled one or ``AUTOGLM_UI_TEST_RELEASE``), B
the same with its weights negated; both are installed in a private store and diffed by spec in a
real ``autoglm-ui`` process (real Chromium). The reference is ``autoglm-ui eval`` run separately
for each release: its per-record predictions and its summaries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from autoglm_ui.cli.main import cli
from autoglm_ui.releases import Store
from tests.plugin.helpers import model_release, perturbed_release

from .conftest import RunCli

EXE = Path(sys.executable).with_name("autoglm-ui")
EVAL_ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "eval"
LABELS = EVAL_ROOT / "labels.json"
CATEGORIES = ("standard", "hard", "all")

Pair = tuple[int, str]  # (labels index, facet)


@dataclass(frozen=True)
class Proc:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Releases:
    home: Path
    a: str  # spec of the trained release
    b: str  # spec of its negated copy
    a_folder: Path
    work: Path


@dataclass(frozen=True)
class Runs:
    """One ``models diff A B --json`` and one ``eval --json`` per release, run once per module."""

    diff: Proc
    diff_doc: dict[str, Any]
    eval_a: dict[str, Any]
    eval_b: dict[str, Any]


def autoglm(home: Path, *args: str) -> Proc:
    """Run ``autoglm-ui`` in a fresh process against the store at ``home``."""
    env = {**os.environ, "AUTOGLM_UI_HOME": str(home), "COLUMNS": "200", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("AUTOGLM_UI_MODEL", None)
    env.pop("AUTOGLM_UI_DEBUG", None)
    proc = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=600, env=env,
                          check=False)
    return Proc(proc.returncode, proc.stdout, proc.stderr)


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Releases]:
    source = model_release()
    work = tmp_path_factory.mktemp("diff")
    home = work / "home"
    store = Store(home)
    a = store.install(source)
    b = store.install(perturbed_release(source, work / "negated", "negated"))
    assert a.digest != b.digest
    yield Releases(home, a.spec, b.spec, source, work)


@pytest.fixture(scope="module")
def runs(releases: Releases) -> Runs:
    work, home = releases.work, releases.home
    where = ("--labels", str(LABELS), "--root", str(EVAL_ROOT))
    diff = autoglm(home, "models", "diff", releases.a, releases.b, *where, "--json", str(work / "diff.json"))
    assert diff.code == 0, diff.err
    for side, spec in (("a", releases.a), ("b", releases.b)):
        done = autoglm(home, "eval", *where, "--model", spec, "--json", str(work / f"eval-{side}.json"))
        assert done.code == 0, done.err
    return Runs(diff, load(work / "diff.json"), load(work / "eval-a.json"), load(work / "eval-b.json"))


def predicted_differences(eval_a: dict[str, Any], eval_b: dict[str, Any], *, all_facets: bool) -> set[Pair]:
    """Where the two separate evaluations' per-record predictions differ (labelled facets, or all)."""
    out: set[Pair] = set()
    for ra, rb in zip(eval_a["records"], eval_b["records"], strict=True):
        assert ra["selector"] == rb["selector"] and ra["error"] is None and rb["error"] is None
        pa, pb = ra["predicted"], rb["predicted"]
        facets = set(ra["expected"])
        if all_facets:
            facets |= {f for f in (*pa, *pb) if pa.get(f) is not None or pb.get(f) is not None}
        out |= {(ra["index"], f) for f in facets if pa.get(f) != pb.get(f)}
    return out


def reported(doc: dict[str, Any]) -> set[Pair]:
    return {(d["index"], d["facet"]) for d in doc["differences"]}


@pytest.mark.browser
def test_reports_exactly_the_records_where_predictions_differ(runs: Runs, releases: Releases) -> None:
    doc, eval_a, eval_b = runs.diff_doc, runs.eval_a, runs.eval_b
    assert doc["releases"] == {"a": releases.a, "b": releases.b} and doc["compared"] == "expected"
    want = predicted_differences(eval_a, eval_b, all_facets=False)
    assert want, "the negated release should answer differently somewhere"
    assert reported(doc) == want
    assert len(doc["differences"]) == len(want)  # each pair once
    for d in doc["differences"]:
        ra, rb = eval_a["records"][d["index"]], eval_b["records"][d["index"]]
        assert (d["page"], d["selector"], d["target"], d["category"]) == (
            ra["page"], ra["selector"], ra["target"], ra["category"]
        )
        facet = d["facet"]
        assert d["expected"] == ra["expected"][facet]
        assert (d["a"], d["b"]) == (ra["predicted"].get(facet), rb["predicted"].get(facet))
        assert d["a_confidence"] == pytest.approx(ra["confidence"].get(facet), abs=1e-4)
        assert d["b_confidence"] == pytest.approx(rb["confidence"].get(facet), abs=1e-4)
        right = "a" if ra["correct"][facet] else "b" if rb["correct"][facet] else "neither"
        assert d["right"] == right
    counts = doc["counts"]
    assert counts["records"] == len(eval_a["records"]) and counts["differences"] == len(want)
    assert counts["differing_records"] == len({i for i, _ in want}) and counts["unlabelled"] == 0
    assert counts["a_right"] + counts["b_right"] + counts["neither"] == len(want)


@pytest.mark.browser
def test_accuracies_match_eval_run_separately(runs: Runs, releases: Releases) -> None:
    for side, separate in (("a", runs.eval_a), ("b", runs.eval_b)):
        summary, reference = runs.diff_doc["summaries"][side], separate["summary"]
        assert summary["release"] == reference["release"] == getattr(releases, side)
        assert summary["facet_accuracy"] == reference["facet_accuracy"]
        assert summary["pairs"] == reference["pairs"] and summary["errors"] == reference["errors"] == 0
    # the accuracy moves exactly by the differences each side gets right
    counts = runs.diff_doc["counts"]
    a_all = runs.eval_a["summary"]["facet_accuracy"]["all"]
    b_all = runs.eval_b["summary"]["facet_accuracy"]["all"]
    pairs = runs.eval_a["summary"]["pairs"]["all"]
    assert round((b_all - a_all) * pairs) == counts["b_right"] - counts["a_right"]


@pytest.mark.browser
def test_terminal_shows_every_difference_and_both_accuracies(runs: Runs, releases: Releases) -> None:
    out, doc = runs.diff.out, runs.diff_doc
    lines = out.splitlines()
    records = doc["counts"]["records"]
    assert lines[0] == f"A = {releases.a}, B = {releases.b}: {records} records, comparing the labelled facets"
    rows = [line for line in lines if " │ " in line and not line.startswith(("category", "standard", "hard"))]
    rows = [r for r in rows if not r.startswith("all ")]
    assert len(rows) == len(doc["differences"])
    for row, d in zip(rows, doc["differences"], strict=True):
        cells = [c.strip() for c in row.split("│")]
        assert cells[0].startswith(f"{d['page']} {d['selector']}")
        assert cells[1:3] == [d["facet"], d["expected"]]
        assert cells[3].split()[0] == d["a"] and cells[4].split()[0] == d["b"]
        assert cells[5] == {"a": "A", "b": "B", "neither": "neither"}[d["right"]]
    for side in ("a", "b"):
        fractions = runs.diff_doc["summaries"][side]["facet_accuracy"]
        for category in CATEGORIES:
            assert f"{100 * fractions[category]:.1f}%" in out
    c = doc["counts"]
    assert (
        f"{c['differences']} differences in {c['differing_records']} of {c['records']} records;"
        f" A right on {c['a_right']}, B right on {c['b_right']}, neither on {c['neither']}"
    ) in out
    assert out.rstrip().endswith(f"wrote {releases.work / 'diff.json'}")


def one_page_labels(where: Path, page: str) -> Path:
    """The fixture labels of one page only (one page load per run), with the same page paths."""
    records = [r for r in json.loads(LABELS.read_text(encoding="utf-8")) if r["page"] == page]
    path = where / f"labels-{Path(page).stem}.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


@pytest.mark.browser
def test_all_facets_with_fail_on_diff_exits_1_and_still_reports(runs: Runs, releases: Releases) -> None:
    page = runs.diff_doc["differences"][0]["page"]  # a page where the two releases differ
    labels = one_page_labels(releases.work, page)
    out = releases.work / "diff-all.json"
    done = autoglm(releases.home, "models", "diff", releases.a, releases.b, "--labels", str(labels),
                   "--root", str(EVAL_ROOT), "--all-facets", "--fail-on-diff", "--json", str(out))
    assert done.code == 1, done.err
    assert "comparing every facet either side answers" in done.out and f"wrote {out}" in done.out
    doc = load(out)
    assert doc["compared"] == "all"
    # map the one-page file's indices back to the full file's, where the separate evals numbered them
    full = [i for i, r in enumerate(runs.eval_a["records"]) if r["page"] == page]
    everywhere = predicted_differences(runs.eval_a, runs.eval_b, all_facets=True)
    assert {(full[i], f) for i, f in reported(doc)} == {(i, f) for i, f in everywhere if i in full}
    assert {(full[i], f) for i, f in reported(doc)} >= {p for p in reported(runs.diff_doc) if p[0] in full}
    for d in doc["differences"]:
        labelled = runs.eval_a["records"][full[d["index"]]]["expected"].get(d["facet"])
        assert d["expected"] == labelled and (d["right"] == "unlabelled") == (labelled is None)


@pytest.mark.browser
def test_a_release_against_itself_differs_nowhere(runs: Runs, releases: Releases) -> None:
    page = runs.eval_a["records"][0]["page"]
    labels = one_page_labels(releases.work, page)
    out = releases.work / "diff-self.json"
    # the folder and the installed copy are the same release (same digest)
    where = ("--labels", str(labels), "--root", str(EVAL_ROOT))
    done = autoglm(releases.home, "models", "diff", str(releases.a_folder), releases.a, *where,
                   "--all-facets", "--fail-on-diff", "--json", str(out))
    assert done.code == 0, done.err
    assert "no differences" in done.out and "0 differences in 0 of" in done.out
    doc = load(out)
    assert doc["differences"] == [] and doc["counts"]["differences"] == 0
    assert doc["summaries"]["a"]["facet_accuracy"] == doc["summaries"]["b"]["facet_accuracy"]
    assert doc["releases"]["a"] == doc["releases"]["b"] == releases.a


def test_unknown_release_is_one_line_exit_1(run_cli: RunCli, home: Path) -> None:
    result = run_cli("models", "diff", "ghost", "phantom", "--labels", str(LABELS), "--root", str(EVAL_ROOT))
    assert result.code == 1 and result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 2 and lines[1] == "(set AUTOGLM_UI_DEBUG=1 for a traceback)", result.err
    assert lines[0].startswith("Error: no installed release matches 'ghost'; installed: ")
    assert "install" in lines[0]


def test_bad_labels_is_one_line_exit_1(run_cli: RunCli, home: Path, tmp_path: Path) -> None:
    from tests.releases.helpers import make_release

    made = make_release(tmp_path / "src", "tiny", "1.0")
    Store().install(made.path)
    missing = tmp_path / "nope.json"
    result = run_cli("models", "diff", "tiny", "tiny", "--labels", str(missing), "--root", str(EVAL_ROOT))
    assert result.code == 1, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "no such labels file" in lines[0], result.err


def test_malformed_spec_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("models", "diff", "a@sha256:xyz", "b", "--labels", str(LABELS), "--root", str(EVAL_ROOT))
    assert result.code == 2 and "Invalid value for 'A'" in result.err


def test_help() -> None:
    result = CliRunner().invoke(cli, ["models", "diff", "--help"])
    assert result.exit_code == 0
    for option in ("--labels", "--root", "--json", "--all-facets", "--expected-only", "--fail-on-diff"):
        assert option in result.output
