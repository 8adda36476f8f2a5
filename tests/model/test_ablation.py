"""What ``eval --ablate`` takes away from the model: the pixels (flat grey) or the facts (the kind alone)."""

from __future__ import annotations

from PIL import Image

from autoglm_ui.ablation import ablate, grey, kind_only
from autoglm_ui.controls import PAD_RGB, Crop


def test_grey_keeps_the_size_and_box_and_drops_every_pixel() -> None:
    image = Image.new("RGB", (40, 24), (10, 200, 30))
    crop = Crop(image=image, box=(2.0, 3.0, 30.0, 20.0), blank=False)
    out = grey(crop)
    assert out.image.size == (40, 24) and out.box == crop.box and not out.blank
    assert out.image.getcolors() == [(40 * 24, PAD_RGB)]
    assert image.getpixel((0, 0)) == (10, 200, 30)  # the original is untouched


def test_kind_only_and_unknown_ablation() -> None:
    raw = {"kind": "checkbox", "attrs": {"checked": True}, "style": {"opacity": 0.4}}
    assert kind_only(raw) == {"kind": "checkbox"}
    crops = [Crop(image=Image.new("RGB", (4, 4)), box=(0, 0, 4, 4), blank=False)]
    assert ablate(crops, [raw], None) == (crops, [raw])
    assert ablate(crops, [raw], "facts")[1] == [{"kind": "checkbox"}]
    try:
        ablate(crops, [raw], "both")
    except ValueError as exc:
        assert "pixels, facts" in str(exc)
    else:
        raise AssertionError("an unknown ablation must be refused")
