"""``autoglm-ui models``: install, list, show, verify, pin, alias, remove, diff and combine model releases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from autoglm_ui.recognizer import Recognizer
    from autoglm_ui.releases.manifest import Release
    from autoglm_ui.releases.removal import RemovalPlan
    from autoglm_ui.releases.store import Store

SPEC_METAVAR = "R"


def _check_spec(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a malformed release spec is a usage error (exit 2)."""
    from autoglm_ui.errors import ModelFormatError
    from autoglm_ui.releases.spec import parse_spec

    if value is None:
        return None
    try:
        return parse_spec(value).text
    except ModelFormatError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _check_release(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Click callback: a release folder as it is, else a release spec (malformed: exit 2)."""
    if Path(value).is_dir():
        return value
    checked = _check_spec(ctx, param, value)
    assert checked is not None
    return checked


def _store() -> Store:
    from autoglm_ui.releases.store import Store

    return Store()


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"


def _headline(metrics: dict[str, Any]) -> str:
    """``facet_accuracy.all`` when present, else the first numeric top-level metric."""
    facet = metrics.get("facet_accuracy")
    if isinstance(facet, dict) and isinstance(facet.get("all"), (int, float)):
        scope = " (own records)" if metrics.get("scope") else ""
        return f"facet_accuracy {facet['all']:.3f}{scope}"
    for key, value in metrics.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"{key} {value:.3g}"
    return ""


def _nearest_pin(store: Store, ini: Path | None = None) -> tuple[Path | None, str | None, str | None]:
    """(pytest.ini, pinned spec, the pinned release's name/version if installed)."""
    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.releases.pinning import find_ini, read_pin

    path = ini or find_ini()
    pin = read_pin(path) if path else None
    if not pin:
        return path, None, None
    try:
        return path, pin, store.resolve(pin).spec
    except AutoGLMUIError as exc:
        click.echo(f"note: the pin {pin} in {path} does not resolve: {exc}", err=True)
        return path, pin, None


@click.group()
def models() -> None:
    """Install, list, pin, verify, remove and compare model releases.

    The store lives in $AUTOGLM_UI_HOME (else $XDG_CACHE_HOME/autoglm-ui, else ~/.cache/autoglm-ui).
    R is a ref (default, latest, an alias), a name, name/version or a version, optionally with
    @sha256:<digest>.
    """


@models.command("list")
def list_cmd() -> None:
    """Table of installed releases: refs, size, created, headline metric, pinned here."""
    from rich.console import Console
    from rich.table import Table

    store = _store()
    releases = store.list()
    bundled = store.bundled_not_installed()
    if not releases and bundled:
        store.ensure_bundled()  # a new store: the releases shipped in the package are installed now
        releases, bundled = store.list(), []
    if not releases:
        click.echo("no releases installed; install one with: autoglm-ui models install <folder|archive|URL>")
        return
    by_target: dict[str, list[str]] = {}
    for ref, target in store.refs().items():
        by_target.setdefault(target, []).append(ref)
    _, _, pinned = _nearest_pin(store)
    table = Table(title=f"model releases in {store.root}")
    for column in ("release", "digest", "refs", "size", "created", "headline", "pinned"):
        table.add_column(column, no_wrap=column in ("release", "digest"))
    for release in releases:
        table.add_row(
            release.spec,
            release.digest[:12],
            ", ".join(by_target.get(release.spec, [])),
            _human(release.size),
            release.created,
            _headline(release.manifest.get("metrics", {})),
            "pinned here" if release.spec == pinned else "",
        )
    Console(width=max(Console().width, 140)).print(table)
    if bundled:
        click.echo(
            f"bundled with this autoglm-ui, not installed yet: {', '.join(bundled)} "
            "(installed on first use, or now with: autoglm-ui models show NAME/VERSION)"
        )


@models.command()
@click.argument("spec", metavar=SPEC_METAVAR, callback=_check_spec)
def show(spec: str) -> None:
    """Show a release's model card: its release.json, digest and folder."""
    release = _store().resolve_or_install_bundled(spec)
    click.echo(f"{release.spec}  sha256:{release.digest}")
    click.echo(f"folder: {release.path}  ({_human(release.size)}, {len(release.files)} files)")
    click.echo(json.dumps(release.manifest, indent=2, sort_keys=True, ensure_ascii=False))


@models.command()
@click.argument("source", metavar="SRC")
@click.option("--force", is_flag=True, help="Replace an installed release of the same name/version.")
def install(source: str, force: bool) -> None:
    """Install SRC: a release folder, a .tar.gz/.zip of one, or an http(s):// URL (…@sha256:<digest> ok)."""
    from rich.console import Console
    from rich.progress import DownloadColumn, Progress, TransferSpeedColumn

    store = _store()
    console = Console(stderr=True)
    columns = (*Progress.get_default_columns(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("installing", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        report = store.install_report(source, force=force, progress=progress)
    release = report.release
    if report.installed:
        click.echo(f"installed {release.spec} (sha256:{release.digest}) from {report.origin}")
    else:
        click.echo(f"{release.spec} is already installed (sha256:{release.digest}); nothing to do")


@models.command()
@click.argument("spec", metavar=SPEC_METAVAR, callback=_check_spec, required=False)
@click.pass_context
def verify(ctx: click.Context, spec: str | None) -> None:
    """Hash every file of R (every release when omitted); exit 1 on any mismatch."""
    store = _store()
    reports = [store.verify(spec)] if spec else store.verify_all()
    damaged = [] if spec else store.damaged()
    if not reports and not damaged:
        click.echo("no releases installed; nothing to verify")
        return
    for line in damaged:
        click.echo(f"FAILED  {line}")
    failed = len(damaged)
    for report in reports:
        if report.ok:
            click.echo(f"ok  {report.release.spec} ({report.checked} files)")
            continue
        failed += 1
        click.echo(f"FAILED  {report.release.spec}")
        for line in report.problems:
            click.echo(line)
        click.echo(f"Repair with: {store.repair_command(report.release)}")
    if failed:
        ctx.exit(1)


@models.command()
@click.argument("spec", metavar=SPEC_METAVAR, callback=_check_spec)
@click.option(
    "--ini",
    "ini",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The pytest.ini to edit (created if missing); default: the nearest one upward.",
)
def pin(spec: str, ini: Path | None) -> None:
    """Pin R (with its digest) as autoglm_model in pytest.ini, keeping every other line."""
    from autoglm_ui.releases.pinning import find_ini, write_pin

    path = ini or find_ini()
    if path is None:
        raise click.UsageError(
            f"no pytest.ini in {Path.cwd()} or its parents; pass --ini PATH (it is created if missing)"
        )
    release = _store().resolve_and_verify(spec)
    change = write_pin(path, release.pin)
    was = f" (was {change.previous})" if change.previous else ""
    click.echo(f"pinned {release.pin} in {change.ini}{was}")


@models.command()
@click.argument("name")
@click.argument("spec", metavar=SPEC_METAVAR, callback=_check_spec)
def alias(name: str, spec: str) -> None:
    """Point the ref NAME at release R (refs are moving names such as default)."""
    release = _store().alias(name, spec)
    click.echo(f"{name} -> {release.spec}")


def _describe(release: Release, plan: RemovalPlan) -> None:
    click.echo(f"remove {release.spec} (sha256:{release.digest[:12]})")
    click.echo(f"  folder  {release.path}")
    click.echo(f"  blobs   {len(plan.blobs)} no longer used by any other release")
    click.echo(f"  frees   {_human(plan.freed_bytes)}")
    for ref in plan.refs:
        after = "moves to the newest remaining release" if ref == "latest" else "is deleted with it"
        click.echo(f"  ref     {ref} {after}")
    for blocker in plan.blockers:
        click.echo(f"  refused without --force: {blocker}")


@models.command()
@click.argument("spec", metavar=SPEC_METAVAR, callback=_check_spec)
@click.option("--yes", is_flag=True, help="Remove it; without this only the plan is printed.")
@click.option("--force", is_flag=True, help="Remove even when pinned or named by a ref.")
@click.option(
    "--ini",
    "ini",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The pytest.ini whose pin protects a release; default: the nearest one upward.",
)
def remove(spec: str, yes: bool, force: bool, ini: Path | None) -> None:
    """Print the plan for removing R; --yes removes it (refused when pinned or aliased, unless --force)."""
    store = _store()
    path, pin_spec, _ = _nearest_pin(store, ini)
    pinned = {str(path): pin_spec} if path and pin_spec else {}
    plan = store.remove(spec, dry_run=True, pinned=pinned)
    _describe(plan.release, plan)
    if not yes:
        click.echo("dry run: nothing removed; pass --yes to remove it")
        return
    store.remove(spec, dry_run=False, force=force, pinned=pinned)
    click.echo(f"removed {plan.release.spec}")


def _verified(store: Store, value: str) -> Release:
    """The release a folder path or spec names, every file's hash checked."""
    from autoglm_ui.errors import IntegrityError
    from autoglm_ui.releases.manifest import Release
    from autoglm_ui.releases.verify import verify_release

    if not Path(value).is_dir():
        return store.resolve_and_verify(value)
    release = Release.from_folder(Path(value))
    report = verify_release(release)
    if not report.ok:
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        raise IntegrityError(
            f"{report.problems[0]}{more}; rebuild the folder (autoglm-ui train) or diff an installed release"
        )
    return release


def _recognizers(a: Release, b: Release) -> tuple[Recognizer, Recognizer]:
    """One recognizer per release; a single one for both when they are the same release (digest)."""
    from autoglm_ui.recognizer import Recognizer

    first = Recognizer(release=a.path)
    second = first if b.digest == a.digest else Recognizer(release=b.path)
    return first, second


@models.command()
@click.argument("a", metavar="A", callback=_check_release)
@click.argument("b", metavar="B", callback=_check_release)
@click.option("--labels", "labels_path", required=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path), help="Labelled records (JSON list).")
@click.option("--root", required=True, metavar="DIR", type=click.Path(path_type=Path),
              help="Folder the records' page paths are relative to; served on 127.0.0.1.")
@click.option("--json", "json_out", metavar="OUT", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the differences and both releases' summaries to OUT.")
@click.option("--expected-only/--all-facets", default=True, show_default=True,
              help="Compare only the labelled facets, or every facet either release answers.")
@click.option("--fail-on-diff", is_flag=True, help="Exit 1 when any answer differs (a CI regression check).")
@click.pass_context
def diff(
    ctx: click.Context, a: str, b: str, labels_path: Path, root: Path, json_out: Path | None,
    expected_only: bool, fail_on_diff: bool,
) -> None:
    """Where releases A and B answer differently on labelled pages, and the accuracy of each.

    A and B are release specs or release folders. Each page is loaded and captured once for
    both. Exit 0 when it ran (differences are information); with --fail-on-diff, 1 when any differ.
    """
    from rich.console import Console

    from autoglm_ui.cli.evaluate import check_root, load_records, page_progress
    from autoglm_ui.evaluation.diff import diff_releases, render_diff, write_diff_json
    from autoglm_ui.evaluation.runner import group_by_page

    store = _store()
    release_a, release_b = _verified(store, a), _verified(store, b)
    records = load_records(labels_path)
    check_root(root)
    rec_a, rec_b = _recognizers(release_a, release_b)
    with page_progress("diff", len(group_by_page(records))) as on_page:
        result = diff_releases(records, root, rec_a, rec_b, expected_only=expected_only, on_page=on_page)
    render_diff(result, Console())
    if json_out is not None:
        try:
            written = write_diff_json(result, json_out)
        except OSError as exc:
            raise click.ClickException(
                f"{json_out}: cannot write the report ({exc.strerror}); pass --json a writable path"
            ) from exc
        click.echo(f"wrote {written}")
    if fail_on_diff and result.differences:
        ctx.exit(1)


@models.command()
@click.argument("sources", metavar="R...", nargs=-1, required=True, callback=lambda c, p, v: [
    _check_release(c, p, x) for x in v])
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Ensemble release folder to write (must not exist).")
@click.option("--name", default="control-state", show_default=True, help="Release name.")
@click.option("--version", "version", required=True, help="Release version, e.g. 1.6.0.")
def combine(sources: list[str], out: Path, name: str, version: str) -> None:
    """Combine trained releases (folders or specs) into one ensemble release at --out.

    The members' calibrated probabilities are averaged: steadier answers on styles none of them
    saw, at about one member's CPU time per member. Install it with `autoglm-ui models install`.
    """
    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.releases.ensemble import combine as combine_releases

    try:
        store = _store()
        folders = [_verified(store, s).path for s in sources]
        release = combine_releases(folders, out, name=name, version=version)
    except (AutoGLMUIError, FileExistsError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {out}: {release.spec} ({len(folders)} members)")


def _add_gate() -> None:
    from autoglm_ui.cli.finish import finish
    from autoglm_ui.cli.gate import gate

    models.add_command(gate)
    models.add_command(finish)


_add_gate()
