"""Grouping controls by page region: landmarks, runs in document order, vertical bands."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from autoglm_ui.record.regions import group_regions
from tests.record.helpers import dom_scan

pytestmark = pytest.mark.browser


def titled(page: Page) -> list[tuple[str, list[str]]]:
    states = dom_scan(page)
    return [(r.title, [states[i].name for i in r.members]) for r in group_regions(page, states)]


def test_landmarks_in_document_order(page: Page, record_url: str) -> None:
    page.goto(f"{record_url}/signup.html")
    assert titled(page) == [
        ("Navigation: Main", ["Home", "Pricing", "Sign in"]),
        ("Form: Create your account", ["Email", "Password"]),
        ("Plan", ["Free", "Pro"]),
        (
            "Form: Create your account (continued)",
            ["Send me product news", "I accept the terms", "Create account"],
        ),
        ("Main content", ["Go to dashboard"]),
        ("Footer", ["Privacy"]),
    ]


def test_same_titles_are_numbered_and_hidden_controls_join_their_neighbours(page: Page) -> None:
    page.set_content(
        "<nav><a href='#a'>A</a></nav><main><p>x</p></main><nav><a href='#b'>B</a>"
        "<button style='display:none'>Hidden</button></nav>"
    )
    assert titled(page) == [("Navigation", ["A"]), ("Navigation (2)", ["B", "Hidden"])]


def test_a_page_without_landmarks_is_cut_into_screens(page: Page) -> None:
    page.set_viewport_size({"width": 800, "height": 600})
    page.set_content(
        "<button>Top</button><div style='height: 700px'></div><button>Lower</button>"
        "<div style='height: 700px'></div><a href='#x'>Bottom</a>"
    )
    assert titled(page) == [
        ("Top of the page", ["Top"]),
        ("Further down (screen 2)", ["Lower"]),
        ("Further down (screen 3)", ["Bottom"]),
    ]
