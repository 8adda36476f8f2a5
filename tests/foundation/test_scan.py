"""A scan reads each screenshot's controls while the capture goes on below the fold."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from autoglm_ui.capture import Capture, capture
from tests.foundation.test_page_scrolling import tall_page

pytestmark = pytest.mark.browser


def test_every_control_is_handed_over_once_with_its_final_facts_and_pixels(page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_content(tall_page(header=False))
    handed: list[tuple[list[int], list[Any], list[bytes]]] = []

    def keep(so_far: Capture, indices: Any) -> None:
        handed.append((list(indices), [so_far.controls[i].raw for i in indices],
                       [so_far.crop(i).image.tobytes() for i in indices]))

    cap = capture(page, all_controls=True, on_shot=keep)
    assert len(handed) == len(cap.snapshots) == 5  # the first window, then four below the fold
    assert sorted(i for indices, _, _ in handed for i in indices) == list(range(len(cap.controls)))
    for indices, raws, crops in handed:
        for i, raw, crop in zip(indices, raws, crops, strict=True):
            assert raw == cap.controls[i].raw and crop == cap.crop(i).image.tobytes()


def test_a_scan_answers_as_reading_the_whole_capture_does(page: Page, autoglm_recognizer: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_content(tall_page(header=True))
    # controls that read differently, so an answer handed to the wrong control would show
    page.evaluate("document.querySelectorAll('button').forEach((b, i) => { b.disabled = i % 3 === 1 })")
    scanned = autoglm_recognizer.scan(page)
    whole = autoglm_recognizer.classify(capture(page, all_controls=True))
    assert [(s.name, s.facets) for s in scanned] == [(s.name, s.facets) for s in whole]
    assert all(abs(a.confidence[f] - b.confidence[f]) < 1e-4
               for a, b in zip(scanned, whole, strict=True) for f in a.facets)
