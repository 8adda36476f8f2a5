"""Fine-tune a release on a team's own labelled records, replaying synthetic data so it keeps
what it knew.

parent release → capture the user's records (:mod:`.labelled`) → hold out part of them (whole
pages when there are four or more) → replay set (a small generated dataset, or ``replay``) →
a mix where the user's training records are repeated to about the replay's size → a few epochs
of AdamW from the parent's weights at a fraction of its learning rate, with the parent's
processor and vocabulary → before/after accuracy on the held-out records and on the replay's
held-out styles → a child release whose card names its parent and shows both.
"""

from __future__ import annotations

import logging
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import torch

from autoglm_ui.errors import DatasetError, ModelError
from autoglm_ui.training.dataset import Dataset, Sample
from autoglm_ui.training.encode import Encoded, concat, encode, split_dev
from autoglm_ui.training.release_files import write_release
from autoglm_ui.training.trainer import make_config, resolve_device, set_threads

if TYPE_CHECKING:
    from playwright.sync_api import Browser

log = logging.getLogger(__name__)

EPOCHS = 6
#: The fine-tuning learning rate as a fraction of the parent's.
LR_FRACTION = 0.15
#: Pages of synthetic replay data generated when no ``replay`` dataset is given.
REPLAY_PAGES = 30
#: Sources replayed by default: the training sources (bulma stays held out for the dev set).
REPLAY_EXCLUDE = ("bulma",)
MIN_TRAIN, MIN_HELDOUT = 8, 4
MIN_REPLAY_PAGES = 4
Unit = Literal["page", "record"]
MAX_REPEATS = 10


@dataclass(frozen=True)
class FinetuneResult:
    """What a fine-tuning run produced: the child release and its before/after figures."""

    out_dir: Path
    release: str | None
    parent: str
    before: dict[str, Any] = field(repr=False)  # the parent on the held-out user records
    after: dict[str, Any] = field(repr=False)  # the child on the same records
    replay_before: dict[str, Any] = field(repr=False)  # the parent on the replay's held-out styles
    replay_after: dict[str, Any] = field(repr=False)
    train_records: int
    heldout_records: int
    heldout_unit: Unit
    replay_samples: int
    skipped: tuple[str, ...]
    seconds: float


def split_user(samples: Sequence[Sample], holdout: float, seed: int) -> tuple[list[int], list[int], Unit]:
    """(train indices, held-out indices, unit): whole pages when 4+ pages can hold out about
    ``holdout`` of the records (never more than 1.25x of it), else single records."""
    if not 0.0 < holdout < 1.0:
        raise ValueError(f"the held-out fraction must be between 0 and 1, got {holdout!r}")
    rng = random.Random(seed)
    want = holdout * len(samples)
    sizes: dict[str, int] = {}
    for s in samples:
        sizes[s.page] = sizes.get(s.page, 0) + 1
    pages = sorted(sizes)
    if len(pages) >= 4:
        rng.shuffle(pages)
        taken, held_pages = 0, set()
        for page in pages[:-1]:
            if taken >= want:
                break
            if taken + sizes[page] > 1.25 * want:  # would overshoot: try a smaller page
                continue
            held_pages.add(page)
            taken += sizes[page]
        if taken >= 0.5 * want:
            held = [i for i, s in enumerate(samples) if s.page in held_pages]
            keep = set(held)
            return [i for i in range(len(samples)) if i not in keep], held, "page"
    order = list(range(len(samples)))
    rng.shuffle(order)
    keep = set(order[: max(1, round(want))])
    return [i for i in range(len(samples)) if i not in keep], sorted(keep), "record"


def check_release_name(name: str | None, version: str | None) -> None:
    """Fail before any work when ``name``/``version`` could not name a release."""
    from autoglm_ui.releases.manifest import check_name

    for what, value in (("name", name), ("version", version)):
        if value is not None:
            check_name(value, what)


def _load_parent(parent: str | Path) -> tuple[Any, Any, Any]:
    from transformers.utils import logging as hf_logging

    from autoglm_ui.inference import read_config
    from autoglm_ui.modeling.modeling_autoglm import AutoGLMUIForControlState
    from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor
    from autoglm_ui.recognizer import locate_release

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    release = locate_release(parent)
    read_config(release.path)  # an ensemble: a clear error naming a member to fine-tune instead
    model = AutoGLMUIForControlState.from_pretrained(release.path)
    if getattr(model.config, "quantization", None) not in (None, "none"):
        raise ModelError(
            f"{release.spec} is a {model.config.quantization} release; fine-tune its float parent instead"
        )
    return release, model, AutoGLMUIProcessor.from_pretrained(release.path)


def _scores(model: Any, enc: Encoded, device: torch.device) -> dict[str, Any]:
    from autoglm_ui.training.metrics import predict_logits, score

    m = score(model.config, predict_logits(model, enc, device=device), enc)
    return {
        "records": len(enc),
        "facet_accuracy": m["facet_accuracy"],
        "dom_facet_accuracy": m.get("dom_facet_accuracy", {}),
        "per_facet_accuracy": {f: v["accuracy"] for f, v in m["per_facet"].items()},
        "min_recall": m["min_recall"],
    }


def finetune(
    parent: str | Path,
    labels: Path | str,
    root: Path | str,
    out_dir: Path | str,
    *,
    replay: Path | str | None = None,
    replay_pages: int = REPLAY_PAGES,
    holdout: float = 0.25,
    epochs: int = EPOCHS,
    learning_rate: float | None = None,
    seed: int = 0,
    device: str | None = None,
    threads: int | None = None,
    name: str | None = None,
    version: str | None = None,
    progress: bool = True,
    browser: Browser | None = None,
) -> FinetuneResult:
    """Fine-tune release ``parent`` on the records of ``labels`` (pages under ``root``).

    Writes a child release at ``out_dir`` (must not exist or be empty). ``replay``: a dataset
    folder to replay; by default ``replay_pages`` synthetic pages are generated for the run.
    """
    from autoglm_ui.evaluation.runner import browser_session
    from autoglm_ui.training.fit import fit
    from autoglm_ui.training.generator import build_dataset
    from autoglm_ui.training.labelled import capture_labelled
    from autoglm_ui.training.latency import measure_latency

    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(
            f"{out} already exists and is not empty; releases are immutable: choose another --out"
        )
    started = time.perf_counter()
    dev = resolve_device(device)
    n_threads = set_threads(threads)
    if replay is None and replay_pages < MIN_REPLAY_PAGES:
        raise ValueError(f"replay_pages must be at least {MIN_REPLAY_PAGES}, got {replay_pages}")
    check_release_name(name, version)
    release, model, processor = _load_parent(parent)
    with tempfile.TemporaryDirectory(prefix="agl-finetune-") as tmp, browser_session(browser) as chromium:
        captured = capture_labelled(labels, root, Path(tmp) / "user", browser=chromium)
        user = captured.dataset
        tr, held, unit = split_user(user.samples, holdout, seed)
        if len(tr) < MIN_TRAIN or len(held) < MIN_HELDOUT:
            why = f"; the first left out: {captured.skipped[0]}" if captured.skipped else ""
            raise DatasetError(
                f"{len(user)} usable records ({len(captured.skipped)} left out{why}): too few to "
                f"fine-tune and measure; label at least {MIN_TRAIN + MIN_HELDOUT} controls (a few "
                "hundred is best)"
            )
        if replay is None:
            build_dataset(
                Path(tmp) / "replay", replay_pages, seed, exclude_sources=REPLAY_EXCLUDE,
                progress=progress, browser=chromium,
            )
            replay = Path(tmp) / "replay"
        replay_data = Dataset.load(replay)
        config = model.config
        user_enc = encode(processor, config, user, user.samples, seed=seed)
        try:
            rtr, rheld, _ = split_dev(replay_data.samples, 0.2, seed)
        except ValueError as exc:
            raise DatasetError(
                f"the replay set {replay} cannot spare held-out styles ({exc}); use more "
                f"--replay-pages (at least {MIN_REPLAY_PAGES}) or a larger --replay dataset"
            ) from exc
        replay_enc = encode(processor, config, replay_data, replay_data.samples, seed=seed + 1)
    user_train, user_held = user_enc.subset(tr), user_enc.subset(held)
    replay_train, replay_held = replay_enc.subset(rtr), replay_enc.subset(rheld)
    repeats = max(1, min(MAX_REPEATS, round(len(replay_train) / max(1, len(user_train)))))
    mix = concat([replay_train, *([user_train] * repeats)])
    model = model.to(dev).eval()
    before, replay_before = _scores(model, user_held, dev), _scores(model, replay_held, dev)
    lr = learning_rate or LR_FRACTION * float(config.learning_rate)
    cfg = make_config(config, {"learning_rate": lr, "epochs": epochs})
    log.info(
        "fine-tuning %s on %d records (x%d) + %d replayed samples, %d epochs at lr %.2g",
        release.spec, len(user_train), repeats, len(replay_train), epochs, lr,
    )
    result = fit(cfg, mix, None, seed=seed, device=dev, epochs=epochs, progress=progress, init=model)
    child = result.model
    # the config keeps describing the parent's recipe; card.finetune has this run's
    child.config.learning_rate, child.config.epochs = config.learning_rate, config.epochs
    after, replay_after = _scores(child, user_held, dev), _scores(child, replay_held, dev)
    seconds = round(time.perf_counter() - started, 1)
    metrics: dict[str, Any] = {
        "scope": f"held-out records of {labels} ({len(user_held)}, by {unit})",
        "facet_accuracy": after["facet_accuracy"],
        "dom_facet_accuracy": after["dom_facet_accuracy"],
        "per_facet": {f: {"accuracy": a} for f, a in after["per_facet_accuracy"].items()},
        "latency_ms": {"threads_1": measure_latency(child.to("cpu"), threads=1)},
        "finetune": {
            "parent": release.pin,
            "labels": str(labels),
            "train_records": len(user_train),
            "heldout_records": len(user_held),
            "heldout_unit": unit,
            "skipped_records": len(captured.skipped),
            "repeats": repeats,
            "replay_samples": len(replay_train),
            "replay_fingerprint": replay_data.fingerprint,
            "user_fingerprint": user.fingerprint,
            "epochs": epochs,
            "learning_rate": lr,
            "seed": seed,
            "device": str(dev),
            "threads": n_threads,
            "seconds": seconds,
            "history": result.history,
            "before": before,
            "after": after,
            "replay_before": replay_before,
            "replay_after": replay_after,
        },
    }
    name = name or release.name
    version = version or f"{release.version}+ft.{time.strftime('%Y%m%d%H%M%S', time.gmtime())}"
    written = write_release(
        child, processor, metrics, out, name=name, version=version,
        data_fingerprint=f"{user.fingerprint}+{replay_data.fingerprint}", parent=release.pin,
    )
    return FinetuneResult(
        out_dir=out,
        release=written,
        parent=release.pin,
        before=before,
        after=after,
        replay_before=replay_before,
        replay_after=replay_after,
        train_records=len(user_train),
        heldout_records=len(user_held),
        heldout_unit=unit,
        replay_samples=len(replay_train),
        skipped=captured.skipped,
        seconds=seconds,
    )


__all__ = ["FinetuneResult", "finetune", "split_user"]
