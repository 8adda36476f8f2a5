"""Installing from a folder, .tar.gz, .zip and URL; hashes checked as files are written; no half installs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autoglm_ui.errors import IntegrityError, ModelFormatError, ModelNotFoundError, StoreError
from autoglm_ui.releases import Store, verify_release

from .helpers import make_release, serve, snapshot, tar_gz, zip_folder


def _installed_once(store: Store, spec: str) -> None:
    release = store.resolve(spec)
    assert verify_release(release).ok
    for rel, entry in release.files.items():
        blob = store.layout.blob(entry["sha256"])
        assert blob.is_file()
        assert os.path.samefile(blob, release.path / rel), "release files are hard links to blobs"
    assert not any(store.layout.tmp.iterdir()), "staging folders are cleaned up"


def test_install_from_folder(store: Store, src: Path) -> None:
    made = make_release(src, "tiny", "1.0")
    report = store.install_report(made.path)
    assert report.installed
    assert report.release.digest == made.digest
    assert report.release.path == store.root / "releases" / "tiny" / "1.0"
    _installed_once(store, "tiny/1.0")
    assert store.refs() == {"latest": "tiny/1.0"}
    again = store.install_report(made.path)
    assert not again.installed and again.release.digest == made.digest
    assert len(store.layout.install_log.read_text().splitlines()) == 1


@pytest.mark.parametrize("pack", [tar_gz, zip_folder], ids=["tar.gz", "zip"])
def test_install_from_archive(store: Store, src: Path, pack: object) -> None:
    made = make_release(src)
    archive = pack(made.path, src / "tiny.archive")  # type: ignore[operator]
    release = store.install(archive)
    assert release.digest == made.digest
    _installed_once(store, "tiny")


def test_install_from_url_with_required_digest(store: Store, src: Path) -> None:
    made = make_release(src)
    tar_gz(made.path, src / "tiny.tar.gz")
    seen: list[tuple[int, int | None]] = []
    with serve(src) as url:
        release = store.install(
            f"{url}/tiny.tar.gz@sha256:{made.digest[:12]}", progress=lambda d, t: seen.append((d, t))
        )
    assert release.digest == made.digest
    assert seen and seen[-1][0] == seen[-1][1] == (src / "tiny.tar.gz").stat().st_size
    _installed_once(store, f"tiny/1.0@sha256:{made.digest}")


def test_wrong_digest_on_download_installs_nothing(store: Store, src: Path) -> None:
    made = make_release(src)
    tar_gz(made.path, src / "tiny.tar.gz")
    wrong = "0" * 64
    with serve(src) as url, pytest.raises(IntegrityError) as info:
        store.install(f"{url}/tiny.tar.gz@sha256:{wrong}")
    assert f"release digest is sha256:{made.digest}, expected sha256:{wrong}" in str(info.value)
    assert snapshot(store.root) == {}
    with pytest.raises(IntegrityError):
        store.install(made.path, expected_digest="sha256:" + wrong)
    assert snapshot(store.root) == {}


def test_interrupted_download_leaves_no_trace(store: Store, src: Path) -> None:
    make_release(src, "big", "1.0", seed=os.urandom(200_000))
    tar_gz(src / "big-1.0", src / "big.tar.gz")
    with serve(src) as url, pytest.raises(StoreError, match=r"interrupted|cut short") as info:
        store.install(f"{url}/cut/big.tar.gz")
    assert "retry: autoglm-ui models install" in str(info.value)
    assert snapshot(store.root) == {}
    assert not any(store.layout.tmp.iterdir())
    with serve(src) as url, pytest.raises(ModelNotFoundError, match="404"):
        store.install(f"{url}/missing.tar.gz")


def test_a_file_that_does_not_match_its_manifest_aborts(store: Store, src: Path) -> None:
    good = make_release(src, "tiny", "1.0")
    store.install(good.path)
    before = snapshot(store.root)
    bad = make_release(src, "tiny", "2.0")
    weights = bad.path / "model.safetensors"
    expected = bad.files["model.safetensors"]["sha256"]
    weights.write_bytes(b"tampered" + weights.read_bytes()[8:])
    got = hashlib.sha256(weights.read_bytes()).hexdigest()
    with pytest.raises(IntegrityError) as info:
        store.install(bad.path)
    assert f"{weights}: expected {expected} (sha256), got {got}" in str(info.value)
    assert snapshot(store.root) == before, "the store is left exactly as it was"


def test_files_missing_from_the_manifest_are_refused(store: Store, src: Path) -> None:
    made = make_release(src)
    (made.path / "stray.bin").write_bytes(b"x")
    with pytest.raises(ModelFormatError, match=r"stray\.bin: not listed in release\.json"):
        store.install(made.path)
    with pytest.raises(ModelNotFoundError, match="no such file or folder"):
        store.install(src / "nowhere")


def test_same_version_with_other_content_needs_force(store: Store, src: Path) -> None:
    (src / "a").mkdir()
    (src / "b").mkdir()
    store.install(make_release(src / "a").path)
    other = make_release(src / "b")
    with pytest.raises(StoreError, match=r"releases are immutable.*--force"):
        store.install(other.path)
    assert store.install(other.path, force=True).digest == other.digest
    assert verify_release(store.resolve("tiny/1.0")).ok


def test_a_damaged_blob_is_not_reused_by_a_new_install(store: Store, src: Path) -> None:
    payload = os.urandom(2048)
    first = make_release(src, "tiny", "1.0", seed=payload)
    store.install(first.path)
    blob = store.layout.blob(first.files["model.safetensors"]["sha256"])
    blob.chmod(0o644)
    blob.write_bytes(b"\0" + blob.read_bytes()[1:])
    second = store.install(make_release(src, "tiny", "2.0", seed=payload).path)
    assert verify_release(second).ok


_WORKER = """
import sys, time
from pathlib import Path
from autoglm_ui.releases import Store
go = Path(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
releases = Store(Path(sys.argv[1])).ensure_bundled([Path(sys.argv[2])])
print(releases[0].digest)
"""


def test_concurrent_installs_end_with_one_good_copy(tmp_path: Path, src: Path) -> None:
    made = make_release(src, "tiny", "1.0", seed=os.urandom(300_000))
    root, go = tmp_path / "shared-home", tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(root), str(made.path), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    time.sleep(0.3)
    go.touch()
    outputs = [proc.communicate(timeout=60) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 4, outputs
    assert {out.strip() for out, _ in outputs} == {made.digest}
    store = Store(root)
    log_lines = store.layout.install_log.read_text().splitlines()
    assert len(log_lines) == 1, log_lines
    assert [r.spec for r in store.list()] == ["tiny/1.0"]
    assert store.refs() == {"default": "tiny/1.0", "latest": "tiny/1.0"}
    assert sorted(p.name for p in store.layout.blobs.iterdir()) == sorted(
        entry["sha256"] for entry in made.files.values()
    )
    _installed_once(store, "default")


def test_staging_left_by_a_killed_install_is_pruned(store: Store, src: Path) -> None:
    stale = store.layout.tmp / "12345-deadbeef"
    (stale / "release").mkdir(parents=True)
    (stale / "release" / "half.bin").write_bytes(b"x" * 10)
    old = time.time() - 2 * 24 * 3600
    os.utime(stale, (old, old))
    store.install(make_release(src).path)
    assert not stale.exists()
    assert [r.spec for r in store.list()] == ["tiny/1.0"]
