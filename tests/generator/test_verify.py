"""The verification step: facts from real renders must confirm the intended visibility label."""

from __future__ import annotations

import re

import pytest

from autoglm_ui.training.dataset import Dataset
from autoglm_ui.training.verify import check_visibility, observe_visibility

pytestmark = pytest.mark.browser


def _one(ds: Dataset, visibility: str) -> dict:
    return next(dict(s.facts) for s in ds.samples if s.labels["visibility"] == visibility)


@pytest.mark.parametrize("actual", ["hidden", "offscreen", "visible", "occluded"])
def test_observation_matches_the_label_written(small_build: Dataset, actual: str) -> None:
    for s in small_build.samples:
        if s.labels["visibility"] == actual:
            assert observe_visibility(s.facts) == actual, s.id


@pytest.mark.parametrize(
    ("actual", "wrong"),
    [
        ("hidden", "visible"),
        ("offscreen", "visible"),
        ("visible", "hidden"),
        ("visible", "offscreen"),
        ("occluded", "hidden"),
    ],
)
def test_a_wrong_visibility_label_is_dropped(small_build: Dataset, actual: str, wrong: str) -> None:
    check = check_visibility(wrong, _one(small_build, actual))
    assert check.verdict == "drop"
    assert check.label is None
    assert check.reason == f"{wrong}->{actual}"


def test_visible_and_occluded_are_settled_by_the_pixels(small_build: Dataset) -> None:
    check = check_visibility("visible", _one(small_build, "occluded"))
    assert (check.verdict, check.label) == ("relabel", "occluded")


def test_a_wrong_label_on_a_rendered_page_is_caught(tmp_path, browser) -> None:
    """Plan a page, lie about one control's visibility, render: the build drops it and counts it."""
    import random

    from autoglm_ui.training.generator import BuildReport, label_controls, render, site
    from autoglm_ui.training.pages import plan_page

    plan = plan_page(random.Random("verify"), "own", 1, 12)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.html").write_text(plan.html)
    victim = next(w for w in plan.wants if w.values["visibility"] == "visible" and w.kind != "tab")
    report = BuildReport()
    with site(tmp_path) as base:
        page = browser.new_page()
        cap = render(page, f"{base}/pages/p.html", plan)
        honest = len(label_controls(plan, cap, "pages/p.html", report))
        victim.values["visibility"] = "hidden"
        lied = label_controls(plan, cap, "pages/p.html", report)
        page.close()
    assert len(lied) == honest - 1
    assert report.drop_reasons.get("hidden->visible", 0) >= 1


def test_a_page_whose_library_did_not_load_stops_the_build(tmp_path, browser) -> None:
    """A kit's stylesheet that the set-up did not install would draw the library's pages unstyled
    and label them as styled: render refuses the page, naming the file (issue 19's cause, in eval)."""
    import random

    from autoglm_ui.errors import DatasetError
    from autoglm_ui.training.generator import render, site
    from autoglm_ui.training.pages import plan_page

    plan = plan_page(random.Random("verify"), "own", 1, 12)
    (tmp_path / "pages").mkdir()
    link = '<link rel="stylesheet" href="/vendor/not-installed/x.css">'
    html = plan.html.replace("</head>", f"{link}</head>", 1)
    assert html != plan.html
    (tmp_path / "pages" / "p.html").write_text(html)
    with site(tmp_path) as base:
        page = browser.new_page()
        missing = r"stylesheet /vendor/not-installed/x\.css \(HTTP 404\).*make setup"
        with pytest.raises(DatasetError, match=missing):
            render(page, f"{base}/pages/p.html", plan)
        page.close()


CORNER = re.compile(r'position:(fixed|absolute);(?:left|right):-4px;(?:top|bottom):-4px;width:')


@pytest.mark.parametrize(("seed", "cover"), [("corner10", "other"), ("corner31", "other-fixed")])
def test_an_overlay_over_a_corner_leaves_the_control_visible(tmp_path, browser, seed, cover) -> None:
    """A planned overlay that covers only a corner keeps the centre free: the build labels the
    control visible (design.md: occluded is covered over its centre), whatever the plan said. The
    cover reaches a hit probe off the centre; a fixed one (a toast) is reported as such."""
    import random

    from autoglm_ui.training.generator import BuildReport, label_controls, render, site
    from autoglm_ui.training.pages import plan_page

    plan = plan_page(random.Random(seed), "own", 1, 12)
    corners = list(CORNER.finditer(plan.html))
    assert len(corners) == 1  # one corner overlay on this page
    assert corners[0].group(1) == ("fixed" if cover == "other-fixed" else "absolute")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.html").write_text(plan.html)
    report = BuildReport()
    with site(tmp_path) as base:
        page = browser.new_page()
        cap = render(page, f"{base}/pages/p.html", plan)
        labelled = label_controls(plan, cap, "pages/p.html", report)
        page.close()
    at = corners[0].start()
    n = int(plan.html[plan.html.rindex('data-agl="', 0, at) + 10:].split('"')[0])  # the control it covers
    want = next(w for w in plan.wants if w.n == n)
    assert want.values["visibility"] == "occluded"  # planned covered...
    sample = next(lab.sample for lab in labelled if lab.sample.id.endswith(f"-{n:05d}"))
    assert sample.facts["hits"][0] == "self"  # ...its centre is free
    assert cover in sample.facts["hits"][1:]  # ...and a corner is not
    assert sample.labels["visibility"] == "visible"
    assert report.relabel_reasons.get("occluded->visible", 0) >= 1
