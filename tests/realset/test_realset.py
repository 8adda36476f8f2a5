"""The real-library dev set checks itself: size, shares, coverage, selectors, names, local pages."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from autoglm_ui.evaluation.runner import VIEWPORT, load_page
from autoglm_ui.labels import LabelledRecord, load_labels
from autoglm_ui.vocab import FACETS, KINDS, applicable_facets

REALSET = Path(__file__).resolve().parents[2] / "fixtures" / "realset"
LIBRARIES = {"patternfly", "uswds", "papercss", "clarity", "vaadin", "fluent"}
#: Custom-element names a library uses as plain wrappers and never defines.
NEVER_DEFINED = {"vaadin-grid-cell-content"}


def pages_of(
    browser: Browser, records: list[LabelledRecord], keep: Callable[[LabelledRecord], bool] = lambda r: True
) -> Iterator[tuple[str, str, Page, list[LabelledRecord]]]:
    """Each realset page that has kept records: the local server's address, the page's path, a
    fresh page at eval's viewport (not yet loaded) and those records; closed after the caller's turn."""
    from autoglm_ui.serve import serve_directory

    by_page: dict[str, list[LabelledRecord]] = defaultdict(list)
    for r in records:
        if keep(r):
            by_page[r.page].append(r)
    with serve_directory(REALSET) as base:
        for rel, recs in sorted(by_page.items()):
            context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
            try:
                yield base, rel, context.new_page(), recs
            finally:
                context.close()


@pytest.fixture(scope="module")
def records() -> list[LabelledRecord]:
    return load_labels(REALSET / "labels.json")  # vocabulary closed: the loader validates every value


def test_size_shares_and_coverage(records: list[LabelledRecord]) -> None:
    hard = sum(r.category == "hard" for r in records)
    assert len(records) >= 700
    assert hard >= 150
    assert (len(records) - hard) / len(records) >= 0.60  # standard records, as on real pages
    assert {r.kind for r in records} == set(KINDS)
    seen = {(f, v) for r in records for f, v in r.expected.items()}
    assert not [(f, v) for f, vs in FACETS.items() for v in vs if (f, v) not in seen]


def test_one_folder_per_library_with_a_grid_and_screens(records: list[LabelledRecord]) -> None:
    pages: dict[str, set[str]] = defaultdict(set)
    for r in records:
        pages[r.folder].add(Path(r.page).name)
    assert set(pages) == LIBRARIES
    for library, names in pages.items():
        assert "grid.html" in names and len(names) >= 3, (library, sorted(names))
        assert all((REALSET / library / n).is_file() for n in names)


def test_records_are_well_formed(records: list[LabelledRecord]) -> None:
    problems = []
    targets: dict[str, Counter[str]] = defaultdict(Counter)
    for i, r in enumerate(records):
        targets[r.page][r.target] += 1
        if not r.target:
            problems.append(f"{i} {r.page} {r.selector}: no target name")
        if r.category == "hard" and not r.note:
            problems.append(f"{i} {r.page} {r.selector}: a hard record says how in 'note'")
        if r.expected.get("visibility") in ("occluded", "offscreen") and r.category != "hard":
            problems.append(f"{i} {r.page} {r.selector}: the DOM never says occluded/offscreen: hard")
        allowed = set(applicable_facets(r.kind, required=True, has_popup=True))
        extra = set(r.expected) - allowed
        if extra:
            problems.append(f"{i} {r.page} {r.selector}: {sorted(extra)} do not apply to a {r.kind}")
        if not {"availability", "visibility"} <= set(r.expected):
            problems.append(f"{i} {r.page} {r.selector}: availability and visibility always apply")
    for page, names in targets.items():
        problems += [f"{page}: target {t!r} names {n} records" for t, n in names.items() if n > 1]
    assert not problems, "\n".join(problems[:40])


@pytest.mark.browser
def test_pages_load_locally_and_every_selector_is_one_element(
    records: list[LabelledRecord], browser: Browser
) -> None:
    assert (REALSET / "node_modules").is_dir() and (REALSET / "bundles").is_dir(), (
        "the dev set's libraries are not installed: run `make realset` (npm ci + node build.js)")
    problems: list[str] = []
    for base, rel, page, recs in pages_of(browser, records):
        hosts: set[str] = set()
        errors: list[str] = []
        page.on("request", lambda req, hosts=hosts: hosts.add(urlparse(req.url).hostname or req.url))
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc).splitlines()[0]))
        response = load_page(page, base, rel)
        if response is None or not response.ok:
            problems.append(f"{rel}: did not load")
        problems += [f"{rel}: a request left 127.0.0.1 for {h}" for h in sorted(hosts - {"127.0.0.1"})]
        problems += [f"{rel}: script error {e}" for e in errors]
        undefined = set(page.evaluate(
            "[...new Set([...document.querySelectorAll(':not(:defined)')].map(e => e.localName))]"))
        if undefined - NEVER_DEFINED:
            problems.append(f"{rel}: elements never upgraded (bundle missing?): {sorted(undefined)}")
        for r in recs:
            n = page.locator(r.selector).count()
            if n != 1:
                problems.append(f"{rel} {r.selector}: {n} elements")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.browser
def test_visible_and_occluded_labels_agree_with_what_covers_the_centre(
    records: list[LabelledRecord], browser: Browser
) -> None:
    """design.md: ``occluded`` is painted but covered *over its centre*. Each record labelled
    occluded has something else at the centre of its drawn box, and each labelled visible inside
    the viewport has not (the capture's centre hit, ``elementFromPoint`` through shadow roots).
    Two PaperCSS buttons once said "the cookie bar covers the button centre" with the bar 4 px
    below it: a ruler that disagrees with its own page."""
    from autoglm_ui.capture import capture

    problems: list[str] = []
    seen = ("visible", "occluded")
    for base, rel, page, recs in pages_of(browser, records, lambda r: r.expected.get("visibility") in seen):
        load_page(page, base, rel)
        shot = capture(page, handles=[page.locator(r.selector).element_handle() for r in recs])
        for r, facts in zip(recs, shot.controls, strict=True):
            covered = (facts.raw.get("hits") or ["none"])[0] in ("other", "other-fixed")
            label = r.expected["visibility"]
            if label == "occluded" and not covered:
                problems.append(f"{rel} {r.selector}: labelled occluded, centre not covered")
            if label == "visible" and covered and facts.raw.get("in_viewport"):
                problems.append(f"{rel} {r.selector}: labelled visible, centre covered")
    assert not problems, "\n".join(problems[:40])
