"""SHA-256 of files and streams, computed while the bytes are read or written."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

CHUNK = 1 << 20

#: ``progress(done_bytes, total_bytes_or_None)``, called as bytes flow.
Progress = Callable[[int, "int | None"], None]


@dataclass(frozen=True)
class FileDigest:
    """Size in bytes and lowercase hex sha256 of some content."""

    size: int
    sha256: str


def hash_file(path: Path) -> FileDigest:
    """Hash the file at ``path``."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return FileDigest(size, digest.hexdigest())


def sha256_tag(path: Path) -> str:
    """``sha256:<hex>`` of the file at ``path`` (a manifest's ``config_hash``)."""
    return f"sha256:{hash_file(path).sha256}"


def copy_hashing(
    source: IO[bytes],
    dest: Path,
    *,
    progress: Progress | None = None,
    total: int | None = None,
    done: int = 0,
) -> FileDigest:
    """Write ``source`` to the new file ``dest`` (which must not exist), hashing every byte written.

    The file is flushed and fsynced before returning, so a rename afterwards publishes whole content.
    """
    digest = hashlib.sha256()
    size = 0
    with open(dest, "xb") as out:
        while chunk := source.read(CHUNK):
            out.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            if progress is not None:
                progress(done + size, total)
        out.flush()
        os.fsync(out.fileno())
    return FileDigest(size, digest.hexdigest())


def mismatch_line(path: str, expected: str, got: str | None) -> str:
    """``path: expected X (sha256), got Y`` (or ``..., file is missing`` when ``got`` is None)."""
    if got is None:
        return f"{path}: expected {expected} (sha256), file is missing"
    return f"{path}: expected {expected} (sha256), got {got}"
