"""Install a release into the store: stage, check every hash, link blobs, publish with one rename."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoglm_ui.errors import IntegrityError, ModelFormatError, StoreError
from autoglm_ui.releases.catalog import update_latest
from autoglm_ui.releases.hashing import FileDigest, Progress, hash_file, mismatch_line
from autoglm_ui.releases.layout import StoreLayout, append_line, link_or_copy, writing
from autoglm_ui.releases.manifest import (
    MANIFEST,
    Release,
    load_release,
    manifest_digest,
    read_manifest,
    release_from_manifest,
    utc_now,
)
from autoglm_ui.releases.sources import is_url, origin_of, stage
from autoglm_ui.releases.spec import DIGEST_SEP, split_digest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InstallReport:
    """The installed release, and whether this call installed it (False: it was already there)."""

    release: Release
    installed: bool
    origin: str


def _check_files(manifest: dict[str, Any], digests: dict[str, FileDigest], origin: str) -> None:
    files: dict[str, dict[str, Any]] = manifest["files"]
    problems = [
        mismatch_line(f"{origin}/{rel}", entry["sha256"], digests[rel].sha256 if rel in digests else None)
        for rel, entry in sorted(files.items())
        if rel not in digests or digests[rel].sha256 != entry["sha256"]
    ]
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise IntegrityError(f"{problems[0]}{more}; the source is damaged: download or rebuild it")
    extra = sorted(set(digests) - set(files))
    if extra:
        raise ModelFormatError(
            f"{origin}/{extra[0]}: not listed in {MANIFEST}; re-run write_manifest on the folder "
            "(or `autoglm-ui train`) so the manifest covers every file"
        )


def _split_source(source: str | Path) -> tuple[str | Path, str | None]:
    if isinstance(source, str) and DIGEST_SEP in source:
        return split_digest(source)
    return source, None


def _normalise_digest(digest: str) -> str:
    text = digest if digest.startswith(DIGEST_SEP) else DIGEST_SEP + digest.removeprefix("sha256:")
    return split_digest(text)[1] or ""


def install_release(
    layout: StoreLayout,
    source: str | Path,
    *,
    expected_digest: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> InstallReport:
    """Install ``source`` (folder, archive, URL, optionally ``...@sha256:<digest>``) into ``layout``.

    Nothing becomes visible in ``releases/`` unless every file matched its manifest hash; the
    release folder appears with a single rename. ``force`` replaces an installed release of the
    same name/version (repairing damaged blobs).
    """
    source, suffix_digest = _split_source(source)
    wanted = [d for d in (suffix_digest, expected_digest and _normalise_digest(expected_digest)) if d]
    with writing(layout.root), layout.staging() as staging:
        staged = stage(source, staging, progress)
        origin = staged.origin
        manifest = read_manifest(staged.folder, where=origin)
        digest = manifest_digest(manifest)
        for want in wanted:
            if not digest.startswith(want):
                raise IntegrityError(
                    f"{origin}: release digest is sha256:{digest}, expected sha256:{want}; this is not "
                    "the release you asked for: check the source, or update the digest you pinned"
                )
        _check_files(manifest, staged.digests, origin)
        name, version = manifest["name"], manifest["version"]
        with layout.lock(f"release-{name}-{version}"):
            target = layout.release_dir(name, version)
            if target.exists() and not force:
                existing = _existing(target, origin)
                if existing.digest == digest:
                    log.info("%s is already installed", existing.spec)
                    return InstallReport(existing, False, origin)
                raise StoreError(
                    f"{name}/{version} is already installed with digest sha256:{existing.digest[:12]}, "
                    f"not sha256:{digest[:12]}; releases are immutable: give the new one another version, "
                    f"or replace it with: autoglm-ui models install --force {origin}"
                )
            build = staging / "build"
            _link_blobs(layout, manifest, staged.folder, build, force)
            shutil.copyfile(staged.folder / MANIFEST, build / MANIFEST)
            os.chmod(build / MANIFEST, 0o444)
            target.parent.mkdir(parents=True, exist_ok=True)
            _publish(build, target, staging / "replaced")
            append_line(
                layout.install_log, "\t".join([utc_now(), "install", f"{name}/{version}", digest, origin])
            )
            log.info("installed %s/%s (sha256:%s) from %s", name, version, digest[:12], origin)
        update_latest(layout)
        return InstallReport(release_from_manifest(target, manifest), True, origin)


def _publish(build: Path, target: Path, parking: Path) -> None:
    """Rename ``build`` to ``target``; an existing ``target`` is parked first and restored on failure."""
    replacing = target.exists()
    if replacing:
        os.rename(target, parking)
    try:
        os.rename(build, target)
    except OSError:
        if replacing:
            os.rename(parking, target)
        raise


def _existing(target: Path, origin: str) -> Release:
    try:
        return load_release(target)
    except ModelFormatError as exc:
        raise StoreError(
            f"{exc}; replace the damaged release: autoglm-ui models install --force {origin}"
        ) from None


def _link_blobs(
    layout: StoreLayout, manifest: dict[str, Any], staged: Path, build: Path, force: bool
) -> None:
    """Move each staged file to ``blobs/<sha256>`` (unless there) and hard-link it into ``build``.

    An existing blob is re-hashed before it is reused, so a damaged blob never enters a new release.
    The link is made under the blob's lock, so a concurrent ``remove`` never deletes a blob between
    our check and our link.
    """
    build.mkdir()
    layout.blobs.mkdir(parents=True, exist_ok=True)
    for rel, entry in sorted(manifest["files"].items()):
        sha = entry["sha256"]
        with layout.lock(f"blob-{sha}"):
            blob = layout.blob(sha)
            src = staged / rel
            replace = force or not blob.exists()
            if not replace and hash_file(blob).sha256 != sha:
                log.warning("blob %s was damaged; replacing it with the verified copy being installed", blob)
                replace = True
            if replace and src.exists():
                os.chmod(src, 0o444)
                os.replace(src, blob)
            link_or_copy(blob, build / rel)


def last_origin(layout: StoreLayout, spec: str) -> str | None:
    """The source ``spec`` (``name/version``) was last installed from, per ``install.log``."""
    origin = None
    try:
        lines = layout.install_log.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        fields = line.split("\t")
        if len(fields) == 5 and fields[1] == "install" and fields[2] == spec:
            origin = fields[4]
    if origin and not is_url(origin) and not Path(origin).exists():
        return None
    return origin_of(origin) if origin else None
