"""Budgeted hyper-parameter search with Optuna: accuracy vs measured CPU latency (batch 16).

Each trial trains a short run (``trial_epochs``, optional time budget) on the same split; the
Pareto front of the two objectives is reported, and the most accurate trial, or a faster one
within half a point of it, is retrained in full as the release. No manual step anywhere.

Accuracy is the generated dev split's, or, with ``realset=(labels, root)``, the real-library dev
set's facet accuracy of its **worst** library (each trial written to a scratch release and
evaluated there): the web is not the generator's world. The space then also holds the training
mixture (how often standard records repeat) and the facts dropout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.training.trainer import (
    Prepared,
    TrainResult,
    make_config,
    prepare,
    resolve_device,
    set_threads,
)

log = logging.getLogger(__name__)
IMAGE_SIZES = {"32x64": (32, 64), "48x96": (48, 96), "64x128": (64, 128)}
#: A trial within this many accuracy points of the best may be chosen for being faster.
TIE_POINTS = 0.5


@dataclass(frozen=True)
class Trial:
    number: int
    params: dict[str, Any]
    dev_accuracy: float
    macro_recall: float
    latency_ms: float  # batch 16, one thread, CPU time of the forward pass
    epochs: int
    seconds: float


@dataclass(frozen=True)
class SearchResult:
    trials: tuple[Trial, ...]
    pareto: tuple[Trial, ...]
    chosen: Trial
    train: TrainResult | None = field(default=None, repr=False)


def require_optuna() -> Any:
    try:
        import optuna
    except ImportError as exc:
        raise ImportError(
            "the hyper-parameter search needs Optuna: pip install optuna "
            "(or pip install 'autoglm-ui[search]')"
        ) from exc
    return optuna


def suggest(trial: Any, *, mixture: bool = False) -> dict[str, Any]:
    """The search space: learning rate, width, depth, crop size and fusion variant (``mixture``:
    also the standard records' repeat and the facts dropout)."""
    fusion = trial.suggest_categorical("fusion", ["concat", "attention"])
    params: dict[str, Any] = {
        "learning_rate": trial.suggest_float("learning_rate", 5e-4, 5e-3, log=True),
        "vision_width": trial.suggest_categorical("vision_width", [8, 12, 16, 24]),
        "vision_depth": trial.suggest_int("vision_depth", 1, 2),
        "hidden_size": trial.suggest_categorical("hidden_size", [32, 64, 96]),
        "image_size": trial.suggest_categorical("image_size", list(IMAGE_SIZES)),
        "fusion": fusion,
    }
    if fusion == "attention":
        params["num_fusion_layers"] = trial.suggest_int("num_fusion_layers", 1, 3)
    if mixture:
        params["standard_repeat"] = trial.suggest_int("standard_repeat", 1, 3)
        params["facts_dropout"] = trial.suggest_categorical("facts_dropout", [0.0, 0.3])
    return params


def overrides_of(params: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in params.items() if k not in ("image_size", "standard_repeat")}
    if "image_size" in params:
        out["image_height"], out["image_width"] = IMAGE_SIZES[params["image_size"]]
    out["num_attention_heads"] = 4
    return out


def pareto_front(trials: list[Trial]) -> list[Trial]:
    """Trials no other trial beats on both accuracy (higher) and latency (lower), fastest first."""
    front = [
        t
        for t in trials
        if not any(
            (o.dev_accuracy >= t.dev_accuracy and o.latency_ms < t.latency_ms)
            or (o.dev_accuracy > t.dev_accuracy and o.latency_ms <= t.latency_ms)
            for o in trials
        )
    ]
    return sorted(front, key=lambda t: t.latency_ms)


def choose(front: list[Trial]) -> Trial:
    best = max(front, key=lambda t: (t.dev_accuracy, -t.latency_ms))
    close = [t for t in front if t.dev_accuracy >= best.dev_accuracy - TIE_POINTS / 100]
    return min(close, key=lambda t: t.latency_ms)


def search(
    data_dir: Path | str,
    out_dir: Path | str | None,
    trials: int,
    *,
    config: str = "small",
    seed: int = 0,
    device: str | None = None,
    dev_fraction: float = 0.15,
    dev_dir: Path | str | None = None,
    trial_epochs: int = 8,
    trial_budget: float | None = None,
    final_epochs: int | None = None,
    progress: bool = True,
    quantize: str | None = None,
    on_trial: Callable[[Trial], None] | None = None,
    threads: int | None = None,
    name: str | None = None,
    version: str | None = None,
    exclude_sources: Sequence[str] = (),
    realset: tuple[Path | str, Path | str] | None = None,
) -> SearchResult:
    """Run ``trials`` Optuna trials, report the Pareto front, train the chosen config into ``out_dir``.

    ``realset``: (labels file, root folder) of a real-library dev set; a trial's accuracy is then
    its worst folder's facet accuracy there, and the mixture is searched too.
    """
    optuna = require_optuna()
    from autoglm_ui.training.fit import fit
    from autoglm_ui.training.latency import measure_latency
    from autoglm_ui.training.trainer import class_token_mask, kind_token_mask, with_standard_repeated

    if trials < 1:
        raise ValueError(f"--search needs at least one trial, got {trials}")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    dev = resolve_device(device)
    set_threads(threads)
    cache: dict[tuple[int, int], Prepared] = {}
    done: list[Trial] = []

    def prepared(h: int, w: int) -> Prepared:
        if (h, w) not in cache:
            cache[(h, w)] = prepare(
                data_dir,
                config,
                seed=seed,
                dev_fraction=dev_fraction,
                dev_dir=dev_dir,
                overrides={"image_height": h, "image_width": w},
                exclude_sources=exclude_sources,
            )
        return cache[(h, w)]

    def objective(trial: Any) -> tuple[float, float]:
        params = suggest(trial, mixture=realset is not None)
        over = overrides_of(params)
        prep = prepared(over["image_height"], over["image_width"])
        cfg: AutoGLMUIConfig = make_config(prep.config, over)
        result = fit(
            cfg,
            with_standard_repeated(prep.train, int(params.get("standard_repeat", 1))),
            prep.dev,
            seed=seed,
            device=dev,
            epochs=trial_epochs,
            progress=False,
            time_budget=trial_budget,
            class_tokens=class_token_mask(prep.processor),
            kind_tokens=kind_token_mask(prep.processor),
        )
        if realset is None:
            acc = float(result.best_metrics["facet_accuracy"]["all"] or 0.0)
        else:
            acc = worst_library(result.model, prep, realset, trial.number)
        latency = measure_latency(result.model.to("cpu"), batch_sizes=(16,), threads=1, cpu_time=True)["16"]
        t = Trial(
            trial.number,
            params,
            round(acc, 4),
            float(result.best_metrics["macro_recall"] or 0.0),
            latency,
            result.epochs_run,
            result.seconds,
        )
        done.append(t)
        log.info(
            "trial %d: acc %.4f recall %.4f latency %.2f ms %s",
            t.number,
            t.dev_accuracy,
            t.macro_recall,
            t.latency_ms,
            params,
        )
        if on_trial is not None:
            on_trial(t)
        return acc, latency

    study = optuna.create_study(
        directions=["maximize", "minimize"], sampler=optuna.samplers.TPESampler(seed=seed)
    )
    study.optimize(objective, n_trials=trials, gc_after_trial=True)
    front = pareto_front(done)
    chosen = choose(front)
    trained = None
    if out_dir is not None:
        from autoglm_ui.training.trainer import train

        prep = prepared(*IMAGE_SIZES[chosen.params["image_size"]])
        trained = train(
            data_dir,
            out_dir,
            config=make_config(prep.config, overrides_of(chosen.params)),
            epochs=final_epochs,
            seed=seed,
            device=device,
            dev_fraction=dev_fraction,
            dev_dir=dev_dir,
            progress=progress,
            threads=threads,
            quantize=quantize,
            name=name,
            version=version,
            exclude_sources=exclude_sources,
            standard_repeat=int(chosen.params.get("standard_repeat", 1)),
            extra={
                "search": {
                    "objective": "worst library, real-library dev set" if realset else "generated dev split",
                    "trials": [t.__dict__ for t in done],
                    "pareto": [t.number for t in front],
                    "chosen": chosen.number,
                }
            },
        )
    return SearchResult(tuple(done), tuple(front), chosen, trained)


def worst_library(model: Any, prep: Prepared, realset: tuple[Path | str, Path | str], number: int) -> float:
    """A trial's model, written to a scratch release and read on the real-library dev set: the facet
    accuracy of its worst folder (all records)."""
    import tempfile

    from autoglm_ui.evaluation import evaluate
    from autoglm_ui.evaluation.overrule import worst_folder
    from autoglm_ui.recognizer import Recognizer
    from autoglm_ui.training.release_files import write_release

    labels, root = realset
    with tempfile.TemporaryDirectory(prefix="agl-trial-") as tmp:
        folder = Path(tmp) / f"trial-{number}"
        write_release(model, prep.processor, {}, folder, name="search-trial", version=f"0.0.{number}",
                      data_fingerprint=prep.fingerprint)
        result = evaluate(labels, root, Recognizer(folder, device="cpu"))
    worst = worst_folder(result.summary, "all", default=0.0)
    log.info("trial %d: worst library %.4f on %s", number, worst, labels)
    return worst


__all__ = ["SearchResult", "Trial", "choose", "pareto_front", "require_optuna", "search", "suggest"]
