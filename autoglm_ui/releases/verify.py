"""Check an installed release's files against the sha256 in its manifest."""

from __future__ import annotations

from dataclasses import dataclass

from autoglm_ui.releases.hashing import hash_file, mismatch_line
from autoglm_ui.releases.manifest import MANIFEST, Release, scan_files


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of hashing every file of one release; ``problems`` holds one line per file."""

    release: Release
    checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_release(release: Release) -> VerifyReport:
    """Hash every file of ``release``; report mismatches, missing files and files not in the manifest."""
    problems: list[str] = []
    files = release.files
    for rel, entry in sorted(files.items()):
        path = release.path / rel
        got = hash_file(path).sha256 if path.is_file() else None
        if got != entry["sha256"]:
            problems.append(mismatch_line(str(path), entry["sha256"], got))
    if release.path.is_dir():
        for rel in scan_files(release.path):
            if rel not in files:
                problems.append(f"{release.path / rel}: not listed in {MANIFEST} (releases are immutable)")
    return VerifyReport(release, len(files), tuple(problems))
