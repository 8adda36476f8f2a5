"""App shells and inert controls: the page's own scrolling and hit tests that see through a control."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from autoglm_ui.capture import capture
from autoglm_ui.dom_view import dom_view

pytestmark = pytest.mark.browser
REALSET = Path(__file__).resolve().parents[2] / "fixtures" / "realset"


@pytest.fixture
def shell(page: Page, fixtures_url: str) -> Page:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{fixtures_url}/pages/shell.html")
    return page


def test_below_an_app_shells_fold_is_visible_and_is_shot_by_scrolling_its_main(shell: Page) -> None:
    page = shell
    assert page.evaluate("document.documentElement.scrollHeight <= innerHeight")  # the document never scrolls
    handles = [page.locator(s).element_handle() for s in ("#digest", "#bottom-save", "#far")]
    cap = capture(page, handles=handles)
    digest, bottom, far = cap.controls
    for c in (digest, bottom):
        assert c.raw["in_page_scroller"] and c.raw["container_visible_ratio"] == 1.0, c.raw["clipped_by"]
        assert c.raw["in_document"] == 1.0
        assert not cap.crop(cap.controls.index(c)).blank  # shot where main was scrolled to it
        assert dom_view(c.raw)["visibility"] == "visible"
    # a strip that hides its overflow still clips: that control is out of what scrolling shows
    assert far.raw["container_visible_ratio"] < 0.1 and far.raw["clipped_by"] == "overflow-hidden"
    assert page.evaluate("document.getElementById('content').scrollTop") == 0  # put back


def test_pointer_events_none_is_not_occluded_by_what_lies_beneath(shell: Page) -> None:
    page = shell
    handles = [page.locator(s).element_handle() for s in ("#archive", "#export", "#top-save")]
    cap = capture(page, handles=handles)
    for c in cap.controls:
        assert c.raw["hits"] == ["self"] * 5, (c.name, c.raw["hits"])
    assert dom_view(cap.controls[0].raw)["availability"] == "disabled"
    # an open menu positioned over such a control still covers it
    covered = capture(page, handles=[page.locator("#under-menu").element_handle()]).controls[0]
    assert covered.raw["hits"][0] == "other", covered.raw["hits"]


def test_a_fixed_bar_covers_a_control_below_the_fold_only_where_a_user_would_still_see_it(
    page: Page, fixtures_url: str
) -> None:
    """Below the fold a user scrolls to a control: a fixed bottom bar over the spot the capture's
    window happened to give it is not a cover; a backdrop over every spot is."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{fixtures_url}/pages/fixed_bar.html")
    ids = ("#at-load", "#first", "#second")
    at_load, first, second = capture(page, handles=[page.locator(s).element_handle() for s in ids]).controls
    assert at_load.raw["hits"][0] == "other-fixed"  # judged where the page opens
    assert first.raw["hits"] == ["self"] * 5 and second.raw["hits"] == ["self"] * 5, second.raw["hits"]
    page.goto(f"{fixtures_url}/pages/fixed_bar.html#backdrop")
    covered = capture(page, handles=[page.locator(s).element_handle() for s in ids]).controls
    assert all(c.raw["hits"][0] == "other-fixed" for c in covered), [c.raw["hits"] for c in covered]



def test_hit_tests_after_the_capture_scrolls_answer_for_the_new_position(browser: Browser) -> None:
    """Chromium reports the new layout at once after a programmatic scroll, but its hit tests may
    keep answering for the old position until a frame is produced: the scroll script waits for one.
    Seen on the realset's Fluent grid (a plain page does not show it): a switch's corner probe hit
    the tab list that sat there before the scroll."""
    from autoglm_ui.capture import scroll_script
    from autoglm_ui.evaluation.runner import load_page
    from autoglm_ui.serve import serve_directory

    with serve_directory(REALSET) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        load_page(page, base, "fluent/grid.html")
        hits = page.evaluate(
            f"async (args) => {{ await ({scroll_script()})(args);"
            " const r = document.getElementById('sw-location').getBoundingClientRect();"
            " const hit = document.elementFromPoint(r.x + 0.8 * r.width, r.y + 0.25 * r.height);"
            " return [Math.round(r.y), hit.id] }",
            [0, 765, None, None],
        )
        page.close()
    assert hits == [333, "sw-location"]  # without the wait: [333, "tabs-main"]
