"""The demo app (fixtures/demo) behaves as designed, in real Chromium and with no model.

Its own behaviour (the terms checkbox, validation, the loading button, tabs, switches, accordions,
the modal), the three planted visual bugs exactly as the example suite describes them (the DOM
says one thing, the pixels another), and every target the example suite names resolving to one
control of the intended kind.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import ConsoleMessage, Locator, Page, expect

from autoglm_ui.dom_view import dom_view
from autoglm_ui.targets import capture_targets

pytestmark = pytest.mark.browser

RED = "rgb(220, 38, 38)"
TERMS = "I agree to the terms of service"


@pytest.fixture()
def errors(page: Page) -> Iterator[list[str]]:
    """JavaScript errors on the page; the test fails if there are any."""
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))

    def console(msg: ConsoleMessage) -> None:
        if msg.type == "error" and "favicon" not in msg.location.get("url", ""):
            found.append(msg.text)

    page.on("console", console)
    yield found
    assert not found, found


@pytest.fixture()
def open_page(page: Page, fixtures_url: str, errors: list[str]) -> Callable[[str], Page]:
    def go(name: str) -> Page:
        page.set_viewport_size({"width": 1280, "height": 720})
        page.goto(f"{fixtures_url}/demo/{name}")
        return page

    return go


@pytest.fixture()
def signup(open_page: Callable[[str], Page]) -> Page:
    return open_page("signup.html")


@pytest.fixture()
def settings(open_page: Callable[[str], Page]) -> Page:
    return open_page("settings.html")


def centre(loc: Locator) -> tuple[float, float]:
    box = loc.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def hit_id(page: Page, x: float, y: float) -> str:
    """The id of the element at (x, y), or of its nearest ancestor with one."""
    found: str = page.evaluate(
        "([x, y]) => { const e = document.elementFromPoint(x, y); const h = e && e.closest('[id]');"
        " return h ? h.id : ''; }",
        [x, y],
    )
    return found


def style(loc: Locator, prop: str) -> str:
    value: str = loc.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)
    return value


# ---- index --------------------------------------------------------------------------------------


def test_index_links_to_every_page(open_page: Callable[[str], Page]) -> None:
    page = open_page("index.html")
    hrefs = {page.get_by_role("link", name=n).first.get_attribute("href") for n in ("Sign up", "Settings")}
    assert hrefs == {"signup.html", "settings.html"}
    page.get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(re.compile(r"/signup\.html$"))
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()


def test_pages_use_system_fonts_only(open_page: Callable[[str], Page]) -> None:
    for name in ("index.html", "signup.html", "settings.html"):
        page = open_page(name)
        family = style(page.locator("body"), "font-family")
        assert family.startswith('"DejaVu Sans", "Liberation Sans"'), family
        assert page.evaluate(  # no web fonts, no stylesheets from elsewhere
            "() => [...document.styleSheets].every(s => !s.href || s.href.startsWith(location.origin))"
        )


# ---- sign-up ------------------------------------------------------------------------------------


def test_terms_checkbox_enables_create_account(signup: Page) -> None:
    create = signup.get_by_role("button", name="Create account")
    expect(create).to_be_disabled()
    assert float(style(create, "opacity")) < 0.5

    signup.get_by_label(TERMS).check()
    expect(create).to_be_enabled()
    assert float(style(create, "opacity")) == 1

    signup.get_by_label(TERMS).uncheck()
    expect(create).to_be_disabled()


def test_email_is_validated_on_blur_and_cleared_while_correcting(signup: Page) -> None:
    email = signup.get_by_label("Email")
    email.fill("ada@")
    expect(email).not_to_have_attribute("aria-invalid", "true")  # not while typing

    email.press("Tab")
    expect(email).to_have_attribute("aria-invalid", "true")
    assert style(email, "border-top-color") == RED
    expect(signup.locator("#email-error")).to_be_visible()

    email.fill("ada@example.com")
    expect(email).not_to_have_attribute("aria-invalid", "true")
    expect(signup.locator("#email-error")).to_be_hidden()
    assert style(email, "border-top-color") != RED


def test_submit_validates_every_field(signup: Page) -> None:
    signup.get_by_label(TERMS).check()
    signup.get_by_label("Email").fill("ada@example.com")
    signup.get_by_label("Password").fill("short")
    signup.get_by_role("button", name="Create account").click()

    expect(signup.get_by_label("Full name")).to_have_attribute("aria-invalid", "true")
    expect(signup.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
    expect(signup.get_by_label("Email")).not_to_have_attribute("aria-invalid", "true")
    expect(signup.get_by_label("Full name")).to_be_focused()
    expect(signup.get_by_role("button", name="Create account")).not_to_have_attribute("aria-busy", "true")


def test_create_account_is_busy_for_about_a_second_and_a_half(signup: Page) -> None:
    signup.get_by_label("Full name").fill("Ada Lovelace")
    signup.get_by_label("Email").fill("ada@example.com")
    signup.get_by_label("Password").fill("analytical-engine")
    signup.get_by_label(TERMS).check()
    create = signup.get_by_role("button", name="Create account")

    start = time.monotonic()
    create.click()
    # busy: aria-busy and a spinner, and the name stays "Create account" while it spins
    signup.wait_for_function(
        "() => { const b = document.getElementById('create'); return b.getAttribute('aria-busy') === 'true'"
        " && !!b.querySelector('.spinner') && b.innerText.trim() === 'Create account'; }",
        polling=50,
    )
    expect(create).to_have_attribute("aria-busy", "false", timeout=5_000)
    elapsed = time.monotonic() - start
    assert 1.4 < elapsed < 5.0, elapsed
    expect(create.locator(".spinner")).to_have_count(0)
    expect(signup.get_by_role("status")).to_have_text(
        "Welcome aboard, Ada! We sent a confirmation link to ada@example.com."
    )


# ---- settings -----------------------------------------------------------------------------------


def test_tabs_select_one_panel_at_a_time(settings: Page) -> None:
    tabs = settings.get_by_role("tab")
    expect(tabs).to_have_count(3)
    profile = settings.get_by_role("tab", name="Profile")
    notifications = settings.get_by_role("tab", name="Notifications")
    expect(profile).to_have_attribute("aria-selected", "true")
    expect(settings.locator("#panel-profile")).to_be_visible()
    expect(settings.locator("#panel-notifications")).to_be_hidden()

    notifications.click()
    expect(notifications).to_have_attribute("aria-selected", "true")
    expect(profile).to_have_attribute("aria-selected", "false")
    expect(settings.locator("#panel-notifications")).to_be_visible()
    expect(settings.locator("#panel-profile")).to_be_hidden()

    notifications.press("ArrowDown")
    expect(settings.get_by_role("tab", name="Privacy & data")).to_be_focused()
    expect(settings.locator("#panel-privacy")).to_be_visible()


def test_profile_has_a_readonly_field_and_selects(settings: Page) -> None:
    expect(settings.get_by_label("Account ID")).not_to_be_editable()
    expect(settings.get_by_label("Display name")).to_be_editable()
    expect(settings.get_by_label("Time zone")).to_have_value("UTC+00:00 London")
    settings.get_by_label("Language").select_option("Deutsch")
    expect(settings.locator("#save-status")).to_have_text("You have unsaved changes.")


def test_switches_toggle(settings: Page) -> None:
    settings.get_by_role("tab", name="Notifications").click()
    desktop = settings.get_by_role("switch", name="Desktop notifications")
    sounds = settings.get_by_role("switch", name="Sounds")
    expect(desktop).to_be_checked()
    expect(sounds).not_to_be_checked()
    track = settings.locator(".toggle .switch")
    off_colour = style(track, "background-color")

    desktop.click()
    sounds.check()  # the transparent input lies over the track: Playwright can click it

    expect(desktop).to_have_attribute("aria-checked", "false")
    expect(sounds).to_be_checked()
    assert style(track, "background-color") != off_colour
    assert style(settings.locator("#desktop"), "background-color") == off_colour


def test_custom_checkboxes_draw_their_state(settings: Page) -> None:
    settings.get_by_role("tab", name="Notifications").click()
    comments_mark = settings.locator("#email-comments ~ .check__box .check__mark")
    tips = settings.get_by_role("checkbox", name="Tips and tutorials")
    tips_mark = settings.locator("#email-tips + .check__box .check__mark")
    assert style(comments_mark, "opacity") == "1"
    assert style(tips_mark, "opacity") == "0"

    settings.get_by_text("Tips and tutorials").click()  # the label takes the click for its 1-px input
    expect(tips).to_be_checked()
    assert style(tips_mark, "opacity") == "1"


def test_accordions_and_details_expand(settings: Page) -> None:
    settings.get_by_role("tab", name="Privacy & data").click()
    trigger = settings.get_by_role("button", name="How long do you keep deleted notes?")
    expect(trigger).to_have_attribute("aria-expanded", "false")
    expect(settings.locator("#faq-retention")).to_be_hidden()
    trigger.click()
    expect(trigger).to_have_attribute("aria-expanded", "true")
    expect(settings.locator("#faq-retention")).to_be_visible()

    settings.get_by_role("tab", name="Profile").click()
    details = settings.locator("details.more")
    assert details.evaluate("d => d.open") is False
    settings.get_by_text("Advanced profile options").click()
    assert details.evaluate("d => d.open") is True


def test_controls_the_examples_use_fit_above_the_save_bar(settings: Page) -> None:
    """Nothing the example suite reads sits under the sticky save bar or below the fold."""
    bar = settings.locator(".savebar").bounding_box()
    assert bar is not None
    for tab, names in {
        "Profile": ["Display name", "Account ID", "Language", "Time zone", "Advanced profile options"],
        "Notifications": ["Desktop notifications", "Comments on my notes", "Tips and tutorials"],
        "Privacy & data": ["My team", "Export my data", "Delete account", "Who can read a shared note?"],
    }.items():
        settings.get_by_role("tab", name=tab).click()
        if tab == "Privacy & data":  # with an answer open, the panel is at its tallest
            settings.get_by_role("button", name="How long do you keep deleted notes?").click()
        for name in names:
            loc = settings.get_by_text(name, exact=True).or_(settings.get_by_label(name, exact=True)).first
            box = loc.bounding_box()
            assert box is not None, name
            assert box["y"] + box["height"] < bar["y"], f"{name} reaches under the save bar"
        assert settings.evaluate("() => scrollY") == 0


def test_delete_dialog_covers_the_page_and_closes(settings: Page) -> None:
    settings.get_by_role("tab", name="Privacy & data").click()
    delete = settings.get_by_role("button", name="Delete account")
    delete.click()

    dialog = settings.get_by_role("dialog", name="Delete your account?")
    expect(dialog).to_be_visible()
    expect(settings.get_by_role("button", name="Keep my account")).to_be_focused()
    # Playwright still calls the button behind the backdrop visible; a user cannot reach it.
    expect(delete).to_be_visible()
    assert hit_id(settings, *centre(delete)) == "delete-modal"

    settings.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(delete).to_be_focused()
    delete.click()
    settings.get_by_role("button", name="Yes, delete everything").click()
    expect(dialog).to_be_hidden()
    expect(settings.locator("#toast")).to_have_text("This is a demo: nothing was deleted.")


# ---- the planted bugs, exactly as tests/examples/test_planted_bugs.py describes them --------------


def test_planted_bug_a_button_greyed_out_by_css_only(settings: Page) -> None:
    settings.get_by_role("tab", name="Privacy & data").click()
    export = settings.get_by_role("button", name="Export my data")

    expect(export).to_be_enabled()  # the DOM: enabled
    assert export.get_attribute("disabled") is None
    assert float(style(export, "opacity")) < 0.5  # the pixels: greyed out
    assert style(export, "pointer-events") == "none"
    # ...and it looks exactly like a really disabled button of the same style
    assert style(export, "opacity") == "0.45"


def test_planted_bug_b_checkmark_hidden_by_css(settings: Page) -> None:
    settings.get_by_role("tab", name="Notifications").click()
    product = settings.get_by_role("checkbox", name="Product updates")
    comments = settings.get_by_role("checkbox", name="Comments on my notes")

    expect(product).to_be_checked()  # the DOM: checked
    box = settings.locator("#email-product ~ .check__box")
    mark = box.locator(".check__mark")
    assert style(mark, "opacity") == "0"  # the pixels: no checkmark...
    assert style(box, "background-color") == "rgb(255, 255, 255)"  # ...in a white box
    # the same box, unchecked, looks identical
    tips_box = settings.locator("#email-tips + .check__box")
    assert style(box, "background-color") == style(tips_box, "background-color")
    assert style(box, "border-top-color") == style(tips_box, "border-top-color")
    # a correctly drawn checked box for comparison
    expect(comments).to_be_checked()
    comments_box = settings.locator("#email-comments + .check__box")
    assert style(comments_box, "background-color") != "rgb(255, 255, 255)"


def test_planted_bug_c_button_under_the_promo_banner(settings: Page) -> None:
    save = settings.get_by_role("button", name="Save settings")
    expect(save).to_be_visible()  # the DOM: visible
    expect(save).to_be_enabled()

    x, y = centre(save)
    assert hit_id(settings, x, y) == "promo"  # the pixels: the banner is on top of its centre
    box = save.bounding_box()
    assert box is not None
    assert hit_id(settings, x, box["y"] + 3) == "save"  # only its top edge peeks out
    with pytest.raises(Exception, match="intercepts pointer events"):
        save.click(timeout=1_500)

    settings.get_by_role("button", name="Dismiss promotion").click()
    assert hit_id(settings, *centre(save)) == "save"
    save.click()
    expect(settings.locator("#save-status")).to_have_text("Settings saved.")


def test_planted_bug_c_holds_whatever_the_window_height(page: Page, fixtures_url: str) -> None:
    for height in (600, 720, 900, 1200):
        page.set_viewport_size({"width": 1280, "height": height})
        page.goto(f"{fixtures_url}/demo/settings.html")
        for tab in ("Profile", "Notifications", "Privacy & data"):
            page.get_by_role("tab", name=tab).click()
            save = page.get_by_role("button", name="Save settings")
            assert hit_id(page, *centre(save)) == "promo", (height, tab)


# ---- what autoglm-ui's capture makes of it (DOM side only; no model) ---------------------------------

#: (page, tab to open or None, target as the example suite names it, expected kind)
TARGETS: list[tuple[str, str | None, str, str]] = [
    ("signup.html", None, "Create account", "button"),
    ("signup.html", None, TERMS, "checkbox"),
    ("signup.html", None, "Email", "textbox"),
    ("signup.html", None, "Password", "textbox"),
    ("signup.html", None, "Full name", "textbox"),
    ("settings.html", None, "Profile", "tab"),
    ("settings.html", None, "Notifications", "tab"),
    ("settings.html", None, "Account ID", "textbox"),
    ("settings.html", None, "Display name", "textbox"),
    ("settings.html", None, "Language", "select"),
    ("settings.html", None, "Advanced profile options", "accordion"),
    ("settings.html", None, "Save settings", "button"),
    ("settings.html", "Notifications", "Desktop notifications", "switch"),
    ("settings.html", "Notifications", "Sounds", "switch"),
    ("settings.html", "Notifications", "Comments on my notes", "checkbox"),
    ("settings.html", "Notifications", "Product updates", "checkbox"),
    ("settings.html", "Notifications", "Tips and tutorials", "checkbox"),
    ("settings.html", "Privacy & data", "How long do you keep deleted notes?", "accordion"),
    ("settings.html", "Privacy & data", "Who can read a shared note?", "accordion"),
    ("settings.html", "Privacy & data", "My team", "radio"),
    ("settings.html", "Privacy & data", "Everyone", "radio"),
    ("settings.html", "Privacy & data", "Export my data", "button"),
    ("settings.html", "Privacy & data", "Delete account", "button"),
    ("settings.html", "Privacy & data", "Keep my account", "button"),
]


@pytest.mark.parametrize(("page_name", "tab", "target", "kind"), TARGETS, ids=[t[2] for t in TARGETS])
def test_example_targets_resolve_to_one_control(
    open_page: Callable[[str], Page], page_name: str, tab: str | None, target: str, kind: str
) -> None:
    page = open_page(page_name)
    if tab:
        page.get_by_role("tab", name=tab).click()
    cap = capture_targets(page, [target])
    assert len(cap.controls) == 1
    assert cap.controls[0].kind == kind, cap.controls[0].raw


def facts(page: Page, target: str) -> dict[str, Any]:
    raw: dict[str, Any] = dict(capture_targets(page, [target]).controls[0].raw)
    return raw


def test_capture_sees_the_planted_bugs_dom_side_as_described(settings: Page) -> None:
    """What the DOM view says about each planted bug, and the evidence in the facts."""
    save = facts(settings, "Save settings")
    assert dom_view(save)["visibility"] == "visible"
    assert save["hits"][0] == "other-fixed" and "self" in save["hits"]

    settings.get_by_role("tab", name="Privacy & data").click()
    export = facts(settings, "Export my data")
    assert dom_view(export)["availability"] == "enabled"
    assert export["style"]["pointer_events"] == "none"
    assert float(export["style"]["effective_opacity"]) < 0.5

    settings.get_by_role("tab", name="Notifications").click()
    product = facts(settings, "Product updates")
    assert dom_view(product)["checked"] == "checked"
    assert not product["drawn_is_self"]  # judged by the drawn label, where no checkmark shows
