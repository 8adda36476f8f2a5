"""Load a model release and predict perceived state for a batch of captured controls.

``load_model`` reads a release folder into the lean torch twin of the model (no
``transformers.modeling_utils`` import: ~3 s saved on a cold start) and ``predict`` runs one
batched forward pass. Which facets apply is the caller's to say (the Recognizer asks the DOM:
``autoglm_ui.fusion``); the model chooses among the real values of those facets only. This module
imports no capture or DOM code.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from autoglm_ui.errors import ModelFormatError, ModelNotFoundError
from autoglm_ui.modeling.files import CONFIG_FILE, ENSEMBLE_FILE

if TYPE_CHECKING:
    import torch

    from autoglm_ui.controls import Crop
    from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
    from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput

log = logging.getLogger(__name__)
THREADS_ENV = "AUTOGLM_UI_THREADS"


class EnsembleModel:
    """Models with one label set answering together: their calibrated probabilities are averaged.

    Each member keeps its own processor (vocabularies of different seeds differ), so one control
    is tokenised once per member. CPU time grows with the number of members.
    """

    def __init__(self, members: Sequence[tuple[Any, AutoGLMUIProcessor]]) -> None:
        if not members:
            raise ValueError("an ensemble needs at least one member")
        self.members = list(members)
        self.config = members[0][0].config

    def parameters(self) -> Any:
        return self.members[0][0].parameters()


@dataclass(frozen=True)
class Prediction:
    """Perceived state of one control: a value per facet (``None`` where the facet does not apply).

    ``confidence`` is the calibrated probability of the chosen value (1.0 for facets that do not
    apply: that comes from the DOM, not the model). ``kind`` is the model's reading of the kind.
    """

    facets: dict[str, str | None]
    confidence: dict[str, float]
    kind: str
    kind_confidence: float


def configure_threads() -> int:
    """torch threads for inference: ``$AUTOGLM_UI_THREADS``, else 1 on machines of <= 2 cores.

    Measured (performance.md): two spinning OpenMP threads starve Chromium on two cores, one
    control's read goes from 33 ms to 50 ms; a small model at batch 64 loses little with one thread.
    """
    import torch

    env = os.environ.get(THREADS_ENV)
    if env:
        try:
            n = int(env)
        except ValueError:
            raise ValueError(f"{THREADS_ENV}={env!r} is not an integer; set it to e.g. 1 or 2") from None
        torch.set_num_threads(max(1, n))
    elif (os.cpu_count() or 1) <= 2:
        torch.set_num_threads(1)
    return int(torch.get_num_threads())


def read_config(folder: Path) -> AutoGLMUIConfig:
    from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
    from autoglm_ui.modeling.files import read_release_json

    if (folder / ENSEMBLE_FILE).is_file():
        raise ModelFormatError(
            f"{folder} is an ensemble release (see {ENSEMBLE_FILE}); fine-tuning and quantising work on "
            f"one model: use one of its members, e.g. {folder / 'members' / '0'}"
        )
    path = folder / CONFIG_FILE
    data = read_release_json(path, missing=ModelNotFoundError)
    for key in ("model_type", "transformers_version", "architectures", "id2label", "label2id"):
        data.pop(key, None)
    try:
        return AutoGLMUIConfig(**data)
    except ModelFormatError:
        raise
    except (TypeError, ValueError) as exc:
        raise ModelFormatError(f"{path}: invalid model config ({exc}); reinstall the release") from exc


def resolve_device(device: str | None) -> torch.device:
    import torch

    if device in (None, "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if str(device).startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(f"device {device!r} requested but torch sees no CUDA GPU; use 'cpu' or None")
    return torch.device(device)


def load_model(path: Path | str, device: str | None = None) -> tuple[Any, AutoGLMUIProcessor]:
    """(model, processor) of the release folder ``path``; ``device`` None/"auto": cuda if present."""
    import torch

    from autoglm_ui.modeling.layers_autoglm import ControlStateNet
    from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor
    from autoglm_ui.modeling.weights import load_into

    folder = Path(path)
    if not folder.is_dir():
        raise ModelNotFoundError(f"{folder} is not a model release folder; install or train one")
    if (folder / ENSEMBLE_FILE).is_file():
        return load_ensemble(folder, device)
    config = read_config(folder)
    processor = AutoGLMUIProcessor.from_pretrained(folder)
    if (processor.image_height, processor.image_width) != (config.image_height, config.image_width) or len(
        processor.tokenizer
    ) != config.vocab_size:
        raise ModelFormatError(
            f"{folder}: processor files do not match config.json (image size or vocabulary); the "
            "files come from different releases: reinstall the release"
        )
    dev = resolve_device(device)
    if dev.type == "cpu":
        configure_threads()
    model: Any = ControlStateNet(config)
    load_into(model, folder)
    model.eval()
    if config.quantization == "dynamic-int8":
        if dev.type != "cpu":
            raise ValueError(f"{folder} is a dynamic int8 release, which runs on CPU only; use device='cpu'")
        from autoglm_ui.training.quantize import quantize_dynamic_int8

        model = quantize_dynamic_int8(model)
    model = model.to(dev).to(memory_format=torch.channels_last)
    log.debug("loaded %s on %s", folder, dev)
    return model, processor


def load_ensemble(folder: Path, device: str | None = None) -> tuple[EnsembleModel, AutoGLMUIProcessor]:
    """The members named by ``folder/ensemble.json``, checked to share facets, values and kinds."""
    from autoglm_ui.modeling.files import read_release_json

    path = folder / ENSEMBLE_FILE
    data = read_release_json(path, missing=ModelNotFoundError)
    names = data.get("members")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise ModelFormatError(f"{path}: 'members' must be a non-empty list of member folders; reinstall it")
    members = []
    for name in names:
        member = (folder / name).resolve()
        if folder.resolve() not in member.parents or (member / ENSEMBLE_FILE).exists():
            raise ModelFormatError(f"{path}: member {name!r} is not a model folder inside the release")
        members.append(load_model(member, device))
    first = members[0][0].config
    for (model, _), name in zip(members, names, strict=True):
        c = model.config
        if (c.facet_names, c.facet_values, c.kinds) != (first.facet_names, first.facet_values, first.kinds):
            raise ModelFormatError(f"{path}: member {name!r} has other facets, values or kinds")
    ensemble = EnsembleModel(members)
    if "overrule_at" in data:  # chosen for the ensemble (``models finish``), not for one member
        ensemble.config = copy.deepcopy(first)
        ensemble.config.overrule_at = data["overrule_at"]
        try:
            ensemble.config.check()
        except ValueError as exc:
            raise ModelFormatError(f"{path}: {exc}; reinstall the release") from exc
    log.debug("loaded ensemble %s of %d members", folder, len(members))
    return ensemble, members[0][1]


def probabilities(
    model: Any,
    processor: AutoGLMUIProcessor,
    crops: Sequence[Crop | CropInput],
    raws: Sequence[Mapping[str, Any]],
) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """Calibrated probabilities of one model: per facet over its real values, and over kinds."""
    import torch

    config = model.config
    device = next(model.parameters(), torch.zeros(0)).device
    inputs = processor(crops, raws, device=device)
    with torch.inference_mode():
        out = model(**inputs)
    probs: dict[str, torch.Tensor] = {}
    for facet in config.facet_names:
        real = out.facet_logits[facet][:, 1:].float() / config.temperature_of(facet)
        probs[facet] = torch.softmax(real, dim=1).cpu()
    kind_probs = torch.softmax(out.kind_logits.float() / config.temperature_of("kind"), dim=1).cpu()
    return probs, kind_probs


def mean_probabilities(
    model: Any,
    processor: AutoGLMUIProcessor,
    crops: Sequence[Crop | CropInput],
    raws: Sequence[Mapping[str, Any]],
) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """:func:`probabilities` of a model, or of an ensemble the mean over its members."""
    import torch

    members = model.members if isinstance(model, EnsembleModel) else [(model, processor)]
    each = [probabilities(m, p, crops, raws) for m, p in members]
    probs = {f: torch.stack([e[0][f] for e in each]).mean(0) for f in model.config.facet_names}
    return probs, torch.stack([e[1] for e in each]).mean(0)


def defer(
    facets: dict[str, str | None],
    confidence: dict[str, float],
    preferred: Mapping[str, str | None],
    at_of: Callable[[str], float | None],
    settled: Collection[str] = (),
) -> None:
    """Where the answer differs from ``preferred`` (what the DOM says) and is less sure than
    ``at_of(facet)``, answer the preferred value.

    Its confidence is then ``1 - p``: how likely the model's own reading is not. ``None``: the model
    always answers that facet; above 1: the preferred value always stands. ``settled`` facets (the
    layout's, :func:`autoglm_ui.fusion.layout_settles`) stand as they are.
    """
    for facet, value in list(facets.items()):
        theirs, at = preferred.get(facet), at_of(facet)
        if at is None or value is None or theirs is None or theirs == value or facet in settled:
            continue
        if confidence.get(facet, 1.0) < at:
            facets[facet], confidence[facet] = theirs, 1.0 - confidence.get(facet, 1.0)


def predict(
    model: Any,
    processor: AutoGLMUIProcessor,
    crops: Sequence[Crop | CropInput],
    raws: Sequence[Mapping[str, Any]],
    applies: Sequence[Collection[str]] | None = None,
    prefer: Sequence[Mapping[str, str | None]] | None = None,
) -> list[Prediction]:
    """One batched forward pass over the controls; one :class:`Prediction` per control, in order.

    ``applies``: per control, the facets it has (``None`` and 1.0 for the others); without it,
    every facet the model knows is answered. ``prefer``: per control, a value per facet to answer
    unless the model is at least ``config.overrule_of(facet)`` sure of another (:func:`defer`; the
    Recognizer applies it itself, after the layout's rules); a release without ``overrule_at``
    ignores it.
    """
    if len(crops) != len(raws):
        raise ValueError(f"got {len(crops)} crops but {len(raws)} fact records; pass one of each per control")
    if not crops:
        return []
    config = model.config
    probs, kind_probs = mean_probabilities(model, processor, crops, raws)
    results = []
    if applies is not None and len(applies) != len(raws):
        raise ValueError(f"got {len(applies)} facet sets for {len(raws)} controls; pass one per control")
    if prefer is not None and len(prefer) != len(raws):
        raise ValueError(f"got {len(prefer)} preferred answers for {len(raws)} controls; one per control")
    for i in range(len(raws)):
        wanted = set(config.facet_names) if applies is None else set(applies[i])
        facets: dict[str, str | None] = {}
        confidence: dict[str, float] = {}
        for facet in config.facet_names:
            if facet in wanted:
                p, k = probs[facet][i].max(0)
                facets[facet] = config.facet_values[facet][int(k)]
                confidence[facet] = float(p)
            else:
                facets[facet] = None
                confidence[facet] = 1.0
        if prefer is not None:
            known = {f: v for f, v in prefer[i].items() if v in config.facet_values.get(f, ())}
            defer(facets, confidence, known, config.overrule_of)
        kp, kk = kind_probs[i].max(0)
        results.append(Prediction(facets, confidence, config.kinds[int(kk)], float(kp)))
    return results


__all__ = [
    "EnsembleModel",
    "Prediction",
    "configure_threads",
    "defer",
    "load_ensemble",
    "load_model",
    "mean_probabilities",
    "predict",
    "probabilities",
]
