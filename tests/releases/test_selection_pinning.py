"""Selection precedence, and pins written into pytest.ini without touching any other byte."""

from __future__ import annotations

from pathlib import Path

import iniconfig
import pytest

from autoglm_ui.releases import find_ini, read_pin, select_spec, write_pin

PIN = "tiny/1.0@sha256:" + "ab" * 32


@pytest.mark.parametrize(
    ("marker", "option", "env", "ini", "expected"),
    [
        ("m", "o", {"AUTOGLM_UI_MODEL": "e"}, "i", ("m", "marker @pytest.mark.autoglm_model")),
        (None, "o", {"AUTOGLM_UI_MODEL": "e"}, "i", ("o", "--autoglm-model")),
        (None, None, {"AUTOGLM_UI_MODEL": "e"}, "i", ("e", "$AUTOGLM_UI_MODEL")),
        (None, None, {"AUTOGLM_UI_MODEL": " "}, "i", ("i", "ini autoglm_model")),
        (None, None, {}, None, ("default", "ref default")),
        ("", None, {}, "", ("default", "ref default")),
    ],
)
def test_select_spec_precedence(
    marker: str | None, option: str | None, env: dict[str, str], ini: str | None, expected: tuple[str, str]
) -> None:
    assert select_spec(marker, option, env, ini) == expected


def _pin_value(path: Path) -> str:
    return iniconfig.IniConfig(str(path))["pytest"]["autoglm_model"]


def test_pin_replaces_only_its_line(tmp_path: Path) -> None:
    ini = tmp_path / "pytest.ini"
    before = (
        "# project settings ; keep me\n"
        "[pytest]\n"
        "addopts = -ra   # trailing comment\n"
        "autoglm_model = old/0.1\n"
        "    continued-value\n"
        "markers =\n"
        "    browser: drives Chromium\n"
        "\n"
        "; a comment about [other]\n"
        "[other]\n"
        "autoglm_model = not-this-one\n"
    )
    ini.write_text(before)
    change = write_pin(ini, PIN)
    assert change.previous == "old/0.1 continued-value" and not change.created
    assert ini.read_text() == before.replace(
        "autoglm_model = old/0.1\n    continued-value\n", f"autoglm_model = {PIN}\n"
    )
    assert read_pin(ini) == PIN == _pin_value(ini)


def test_pin_is_added_after_the_last_key_of_the_section(tmp_path: Path) -> None:
    ini = tmp_path / "pytest.ini"
    before = "[pytest]\r\naddopts = -q\r\nmarkers =\r\n    slow: slow\r\n\r\n# next\r\n[tool]\r\nx = 1"
    ini.write_bytes(before.encode())
    write_pin(ini, PIN)
    after = ini.read_bytes().decode()
    assert after == before.replace("slow: slow\r\n", f"slow: slow\r\nautoglm_model = {PIN}\r\n", 1)
    assert _pin_value(ini) == PIN
    write_pin(ini, "tiny/2.0")
    assert ini.read_bytes().decode() == before.replace(
        "slow: slow\r\n", "slow: slow\r\nautoglm_model = tiny/2.0\r\n"
    )


def test_pin_adds_a_section_or_a_file(tmp_path: Path) -> None:
    ini = tmp_path / "pytest.ini"
    ini.write_text("# only a comment")
    write_pin(ini, PIN)
    assert ini.read_text() == f"# only a comment\n\n[pytest]\nautoglm_model = {PIN}\n"
    fresh = tmp_path / "sub" / "pytest.ini"
    fresh.parent.mkdir()
    assert write_pin(fresh, PIN).created
    assert fresh.read_text() == f"[pytest]\nautoglm_model = {PIN}\n"


def test_find_ini_searches_upward(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_ini(deep) == tmp_path / "pytest.ini"
    assert read_pin(tmp_path / "pytest.ini") is None
