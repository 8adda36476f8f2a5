"""release.json: written by write_manifest, digested canonically, validated with one clear message."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.releases import FORMAT_VERSION, load_release, write_manifest
from autoglm_ui.releases.manifest import canonical_json, manifest_digest

from .helpers import make_release


def test_write_manifest_lists_every_file_with_size_and_sha256(src: Path) -> None:
    release = make_release(src, "tiny", "1.0", parent="tiny/0.9", metrics={"facet_accuracy": {"all": 0.9}})
    manifest = json.loads((release.path / "release.json").read_text())
    assert manifest["format"] == FORMAT_VERSION
    assert manifest["parent"] == "tiny/0.9"
    assert sorted(manifest["files"]) == ["config.json", "model.safetensors", "processor/vocab.txt"]
    weights = (release.path / "model.safetensors").read_bytes()
    assert manifest["files"]["model.safetensors"] == {
        "size": len(weights),
        "sha256": hashlib.sha256(weights).hexdigest(),
    }
    assert manifest["created"].endswith("Z")
    assert release.spec == "tiny/1.0"
    assert release.size == sum(entry["size"] for entry in manifest["files"].values())


def test_digest_is_sha256_of_canonical_json_and_covers_file_hashes(src: Path) -> None:
    release = make_release(src)
    manifest = json.loads((release.path / "release.json").read_text())
    canonical = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    assert canonical_json(manifest) == canonical
    assert release.digest == hashlib.sha256(canonical).hexdigest()
    assert load_release(release.path).digest == release.digest
    manifest["files"]["config.json"]["sha256"] = "0" * 64
    assert manifest_digest(manifest) != release.digest


def _corrupt(folder: Path, text: str) -> None:
    (folder / "release.json").write_text(text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: "{not json", "not valid JSON"),
        (lambda m: json.dumps({**m, "format": FORMAT_VERSION + 1}), "upgrade autoglm-ui"),
        (lambda m: json.dumps({k: v for k, v in m.items() if k != "files"}), "missing field 'files'"),
        (lambda m: json.dumps({**m, "name": "a/b"}), "invalid release name"),
        (lambda m: json.dumps({**m, "files": {"../x": {"size": 1, "sha256": "0" * 64}}}), "bad file path"),
        (lambda m: json.dumps({**m, "metrics": []}), "field 'metrics' must be dict"),
    ],
)
def test_malformed_manifests_are_refused_with_the_fix(src: Path, change: object, message: str) -> None:
    release = make_release(src)
    manifest = json.loads((release.path / "release.json").read_text())
    _corrupt(release.path, change(manifest))  # type: ignore[operator]
    with pytest.raises(ModelFormatError, match=message) as info:
        load_release(release.path)
    assert "\n" not in str(info.value)


def test_write_manifest_rejects_bad_names(src: Path) -> None:
    (src / "r").mkdir()
    with pytest.raises(ModelFormatError, match="invalid release version"):
        write_manifest(src / "r", "tiny", "1.0/evil")
