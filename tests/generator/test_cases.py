"""Disagreement cases: the DOM half and the drawn half of a generated control part ways as planned."""

from __future__ import annotations

import random

import pytest

from autoglm_ui.training.kits import Helpers
from autoglm_ui.training.pages import make_kit
from autoglm_ui.training.widgets import READONLY_CASES, Want, looks_and_attrs


@pytest.mark.parametrize(
    ("case", "perceived", "attr", "look"),
    [
        (None, "readonly", True, True),
        (None, "editable", False, False),
        ("readonly-look-only", "readonly", False, True),
        ("readonly-attr-looks-editable", "editable", True, False),
    ],
)
def test_read_only_cases_part_the_attribute_from_the_look(
    case: str | None, perceived: str, attr: bool, look: bool
) -> None:
    values = {"availability": "enabled", "visibility": "visible", "readonly": perceived}
    w = Want(1, "textbox", "Account", values, case=case)
    parts = looks_and_attrs(w)
    assert ("readonly" in parts.attrs) is attr and ("ro" in parts.looks) is look


def test_read_only_cases_only_where_a_class_draws_the_look() -> None:
    """Own styles draw them; a library whose CSS paints [readonly] itself cannot part the two."""
    helpers = Helpers.random(random.Random(0))
    for source, expected in (("own", True), ("bootstrap", True), ("mini", False), ("mdweb", False)):
        kit = make_kit(random.Random(1), source, helpers)
        assert all(kit.supports("textbox", c) is expected for c in READONLY_CASES), source
