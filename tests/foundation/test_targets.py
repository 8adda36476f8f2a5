"""Target resolution in real Chromium: names, selectors, locators, and both error messages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from autoglm_ui.errors import AmbiguousTargetError, DetachedElementError, NoMatchError, TargetError
from autoglm_ui.targets import capture_targets, is_selector

pytestmark = pytest.mark.browser


@pytest.fixture()
def names(page: Page, fixtures_url: str) -> Page:
    page.goto(f"{fixtures_url}/pages/ambiguous.html")
    return page


def one(page: Page, target: object) -> tuple[str, str]:
    cap = capture_targets(page, [target])  # type: ignore[list-item]
    c = cap.controls[0]
    return c.kind, c.name


def test_exact_name_beats_substring(names: Page) -> None:
    assert one(names, "Save draft") == ("button", "Save draft")
    assert one(names, "Create account") == ("button", "Create account")


def test_case_insensitive_then_substring(names: Page) -> None:
    assert one(names, "create ACCOUNT") == ("button", "Create account")
    assert one(names, "account") == ("button", "Create account")


def test_label_placeholder_and_testid(names: Page) -> None:
    assert one(names, "Email")[0] == "textbox"
    assert one(names, "Search products")[0] == "textbox"
    assert one(names, "go-btn") == ("button", "→")


def test_rendered_control_wins_over_a_hidden_twin(names: Page) -> None:
    assert one(names, "Pricing")[0] == "link"


def test_selectors_locators_and_handles_are_taken_as_they_are(names: Page) -> None:
    assert is_selector("#email") and is_selector("css=button") and not is_selector("Save")
    assert one(names, "#email")[0] == "textbox"
    assert one(names, names.get_by_role("link", name="Save")) == ("link", "Save")
    handle = names.locator("#email").element_handle()
    assert one(names, handle)[0] == "textbox"


def test_several_targets_in_one_capture(names: Page) -> None:
    cap = capture_targets(names, ["Save draft", names.locator("#email"), "Create account"])
    assert [c.name for c in cap.controls] == ["Save draft", "Email", "Create account"]


def test_no_match_lists_the_closest_names(names: Page) -> None:
    with pytest.raises(NoMatchError) as info:
        one(names, "Create acount now")
    msg = str(info.value)
    assert '"Create account"' in msg and "closest names" in msg


def test_several_matches_list_each_candidate_and_how_to_pick(names: Page) -> None:
    with pytest.raises(AmbiguousTargetError) as info:
        one(names, "Save")
    msg = str(info.value)
    assert "matches 2 controls" in msg
    assert 'button "Save" at (' in msg and 'link "Save" at (' in msg
    assert "get_by_role" in msg


def test_locator_matching_several_is_ambiguous(names: Page) -> None:
    with pytest.raises(AmbiguousTargetError, match="matches 3 controls"):
        one(names, names.locator("button").filter(has_text="Save").or_(names.get_by_text("Create account")))


def test_locator_matching_nothing(names: Page) -> None:
    with pytest.raises(NoMatchError, match="no control matches"):
        one(names, names.locator("#nope"))


def test_detached_handle(names: Page) -> None:
    handle = names.locator("#email").element_handle()
    names.evaluate("document.getElementById('email').remove()")
    with pytest.raises(DetachedElementError, match="no longer attached"):
        one(names, handle)


def test_locator_of_another_page(names: Page) -> None:
    other = names.context.new_page()
    try:
        with pytest.raises(TargetError, match="another page"):
            one(names, other.locator("button"))
    finally:
        other.close()


def test_bad_target_type(names: Page) -> None:
    with pytest.raises(TypeError, match="a target is a name string"):
        one(names, 42)
