"""Distillation: one student model trained on a teacher's calibrated probabilities.

An ensemble of seeds reads unseen libraries better than any one of its members, at one member's
CPU time per member. The student is trained on the same generated data with, beside the labels,
the teacher's calibrated probabilities over each facet's values (the ensemble's mean, as
:func:`autoglm_ui.inference.predict` answers), so that it learns where the teacher is unsure,
not only what the label says.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import torch
import torch.nn.functional as F

from autoglm_ui.modeling.processing_autoglm import CropInput
from autoglm_ui.training.dataset import Sample

log = logging.getLogger(__name__)

#: Samples per teacher forward pass.
TEACHER_BATCH = 256


def teacher_probabilities(
    teacher: Path | str, crops: Sequence[CropInput], samples: Sequence[Sample]
) -> dict[str, torch.Tensor]:
    """Per facet, N x (values) calibrated probabilities of ``teacher`` (a release folder, an
    ensemble's mean over its members) for ``samples``, in the order of the facet's values."""
    from autoglm_ui.inference import load_model, mean_probabilities

    model, processor = load_model(teacher, device="cpu")
    raws = [s.facts for s in samples]
    parts: defaultdict[str, list[torch.Tensor]] = defaultdict(list)
    for i in range(0, len(samples), TEACHER_BATCH):
        sl = slice(i, i + TEACHER_BATCH)
        for facet, probs in mean_probabilities(model, processor, crops[sl], raws[sl])[0].items():
            parts[facet].append(probs)
    log.info("teacher %s: probabilities for %d samples", teacher, len(samples))
    return {facet: torch.cat(v) for facet, v in parts.items()}


def distil_loss(
    facet_logits: Mapping[str, torch.Tensor],
    soft: Mapping[str, torch.Tensor],
    labels: Mapping[str, torch.Tensor],
) -> torch.Tensor:
    """Cross-entropy of the student's value logits (index 0, "not applicable", left out) against
    the teacher's probabilities, summed over facets, on the samples where the facet has a value."""
    parts = []
    for facet, target in soft.items():
        has_value = labels[facet] > 0
        if not bool(has_value.any()):
            continue
        log_p = F.log_softmax(facet_logits[facet][has_value][:, 1:].float(), dim=1)
        parts.append(-(target[has_value] * log_p).sum(1).mean())
    if not parts:
        return next(iter(facet_logits.values())).sum() * 0.0
    return torch.stack(parts).sum()


__all__ = ["distil_loss", "teacher_probabilities"]
