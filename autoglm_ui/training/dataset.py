"""The on-disk training dataset: ``dataset.json`` + ``samples.jsonl`` + ``crops/*.png``.

One sample is one control on one rendered page: its crop (cut by :meth:`Capture.crop`, the code
inference uses), the raw DOM facts from ``capture.js``, the perceived-state labels and where it
came from. Writers produce the same bytes for the same inputs, so a seed fixes a dataset.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from autoglm_ui.errors import DatasetError
from autoglm_ui.vocab import FACET_NAMES, FACETS, KINDS

FORMAT_VERSION = 1
MANIFEST = "dataset.json"
#: A facet that applies to the control but that its labels do not give (user records may be
#: partial): training ignores it rather than reading it as "not applicable".
UNLABELLED = "?"
SAMPLES = "samples.jsonl"


@dataclass(frozen=True)
class Sample:
    """One labelled control; ``labels`` holds every facet (``None`` where it does not apply)."""

    id: str
    page: str
    style: str  # style id, e.g. "bootstrap/dark/dsf2"
    source: str  # the library or own style family: "bootstrap", "bulma", ..., "own"
    kind: str
    category: str  # "standard" | "hard"
    labels: Mapping[str, str | None]
    facts: Mapping[str, Any] = field(repr=False)
    crop: str  # path relative to the dataset folder
    crop_box: tuple[float, float, float, float]  # the drawn box inside the crop, image px
    case: str | None = None  # the disagreement case for hard samples

    def validate(self) -> None:
        if self.kind not in KINDS:
            raise DatasetError(f"sample {self.id}: unknown kind {self.kind!r}")
        if self.category not in ("standard", "hard"):
            raise DatasetError(f"sample {self.id}: category must be standard or hard, got {self.category!r}")
        for facet in FACET_NAMES:
            if facet not in self.labels:
                raise DatasetError(f"sample {self.id}: label for facet {facet!r} missing (use null)")
            value = self.labels[facet]
            if value is not None and value != UNLABELLED and value not in FACETS[facet]:
                raise DatasetError(
                    f"sample {self.id}: {facet}={value!r} is not one of {', '.join(FACETS[facet])}"
                )

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["labels"] = dict(self.labels)
        d["facts"] = dict(self.facts)
        d["crop_box"] = list(self.crop_box)
        return d

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Sample:
        try:
            return cls(
                id=d["id"], page=d["page"], style=d["style"], source=d["source"], kind=d["kind"],
                category=d["category"], labels=dict(d["labels"]), facts=d["facts"], crop=d["crop"],
                crop_box=tuple(d["crop_box"]), case=d.get("case"),
            )
        except (KeyError, TypeError) as exc:
            raise DatasetError(f"malformed sample record ({exc}): {str(d)[:200]}") from exc


class DatasetWriter:
    """Writes samples and their crops; :meth:`close` writes the manifest with the fingerprint."""

    def __init__(self, root: Path, meta: Mapping[str, Any] | None = None) -> None:
        self.root = Path(root)
        (self.root / "crops").mkdir(parents=True, exist_ok=True)
        self.meta = dict(meta or {})
        self._lines: list[str] = []
        self.count = 0

    def add(self, sample: Sample, crop: Image.Image) -> None:
        sample.validate()
        crop.save(self.root / sample.crop, format="PNG", optimize=False, compress_level=1)
        self._lines.append(json.dumps(sample.to_json(), sort_keys=True, separators=(",", ":")))
        self.count += 1

    def close(self) -> Path:
        body = "\n".join(self._lines) + ("\n" if self._lines else "")
        tmp = self.root / (SAMPLES + ".tmp")
        tmp.write_text(body, encoding="utf-8")
        os.replace(tmp, self.root / SAMPLES)
        manifest = {
            "format": FORMAT_VERSION,
            "samples": self.count,
            "fingerprint": "sha256:" + hashlib.sha256(body.encode()).hexdigest(),
            **self.meta,
        }
        (self.root / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        return self.root


@dataclass(frozen=True)
class Dataset:
    """A dataset folder read back: its manifest and its samples."""

    root: Path
    manifest: Mapping[str, Any]
    samples: tuple[Sample, ...]

    @classmethod
    def load(cls, root: Path | str) -> Dataset:
        root = Path(root)
        mpath = root / MANIFEST
        if not mpath.is_file():
            raise DatasetError(
                f"{root} is not a dataset (no {MANIFEST}); build one with "
                f"`autoglm-ui data build --out {root}`"
            )
        try:
            manifest = json.loads(mpath.read_text())
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{mpath}: not valid JSON ({exc}); rebuild the dataset") from exc
        if int(manifest.get("format", 0)) > FORMAT_VERSION:
            raise DatasetError(
                f"{root} has dataset format {manifest['format']}, newer than this autoglm-ui "
                f"reads ({FORMAT_VERSION}); upgrade autoglm-ui"
            )
        samples = tuple(cls._read(root / SAMPLES))
        return cls(root, manifest, samples)

    @staticmethod
    def _read(path: Path) -> Iterator[Sample]:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DatasetError(f"{path}:{n}: not valid JSON ({exc})") from exc
                yield Sample.from_json(d)

    def without_sources(self, sources: Sequence[str]) -> Dataset:
        """This dataset minus every sample drawn by one of ``sources`` (unknown names are an error)."""
        if not sources:
            return self
        known = {s.source for s in self.samples}
        unknown = sorted(set(sources) - known)
        if unknown:
            raise DatasetError(
                f"{self.root} has no samples from {', '.join(unknown)}; its sources are "
                f"{', '.join(sorted(known))}"
            )
        left = tuple(s for s in self.samples if s.source not in set(sources))
        manifest = {
            **self.manifest,
            "samples": len(left),
            "fingerprint": f"{self.fingerprint} without {','.join(sorted(sources))}",
        }
        return Dataset(self.root, manifest, left)

    @property
    def fingerprint(self) -> str:
        return str(self.manifest.get("fingerprint", ""))

    def image(self, sample: Sample) -> Image.Image:
        with Image.open(self.root / sample.crop) as im:
            return im.convert("RGB")

    def __len__(self) -> int:
        return len(self.samples)
