"""Sign-up flow: assert on what a user *sees* the form doing.

``widget_state("Create account")`` reads a control once, the way a sighted user would judge it from
the screen, and answers with a WidgetState: ``== "disabled"``, ``.checked``, ``.invalid``,
``.busy``…, with ``.dom`` (what the DOM alone says) beside it.

``expect_state("Create account").to_be("enabled")`` is the auto-waiting version, like Playwright's
``expect``: it reads again and again until the state holds or the timeout (5 s by default) ends,
and on failure shows the last state seen, every state it saw on the way and the DOM's view.

Targets are found the way a user would name them: the accessible name ("Create account"), the label
("Email"), visible text, a placeholder, a data-testid; or pass a Playwright Locator.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from autoglm_ui.plugin import ExpectState, ReadState

TERMS = "I agree to the terms of service"


def fill_valid_form(page: Page) -> None:
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill("analytical-engine")


def test_create_account_is_disabled_until_the_terms_are_accepted(
    signup: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """The button starts greyed out; ticking the terms checkbox makes it pressable."""
    assert widget_state("Create account") == "disabled"
    assert widget_state(TERMS).unchecked

    signup.get_by_label(TERMS).check()

    expect_state(TERMS).to_be("checked")
    expect_state("Create account").to_be("enabled")


def test_unticking_the_terms_disables_the_button_again(
    signup: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """The checkbox drives the button both ways."""
    terms = signup.get_by_label(TERMS)
    terms.check()
    expect_state("Create account").to_be("enabled")

    terms.uncheck()

    expect_state("Create account").to_be("disabled")
    assert widget_state(terms).unchecked  # a Locator works as a target too


def test_an_invalid_email_is_flagged_when_leaving_the_field(
    signup: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """Validation waits until the user leaves the field, then shows the red invalid style."""
    email = signup.get_by_label("Email")
    email.fill("ada@")
    assert widget_state("Email").valid  # nothing flagged while the user is still typing

    email.press("Tab")  # blur

    expect_state("Email").to_be("invalid")
    email.fill("ada@example.com")  # correcting it clears the error as they type
    expect_state("Email").to_be("valid")


def test_submitting_flags_a_short_password(signup: Page, expect_state: ExpectState) -> None:
    """Pressing "Create account" validates every field; only the bad one turns red."""
    fill_valid_form(signup)
    signup.get_by_label("Password").fill("short")
    signup.get_by_label(TERMS).check()

    signup.get_by_role("button", name="Create account").click()

    expect_state("Password").to_be("invalid")
    expect_state("Email").to_be("valid")
    expect_state("Full name").to_be("valid")


def test_create_account_shows_a_spinner_then_welcomes_the_user(
    signup: Page, widget_state: ReadState, expect_state: ExpectState
) -> None:
    """After a valid submit the button spins (busy) for about 1.5 s, then a welcome appears."""
    fill_valid_form(signup)
    signup.get_by_label(TERMS).check()
    assert widget_state("Create account") == "idle"

    signup.get_by_role("button", name="Create account").click()

    expect_state("Create account").to_be("busy")
    expect_state("Create account").to_be("idle", timeout=5_000)
    expect(signup.get_by_role("status")).to_contain_text("Welcome aboard, Ada!")
