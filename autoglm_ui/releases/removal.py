"""Removing a release: a plan first (free to compute), then the deletion it describes."""

from __future__ import annotations

import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from autoglm_ui.releases.catalog import LATEST, delete_ref, installed, read_refs, update_latest
from autoglm_ui.releases.layout import StoreLayout, remove_tree, writing
from autoglm_ui.releases.manifest import Release

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RemovalPlan:
    """What removing ``release`` deletes, what points at it, and why it would be refused."""

    release: Release
    blobs: tuple[Path, ...]
    freed_bytes: int
    refs: tuple[str, ...]
    pinned_in: tuple[str, ...]
    blockers: tuple[str, ...]
    executed: bool = False

    @property
    def blocked(self) -> bool:
        """True when removal needs ``force``: the release is pinned or a ref other than latest names it."""
        return bool(self.blockers)


def _shared_blobs(layout: StoreLayout, release: Release) -> set[str]:
    shared: set[str] = set()
    for other in installed(layout):
        if other.spec != release.spec:
            shared.update(entry["sha256"] for entry in other.files.values())
    return shared


def plan_removal(layout: StoreLayout, release: Release, pinned_in: tuple[str, ...]) -> RemovalPlan:
    """Plan removing ``release``; ``pinned_in`` names the places (e.g. a pytest.ini) that pin it."""
    refs = tuple(ref for ref, target in read_refs(layout).items() if target == release.spec)
    shared = _shared_blobs(layout, release)
    blobs: list[Path] = []
    freed = 0
    for rel, entry in sorted(release.files.items()):
        blob = layout.blob(entry["sha256"])
        if entry["sha256"] not in shared and blob.exists() and blob not in blobs:
            blobs.append(blob)
            freed += blob.stat().st_size
        path = release.path / rel
        if path.exists() and path.stat().st_nlink == 1:  # a copy, not a link to the blob
            freed += path.stat().st_size
    blockers = [f"pinned in {where}" for where in pinned_in]
    blockers += [f"ref {ref!r} points at it" for ref in refs if ref != LATEST]
    return RemovalPlan(release, tuple(blobs), freed, refs, pinned_in, tuple(blockers))


def execute_removal(layout: StoreLayout, plan: RemovalPlan) -> RemovalPlan:
    """Delete the release folder (one rename makes it invisible), its refs and its unshared blobs."""
    release = plan.release
    with writing(layout.root), layout.staging() as staging:
        with layout.lock(f"release-{release.name}-{release.version}"):
            if release.path.exists():
                os.rename(release.path, staging / "removed")
        remove_tree(staging / "removed")
        with layout.lock("refs"):
            for ref in plan.refs:
                if read_refs(layout).get(ref) == release.spec:
                    delete_ref(layout, ref)
        shared = _shared_blobs(layout, release)
        for blob in plan.blobs:
            with layout.lock(f"blob-{blob.name}"):
                # Another release may have linked it since the plan was made: keep it then.
                if blob.exists() and blob.name not in shared and blob.stat().st_nlink == 1:
                    blob.unlink()
        update_latest(layout)
    log.info("removed %s", release.spec)
    return dataclasses.replace(plan, executed=True)
