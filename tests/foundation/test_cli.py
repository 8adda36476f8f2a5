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


def test_doctor_compares_the_threads_a_read_uses_with_the_card(tmp_path) -> None:
    """doctor reports the torch threads a state is read with here ($AUTOGLM_UI_THREADS, else 1 on
    two cores), not torch's own default, and names a difference from the default release's card."""
    import os
    from pathlib import Path

    from autoglm_ui.releases.measured import measured_environment
    from autoglm_ui.releases.store import Store

    home = tmp_path / "store"
    store = Store(home)
    store.ensure_bundled()
    there = measured_environment(store.resolve("default"))
    assert there is not None
    card_threads = int(there["torch"]["threads"])
    exe = str(Path(sys.executable).with_name("autoglm-ui"))

    def doctor(threads: int) -> str:
        env = {**os.environ, "AUTOGLM_UI_HOME": str(home), "AUTOGLM_UI_THREADS": str(threads),
               "COLUMNS": "240"}
        proc = subprocess.run([exe, "doctor"], capture_output=True, text=True, env=env, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    same = doctor(card_threads)
    assert f"cpu ({card_threads} thread" in same and "torch.threads" not in same
    other = doctor(card_threads + 1)
    assert f"cpu ({card_threads + 1} threads for inference" in other
    assert f"torch.threads: {card_threads + 1} here, {card_threads} there" in other
