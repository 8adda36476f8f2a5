"""``autoglm-ui demo``: run the example suite against the demo app and print what it checked.

A thin wrapper around ``python -m pytest tests/examples -v --autoglm-disagreements=warn`` run from
the source checkout: pytest prints each test, and the plugin's terminal summary each
disagreement between what was seen and what the DOM says; the exit code is pytest's.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import click

EXAMPLES = Path("tests") / "examples"
DEMO_APP = Path("fixtures") / "demo"
#: Options that make the run say what it checked.
REPORT_OPTIONS: tuple[str, ...] = ("-v", "--autoglm-disagreements=warn")


def find_root(cwd: Path | None = None) -> Path | None:
    """The source checkout holding the example suite and the demo app, or ``None``.

    Looks in the current directory and its parents first, then next to the installed package
    (an editable install lives in the checkout).
    """
    here = (cwd or Path.cwd()).resolve()
    candidates = [here, *here.parents, Path(__file__).resolve().parents[2]]
    for root in candidates:
        if (root / EXAMPLES).is_dir() and (root / DEMO_APP).is_dir():
            return root
    return None


def pytest_command(model: str | None, pytest_args: Sequence[str]) -> list[str]:
    """The pytest command line the demo runs (from the checkout's root)."""
    cmd = [sys.executable, "-m", "pytest", str(EXAMPLES), *REPORT_OPTIONS]
    if model is not None:
        cmd.append(f"--autoglm-model={model}")
    return [*cmd, *pytest_args]


@click.command(
    context_settings={"ignore_unknown_options": True, "help_option_names": ["-h", "--help"]},
)
@click.option(
    "--model",
    metavar="R",
    default=None,
    help="Model release to read states with (ref, name/version or folder). Default: the bundled one.",
)
@click.argument("pytest_args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def demo(ctx: click.Context, model: str | None, pytest_args: tuple[str, ...]) -> None:
    """Run the example suite (tests/examples) against the demo app (fixtures/demo).

    Prints each test, each disagreement between what a user sees and what the DOM says, and a
    summary (release, states read, time). Needs a source checkout: run it from the repository.
    Other arguments go to pytest, e.g.: autoglm-ui demo -k planted --headed
    """
    root = find_root()
    if root is None:
        raise click.ClickException(
            f"the example suite ({EXAMPLES}/) and the demo app ({DEMO_APP}/) were not found in "
            f"{Path.cwd()}, its parents or next to the installed package; they ship with the "
            "source repository, not the wheel: clone it and run `autoglm-ui demo` (or `make demo`) "
            "from there"
        )
    cmd = pytest_command(model, pytest_args)
    click.echo(f"$ {shlex.join(cmd)}    (in {root})", err=True)
    ctx.exit(subprocess.call(cmd, cwd=root))
