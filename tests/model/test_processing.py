"""Processor and tokenizer: identity-free tokens, deterministic vocabulary, any crop size or mode."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from PIL import Image

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.modeling.facts_autoglm import seen_style
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
    slate = "rgb(148, 163, 184)"  # Tailwind slate-400: a grey to the eye
    assert colour_token(slate).startswith("h")  # version 1 (HLS saturation) called it blue
    assert colour_token(slate, 2).startswith("grey")
    assert colour_token("rgb(79, 70, 229)", 2).startswith("h")  # an accent stays a hue


def _with_borders(sides: list[list[Any]], shadow: str = "none") -> dict[str, Any]:
    raw = make_raw("textbox", random.Random(0))
    raw["style"]["border_sides"] = sides
    raw["style"]["shadow_color"] = shadow
    return raw


def test_edge_tokens_ignore_which_side_carries_the_colour() -> None:
    grey, red = "rgb(200, 200, 200)", "rgb(220, 30, 40)"
    underline = fact_tokens(_with_borders([[0, grey], [0, grey], [2, red], [0, grey]]))
    left_bar = fact_tokens(_with_borders([[1, grey], [1, grey], [1, grey], [5, red]]))
    full = fact_tokens(_with_borders([[2, red]] * 4, shadow="rgba(220, 30, 40, 0.35)"))
    plain = fact_tokens(_with_borders([[1, grey]] * 4))
    red_token = f"s.edge_color={colour_token(red)}"
    assert red_token in underline and red_token in left_bar and red_token in full
    assert red_token not in plain
    assert "s.edge_uneven=1" in underline and "s.edge_uneven=1" in left_bar
    assert "s.edge_uneven=0" in full and "s.edges=4" in full and "s.edges=1" in underline
    # a translucent glow is seen as the tint it paints over the background
    glowing = _with_borders([[2, red]] * 4, shadow="rgba(220, 30, 40, 0.35)")
    glow = seen_style(glowing["style"])["shadow_color"]
    assert glow.startswith("rgb(") and f"s.shadow_color={colour_token(glow, 2)}" in full
    assert "s.shadow_color=none" in plain


def test_translucent_text_is_read_as_the_grey_it_is_seen_as() -> None:
    """Lumo and Material draw ordinary text as a translucent dark colour; a user sees mid grey.
    Version 6 composites it over the background; version 5 (pinned releases) keeps its tokens."""
    raw = make_raw("button", random.Random(0))
    raw["style"].update(color="rgba(27, 43, 65, 0.69)", background="rgb(255, 255, 255)")
    seen = fact_tokens(raw)
    assert "s.color=grey1" in seen and not any(t.startswith("s.color=") and "~" in t for t in seen)
    assert "s.color=grey0~" in fact_tokens(raw, version=5)
    raw["style"].update(color="rgb(98, 109, 124)")
    assert [t for t in fact_tokens(raw) if t.startswith(("s.color", "s.contrast"))] == [
        t for t in seen if t.startswith(("s.color", "s.contrast"))
    ]


def test_mark_tokens_tell_a_hidden_mark_and_a_bar_from_a_tick() -> None:
    def marks(value: list[list[float]]) -> list[str]:
        raw = make_raw("checkbox", random.Random(0))
        raw["style"]["marks"] = value
        return [t for t in fact_tokens(raw) if t.startswith("s.mark")]

    assert marks([]) == ["s.marks=0"]  # the box is drawn, its checkmark is not
    assert marks([[12, 12]]) == ["s.marks=1", "s.mark_aspect=b1"]  # a tick or a dot
    assert marks([[6, 1.2]]) == ["s.marks=1", "s.mark_aspect=b3"]  # the bar of "mixed"
    assert marks([[2, 2], [8, 1.5], [3, 3]])[:2] == ["s.marks=2", "s.mark_aspect=b3"]  # the largest


def test_older_fact_versions_stay_as_they_were() -> None:
    raw = _with_borders([[0, "rgb(0, 0, 0)"], [0, "rgb(0, 0, 0)"], [2, "rgb(220, 30, 40)"], [0, "red"]])
    v1 = fact_tokens(raw, version=1)
    assert not [t for t in v1 if t.startswith(("s.edge", "s.shadow_color", "s.bold", "s.mark"))]
    # what the tokenizer emitted before version 2 existed (commit 0be90c7), for this same raw:
    # releases built on version 1 (control-state/1.1.0) must keep seeing exactly these tokens
    golden = "d436134ac71ddb9309e7cb55e6abc1cd2c06400844df3360cd643083cf929224"
    assert hashlib.sha256(" ".join(v1).encode()).hexdigest() == golden
    raw["style"]["border_color"] = "rgb(148, 163, 184)"  # slate: blue in version 1, grey in 2
    assert "s.border_color=h7l1" in fact_tokens(raw, version=1)
    assert "s.border_color=grey2" in fact_tokens(raw)
    with pytest.raises(ValueError, match="version 99"):
        fact_tokens(raw, version=99)


def test_relation_tokens_arrive_in_version_3_only() -> None:
    raw = _with_borders([[0, "rgb(0, 0, 0)"], [0, "rgb(0, 0, 0)"], [2, "rgb(220, 30, 40)"], [0, "red"]])
    raw["popup"] = {"via": "controls", "shown": True}
    raw["tabs"] = {"n": 3, "apart": ["background"]}
    # version 2 (control-state/1.4.0) as emitted at commit b7f43c7, before relations existed
    golden = "c16872cdd8ef497a32e128911d076e1e318664783debb5fe374acbb59f12e4ed"
    assert hashlib.sha256(" ".join(fact_tokens(raw, version=2)).encode()).hexdigest() == golden
    v3 = fact_tokens(raw, version=3)
    relations = ["x.popup_via=controls", "x.popup=shown", "x.tabs=2", "x.apart=background"]
    assert [t for t in v3 if t.startswith("x.")] == relations
    raw["popup"], raw["tabs"] = {"via": "none", "shown": False}, {"n": 4, "apart": []}
    assert [t for t in fact_tokens(raw) if t.startswith("x.")] == [
        "x.popup_via=none", "x.popup=hidden", "x.tabs=2", "x.apart=none"
    ]
    raw["style"]["inner_box"] = {"background": "rgb(255, 255, 255)", "border_sides": [[2, "blue"]] * 4,
                                 "marks": [[8, 2]]}
    inner = [t for t in fact_tokens(raw) if t.startswith("s.in.")]
    assert "s.in.mark_aspect=b3" in inner and "s.in.edges=4" in inner  # the bar of "mixed" in the box
    assert not [t for t in fact_tokens(raw, version=2) if t.startswith("s.in.")]
    raw["popup"], raw["tabs"] = None, None  # a control with neither relation: no tokens
    assert not [t for t in fact_tokens(raw) if t.startswith("x.")]


def test_loops_token_arrives_in_version_4_only() -> None:
    raw = _with_borders([[0, "rgb(0, 0, 0)"], [0, "rgb(0, 0, 0)"], [2, "rgb(220, 30, 40)"], [0, "red"]])
    raw["popup"] = {"via": "controls", "shown": True}
    raw["tabs"] = {"n": 3, "apart": ["background"]}
    raw["style"]["loops"] = 1
    # version 3 (control-state/1.5.0) as emitted at commit 3787f24, before loops existed
    golden = "79ddb48723bd337d8e84472b88868ee2b4266cefe55313dfe0c1fbde33218e43"
    assert hashlib.sha256(" ".join(fact_tokens(raw, version=3)).encode()).hexdigest() == golden
    assert [t for t in fact_tokens(raw) if t.startswith("s.loops")] == ["s.loops=1"]
    raw["style"]["loops"] = 5  # capped: two or more
    assert "s.loops=2" in fact_tokens(raw, version=4)
    del raw["style"]["loops"]  # a capture made before version 4: no token, not "0"
    assert not [t for t in fact_tokens(raw) if t.startswith("s.loops")]


def test_version_5_reads_the_accessibility_tree() -> None:
    raw = _with_borders([[0, "rgb(0, 0, 0)"], [0, "rgb(0, 0, 0)"], [2, "rgb(220, 30, 40)"], [0, "red"]])
    raw["popup"] = {"via": "controls", "shown": True}
    raw["tabs"] = {"n": 3, "apart": ["background"]}
    raw["style"]["loops"] = 1
    raw["attrs"]["valid"] = True
    raw["ax"] = {"role": "switch", "name": "Wi-Fi", "ignored": False, "checked": "true", "disabled": True}
    raw["in_page_scroller"] = True
    # version 4 (control-state/1.6.0) as emitted at commit 8ee7bd8, before the tree was joined: the
    # node and the scroller change nothing in it, so a pinned 1.6.0 reads what it was trained on
    golden = "baf81a16d27c2eb11f1198ec5c48f9d4c8b488baeb5547112e37b23beb57b9e7"
    assert hashlib.sha256(" ".join(fact_tokens(raw, version=4)).encode()).hexdigest() == golden
    v5 = fact_tokens(raw, version=5)
    assert "dom.availability=disabled" in v5 and "dom.availability=enabled" in fact_tokens(raw, version=4)
    assert "ax.role=switch" in v5 and "g.page_scroller=1" in v5
    # version 5 as emitted at commit 9eca567, before colours were composited (version 6), with a
    # translucent text colour: a release built on version 5 reads what it was trained on
    raw["style"]["color"] = "rgba(27, 43, 65, 0.69)"
    golden = "1bed7795c5608a7227c65e5af6f8c3acbc3f8acbc081373d7f7e721eccdee9cb"
    assert hashlib.sha256(" ".join(fact_tokens(raw, version=5)).encode()).hexdigest() == golden
    del raw["ax"], raw["in_page_scroller"]  # a native control in the light DOM: no tree tokens
    assert not [t for t in fact_tokens(raw, version=5) if t.startswith(("ax.", "g.page_scroller"))]


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


def test_a_wide_crop_is_folded_to_its_two_ends_at_full_height(
    tiny_processor: AutoGLMUIProcessor, tmp_path: Path
) -> None:
    # an accordion header across the page: its title at the left end, its chevron at the right
    image = Image.new("RGB", (1200, 60), (255, 255, 255))
    image.paste((255, 0, 0), (0, 0, 60, 60))
    image.paste((0, 0, 255), (1140, 0, 1200, 60))
    crop = CropInput(image, (16.0, 16.0, 1168.0, 28.0))
    out = tiny_processor.letterbox(crop)  # 64 x 32: two ends of 31 columns, 2 grey between
    assert out.shape == (32, 64, 4)
    assert (out[:, 0, :3] == [255, 0, 0]).all() and (out[:, -1, :3] == [0, 0, 255]).all()  # full height
    assert (out[:, 31:33, :3] == 127).all() and (out[:, 31:33, 3] == 0).all()  # the gap
    assert out[16, 20, 3] == 255 and out[16, 44, 3] == 255 and out[2, 20, 3] == 0  # the drawn box
    # letterboxed it would be 64 x 3 px: a processor that does not fold (releases before it) still does
    plain = AutoGLMUIProcessor(tiny_processor.tokenizer, 32, 64, 96)
    boxed = plain.letterbox(crop)
    assert (boxed[:14, :, :3] == 127).all() and (boxed[17:, :, :3] == 127).all()
    assert plain.to_dict()["format"] == 1 and "fold_aspect" not in plain.to_dict()
    tiny_processor.save_pretrained(tmp_path)
    again = AutoGLMUIProcessor.from_pretrained(tmp_path)
    assert again.fold_aspect == 6.0 and again.to_dict()["format"] == 2
    assert (again.letterbox(crop) == out).all()


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


def test_inference_normalizes_by_table_to_the_same_floats_as_training() -> None:
    every = torch.arange(256, dtype=torch.uint8).repeat(4, 1).T.reshape(1, 16, 16, 4)
    batch = torch.cat([every, torch.randint(0, 256, (3, 16, 16, 4), dtype=torch.uint8)]).permute(0, 3, 1, 2)
    table = AutoGLMUIProcessor.normalize_cpu(batch)
    assert torch.equal(table, AutoGLMUIProcessor.normalize(batch))  # bit for bit: a release reads the same
    assert table.is_contiguous(memory_format=torch.channels_last)


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
    with pytest.raises(ModelFormatError, match="upgrade autoglm-ui"):
        AutoGLMUIProcessor.from_pretrained(tmp_path)


def test_unknown_class_pieces_count_once_from_version_3() -> None:
    tok = FactTokenizer.build([["kind=button", "c:btn", "s.bold=1"], ["kind=button", "c:btn", "s.bold=1"]])
    tokens = ["kind=button", "c:qxv", "c:zz9", "c:btn", "s.bold=7", "c:abc", "s.bold=1"]
    ids = tok.ids(tokens)
    unknown = tok.index["c:?"]
    assert ids.count(unknown) == 3
    once = tok.once_unknown(ids)
    assert once == [ids[0], unknown, tok.index["c:btn"], tok.index["s.bold=?"], tok.index["s.bold=1"]]
    # how many class names the vocabulary does not know no longer changes what the model is fed;
    # releases on facts versions 1 and 2 are fed what they always were
    assert tok.encode([tokens], 64, unknown_once=True)[0][0].tolist().count(unknown) == 1
    assert tok.encode([tokens], 64)[0][0].tolist().count(unknown) == 3


def test_peer_tokens_arrive_in_version_7_only() -> None:
    raw = _with_borders([[0, "rgb(0, 0, 0)"], [0, "rgb(0, 0, 0)"], [2, "rgb(220, 30, 40)"], [0, "red"]])
    raw["peers"] = {"n": 3, "odd": ["opacity", "color"], "ink": 0.3}
    # version 6 (control-state/1.7.x) as emitted at commit e828fa6, before peers existed
    golden = "c16872cdd8ef497a32e128911d076e1e318664783debb5fe374acbb59f12e4ed"
    assert hashlib.sha256(" ".join(fact_tokens(raw, version=6)).encode()).hexdigest() == golden
    assert [t for t in fact_tokens(raw) if t.startswith("x.")] == [
        "x.peers=2", "x.odd=color", "x.odd=opacity", "x.ink=b0"
    ]
    raw["peers"] = {"n": 6, "odd": [], "ink": 1.0}
    assert [t for t in fact_tokens(raw) if t.startswith("x.")] == ["x.peers=3", "x.odd=none", "x.ink=b2"]
    raw["peers"] = {"n": 0, "odd": [], "ink": None}  # no control of its kind beside it
    assert [t for t in fact_tokens(raw) if t.startswith("x.")] == ["x.peers=0"]
