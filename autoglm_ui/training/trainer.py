"""Train a control-state model on a generated dataset and write it as a release folder.

``train()`` = load data → hold out whole styles for dev → build the fact vocabulary from the
training split → :func:`fit` (AdamW, class-balanced loss, augmentation, early stopping on dev) →
temperature scaling on dev → metrics (with the DOM-only baseline) and CPU latency → the release
folder, written all or nothing by :func:`autoglm_ui.training.release_files.write_release`.
"""

from __future__ import annotations

import copy
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import torch

from autoglm_ui.errors import DatasetError
from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput
from autoglm_ui.training.dataset import Dataset, Sample
from autoglm_ui.training.encode import Encoded, concat, crop_inputs, encode, sample_tokens, split_dev
from autoglm_ui.training.fit import FitResult, fit
from autoglm_ui.training.latency import measure_latency
from autoglm_ui.training.metrics import calibrate, predict_logits, score
from autoglm_ui.training.release_files import write_release

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainResult:
    """What a training run produced: the release folder and its headline figures."""

    out_dir: Path
    metrics: Mapping[str, Any] = field(repr=False)
    dev_accuracy: float
    best_epoch: int
    epochs_run: int
    seconds: float
    device: str
    release: str | None  # "name@version" when release.json was written
    quantized: Any = None  # a QuantizeReport when --quantize ran


@dataclass(frozen=True)
class Prepared:
    """Encoded train/dev splits and the processor built from the training split."""

    config: AutoGLMUIConfig
    processor: AutoGLMUIProcessor
    train: Encoded
    dev: Encoded
    split: str
    fingerprint: str


def resolve_device(device: str | None) -> torch.device:
    if device in (None, "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cuda" and not torch.cuda.is_available():
        raise ValueError("device 'cuda' requested but torch sees no CUDA GPU; use --device cpu or auto")
    if device not in ("cpu", "cuda"):
        raise ValueError(f"device must be auto, cpu or cuda, got {device!r}")
    return torch.device(device)


def make_config(
    config: str | AutoGLMUIConfig, overrides: Mapping[str, Any] | None = None, **fixed: Any
) -> AutoGLMUIConfig:
    if isinstance(config, AutoGLMUIConfig):
        base = config.to_dict()
        for key in ("model_type", "transformers_version", "architectures", "id2label", "label2id"):
            base.pop(key, None)
        return AutoGLMUIConfig(**{**base, **dict(overrides or {}), **fixed})
    return AutoGLMUIConfig.preset(config, **{**dict(overrides or {}), **fixed})


def prepare(
    data_dir: Path | str,
    config: str | AutoGLMUIConfig = "small",
    *,
    seed: int = 0,
    dev_fraction: float = 0.15,
    dev_dir: Path | str | None = None,
    overrides: Mapping[str, Any] | None = None,
    exclude_sources: Sequence[str] = (),
    teacher: Path | str | None = None,
) -> Prepared:
    """Load, split and encode the data; the vocabulary comes from the training split only.

    ``exclude_sources`` drops whole libraries (``bootstrap``, ``own``...) from training and dev,
    for leave-one-library-out runs. ``teacher``: a release whose probabilities the training split
    also carries (``Encoded.soft``, :mod:`autoglm_ui.training.distil`).
    """
    data = Dataset.load(data_dir).without_sources(exclude_sources)
    if len(data) == 0:
        raise DatasetError(
            f"{data_dir} holds no samples"
            + (f" once {', '.join(exclude_sources)} is left out" if exclude_sources else "")
            + "; generate a dataset first"
        )
    if dev_dir is not None:
        dev_all = Dataset.load(dev_dir)
        in_dev = {x.source for x in dev_all.samples}
        dev_data = dev_all.without_sources([s for s in exclude_sources if s in in_dev])
        train_samples, dev_samples, unit = list(data.samples), list(dev_data.samples), "dataset"
    else:
        dev_data = data
        tr, dv, unit = split_dev(data.samples, dev_fraction, seed)
        train_samples = [data.samples[i] for i in tr]
        dev_samples = [data.samples[i] for i in dv]
    cfg = make_config(config, overrides)
    train_crops = crop_inputs(data, train_samples)
    dev_crops = crop_inputs(dev_data, dev_samples)
    blank = AutoGLMUIProcessor(None, cfg.image_height, cfg.image_width, cfg.max_fact_tokens)  # type: ignore[arg-type]
    tokens = sample_tokens(blank, train_crops, train_samples)
    processor = AutoGLMUIProcessor.build(
        tokens,
        [s.source for s in train_samples],
        image_height=cfg.image_height,
        image_width=cfg.image_width,
        max_fact_tokens=cfg.max_fact_tokens,
    )
    cfg = make_config(cfg, vocab_size=len(processor.tokenizer))
    train_enc = encode(processor, cfg, data, train_samples, train_crops, seed=seed)
    if teacher is not None:
        train_enc = replace(train_enc, soft=_taught(teacher, cfg, train_crops, train_samples))
    dev_enc = encode(processor, cfg, dev_data, dev_samples, dev_crops, seed=seed + 1)
    fingerprint = data.fingerprint if dev_dir is None else f"{data.fingerprint}+{dev_data.fingerprint}"
    log.info(
        "train %d samples, dev %d (held out by %s), vocabulary %d",
        len(train_enc),
        len(dev_enc),
        unit,
        len(processor.tokenizer),
    )
    return Prepared(cfg, processor, train_enc, dev_enc, unit, fingerprint)


def _taught(
    teacher: Path | str, config: AutoGLMUIConfig, crops: Sequence[CropInput], samples: Sequence[Sample]
) -> dict[str, torch.Tensor]:
    """The teacher's probabilities for ``samples``; an error when it answers another label set."""
    from autoglm_ui.training.distil import teacher_probabilities

    soft = teacher_probabilities(teacher, crops, samples)
    for facet, probs in soft.items():
        if probs.shape[1] != config.num_facet_labels(facet) - 1:
            raise DatasetError(
                f"teacher {teacher} answers {facet} with {probs.shape[1]} values, this model with "
                f"{config.num_facet_labels(facet) - 1}: distil from a release of the same label set"
            )
    return soft


def with_standard_repeated(train: Encoded, repeat: int) -> Encoded:
    """``train`` with its standard samples (DOM and pixels agree) ``repeat`` times in all.

    The generator draws disagreements on about half of its controls, far more often than real
    pages have them; repeating the agreeing ones moves the prior the model learns toward trusting
    the DOM unless the pixels clearly say otherwise.
    """
    if repeat < 1:
        raise ValueError(f"standard_repeat must be at least 1, got {repeat}")
    if repeat == 1:
        return train
    standard = [i for i, s in enumerate(train.samples) if s.category == "standard"]
    if not standard:
        return train
    return concat([train, *([train.subset(standard)] * (repeat - 1))])


def class_token_mask(processor: AutoGLMUIProcessor) -> torch.Tensor:
    """True for every vocabulary id that is a class-name word piece (``c:``, ``d:``, ``p:``)."""
    from autoglm_ui.modeling.facts_autoglm import CLASS_PREFIXES

    prefixes = tuple(CLASS_PREFIXES.values())
    return torch.tensor([t.startswith(prefixes) for t in processor.tokenizer.tokens], dtype=torch.bool)


def kind_token_mask(processor: AutoGLMUIProcessor) -> torch.Tensor:
    """True for every vocabulary id that names a control's kind (``kind=…``)."""
    return torch.tensor([t.startswith("kind=") for t in processor.tokenizer.tokens], dtype=torch.bool)


def set_threads(threads: int | None) -> int:
    """Training threads: 1 on machines of two cores or fewer (measured: on a busy 2-core host two
    spinning OpenMP threads cost ~25x the CPU time per step), else up to 4."""
    cores = os.cpu_count() or 1
    n = threads or (1 if cores <= 2 else min(4, cores - 1))
    torch.set_num_threads(n)
    return n


def train(
    data_dir: Path | str,
    out_dir: Path | str,
    config: str | AutoGLMUIConfig = "small",
    epochs: int | None = None,
    seed: int = 0,
    device: str | None = None,
    dev_fraction: float = 0.15,
    dev_dir: Path | str | None = None,
    progress: bool = True,
    threads: int | None = None,
    quantize: str | None = None,
    name: str | None = None,
    version: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
    exclude_sources: Sequence[str] = (),
    standard_repeat: int = 1,
    teacher: Path | str | None = None,
    distil_weight: float = 0.5,
) -> TrainResult:
    """Train a model on ``data_dir`` and write a release folder at ``out_dir`` (must not exist yet).

    ``config``: a preset name or a config; ``extra`` is merged into ``metrics.json`` (the search
    report, for instance). ``quantize="int8"`` also measures and maybe writes ``<out>-int8``.
    ``teacher``: a release (an ensemble, typically) whose calibrated probabilities the model also
    learns, at ``distil_weight`` of the loss (:mod:`autoglm_ui.training.distil`).
    """
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(
            f"{out} already exists and is not empty; releases are immutable: choose "
            "another --out or delete it"
        )
    started = time.perf_counter()
    dev = resolve_device(device)
    n_threads = set_threads(threads)
    prep = prepare(
        data_dir,
        config,
        seed=seed,
        dev_fraction=dev_fraction,
        dev_dir=dev_dir,
        overrides=overrides,
        exclude_sources=exclude_sources,
        teacher=teacher,
    )
    train_set = with_standard_repeated(prep.train, standard_repeat)
    result = fit(
        prep.config, train_set, prep.dev, seed=seed, device=dev, epochs=epochs, progress=progress,
        class_tokens=class_token_mask(prep.processor),
        kind_tokens=kind_token_mask(prep.processor),
        distil_weight=distil_weight,
    )
    preset = config if isinstance(config, str) else "searched"
    release_name = name or f"control-state-{preset}"
    release_version = version or time.strftime("%Y%m%d.%H%M%S", time.gmtime())
    metrics = finish(result, prep, dev)
    metrics["training"] = {
        "preset": preset,
        "seed": seed,
        "device": str(dev),
        "threads": n_threads,
        "train_samples": len(prep.train),
        "dev_samples": len(prep.dev),
        "dev_split": prep.split,
        "epochs_run": result.epochs_run,
        "best_epoch": result.best_epoch,
        "seconds": round(time.perf_counter() - started, 1),
        "history": result.history,
        "data_fingerprint": prep.fingerprint,
        "excluded_sources": sorted(exclude_sources),
        "standard_repeat": standard_repeat,
        **({"teacher": str(teacher), "distil_weight": distil_weight} if teacher is not None else {}),
    }
    metrics.update(dict(extra or {}))
    release = write_release(
        result.model,
        prep.processor,
        metrics,
        out,
        name=release_name,
        version=release_version,
        data_fingerprint=prep.fingerprint,
    )
    report = None
    if quantize:
        from autoglm_ui.training.quantize import quantize_release

        report = quantize_release(out, prep.dev, mode=quantize)
    return TrainResult(
        out_dir=out,
        metrics=metrics,
        dev_accuracy=float(metrics["facet_accuracy"]["all"] or 0.0),
        best_epoch=result.best_epoch,
        epochs_run=result.epochs_run,
        seconds=round(time.perf_counter() - started, 1),
        device=str(dev),
        release=release,
        quantized=report,
    )


def finish(result: FitResult, prep: Prepared, device: torch.device) -> dict[str, Any]:
    """Calibrate temperatures on dev, then score dev and time the model on CPU."""
    model = result.model
    logits = predict_logits(model, prep.dev, device=device)
    model.config.temperatures = calibrate(model.config, logits, prep.dev)
    metrics = score(model.config, logits, prep.dev)
    cpu_model = copy.deepcopy(model).to("cpu")
    metrics["latency_ms"] = {
        "threads_1": measure_latency(cpu_model, threads=1),
        "threads_1_cpu_time": measure_latency(cpu_model, threads=1, cpu_time=True),
    }
    return metrics


__all__ = ["Prepared", "TrainResult", "make_config", "prepare", "resolve_device", "train"]
