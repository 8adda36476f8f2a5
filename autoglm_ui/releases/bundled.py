"""The releases shipped inside the package, under ``autoglm_ui/bundled/<name>-<version>/``."""

from __future__ import annotations

from pathlib import Path

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.releases.manifest import MANIFEST, read_manifest

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "bundled"


def bundled_releases(base: Path | None = None) -> list[Path]:
    """Every folder under ``base`` (default: the package's ``bundled/``) that holds a ``release.json``,
    newest version first (the default release of a new store leads)."""
    from autoglm_ui.releases.catalog import version_key

    base = BUNDLED_DIR if base is None else base
    if not base.is_dir():
        return []
    folders = [path for path in base.iterdir() if (path / MANIFEST).is_file()]

    def key(path: Path) -> tuple[object, ...]:
        try:
            version = str(read_manifest(path)["version"])
        except ModelFormatError:  # unreadable: sorts last; installing it says why
            version = ""
        return (version_key(version), path.name)

    return sorted(folders, key=key, reverse=True)
