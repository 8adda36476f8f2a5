"""Capture in real Chromium: facts, drawn boxes, shadow DOM, iframes, scrolling, crops."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from autoglm_ui.capture import Capture, capture
from autoglm_ui.dom_view import dom_view
from autoglm_ui.errors import CaptureError, DetachedElementError

pytestmark = pytest.mark.browser


def by_id(cap: Capture) -> dict[str, int]:
    return {str(c.raw["id"]): i for i, c in enumerate(cap.controls) if c.raw["id"]}


@pytest.fixture()
def loaded(page: Page, fixtures_url: str) -> Page:
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{fixtures_url}/pages/capture.html")
    page.wait_for_function("() => !!document.querySelector('host-el').shadowRoot")
    return page


def test_every_control_is_enumerated_including_shadow_and_iframe(loaded: Page) -> None:
    cap = capture(loaded, all_controls=True)
    ids = by_id(cap)
    wanted_ids = (
        "plain", "off", "custom", "zero", "gone", "far", "moved", "shadow-btn", "inner", "row5", "deep"
    )
    for wanted in wanted_ids:
        assert wanted in ids, f"{wanted} missing from {sorted(ids)}"
    shadow = cap.controls[ids["shadow-btn"]]
    assert shadow.raw["in_shadow"] and shadow.name == "Shadow button"
    inner = cap.controls[ids["inner"]]
    frame_box = loaded.locator("#frame").bounding_box()
    assert frame_box is not None
    assert inner.raw["in_frame"] and inner.box.x >= frame_box["x"] and inner.box.y >= frame_box["y"]
    assert inner.raw["hits"][0] == "self"


def test_facts_carry_state_evidence(loaded: Page) -> None:
    cap = capture(loaded, all_controls=True)
    ids = by_id(cap)
    off = cap.controls[ids["off"]]
    assert off.raw["attrs"]["disabled"] and dom_view(off.raw)["availability"] == "disabled"
    plain = cap.controls[ids["plain"]]
    assert dom_view(plain.raw)["availability"] == "enabled"
    assert plain.raw["hits"] == ["self"] * 5


def test_custom_checkbox_is_drawn_by_its_box(loaded: Page) -> None:
    cap = capture(loaded, all_controls=True)
    custom = cap.controls[by_id(cap)["custom"]]
    box = loaded.locator("#custom-label .fake").bounding_box()
    assert box is not None
    # the 1-px native input is represented by the span that draws the box, not the whole label
    assert not custom.raw["drawn_is_self"] and custom.raw["drawn_tag"] == "span"
    assert custom.drawn.width == pytest.approx(box["width"], abs=1)
    assert custom.box.width <= 1.5
    assert dom_view(custom.raw)["checked"] == "checked"


def test_offscreen_zero_size_and_hidden_controls_are_represented(loaded: Page) -> None:
    cap = capture(loaded, all_controls=True)
    ids = by_id(cap)
    far, moved = cap.controls[ids["far"]], cap.controls[ids["moved"]]
    assert far.raw["in_document"] == 0 and moved.raw["in_document"] == 0
    gone = cap.controls[ids["gone"]]
    assert not gone.raw["displayed"] and cap.crop(ids["gone"]).blank
    zero = cap.controls[ids["zero"]]
    assert zero.raw["paint_hidden"] == "size"
    row5 = cap.controls[ids["row5"]]
    assert row5.raw["container_visible_ratio"] < 0.5 and row5.raw["clipped_by"] == "scroll"


def test_occlusion_evidence_under_a_fixed_banner(loaded: Page) -> None:
    cap = capture(loaded, all_controls=True)
    covered = cap.controls[by_id(cap)["covered"]]
    assert covered.raw["hits"][0] == "other-fixed"
    assert dom_view(covered.raw)["visibility"] == "visible"  # what the DOM alone claims


def test_below_the_fold_is_shown_and_scroll_restored(loaded: Page) -> None:
    loaded.evaluate("window.scrollTo(0, 37)")
    before_html = loaded.content()
    cap = capture(loaded, all_controls=True)
    deep = by_id(cap)["deep"]
    assert cap.controls[deep].raw["in_viewport"] == pytest.approx(1.0)
    crop = cap.crop(deep)
    assert not crop.blank
    # the crop shows the button: not uniform padding
    assert len(crop.image.getcolors(maxcolors=1 << 16) or []) > 5
    assert cap.snapshot_of[deep] not in (None, 0)  # its own window position
    assert loaded.evaluate("window.scrollY") == 37
    assert loaded.content() == before_html


def test_inner_scroll_containers_are_never_scrolled(loaded: Page) -> None:
    capture(loaded, all_controls=True)
    assert loaded.evaluate("document.getElementById('scroller').scrollTop") == 0


def test_crops_follow_device_scale_factor(browser: Browser, fixtures_url: str) -> None:
    context = browser.new_context(device_scale_factor=2, viewport={"width": 800, "height": 600})
    try:
        page = context.new_page()
        page.goto(f"{fixtures_url}/pages/capture.html")
        cap = capture(page, handles=[page.locator("#plain").element_handle()])
        crop = cap.crop(0)
        drawn = cap.controls[0].drawn
        assert crop.image.width == pytest.approx((drawn.width + 32) * 2, abs=2)
        assert cap.snapshots[0].scale == pytest.approx(2.0, rel=0.01)
    finally:
        context.close()


def test_css_zoom_scales_boxes(page: Page, fixtures_url: str) -> None:
    page.goto(f"{fixtures_url}/pages/capture.html")
    normal = capture(page, handles=[page.locator("#plain").element_handle()]).controls[0].box
    page.evaluate("document.documentElement.style.zoom = '2'")
    zoomed = capture(page, handles=[page.locator("#plain").element_handle()]).controls[0].box
    assert zoomed.width == pytest.approx(normal.width * 2, rel=0.1)


def test_detached_element_is_a_clear_error(loaded: Page) -> None:
    handle = loaded.locator("#plain").element_handle()
    loaded.evaluate("document.getElementById('plain').remove()")
    with pytest.raises(DetachedElementError, match="no longer attached"):
        capture(loaded, handles=[handle])


def test_closed_page_is_a_clear_error(browser: Browser, fixtures_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{fixtures_url}/pages/capture.html")
    page.close()
    with pytest.raises(CaptureError, match="closed"):
        capture(page, all_controls=True)


def test_navigation_during_capture_is_a_clear_error(loaded: Page) -> None:
    from playwright.sync_api import Error

    from autoglm_ui.page_facts import translate_error

    # the error Playwright raises when the page navigates while capture.js runs
    navigated = Error("Execution context was destroyed, most likely because of a navigation")
    err = translate_error(navigated, loaded)
    assert isinstance(err, CaptureError)
    assert "navigated away" in str(err) and "wait_for_load_state" in str(err)


def test_capture_answers_scan_of_a_page_with_no_controls(page: Page) -> None:
    page.set_content("<p>nothing to press</p>")
    cap = capture(page, all_controls=True)
    assert cap.controls == () and cap.snapshots == ()



RELATIONS_PAGE = """
<style>.on{background:#2563eb;color:#fff} .menu{position:absolute} .off{opacity:.5}</style>
<button id="ctl-open" aria-expanded="true" aria-controls="p1">Open panel</button><div id="p1">Body</div>
<button id="ctl-shut" aria-expanded="true" aria-controls="p2">Shut panel</button>
<div id="p2" hidden>Body</div>
<button id="ctl-gone" aria-expanded="false" aria-controls="nowhere">Gone panel</button>
<span><button id="menu-btn" aria-haspopup="menu" aria-expanded="false">Actions</button><div class="menu"
  role="menu"><div>Rename</div><div>Move</div></div></span>
<div><h3><button id="acc" aria-expanded="true">Shipping</button></h3></div>
<div><h3><button id="acc2" aria-expanded="false">Returns</button></h3><div>Thirty days</div></div>
<details id="det"><summary id="sum">More</summary><p>Hidden while closed</p></details>
<style>.bx{display:inline-block;width:14px;height:14px;border:2px solid #2563eb;position:relative}
.bx.mixed::after{content:'';position:absolute;left:2px;right:2px;top:6px;height:2px;background:#2563eb}</style>
<span role="checkbox" aria-checked="false" id="row"><span class="bx mixed"></span>Row-drawn</span>
<div role="tablist"><button role="tab" id="t1" aria-selected="false" class="on">One</button><button
  role="tab" id="t2" aria-selected="true">Two</button><button role="tab" id="t3">Three</button><button
  role="tab" id="t4" class="off">Four</button></div>
"""


def test_relations_popup_shown_tab_drawn_apart_and_box_inside_a_row(page: Page) -> None:
    page.set_content(RELATIONS_PAGE)
    cap = capture(page, all_controls=True)
    raw = {str(c.raw["id"]): c.raw for c in cap.controls if c.raw["id"]}
    assert raw["ctl-open"]["popup"] == {"via": "controls", "shown": True}
    assert raw["ctl-shut"]["popup"] == {"via": "controls", "shown": False}  # aria-expanded says open
    assert raw["ctl-gone"]["popup"] == {"via": "missing", "shown": False}
    assert raw["menu-btn"]["popup"] == {"via": "next", "shown": True}  # aria-expanded says closed
    assert raw["acc"]["popup"] == {"via": "none", "shown": False}  # a heading with no panel after it
    assert raw["acc2"]["popup"] == {"via": "heading", "shown": True}
    assert raw["sum"]["popup"] == {"via": "details", "shown": False}
    page.locator("#sum").click()
    raw_open = capture(page, all_controls=True).controls
    assert next(c.raw["popup"] for c in raw_open if c.raw["id"] == "sum") == {"via": "details", "shown": True}
    # the tab drawn apart is One (aria says Two); Four differs only by its opacity
    assert raw["t1"]["tabs"]["n"] == 4 and set(raw["t1"]["tabs"]["apart"]) >= {"background", "color"}
    assert raw["t2"]["tabs"]["apart"] == [] and raw["t3"]["tabs"]["apart"] == []
    assert raw["t4"]["tabs"]["apart"] == ["opacity"]
    # a check control drawn as a row: the paint of the box inside it, with the bar of "mixed"
    inner = raw["row"]["style"]["inner_box"]
    assert inner["marks"] and inner["marks"][0][0] > 3 * inner["marks"][0][1]
    assert raw["t1"]["style"]["inner_box"] is None
    assert raw["t1"]["popup"] is None and raw["ctl-open"]["tabs"] is None  # facts only where they apply


LOOPS_PAGE = """
<style>
@keyframes turn { to { transform: rotate(360deg) } }
@keyframes fade { to { opacity: .5 } }
.ring { display: inline-block; width: 1em; height: 1em; border: 2px solid; border-right-color: transparent;
        border-radius: 50%; animation: turn 1s linear infinite }
.held { animation-play-state: paused }
.dots::after { content: "..."; animation: fade 1s infinite alternate }
.once { animation: fade .2s 1 }
</style>
<button id="spin"><span class="ring"></span> Saving</button>
<button id="held"><span class="ring held"></span> Saving</button>
<button id="dots" class="dots">Loading</button>
<button id="once" class="once">Saved</button>
<button id="still">Save</button>
"""


def test_loops_count_endless_animations_inside_a_control(page: Page) -> None:
    page.set_content(LOOPS_PAGE)
    cap = capture(page, all_controls=True)
    loops = {str(c.raw["id"]): c.raw["style"]["loops"] for c in cap.controls}
    # a turning ring, a paused one and a looping ::after count; a one-off transition does not
    assert loops == {"spin": 1, "held": 1, "dots": 1, "once": 0, "still": 0}


PEERS_PAGE = """
<style>
button { color: rgb(20, 20, 20); background: rgb(240, 240, 240); border: 1px solid rgb(90, 90, 90) }
button.faint { color: oklch(0.8 0 0); cursor: not-allowed }
input { background: white; border: 1px solid rgb(90, 90, 90) }
input[readonly] { background: rgb(230, 230, 230); border-color: transparent }
</style>
<button id="b1">One</button><button id="b2">Two</button><button id="b3" class="faint">Three</button>
<button id="b4">Four</button>
<input id="f1"><input id="f2"><input id="f3" readonly><input id="mail" type="email">
"""


def test_peers_say_which_control_is_drawn_apart_from_its_kind(page: Page) -> None:
    page.set_content(PEERS_PAGE)
    raw = {str(c.raw["id"]): c.raw for c in capture(page, all_controls=True).controls}
    # the faint button: its text colour (oklch, parsed by the browser) and cursor differ from what
    # the other three share, and its text stands out far less than theirs
    faint = raw["b3"]["peers"]
    assert faint["n"] == 3 and faint["odd"] == ["color", "cursor"] and faint["ink"] < 0.5
    assert raw["b1"]["peers"]["odd"] == [] and 0.9 < raw["b1"]["peers"]["ink"] < 1.1
    assert set(raw["f3"]["peers"]["odd"]) == {"background", "border"}  # the read-only field
    assert raw["f1"]["peers"]["n"] == 2 and raw["f1"]["peers"]["odd"] == []
    assert raw["mail"]["peers"] == {"n": 0, "odd": [], "ink": None}  # another type: no peers


SLOTTED_SCROLLER_PAGE = """
<x-grid><button id="near">Near</button><button id="far">Far</button></x-grid>
<script>
customElements.define("x-grid", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).innerHTML =
      '<div style="width:300px;overflow-x:auto"><div style="display:flex;width:1000px">'
      + '<div style="width:100px"><slot name="a"></slot></div>'
      + '<div style="margin-left:700px"><slot name="b"></slot></div>'
      + '</div></div>';
  }
});
document.getElementById("near").slot = "a";
document.getElementById("far").slot = "b";
</script>
"""


def test_a_slotted_control_is_clipped_by_the_shadow_trees_scroller(page: Page) -> None:
    """Clipping follows the rendered (flat) tree: a button slotted into a web component's own
    scroller, scrolled out of it (a grid's column past its horizontal scroll), shows none of its
    box there, though its light-DOM parent (the host) clips nothing (design.md: offscreen)."""
    page.set_content(SLOTTED_SCROLLER_PAGE)
    near, far = (capture(page, handles=[page.query_selector(s)]).controls[0].raw for s in ("#near", "#far"))
    assert near["container_visible_ratio"] == 1 and near["clipped_by"] is None
    assert far["container_visible_ratio"] == 0 and far["clipped_by"] == "scroll"
    assert far["in_document"] > 0.99  # the page itself does not clip it: only the shadow scroller does


PARTLY_SCROLLED_PAGE = """
<div style="width:300px;overflow-x:auto"><div style="position:relative;width:900px;height:80px">
  <button id="mostly-in" style="position:absolute;left:240px;width:80px;top:0">In</button>
  <button id="mostly-out" style="position:absolute;left:280px;width:80px;top:40px">Out</button>
</div></div>
"""


def test_the_capture_says_whether_a_partly_scrolled_out_controls_centre_shows(page: Page) -> None:
    """``centre_shown``: whether the centre of the drawn box lies inside every clipping ancestor's
    visible box. A button three quarters inside a horizontal scroller shows its centre; one three
    quarters past its edge does not (design.md's offscreen, judged at the centre as occluded is)."""
    page.set_content(PARTLY_SCROLLED_PAGE)
    shown, out = (capture(page, handles=[page.query_selector(s)]).controls[0].raw
                  for s in ("#mostly-in", "#mostly-out"))
    assert shown["centre_shown"] is True and 0.5 < shown["container_visible_ratio"] < 1
    assert out["centre_shown"] is False and 0 < out["container_visible_ratio"] < 0.5
    assert shown["clipped_by"] == out["clipped_by"] == "scroll"


NAV_ITEM_PAGE = """
<x-nav-item id="item" aria-disabled="true" role="listitem">Billing</x-nav-item>
<script>
customElements.define("x-nav-item", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).innerHTML =
      '<a part="link" tabindex="-1" style="display:block;width:200px;height:40px"><slot></slot></a>'
      + '<button part="toggle" style="display:none">Toggle</button>';
  }
});
</script>
"""


def test_a_hosts_button_laid_out_nowhere_does_not_stand_for_the_host(page: Page) -> None:
    """A web component's part that is laid out nowhere (Vaadin's side-nav item keeps a display:none
    toggle button; its disabled item's link has no href) is not the control the host draws: the
    host is, and a sighted user sees it. Before, the capture read the hidden button: ``hidden``."""
    page.set_content(NAV_ITEM_PAGE)
    raw = capture(page, handles=[page.query_selector("#item")]).controls[0].raw
    assert raw["displayed"] is True and raw["paint_hidden"] is None
    assert raw["box"]["width"] >= 200 and raw["tag"] == "x-nav-item"
