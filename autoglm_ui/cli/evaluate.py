"""``autoglm-ui eval``: score a release on a labelled-page set, side by side with the DOM-only view."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

if TYPE_CHECKING:
    from autoglm_ui.ablation import Ablation
    from autoglm_ui.evaluation.runner import OnPage
    from autoglm_ui.labels import LabelledRecord

LABELS_HINT = "--labels must name a JSON list of labelled records (design.md, 'Labelled pages')"


def _fail(message: str, exc: BaseException | None = None) -> click.ClickException:
    if exc is not None and os.environ.get("AUTOGLM_UI_DEBUG") == "1":
        raise exc
    return click.ClickException(message)


def load_records(labels_path: Path) -> list[LabelledRecord]:
    """The labelled records of ``--labels``; a bad file is one line, exit 1 (shared with ``models diff``)."""
    from autoglm_ui.errors import DatasetError
    from autoglm_ui.labels import load_labels

    try:
        records = load_labels(labels_path)
    except DatasetError as exc:
        raise _fail(f"{exc}; {LABELS_HINT}", exc) from exc
    except OSError as exc:
        message = f"{labels_path}: cannot read the labels file ({exc.strerror}); {LABELS_HINT}"
        raise _fail(message, exc) from exc
    if not records:
        raise _fail(f"{labels_path}: no records, nothing to evaluate; {LABELS_HINT}")
    return records


def check_root(root: Path) -> None:
    """``--root`` must be a folder; one line, exit 1 otherwise."""
    if not root.is_dir():
        raise _fail(f"{root}: not a folder; pass --root the folder the labels' page paths are relative to")


@contextmanager
def page_progress(label: str, pages: int) -> Iterator[OnPage]:
    """A transient progress bar on stderr, one step per page; yields the ``on_page`` callback."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(f"[bold]{label}[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task("", total=pages)

        def on_page(done: int, total: int, page: str) -> None:
            progress.update(task, completed=done, description=page)

        yield on_page


def _recognizer(release: str | None) -> Any:
    try:
        from autoglm_ui.recognizer import Recognizer

        return Recognizer(release=release)
    except ImportError as exc:
        raise _fail(
            f"no recognizer in this installation ({exc}); reinstall autoglm-ui, or pass --dom-only"
            " to score the DOM-only view alone", exc,
        ) from exc


def located(spec: str, option: str) -> Any:
    """The :class:`~autoglm_ui.releases.manifest.Release` ``spec`` names (a folder or an installed
    release), for the command-line option ``option``; a usage error naming it when there is none."""
    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.recognizer import locate_release

    try:
        return locate_release(spec)
    except AutoGLMUIError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from exc


@click.command("evaluate")
@click.option("--labels", "labels_path", required=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path), help="Labelled records (JSON list).")
@click.option("--root", required=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder the records' page paths are relative to; served on 127.0.0.1.")
@click.option("--model", "release", metavar="R", default=None,
              help="Release to score (version, ref or name@sha256:…). Default: the selected release.")
@click.option("--json", "json_out", metavar="OUT", type=click.Path(dir_okay=False, path_type=Path),
              help="Write per-record predictions and the summary to OUT.")
@click.option("--dom-only", is_flag=True, help="Score only the DOM-only view (no model is loaded).")
@click.option("--by-name", is_flag=True,
              help="Find each control by its record's target name, as widget_state(\"Save\") does, instead"
                   " of its selector; reports how many names resolved to the labelled control.")
@click.option("--misses", "max_misses", default=20, show_default=True, type=click.IntRange(min=0),
              help="How many misses to list on the terminal.")
@click.option("--ablate", "ablations", multiple=True, type=click.Choice(["pixels", "facts"]),
              help="Also score the release with its crops replaced by flat grey (pixels: what the facts"
                   " alone give) or its facts reduced to the kind (facts: what the pixels alone give),"
                   " on the same captures; printed per folder beside the fused figures. Repeatable.")
def evaluate(
    labels_path: Path, root: Path, release: str | None, json_out: Path | None, dom_only: bool, by_name: bool,
    max_misses: int, ablations: tuple[str, ...],
) -> None:
    """Score a release on labelled pages per facet, value, category and folder, against the DOM view.

    Exit 0 when the evaluation ran, whatever the scores; 1 when it could not run.
    """
    from rich.console import Console

    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.evaluation import RecognizerPredictor, evaluate_many, group_by_page, render
    from autoglm_ui.evaluation.report import render_ablations, result_json, summary_json, write_document

    if dom_only and release is not None:
        raise click.UsageError("--model and --dom-only exclude each other; drop one of them")
    if dom_only and ablations:
        raise click.UsageError("--ablate takes something away from a model; drop --dom-only")
    ablations = tuple(dict.fromkeys(ablations))
    records = load_records(labels_path)
    check_root(root)
    out = Console()
    try:
        recognizer = None if dom_only else _recognizer(release)
        answerers: list[Any] = [recognizer]
        if recognizer is not None:  # click's choice gives only the two Ablation values
            answerers += [RecognizerPredictor(recognizer, cast("Ablation", what)) for what in ablations]
        with page_progress("eval", len(group_by_page(records))) as on_page:
            result, *ablated = evaluate_many(records, root, answerers, on_page=on_page, by_name=by_name)
    except AutoGLMUIError as exc:
        raise _fail(str(exc), exc) from exc
    render(result, out, max_misses=max_misses)
    if ablated:
        render_ablations(result, dict(zip(ablations, ablated, strict=True)), out)
    if json_out is not None:
        doc = result_json(result)
        if ablated:
            pairs = zip(ablations, ablated, strict=True)
            doc["ablations"] = {what: summary_json(r.summary) for what, r in pairs}
        try:
            written = write_document(doc, json_out)
        except OSError as exc:
            raise _fail(f"{json_out}: cannot write the report ({exc.strerror}); pass --json a writable path",
                        exc) from exc
        click.echo(f"wrote {written}")
