"""Processor and tokenizer: identity-free tokens, deterministic vocabulary, any crop size or mode."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from PIL import Image

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput
from autoglm_ui.modeling.tokenization_autoglm import FactTokenizer, class_pieces, colour_token, fact_tokens

from .conftest import make_raw


def test_tokens_leave_identity_out() -> None:
    raw = make_raw("button", random.Random(0))
    text = " ".join(fact_tokens(raw)).lower()
    for secret in ("secret", "42", "label text", "quokka", "type here", "testid", "xyz", "element", "abc"):
        assert secret not in text, secret
    assert "c:loading" in fact_tokens(raw)  # generic words arrive through class-name pieces
    assert "kind=button" in fact_tokens(raw)


def test_class_pieces_and_colours() -> None:
    assert class_pieces("btn-outline-danger isDisabled a x1") == [
        "btn",
        "outline",
        "danger",
        "is",
        "disabled",
    ]
    assert colour_token("rgba(0, 0, 0, 0)") == "clear"
    assert colour_token("rgb(128, 128, 128)").startswith("grey")
    assert colour_token("rgb(220, 20, 20)").startswith("h0")
    assert colour_token("oklch(0.6 0.2 25)").startswith("h")
    assert colour_token("weird") == "other"


def test_vocabulary_is_deterministic_and_unknowns_fall_back(
    raws: list[dict[str, Any]], tmp_path: Path
) -> None:
    lists = [fact_tokens(r) for r in raws]
    a = FactTokenizer.build(lists, min_count=1)
    b = FactTokenizer.build(list(reversed(lists)), min_count=1)
    assert a.tokens == b.tokens
    unknown = a.ids(["kind=spaceship", "c:neverseen", "totally-new"])
    assert unknown[0] == a.index["kind=?"] and unknown[1] == a.index["c:?"] and unknown[2] == a.index["[UNK]"]
    a.save(tmp_path)
    assert FactTokenizer.load(tmp_path).tokens == a.tokens


def test_letterbox_keeps_aspect_ratio_and_marks_the_box(tiny_processor: AutoGLMUIProcessor) -> None:
    image = Image.new("RGB", (200, 50), (0, 0, 255))
    out = tiny_processor.letterbox(CropInput(image, (50.0, 10.0, 100.0, 30.0)))
    assert out.shape == (32, 64, 4) and out.dtype == np.uint8
    # 200x50 scaled by 0.32 -> 64x16, centred: grey rows above and below
    assert (out[0, :, :3] == 127).all() and (out[-1, :, :3] == 127).all()
    assert (out[16, 32, :3] == [0, 0, 255]).all()
    assert out[16, 32, 3] == 255 and out[16, 2, 3] == 0


@pytest.mark.parametrize("mode", ["RGBA", "L", "P", "1", "CMYK", "I;16"])
def test_any_image_mode_is_handled(
    tiny_processor: AutoGLMUIProcessor, raws: list[dict[str, Any]], mode: str
) -> None:
    image = Image.new("RGB", (90, 40), (200, 30, 30)).convert(mode)
    batch = tiny_processor([CropInput(image, (0, 0, 90, 40))], raws[:1])
    assert batch["pixel_values"].shape == (1, 4, 32, 64)
    assert batch["pixel_values"].is_contiguous(memory_format=torch.channels_last)


@pytest.mark.parametrize("size", [(1, 1), (3000, 20), (20, 3000), (64, 32)])
def test_any_image_size_is_letterboxed(
    tiny_processor: AutoGLMUIProcessor, raws: list[dict[str, Any]], size: tuple[int, int]
) -> None:
    image = Image.new("RGB", size, (10, 200, 10))
    batch = tiny_processor([CropInput(image, (0, 0, *size))], raws[:1])
    assert batch["pixel_values"].shape == (1, 4, 32, 64)
    assert torch.isfinite(batch["pixel_values"]).all()


def test_bad_images_are_rejected_clearly(
    tiny_processor: AutoGLMUIProcessor, raws: list[dict[str, Any]]
) -> None:
    with pytest.raises(ValueError, match="0x5"):
        tiny_processor([CropInput(Image.new("RGB", (0, 5)), (0, 0, 1, 1))], raws[:1])
    with pytest.raises(TypeError, match=r"PIL\.Image or numpy array"):
        tiny_processor([CropInput("not an image", (0, 0, 1, 1))], raws[:1])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="shape"):
        tiny_processor([CropInput(np.zeros((4, 4, 7), np.uint8), (0, 0, 1, 1))], raws[:1])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="2 crops but 1"):
        tiny_processor([CropInput(Image.new("RGB", (5, 5)), (0, 0, 5, 5))] * 2, raws[:1])


def test_blank_crop_is_all_pad(tiny_processor: AutoGLMUIProcessor) -> None:
    out = tiny_processor.letterbox(CropInput(Image.new("RGB", (32, 32), (127, 127, 127)), (0, 0, 0, 0), True))
    assert (out[..., :3] == 127).all() and (out[..., 3] == 0).all()
    assert "crop=blank" in tiny_processor.tokens({"kind": "button"}, blank=True)


def test_processor_round_trip_and_damage(tiny_processor: AutoGLMUIProcessor, tmp_path: Path) -> None:
    tiny_processor.save_pretrained(tmp_path)
    again = AutoGLMUIProcessor.from_pretrained(tmp_path)
    assert again.to_dict() == tiny_processor.to_dict()
    assert again.tokenizer.tokens == tiny_processor.tokenizer.tokens
    (tmp_path / "vocab.json").write_text("{broken")
    with pytest.raises(ModelFormatError, match=r"vocab\.json"):
        AutoGLMUIProcessor.from_pretrained(tmp_path)


def test_release_from_other_fact_tokens_is_rejected(
    tiny_processor: AutoGLMUIProcessor, tmp_path: Path
) -> None:
    import json

    tiny_processor.save_pretrained(tmp_path)
    data = json.loads((tmp_path / "processor_config.json").read_text())
    data["facts_version"] += 1
    (tmp_path / "processor_config.json").write_text(json.dumps(data))
    with pytest.raises(ModelFormatError, match="retrain"):
        AutoGLMUIProcessor.from_pretrained(tmp_path)
