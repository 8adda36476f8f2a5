"""``autoglm-ui demo``: finds the checkout, runs pytest on the example suite, passes its exit code on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from autoglm_ui.cli import demo as demo_module
from autoglm_ui.cli.demo import EXAMPLES, REPORT_OPTIONS, demo, find_root, pytest_command

ROOT = Path(__file__).resolve().parents[2]


def test_finds_the_checkout_from_inside_it_and_from_elsewhere(tmp_path: Path) -> None:
    assert find_root(ROOT / "tests" / "examples") == ROOT
    assert find_root(tmp_path) == ROOT  # next to the (editable) package


def test_a_checkout_in_the_current_directory_wins(tmp_path: Path) -> None:
    (tmp_path / EXAMPLES).mkdir(parents=True)
    (tmp_path / "fixtures" / "demo").mkdir(parents=True)
    assert find_root(tmp_path / "tests") == tmp_path


def test_the_command_line_reports_what_was_checked() -> None:
    cmd = pytest_command("tiny/1.0", ["-k", "planted"])
    assert cmd[:4] == [sys.executable, "-m", "pytest", str(EXAMPLES)]
    assert set(REPORT_OPTIONS) <= set(cmd)
    assert "--autoglm-disagreements=warn" in cmd and "-v" in cmd
    assert cmd[-3:] == ["--autoglm-model=tiny/1.0", "-k", "planted"]


def test_missing_examples_say_where_they_were_looked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_module, "find_root", lambda cwd=None: None)
    result = CliRunner().invoke(demo, [])
    assert result.exit_code == 1
    assert "tests/examples" in result.output and "clone" in result.output


def test_exit_code_is_pytests() -> None:
    """Nothing selected: pytest exits 5, and so does the demo (no browser or model needed)."""
    proc = subprocess.run(
        [sys.executable, "-m", "autoglm_ui.cli.main", "demo", "-k", "no_test_has_this_name"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 5, proc.stdout + proc.stderr
    assert "--autoglm-disagreements=warn" in proc.stderr
    assert "deselected" in proc.stdout


def test_help_names_the_suite() -> None:
    result = CliRunner().invoke(demo, ["--help"])
    assert result.exit_code == 0
    assert "tests/examples" in result.output and "--model" in result.output
