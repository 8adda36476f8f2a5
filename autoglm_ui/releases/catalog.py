"""What the store holds: installed releases, refs, and the ``latest`` ref kept up to date."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.releases.layout import StoreLayout, atomic_write_text
from autoglm_ui.releases.manifest import NAME_RE, Release, load_release

log = logging.getLogger(__name__)

LATEST = "latest"
DEFAULT = "default"


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order for versions: ``1.10`` after ``1.9``, ``0.2.0`` after ``0.2.0rc1``... roughly."""
    parts = [part for part in re.split(r"(\d+)", version) if part]
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts)


def newest(releases: list[Release]) -> Release:
    """The newest of ``releases`` (at least one): highest version, then latest ``created``."""
    return max(releases, key=lambda r: (version_key(r.version), r.created, r.name))


def scan(layout: StoreLayout) -> tuple[list[Release], list[tuple[Path, ModelFormatError]]]:
    """Installed releases sorted by name then version, and the folders whose manifest is unreadable."""
    found: list[Release] = []
    damaged: list[tuple[Path, ModelFormatError]] = []
    if not layout.releases.is_dir():
        return found, damaged
    for name_dir in sorted(layout.releases.iterdir()):
        if not name_dir.is_dir():
            continue
        for version_dir in sorted(name_dir.iterdir()):
            if not version_dir.is_dir():
                continue
            try:
                found.append(load_release(version_dir))
            except ModelFormatError as exc:
                damaged.append((version_dir, exc))
    found.sort(key=lambda r: (r.name, version_key(r.version)))
    return found, damaged


def installed(layout: StoreLayout) -> list[Release]:
    """Every readable installed release, sorted by name then version; damaged ones are logged."""
    found, damaged = scan(layout)
    for _, exc in damaged:
        log.warning("skipping a damaged release: %s", exc)
    return found


def read_refs(layout: StoreLayout) -> dict[str, str]:
    """Ref name -> ``name/version`` for every file in ``refs/``."""
    refs: dict[str, str] = {}
    if not layout.refs.is_dir():
        return refs
    for path in sorted(layout.refs.iterdir()):
        if path.is_file() and NAME_RE.fullmatch(path.name):
            refs[path.name] = path.read_text(encoding="utf-8").strip()
    return refs


def write_ref(layout: StoreLayout, ref: str, target: str) -> None:
    """Point ``ref`` at ``name/version`` atomically (callers hold the ``refs`` lock)."""
    atomic_write_text(layout.ref(ref), target + "\n")
    log.info("ref %s -> %s", ref, target)


def delete_ref(layout: StoreLayout, ref: str) -> None:
    path: Path = layout.ref(ref)
    if path.exists():
        path.unlink()
        log.info("ref %s deleted", ref)


def update_latest(layout: StoreLayout) -> None:
    """Point ``latest`` at the most recently created release, or delete it when none is left."""
    with layout.lock("refs"):
        releases = installed(layout)
        if not releases:
            delete_ref(layout, LATEST)
            return
        target = max(releases, key=lambda r: (r.created, version_key(r.version), r.name)).spec
        if read_refs(layout).get(LATEST) != target:
            write_ref(layout, LATEST, target)
