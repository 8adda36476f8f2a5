"""Fine-tuning a release on a team's own labelled records (``train --from R --labels --root``).

The team UI is ``fixtures/team-ui`` ("Harbor", looks the generator never draws). Real capture in
Chromium, real training from the bundled release's weights, real evaluation on the dev set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser

from autoglm_ui.cli.train import train
from autoglm_ui.errors import DatasetError
from autoglm_ui.evaluation.runner import evaluate_many
from autoglm_ui.labels import LabelledRecord
from autoglm_ui.recognizer import Recognizer, locate_release
from autoglm_ui.training.dataset import UNLABELLED, Sample
from autoglm_ui.training.finetune import FinetuneResult, finetune, split_user
from autoglm_ui.training.labelled import record_labels

REPO = Path(__file__).resolve().parents[2]
TEAM = REPO / "fixtures" / "team-ui"
DEVSET = REPO / "fixtures" / "devset"
EXE = Path(sys.executable).with_name("autoglm-ui")


pytestmark = [pytest.mark.browser, pytest.mark.training]


#: a bundled single-model release (fine-tuning refuses ensembles such as 1.6.0)
SINGLE = "control-state/1.5.0"

@pytest.fixture(scope="session")
def parent() -> str:
    """1.5.0, a bundled single model (the pinned 1.6.0 is an ensemble, which fine-tuning refuses)."""
    return SINGLE


@pytest.fixture(scope="module")
def child(
    tmp_path_factory: pytest.TempPathFactory, browser: Browser, parent: str
) -> tuple[Path, FinetuneResult]:
    out = tmp_path_factory.mktemp("finetune") / "child"
    version = locate_release(parent).version + "+ft.test"
    result = finetune(
        parent, TEAM / "labels.json", TEAM, out, progress=False, browser=browser, version=version
    )
    return out, result


def test_finetuning_improves_the_team_style_and_keeps_the_dev_set(
    child: tuple[Path, FinetuneResult], browser: Browser, parent: str
) -> None:
    out, result = child
    before = result.before["facet_accuracy"]["all"]
    after = result.after["facet_accuracy"]["all"]
    assert result.heldout_unit == "page" and result.heldout_records >= 40
    assert after >= before + 0.03, (before, after)  # 1.5.0 measured 91.0 -> 98.8 %
    parent_eval, child_eval = evaluate_many(
        DEVSET / "labels.json", DEVSET, [Recognizer(parent), Recognizer(out)], browser=browser
    )
    parent_acc = parent_eval.summary.facet_accuracy["all"].fraction
    child_acc = child_eval.summary.facet_accuracy["all"].fraction
    # measured -0.7 to -1.1 point over replay seeds 0-2 with the generator of December 2026
    # (corner covers), -0.3 with the one before: the replay is 30 pages, so its draw moves this
    assert child_acc >= parent_acc - 0.015, (parent_acc, child_acc)


Child = tuple[Path, FinetuneResult]


def test_the_child_card_names_its_parent_and_shows_before_and_after(child: Child, parent: str) -> None:
    out, result = child
    manifest = json.loads((out / "release.json").read_text())
    parent_release = locate_release(parent)
    assert manifest["parent"] == parent_release.pin == result.parent
    assert manifest["version"] == parent_release.version + "+ft.test"
    card = manifest["card"]["finetune"]
    assert card["before"]["facet_accuracy"]["all"] < card["after"]["facet_accuracy"]["all"]
    records = json.loads((TEAM / "labels.json").read_text())
    assert card["heldout_records"] + card["train_records"] == len(records)
    assert card["replay_samples"] > 0 and "replay_after" in card
    # the parent itself is untouched
    assert locate_release(parent).digest == parent_release.digest


def test_from_needs_labels_and_root(tmp_path: Path) -> None:
    result = CliRunner().invoke(train, ["--from", SINGLE, "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "--labels FILE and --root DIR" in result.output
    result = CliRunner().invoke(
        train, ["--from", SINGLE, "--data", str(tmp_path), "--labels", str(TEAM / "labels.json"),
                "--root", str(TEAM), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "--data only applies when training from scratch" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.browser
def test_too_few_records_is_one_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    few = json.loads((TEAM / "labels.json").read_text())[:5]
    labels = tmp_path / "few.json"
    labels.write_text(json.dumps(few))
    out = tmp_path / "o"
    args = ["train", "--from", SINGLE, "--labels", str(labels), "--root", str(TEAM), "--out", str(out)]
    proc = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "too few to fine-tune" in proc.stderr and "label at least 12" in proc.stderr
    assert not out.exists()


def _sample(i: int, page: str) -> Sample:
    return Sample(id=f"s{i}", page=page, style="x", source="user", kind="button", category="standard",
                  labels={}, facts={}, crop="", crop_box=(0.0, 0.0, 0.0, 0.0))


def test_split_user_never_holds_out_a_page_far_bigger_than_asked() -> None:
    samples = [_sample(i, "big.html") for i in range(100)]
    samples += [_sample(100 + i, f"small{i % 3}.html") for i in range(12)]
    for seed in range(6):
        train_idx, held, unit = split_user(samples, 0.25, seed)
        assert len(held) <= 1.25 * 0.25 * len(samples) and len(train_idx) >= 0.6 * len(samples)
        assert sorted(train_idx + held) == list(range(len(samples)))
        if unit == "page":  # a held-out page is held out whole
            pages = {samples[i].page for i in held}
            assert all(samples[i].page not in pages for i in train_idx)


def test_labels_for_facets_the_dom_does_not_expose_are_reported_not_trained() -> None:
    record = LabelledRecord(page="p.html", selector="#t", target="Toggle", kind="switch",
                            category="hard", expected={"availability": "enabled", "checked": "checked"})
    raw = {"kind": "button", "tag": "div", "attrs": {}, "style": {}, "box": {"width": 10, "height": 10}}
    labels, dropped = record_labels(record, raw)
    assert dropped == ("checked",)
    assert labels["checked"] is None and labels["availability"] == "enabled"
    assert labels["visibility"] == UNLABELLED  # applies, not labelled: ignored by training


def test_a_wrong_root_says_so_and_writes_nothing(tmp_path: Path, browser: Browser) -> None:
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(DatasetError, match=r"0 usable records.*page not found under.*pass the right --root"):
        finetune(SINGLE, TEAM / "labels.json", tmp_path / "elsewhere", tmp_path / "o", browser=browser,
                 progress=False)
    assert not (tmp_path / "o").exists()


def test_options_of_the_other_mode_are_usage_errors(tmp_path: Path) -> None:
    out = str(tmp_path / "o")
    team = ["--labels", str(TEAM / "labels.json"), "--root", str(TEAM)]
    result = CliRunner().invoke(train, ["--from", SINGLE, *team, "--quantize", "int8", "--out", out])
    assert result.exit_code == 2 and "--quantize only applies when training from scratch" in result.output
    result = CliRunner().invoke(train, ["--data", str(tmp_path), *team, "--out", out])
    assert result.exit_code == 2 and "--labels, --root only apply to fine-tuning" in result.output
    result = CliRunner().invoke(train, ["--data", str(tmp_path), "--search", "2", "--standard-repeat", "2",
                                        "--out", out])
    assert result.exit_code == 2 and "--search does not take --standard-repeat" in result.output
    result = CliRunner().invoke(train, ["--from", SINGLE, *team, "--replay-pages", "2", "--out", out])
    assert result.exit_code == 2 and "--replay-pages" in result.output
    assert not (tmp_path / "o").exists()


def test_an_ensemble_parent_is_refused_with_a_member_to_use() -> None:
    from autoglm_ui.errors import ModelFormatError
    from autoglm_ui.training.finetune import _load_parent

    with pytest.raises(ModelFormatError, match=r"ensemble release.*members/0"):
        _load_parent("control-state/1.6.0")
