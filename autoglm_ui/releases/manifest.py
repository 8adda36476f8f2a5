"""The ``release.json`` format: validate, read, write and digest a release folder."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.releases.hashing import hash_file

log = logging.getLogger(__name__)

MANIFEST = "release.json"
FORMAT_VERSION = 1
#: names, versions and refs are single path components: letters, digits, ``. _ - +``.
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,127}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
_FIX = "re-create it with autoglm_ui.releases.write_manifest (or `autoglm-ui train`)"


@dataclass(frozen=True)
class Release:
    """One release folder: ``release.json`` plus the files it lists."""

    name: str
    version: str
    path: Path
    digest: str
    manifest: dict[str, Any] = field(compare=False, hash=False, repr=False)
    created: str
    size: int

    @classmethod
    def from_folder(cls, folder: Path) -> Release:
        """Read the release folder ``folder`` (manifest only; :func:`verify_release` checks hashes)."""
        return release_from_manifest(folder, read_manifest(folder))

    @property
    def spec(self) -> str:
        """``name/version``: how refs and ``list`` name this release."""
        return f"{self.name}/{self.version}"

    @property
    def pin(self) -> str:
        """``name/version@sha256:<digest>``: the exact release, as ``pin`` writes it."""
        return f"{self.spec}@sha256:{self.digest}"

    @property
    def files(self) -> dict[str, dict[str, Any]]:
        """Relative path -> ``{"size", "sha256"}`` for every file except ``release.json``."""
        files: dict[str, dict[str, Any]] = self.manifest["files"]
        return files


def canonical_json(manifest: Mapping[str, Any]) -> bytes:
    """The bytes a digest covers: sorted keys, compact separators, UTF-8."""
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def manifest_digest(manifest: Mapping[str, Any]) -> str:
    """The release digest: sha256 of the canonical ``release.json`` (it covers every file's hash)."""
    return hashlib.sha256(canonical_json(manifest)).hexdigest()


def check_name(value: str, what: str) -> str:
    """Return ``value`` if it is a valid name/version/ref, else raise ModelFormatError naming the rule."""
    if not NAME_RE.fullmatch(value):
        raise ModelFormatError(
            f"invalid {what} {value!r}: use letters, digits and '._+-' (no '/', '@' or spaces), "
            "starting with a letter or digit"
        )
    return value


def check_relpath(rel: str, where: str) -> str:
    """Reject absolute, escaping or non-normalised paths in a manifest's ``files`` table."""
    pure = PurePosixPath(rel)
    if (
        not rel
        or "\\" in rel
        or pure.is_absolute()
        or any(part in ("", ".", "..") for part in rel.split("/"))
        or rel == MANIFEST
    ):
        raise ModelFormatError(f"{where}: bad file path {rel!r} in 'files'; {_FIX}")
    return rel


def validate_manifest(data: Any, where: str) -> dict[str, Any]:
    """Check the fields of a parsed ``release.json``; ``where`` names it in error messages."""
    if not isinstance(data, dict):
        raise ModelFormatError(f"{where}: expected a JSON object; {_FIX}")
    fmt = data.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise ModelFormatError(f"{where}: 'format' must be an integer; {_FIX}")
    if fmt > FORMAT_VERSION:
        raise ModelFormatError(
            f"{where}: release format {fmt} is newer than this autoglm-ui reads ({FORMAT_VERSION}); "
            "upgrade autoglm-ui: pip install -U autoglm-ui"
        )
    if fmt < 1:
        raise ModelFormatError(f"{where}: unknown release format {fmt}; {_FIX}")
    for key, kinds in {
        "name": (str,),
        "version": (str,),
        "created": (str,),
        "parent": (str, type(None)),
        "config_hash": (str, type(None)),
        "data_fingerprint": (str, type(None)),
        "metrics": (dict,),
        "card": (dict,),
        "files": (dict,),
    }.items():
        if key not in data:
            raise ModelFormatError(f"{where}: missing field {key!r}; {_FIX}")
        if not isinstance(data[key], kinds):
            names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
            raise ModelFormatError(f"{where}: field {key!r} must be {names}; {_FIX}")
    try:
        check_name(data["name"], "release name")
        check_name(data["version"], "release version")
    except ModelFormatError as exc:
        raise ModelFormatError(f"{where}: {exc}") from None
    for rel, entry in data["files"].items():
        check_relpath(rel, where)
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("size"), int)
            or not isinstance(entry.get("sha256"), str)
            or not SHA256_RE.fullmatch(entry["sha256"])
        ):
            raise ModelFormatError(f"{where}: files[{rel!r}] needs an int 'size' and a hex 'sha256'; {_FIX}")
    return data


def read_manifest(folder: Path, where: str | None = None) -> dict[str, Any]:
    """Parse and validate ``folder/release.json``; ``where`` names the folder in messages if given."""
    path = folder / MANIFEST
    shown = f"{where}/{MANIFEST}" if where else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelFormatError(
            f"{where or folder}: no {MANIFEST}, so this is not a release folder; {_FIX}"
        ) from None
    except UnicodeDecodeError as exc:
        raise ModelFormatError(f"{shown}: not UTF-8 ({exc.reason}); {_FIX}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelFormatError(f"{shown}: not valid JSON ({exc.msg} at line {exc.lineno}); {_FIX}") from None
    return validate_manifest(data, shown)


def release_from_manifest(folder: Path, manifest: dict[str, Any]) -> Release:
    """Build a :class:`Release` for ``folder`` from its already validated manifest."""
    return Release(
        name=manifest["name"],
        version=manifest["version"],
        path=folder,
        digest=manifest_digest(manifest),
        manifest=manifest,
        created=manifest["created"],
        size=sum(int(entry["size"]) for entry in manifest["files"].values()),
    )


def load_release(folder: Path) -> Release:
    """Read the release folder at ``folder`` (its manifest only; file hashes are checked by verify)."""
    return release_from_manifest(folder, read_manifest(folder))


def scan_files(folder: Path) -> list[str]:
    """Relative POSIX paths of every regular file under ``folder`` except the top ``release.json``."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for filename in sorted(filenames):
            rel = (Path(dirpath) / filename).relative_to(folder).as_posix()
            if rel != MANIFEST:
                found.append(rel)
    return found


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a ``Z``, to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_manifest(
    folder: Path | str,
    name: str,
    version: str,
    parent: str | None = None,
    metrics: Mapping[str, Any] | None = None,
    card: Mapping[str, Any] | None = None,
    config_hash: str | None = None,
    data_fingerprint: str | None = None,
    created: str | None = None,
) -> Release:
    """Hash every file in ``folder`` and write its ``release.json``; return the finished release.

    Call this last, after every weight, config and processor file is in place: the manifest lists
    exactly the files present, and the release digest covers each file's sha256.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelFormatError(f"{folder}: not a folder; write the model files there first")
    files = {}
    for rel in scan_files(folder):
        check_relpath(rel, str(folder))
        digest = hash_file(folder / rel)
        files[rel] = {"size": digest.size, "sha256": digest.sha256}
    manifest: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "name": check_name(name, "release name"),
        "version": check_name(version, "release version"),
        "created": created or utc_now(),
        "parent": parent,
        "config_hash": config_hash,
        "data_fingerprint": data_fingerprint,
        "metrics": dict(metrics or {}),
        "card": dict(card or {}),
        "files": files,
    }
    # Round-trip so the digest is the one a reader of the file computes (tuples -> lists, ...).
    manifest = validate_manifest(json.loads(json.dumps(manifest)), str(folder / MANIFEST))
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    os.replace(tmp, folder / MANIFEST)
    log.info("wrote %s (%d files)", folder / MANIFEST, len(files))
    return release_from_manifest(folder, manifest)
