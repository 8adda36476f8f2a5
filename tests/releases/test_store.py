"""Resolving specs, refs, verify on disk, resolve_and_verify, remove plans and ensure_bundled."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from autoglm_ui.errors import IntegrityError, ModelFormatError, ModelNotFoundError, StoreError
from autoglm_ui.releases import Release, Store, resolve_and_verify

from .helpers import make_release, snapshot


@pytest.fixture
def three(store: Store, src: Path) -> dict[str, Release]:
    """tiny/1.0, tiny/1.10 (newest tiny), other/2.0 installed; ``default`` -> tiny/1.0."""
    made = {
        spec: make_release(src, *spec.split("/"), created=created)
        for spec, created in [
            ("tiny/1.0", "2025-01-01T00:00:00Z"),
            ("tiny/1.10", "2025-02-01T00:00:00Z"),
            ("other/2.0", "2025-03-01T00:00:00Z"),
        ]
    }
    for release in made.values():
        store.install(release.path)
    store.alias("default", "tiny/1.0")
    return made


def test_spec_grammar(store: Store, three: dict[str, Release]) -> None:
    assert store.resolve("default").spec == "tiny/1.0"
    assert store.resolve("latest").spec == "other/2.0"
    assert store.resolve("tiny").spec == "tiny/1.10", "a name means its newest version"
    assert store.resolve("tiny/1.0").spec == "tiny/1.0"
    assert store.resolve("2.0").spec == "other/2.0", "a version alone when unique"
    old = three["tiny/1.0"].digest
    assert store.resolve(f"tiny@sha256:{old[:12]}").spec == "tiny/1.0", "name@sha256 picks that version"
    assert store.resolve(f"default@sha256:{old}").spec == "tiny/1.0"
    assert store.refs() == {"default": "tiny/1.0", "latest": "other/2.0"}


def test_unknown_specs_list_what_is_installed(store: Store, three: dict[str, Release]) -> None:
    with pytest.raises(ModelNotFoundError) as info:
        store.resolve("nope/1.0")
    message = str(info.value)
    assert "no installed release matches 'nope/1.0'" in message
    assert "installed: other/2.0 (latest), tiny/1.0 (default), tiny/1.10;" in message
    assert "autoglm-ui models install" in message
    with pytest.raises(IntegrityError, match="does not have the required digest"):
        store.resolve("tiny/1.0@sha256:" + "0" * 12)
    with pytest.raises(ModelFormatError, match="bad release spec"):
        store.resolve("a/b/c")
    with pytest.raises(ModelFormatError, match="12 to 64 hex"):
        store.resolve("tiny@sha256:abc")


def test_an_empty_store_says_none_installed(store: Store) -> None:
    with pytest.raises(ModelNotFoundError, match="installed: none; install one with"):
        store.resolve("default")


def test_ambiguous_version_asks_for_name(store: Store, src: Path) -> None:
    (src / "x").mkdir()
    store.install(make_release(src, "a", "1.0").path)
    store.install(make_release(src / "x", "b", "1.0").path)
    with pytest.raises(ModelNotFoundError, match=r"ambiguous \(a/1.0, b/1.0\); write it as name/version"):
        store.resolve("1.0")


def test_alias_and_dangling_ref(store: Store, three: dict[str, Release]) -> None:
    assert store.alias("stable", "tiny").spec == "tiny/1.10"
    assert store.refs()["stable"] == "tiny/1.10"
    with pytest.raises(StoreError, match="latest"):
        store.alias("latest", "tiny/1.0")
    store.layout.ref("gone").write_text("ghost/9\n")
    with pytest.raises(ModelNotFoundError, match="ref 'gone' points at ghost/9, which is not installed"):
        store.resolve("gone")


def _flip_byte(path: Path) -> str:
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    return hashlib.sha256(data).hexdigest()


def test_flipped_byte_in_a_blob_is_reported_exactly(store: Store, src: Path) -> None:
    made = make_release(src)
    release = store.install(made.path)
    expected = release.files["model.safetensors"]["sha256"]
    got = _flip_byte(store.layout.blob(expected))
    line = f"{release.path / 'model.safetensors'}: expected {expected} (sha256), got {got}"
    report = store.verify("tiny/1.0")
    assert not report.ok
    assert report.problems == (line,)
    with pytest.raises(IntegrityError) as info:
        resolve_and_verify("tiny")
    assert str(info.value) == f"{line}. Repair with: autoglm-ui models install --force {made.path}"
    store.install(made.path, force=True)
    assert store.verify("tiny").ok


def test_remove_dry_run_changes_nothing(store: Store, three: dict[str, Release]) -> None:
    before = snapshot(store.root)
    plan = store.remove("tiny/1.10")
    assert not plan.executed and not plan.blocked
    # config.json and vocab.txt are identical in every release: one blob each, shared, kept.
    assert len(plan.blobs) == 1 and plan.freed_bytes == 4096
    assert snapshot(store.root) == before


def test_remove_refuses_pinned_or_referenced_without_force(store: Store, three: dict[str, Release]) -> None:
    pinned = {"/p/pytest.ini": three["tiny/1.10"].pin}
    plan = store.remove("tiny/1.10", pinned=pinned)
    assert plan.blockers == ("pinned in /p/pytest.ini",)
    before = snapshot(store.root)
    with pytest.raises(
        StoreError, match=re.escape("refusing to remove tiny/1.10: pinned in /p/pytest.ini; pass --force")
    ):
        store.remove("tiny/1.10", dry_run=False, pinned=pinned)
    with pytest.raises(StoreError, match="ref 'default' points at it"):
        store.remove("default", dry_run=False)
    assert snapshot(store.root) == before
    done = store.remove("tiny/1.10", dry_run=False, force=True, pinned=pinned)
    assert done.executed
    assert [r.spec for r in store.list()] == ["other/2.0", "tiny/1.0"]
    assert all(not blob.exists() for blob in done.blobs)


def test_remove_keeps_blobs_shared_with_other_releases(store: Store, src: Path) -> None:
    (src / "x").mkdir()
    payload = b"shared weights" * 100
    a = store.install(make_release(src, "a", "1.0", seed=payload).path)
    store.install(make_release(src / "x", "b", "1.0", seed=payload).path)
    plan = store.remove("a", dry_run=False)
    shared = store.layout.blob(a.files["model.safetensors"]["sha256"])
    assert shared.exists() and shared not in plan.blobs
    assert store.verify("b").ok
    assert store.refs() == {"latest": "b/1.0"}


def test_ensure_bundled_installs_once_and_sets_default(store: Store, src: Path) -> None:
    made = make_release(src, "bundled", "0.1")
    assert [r.spec for r in store.ensure_bundled([made.path])] == ["bundled/0.1"]
    assert store.refs()["default"] == "bundled/0.1"
    store.alias("default", "bundled/0.1")
    store.ensure_bundled([made.path])
    assert len(store.layout.install_log.read_text().splitlines()) == 1
