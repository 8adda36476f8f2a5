"""Ensemble releases: combine model folders, load them as one model, average their probabilities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import torch

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.inference import EnsembleModel, load_model, predict, probabilities, read_config
from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput
from autoglm_ui.releases.ensemble import combine


@pytest.fixture(scope="module")
def other_release(
    tmp_path_factory: pytest.TempPathFactory, tiny_config: AutoGLMUIConfig, tiny_processor: AutoGLMUIProcessor
) -> Path:
    from autoglm_ui.modeling.modeling_autoglm import AutoGLMUIForControlState

    torch.manual_seed(1)
    folder = tmp_path_factory.mktemp("tiny-release-b")
    AutoGLMUIForControlState(tiny_config).eval().save_pretrained(folder)
    tiny_processor.save_pretrained(folder)
    return folder


def test_an_ensemble_answers_with_the_mean_of_its_members_probabilities(
    tiny_release: Path,
    other_release: Path,
    tmp_path: Path,
    raws: list[dict[str, Any]],
    crops: list[CropInput],
) -> None:
    release = combine([tiny_release, other_release], tmp_path / "ens", name="control-state", version="9.0.0")
    assert release.spec == "control-state/9.0.0"
    listed = json.loads((tmp_path / "ens" / "ensemble.json").read_text())
    assert listed == {"members": ["members/0", "members/1"]}
    model, processor = load_model(tmp_path / "ens")
    assert isinstance(model, EnsembleModel) and len(model.members) == 2
    each = [probabilities(m, p, crops, raws) for m, p in model.members]
    assert not torch.allclose(each[0][0]["availability"], each[1][0]["availability"])  # two different models
    for i, pred in enumerate(predict(model, processor, crops, raws)):
        if pred.facets["availability"] is None or pred.facets["visibility"] == "hidden":
            continue
        k = model.config.facet_values["availability"].index(pred.facets["availability"])
        mean = (each[0][0]["availability"][i, k] + each[1][0]["availability"][i, k]) / 2
        assert pred.confidence["availability"] == pytest.approx(float(mean), abs=1e-5)


def test_ensembles_refuse_what_needs_one_model_and_bad_member_lists(
    tiny_release: Path, other_release: Path, tmp_path: Path
) -> None:
    ens = tmp_path / "ens"
    combine([tiny_release, other_release], ens, name="control-state", version="9.0.0")
    with pytest.raises(ModelFormatError, match=r"ensemble release.*members/0"):
        read_config(ens)  # what fine-tuning and int8 read first
    with pytest.raises(FileExistsError, match="immutable"):
        combine([tiny_release, other_release], ens, name="control-state", version="9.0.1")
    with pytest.raises(ModelFormatError, match="is an ensemble already"):
        combine([ens, tiny_release], tmp_path / "nested", name="control-state", version="9.0.2")
    assert not (tmp_path / "nested").exists()
    (ens / "ensemble.json").write_text(json.dumps({"members": ["../elsewhere"]}))
    with pytest.raises(ModelFormatError, match="not a model folder inside the release"):
        load_model(ens)
    (ens / "ensemble.json").write_text(json.dumps({"members": []}))
    with pytest.raises(ModelFormatError, match="non-empty list"):
        load_model(ens)


def test_an_ensemble_carries_its_own_overrule_threshold(
    tiny_release: Path, other_release: Path, tmp_path: Path
) -> None:
    ens = tmp_path / "ens"
    combine([tiny_release, other_release], ens, name="control-state", version="9.0.0")
    assert load_model(ens)[0].config.overrule_at is None
    listed = json.loads((ens / "ensemble.json").read_text())
    (ens / "ensemble.json").write_text(json.dumps({**listed, "overrule_at": {"busy": 0.95}}))
    model, _ = load_model(ens)
    assert model.config.overrule_of("busy") == 0.95 and model.config.overrule_of("checked") is None
    assert model.members[0][0].config.overrule_at is None  # the member's own config is untouched
    (ens / "ensemble.json").write_text(json.dumps({**listed, "overrule_at": {"colour": 0.95}}))
    with pytest.raises(ModelFormatError, match=r"colour.*reinstall"):
        load_model(ens)


def test_combine_refuses_members_of_different_label_sets(
    tiny_release: Path, other_release: Path, tmp_path: Path
) -> None:
    import shutil

    odd = tmp_path / "odd"
    shutil.copytree(other_release, odd)
    config = json.loads((odd / "config.json").read_text())
    config["kinds"] = list(reversed(config["kinds"]))
    (odd / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelFormatError, match="other facets, values or kinds"):
        combine([tiny_release, odd], tmp_path / "ens", name="control-state", version="9.0.3")
    assert not (tmp_path / "ens").exists() and not list(tmp_path.glob(".ens.tmp-*"))  # all or nothing
