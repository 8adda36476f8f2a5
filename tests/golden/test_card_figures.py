"""A pinned release's card figures reproduce: evaluated here, every labelled set its card names gives
the card's standard and hard facet accuracy within half a point (design.md: the pin's promise)."""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autoglm_ui.releases.store import Store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
EXE = Path(sys.executable).with_name("autoglm-ui")
TOLERANCE = 0.005
#: The labelled sets a card may carry figures for (card key -> folder with labels.json).
SETS = {"devset": "fixtures/devset", "realset": "fixtures/realset"}


def pinned_card() -> tuple[str, dict[str, object]]:
    ini = configparser.ConfigParser()
    ini.read(REPO / "pytest.ini")
    pin = ini["pytest"]["autoglm_model"].strip()
    store = Store()
    store.ensure_bundled()  # run alone, on an empty store, the pin still resolves
    release = store.resolve(pin.split("@", 1)[0])
    return release.spec, dict(release.manifest.get("card") or {})


def test_the_pinned_cards_figures_reproduce(tmp_path: Path) -> None:
    spec, card = pinned_card()
    keys = [key for key in SETS if isinstance(card.get(key), dict)]
    assert keys, f"{spec}'s card names none of {sorted(SETS)}: nothing to reproduce"
    for key in keys:
        figures = card[key]
        out = tmp_path / f"{key}.json"
        done = subprocess.run(
            [str(EXE), "eval", "--labels", str(REPO / SETS[key] / "labels.json"), "--root",
             str(REPO / SETS[key]), "--model", spec, "--json", str(out), "--misses", "0"],
            capture_output=True, text=True, timeout=900, env={**os.environ, "COLUMNS": "160"},
        )
        assert done.returncode == 0, done.stderr
        doc = json.loads(out.read_text())
        unreadable = sorted({r["error"] for r in doc["records"] if r["error"]})
        assert not unreadable, f"{spec} on {key}: records could not be read: {unreadable[:3]}"
        measured = doc["summary"]["facet_accuracy"]
        for category in ("standard", "hard"):
            card_value = figures["facet_accuracy"][category]  # type: ignore[index]
            assert abs(measured[category] - card_value) <= TOLERANCE, (
                f"{spec} on {key}, {category}: measured {100 * measured[category]:.1f} %, card"
                f" {100 * card_value:.1f} %; `autoglm-ui doctor` says how this machine differs"
            )
