"""Where the store keeps things, and the atomic, locked file operations it is built from."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from autoglm_ui.errors import AutoGLMUIError, StoreError

log = logging.getLogger(__name__)

ENV_HOME = "AUTOGLM_UI_HOME"
LOCK_TIMEOUT = 600.0
INSTALL_LOG = "install.log"
STALE_SECONDS = 24 * 3600


def default_root(env: Mapping[str, str] | None = None) -> Path:
    """``$AUTOGLM_UI_HOME``, else ``$XDG_CACHE_HOME/autoglm-ui``, else ``~/.cache/autoglm-ui``."""
    env = os.environ if env is None else env
    if env.get(ENV_HOME):
        return Path(env[ENV_HOME]).expanduser()
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]).expanduser() / "autoglm-ui"
    return Path.home() / ".cache" / "autoglm-ui"


@dataclass(frozen=True)
class StoreLayout:
    """``blobs/<sha256>``, ``releases/<name>/<version>/``, ``refs/<ref>``, ``locks/``, ``tmp/``."""

    root: Path

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def refs(self) -> Path:
        return self.root / "refs"

    @property
    def locks(self) -> Path:
        return self.root / "locks"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def install_log(self) -> Path:
        return self.root / INSTALL_LOG

    def blob(self, sha256: str) -> Path:
        return self.blobs / sha256

    def release_dir(self, name: str, version: str) -> Path:
        return self.releases / name / version

    def ref(self, ref: str) -> Path:
        return self.refs / ref

    @contextmanager
    def lock(self, key: str) -> Iterator[None]:
        """Hold the cross-process lock ``locks/<key>.lock`` (a release, a blob, or ``refs``)."""
        path = self.locks / f"{key}.lock"
        with writing(self.root):
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with FileLock(path, timeout=LOCK_TIMEOUT):
                yield
        except Timeout:
            raise StoreError(
                f"timed out after {LOCK_TIMEOUT:.0f}s waiting for {path}; if no other autoglm-ui "
                "process is running, delete that file and retry"
            ) from None

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """A fresh folder under ``tmp/`` (same filesystem as the store), removed on exit."""
        with writing(self.root):
            self.tmp.mkdir(parents=True, exist_ok=True)
            self._prune_stale()
            path = self.tmp / f"{os.getpid()}-{uuid.uuid4().hex}"
            path.mkdir()
        try:
            yield path
        finally:
            try:
                remove_tree(path)
            except OSError as exc:
                log.warning("could not remove staging folder %s (%s); delete it by hand", path, exc)

    def _prune_stale(self) -> None:
        """Delete staging folders left by killed installs (untouched for a day)."""
        cutoff = time.time() - STALE_SECONDS
        for entry in self.tmp.iterdir():
            try:
                if entry.stat().st_mtime < cutoff:
                    log.info("removing stale staging folder %s", entry)
                    remove_tree(entry)
            except OSError as exc:
                log.warning("could not remove stale staging folder %s (%s); delete it by hand", entry, exc)


@contextmanager
def writing(root: Path) -> Iterator[None]:
    """Turn an OSError from writing the store into a StoreError that says how to fix it."""
    try:
        yield
    except AutoGLMUIError:
        raise
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else root
        inside = where == root or root in where.parents
        if exc.errno == errno.ENOSPC:
            fix = "free some disk space or set AUTOGLM_UI_HOME to a larger disk"
        elif inside:
            fix = f"make {root} writable or set {ENV_HOME} to a writable folder"
        else:
            fix = "check that the source exists and is readable"
        what = "the model store" if inside else "the install source"
        raise StoreError(f"cannot use {what}: {where}: {exc.strerror or exc}; {fix}") from exc


def remove_tree(path: Path) -> None:
    """Delete ``path`` (a folder or a file) if it exists."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a uniquely named temp file and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def link_or_copy(blob: Path, dest: Path) -> None:
    """Hard-link ``dest`` to ``blob``; copy when the filesystem refuses links (never a symlink)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(blob, dest)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
            raise
        log.debug("cannot hard-link %s (%s); copying", blob, exc.strerror)
        shutil.copyfile(blob, dest)


def append_line(path: Path, line: str) -> None:
    """Append one line with a single ``O_APPEND`` write (whole lines even with concurrent writers)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, (line.rstrip("\n") + "\n").encode("utf-8"))
    finally:
        os.close(fd)
