"""Bad input in real Chromium: each mistake gives one clear message naming the fix, no deep traceback.

These never reach the model (the target fails first), so a stand-in release is enough.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin.helpers import stand_in_release

SUITE = '''
import time
import pytest

HTML = """
<button id="save">Save</button>
<button>Delete</button><button>Delete</button>
<span id="gone"><button id="temp">Temporary</button></span>
"""

@pytest.fixture
def loaded(page):
    page.set_content(HTML)
    return page

def test_no_match(loaded, widget_state):
    widget_state("Svae")

def test_ambiguous(loaded, widget_state):
    widget_state("Delete")

def test_locator_matching_nothing(loaded, widget_state):
    widget_state(loaded.locator("#nope"))

def test_detached(loaded, widget_state):
    handle = loaded.query_selector("#temp")
    loaded.evaluate("document.querySelector('#gone').remove()")
    widget_state(handle)

def test_closed_page(loaded, widget_state):
    loaded.close()
    widget_state("Save")

def test_closed_page_locator(loaded, widget_state):
    locator = loaded.locator("#save")
    loaded.close()
    widget_state(locator)

def test_locator_of_another_page(loaded, context, widget_state):
    other = context.new_page()
    widget_state(other.locator("#save"))

def test_unknown_state_fails_at_once(loaded, expect_state):
    start = time.monotonic()
    try:
        expect_state("Save").to_be("enabeld", timeout=10_000)
    finally:
        print("TOOK", round(time.monotonic() - start, 1))

def test_expect_missing_control(loaded, expect_state):
    expect_state("Nope").to_be("enabled", timeout=300)
'''


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """Run the suite once (one browser) and split its output per test."""
    import subprocess
    import sys

    where = tmp_path_factory.mktemp("bad_input")
    release = stand_in_release(where / "releases", "stand-in")
    (where / "test_bad.py").write_text(SUITE, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-rA",
            f"--autoglm-model={release}",
            "--autoglm-artifacts=off",
            "-s",
        ],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = proc.stdout
    sections: dict[str, str] = {}
    for chunk in out.split("_____ ")[1:]:
        name = chunk.split(" ", 1)[0].split("[", 1)[0]
        sections[name] = chunk.split("\n====", 1)[0]
    return out, sections


CASES = {
    "test_no_match": "NoMatchError: no control matches 'Svae' on *; closest names: \"Save\"*",
    "test_ambiguous": "AmbiguousTargetError: 'Delete' matches 2 controls on *",
    "test_locator_matching_nothing": "NoMatchError: no control matches *#nope*",
    "test_detached": "DetachedElementError: * is no longer attached to the page*locate it again*",
    "test_closed_page": "CaptureError: the page was closed before its controls could be read; read*",
    "test_closed_page_locator": "CaptureError: *closed*read states before page.close()*",
    "test_locator_of_another_page": "TargetError: * belongs to another page *; pass page=...*",
    "test_unknown_state_fails_at_once": "ValueError: unknown state 'enabeld'; known states are *",
    "test_expect_missing_control": "AssertionError: expect_state('Nope').to_be('enabled'): no such control*",
}


@pytest.mark.parametrize("test", sorted(CASES))
def test_each_mistake_reads_as_one_clear_line(outcome: tuple[str, dict[str, str]], test: str) -> None:
    out, sections = outcome
    assert test in sections, out[-3000:]
    text = sections[test]
    lines = [line[2:] for line in text.splitlines() if line.startswith("E ")]
    assert any(_match(line, CASES[test]) for line in lines), text
    assert "site-packages" not in text, text  # no frames from Playwright or torch
    assert "autoglm_ui/" not in text, text  # nor from the library: the error points at the test's line


def test_unknown_state_does_not_wait_for_the_timeout(outcome: tuple[str, dict[str, str]]) -> None:
    out, _ = outcome
    took = [float(line.split()[-1]) for line in out.splitlines() if "TOOK" in line]
    assert took and took[0] < 2, out


def _match(line: str, pattern: str) -> bool:
    from fnmatch import fnmatch

    return fnmatch(line.strip(), "*" + pattern)


def test_stand_in_release_exists(tmp_path: Path) -> None:
    assert (stand_in_release(tmp_path, "x") / "release.json").is_file()
