"""The generator in real Chromium: coverage, disagreement cases, determinism, on-disk round trip."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from autoglm_ui.dom_view import dom_view, facets_for
from autoglm_ui.training.dataset import Dataset, DatasetWriter
from autoglm_ui.training.widgets import CASES, VISIBILITY_HOW
from autoglm_ui.vocab import FACET_NAMES, FACETS, KINDS

pytestmark = pytest.mark.browser


def test_every_kind_and_facet_value_is_present(small_build: Dataset) -> None:
    kinds = {s.kind for s in small_build.samples}
    assert kinds == set(KINDS)
    seen = {(f, v) for s in small_build.samples for f, v in s.labels.items() if v is not None}
    missing = [(f, v) for f, values in FACETS.items() for v in values if (f, v) not in seen]
    assert not missing, f"facet values never produced: {missing}"
    assert {s.source for s in small_build.samples} == {"own", "bootstrap"}


def test_labels_cover_exactly_the_applicable_facets(small_build: Dataset) -> None:
    for s in small_build.samples:
        applies = set(facets_for(s.facts))
        assert {f for f in FACET_NAMES if s.labels[f] is not None} == applies, s.id


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_disagreement_case_is_labelled_as_seen(small_build: Dataset, case: str) -> None:
    facet, perceived, _ = CASES[case]
    samples = [s for s in small_build.samples if s.case == case and s.labels["visibility"] == "visible"]
    assert samples, f"case {case} never produced"
    for s in samples:
        assert s.labels[facet] == perceived, s.id
        assert dom_view(s.facts)[facet] != perceived, f"{s.id}: the DOM agrees, so {case} is no disagreement"
        assert s.category == "hard"


def test_visibility_mechanisms_are_labelled_as_seen(small_build: Dataset) -> None:
    by_case = {}
    for s in small_build.samples:
        by_case.setdefault(s.case, set()).add(s.labels["visibility"])
    for vis, hows in VISIBILITY_HOW.items():
        for how in set(hows) - {"scroll", "carousel"}:
            assert by_case.get(f"{vis}-{how}") == {vis}, f"{vis}-{how}: {by_case.get(f'{vis}-{how}')}"
    scrolled = by_case.get("offscreen-scroll", set()) | by_case.get("offscreen-carousel", set())
    assert scrolled == {"offscreen"}
    # DOM and pixels disagree for occluded/offscreen and for opacity/clip/sr-only hiding
    for s in small_build.samples:
        if s.labels["visibility"] in ("occluded", "offscreen") or s.case in ("hidden-opacity", "hidden-clip"):
            assert s.category == "hard", s.id


def test_dataset_round_trips_through_its_on_disk_format(small_build: Dataset, tmp_path: Path) -> None:
    root = small_build.root
    body = (root / "samples.jsonl").read_bytes()
    assert small_build.fingerprint == "sha256:" + hashlib.sha256(body).hexdigest()
    assert len(small_build) == small_build.manifest["samples"] > 100
    for s in small_build.samples[:40]:
        s.validate()
        im = small_build.image(s)
        x, y, w, h = s.crop_box
        assert x + w <= im.width + 1 and y + h <= im.height + 1
    again = DatasetWriter(
        tmp_path,
        {k: v for k, v in small_build.manifest.items() if k not in ("format", "samples", "fingerprint")},
    )
    for s in small_build.samples:
        again.add(s, Image.open(root / s.crop))
    again.close()
    assert (tmp_path / "samples.jsonl").read_bytes() == body
    reread = Dataset.load(tmp_path)
    assert reread.samples == small_build.samples
    assert json.loads((root / "report.json").read_text())["samples"] == len(small_build)


def test_same_seed_gives_identical_samples(tmp_path: Path, browser: Browser) -> None:
    from autoglm_ui.training.generator import build_dataset

    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        build_dataset(out, 2, seed=5, progress=False, controls=(10, 14), browser=browser)
    assert (a / "samples.jsonl").read_bytes() == (b / "samples.jsonl").read_bytes()
    assert sorted(p.name for p in (a / "pages").iterdir()) == sorted(p.name for p in (b / "pages").iterdir())
