"""Saving and loading: identical logits, damaged files give clear errors and are left untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import torch

from autoglm_ui.errors import ModelFormatError, ModelNotFoundError
from autoglm_ui.inference import Prediction, load_model, predict
from autoglm_ui.modeling.modeling_autoglm import AutoGLMUIForControlState
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput
from autoglm_ui.vocab import FACET_NAMES, KINDS


def _logits(model: Any, batch: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    with torch.inference_mode():
        out = model(**batch)
    return {**out.facet_logits, "kind": out.kind_logits}


@pytest.fixture
def release_copy(tiny_release: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "release"
    shutil.copytree(tiny_release, dst)
    return dst


def test_save_load_gives_identical_logits(
    tiny_release: Path, tmp_path: Path, crops: list[CropInput], raws: list[dict[str, Any]]
) -> None:
    processor = AutoGLMUIProcessor.from_pretrained(tiny_release)
    batch = processor(crops, raws)
    model = AutoGLMUIForControlState.from_pretrained(tiny_release).eval()
    model.save_pretrained(tmp_path / "again")
    again = AutoGLMUIForControlState.from_pretrained(tmp_path / "again").eval()
    lean, _ = load_model(tiny_release, device="cpu")
    a, b, c = _logits(model, batch), _logits(again, batch), _logits(lean, batch)
    for key in a:
        assert torch.equal(a[key], b[key]), key
        assert torch.equal(a[key], c[key]), key


def test_predict_uses_dom_applicability(
    tiny_release: Path, crops: list[CropInput], raws: list[dict[str, Any]]
) -> None:
    from autoglm_ui.fusion import facets_of

    model, processor = load_model(tiny_release, device="cpu")
    preds = predict(model, processor, crops, raws, applies=[facets_of(r) for r in raws])
    assert len(preds) == len(raws) and all(isinstance(p, Prediction) for p in preds)
    for raw, p in zip(raws, preds, strict=True):
        assert set(p.facets) == set(FACET_NAMES)
        assert p.facets["availability"] in ("enabled", "disabled")
        assert p.facets["visibility"] in ("visible", "hidden", "occluded", "offscreen")
        if raw["kind"] not in ("checkbox", "radio", "switch"):
            assert p.facets["checked"] is None and p.confidence["checked"] == 1.0
        else:
            assert p.facets["checked"] in ("checked", "unchecked", "mixed")
        assert all(0.0 <= c <= 1.0 for c in p.confidence.values())
        assert p.kind in KINDS and 0.0 <= p.kind_confidence <= 1.0
    assert predict(model, processor, [], []) == []
    every = predict(model, processor, crops, raws)  # without applicability: every facet is answered
    assert all(v is not None for p in every for v in p.facets.values())


def test_wrong_pixel_shape_is_rejected(tiny_release: Path) -> None:
    model, _ = load_model(tiny_release, device="cpu")
    ids = torch.ones(2, 5, dtype=torch.long)
    with pytest.raises(ValueError, match="AutoGLMUIProcessor"):
        model(torch.zeros(2, 3, 32, 64), ids, ids.bool())
    with pytest.raises(ValueError, match="4 x 32 x 64"):
        model(torch.zeros(2, 4, 48, 96), ids, ids.bool())


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_corrupted_weights_are_a_clear_error_and_untouched(release_copy: Path, damage: str) -> None:
    weights = release_copy / "model.safetensors"
    data = weights.read_bytes()
    broken = {"truncate": data[: len(data) // 2], "garbage": b"\x00\xff" * 64 + data[128:], "empty": b""}[
        damage
    ]
    weights.write_bytes(broken)
    with pytest.raises(ModelFormatError, match=r"model\.safetensors"):
        load_model(release_copy, device="cpu")
    with pytest.raises(ModelFormatError, match=r"model\.safetensors"):
        AutoGLMUIForControlState.from_pretrained(release_copy)
    assert weights.read_bytes() == broken  # nothing rewritten or "repaired"


def test_weights_from_another_config_are_rejected(release_copy: Path) -> None:
    config = json.loads((release_copy / "config.json").read_text())
    config["vision_width"] = 16
    (release_copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelFormatError, match=r"does not match its config\.json"):
        load_model(release_copy, device="cpu")


def test_processor_from_another_release_is_rejected(release_copy: Path) -> None:
    config = json.loads((release_copy / "config.json").read_text())
    config["vocab_size"] += 1
    (release_copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelFormatError, match="processor files do not match"):
        load_model(release_copy, device="cpu")


def test_missing_or_malformed_release(tmp_path: Path, release_copy: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        load_model(tmp_path / "nope")
    (release_copy / "config.json").write_text("{not json")
    with pytest.raises(ModelFormatError, match=r"config\.json"):
        load_model(release_copy, device="cpu")


def test_newer_release_format_is_a_clear_error(release_copy: Path) -> None:
    config = json.loads((release_copy / "config.json").read_text())
    config["format_version"] = 99
    (release_copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelFormatError, match="upgrade autoglm-ui"):
        load_model(release_copy, device="cpu")


def test_a_control_read_as_hidden_takes_its_other_facets_from_the_dom() -> None:
    import random

    from autoglm_ui.dom_view import dom_view
    from autoglm_ui.fusion import unseen_follow_dom

    from .conftest import make_raw

    raw = make_raw("switch", random.Random(0), aria_checked="true", disabled=True)
    assert dom_view(raw)["checked"] == "checked"
    # what a model might answer for a blank crop: hidden, and a guess at the rest
    facets: dict[str, str | None] = {
        "availability": "enabled", "checked": "unchecked", "visibility": "hidden", "busy": None
    }
    confidence = {"availability": 0.6, "checked": 0.9, "visibility": 0.97, "busy": 1.0}
    unseen_follow_dom(facets, confidence, raw)
    assert facets == {"availability": "disabled", "checked": "checked", "visibility": "hidden", "busy": None}
    assert confidence["checked"] == confidence["availability"] == 0.97
    seen = {"availability": "enabled", "checked": "unchecked", "visibility": "occluded"}
    unseen_follow_dom(seen, {"visibility": 0.9}, raw)  # painted (if covered): the model's reading stands
    assert seen == {"availability": "enabled", "checked": "unchecked", "visibility": "occluded"}


def test_a_control_outside_the_page_is_offscreen_and_takes_its_other_facets_from_the_dom() -> None:
    import random

    from autoglm_ui.fusion import layout_offscreen, unseen_follow_dom

    from .conftest import make_raw

    raw = make_raw("textbox", random.Random(0), readonly=True)
    raw.update(in_document=0, in_viewport=0, hits=["outside"] * 5)  # a drawer slid past the right edge
    facets: dict[str, str | None] = {"visibility": "visible", "readonly": "editable"}
    confidence = {"visibility": 0.9998, "readonly": 0.7}
    layout_offscreen(facets, confidence, raw)
    unseen_follow_dom(facets, confidence, raw)
    assert facets == {"visibility": "offscreen", "readonly": "readonly"} and confidence["visibility"] == 1.0
    for inside in ({"in_document": 0.49}, {"in_document": 0, "displayed": False}):  # half in; not laid out
        read: dict[str, str | None] = {"visibility": "visible"}
        layout_offscreen(read, {"visibility": 0.9}, {**raw, **inside})
        assert read == {"visibility": "visible"}
    hidden: dict[str, str | None] = {"visibility": "hidden"}
    layout_offscreen(hidden, {"visibility": 0.9}, raw)  # not seen either way: the model's word stands
    assert hidden == {"visibility": "hidden"}


def test_a_control_scrolled_out_past_its_centre_is_offscreen_and_keeps_its_other_facets() -> None:
    import random

    from autoglm_ui.fusion import layout_offscreen, layout_settles, unseen_follow_dom

    from .conftest import make_raw

    raw = make_raw("button", random.Random(0), disabled=True)
    # a grid column scrolled three quarters past the grid's right edge: a quarter still shows
    raw.update(in_document=1, container_visible_ratio=0.27, clipped_by="scroll", centre_shown=False)
    facets: dict[str, str | None] = {"visibility": "visible", "availability": "enabled"}
    confidence = {"visibility": 0.9999, "availability": 0.8}
    layout_offscreen(facets, confidence, raw)
    unseen_follow_dom(facets, confidence, raw)  # a quarter of it is painted: its look stays the model's
    assert facets == {"visibility": "offscreen", "availability": "enabled"}
    assert confidence["visibility"] == 1.0 and layout_settles(raw) == {"visibility"}
    for kept in ({"centre_shown": True}, {"clipped_by": "overflow-hidden"}, {"centre_shown": None}):
        read: dict[str, str | None] = {"visibility": "visible"}
        layout_offscreen(read, {"visibility": 0.9}, {**raw, **kept})  # centre shown; a clip; an old capture
        assert read == {"visibility": "visible"}, kept


def test_a_release_with_overrule_at_answers_the_preferred_value_unless_sure(
    tiny_release: Path, crops: list[CropInput], raws: list[dict[str, Any]]
) -> None:
    from autoglm_ui.fusion import facets_of

    model, processor = load_model(tiny_release, device="cpu")
    applies = [facets_of(r) for r in raws]
    free = predict(model, processor, crops, raws, applies=applies)
    # the opposite of every answer, as a preferred value (what a DOM that disagrees would say)
    values = model.config.facet_values
    prefer = [{f: next(v for v in values[f] if v != p.facets[f]) for f in applies[i] if p.facets[f]}
              for i, p in enumerate(free)]
    assert model.config.overrule_at is None  # releases before 1.7.0: the preference is ignored
    assert [p.facets for p in predict(model, processor, crops, raws, applies=applies, prefer=prefer)] == [
        p.facets for p in free]
    model.config.overrule_at = 1.0  # never sure enough: every answer is the preferred one
    always = predict(model, processor, crops, raws, applies=applies, prefer=prefer)
    for want, got in zip(prefer, always, strict=True):
        assert all(got.facets[f] == v for f, v in want.items())
        assert all(0.0 <= got.confidence[f] <= 0.5 + 1e-6 or len(values[f]) > 2 for f in want)
    cut = sorted(c for p in free for f, c in p.confidence.items() if p.facets[f])[len(free)]
    model.config.overrule_at = cut  # only the answers at least that sure stand
    some = predict(model, processor, crops, raws, applies=applies, prefer=prefer)
    for before, want, got in zip(free, prefer, some, strict=True):
        for f, v in want.items():
            assert got.facets[f] == (before.facets[f] if before.confidence[f] >= cut else v)
    facet = next(f for want in prefer for f in want)
    model.config.overrule_at = {facet: 2.0}  # one facet always the preferred value, the others free
    one = predict(model, processor, crops, raws, applies=applies, prefer=prefer)
    for before, want, got in zip(free, prefer, one, strict=True):
        for f in want:
            assert got.facets[f] == (want[f] if f == facet else before.facets[f])
    with pytest.raises(ValueError, match="one per control"):
        predict(model, processor, crops, raws, applies=applies, prefer=prefer[:1])
