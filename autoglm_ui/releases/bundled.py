"""The releases shipped inside the package, under ``autoglm_ui/bundled/<name>-<version>/``."""

from __future__ import annotations

from pathlib import Path

from autoglm_ui.releases.manifest import MANIFEST

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "bundled"


def bundled_releases(base: Path | None = None) -> list[Path]:
    """Every folder under ``base`` (default: the package's ``bundled/``) that holds a ``release.json``."""
    base = BUNDLED_DIR if base is None else base
    if not base.is_dir():
        return []
    return sorted(path for path in base.iterdir() if (path / MANIFEST).is_file())
