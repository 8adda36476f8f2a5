"""``autoglm-ui models``: every subcommand end to end through the real entry point and error handler."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from autoglm_ui.cli.main import cli
from autoglm_ui.releases import Store

from .conftest import RunCli
from .helpers import make_release, snapshot

SUBCOMMANDS = ["list", "show", "install", "verify", "pin", "alias", "remove"]


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_help(name: str) -> None:
    result = CliRunner().invoke(cli, ["models", name, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[1] == "(set AUTOGLM_UI_DEBUG=1 for a traceback)", err
    return lines[0]


def test_install_list_show_alias(run_cli: RunCli, src: Path, home: Path) -> None:
    made = make_release(src, "tiny", "1.0", metrics={"facet_accuracy": {"all": 0.912}})
    result = run_cli("models", "install", str(made.path))
    assert result.code == 0
    assert result.out == f"installed tiny/1.0 (sha256:{made.digest}) from {made.path}\n"
    assert "already installed" in run_cli("models", "install", str(made.path)).out
    assert run_cli("models", "alias", "stable", "tiny").out == "stable -> tiny/1.0\n"
    listing = run_cli("models", "list")
    assert listing.code == 0
    for text in (
        "tiny/1.0",
        made.digest[:12],
        "latest, stable",
        "4.1 kB",
        made.created,
        "facet_accuracy 0.912",
    ):
        assert text in listing.out
    shown = run_cli("models", "show", "stable")
    assert shown.out.startswith(f"tiny/1.0  sha256:{made.digest}\n")
    assert json.loads(shown.out.split("\n", 2)[2]) == made.manifest


def test_unknown_release_lists_installed(run_cli: RunCli, src: Path) -> None:
    run_cli("models", "install", str(make_release(src).path))
    result = run_cli("models", "show", "ghost")
    assert result.code == 1
    line = _one_error_line(result.err)
    assert "no installed release matches 'ghost'; installed: tiny/1.0 (latest)" in line


def test_usage_errors_exit_2(run_cli: RunCli) -> None:
    assert run_cli("models", "show", "a/b/c").code == 2
    assert run_cli("models", "show").code == 2
    assert run_cli("models", "pin", "tiny").code == 2, "no pytest.ini anywhere upward and no --ini"


def test_verify_reports_the_exact_line_and_exits_1(run_cli: RunCli, src: Path, store: Store) -> None:
    made = make_release(src)
    run_cli("models", "install", str(made.path))
    assert run_cli("models", "verify").out == "ok  tiny/1.0 (3 files)\n"
    sha = made.files["config.json"]["sha256"]
    blob = store.layout.blob(sha)
    blob.chmod(0o644)
    blob.write_bytes(b'{"hidden_size": 33}\n')
    got = hashlib.sha256(blob.read_bytes()).hexdigest()
    result = run_cli("models", "verify", "tiny")
    assert result.code == 1
    assert result.out.splitlines() == [
        "FAILED  tiny/1.0",
        f"{store.root}/releases/tiny/1.0/config.json: expected {sha} (sha256), got {got}",
        f"Repair with: autoglm-ui models install --force {made.path}",
    ]
    assert run_cli("models", "install", "--force", str(made.path)).code == 0
    assert run_cli("models", "verify").code == 0


def test_pin_then_remove_refuses_until_forced(run_cli: RunCli, src: Path, store: Store) -> None:
    made = make_release(src)
    run_cli("models", "install", str(made.path))
    ini = Path("pytest.ini")
    ini.write_text("[pytest]\n# keep\naddopts = -q\n")
    result = run_cli("models", "pin", "tiny")
    assert result.code == 0, result.err
    assert ini.read_text() == f"[pytest]\n# keep\naddopts = -q\nautoglm_model = {made.pin}\n"
    assert "pinned here" in run_cli("models", "list").out
    before = snapshot(store.root)
    dry = run_cli("models", "remove", "tiny")
    assert dry.code == 0
    assert f"refused without --force: pinned in {ini.absolute()}" in dry.out
    assert "dry run: nothing removed" in dry.out
    refused = run_cli("models", "remove", "tiny", "--yes")
    assert refused.code == 1
    assert _one_error_line(refused.err).startswith("Error: refusing to remove tiny/1.0: pinned in")
    assert snapshot(store.root) == before
    forced = run_cli("models", "remove", "tiny", "--yes", "--force")
    assert forced.code == 0 and "removed tiny/1.0" in forced.out
    assert store.list() == [] and not any(store.layout.blobs.iterdir())


def test_malformed_and_newer_release_json_fail_in_one_line(run_cli: RunCli, src: Path, store: Store) -> None:
    made = make_release(src)
    manifest = json.loads((made.path / "release.json").read_text())
    (made.path / "release.json").write_text(json.dumps({**manifest, "format": 2}))
    result = run_cli("models", "install", str(made.path))
    assert result.code == 1
    line = _one_error_line(result.err)
    assert "release format 2 is newer than this autoglm-ui reads (1); upgrade autoglm-ui" in line
    (made.path / "release.json").write_text('{"format": 1, "name": ')
    result = run_cli("models", "install", str(made.path))
    assert result.code == 1
    assert "release.json: not valid JSON" in _one_error_line(result.err)
    assert store.list() == []


def test_store_that_cannot_be_written(
    run_cli: RunCli, src: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_release(src)
    blocker = home.parent / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("AUTOGLM_UI_HOME", str(blocker))
    result = run_cli("models", "install", str(made.path))
    assert result.code == 1
    line = _one_error_line(result.err)
    assert line.startswith("Error: cannot use the model store") and "set AUTOGLM_UI_HOME" in line


def test_read_only_store_is_a_store_error(run_cli: RunCli, src: Path, home: Path) -> None:
    first = make_release(src, "tiny", "1.0")
    assert run_cli("models", "install", str(first.path)).code == 0
    before = snapshot(home)
    for path in [home, *home.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)
    try:
        if os.access(home, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes")
        result = run_cli("models", "install", str(make_release(src, "tiny", "2.0").path))
        assert result.code == 1
        assert "make" in _one_error_line(result.err) and "writable" in result.err
        assert run_cli("models", "verify").code == 0, "reading still works"
    finally:
        for path in [home, *home.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
    assert snapshot(home) == before


def test_verify_reports_a_damaged_manifest(run_cli: RunCli, src: Path, store: Store) -> None:
    made = make_release(src)
    run_cli("models", "install", str(made.path))
    manifest = store.root / "releases" / "tiny" / "1.0" / "release.json"
    manifest.chmod(0o644)
    manifest.write_text("{")
    result = run_cli("models", "verify")
    assert result.code == 1
    assert result.out.splitlines() == [
        f"FAILED  {manifest}: not valid JSON (Expecting property name enclosed in double quotes at line 1)."
        f" Repair with: autoglm-ui models install --force {made.path}"
    ]
    assert run_cli("models", "install", "--force", str(made.path)).code == 0
    assert run_cli("models", "verify").out == "ok  tiny/1.0 (3 files)\n"


def test_a_new_store_lists_and_aliases_the_bundled_releases(run_cli: RunCli) -> None:
    """Every release shipped in the package can be named before first use (1.1.0 stays pinnable)."""
    from autoglm_ui.releases import bundled_releases
    from autoglm_ui.releases.manifest import read_manifest

    specs = sorted(f"{m['name']}/{m['version']}" for m in map(read_manifest, bundled_releases()))
    assert len(specs) >= 2
    oldest, newest = specs[0], specs[-1]
    listing = run_cli("models", "list")
    assert listing.code == 0 and "not installed yet" not in listing.out
    for spec in specs:
        assert spec in listing.out
    assert run_cli("models", "alias", "default", oldest).out == f"default -> {oldest}\n"
    assert Store().refs()["default"] == oldest != newest


def test_an_older_store_is_told_about_newly_bundled_releases(run_cli: RunCli, src: Path) -> None:
    from autoglm_ui.releases import bundled_releases
    from autoglm_ui.releases.manifest import read_manifest

    run_cli("models", "install", str(make_release(src).path))
    listing = run_cli("models", "list")
    assert "bundled with this autoglm-ui, not installed yet:" in listing.out
    spec = "{name}/{version}".format(**read_manifest(bundled_releases()[0]))  # the newest
    assert spec in listing.out.split("not installed yet:")[1]
    shown = run_cli("models", "show", spec)  # naming it installs the bundled releases
    assert shown.code == 0 and shown.out.startswith(spec)
    assert "not installed yet" not in run_cli("models", "list").out
    assert run_cli("models", "show", "ghost").code == 1  # an unknown name installs nothing more
