"""Settings page: tabs, a read-only field, selects, switches, checkboxes, accordions, a modal.

Every widget kind has its own facets (see the README's vocabulary): a tab is ``selected`` or
``unselected``, a switch ``checked`` or ``unchecked``, an accordion ``expanded`` or ``collapsed``, a
text field ``readonly`` or ``editable``, and every control is ``enabled``/``disabled`` and
``visible``/``hidden``/``occluded``/``offscreen``. A facet that does not apply is ``None``.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from autoglm_ui.plugin import ExpectState, ReadState


def test_tabs_show_which_section_is_open(
    settings: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """The open tab is highlighted; clicking another moves the highlight."""
    assert widget_state("Profile").selected
    assert widget_state("Notifications").unselected

    settings.get_by_role("tab", name="Notifications").click()

    expect_state("Notifications").to_be("selected")
    assert widget_state("Profile").unselected


def test_profile_fields(settings: Page, widget_state: ReadState) -> None:
    """The account ID is read-only (greyed, dashed); the display name is editable."""
    assert widget_state("Account ID").readonly
    assert widget_state("Display name").editable

    language = widget_state("Language")
    assert language.kind == "select"
    assert language == "enabled"
    assert language.collapsed


def test_reading_several_facets_at_once(settings: Page, widget_state: ReadState) -> None:
    """One read answers every facet, each with a confidence, next to what the DOM says."""
    state = widget_state("Display name")

    assert state.facets["readonly"] == "editable"
    assert state.facets["checked"] is None  # does not apply to a text field
    assert state.confidence["visibility"] > 0.5
    assert state.dom["availability"] == "enabled"
    assert not state.disagreements  # pixels and DOM agree here


def test_switches_and_checkboxes(settings: Page, widget_state: ReadState, expect_state: ExpectState) -> None:
    """Switches are drawn by CSS; autoglm-ui judges the drawing, not the hidden input."""
    settings.get_by_role("tab", name="Notifications").click()
    assert widget_state("Desktop notifications").checked
    assert widget_state("Sounds").unchecked
    assert widget_state("Comments on my notes").checked
    assert widget_state("Tips and tutorials").unchecked

    settings.get_by_role("switch", name="Sounds").check()
    settings.get_by_role("switch", name="Desktop notifications").click()

    expect_state("Sounds").to_be("checked")
    expect_state("Desktop notifications").to_be("unchecked")


def test_accordions_open_and_close(
    settings: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """A button in a heading and a <details> element: both read as accordions."""
    question = "How long do you keep deleted notes?"
    settings.get_by_role("tab", name="Privacy & data").click()
    assert widget_state(question).collapsed

    settings.get_by_role("button", name=question).click()

    expect_state(question).to_be("expanded")
    assert widget_state("Who can read a shared note?").collapsed

    settings.get_by_role("tab", name="Profile").click()
    settings.get_by_text("Advanced profile options").click()
    expect_state("Advanced profile options").to_be("expanded")


def test_radio_buttons(settings: Page, widget_state: ReadState) -> None:
    settings.get_by_role("tab", name="Privacy & data").click()
    assert widget_state("My team").checked
    assert widget_state("Everyone").unchecked


def test_the_delete_dialog_covers_the_page(settings: Page, expect_state: ExpectState) -> None:
    """While the dialog is open, the page behind it is covered: Playwright still calls it visible.

    The DOM has no notion of "covered by something else"; ``occluded`` is what a user sees.
    """
    settings.get_by_role("tab", name="Privacy & data").click()
    delete = settings.get_by_role("button", name="Delete account")

    delete.click()

    expect_state("Keep my account").to_be("visible")
    expect(delete).to_be_visible()  # Playwright: still visible...
    expect_state("Delete account").to_be("occluded")  # ...but the dialog's backdrop is on top of it

    settings.keyboard.press("Escape")
    expect_state("Keep my account").to_be("hidden")
    expect_state("Delete account").to_be("visible")
