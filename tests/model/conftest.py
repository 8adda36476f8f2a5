"""Fixtures for the model tests: synthetic DOM facts, tiny configs and a tiny random release."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor, CropInput

KINDS = ("button", "link", "checkbox", "radio", "switch", "textbox", "select", "tab", "accordion")


def make_raw(kind: str, rng: random.Random, **attrs: Any) -> dict[str, Any]:
    """A plausible raw-facts record (the shape capture.js returns) for a control of ``kind``."""
    tag = {"textbox": "input", "select": "select", "link": "a", "accordion": "summary"}.get(kind, "button")
    box = {"x": 10.0, "y": 20.0, "width": float(rng.randint(16, 200)), "height": float(rng.randint(16, 40))}
    base_attrs: dict[str, Any] = {
        "disabled": rng.random() < 0.3,
        "checked": (rng.random() < 0.5) if kind in ("checkbox", "radio") else None,
        "aria_checked": None,
        "aria_expanded": None,
        "aria_selected": "true" if kind == "tab" else None,
        "required": False,
        "readonly": False,
        "valid": True,
    }
    base_attrs.update(attrs)
    return {
        "tag": tag,
        "type": "checkbox" if kind == "checkbox" else "",
        "role": "",
        "kind": kind,
        "name": "Secret Name 42",
        "label": "Label Text",
        "text": "Quokka words",
        "placeholder": "Type here",
        "testid": "submit-testid-xyz",
        "id": "element-id-abc",
        "value": "",
        "in_frame": False,
        "in_shadow": False,
        "attrs": base_attrs,
        "classes": "btn btn-primary is-loading someRandomClass",
        "drawn_classes": "",
        "parent_classes": "form-row",
        "style": {
            "display": "inline-block",
            "visibility": "visible",
            "opacity": 1,
            "effective_opacity": 1,
            "pointer_events": "auto",
            "cursor": "pointer",
            "filter": "none",
            "color": "rgb(255, 255, 255)",
            "background": "rgb(13, 110, 253)",
            "border_color": "rgb(13, 110, 253)",
            "border_width": 1,
            "outline": "none",
            "box_shadow": False,
            "text_decoration": "none",
            "accent_color": "auto",
            "appearance": "auto",
            "transform_scale": 1,
            "translated": False,
            "clip": "auto",
            "clip_path": "none",
            "position": "static",
            "font_size": 16,
        },
        "box": box,
        "drawn": box,
        "drawn_is_self": True,
        "drawn_tag": tag,
        "paint_hidden": None,
        "self_paint_hidden": None,
        "displayed": True,
        "container_visible_ratio": 1,
        "clipped_by": None,
        "in_document": 1,
        "in_viewport": 1,
        "doc_x": 10,
        "doc_y": 20,
        "hits": ["self"] * 5,
    }


def make_crop(rng: random.Random, size: tuple[int, int] | None = None) -> CropInput:
    w, h = size or (rng.randint(40, 240), rng.randint(40, 72))
    colour = tuple(rng.randint(0, 255) for _ in range(3))
    image = Image.new("RGB", (w, h), (250, 250, 250))
    image.paste(Image.new("RGB", (w - 32, h - 32), colour), (16, 16))  # type: ignore[arg-type]
    return CropInput(image, (16.0, 16.0, float(w - 32), float(h - 32)))


@pytest.fixture(scope="session")
def raws() -> list[dict[str, Any]]:
    rng = random.Random(0)
    return [make_raw(KINDS[i % len(KINDS)], rng) for i in range(24)]


@pytest.fixture(scope="session")
def crops() -> list[CropInput]:
    rng = random.Random(1)
    return [make_crop(rng) for _ in range(24)]


@pytest.fixture(scope="session")
def tiny_processor(raws: list[dict[str, Any]], crops: list[CropInput]) -> AutoGLMUIProcessor:
    blank = AutoGLMUIProcessor(None, 32, 64, 96)  # type: ignore[arg-type]
    tokens = [blank.tokens(r) for r in raws]
    return AutoGLMUIProcessor.build(
        tokens, None, image_height=32, image_width=64, max_fact_tokens=96, min_count=1
    )


@pytest.fixture(scope="session")
def tiny_config(tiny_processor: AutoGLMUIProcessor) -> AutoGLMUIConfig:
    return AutoGLMUIConfig.preset("tiny", vocab_size=len(tiny_processor.tokenizer))


@pytest.fixture(scope="session")
def tiny_release(
    tmp_path_factory: pytest.TempPathFactory, tiny_config: AutoGLMUIConfig, tiny_processor: AutoGLMUIProcessor
) -> Path:
    """A randomly initialised tiny model saved as a model folder (config, safetensors, processor)."""
    import torch

    from autoglm_ui.modeling.modeling_autoglm import AutoGLMUIForControlState

    torch.manual_seed(0)
    model = AutoGLMUIForControlState(tiny_config).eval()
    folder = tmp_path_factory.mktemp("tiny-release")
    model.save_pretrained(folder)
    tiny_processor.save_pretrained(folder)
    return folder
