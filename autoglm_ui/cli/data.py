"""``autoglm-ui data``: build synthetic training datasets and look at them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

SOURCE_HELP = "own or a library kit (`autoglm-ui data sources` lists them; own-b is the held-out own family)"


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@click.group()
def data() -> None:
    """Build and inspect synthetic training datasets."""


@data.command()
def sources() -> None:
    """List the sources the generator draws with: own styles and one kit per allowed library."""
    from autoglm_ui.training.kits_registry import LIBRARIES, WEB_COMPONENT_SOURCES, library_of
    from autoglm_ui.training.pages import EXTRA_SOURCES

    click.echo("own          the project's own randomised styles")
    for source in EXTRA_SOURCES:
        click.echo(f"{source:<12} the held-out own family (dev sets only)")
    for source in LIBRARIES:
        kind = "web components" if source in WEB_COMPONENT_SOURCES else "CSS"
        click.echo(f"{source:<12} {kind:<14} {library_of(source)}")
    wc = len(WEB_COMPONENT_SOURCES & set(LIBRARIES))
    click.echo(f"{len(LIBRARIES)} libraries ({wc} of web components)")


@data.command()
@click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Dataset folder."
)
@click.option("--pages", type=click.IntRange(1), default=60, show_default=True, help="Pages to render.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same samples.jsonl.")
@click.option(
    "--sources", multiple=True, help=f"Only these sources (repeat or comma-separate): {SOURCE_HELP}."
)
@click.option(
    "--exclude-source", "exclude", multiple=True, help="Leave a source out (e.g. bulma, held out for eval)."
)
@click.option(
    "--labels",
    "labels",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the controls as a labelled-page file (design.md format), pages relative to --out.",
)
@click.option(
    "--no-samples", is_flag=True, help="Write pages (and --labels) only, no crops or samples.jsonl."
)
@click.option(
    "--showcase-every",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Every k-th page also shows every case/mechanism/value its style can draw (0: never).",
)
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def build(
    out: Path,
    pages: int,
    seed: int,
    sources: tuple[str, ...],
    exclude: tuple[str, ...],
    labels: Path | None,
    no_samples: bool,
    showcase_every: int,
    no_progress: bool,
) -> None:
    """Render synthetic pages in Chromium and write crops, facts and perceived-state labels."""
    from autoglm_ui.training.generator import build_dataset

    report = build_dataset(
        out,
        pages,
        seed,
        _split(sources) or None,
        _split(exclude),
        progress=not no_progress,
        labels_path=labels,
        write_samples=not no_samples,
        showcase_every=showcase_every,
    )
    print_report(report.to_json(), out)


def print_report(r: dict[str, Any], out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(
        title=f"{r['samples']} samples from {r['pages']} pages in {r['seconds']:.0f} s", show_lines=False
    )
    table.add_column("facet")
    table.add_column("value")
    table.add_column("samples", justify="right")
    for facet, values in sorted(r["values"].items()):
        for value, n in sorted(values.items()):
            table.add_row(facet, value, str(n))
    console.print(table)
    for key in ("sources", "kinds", "categories", "cases"):
        console.print(f"[bold]{key}[/]: " + ", ".join(f"{k} {v}" for k, v in sorted(r[key].items())))
    console.print(f"[bold]dropped[/] {r['dropped']} {r['drop_reasons']}")
    console.print(f"[bold]relabelled[/] {r['relabelled']} {r['relabel_reasons']}")
    per_k = r["seconds"] / max(1, r["samples"]) * 1000
    console.print(f"{per_k:.0f} s per 1,000 controls; report saved to {out / 'report.json'}")


@data.command()
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="PNG path [ROOT/contact-sheet.png]."
)
@click.option("--per-row", type=click.IntRange(1, 40), default=12, show_default=True)
@click.option("--facet", "facets", multiple=True, help="Only these facets (repeatable).")
@click.option("--case", help="Only samples of this disagreement case.")
def show(root: Path, out: Path | None, per_row: int, facets: tuple[str, ...], case: str | None) -> None:
    """Write a contact sheet: crops with their labels, grouped by facet value and style."""
    from autoglm_ui.training.contact_sheet import contact_sheet

    path = contact_sheet(root, out or root / "contact-sheet.png", per_row, tuple(facets) or None, case)
    click.echo(f"wrote {path}")


@data.command()
@click.option("--labels", "labels_path", required=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path), help="Labelled records (JSON list).")
@click.option("--root", required=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder the records' page paths are relative to; served on 127.0.0.1.")
@click.option("--out", required=True, metavar="DIR", type=click.Path(file_okay=False, path_type=Path),
              help="Where the pictures go: DIR/<folder>/<page>.png and DIR/<folder>.sheet.png.")
@click.option("--page", "only", multiple=True, metavar="TEXT",
              help="Only pages whose path contains TEXT (repeatable), e.g. --page uswds/.")
def annotate(labels_path: Path, root: Path, out: Path, only: tuple[str, ...]) -> None:
    """Draw labelled records on their rendered pages, to check labels by eye.

    Each page is rendered as eval renders it (1280x900); its picture outlines every record's drawn
    box with its number (the record's index in FILE) and lists target, kind and expected values
    beside it. Each page folder gets a contact sheet of the records' crops with their labels. Grey
    is standard, orange hard; red text marks where the DOM-only view differs from the label.
    """
    from autoglm_ui.cli.evaluate import check_root, load_records, page_progress
    from autoglm_ui.evaluation.annotate import annotate as run
    from autoglm_ui.evaluation.runner import group_by_page

    records = load_records(labels_path)
    pages = [j for j in group_by_page(records) if not only or any(t in j.page for t in only)]
    if not pages:
        raise click.ClickException(f"no record's page contains {' or '.join(only)}; check --page")
    check_root(root)
    with page_progress("annotate", len(pages)) as on_page:
        result = run(records, root, out, only=only, on_page=on_page)
    for path in (*result.pages, *result.sheets):
        click.echo(f"wrote {path}")
    if result.unreadable:
        click.echo(f"{result.unreadable} records could not be read (drawn in red)", err=True)
