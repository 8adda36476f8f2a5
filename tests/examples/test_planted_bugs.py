"""Three visual bugs planted in the settings page, each one invisible to DOM-only checks.

Each test runs Playwright's own assertion first: it passes, because the DOM is fine. Then it reads
what a user sees with ``widget_state``, which catches the bug, and shows that the two disagree.

These tests assert what is *seen*, so they pass: they demonstrate the detection. In your own suite
you would assert the state you intend, e.g. ``assert widget_state("Save settings").visible``, and
it would fail with what was seen, what the DOM says, a crop and an annotated screenshot.
With ``--autoglm-disagreements warn`` (what ``autoglm-ui demo`` uses) the run's summary also lists
every control whose perceived state contradicts its DOM; ``fail`` fails the test that met one.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from autoglm_ui.plugin import ExpectState, ReadState


def test_a_button_greyed_out_by_css_alone(settings: Page, widget_state: ReadState) -> None:
    """Bug (a), Settings → Privacy & data → Your data → "Export my data".

    The app "soft-disables" a button with a class (``is-disabled``: opacity .45 and
    ``pointer-events: none``) while an export is pending, and a failed request left the class on.
    A user sees a greyed-out button that ignores the mouse. It has no ``disabled`` attribute, so
    the DOM, and Playwright's ``to_be_enabled()``, say it is enabled.
    """
    settings.get_by_role("tab", name="Privacy & data").click()
    export = settings.get_by_role("button", name="Export my data")

    expect(export).to_be_enabled()  # Playwright: passes, the DOM says enabled

    state = widget_state("Export my data")
    assert state.disabled  # autoglm-ui: a user sees it greyed out
    assert state.dom["availability"] == "enabled"
    assert "availability" in state.disagreements


# control-state/1.1.0 read this empty box as checked (0.97), trusting the DOM; 1.4.0 (1.00) and
# 1.5.0 (0.97) see it unchecked, helped by the capture's mark facts: the drawn box paints no mark.
def test_a_checkmark_hidden_by_css(settings: Page, widget_state: ReadState) -> None:
    """Bug (b), Settings → Notifications → Email me about → "Product updates".

    The box is checked, but an info icon was inserted between the hidden input and the drawn
    box, so the rule ``.check__input:checked + .check__box`` no longer matches: the box stays
    white and its checkmark keeps ``opacity: 0``. The user believes they unsubscribed; they did
    not. The DOM, and Playwright's ``is_checked()``, say checked.
    """
    settings.get_by_role("tab", name="Notifications").click()
    product_updates = settings.get_by_role("checkbox", name="Product updates")

    expect(product_updates).to_be_checked()  # Playwright: passes, the input is checked
    assert product_updates.is_checked()

    state = widget_state("Product updates")
    assert state.unchecked  # autoglm-ui: a user sees an empty box
    assert state.dom["checked"] == "checked"
    assert "checked" in state.disagreements

    # The row above it is drawn correctly: there the two agree.
    comments = widget_state("Comments on my notes")
    assert comments.checked and not comments.disagreements


def test_a_button_under_a_sticky_banner(
    settings: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """Bug (c), Settings → the save bar → "Save settings", under the "Lumen Pro" promo bar.

    The promo bar is fixed to the bottom of the window, on top of the sticky save bar: only the
    top edge of "Save settings" peeks out, and a click on it lands on the banner. The button is
    in the DOM, has a size and is not ``visibility: hidden``, so Playwright calls it visible and
    enabled.
    """
    save = settings.get_by_role("button", name="Save settings")

    expect(save).to_be_visible()  # Playwright: passes
    expect(save).to_be_enabled()  # Playwright: passes

    state = widget_state("Save settings")
    assert state.occluded  # autoglm-ui: covered by the banner
    assert state.dom["visibility"] == "visible"
    assert "visibility" in state.disagreements

    # Dismissing the promotion uncovers it.
    settings.get_by_role("button", name="Dismiss promotion").click()
    expect_state("Save settings").to_be("visible")
