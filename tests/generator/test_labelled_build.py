"""``data build --labels``: the output folder is a labelled-page set that eval can serve as is."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from autoglm_ui.evaluation.runner import evaluate
from autoglm_ui.labels import load_labels
from autoglm_ui.training.generator import VENDOR, build_dataset


@pytest.mark.browser
def test_labelled_build_links_the_css_and_evaluates_cleanly(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "set"
    labels = out / "labels.json"
    build_dataset(
        out, 1, seed=3, sources=("bootstrap",), progress=False, labels_path=labels, write_samples=False,
        browser=browser,
    )
    link = out / "vendor"
    assert link.is_symlink() and link.resolve() == VENDOR.resolve()
    assert (link / "bootstrap" / "dist" / "css" / "bootstrap.min.css").is_file()
    records = load_labels(labels)
    result = evaluate(labels, out, None, browser=browser)  # the DOM-only view: no model needed
    assert result.summary.records == len(records) > 0
    assert result.summary.errors == 0
    # a second build into the same folder keeps the link as it is
    build_dataset(
        out, 1, seed=3, sources=("bootstrap",), progress=False, labels_path=labels, write_samples=False,
        browser=browser,
    )
    assert link.is_symlink()
