"""Fixtures for the release-store tests: a private store root, a scratch folder, the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from autoglm_ui.releases import Store


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store root in ``$AUTOGLM_UI_HOME``; the working directory is a scratch project."""
    root = tmp_path / "home"
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.setenv("AUTOGLM_UI_HOME", str(root))
    monkeypatch.delenv("AUTOGLM_UI_MODEL", raising=False)
    monkeypatch.delenv("AUTOGLM_UI_DEBUG", raising=False)
    monkeypatch.chdir(project)
    return root


@pytest.fixture
def store(home: Path) -> Store:
    return Store()


@pytest.fixture
def src(tmp_path: Path) -> Path:
    """A folder for release sources, outside the store."""
    path = tmp_path / "src"
    path.mkdir()
    return path


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


RunCli = Callable[..., CliResult]


@pytest.fixture
def run_cli(home: Path, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``autoglm-ui <args>`` in-process through the real entry point (its one error handler)."""
    from autoglm_ui.cli.main import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code
        captured = capsys.readouterr()
        return CliResult(code if isinstance(code, int) else 0, captured.out, captured.err)

    return run
