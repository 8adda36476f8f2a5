"""``autoglm-ui record`` on the command line: refusals, bad pages, usage errors (no model needed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from autoglm_ui.cli.main import cli
from tests.record.conftest import REPO


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """The CLI in its own process (a second Playwright cannot start inside pytest-playwright's)."""
    return subprocess.Popen(
        [sys.executable, "-m", "autoglm_ui.cli.main", "record", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )


def test_refuses_to_overwrite_without_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "tests" / "test_signup.py"
    mine.parent.mkdir()
    mine.write_text("# mine\n")
    result = CliRunner().invoke(cli, ["record", "http://127.0.0.1:9/signup.html"])  # default path
    assert result.exit_code == 1
    assert "tests/test_signup.py already exists; pass --force to overwrite it" in result.output
    result = CliRunner().invoke(cli, ["record", "http://127.0.0.1:9/x", "-o", str(mine)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert mine.read_text() == "# mine\n"  # refused before any browser or model was started


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--viewport", "wide"], "is not WIDTHxHEIGHT in CSS pixels, e.g. 1280x900"),
        (["--name", "signup-check"], "is not a test function name; use e.g. test_signup"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["record", "http://127.0.0.1:9/", "-o", "-", *args])
    assert result.exit_code == 2 and message in result.output


def test_interactive_without_a_display_names_xvfb_run(tmp_path: Path) -> None:
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": ""}
    proc = run("http://127.0.0.1:9/", "--interactive", "-o", "t.py", cwd=tmp_path, env=env)
    _, err = proc.communicate(timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("a display always exists on this platform")
    assert proc.returncode == 1
    assert "no display here" in err and "xvfb-run autoglm-ui record URL --interactive" in err
    assert not (tmp_path / "t.py").exists()


@pytest.mark.browser
def test_bad_url_empty_page_and_no_controls_fail_clearly_and_write_nothing(
    record_url: str, tmp_path: Path
) -> None:
    cases = {
        "refused": ("http://127.0.0.1:9/signup.html", "could not load http://127.0.0.1:9/signup.html"),
        "empty": (f"{record_url}/empty.html", "is an empty page: nothing is rendered in its body"),
        "bare": (f"{record_url}/no_controls.html", "has no controls to check"),
    }
    procs = {key: run(url, "-o", f"test_{key}.py", cwd=tmp_path) for key, (url, _) in cases.items()}
    for key, proc in procs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 1, err
        assert cases[key][1] in err and "Traceback" not in err
        assert "set AUTOGLM_UI_DEBUG=1 for a traceback" in err
    assert list(tmp_path.iterdir()) == []


def test_record_help_imports_no_torch() -> None:
    code = (
        "import sys; from autoglm_ui.cli.main import main\n"
        "try:\n    main(['record', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('torch' in sys.modules, 'playwright' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False False"
