"""The CLI: every command's --help works, and help imports nothing heavy."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from autoglm_ui.cli.main import COMMANDS, cli


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_unknown_command_is_a_usage_error() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "autoglm_ui.cli.main", "frobnicate"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "No such command" in proc.stderr


@pytest.mark.parametrize(
    "module", ["autoglm_ui", "autoglm_ui.pytest_plugin", "autoglm_ui.cli.main"]
)
def test_light_imports(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "heavy = [m for m in ('torch', 'transformers', 'playwright') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imports {out.stdout.strip()}"


def test_help_imports_no_torch() -> None:
    code = (
        "import sys; from autoglm_ui.cli.main import main; "
        "sys.argv = ['autoglm-ui', '--help']\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
