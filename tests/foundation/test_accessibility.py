"""The DOM's voice is Chromium's accessibility tree: custom elements, shadow roots, ElementInternals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from autoglm_ui.capture import capture
from autoglm_ui.dom_view import dom_view, facets_for
from autoglm_ui.targets import capture_targets

pytestmark = pytest.mark.browser


@pytest.fixture
def components(page: Page, fixtures_url: str) -> Iterator[Page]:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{fixtures_url}/pages/components.html")
    yield page


def test_hosts_resolve_to_the_controls_they_wrap_and_the_tree_gives_states(components: Page) -> None:
    page = components
    cap = capture(page, handles=[page.locator(s).element_handle() for s in
                                 ("#wifi", "#radio", "#city", "#zip", "#news", "#office")])
    got = [(c.kind, c.raw["ax"]["role"], c.name) for c in cap.controls]
    assert got == [
        ("switch", "switch", "Wi-Fi"),             # role and state only in ElementInternals
        ("switch", "switch", "Airplane mode"),
        ("textbox", "textbox", "City"),            # the <input> inside the host's shadow root
        ("textbox", "textbox", "Postcode"),
        ("checkbox", "checkbox", "Newsletter"),
        ("select", "combobox", "Office"),
    ]
    views = [dom_view(c.raw) for c in cap.controls]
    assert views[0]["checked"] == "checked" and views[0]["availability"] == "enabled"
    assert views[1]["checked"] == "unchecked" and views[1]["availability"] == "disabled"
    assert views[2]["readonly"] == "readonly" and views[3]["validity"] == "invalid"
    assert views[4]["checked"] == "checked"
    # the hosts' tags are where the crops are cut: the drawn boxes are the controls', on the page
    assert all(c.drawn.width > 0 and c.drawn.height > 0 for c in cap.controls)


PASSWORD_FIELD = """
<script>
customElements.define("x-password", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).innerHTML =
      '<button type="button" aria-label="Show password">show</button><slot></slot>';
  }
});
</script>
<x-password id="pw"><label for="secret">Password</label>
  <input id="secret" type="password" value="hunter2"></x-password>
"""


def test_a_host_wrapping_a_field_and_a_button_is_the_field(page: Page) -> None:
    """A password field with its reveal button in the shadow root (as Clarity's ``cds-password``
    draws one) is a text field: the button is its accessory."""
    page.set_content(PASSWORD_FIELD)
    (field,) = capture(page, handles=[page.locator("#pw").element_handle()]).controls
    assert (field.kind, field.name) == ("textbox", "Password")


def test_names_resolve_across_shadow_roots_and_a_scan_finds_every_control(components: Page) -> None:
    page = components
    cap = capture_targets(page, ["Wi-Fi", "City", "Office", "Newsletter"])
    assert [c.kind for c in cap.controls] == ["switch", "textbox", "select", "checkbox"]
    every = capture(page, all_controls=True)
    assert sorted((c.kind, c.name) for c in every.controls) == [
        ("checkbox", "Newsletter"), ("checkbox", "Remember me"), ("select", "Office"),
        ("switch", "Airplane mode"), ("switch", "Sync contacts"), ("switch", "Wi-Fi"),
        ("textbox", "City"), ("textbox", "Postcode"),
    ]
    assert page.evaluate("Object.getOwnPropertySymbols(window).map(String)") == []  # nothing left behind


def test_an_element_whose_validity_throws_does_not_fail_the_page(components: Page) -> None:
    page = components
    with pytest.raises(Exception, match="validity"):
        page.evaluate("document.querySelector('#wifi').validity")
    cap = capture(page, all_controls=True)
    assert len(cap.controls) == 8 and all("error" not in c.raw for c in cap.controls)


def test_a_states_role_is_the_browsers(components: Page) -> None:
    from autoglm_ui.state import WidgetState, implicit_role

    page = components
    cap = capture(page, handles=[page.locator(s).element_handle() for s in ("#wifi", "#city", "#office")])
    roles = [WidgetState(c.kind, c.name, c.box, {}, {}, {}, "none", raw=c.raw).role for c in cap.controls]
    assert roles == ["switch", "textbox", "combobox"]
    assert (implicit_role("a"), implicit_role("input", "checkbox"), implicit_role("input")) == (
        "link", "checkbox", "textbox")


def test_a_slotted_input_is_drawn_by_the_components_box_and_a_track_is_a_switch(components: Page) -> None:
    page = components
    cap = capture(page, handles=[page.locator(s).element_handle() for s in ("#remember", "#sync")])
    remember, sync = cap.controls
    assert (remember.kind, remember.raw["drawn_tag"]) == ("checkbox", "span")
    assert round(remember.drawn.width) == round(remember.drawn.height) == 20  # the 16-px box and its border
    assert (sync.kind, sync.raw["drawn_tag"]) == ("switch", "span")  # a checkbox drawn as a track
    assert sync.drawn.width > 1.5 * sync.drawn.height
    assert not cap.crop(0).blank and not cap.crop(1).blank


def test_disclosures_read_as_a_user_sees_them(page: Page, fixtures_url: str) -> None:
    """A custom element heading an accordion panel is an accordion header whatever its role; a toggle
    a form label names is a select; a toggle nothing labels stays a (menu) button."""
    page.goto(f"{fixtures_url}/pages/disclosures.html")
    targets = ("#acc-h", "#det-s", "#zone", "#menu")
    cap = capture(page, handles=[page.locator(s).element_handle() for s in targets])
    assert [c.kind for c in cap.controls] == ["accordion", "accordion", "select", "button"]
    every = capture(page, all_controls=True)
    assert sorted((c.kind, c.name) for c in every.controls) == [
        ("accordion", "Advanced options"), ("accordion", "Quotas"), ("button", "Actions ▾"), ("button", "OK"),
        ("select", "Availability zone"), ("switch", "Sync"),
    ]
    # behind a modal dialog the page is inert and its tree ignores it: the element's name says the kind
    page.goto(f"{fixtures_url}/pages/disclosures.html#modal")
    page.reload()
    inert = capture(page, handles=[page.locator("#inert-sw").element_handle()]).controls[0]
    assert inert.raw["ax"]["ignored"] and inert.kind == "switch"
    # ... and a name finds it, as widget_state("Sync") does, to say it is occluded
    named = capture_targets(page, ["Sync"]).controls[0]
    assert named.kind == "switch" and named.raw["id"] == "inert-sw"


def test_a_panel_its_wrapper_collapses_is_not_shown(page: Page, fixtures_url: str) -> None:
    """The panel a header controls keeps its own box inside a wrapper collapsed to height 0 (through
    a web component's slot): what a user sees is a closed panel, whatever aria-expanded says."""
    page.goto(f"{fixtures_url}/pages/panels.html")
    handles = [page.locator(s).element_handle() for s in ("#h-open", "#h-shut")]
    opened, shut = capture(page, handles=handles).controls
    assert opened.raw["popup"] == {"via": "controls", "shown": True}
    assert shut.raw["popup"] == {"via": "controls", "shown": False}
    assert page.locator("#b-shut").bounding_box()["height"] > 10  # its own box is there all the same
    # a drawer slid off the page's edge (transform) is not shown; one slid in is
    handles = [page.locator(s).element_handle() for s in ("#d-shut", "#d-open")]
    slid_away, slid_in = capture(page, handles=handles).controls
    assert slid_away.raw["popup"] == {"via": "controls", "shown": False}
    assert slid_in.raw["popup"] == {"via": "controls", "shown": True}


def test_a_link_drawn_as_a_button_is_a_button(page: Page, fixtures_url: str) -> None:
    """A link drawn in a button's box (a fill, a frame on all four sides, an inset ring) is a button
    to a user; text without a box, a transparent frame, and the items of a navigation bar (a current
    one filled) stay links; a button drawn as plain text keeps its role's kind: nothing says link."""
    page.goto(f"{fixtures_url}/pages/link_buttons.html")
    targets = ("#fill", "#frame", "#ring", "#ghost", "#inline", "#nav-home", "#nav-docs", "#text-btn")
    cap = capture(page, handles=[page.locator(s).element_handle() for s in targets])
    assert [c.kind for c in cap.controls] == [
        "button", "button", "button", "link", "link", "link", "link", "button"]
    assert {c.raw["tag"] for c in cap.controls[:3]} == {"a"}  # the element stays what it is: its role is link


def test_accordion_headers_drawn_as_clickable_divs_are_found(page: Page, fixtures_url: str) -> None:
    """A header with no role that a click listener serves (on it or delegated to its list), in an
    element named for an accordion or heading a panel, is an accordion a scan and a name find; one
    that looks alike but nothing listens to, and a clickable card, are not controls."""
    page.goto(f"{fixtures_url}/pages/clickable_accordion.html")
    every = capture(page, all_controls=True)
    found = {c.raw["id"]: c for c in every.controls}
    assert sorted(found) == ["h-billing", "q-returns", "q-ship"]
    assert {c.kind for c in every.controls} == {"accordion"}
    assert {c.raw["tag"] for c in every.controls} == {"div", "h3"}
    # the DOM says nothing of them (no aria-expanded); which panel shows is what a user sees
    assert found["q-ship"].raw["popup"] == {"via": "next", "shown": True}
    assert found["q-returns"].raw["popup"] == {"via": "next", "shown": False}
    assert dom_view(found["q-ship"].raw)["expanded"] == "collapsed"
    named = capture_targets(page, ["Returns"]).controls[0]
    assert named.raw["id"] == "q-returns" and named.kind == "accordion"
    # nothing is left on the page once the capture is done
    assert page.evaluate("() => Object.getOwnPropertySymbols(window).map(String)") == []


def test_two_training_web_component_libraries(page: Page, fixtures_url: str) -> None:
    """mdui and Nord, as the generator bundles them: each host resolves to the native control in its
    open shadow root; kind, the tree's role and name, the DOM view and the drawn box are the user's."""
    from autoglm_ui.settle import settle

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{fixtures_url}/pages/wc_libraries.html")
    settle(page)
    ids = ("m-text", "m-check", "m-switch", "m-select", "n-text", "n-check", "n-switch", "n-select")
    cap = capture(page, handles=[page.locator(f"#{i}").element_handle() for i in ids])
    got = {i: c for i, c in zip(ids, cap.controls, strict=True)}
    assert [(c.kind, c.raw["ax"]["role"], c.name) for c in cap.controls] == [
        ("textbox", "textbox", "Project name"), ("checkbox", "checkbox", "Send reports"),
        ("switch", "checkbox", "Dark mode"),   # mdui draws a checkbox as a track: a switch to a user
        ("select", "textbox", "Region"),       # a read-only field showing the choice, in mdui-select
        ("textbox", "textbox", "Team name*"), ("checkbox", "checkbox", "Notify me"),
        ("switch", "switch", "Autosave"), ("select", "combobox", "Size"),
    ]
    assert all(c.raw["in_shadow"] for c in cap.controls)  # the native control inside, not the host
    views = {i: dom_view(c.raw) for i, c in got.items()}
    assert views["m-text"]["readonly"] == "readonly" and views["n-text"]["readonly"] == "editable"
    assert views["m-check"]["checked"] == "checked" and views["n-check"]["checked"] == "unchecked"
    assert views["m-switch"]["availability"] == "disabled" and views["n-switch"]["checked"] == "checked"
    assert views["n-select"]["expanded"] == "collapsed" and views["m-select"]["expanded"] == "collapsed"
    for i in ("m-switch", "n-switch"):  # the track is drawn about twice as wide as high
        assert 1.4 * got[i].drawn.height < got[i].drawn.width < 2.8 * got[i].drawn.height
    assert got["m-check"].raw["drawn_tag"] == "label" and not got["m-check"].drawn.empty
    named = capture_targets(page, ["Project name", "Send reports", "Dark mode", "Region", "Team name",
                                   "Notify me", "Autosave", "Size"])
    assert [c.kind for c in named.controls] == ["textbox", "checkbox", "switch", "select", "textbox",
                                                "checkbox", "switch", "select"]
    # mdui's select keeps a radio in its shadow root for form validation only: no control of its own
    every = capture(page, all_controls=True)
    assert [c.kind for c in every.controls if c.name == "Region"] == ["select"]


def test_links_drawn_as_a_tab_bar_are_tabs(page: Page, fixtures_url: str) -> None:
    """Links in a row of an element named for tabs are tabs (with a selected facet, the current one
    drawn apart), even the filled current one; a link in text, a footer row and a column stay links."""
    page.goto(f"{fixtures_url}/pages/link_tabs.html")
    ids = ("t-overview", "t-activity", "t-settings", "inline", "f-privacy", "v-one")
    cap = capture(page, handles=[page.locator(f"#{i}").element_handle() for i in ids])
    assert [c.kind for c in cap.controls] == ["tab", "tab", "tab", "link", "link", "link"]
    current, other = cap.controls[0], cap.controls[1]
    assert current.raw["tabs"]["n"] == 3 and current.raw["tabs"]["apart"]
    assert other.raw["tabs"]["n"] == 3 and not other.raw["tabs"]["apart"]
    assert "selected" in facets_for(current.raw)  # the DOM says nothing of it: the look decides


def test_checkboxes_and_radios_drawn_by_their_labels_before(page: Page, fixtures_url: str) -> None:
    """A visually hidden input drawn by its label's ::before is represented by the label: visible,
    its crop covering the drawn box, the box's mark among the facts."""
    page.goto(f"{fixtures_url}/pages/drawn_by_label.html")
    ids = ("c-on", "c-off", "r-on", "r-off")
    cap = capture(page, handles=[page.locator(f"#{i}").element_handle() for i in ids])
    assert [c.kind for c in cap.controls] == ["checkbox", "checkbox", "radio", "radio"]
    for k, c in enumerate(cap.controls):
        assert c.raw["drawn_tag"] == "label" and c.box.width <= 1.5 < c.drawn.width
        assert c.raw["style"]["marks"] == [[16, 16]] and not cap.crop(k).blank
        assert dom_view(c.raw)["visibility"] == "visible"
    checked = [dom_view(c.raw)["checked"] for c in cap.controls]
    assert checked == ["checked", "unchecked", "checked", "unchecked"]
