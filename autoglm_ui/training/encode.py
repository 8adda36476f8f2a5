"""Dataset samples → training tensors (through the same processor inference uses), and the dev split."""

from __future__ import annotations

import io
import logging
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import torch
from PIL import Image

from autoglm_ui.dom_view import facets_for
from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.layers_autoglm import IGNORE_INDEX
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput, is_blank
from autoglm_ui.training.dataset import Dataset, Sample

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Encoded:
    """Tensors of a set of samples: uint8 pixels (clean and JPEG-degraded), fact ids, labels."""

    pixels: torch.Tensor  # uint8 N x 4 x H x W
    degraded: torch.Tensor  # uint8 N x 4 x H x W, RGB re-encoded as a low-quality JPEG
    ids: torch.Tensor  # long N x L
    mask: torch.Tensor  # bool N x L
    labels: dict[str, torch.Tensor]  # long N: 0 not applicable, 1.. values, IGNORE_INDEX unknown
    applies: dict[str, torch.Tensor]  # bool N: facet applies (dom_view.facets_for, authoritative)
    kinds: torch.Tensor  # long N
    samples: tuple[Sample, ...]
    #: per facet, N x values: a teacher's probabilities (distillation), else None
    soft: dict[str, torch.Tensor] | None = None

    def __len__(self) -> int:
        return len(self.samples)

    def subset(self, idx: Sequence[int] | torch.Tensor) -> Encoded:
        t = torch.as_tensor(idx, dtype=torch.long)
        return replace(
            self,
            pixels=self.pixels[t],
            degraded=self.degraded[t],
            ids=self.ids[t],
            mask=self.mask[t],
            labels={f: v[t] for f, v in self.labels.items()},
            applies={f: v[t] for f, v in self.applies.items()},
            kinds=self.kinds[t],
            samples=tuple(self.samples[i] for i in t.tolist()),
            soft=None if self.soft is None else {f: v[t] for f, v in self.soft.items()},
        )

    def to(self, device: torch.device | str) -> Encoded:
        return replace(
            self,
            pixels=self.pixels.to(device),
            degraded=self.degraded.to(device),
            ids=self.ids.to(device),
            mask=self.mask.to(device),
            labels={f: v.to(device) for f, v in self.labels.items()},
            applies={f: v.to(device) for f, v in self.applies.items()},
            kinds=self.kinds.to(device),
            soft=None if self.soft is None else {f: v.to(device) for f, v in self.soft.items()},
        )


def concat(parts: Sequence[Encoded]) -> Encoded:
    """One set of the samples of ``parts``, in order (a sample may appear more than once)."""
    if not parts:
        raise ValueError("concat needs at least one encoded set")
    first = parts[0]
    width = max(p.ids.shape[1] for p in parts)  # fact ids are padded to their set's longest row

    def pad(t: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.pad(t, (0, width - t.shape[1]))

    return Encoded(
        pixels=torch.cat([p.pixels for p in parts]),
        degraded=torch.cat([p.degraded for p in parts]),
        ids=torch.cat([pad(p.ids) for p in parts]),
        mask=torch.cat([pad(p.mask) for p in parts]),
        labels={f: torch.cat([p.labels[f] for p in parts]) for f in first.labels},
        applies={f: torch.cat([p.applies[f] for p in parts]) for f in first.applies},
        kinds=torch.cat([p.kinds for p in parts]),
        samples=tuple(s for p in parts for s in p.samples),
        soft=_concat_soft(parts),
    )


def _concat_soft(parts: Sequence[Encoded]) -> dict[str, torch.Tensor] | None:
    softs = [p.soft for p in parts]
    if all(s is None for s in softs):
        return None
    if any(s is None for s in softs):
        raise ValueError("concat: some sets carry a teacher's probabilities and some do not")
    first = softs[0]
    assert first is not None
    return {f: torch.cat([s[f] for s in softs if s is not None]) for f in first}


def crop_inputs(dataset: Dataset, samples: Sequence[Sample]) -> list[CropInput]:
    return [CropInput(dataset.image(s), tuple(s.crop_box)) for s in samples]  # type: ignore[arg-type]


def sample_tokens(
    processor: AutoGLMUIProcessor, crops: Sequence[CropInput], samples: Sequence[Sample]
) -> list[list[str]]:
    return [processor.tokens(s.facts, is_blank(c)) for c, s in zip(crops, samples, strict=True)]


def _degrade(pixels: np.ndarray, rng: random.Random) -> np.ndarray:
    out = pixels.copy()
    buf = io.BytesIO()
    Image.fromarray(pixels[..., :3]).save(buf, format="JPEG", quality=rng.randint(30, 70))
    out[..., :3] = np.asarray(Image.open(buf).convert("RGB"))
    return out


def encode(
    processor: AutoGLMUIProcessor,
    config: AutoGLMUIConfig,
    dataset: Dataset,
    samples: Sequence[Sample],
    crops: Sequence[CropInput] | None = None,
    seed: int = 0,
) -> Encoded:
    """Encode ``samples`` (crops read from ``dataset``) with ``processor``; labels per ``config``."""
    crops = list(crops) if crops is not None else crop_inputs(dataset, samples)
    rng = random.Random(seed)
    boxes = [processor.letterbox(c) for c in crops]
    h, w = processor.image_height, processor.image_width
    clean = np.stack(boxes) if boxes else np.zeros((0, h, w, 4), np.uint8)
    degraded = np.stack([_degrade(b, rng) for b in boxes]) if boxes else clean.copy()
    ids, mask = processor.encode_facts(sample_tokens(processor, crops, samples))
    labels: dict[str, torch.Tensor] = {}
    applies: dict[str, torch.Tensor] = {}
    app = [set(facets_for(s.facts)) for s in samples]
    for facet in config.facet_names:
        l2i = config.facet_label2id(facet)
        col = []
        for s in samples:
            v = s.labels.get(facet)
            col.append(0 if v is None else l2i.get(v, IGNORE_INDEX))
        labels[facet] = torch.tensor(col, dtype=torch.long)
        applies[facet] = torch.tensor([facet in a for a in app], dtype=torch.bool)
    kind_ids = {k: i for i, k in enumerate(config.kinds or ())}
    kinds = [kind_ids.get(s.kind, IGNORE_INDEX) for s in samples]
    return Encoded(
        pixels=torch.from_numpy(clean).permute(0, 3, 1, 2).contiguous(),
        degraded=torch.from_numpy(degraded).permute(0, 3, 1, 2).contiguous(),
        ids=ids,
        mask=mask,
        labels=labels,
        applies=applies,
        kinds=torch.tensor(kinds, dtype=torch.long),
        samples=tuple(samples),
    )


def split_dev(samples: Sequence[Sample], fraction: float, seed: int) -> tuple[list[int], list[int], str]:
    """(train indices, dev indices, unit): whole styles held out per source, else whole pages.

    Every source with at least two styles gives about ``fraction`` of its samples to dev, so the
    dev split spans every library while no style (theme × library) is seen in training.
    """
    if not 0.0 < fraction < 1.0:
        raise ValueError(f"dev fraction must be between 0 and 1, got {fraction!r}")
    rng = random.Random(seed)
    by_source: defaultdict[str, defaultdict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    units = set()
    for i, s in enumerate(samples):
        by_source[s.source][s.style].append(i)
    dev: list[int] = []
    for source in sorted(by_source):
        groups = by_source[source]
        unit = "style"
        if len(groups) < 2:  # one style: hold out whole pages of it instead
            groups = defaultdict(list)
            for i in next(iter(by_source[source].values())):
                groups[samples[i].page].append(i)
            unit = "page"
        if len(groups) < 2:
            continue
        names = sorted(groups)
        rng.shuffle(names)
        total = sum(len(v) for v in groups.values())
        taken, want = 0, fraction * total
        for name in names[:-1]:  # never the whole source
            size = len(groups[name])
            if taken >= want:
                break
            if taken and taken + size > 1.25 * want:  # would overshoot: try a smaller group
                continue
            dev += groups[name]
            taken += size
            units.add(unit)
    dev_set = set(dev)
    train = [i for i in range(len(samples)) if i not in dev_set]
    if not dev or not train:
        raise ValueError(
            "cannot hold out a dev split: the data has a single page; generate more pages or pass a "
            "separate dev dataset"
        )
    return train, sorted(dev), "+".join(sorted(units))


__all__ = ["Encoded", "concat", "crop_inputs", "encode", "sample_tokens", "split_dev"]
