"""Take one input away from the model, to measure what the other carries (``eval --ablate``).

``pixels``: every crop is flat grey, the facts stay (what the model reads without looking).
``facts``: the facts are reduced to the control's kind, the crop stays (what the pixels alone say).
The facets a control has still come from its full facts (:func:`~autoglm_ui.fusion.facets_of`):
an ablation changes what the model reads, not which questions it answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Literal, get_args

from PIL import Image

from autoglm_ui.controls import PAD_RGB, Crop

Ablation = Literal["pixels", "facts"]
ABLATIONS: tuple[str, ...] = get_args(Ablation)
#: What each ablation leaves the model, as reports name it.
READS: dict[str, str] = {"pixels": "facts only", "facts": "pixels only"}


def grey(crop: Crop) -> Crop:
    """``crop`` with its image replaced by flat grey of the same size."""
    return replace(crop, image=Image.new("RGB", crop.image.size, PAD_RGB))


def kind_only(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Facts that say what kind of control this is, and nothing else."""
    return {"kind": raw.get("kind")}


def ablate(crops: list[Crop], raws: list[Mapping[str, Any]], what: str | None
           ) -> tuple[list[Crop], list[Mapping[str, Any]]]:
    """The model's inputs with ``what`` taken away (``None``: unchanged)."""
    if what is None:
        return crops, raws
    if what == "pixels":
        return [grey(c) for c in crops], raws
    if what == "facts":
        return crops, [kind_only(r) for r in raws]
    raise ValueError(f"unknown ablation {what!r}; use one of {', '.join(ABLATIONS)}")


__all__ = ["ABLATIONS", "READS", "Ablation", "ablate", "grey", "kind_only"]
