"""The optimisation loop: AdamW + one-cycle schedule, class-balanced loss, early stopping on dev."""

from __future__ import annotations

import copy
import logging
import time
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor
from autoglm_ui.training.augment import augment
from autoglm_ui.training.distil import distil_loss
from autoglm_ui.training.encode import Encoded
from autoglm_ui.training.metrics import predict_logits, score, selection_score

log = logging.getLogger(__name__)
#: Class weights are (balanced weight) ** power: 1 is full inverse frequency, 0 none.
BALANCE_POWER = 0.7


@dataclass
class FitResult:
    model: Any  # AutoGLMUIForControlState with the best dev weights, in eval mode
    best_epoch: int
    epochs_run: int
    best_score: float
    best_metrics: dict[str, Any]
    history: list[dict[str, float]]
    seconds: float


def class_weights(config: AutoGLMUIConfig, enc: Encoded) -> dict[str, torch.Tensor]:
    """Per facet: index 0 (not applicable) gets ``na_weight``; values get balanced weights."""
    out = {}
    for facet in config.facet_names:
        n_out = config.num_facet_labels(facet)
        lab = enc.labels[facet]
        counts = torch.bincount(lab[lab >= 0], minlength=n_out).float()
        real = counts[1:]
        present = real > 0
        w = torch.ones(n_out)
        if present.any():
            balanced = real.sum() / (present.sum() * real.clamp_min(1.0))
            w[1:] = torch.where(present, balanced.pow(BALANCE_POWER), torch.ones_like(real)).clamp(0.2, 20.0)
        w[0] = config.na_weight
        out[facet] = w
    return out


def _param_groups(model: nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or "embed" in name or name.endswith(("cls", "image_pos", "fact_type")):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]


def _progress(enabled: bool) -> Any:
    if not enabled:
        return nullcontext(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        transient=False,
    )


def fit(
    config: AutoGLMUIConfig,
    train: Encoded,
    dev: Encoded | None,
    *,
    seed: int = 0,
    device: torch.device | str = "cpu",
    epochs: int | None = None,
    progress: bool = True,
    time_budget: float | None = None,
    init: nn.Module | None = None,
    class_tokens: torch.Tensor | None = None,
    kind_tokens: torch.Tensor | None = None,
    distil_weight: float = 0.5,
) -> FitResult:
    """Train a model; keep the weights of the epoch with the best dev selection score.

    Stops after ``config.patience`` epochs without improvement (not before 60 % of ``epochs``),
    or when ``time_budget`` seconds have passed (the search uses it). Reproducible for a seed on CPU.
    ``init``: start from these weights (fine-tuning) instead of a fresh initialisation.
    ``dev=None``: no selection, run every epoch and keep the last weights.
    ``class_tokens``: a bool per vocabulary id, true for class-name pieces; with
    ``config.class_token_dropout`` > 0 they are hidden from that share of each batch.
    ``kind_tokens``: a bool per vocabulary id, true for the ``kind=`` tokens; with
    ``config.facts_dropout`` > 0 every other token is hidden from that share of each batch.
    ``train.soft`` (a teacher's probabilities): the loss is ``distil_weight`` parts the
    cross-entropy against them and the rest the labels' (:mod:`autoglm_ui.training.distil`).
    """
    from autoglm_ui.modeling.modeling_autoglm import AutoGLMUIForControlState

    device = torch.device(device)
    epochs = epochs or config.epochs
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = AutoGLMUIForControlState(config)
    if init is not None:
        model.load_state_dict(init.state_dict())
    model.to(device)  # type: ignore[arg-type]  # in place; transformers' wrapper of .to is mistyped
    model.set_class_weights({f: w.to(device) for f, w in class_weights(config, train).items()})
    train_dev = train.to(device)
    opt = torch.optim.AdamW(_param_groups(model, config.weight_decay), lr=config.learning_rate)
    steps_per_epoch = max(1, -(-len(train) // config.batch_size))
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt,
        max_lr=config.learning_rate,
        total_steps=epochs * steps_per_epoch,
        pct_start=0.15,
    )
    best_state, best_score, best_epoch, best_metrics = None, -1.0, 0, {}
    history: list[dict[str, float]] = []
    started = time.perf_counter()
    stale = 0
    epoch = 0
    with _progress(progress) as bar:
        task = bar.add_task("training", total=epochs * steps_per_epoch, status="") if bar else None
        for epoch in range(1, epochs + 1):
            model.train()
            order = torch.randperm(len(train), generator=gen)
            total, count = 0.0, 0
            for i in range(0, len(train), config.batch_size):
                idx = order[i : i + config.batch_size].to(device)
                if len(idx) < 2:  # BatchNorm needs two samples
                    continue
                x = AutoGLMUIProcessor.normalize_unit(
                    augment(train_dev.pixels[idx], train_dev.degraded[idx], gen)
                )
                labels = {f: v[idx] for f, v in train_dev.labels.items()}
                ids, mask = train_dev.ids[idx], train_dev.mask[idx]
                if class_tokens is not None and config.class_token_dropout > 0:
                    coin = torch.rand(len(idx), generator=gen) < config.class_token_dropout
                    mask = mask & ~(class_tokens.to(device)[ids] & coin.to(device)[:, None])
                if kind_tokens is not None and config.facts_dropout > 0:
                    coin = torch.rand(len(idx), generator=gen) < config.facts_dropout
                    mask = mask & ~(~kind_tokens.to(device)[ids] & coin.to(device)[:, None])
                out = model(
                    x,
                    ids,
                    mask,
                    labels=labels,
                    kind_labels=train_dev.kinds[idx],
                )
                loss_now = out.loss
                if train_dev.soft is not None:
                    soft = {f: v[idx] for f, v in train_dev.soft.items()}
                    loss_now = (1.0 - distil_weight) * loss_now + distil_weight * distil_loss(
                        out.facet_logits, soft, labels
                    )
                opt.zero_grad(set_to_none=True)
                loss_now.backward()
                nn.utils.clip_grad_norm_(model.parameters(), 2.0)
                opt.step()
                sched.step()
                total += float(loss_now.detach()) * len(idx)
                count += len(idx)
                if bar:
                    bar.advance(task)
            loss = total / max(1, count)
            if dev is None:
                history.append({"epoch": epoch, "loss": round(loss, 4)})
                best_epoch = epoch
                status = f"epoch {epoch}/{epochs} loss {loss:.3f}"
                log.info(status)
                if bar:
                    bar.update(task, status=status)
                continue
            metrics = score(config, predict_logits(model, dev, device=device), dev, with_dom=False)
            sel = selection_score(metrics)
            history.append(
                {
                    "epoch": epoch,
                    "loss": round(loss, 4),
                    "dev_accuracy": metrics["facet_accuracy"]["all"],
                    "dev_macro_recall": metrics["macro_recall"],
                    "score": round(sel, 4),
                }
            )
            if sel > best_score + 1e-4:
                best_state = copy.deepcopy(model.state_dict())
                best_score, best_epoch, best_metrics, stale = sel, epoch, metrics, 0
            else:
                stale += 1
            status = (
                f"epoch {epoch}/{epochs} loss {loss:.3f} dev acc {metrics['facet_accuracy']['all']:.3f} "
                f"recall {metrics['macro_recall']:.3f} (best {best_epoch})"
            )
            log.info(status)
            if bar:
                bar.update(task, status=status)
            # the one-cycle schedule anneals late: never stop before 60 % of the planned epochs
            if stale >= config.patience and epoch >= int(0.6 * epochs):
                log.info("early stop: no dev improvement for %d epochs", stale)
                break
            if time_budget is not None and time.perf_counter() - started > time_budget:
                log.info("time budget of %.0f s reached", time_budget)
                break
        if bar:
            bar.update(task, completed=epochs * steps_per_epoch)
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()  # type: ignore[no-untyped-call]
    return FitResult(
        model, best_epoch, epoch, best_score, best_metrics, history, round(time.perf_counter() - started, 1)
    )


__all__ = ["FitResult", "class_weights", "fit"]
