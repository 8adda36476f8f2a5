"""``autoglm-ui train``: train (or search, then train) a model release from a generated dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

#: Options of one mode that the other would silently ignore: giving them is a usage error.
SCRATCH_ONLY = frozenset({
    "--data", "--search", "--trial-epochs", "--quantize", "--config", "--dev-data", "--dev-fraction",
    "--exclude-source", "--class-dropout", "--facts-dropout", "--standard-repeat", "--search-on",
    "--teacher", "--distil-weight",
})
FINETUNE_ONLY = frozenset({"--labels", "--root", "--replay", "--replay-pages", "--holdout"})


def _only(options: set[str]) -> str:
    return f"{', '.join(sorted(options))} only appl{'ies' if len(options) == 1 else 'y'}"


def _given(ctx: click.Context) -> set[str]:
    """The options the user passed (not left at their defaults), as ``--long-name``."""
    from click.core import ParameterSource

    out = set()
    for param in ctx.command.params:
        if param.name and ctx.get_parameter_source(param.name) not in (None, ParameterSource.DEFAULT):
            out.add(max(getattr(param, "opts", [param.name]), key=len))
    return out


def _finetune(
    parent: str, labels: Path, root: Path, out: Path, replay: Path | None, replay_pages: int,
    holdout: float, epochs: int | None, seed: int, device: str, threads: int | None, name: str | None,
    version: str | None, quiet: bool,
) -> None:
    from rich.console import Console
    from rich.table import Table

    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.training.finetune import EPOCHS, finetune

    try:
        r = finetune(
            parent, labels, root, out, replay=replay, replay_pages=replay_pages, holdout=holdout,
            epochs=epochs or EPOCHS, seed=seed, device=device, threads=threads, name=name,
            version=version, progress=not quiet,
        )
    except (AutoGLMUIError, FileExistsError) as exc:
        raise click.ClickException(str(exc)) from exc

    def pct(x: Any) -> str:
        return "-" if x is None else f"{100 * x:.1f}%"

    console = Console()
    for line in r.skipped[:20]:
        console.print(f"[yellow]left out[/] {line}")
    if len(r.skipped) > 20:
        console.print(f"[yellow]left out[/] {len(r.skipped) - 20} more records")
    table = Table(title=f"before/after: {r.parent} -> {r.release}")
    for col in ("set", "records", "category", "before", "after", "DOM-only"):
        table.add_column(col)
    for label, b, a in (
        (f"your held-out records (by {r.heldout_unit})", r.before, r.after),
        ("replay, held-out styles", r.replay_before, r.replay_after),
    ):
        for cat in ("all", "standard", "hard"):
            table.add_row(label if cat == "all" else "", str(a["records"]) if cat == "all" else "", cat,
                          pct(b["facet_accuracy"][cat]), pct(a["facet_accuracy"][cat]),
                          pct(a["dom_facet_accuracy"].get(cat)))
    console.print(table)
    console.print(
        f"{r.train_records} records trained on, {r.heldout_records} held out, {r.replay_samples} replayed; "
        f"{r.seconds:.0f} s. release: {r.out_dir}"
    )


@click.command("train")
@click.option(
    "--data",
    "data",
    default=None,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Dataset folder (autoglm-ui data build); not with --from.",
)
@click.option(
    "--from",
    "parent",
    metavar="R",
    default=None,
    help="Fine-tune release R (spec or folder) on --labels/--root instead of training from scratch.",
)
@click.option(
    "--labels",
    "labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="With --from: your labelled records (design.md's labelled-page format).",
)
@click.option(
    "--root",
    "root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="With --from: the folder the records' pages are relative to (served on 127.0.0.1).",
)
@click.option(
    "--replay",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="With --from: a dataset to replay so the model does not forget (default: generate one).",
)
@click.option(
    "--replay-pages",
    type=click.IntRange(min=4),
    default=30,
    show_default=True,
    help="With --from and no --replay: synthetic pages generated for replay.",
)
@click.option(
    "--holdout",
    type=click.FloatRange(0.05, 0.8),
    default=0.25,
    show_default=True,
    help="With --from: share of your records held out for the before/after figures.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Release folder to write (must not exist).",
)
@click.option(
    "--config",
    "config",
    type=click.Choice(["tiny", "small", "base"]),
    default="small",
    show_default=True,
    help="Model preset.",
)
@click.option("--epochs", type=click.IntRange(min=1), default=None, help="Maximum epochs (preset default).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True)
@click.option(
    "--dev-data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A separate dataset for early stopping and calibration (default: held-out styles).",
)
@click.option("--dev-fraction", type=click.FloatRange(0.01, 0.9), default=0.15, show_default=True)
@click.option(
    "--threads", type=click.IntRange(min=1), default=None, help="torch threads (default: 1 on <=2 cores)."
)
@click.option(
    "--search",
    "trials",
    type=click.IntRange(min=1),
    default=None,
    help="Run an Optuna search of N trials first (needs optuna).",
)
@click.option(
    "--trial-epochs",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Epochs per search trial.",
)
@click.option(
    "--quantize",
    type=click.Choice(["int8"]),
    default=None,
    help="Also measure dynamic int8; ship it as its own release if within 0.5 point and faster.",
)
@click.option(
    "--exclude-source",
    "exclude",
    multiple=True,
    help="Leave a library out of training and dev (repeatable): a leave-one-library-out run.",
)
@click.option(
    "--class-dropout",
    type=click.FloatRange(0.0, 0.95),
    default=None,
    help="Hide class-name word pieces from this share of training samples (config default 0).",
)
@click.option(
    "--search-on",
    "search_on",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="With --search: score each trial on the labelled pages under DIR (its labels.json, e.g."
    " fixtures/realset) by its worst folder's facet accuracy, and search the training mixture too.",
)
@click.option(
    "--facts-dropout",
    type=click.FloatRange(0.0, 0.95),
    default=None,
    help="Show this share of training samples their crop and kind alone, every other fact hidden,"
    " so the pixels learn to answer by themselves (config default 0).",
)
@click.option(
    "--standard-repeat",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Repeat samples whose DOM and pixels agree K times: a prior closer to real pages.",
)
@click.option(
    "--teacher",
    metavar="R",
    default=None,
    help="Distil: also learn release R's calibrated probabilities (an ensemble, typically), so one"
    " model answers as the ensemble does at one model's cost.",
)
@click.option(
    "--distil-weight",
    type=click.FloatRange(0.0, 1.0),
    default=0.5,
    show_default=True,
    help="With --teacher: the share of the loss that is the teacher's probabilities (the rest: the labels).",
)
@click.option("--name", default=None, help="Release name (default control-state-<config>).")
@click.option("--version", "version", default=None, help="Release version (default a UTC timestamp).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def train(
    data: Path | None,
    parent: str | None,
    labels: Path | None,
    root: Path | None,
    replay: Path | None,
    replay_pages: int,
    holdout: float,
    out: Path,
    config: str,
    epochs: int | None,
    seed: int,
    device: str,
    dev_data: Path | None,
    dev_fraction: float,
    threads: int | None,
    trials: int | None,
    trial_epochs: int,
    quantize: str | None,
    exclude: tuple[str, ...],
    class_dropout: float | None,
    facts_dropout: float | None,
    standard_repeat: int,
    teacher: str | None,
    distil_weight: float,
    search_on: Path | None,
    name: str | None,
    version: str | None,
    quiet: bool,
) -> None:
    """Train a control-state model on --data and write a release folder at --out.

    With --from R --labels FILE --root DIR, fine-tune release R on your own labelled records
    instead (a few hundred is enough; minutes on a CPU), replaying synthetic data so it does not
    forget, and write a child release whose card shows before/after accuracy on held-out records.
    """
    if out.exists() and any(out.iterdir()):
        raise click.UsageError(f"--out {out} exists and is not empty; releases are immutable, choose another")
    from autoglm_ui.cli.train_report import print_pareto, print_summary, print_trial

    given = _given(click.get_current_context())
    if parent is not None:
        extra = given & SCRATCH_ONLY
        if extra:
            raise click.UsageError(
                f"--from fine-tunes a release; {_only(extra)} when training from scratch (--data): drop "
                + ("it" if len(extra) == 1 else "them")
            )
        if labels is None or root is None:
            raise click.UsageError("--from needs --labels FILE and --root DIR (your labelled records)")
        _finetune(parent, labels, root, out, replay, replay_pages, holdout, epochs, seed, device,
                  threads, name, version, quiet)
        return
    if data is None:
        raise click.UsageError("pass --data DIR (a generated dataset), or --from R --labels FILE --root DIR")
    extra = given & FINETUNE_ONLY
    if extra:
        raise click.UsageError(f"{_only(extra)} to fine-tuning: add --from R")
    excluded = tuple(v.strip() for item in exclude for v in item.split(",") if v.strip())
    if search_on is not None and trials is None:
        raise click.UsageError("--search-on scores search trials: add --search N")
    if trials is not None:
        unsearched = given & {"--standard-repeat", "--class-dropout", "--facts-dropout", "--teacher"}
        if unsearched:
            raise click.UsageError(f"--search does not take {', '.join(sorted(unsearched))}; drop them")
        if search_on is not None and not (search_on / "labels.json").is_file():
            raise click.UsageError(f"--search-on {search_on}: no labels.json there; pass a labelled-page"
                                   " folder such as fixtures/realset")
        from autoglm_ui.training.search import require_optuna

        try:
            require_optuna()
        except ImportError as exc:
            raise click.ClickException(str(exc)) from exc
        from autoglm_ui.training.search import search

        result = search(
            data,
            out,
            trials,
            config=config,
            seed=seed,
            device=device,
            dev_fraction=dev_fraction,
            dev_dir=dev_data,
            trial_epochs=trial_epochs,
            final_epochs=epochs,
            progress=not quiet,
            quantize=quantize,
            on_trial=print_trial,
            threads=threads,
            name=name,
            version=version,
            exclude_sources=excluded,
            realset=(search_on / "labels.json", search_on) if search_on is not None else None,
        )
        print_pareto(result)
        assert result.train is not None
        print_summary(result.train)
        return
    from autoglm_ui.cli.evaluate import located
    from autoglm_ui.training.trainer import train as run

    trained = run(
        data,
        out,
        config=config,
        epochs=epochs,
        seed=seed,
        device=device,
        dev_fraction=dev_fraction,
        dev_dir=dev_data,
        progress=not quiet,
        threads=threads,
        quantize=quantize,
        name=name,
        version=version,
        exclude_sources=excluded,
        standard_repeat=standard_repeat,
        teacher=None if teacher is None else located(teacher, "--teacher").path,
        distil_weight=distil_weight,
        overrides={
            key: value
            for key, value in (("class_token_dropout", class_dropout), ("facts_dropout", facts_dropout))
            if value is not None
        } or None,
    )
    print_summary(trained)
