"""Build small release folders and archives, snapshot a store, serve files (incl. cut-off ones)."""

from __future__ import annotations

import functools
import os
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from autoglm_ui.releases import Release, write_manifest


def make_release(
    where: Path, name: str = "tiny", version: str = "1.0", *, seed: bytes | None = None, **fields: Any
) -> Release:
    """A release folder ``where/<name>-<version>`` with a few random files and its release.json."""
    folder = where / f"{name}-{version}"
    (folder / "processor").mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(seed or os.urandom(4096))
    (folder / "config.json").write_text('{"hidden_size": 32}\n')
    (folder / "processor" / "vocab.txt").write_text("a\nb\n")
    return write_manifest(folder, name, version, **fields)


def tar_gz(folder: Path, dest: Path) -> Path:
    with tarfile.open(dest, "w:gz") as tf:
        tf.add(folder, arcname=folder.name)
    return dest


def zip_folder(folder: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` except lock files, with its content (empty dirs are ignored)."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "locks" not in path.relative_to(root).parts
    }


class _Handler(SimpleHTTPRequestHandler):
    """Serves files; ``/cut/<file>`` promises the whole file but closes the connection half way."""

    def do_GET(self) -> None:
        if not self.path.startswith("/cut/"):
            super().do_GET()
            return
        data = (Path(self.directory) / self.path.removeprefix("/cut/")).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1; yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
