"""``autoglm-ui models finish``: from a trained release to one that may ship, with no hand-picked step.

1. Score the trained release on the real-library dev set as it is (the model always answers).
2. Choose how sure it must be to contradict the DOM (``overrule_at``) from that one evaluation
   (:mod:`autoglm_ui.evaluation.overrule`): one threshold from a sweep, then one per facet; each
   choice keeps hard records at a floor where it can, then standard records at the DOM-only
   view's on every library, then reads the worst library best.
3. Write the finished release (the same weights, ``overrule_at`` in its config, or in an
   ensemble's ``ensemble.json``: the ensemble's own choice), score it on the
   set for real, and record both in its card (``card.overrule``, ``card.realset``); score it on
   any other labelled set named with ``--also`` (``card.<folder name>``), and keep the commands that
   made it (``--recipe``) in ``card.recipe``.
4. Apply the release gate (:mod:`autoglm_ui.evaluation.gate`) and say whether it may ship.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import click

from autoglm_ui.evaluation.gate import REALSET


@click.command("finish")
@click.argument("release", metavar="R")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the finished release (must not exist).")
@click.option("--name", default="control-state", show_default=True, help="Name of the finished release.")
@click.option("--version", "version", required=True, help="Version of the finished release, e.g. 1.7.0.")
@click.option("--labels", "labels_path", default=REALSET / "labels.json", show_default=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path), help="The real-library dev set's labels.")
@click.option("--root", default=REALSET, show_default=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder the records' page paths are relative to (one sub-folder per library).")
@click.option("--at", "fixed_at", type=click.FloatRange(0.0, 1.0), default=None,
              help="Use this overrule_at for every facet instead of choosing (the sweep is still printed).")
@click.option("--per-facet/--one-threshold", default=True, show_default=True,
              help="After the sweep, move each facet's threshold while that reads the set better.")
@click.option("--hard-floor", type=click.FloatRange(0.0, 1.0), default=0.9, show_default=True,
              help="First keep hard records' facet accuracy at least this where a choice can, then keep "
                   "standard records at the DOM's (always answering as the DOM would do that alone, "
                   "and see nothing the DOM misses).")
@click.option("--also", "also", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Also score the finished release on the labelled pages under DIR (its labels.json) and "
                   "put the figures in its card under DIR's name (repeatable), e.g. fixtures/devset.")
@click.option("--recipe", "recipe", multiple=True, metavar="COMMAND",
              help="A command that made the trained release, kept in the card (repeatable, in order).")
@click.option("--replaces", "replaces", default=None, metavar="R",
              help="The release this one would replace: refuse the finished release when its standard or "
                   "hard facets or its kinds read more than half a point below R's card.realset.")
@click.pass_context
def finish(ctx: click.Context, release: str, out: Path, name: str, version: str, labels_path: Path,
           root: Path, fixed_at: float | None, per_facet: bool, hard_floor: float,
           also: tuple[Path, ...], recipe: tuple[str, ...], replaces: str | None) -> None:
    """Choose how sure release R must be to contradict the DOM, write the finished release, gate it.

    The choice, the finished release's figures per library and the environment they were measured
    in go into its card. Exit 0 when the finished release passes the gate (and, with --replaces,
    reads no category more than half a point below that release), 1 when it does not.
    """
    from rich.console import Console

    from autoglm_ui.cli.evaluate import _recognizer, check_root, load_records, page_progress
    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.evaluation import evaluate, overrule, render
    from autoglm_ui.evaluation.gate import gate_failures, realset_card, regressions
    from autoglm_ui.evaluation.runner import group_by_page

    if out.exists():
        raise click.UsageError(f"{out} already exists; releases are immutable: choose another --out")
    records = load_records(labels_path)
    check_root(root)
    others = [(folder, load_records(folder / "labels.json")) for folder in also]  # bad input: fail first
    for folder, _ in others:
        check_root(folder)
    previous = None if replaces is None else _realset_of(replaces)  # bad input: fail before the work
    console = Console()
    try:
        trained = _recognizer(release)
        source = trained.release_info.path
        trained.model.config.overrule_at = None  # the sweep starts from the model's own answers
        pages = len(group_by_page(records))
        with page_progress("as trained", pages) as on_page:
            base = evaluate(records, root, trained, on_page=on_page)
        rows = overrule.sweep(base)
        if fixed_at is not None:
            at: overrule.Threshold = fixed_at
        else:
            chosen = overrule.choose(rows, hard_floor)
            at = chosen.at
            if per_facet:
                at = overrule.per_facet(base, chosen.at, trained.model.config.facet_names,
                                        floor=hard_floor).at
                if isinstance(at, dict) and len(set(at.values())) == 1:
                    at = next(iter(at.values()))  # no facet moved: one threshold says it
        _print_sweep(console, rows, at)
        if isinstance(at, dict):
            _print_per_facet(console, overrule.score(base, at))
        _write_child(source, out, name, version, at, trained.release)
        finished = _recognizer(str(out))
        with page_progress("finished", pages) as on_page:
            result = evaluate(records, root, finished, on_page=on_page)
        elsewhere: dict[str, Any] = {}
        for folder, other in others:
            with page_progress(folder.name, len(group_by_page(other))) as on_page:
                scored = evaluate(other, folder, finished, on_page=on_page)
            elsewhere[folder.name] = realset_card(scored, str(folder / "labels.json"))
    except AutoGLMUIError as exc:
        raise click.ClickException(str(exc)) from exc
    render(result, console, max_misses=0)
    card = realset_card(result, str(labels_path))
    choice = {"at": at, "chosen_on": str(labels_path), "fixed": fixed_at is not None,
              "hard_floor": hard_floor, "per_facet": isinstance(at, dict),
              "sweep": [_row_json(r) for r in rows]}
    extra: dict[str, Any] = {**elsewhere, "realset": card, "overrule": choice, "metrics_note": METRICS_NOTE}
    if recipe:
        extra["recipe"] = list(recipe)
    _rewrite_card(out, name, version, None, extra)
    for key, figures in elsewhere.items():
        click.echo(f"{key}: standard {_pct(figures, 'standard')}, hard {_pct(figures, 'hard')}"
                   f" (DOM-only {_pct(figures, 'standard', 'dom_')}, {_pct(figures, 'hard', 'dom_')})")
    click.echo(f"wrote {out}: {name}@{version} (overrule_at: {overrule.describe(at)})")
    failures = gate_failures(card)
    if failures:
        console.print(f"[red bold]does not ship[/]: below the DOM-only view on {len(failures)} libraries")
        for f in failures:
            console.print(f"  {f}")
        ctx.exit(1)
    if previous is not None:
        lost = regressions(card, previous)
        if lost:
            console.print(f"[red bold]does not ship[/]: it would replace {replaces} and read less")
            for r in lost:
                console.print(f"  {r}")
            ctx.exit(1)
    console.print("[green bold]may ship[/]: at least the DOM-only view on the standard records of every"
                  " library")


#: What the card's figures are (``metrics`` come from training, the rest from this command).
METRICS_NOTE = (
    "metrics: the trained model on its training dev split (held-out generated pages and styles, no"
    " overrule); card.realset: the finished release (overrule_at per facet, chosen on that same set);"
    " any other set in the card: the finished release on that set's labelled pages"
)


def _realset_of(spec: str) -> dict[str, Any]:
    """``card.realset`` of the release ``spec`` names; a usage error when it has none."""
    from autoglm_ui.cli.evaluate import located

    realset = (located(spec, "--replaces").manifest.get("card") or {}).get("realset")
    if not isinstance(realset, dict):
        raise click.BadParameter(f"{spec} has no real-library figures in its card (card.realset) to compare"
                                 " with; name a release finished by models finish", param_hint="--replaces")
    return realset


def _pct(figures: dict[str, Any], category: str, prefix: str = "") -> str:
    value = figures[f"{prefix}facet_accuracy"].get(category)
    return "-" if value is None else f"{100 * value:.1f} %"


def _row_json(row: Any) -> dict[str, Any]:
    from autoglm_ui.evaluation.report import fractions, rounded

    s = row.summary
    return {"at": row.at, "facet_accuracy": fractions(s.facet_accuracy),
            "worst_library": {c: rounded(row.worst(c)) for c in ("standard", "hard", "all")}}


def _print_per_facet(console: Any, row: Any) -> None:
    from autoglm_ui.evaluation.overrule import describe

    s = row.summary
    cells = " / ".join(f"{100 * (s.facet_accuracy[c].fraction or 0):.1f} ({100 * row.worst(c):.1f})"
                       for c in ("standard", "hard", "all"))
    console.print(f"per facet: {describe(row.at)}\n  standard / hard / all (worst library): {cells}")


def _print_sweep(console: Any, rows: Any, at: Any) -> None:
    from rich.table import Table

    t = Table(title="How sure to contradict the DOM (facet accuracy %; worst library in brackets)",
              title_justify="left")
    for col in ("overrule_at", "standard", "hard", "all"):
        t.add_column(col, justify="right")
    for r in rows:
        cells = [f"{100 * (r.summary.facet_accuracy[c].fraction or 0):.1f} ({100 * r.worst(c):.1f})"
                 for c in ("standard", "hard", "all")]
        mark = " ←" if r.at == at else ""
        t.add_row(("never" if r.at is None else f"{r.at:g}") + mark, *cells)
    console.print(t)


def _config_file(folder: Path) -> Path:
    """The file that holds a release's ``overrule_at``: an ensemble's own (its members keep theirs),
    else the model's config."""
    ensemble = folder / "ensemble.json"
    return ensemble if ensemble.exists() else folder / "config.json"


def _write_child(source: Path, out: Path, name: str, version: str, at: Any, parent: str) -> None:
    """The release's files with ``overrule_at`` set in its config, under a new name and version."""
    tmp = out.with_name(f".{out.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(source, tmp)
    target = _config_file(tmp)
    config = json.loads(target.read_text())
    config["overrule_at"] = at
    target.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    _rewrite_card(tmp, name, version, parent, {})
    tmp.rename(out)


def _rewrite_card(folder: Path, name: str, version: str, parent: str | None, extra: dict[str, Any]) -> None:
    """Write ``folder``'s manifest: the trained release's card and metrics, plus ``extra`` in the card."""
    from autoglm_ui.releases.hashing import sha256_tag
    from autoglm_ui.releases.manifest import write_manifest

    old = json.loads((folder / "release.json").read_text()) if (folder / "release.json").exists() else {}
    metrics_file = folder / "metrics.json"
    metrics = json.loads(metrics_file.read_text()) if metrics_file.exists() else {}
    card = {**(old.get("card") or {}), **extra}
    if not card:
        card = {"training": metrics.get("training", {})}
    (folder / "release.json").unlink(missing_ok=True)
    config_hash = sha256_tag(_config_file(folder))
    write_manifest(folder, name, version, parent=parent or old.get("parent"), metrics=old.get("metrics"),
                   card=card, config_hash=config_hash, data_fingerprint=old.get("data_fingerprint"))
