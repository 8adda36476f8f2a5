"""The environment fingerprint: what shapes a capture and a forward pass, and how two machines differ."""

from __future__ import annotations

from autoglm_ui.environment import differences, fingerprint


def test_fingerprint_names_what_can_change_a_reading() -> None:
    here = fingerprint(browser="chromium", browser_version="156.0", viewport={"width": 1280, "height": 900},
                       device_scale_factor=1.0)
    assert here["browser"] == {"name": "chromium", "version": "156.0"}
    assert here["fonts"]["count"] and len(here["fonts"]["sha256"]) == 64  # the set-up installs fontconfig
    assert here["torch"]["version"] and here["cpu"]["cores"]
    assert differences(here, here) == []


def test_differences_say_what_differs_and_skip_what_is_unknown() -> None:
    here = fingerprint(browser="chromium", browser_version="156.0", device_scale_factor=1.0)
    there = {**here, "browser": {"name": "chromium", "version": "149.0"},
             "fonts": {"count": 12, "sha256": "0" * 64}, "device_scale_factor": None}
    said = differences(here, there)
    assert said[0] == "browser.version: 156.0 here, 149.0 there"
    assert said[1].startswith("fonts.sha256: ") and "000000000000… there" in said[1]
    assert len(said) == 2  # an unknown scale factor there is not a difference
