"""Bring an install source (folder, ``.tar.gz``/``.zip``, ``http(s)://`` URL) into a staging folder."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from autoglm_ui.errors import ModelFormatError, ModelNotFoundError, StoreError
from autoglm_ui.releases.hashing import FileDigest, Progress, copy_hashing
from autoglm_ui.releases.manifest import MANIFEST, check_relpath, scan_files

log = logging.getLogger(__name__)

DOWNLOAD_TIMEOUT = 60.0
_SOURCES_HELP = "pass a release folder, a .tar.gz or .zip archive of one, or an http(s):// URL of an archive"


@dataclass(frozen=True)
class Staged:
    """A release folder written into the store's staging area, and the digest of each file written."""

    folder: Path
    digests: dict[str, FileDigest]
    origin: str


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def origin_of(source: str | Path) -> str:
    """How a source is written in logs and repair commands (URLs as given, paths made absolute)."""
    return str(source) if is_url(source) else str(Path(source).expanduser().absolute())


def stage(source: str | Path, staging: Path, progress: Progress | None = None) -> Staged:
    """Copy, extract or download ``source`` under ``staging``, hashing every file as it is written."""
    if is_url(source):
        archive = staging / "download"
        download(str(source), archive, progress)
        return _extract(archive, staging / "release", origin_of(source))
    path = Path(source).expanduser()
    if path.is_dir():
        return _copy_folder(path, staging / "release", progress)
    if path.is_file():
        return _extract(path, staging / "release", origin_of(source))
    raise ModelNotFoundError(f"{source}: no such file or folder; {_SOURCES_HELP}")


def _copy_folder(source: Path, dest: Path, progress: Progress | None) -> Staged:
    if not (source / MANIFEST).is_file():
        raise ModelFormatError(
            f"{source}: no {MANIFEST}, so this is not a release folder; "
            "write one with autoglm_ui.releases.write_manifest (or `autoglm-ui train`)"
        )
    rels = scan_files(source)
    total = sum((source / rel).stat().st_size for rel in rels)
    digests: dict[str, FileDigest] = {}
    done = 0
    for rel in [MANIFEST, *rels]:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(source / rel, "rb") as handle:
            digest = copy_hashing(handle, target, progress=progress, total=total, done=done)
        if rel != MANIFEST:
            digests[rel] = digest
            done += digest.size
    return Staged(dest, digests, origin_of(source))


def download(url: str, dest: Path, progress: Progress | None = None) -> FileDigest:
    """Download ``url`` to the new file ``dest``; a short or failed transfer raises StoreError."""
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "autoglm-ui"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            digest = copy_hashing(response, dest, progress=progress, total=total)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise ModelNotFoundError(f"{url}: HTTP 404 Not Found; check the URL") from None
        raise StoreError(f"download of {url} failed: HTTP {exc.code} {exc.reason}; retry later") from None
    except urllib.error.URLError as exc:
        raise StoreError(f"cannot download {url}: {exc.reason}; check the URL and the network") from None
    except (http.client.HTTPException, ConnectionError, TimeoutError) as exc:
        raise StoreError(
            f"download of {url} was interrupted ({type(exc).__name__}); nothing was installed, "
            f"retry: autoglm-ui models install {url}"
        ) from None
    if total is not None and digest.size != total:
        raise StoreError(
            f"download of {url} was cut short ({digest.size} of {total} bytes); nothing was installed, "
            f"retry: autoglm-ui models install {url}"
        )
    log.info("downloaded %s (%d bytes)", url, digest.size)
    return digest


def _archive_kind(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(512)
    if head.startswith(b"\x1f\x8b"):
        return "tar.gz"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    raise ModelFormatError(f"{path}: not a release folder, .tar.gz or .zip archive; {_SOURCES_HELP}")


def _member_path(name: str, archive: str) -> str:
    rel = name
    while rel.startswith("./"):
        rel = rel[2:]
    rel = rel.rstrip("/")
    return rel if rel == MANIFEST else check_relpath(rel, archive)


def _write_member(stream: IO[bytes], dest: Path, rel: str, archive: str) -> FileDigest:
    target = dest / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        return copy_hashing(stream, target)
    except FileExistsError:
        raise ModelFormatError(f"{archive}: {rel!r} appears twice; rebuild the archive") from None


def _extract(archive: Path, dest: Path, origin: str) -> Staged:
    import gzip
    import tarfile
    import zipfile
    import zlib

    kind = _archive_kind(archive)
    where = origin
    written: dict[str, FileDigest] = {}
    dest.mkdir(parents=True)
    try:
        if kind == "zip":
            with zipfile.ZipFile(archive) as zf:
                for info in zf.infolist():
                    if info.is_dir():
                        continue
                    if (info.external_attr >> 16) & 0o170000 == 0o120000:
                        raise ModelFormatError(
                            f"{where}: {info.filename!r} is a symlink; archive plain files only"
                        )
                    rel = _member_path(info.filename, where)
                    with zf.open(info) as stream:
                        written[rel] = _write_member(stream, dest, rel, where)
        else:
            with tarfile.open(archive, "r:gz" if kind == "tar.gz" else "r:") as tf:
                for member in tf:
                    if member.isdir():
                        continue
                    if not member.isfile():
                        raise ModelFormatError(
                            f"{where}: {member.name!r} is a link or device; archive plain files only"
                        )
                    rel = _member_path(member.name, where)
                    content = tf.extractfile(member)
                    assert content is not None  # regular files always have content
                    with content:
                        written[rel] = _write_member(content, dest, rel, where)
    except (tarfile.TarError, zipfile.BadZipFile, gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise ModelFormatError(
            f"{where}: corrupt or truncated archive ({exc}); download or rebuild it"
        ) from None
    return _find_release(dest, written, where)


def _find_release(dest: Path, written: dict[str, FileDigest], where: str) -> Staged:
    if MANIFEST in written:
        root = ""
    else:
        tops = {rel.split("/", 1)[0] for rel in written}
        if len(tops) != 1 or f"{next(iter(tops))}/{MANIFEST}" not in written:
            raise ModelFormatError(
                f"{where}: the archive must hold exactly one release folder with a {MANIFEST}; "
                "archive the folder written by `autoglm-ui train`"
            )
        root = next(iter(tops)) + "/"
    digests = {rel[len(root) :]: digest for rel, digest in written.items() if rel != f"{root}{MANIFEST}"}
    folder = dest / root if root else dest
    log.debug("extracted %s: %d files", where, len(digests))
    return Staged(Path(os.path.normpath(folder)), digests, where)
