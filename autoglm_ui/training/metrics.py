"""Scoring on a split: per-facet accuracy and value recall, calibration (temperature, ECE), DOM baseline.

A facet is scored on a sample only where it applies (``dom_view.facets_for``, as at inference) and
the sample has a label; the prediction is the argmax over the facet's real values (index 0, "not
applicable", is never predicted).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from autoglm_ui.dom_view import dom_view
from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor
from autoglm_ui.training.encode import Encoded

ECE_BINS = 15
_T_GRID = [math.exp(math.log(0.2) + i * (math.log(10.0) - math.log(0.2)) / 80) for i in range(81)]


@dataclass(frozen=True)
class Logits:
    """Raw logits of a split, per facet (N × outputs) and kind (N × kinds), on CPU."""

    facets: dict[str, torch.Tensor]
    kind: torch.Tensor


@torch.inference_mode()
def predict_logits(
    model: nn.Module, enc: Encoded, batch_size: int = 256, device: torch.device | str = "cpu"
) -> Logits:
    was_training = model.training
    model.eval()
    facets: defaultdict[str, list[torch.Tensor]] = defaultdict(list)
    kinds = []
    for i in range(0, len(enc), batch_size):
        sl = slice(i, i + batch_size)
        px = AutoGLMUIProcessor.normalize(enc.pixels[sl].to(device))
        out = model(px, enc.ids[sl].to(device), enc.mask[sl].to(device))
        for f, v in out.facet_logits.items():
            facets[f].append(v.float().cpu())
        kinds.append(out.kind_logits.float().cpu())
    model.train(was_training)
    config: Any = model.config
    n_kinds = len(config.kinds)
    return Logits(
        {f: torch.cat(v) for f, v in facets.items()}, torch.cat(kinds) if kinds else torch.zeros(0, n_kinds)
    )


def _scored(enc: Encoded, facet: str) -> torch.Tensor:
    lab = enc.labels[facet]
    return enc.applies[facet] & (lab > 0)


def fit_temperature(logits: torch.Tensor, target: torch.Tensor) -> float:
    """The temperature minimising the NLL of ``target`` (0-based) on a fixed log grid (deterministic)."""
    if logits.numel() == 0:
        return 1.0
    best, best_t = float("inf"), 1.0
    for t in _T_GRID:
        nll = float(nn.functional.cross_entropy(logits / t, target))
        if nll < best - 1e-9:
            best, best_t = nll, t
    return round(best_t, 4)


def ece(confidence: torch.Tensor, correct: torch.Tensor, bins: int = ECE_BINS) -> float:
    """Expected calibration error over equal-width confidence bins."""
    if confidence.numel() == 0:
        return 0.0
    edges = torch.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        sel = (confidence > lo) & (confidence <= hi)
        if sel.any():
            gap = abs(float(confidence[sel].mean()) - float(correct[sel].float().mean()))
            total += gap * int(sel.sum()) / confidence.numel()
    return round(total, 5)


def calibrate(config: AutoGLMUIConfig, logits: Logits, enc: Encoded) -> dict[str, float]:
    """Per-facet (and kind) temperatures fitted on ``enc`` (the dev split)."""
    temps: dict[str, float] = {}
    for facet in config.facet_names:
        sel = _scored(enc, facet)
        temps[facet] = fit_temperature(logits.facets[facet][sel][:, 1:], enc.labels[facet][sel] - 1)
    ok = enc.kinds >= 0
    temps["kind"] = fit_temperature(logits.kind[ok], enc.kinds[ok])
    return temps


def score(config: AutoGLMUIConfig, logits: Logits, enc: Encoded, with_dom: bool = True) -> dict[str, Any]:
    """Metrics of a split under ``config``'s temperatures (see the module docstring)."""
    per_facet: dict[str, Any] = {}
    hits_all: list[torch.Tensor] = []
    conf_all: list[torch.Tensor] = []
    conf_raw_all: list[torch.Tensor] = []
    cats = torch.tensor([s.category == "hard" for s in enc.samples], dtype=torch.bool)
    by_cat: dict[str, list[int]] = {"standard": [0, 0], "hard": [0, 0]}
    by_source: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    recalls: list[float] = []
    for facet in config.facet_names:
        sel = _scored(enc, facet)
        lg = logits.facets[facet][sel][:, 1:]
        target = enc.labels[facet][sel] - 1
        pred = lg.argmax(1) if lg.numel() else target
        hit = pred == target
        prob = torch.softmax(lg / config.temperature_of(facet), 1)
        conf = prob.max(1).values if lg.numel() else torch.zeros(0)
        conf_raw = torch.softmax(lg, 1).max(1).values if lg.numel() else torch.zeros(0)
        values = config.facet_values[facet] if config.facet_values else []
        recall = {}
        for k, value in enumerate(values):
            of = target == k
            if of.any():
                recall[value] = round(float(hit[of].float().mean()), 4)
                recalls.append(recall[value])
        predicted = {v: int((pred == k).sum()) for k, v in enumerate(values)}
        per_facet[facet] = {
            "n": int(sel.sum()),
            "accuracy": round(float(hit.float().mean()), 4) if hit.numel() else None,
            "recall": recall,
            "predicted": predicted,
            "temperature": config.temperature_of(facet),
            "ece": ece(conf, hit),
            "ece_uncalibrated": ece(conf_raw, hit),
        }
        hits_all.append(hit)
        conf_all.append(conf)
        conf_raw_all.append(conf_raw)
        idx = sel.nonzero().flatten().tolist()
        for j, i in enumerate(idx):
            c = by_cat["hard" if cats[i] else "standard"]
            c[0] += int(hit[j])
            c[1] += 1
            src = by_source[enc.samples[i].source]
            src[0] += int(hit[j])
            src[1] += 1
    hits = torch.cat(hits_all) if hits_all else torch.zeros(0, dtype=torch.bool)
    ok = enc.kinds >= 0
    kind_acc = float((logits.kind[ok].argmax(1) == enc.kinds[ok]).float().mean()) if ok.any() else None
    frac = {k: round(v[0] / v[1], 4) if v[1] else None for k, v in by_cat.items()}
    frac["all"] = round(float(hits.float().mean()), 4) if hits.numel() else None
    out: dict[str, Any] = {
        "samples": len(enc),
        "pairs": int(hits.numel()),
        "facet_accuracy": frac,
        "macro_recall": round(sum(recalls) / len(recalls), 4) if recalls else None,
        "min_recall": min(recalls) if recalls else None,
        "kind_accuracy": None if kind_acc is None else round(kind_acc, 4),
        "ece": ece(torch.cat(conf_all), hits) if conf_all else 0.0,
        "ece_uncalibrated": ece(torch.cat(conf_raw_all), hits) if conf_raw_all else 0.0,
        "per_facet": per_facet,
        "per_source": {k: round(v[0] / v[1], 4) for k, v in sorted(by_source.items()) if v[1]},
    }
    if with_dom:
        out["dom_facet_accuracy"] = dom_baseline(config, enc)
    return out


def dom_baseline(config: AutoGLMUIConfig, enc: Encoded) -> dict[str, float | None]:
    """Facet accuracy of the DOM-only view on the same (sample, facet) pairs."""
    tally = {"standard": [0, 0], "hard": [0, 0]}
    for i, s in enumerate(enc.samples):
        dom = dom_view(s.facts)
        for facet in config.facet_names:
            if bool(enc.applies[facet][i]) and int(enc.labels[facet][i]) > 0:
                t = tally[s.category if s.category in tally else "standard"]
                t[0] += int(dom.get(facet) == s.labels[facet])
                t[1] += 1
    out: dict[str, float | None] = {k: round(v[0] / v[1], 4) if v[1] else None for k, v in tally.items()}
    n = tally["standard"][1] + tally["hard"][1]
    out["all"] = round((tally["standard"][0] + tally["hard"][0]) / n, 4) if n else None
    return out


def selection_score(metrics: dict[str, Any]) -> float:
    """What early stopping and the search maximise: mean of pair accuracy and macro value recall."""
    acc = metrics["facet_accuracy"]["all"] or 0.0
    return 0.5 * float(acc) + 0.5 * float(metrics["macro_recall"] or 0.0)


__all__ = [
    "Logits",
    "calibrate",
    "dom_baseline",
    "ece",
    "fit_temperature",
    "predict_logits",
    "score",
    "selection_score",
]
