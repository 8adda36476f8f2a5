"""AutoGLMUIConfig: presets, label maps, validation errors naming the bad value, format versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.modeling.configuration_autoglm import FORMAT_VERSION, NOT_APPLICABLE, AutoGLMUIConfig
from autoglm_ui.vocab import FACETS, KINDS


@pytest.mark.parametrize("name", ["tiny", "small", "base"])
def test_presets_are_valid(name: str) -> None:
    config = AutoGLMUIConfig.preset(name)
    assert config.format_version == FORMAT_VERSION
    assert config.facet_id2label("checked") == {0: NOT_APPLICABLE, 1: "checked", 2: "unchecked", 3: "mixed"}
    assert config.num_facet_labels("visibility") == 1 + len(FACETS["visibility"])
    assert config.id2label == dict(enumerate(KINDS))


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"fusion": "cross"}, "'cross'"),
        ({"hidden_size": 31}, "31"),
        ({"image_height": 40}, "40"),
        ({"vision_width": 0}, "vision_width"),
        ({"dropout": 1.5}, "1.5"),
        ({"class_token_dropout": 1.0}, "class_token_dropout"),
        ({"facts_dropout": -0.1}, "facts_dropout"),
        ({"learning_rate": -1.0}, "-1.0"),
        ({"quantization": "int4"}, "'int4'"),
        ({"facet_values": {"checked": ["on", "off"]}}, "'on'"),
        ({"facet_values": {"colour": ["red"]}}, "'colour'"),
        ({"kinds": ["button", "slider"]}, "'slider'"),
        ({"temperatures": {"checked": 0.0}}, "0.0"),
        ({"num_channels": 3}, "3"),
        ({"overrule_at": 1.5}, "1.5"),
        ({"overrule_at": {"colour": 0.9}}, "colour"),
        ({"overrule_at": {"busy": -0.5}}, "-0.5"),
    ],
)
def test_validation_names_the_bad_value(overrides: dict[str, object], named: str) -> None:
    with pytest.raises(ValueError) as info:
        AutoGLMUIConfig.preset("tiny", **overrides)
    assert named in str(info.value)


def test_overrule_at_is_one_number_or_one_per_facet(tmp_path: Path) -> None:
    assert AutoGLMUIConfig.preset("tiny", overrule_at=0.9).overrule_of("busy") == 0.9
    config = AutoGLMUIConfig.preset("tiny", overrule_at={"busy": 0.98, "visibility": None, "readonly": 2.0})
    facets = ("busy", "visibility", "readonly", "checked")
    assert [config.overrule_of(f) for f in facets] == [0.98, None, 2.0, None]
    config.save_pretrained(tmp_path)
    assert AutoGLMUIConfig.from_pretrained(tmp_path).overrule_of("readonly") == 2.0


def test_unknown_preset() -> None:
    with pytest.raises(ValueError, match="'huge'"):
        AutoGLMUIConfig.preset("huge")


def test_save_load_round_trip(tmp_path: Path) -> None:
    config = AutoGLMUIConfig.preset("small", temperatures={"checked": 1.7})
    config.save_pretrained(tmp_path)
    again = AutoGLMUIConfig.from_pretrained(tmp_path)
    assert again.to_dict() == config.to_dict()
    assert again.temperature_of("checked") == 1.7
    assert again.temperature_of("busy") == 1.0


def test_newer_format_version_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFormatError, match="upgrade autoglm-ui"):
        AutoGLMUIConfig.preset("tiny", format_version=FORMAT_VERSION + 1)
    AutoGLMUIConfig.preset("tiny").save_pretrained(tmp_path)
    data = json.loads((tmp_path / "config.json").read_text())
    data["format_version"] = FORMAT_VERSION + 1
    (tmp_path / "config.json").write_text(json.dumps(data))
    with pytest.raises(ModelFormatError, match=f"format_version={FORMAT_VERSION + 1}"):
        AutoGLMUIConfig.from_pretrained(tmp_path)
