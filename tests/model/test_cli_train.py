"""``autoglm-ui train``: help, usage errors, and the optional-dependency message of ``--search``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from autoglm_ui.cli.train import train


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(train, ["--help"])
    assert result.exit_code == 0
    for option in ("--data", "--out", "--config", "--epochs", "--seed", "--device", "--search", "--quantize"):
        assert option in result.output


def test_bad_choices_are_usage_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        train, ["--data", str(tmp_path), "--out", str(tmp_path / "o"), "--config", "huge"]
    )
    assert result.exit_code == 2 and "huge" in result.output


def test_existing_release_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "model.safetensors").write_bytes(b"precious")
    result = CliRunner().invoke(train, ["--data", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 2 and "exists" in result.output
    assert (out / "model.safetensors").read_bytes() == b"precious"


def test_search_without_optuna_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "optuna", None)  # import optuna -> ImportError
    result = CliRunner().invoke(
        train, ["--data", str(tmp_path), "--out", str(tmp_path / "o"), "--search", "2"]
    )
    assert result.exit_code == 1
    assert "pip install optuna" in result.output


def test_a_missing_teacher_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = CliRunner().invoke(
        train, ["--data", str(tmp_path), "--out", str(out), "--teacher", str(tmp_path / "no-such-run")]
    )
    assert result.exit_code == 2 and "no-such-run: no such folder" in result.output
    assert not out.exists()


def test_teacher_is_for_training_from_scratch(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        train, ["--from", "control-state/1.7.1", "--labels", __file__, "--root", str(tmp_path),
                "--out", str(tmp_path / "o"), "--teacher", str(tmp_path)]
    )
    assert result.exit_code == 2 and "--teacher" in result.output
