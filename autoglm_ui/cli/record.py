"""``autoglm-ui record``: scaffold a pytest module of perceived-state checks from a live page."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console

    from autoglm_ui.recognizer import Recognizer

STDOUT = "-"


def _viewport(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    from autoglm_ui.record.browsing import parse_viewport

    try:
        return parse_viewport(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def _test_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not (value.isidentifier() and value.startswith("test")):
        raise click.BadParameter(f"{value!r} is not a test function name; use e.g. test_signup")
    return value


def _output_path(output: str | None, test_name: str) -> Path | None:
    if output == STDOUT:
        return None
    return Path(output) if output else Path("tests") / f"{test_name}.py"


def _refuse_overwrite(path: Path | None, force: bool) -> None:
    if path is not None and path.exists() and not force:
        raise click.ClickException(
            f"{path} already exists; pass --force to overwrite it, -o PATH to write elsewhere, "
            "or -o - to print the module"
        )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _recognizer(model: str | None, console: Console) -> Recognizer:
    from autoglm_ui.recognizer import Recognizer

    with console.status("Loading the model release…"):
        return Recognizer(release=model)


@click.command("record")
@click.argument("url")
@click.option("-o", "--output", metavar="PATH", default=None,
              help="Module to write [default: tests/test_NAME.py]; - prints it instead.")
@click.option("--name", "test_name", metavar="test_NAME", default=None, callback=_test_name,
              help="Test function name [default: from the URL, e.g. test_signup].")
@click.option("--model", metavar="RELEASE", default=None,
              help="Model release: a spec (name, name/version, ref) or a release folder "
                   "[default: $AUTOGLM_UI_MODEL, else the default release].")
@click.option("--viewport", default="1280x900", show_default=True, callback=_viewport,
              help="Browser viewport, WIDTHxHEIGHT in CSS pixels.")
@click.option("--force", is_flag=True, help="Overwrite the output module if it exists.")
@click.option("--interactive", is_flag=True,
              help="Open a browser window and record what you do (needs a display; try xvfb-run).")
def record(url: str, output: str | None, test_name: str | None, model: str | None,
           viewport: tuple[int, int], force: bool, interactive: bool) -> None:
    """Scan URL and write a pytest module asserting what a user sees each control doing.

    Snapshot (default): one check per control on its salient state, grouped by page region.
    --interactive: your clicks, fills, checks and selections, each followed by checks of the
    states it changed. Low-confidence checks are written as comments to confirm; where what is
    seen differs from the DOM, the check follows what is seen and says what the DOM claims.
    """
    from rich.console import Console

    from autoglm_ui.record.snapshot import default_test_name

    console = Console(stderr=True)
    if output and output != STDOUT and test_name is None and Path(output).stem.startswith("test"):
        test_name = Path(output).stem if Path(output).stem.isidentifier() else None
    name = test_name or default_test_name(url)
    path = _output_path(output, name)
    _refuse_overwrite(path, force)
    if interactive:
        from autoglm_ui.record.live import require_display

        require_display()

    if interactive:
        from autoglm_ui.record.live import record_interactive

        recognizer = _recognizer(model, console)
        console.print(f"Recording {url} with {recognizer.release}: use the page, then close the window.")
        result = record_interactive(url, recognizer.scan, viewport=viewport, test_name=name)
    else:
        from autoglm_ui.record.browsing import browser_page, check_recordable, load
        from autoglm_ui.record.snapshot import snapshot_page

        with browser_page(viewport) as page:
            with console.status(f"Loading {url}…"):
                load(page, url)
                check_recordable(page, url)  # a bad page fails before the model loads
            recognizer = _recognizer(model, console)
            with console.status(f"Scanning {url}…"):
                    result = snapshot_page(page, url, recognizer.scan, test_name=name)
    if path is None:
        click.echo(result.text, nl=False)
        where = "stdout"
    else:
        _refuse_overwrite(path, force)
        _write(path, result.text)
        where = str(path)
    extras = [f"{result.to_confirm} to confirm"] if result.to_confirm else []
    if result.disagreements:
        extras.append(f"{result.disagreements} DOM/pixel disagreement(s)")
    what = "actions" if interactive else "controls"
    note = f" ({', '.join(extras)})" if extras else ""
    click.echo(f"Wrote {where}: {result.checks} checks, {result.controls} {what}{note}.", err=True)
