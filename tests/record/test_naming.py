"""Naming controls: the shortest target that resolves to exactly the intended control."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from autoglm_ui.record.naming import Ref, locate, name_controls, quote
from autoglm_ui.targets import capture_targets
from tests.record.helpers import dom_scan

pytestmark = pytest.mark.browser


def test_quote_writes_readable_double_quoted_literals() -> None:
    assert quote("Save") == '"Save"'
    assert quote("Say \"hi\"") == "'Say \"hi\"'"
    assert quote("it's → next") == '"it\'s → next"'
    assert eval(quote('a\\b"c\'d\n')) == 'a\\b"c\'d\n'


def test_ref_code_and_build(page: Page) -> None:
    ref = Ref(method="get_by_role", args=("button",), kwargs=(("name", "Save"), ("exact", True)), nth=1)
    assert ref.code == 'page.get_by_role("button", name="Save", exact=True).nth(1)'
    assert ref.by_position and Ref(text="Save").build(page) == "Save"


def test_every_control_on_a_page_of_duplicates_gets_a_target_that_resolves_to_it(
    page: Page, record_url: str
) -> None:
    page.goto(f"{record_url}/duplicates.html")
    states = dom_scan(page)
    refs = name_controls(page, states)
    assert all(r is not None for r in refs)
    cap = capture_targets(page, [r.build(page) for r in refs if r is not None])
    assert [c.raw["index"] for c in cap.controls] == [s.raw["index"] for s in states]
    codes = {(s.kind, s.name, r.code) for s, r in zip(states, refs, strict=True) if r is not None}
    # unique names stay plain strings; collisions fall back to test ids, ids, roles, position last
    assert ("button", "Close", '"Close"') in codes  # the rendered one wins over its hidden twin
    assert ("link", "Edit", '"edit-profile"') in codes
    assert ("button", "Save", 'page.locator("#billing-save")') in codes
    assert ("textbox", "Email", '"you@example.com"') in codes
    assert ("link", "Help", 'page.get_by_role("link", name="Help", exact=True)') in codes
    positional = sorted(name for _, name, code in codes if ".nth(" in code)
    assert positional == ["Close", "Delete", "Delete", "Save"]  # twins nothing else tells apart
    assert ("button", "Delete", 'page.get_by_role("button", name="Delete", exact=True).nth(1)') in codes


def test_action_locators_prefer_role_and_name(page: Page, record_url: str) -> None:
    page.goto(f"{record_url}/signup.html")
    states = {s.name: s for s in dom_scan(page)}
    assert locate(page, states["Email"].raw) == Ref(
        method="get_by_role", args=("textbox",), kwargs=(("name", "Email"), ("exact", True))
    )
    hidden = locate(page, states["Go to dashboard"].raw)  # role locators skip hidden elements
    assert hidden is not None and hidden.code == 'page.get_by_text("Go to dashboard", exact=True)'
