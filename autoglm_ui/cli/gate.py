"""``autoglm-ui models gate``: may a candidate release ship? Its real-library dev-set figures decide."""

from __future__ import annotations

from pathlib import Path

import click

from autoglm_ui.evaluation.gate import REALSET


@click.command("gate")
@click.argument("release", metavar="R")
@click.option("--labels", "labels_path", default=REALSET / "labels.json", show_default=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path), help="The real-library dev set's labels.")
@click.option("--root", default=REALSET, show_default=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder the records' page paths are relative to (one sub-folder per library).")
@click.option("--card", "card_out", metavar="OUT", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the figures a release card records as card.realset (JSON) to OUT.")
@click.pass_context
def gate(ctx: click.Context, release: str, labels_path: Path, root: Path, card_out: Path | None) -> None:
    """Score release R (a spec or a folder) on the real-library dev set, library by library.

    R may ship only if, on every library, its facet accuracy on standard records (DOM and pixels
    agree) is at least the DOM-only view's. Exit 0 when it passes, 1 when it does not.
    """
    from rich.console import Console

    from autoglm_ui.cli.evaluate import _recognizer, check_root, load_records, page_progress
    from autoglm_ui.evaluation import evaluate, render
    from autoglm_ui.evaluation.gate import gate_failures, realset_card
    from autoglm_ui.evaluation.report import write_document
    from autoglm_ui.evaluation.runner import group_by_page

    records = load_records(labels_path)
    check_root(root)
    recognizer = _recognizer(release)
    with page_progress("gate", len(group_by_page(records))) as on_page:
        result = evaluate(records, root, recognizer, on_page=on_page)
    console = Console()
    render(result, console, max_misses=0)
    card = realset_card(result, str(labels_path))
    if card_out is not None:
        written = write_document({"realset": card}, card_out)
        click.echo(f"wrote {written}")
    failures = gate_failures(card)
    if failures:
        console.print(f"[red bold]does not ship[/]: {result.release} reads ordinary controls worse than the"
                      f" DOM on {len(failures)} of {len(card['per_library'])} libraries")
        for f in failures:
            console.print(f"  {f}")
        ctx.exit(1)
    console.print(f"[green bold]may ship[/]: {result.release} is at least the DOM-only view on the standard"
                  f" records of every library ({len(card['per_library'])})")
