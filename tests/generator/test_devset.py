"""The dev set checks itself: selectors resolve to one element, targets are unique, labels hold."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from autoglm_ui.labels import load_labels
from autoglm_ui.training.verify import check_visibility
from autoglm_ui.vocab import FACETS, KINDS

pytestmark = pytest.mark.browser

DEVSET = Path(__file__).resolve().parents[2] / "fixtures" / "devset"


@pytest.fixture(scope="module")
def records():
    return load_labels(DEVSET / "labels.json")  # vocabulary closed: the loader validates every value


def test_size_categories_and_coverage(records) -> None:
    assert len(records) >= 300
    assert sum(r.category == "hard" for r in records) >= 50
    assert {r.kind for r in records} == set(KINDS)
    seen = {(f, v) for r in records for f, v in r.expected.items()}
    assert not [(f, v) for f, vs in FACETS.items() for v in vs if (f, v) not in seen]


def test_held_out_sources_only(records) -> None:
    """The dev set measures generalisation: bulma and the own-b family, never used for training."""
    assert {r.extra["source"] for r in records} <= {"bulma", "own"}
    assert all(r.extra["style"].startswith(("bulma/", "own-b/")) for r in records)
    assert {r.extra["style"].split("/")[0] for r in records} == {"bulma", "own-b"}


def test_every_record_resolves_and_is_labelled_as_rendered(records, browser) -> None:
    from autoglm_ui.capture import capture, evaluate_facts
    from autoglm_ui.serve import serve_directory

    by_page = defaultdict(list)
    for r in records:
        by_page[r.page].append(r)
    problems = []
    with serve_directory(DEVSET) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for rel, recs in sorted(by_page.items()):
            page.goto(f"{base}/{rel}", wait_until="load")
            handles = []
            for r in recs:
                found = page.query_selector_all(r.selector)
                if len(found) != 1:
                    problems.append(f"{rel} {r.selector}: {len(found)} elements")
                handles.append(found[0])
            # accessible names of every control on the page, read by the capture script itself
            # (until targets.py resolves targets, uniqueness of the exact name is the check)
            names = Counter(c["name"] for c in evaluate_facts(page, all_controls=True)["controls"])
            for r in recs:
                if names[r.target] != 1:
                    problems.append(f"{rel} target {r.target!r} names {names[r.target]} controls")
            cap = capture(page, handles=handles)
            for r, c in zip(recs, cap.controls, strict=True):
                if c.kind != r.kind:
                    problems.append(f"{rel} {r.selector}: kind {c.kind} != {r.kind}")
                check = check_visibility(r.expected["visibility"], c.raw)
                if check.verdict != "keep":
                    problems.append(f"{rel} {r.selector}: visibility {check.reason}")
        page.close()
    assert not problems, "\n".join(problems[:30])
