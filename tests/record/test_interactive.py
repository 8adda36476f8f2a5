"""Interactive mode driven from code: real Playwright actions, real DOM events, recorded in order."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import Page

from autoglm_ui.record.interactive import Recorder
from tests.record.conftest import REPO
from tests.record.helpers import dom_scan

pytestmark = pytest.mark.browser


def body_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("-> None:\n", 1)[1].splitlines()]


def test_sign_up_flow_records_actions_then_the_states_they_changed(
    page: Page, record_url: str, tmp_path: Path
) -> None:
    url = f"{record_url}/signup.html"
    recorder = Recorder(page, dom_scan).start(url)
    page.get_by_label("Email").fill("ada")
    recorder.checkpoint()
    page.get_by_label("Email").fill("ada@example.com")
    recorder.checkpoint()
    page.get_by_label("Password").press_sequentially("correct horse")  # 13 input events, one fill
    page.get_by_label("Pro", exact=True).check()
    recorder.checkpoint()
    page.get_by_text("I accept the terms").click()  # a click on the label checks the box
    recorder.checkpoint()
    page.get_by_role("button", name="Create account").click()
    recorder.checkpoint()
    assert recorder.checkpoint() is None  # nothing happened since

    email = 'page.get_by_role("textbox", name="Email", exact=True)'
    assert body_of(recorder.render("test_sign_up")) == [
        f'page.goto("{url}")',
        "",
        f'{email}.fill("ada")',
        'expect_state("Email").to_be("invalid")',
        "",
        f'{email}.fill("ada@example.com")',
        'expect_state("Email").to_be("valid")',
        "",
        'page.get_by_role("textbox", name="Password", exact=True).fill("correct horse")',
        'page.get_by_role("radio", name="Pro", exact=True).check()',
        'expect_state("Free").to_be("unchecked")',
        'expect_state("Pro").to_be("checked")',
        "",
        'page.get_by_role("checkbox", name="I accept the terms", exact=True).check()',
        'expect_state("I accept the terms").to_be("checked")',
        'expect_state("Create account").to_be("enabled")',
        "",
        'page.get_by_role("button", name="Create account", exact=True).click()',
        'expect_state("Create account").to_be("disabled")',
        'expect_state("Go to dashboard").to_be("visible")',
    ]
    module = tmp_path / "test_sign_up.py"
    module.write_text(recorder.render("test_sign_up"))
    ruff = [sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(REPO / "pyproject.toml")]
    result = subprocess.run([*ruff, str(module)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_selections_presses_disclosures_and_renamed_controls(page: Page, record_url: str) -> None:
    recorder = Recorder(page, dom_scan).start(f"{record_url}/controls.html")
    page.get_by_label("Country").select_option("de")
    page.get_by_label("Search").fill("shoes")
    page.get_by_label("Search").press("Enter")
    recorder.checkpoint()
    page.get_by_role("button", name="Follow").click()  # renames itself to "Unfollow"
    recorder.checkpoint()
    page.get_by_text("More options").click()
    recorder.checkpoint()
    assert body_of(recorder.render("test_preferences"))[2:] == [
        'page.get_by_role("combobox", name="Country", exact=True).select_option("de")',
        'page.get_by_role("searchbox", name="Search", exact=True).fill("shoes")',
        'page.get_by_role("searchbox", name="Search", exact=True).press("Enter")',
        '# Check this locator: button "Follow" changed as it was used.',
        'page.get_by_role("button", name="Follow", exact=True).click()',
        'expect_state("Unfollow").to_be("visible")',  # to the diff, a new control
        "",
        'page.get_by_text("More options", exact=True).click()',
        'expect_state("More options").to_be("expanded")',
        'expect_state("Compact view").to_be("visible")',
        'expect_state("Compact view").to_be("unchecked")',
    ]


XVFB = shutil.which("xvfb-run")


@pytest.mark.skipif(XVFB is None, reason="xvfb-run is not installed (apt-get install -y xvfb)")
def test_headed_recording_under_xvfb(record_url: str, tmp_path: Path) -> None:
    script = tmp_path / "headed.py"
    script.write_text(textwrap.dedent(f"""
        from autoglm_ui.record.live import record_interactive
        from tests.record.helpers import dom_scan

        def drive(recorder):
            recorder.page.get_by_text("I accept the terms").click()
            recorder.checkpoint()
            recorder.page.close()

        result = record_interactive({record_url + "/signup.html"!r}, dom_scan, headless=False, drive=drive)
        print(result.text)
    """))
    proc = subprocess.run(
        [str(XVFB), "-a", sys.executable, str(script)], capture_output=True, text=True, cwd=REPO,
        timeout=180, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr
    assert re.search(r'check\(\)\n    expect_state\("I accept the terms"\)\.to_be\("checked"\)', proc.stdout)
