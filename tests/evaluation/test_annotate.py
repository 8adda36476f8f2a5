"""``autoglm-ui data annotate``: labels drawn on their rendered pages, for checking by eye."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from autoglm_ui.evaluation.annotate import LEGEND_W, ORANGE, annotate
from autoglm_ui.labels import load_labels

pytestmark = pytest.mark.browser


def test_pictures_per_page_and_sheet_per_folder(
    browser: Browser, eval_labels: Path, eval_root: Path, tmp_path: Path
) -> None:
    records = load_labels(eval_labels)
    records.append(dataclasses.replace(records[0], selector="#no-such-control", target="Ghost"))
    result = annotate(records, eval_root, tmp_path, browser=browser)
    assert [p.relative_to(tmp_path).as_posix() for p in result.pages] == [
        "pages/controls/states.png", "pages/more/extra.png"]
    assert sorted(p.name for p in result.sheets) == ["pages_controls.sheet.png", "pages_more.sheet.png"]
    assert result.unreadable == 1
    page = Image.open(result.pages[0]).convert("RGB")
    assert page.width == 1280 + LEGEND_W  # the rendering at eval's viewport width, legend beside it
    # the hard record '#grey' (index 6) is outlined in orange around its drawn box
    grey = next(i for i, r in enumerate(records) if r.selector == "#grey")
    assert records[grey].category == "hard"
    pixels = page.crop((0, 0, 1280, page.height)).tobytes()
    orange = sum(tuple(pixels[i:i + 3]) == ORANGE for i in range(0, len(pixels), 3))
    assert orange > 50
    sheet = Image.open(result.sheets[0])
    assert sheet.width > 1000 and sheet.height > 150


def test_only_some_pages(browser: Browser, eval_labels: Path, eval_root: Path, tmp_path: Path) -> None:
    result = annotate(load_labels(eval_labels), eval_root, tmp_path, only=["more/"], browser=browser)
    assert [p.name for p in result.pages] == ["extra.png"] and result.unreadable == 0
