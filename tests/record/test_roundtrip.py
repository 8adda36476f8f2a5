"""End to end with the real Recognizer: record, run the module with pytest, break the page, rerun.

Skipped, with the reason, when no model release can be loaded (see ``conftest.recognizer``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from autoglm_ui.recognizer import Recognizer
from autoglm_ui.record.browsing import load
from autoglm_ui.record.interactive import Recorder
from autoglm_ui.record.naming import quote
from autoglm_ui.record.snapshot import snapshot_page
from autoglm_ui.serve import serve_directory
from autoglm_ui.targets import capture_targets
from tests.record.conftest import REPO
from tests.record.test_snapshot import ruff, target_expressions

pytestmark = pytest.mark.browser

SIGNUP = REPO / "fixtures" / "record" / "signup.html"
#: (a control of the sign-up page, an edit to the page that changes what a user sees of it)
BREAKS = [
    ("Send me product news", ('id="news">', 'id="news" checked>')),
    ("Create account", ('id="create" disabled>', 'id="create">')),
    ("Free", ('value="free" checked>', 'value="free">')),
]


def asserted(text: str, name: str) -> bool:
    """The module checks ``name`` in code (not only in a comment to confirm)."""
    code = rf"^ {{4}}(assert |\w+ = )widget_state\({re.escape(quote(name))}\)"
    return re.search(code, text, re.M) is not None


def seen_change(
    recognizer: Recognizer, page: Page, name: str, html_file: Path, edit: tuple[str, str]
) -> bool:
    """Apply ``edit``; keep it when the release confidently sees ``name`` change, else undo it."""
    before = recognizer.state(page, name)
    original = html_file.read_text()
    html_file.write_text(original.replace(*edit))
    page.reload()
    after = recognizer.state(page, name)
    sure = [f for f, v in before.facets.items() if v is not None and before.confidence.get(f, 0) >= 0.8]
    if any(after.facets.get(f) != before.facets.get(f) for f in sure):
        return True
    html_file.write_text(original)
    page.reload()
    return False


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the sign-up page, served, so that a test can change it."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(SIGNUP, root / "signup.html")
    with serve_directory(root) as base:
        yield root / "signup.html", f"{base}/signup.html"


def test_recorded_module_passes_then_catches_a_changed_control(
    pytester: pytest.Pytester, page: Page, recognizer: Recognizer, release_option: str,
    site: tuple[Path, str],
) -> None:
    html_file, url = site
    load(page, url)
    text = snapshot_page(page, url, recognizer.scan, test_name="test_signup").text
    pytester.makepyfile(test_signup=text)
    args = ("--autoglm-model", release_option, "-p", "no:cacheprovider", "-q")
    first = pytester.runpytest_subprocess(*args)
    if "fixture 'widget_state' not found" in first.stdout.str():
        pytest.skip("the autoglm-ui pytest plugin does not provide widget_state yet")
    first.assert_outcomes(passed=1)

    broken = next(
        (n for n, edit in BREAKS if asserted(text, n) and seen_change(recognizer, page, n, html_file, edit)),
        None,
    )
    if broken is None:
        pytest.skip(f"{recognizer.release} sees none of the page edits this test can make:\n{text}")
    second = pytester.runpytest_subprocess(*args)
    second.assert_outcomes(failed=1)
    second.stdout.fnmatch_lines([f"*{quote(broken)}*"])


def test_duplicates_recorded_with_the_model_resolve_uniquely(
    page: Page, recognizer: Recognizer, record_url: str
) -> None:
    url = f"{record_url}/duplicates.html"
    load(page, url)
    rec = snapshot_page(page, url, recognizer.scan)
    exprs = target_expressions(rec.text, confirmed_only=False)  # every control, sure or not
    cap = capture_targets(page, [eval(e, {"page": page}) for e in exprs])
    assert len({c.raw["index"] for c in cap.controls}) == len(exprs) == rec.controls == 12


def test_interactive_sign_up_with_the_model(page: Page, recognizer: Recognizer, record_url: str) -> None:
    recorder = Recorder(page, recognizer.scan).start(f"{record_url}/signup.html")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill("correct horse")
    recorder.checkpoint()
    page.get_by_label("I accept the terms").check()
    recorder.checkpoint()
    page.get_by_role("button", name="Create account").click()
    recorder.checkpoint()
    text = recorder.render("test_sign_up")
    order = [
        'page.get_by_role("textbox", name="Email", exact=True).fill("ada@example.com")',
        'page.get_by_role("textbox", name="Password", exact=True).fill("correct horse")',
        'page.get_by_role("checkbox", name="I accept the terms", exact=True).check()',
        'page.get_by_role("button", name="Create account", exact=True).click()',
    ]
    positions = [text.find(line) for line in order]
    assert -1 not in positions and positions == sorted(positions), text
    # which states changed is the release's call; each check follows the action that caused it
    assert "expect_state(" not in text.split(order[0])[0], text


def test_cli_writes_refuses_and_forces_with_the_model(
    tmp_path: Path, release_option: str, site: tuple[Path, str]
) -> None:
    _, url = site
    out = tmp_path / "tests" / "test_signup.py"
    base = [sys.executable, "-m", "autoglm_ui.cli.main", "record", url, "--model", release_option]
    first = subprocess.run([*base, "-o", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"Wrote {out}" in first.stderr and "def test_signup(page: Page, widget_state)" in out.read_text()
    assert ruff(out, "--config", str(REPO / "pyproject.toml")).returncode == 0
    again = subprocess.run([*base, "-o", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr
    forced = subprocess.run([*base, "-o", "-", "--name", "test_again"], capture_output=True, text=True)
    assert forced.returncode == 0 and "def test_again(page: Page, widget_state)" in forced.stdout
