"""widget_state / expect_state with a trained release in real Chromium: failure output, artifacts,
disagreements, markers. The checks hold whatever the model answers: the suite prints what it read
and the assertions compare the plugin's reports with that.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.plugin.helpers import Run, copy_release, model_release, run_pytest

SUITE = '''
import pytest

HTML = """
<style>
  body { font: 16px sans-serif; padding: 16px }
  button { padding: 6px 14px; margin: 6px; background: #1565c0; color: white; border: 0; border-radius: 4px }
  button:disabled { background: #bbb; color: #777 }
  .ghost { background: #ccc; color: #888; cursor: not-allowed }
  .nocheck input { appearance: none; width: 16px; height: 16px; border: 1px solid #444 }
</style>
<button id="pay" disabled>Pay</button>
<button id="save">Save</button>
<button id="send" class="ghost">Send</button>
<label class="nocheck"><input type="checkbox" id="terms" checked> Terms</label>
<div id="late"></div>
<script>
  setTimeout(() => { document.getElementById("late").innerHTML = "<button>Later</button>" }, 400)
</script>
"""


@pytest.fixture
def loaded(page):
    page.set_content(HTML)
    return page


def show(test, target, st):
    print(f"READ {test} :: {target} :: {','.join(st.values())} :: {','.join(st.disagreements)}")


def test_reads(loaded, widget_state):
    for name in ["Pay", "Save", "Send", "Terms"]:
        show("test_reads", name, widget_state(name))


def test_locator_and_other_page(loaded, context, widget_state):
    other = context.new_page()
    other.set_content(HTML)
    assert widget_state("Save", page=other).name == "Save"
    assert widget_state(loaded.locator("#pay")).name == "Pay"


def test_failing_assert(loaded, widget_state):
    st = widget_state("Pay")
    show("test_failing_assert", "Pay", st)
    assert st == ("enabled" if st.disabled else "disabled")


def test_expect_waits_for_the_control(loaded, expect_state):
    expect_state("Later").to_be("visible", timeout=5000)


def test_expect_times_out(loaded, widget_state, expect_state):
    st = widget_state("Save")
    show("test_expect_times_out", "Save", st)
    expect_state("Save").to_be("enabled" if st.disabled else "disabled", timeout=700)
'''

MARKED = """
import pytest

@pytest.mark.autoglm_model({release!r})
def test_marked(page, widget_state):
    page.set_content("<button>Save</button>")
    print("MARKED", widget_state("Save").release, "|", widget_state.release.source)
"""

OUTCOMES = {
    "test_reads": "PASSED",
    "test_locator_and_other_page": "PASSED",
    "test_failing_assert": "FAILED",
    "test_expect_waits_for_the_control": "PASSED",
    "test_expect_times_out": "FAILED",
}


def make_suite(where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    (where / "test_suite.py").write_text(SUITE, encoding="utf-8")
    return where


def outcomes(run: Run) -> dict[str, str]:
    found = re.findall(r"^(PASSED|FAILED|ERROR) \S+::(\w+)", run.out, flags=re.M)
    return {name: outcome for outcome, name in found}


def reads(run: Run) -> list[tuple[str, str, list[str], list[str]]]:
    """What the suite printed about each read: test, target, perceived values, disagreements."""
    out = []
    for m in re.finditer(r"READ (\w+) :: (\w+) :: ([\w,]*) :: ([\w,]*)$", run.out, flags=re.M):
        test, target, values, disagreements = m.groups()
        out.append((test, target, values.split(","), [d for d in disagreements.split(",") if d]))
    return out


@pytest.fixture(scope="module")
def release() -> Path:
    return model_release()


@pytest.fixture(scope="module")
def default_run(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Run:
    where = make_suite(tmp_path_factory.mktemp("default"))
    copy = copy_release(release, where / "copy", "marked-copy")
    (where / "test_marker.py").write_text(MARKED.format(release=str(copy)), encoding="utf-8")
    (where / "autoglm-ui-results").mkdir()
    (where / "autoglm-ui-results" / "keep-me.txt").write_text("the user's own file\n")
    return run_pytest(where, f"--autoglm-model={release}", "-s")


def test_outcomes(default_run: Run) -> None:
    found = outcomes(default_run)
    assert {k: found.get(k) for k in OUTCOMES} == OUTCOMES, default_run.out[-4000:]
    assert found["test_marked"] == "PASSED"


def test_assert_failure_shows_seen_dom_disagreements_and_artifacts(default_run: Run) -> None:
    text = default_run.section("test_failing_assert")
    (_, _, values, disagreements) = next(r for r in reads(default_run) if r[0] == "test_failing_assert")
    wrong = "enabled" if "disabled" in values else "disabled"
    explanation = text[text.index("E       AssertionError") : text.index("\ntest_suite.py:")]
    assert f"assert widget_state('Pay') == '{wrong}'" in explanation
    assert re.search(
        rf"expected availability '{wrong}', seen '\w+' \(\d\.\d\d\); the DOM says disabled", text
    )
    assert re.search(r"seen: \w+ \(\d\.\d\d\), .*\[release .+\]", text), text
    if disagreements:
        assert re.search(rf"DOM disagrees on {disagreements[0]} \(seen \w+, DOM \w+\)", text), text
    else:
        assert "DOM agrees: disabled" in text
    for kind in ("crop", "screenshot"):  # short paths, relative to where pytest ran
        match = re.search(rf"E +{kind}: (\S+)", explanation)
        assert match, (kind, explanation)
        assert (default_run.where / match.group(1)).is_file()
    assert "..." not in explanation  # short enough that pytest shows it whole
    # the full table and every path, in the test's own report section
    details = text[text.index("Captured autoglm-ui call") :]
    assert re.search(r"availability: seen \w+ +\(\d\.\d\d\)  DOM disabled", details), details
    match = re.search(r"state: (\S+)", details)
    assert match and Path(match.group(1)).is_file()
    assert "site-packages" not in text


def test_expect_failure_shows_last_state_timeline_and_dom(default_run: Run) -> None:
    text = default_run.section("test_expect_times_out")
    assert re.search(r"expect_state\('Save'\)\.to_be\('\w+'\) failed after \d+ ms \(\d+ captures\)", text), (
        text
    )
    assert 'seen: button "Save"' in text and "DOM enabled" in text
    assert re.search(r"expected availability '\w+', last seen '\w+' \(\d\.\d\d\); the DOM says enabled", text)
    assert re.search(r"timeline .*\nE +\d+ ms  \w+ \(\d\.\d\d\)", text), text
    assert "screenshot: " in text


def test_retain_on_failure_keeps_only_failed_tests_artifacts(default_run: Run) -> None:
    out = default_run.where / "autoglm-ui-results"
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == [
        "test_suite.py-test_expect_times_out-chromium",
        "test_suite.py-test_failing_assert-chromium",
    ], folders
    files = sorted(p.name for p in (out / folders[1]).iterdir())
    assert files == [".autoglm-ui-files", "01-Pay-crop.png", "01-Pay-screenshot.png", "01-Pay-state.json"]
    state = json.loads((out / folders[1] / "01-Pay-state.json").read_text())
    assert state["target"] == "'Pay'" and state["dom"]["availability"] == "disabled"
    assert (out / "keep-me.txt").is_file()  # the output folder itself is never wiped


def test_summary_lists_release_reads_disagreements_and_time(default_run: Run, release: Path) -> None:
    lines = default_run.summary()
    text = "\n".join(lines)
    assert re.search(r"release: \S+ \('.*'\), selected by --autoglm-model: 5 tests", text), text
    assert re.search(r"release: marked-copy/1.0 \('.*'\), selected by marker", text), text
    assert re.search(r"states read: \d+ in 6 tests", text), text
    # each release used is compared with where its card was measured (these test copies record none)
    assert re.search(r"environment: (\S+'s card records no environment|not compared)", text), text
    assert re.search(r"time in autoglm-ui: [\d.]+ s \(model loads [\d.]+ s, reading [\d.]+ s", text), text
    for test, target, _, disagreements in reads(default_run):
        for facet in disagreements:
            assert any(
                f"::{test}" in line and f"'{target}'" in line and f"{facet} seen" in line for line in lines
            )
    assert "MARKED marked-copy/1.0 | marker" in default_run.out


@pytest.fixture(scope="module")
def strict_run(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Run:
    where = make_suite(tmp_path_factory.mktemp("strict"))
    return run_pytest(
        where, f"--autoglm-model={release}", "-s", "--autoglm-disagreements=fail", "--autoglm-artifacts=off"
    )


def test_disagreements_fail_the_test_that_met_one(strict_run: Run) -> None:
    found = outcomes(strict_run)
    met = {test for test, _, _, d in reads(strict_run) if d}
    if "test_reads" in met:
        assert found["test_reads"] == "FAILED"
        assert "a perceived state contradicts the DOM (--autoglm-disagreements=fail)" in strict_run.section(
            "test_reads"
        )
    else:
        assert found["test_reads"] == "PASSED"
    assert found["test_expect_waits_for_the_control"] == "PASSED"


def test_artifacts_off_writes_nothing(strict_run: Run) -> None:
    assert not (strict_run.where / "autoglm-ui-results").exists()
    assert "artifacts: off (--autoglm-artifacts=retain-on-failure saves" in strict_run.section(
        "test_failing_assert"
    )


@pytest.fixture(scope="module")
def always_run(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Run:
    where = make_suite(tmp_path_factory.mktemp("always"))
    stale = where / "autoglm-ui-results" / "test_suite.py-test_reads-chromium"
    stale.mkdir(parents=True)
    (stale / "09-Old-crop.png").write_bytes(b"from an earlier run")
    (stale / ".autoglm-ui-files").write_text("09-Old-crop.png\n")
    (stale / "notes.txt").write_text("the user's\n")
    return run_pytest(
        where, f"--autoglm-model={release}", "--autoglm-artifacts=on", "--autoglm-disagreements=ignore"
    )


def test_artifacts_on_keeps_every_read_and_replaces_only_its_own_files(always_run: Run) -> None:
    folder = always_run.where / "autoglm-ui-results" / "test_suite.py-test_reads-chromium"
    names = sorted(p.name for p in folder.iterdir())
    assert "09-Old-crop.png" not in names and "notes.txt" in names
    for i, target in enumerate(["Pay", "Save", "Send", "Terms"], start=1):
        assert {
            f"0{i}-{target}-crop.png",
            f"0{i}-{target}-screenshot.png",
            f"0{i}-{target}-state.json",
        } <= set(names)
    passed = (
        always_run.where / "autoglm-ui-results" / "test_suite.py-test_expect_waits_for_the_control-chromium"
    )
    assert (passed / "01-Later-crop.png").is_file()
    assert "disagreements with the DOM: not checked (--autoglm-disagreements=ignore)" in always_run.summary()
