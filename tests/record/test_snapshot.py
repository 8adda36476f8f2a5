"""Snapshot mode: the generated module's layout, targets, flagged checks, and ruff."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from autoglm_ui.errors import CaptureError, NoMatchError
from autoglm_ui.record.browsing import load
from autoglm_ui.record.snapshot import default_test_name, snapshot_page
from autoglm_ui.targets import capture_targets
from tests.record.conftest import REPO
from tests.record.helpers import dom_scan, seen_as

pytestmark = pytest.mark.browser


def ruff(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *args, str(path)],
        capture_output=True, text=True, cwd=path.parent,
    )


def target_expressions(text: str, *, confirmed_only: bool = True) -> list[str]:
    """The source of every ``widget_state(...)`` argument in a generated module, in order.

    ``confirmed_only=False`` includes the checks written as comments to confirm.
    """
    if not confirmed_only:
        text = re.sub(r"^( +)# (To confirm [^:]*: )?(assert .*)$", r"\1\3", text, flags=re.M)
    calls = [n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Call)]
    found = [ast.unparse(c.args[0]) for c in calls if getattr(c.func, "id", "") == "widget_state"]
    return list(dict.fromkeys(found))


def test_signup_snapshot_reads_top_to_bottom(page: Page, record_url: str) -> None:
    url = f"{record_url}/signup.html"
    load(page, url)
    rec = snapshot_page(page, url, dom_scan)
    body = rec.text.split("def test_signup(page: Page, widget_state) -> None:\n", 1)[1]
    assert body.startswith(f'    page.goto("{url}")\n\n    # Navigation: Main\n')
    expected_in_order = [
        'assert widget_state("Home") == "enabled"',
        "# Form: Create your account",
        'assert widget_state("Email") == "enabled"',
        "# Plan",
        'assert widget_state("Free") == "checked"',
        'assert widget_state("Pro") == "unchecked"',
        "# Form: Create your account (continued)",
        'assert widget_state("I accept the terms") == "unchecked"',
        'assert widget_state("Create account") == "disabled"',
        "# Main content",
        'assert widget_state("Go to dashboard") == "hidden"',  # hidden: its visibility only
        "# Footer",
    ]
    positions = [body.index(line) for line in expected_in_order]
    assert positions == sorted(positions)
    assert (rec.test_name, rec.controls, rec.checks, rec.to_confirm, rec.disagreements) == (
        "test_signup", 12, 12, 0, 0
    )
    assert "DOM/pixel disagreement:" not in body and "To confirm" not in body


def test_disagreements_are_marked_blocks_and_unsure_checks_are_comments(
    page: Page, record_url: str
) -> None:
    url = f"{record_url}/signup.html"
    load(page, url)
    rec = snapshot_page(page, url, seen_as("Create account", {"availability": "enabled"}))
    assert (
        "\n\n    # DOM/pixel disagreement: the DOM says availability is \"disabled\"; a user sees"
        ' "enabled". The\n    # check follows what is seen.\n'
        '    assert widget_state("Create account") == "enabled"\n\n'
    ) in rec.text
    assert (rec.checks, rec.to_confirm, rec.disagreements) == (12, 0, 1)
    rec = snapshot_page(page, url, seen_as("Pro", {"checked": "checked"}, confidence=0.55))
    assert (
        '    # To confirm (seen with confidence 0.55; the DOM says "unchecked"):\n'
        '    # assert widget_state("Pro") == "checked"\n'
    ) in rec.text
    assert (rec.checks, rec.to_confirm, rec.disagreements) == (11, 1, 0)  # unsure: not a block


def test_duplicate_names_snapshot_targets_resolve_uniquely(
    page: Page, record_url: str, tmp_path: Path
) -> None:
    url = f"{record_url}/duplicates.html"
    load(page, url)
    states = dom_scan(page)
    rec = snapshot_page(page, url, dom_scan, test_name="test_twins")
    exprs = target_expressions(rec.text)
    assert len(exprs) == len(states) == 12 and rec.unnamed == 0
    targets = [eval(e, {"page": page}) for e in exprs]  # each is a string or a Locator
    cap = capture_targets(page, targets)  # raises on any ambiguous or unmatched target
    assert sorted(c.raw["index"] for c in cap.controls) == sorted(s.raw["index"] for s in states)
    module = tmp_path / "test_twins.py"
    module.write_text(rec.text)
    for args in ((), ("--isolated",), ("--config", str(REPO / "pyproject.toml"))):
        result = ruff(module, *args)
        assert result.returncode == 0, result.stdout + result.stderr
    compile(rec.text, str(module), "exec")


def test_long_names_are_wrapped_like_a_formatter_would(page: Page, tmp_path: Path) -> None:
    name = "Send me the weekly product newsletter with offers"
    page.set_content(
        f"<label><input type=checkbox> {name}</label><label><input type=checkbox checked> {name}</label>"
    )
    rec = snapshot_page(page, "http://example.test/news", dom_scan)
    assert max(len(line) for line in rec.text.splitlines()) <= 99
    module = tmp_path / "test_news.py"
    module.write_text(rec.text)
    assert ruff(module, "--config", str(REPO / "pyproject.toml")).returncode == 0
    role = f"page.get_by_role('checkbox', name='{name}', exact=True)"
    assert target_expressions(rec.text) == [f"{role}.nth(0)", f"{role}.nth(1)"]
    assert "    assert widget_state(\n        page.get_by_role(\n" in rec.text
    assert '\n    ) == "checked"\n' in rec.text


@pytest.mark.parametrize(
    ("page_name", "error", "message"),
    [
        ("empty.html", NoMatchError, "is an empty page: nothing is rendered"),
        ("no_controls.html", NoMatchError, "has no controls to check"),
        ("missing.html", CaptureError, "answered HTTP 404"),
    ],
)
def test_pages_with_nothing_to_record_say_why(
    page: Page, record_url: str, page_name: str, error: type[Exception], message: str
) -> None:
    url = f"{record_url}/{page_name}"
    with pytest.raises(error, match=message):
        load(page, url)
        snapshot_page(page, url, dom_scan)


def test_default_test_names() -> None:
    assert default_test_name("http://x.test/account/sign-up.html") == "test_sign_up"
    assert default_test_name("http://x.test/", "Acme — Home") == "test_acme_home"
    assert default_test_name("http://x.test/index.html") == "test_x_test"
