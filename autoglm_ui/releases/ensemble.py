"""``combine``: several trained model folders of one label set → one ensemble release folder.

The folder holds ``members/0..K-1`` (each a complete model folder with its own processor) and
``ensemble.json``; ``autoglm_ui.inference.load_model`` averages the members' calibrated
probabilities. Written into a temporary sibling and renamed: all or nothing.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.releases.manifest import MANIFEST, Release, scan_files, write_manifest

log = logging.getLogger(__name__)


def _check_one_label_set(folder: Path, members: Sequence[str]) -> None:
    """The members' configurations name the same facets, values and kinds (read, not loaded)."""
    from autoglm_ui.modeling.files import CONFIG_FILE, read_release_json

    def labels(member: str) -> tuple[object, object]:
        config = read_release_json(folder / member / CONFIG_FILE)
        return config.get("facet_values"), config.get("kinds")

    first = labels(members[0])
    for member in members[1:]:
        if labels(member) != first:
            raise ModelFormatError(f"{member} has other facets, values or kinds than {members[0]};"
                                   " combine models trained for one label set")


def combine(sources: Sequence[Path], out: Path, *, name: str, version: str) -> Release:
    """Write the ensemble release of the model folders ``sources`` at ``out`` (must not exist)."""
    from autoglm_ui.modeling.files import ENSEMBLE_FILE, read_release_json

    if len(sources) < 2:
        raise ModelFormatError("an ensemble needs at least two model folders")
    if out.exists():
        raise FileExistsError(f"{out} already exists; releases are immutable: choose another --out")
    cards = []
    for src in sources:
        if (src / ENSEMBLE_FILE).exists():
            raise ModelFormatError(f"{src} is an ensemble already; combine its members instead")
        manifest = src / MANIFEST
        info = read_release_json(manifest) if manifest.is_file() else {}
        cards.append({"release": f"{info.get('name', src.name)}@{info.get('version', '?')}",
                      "seed": (info.get("card") or {}).get("training", {}).get("seed")})
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        names = []
        for i, src in enumerate(sources):
            dest = tmp / "members" / str(i)
            for rel in scan_files(src):  # the member's files, not its own release.json
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src / rel, dest / rel)
            names.append(f"members/{i}")
        (tmp / ENSEMBLE_FILE).write_text(json.dumps({"members": names}, indent=2) + "\n", "utf-8")
        _check_one_label_set(tmp, names)
        card = {"ensemble": {"combine": "mean of calibrated probabilities",
                             "members": [{"folder": n, **c} for n, c in zip(names, cards, strict=True)]}}
        release = write_manifest(tmp, name, version, card=card)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("wrote ensemble %s of %d members", out, len(sources))
    return release


__all__ = ["combine"]
