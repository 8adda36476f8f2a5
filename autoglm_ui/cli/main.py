"""Entry point of ``autoglm-ui``: a lazy Click group and the one top-level error handler."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import Any

import click

#: command name -> "module:attribute"; modules are imported only when the command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "doctor": ("autoglm_ui.cli.doctor:doctor", "Check browser, versions, torch device and model store."),
    "data": ("autoglm_ui.cli.data:data", "Build and inspect synthetic training datasets."),
    "train": ("autoglm_ui.cli.train:train", "Train, search or fine-tune a model release."),
    "eval": (
        "autoglm_ui.cli.evaluate:evaluate",
        "Score a release on a labelled-page set vs the DOM-only view.",
    ),
    "models": ("autoglm_ui.cli.models:models", "Install, list, pin, verify, compare model releases."),
    "record": ("autoglm_ui.cli.record:record", "Scaffold a pytest module from a live page."),
    "demo": ("autoglm_ui.cli.demo:demo", "Run the example suite against the bundled demo app."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use, so ``--help`` imports no torch."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        target, _ = COMMANDS[cmd_name]
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="autoglm-ui")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """autoglm-ui: assert on what a user sees a control doing.

    Set AUTOGLM_UI_DEBUG=1 to see tracebacks.
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI; known errors become one line and exit code 1."""
    from autoglm_ui.errors import AutoGLMUIError

    try:
        return cli.main(args=argv, prog_name="autoglm-ui", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except AutoGLMUIError as exc:
        if os.environ.get("AUTOGLM_UI_DEBUG") == "1":
            raise
        click.echo(f"Error: {exc}", err=True)
        click.echo("(set AUTOGLM_UI_DEBUG=1 for a traceback)", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    result = main()
    sys.exit(result if isinstance(result, int) else 0)
