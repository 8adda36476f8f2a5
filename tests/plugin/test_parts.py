"""The plugin's plain parts, without a pytest run: slugs, the artifact ledger, records, the summary."""

from __future__ import annotations

from pathlib import Path

from autoglm_ui.plugin.artifacts import LEDGER, TestArtifacts, remove_listed, slug
from autoglm_ui.plugin.records import Difference, Disagreement, ReleaseUse, TestRecord


def test_slugs_are_safe_deterministic_and_unique_when_long() -> None:
    assert slug("tests/test_a.py::test_b[chromium-x y]") == "tests-test_a.py-test_b-chromium-x-y"
    assert slug("'Create account'") == "Create-account"
    a, b = slug("x" * 300 + "1"), slug("x" * 300 + "2")
    assert a != b and len(a) <= 120 and a == slug("x" * 300 + "1")


def test_only_files_the_plugin_made_are_removed(tmp_path: Path) -> None:
    from PIL import Image

    arts = TestArtifacts(tmp_path, "t.py::test_x")
    arts.folder.mkdir(parents=True)
    (arts.folder / "mine.txt").write_text("the user's")
    made = arts.save_image("01-Save-crop.png", Image.new("RGB", (4, 4)))
    assert (arts.folder / LEDGER).read_text().split() == ["01-Save-crop.png"]
    arts.discard()
    assert not made.exists() and not (arts.folder / LEDGER).exists()
    assert (arts.folder / "mine.txt").is_file()

    lone = TestArtifacts(tmp_path, "t.py::test_y")
    lone.save_json("01-Save-state.json", {"a": 1})
    lone.discard()
    assert not lone.folder.exists()  # empty once ours are gone
    remove_listed(tmp_path / "never-made")  # nothing listed: nothing to do
    assert tmp_path.is_dir()


def test_a_later_run_replaces_the_files_an_earlier_run_made(tmp_path: Path) -> None:
    first = TestArtifacts(tmp_path, "t.py::test_x")
    old = first.save_json("03-Old-state.json", {})
    second = TestArtifacts(tmp_path, "t.py::test_x")
    new = second.save_json("01-New-state.json", {})
    assert not old.exists() and new.exists()
    assert (second.folder / LEDGER).read_text().split() == ["01-New-state.json"]


def test_records_survive_a_round_trip_through_plain_data() -> None:
    record = TestRecord("t.py::test_x", reads=2, captures=5, seconds=0.25, load_seconds=1.5)
    record.use(ReleaseUse("default/1.0", "default", "ref default"))
    record.note_disagreements(
        [Disagreement("t.py::test_x", "'Pay'", "button", "Pay", "availability", "disabled", 0.93, "enabled")]
        * 2
    )
    record.note_differences(
        [
            Difference(
                "t.py::test_x",
                "'Pay'",
                "button",
                "Pay",
                "availability",
                "default/1.0",
                "disabled",
                0.93,
                "tiny/0.1",
                "enabled",
                0.6,
            )
        ]
    )
    data = record.to_json()
    assert TestRecord.from_json(data) == record
    assert len(record.disagreements) == 1
    assert "availability seen disabled (0.93), DOM says enabled" in record.disagreements[0].line()


def test_a_pass_removes_what_an_earlier_failing_run_left(tmp_path: Path) -> None:
    earlier = TestArtifacts(tmp_path, "t.py::test_x")
    left = earlier.save_json("01-Pay-state.json", {})
    TestArtifacts(tmp_path, "t.py::test_x").discard()  # this run wrote nothing, and passed
    assert not left.exists() and not earlier.folder.exists()
