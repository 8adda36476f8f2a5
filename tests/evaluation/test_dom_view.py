"""The DOM-only view on the fixture pages, in real Chromium, checked against Playwright's own calls."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator

from autoglm_ui.evaluation import VIEWPORT, EvalResult, evaluate
from autoglm_ui.labels import load_labels
from autoglm_ui.serve import serve_directory

pytestmark = pytest.mark.browser

#: selector -> what the DOM alone is expected to say on each labelled facet
DOM_SAYS = {
    "#ok": {"availability": "enabled", "visibility": "visible", "busy": "idle"},
    "#off": {"availability": "disabled", "visibility": "visible"},
    "#agree": {"availability": "enabled", "checked": "checked", "visibility": "visible"},
    "#email": {"validity": "invalid", "readonly": "editable", "availability": "enabled"},
    "#menu": {"expanded": "expanded", "availability": "enabled"},
    "#gone": {"visibility": "hidden"},
    "#grey": {"availability": "enabled", "visibility": "visible"},  # wrong: a user sees it disabled
    "#tab-a": {"selected": "selected", "availability": "enabled"},
    "#tab-b": {"selected": "unselected"},
    "#code": {"readonly": "readonly", "validity": "valid"},
    "#covered": {"visibility": "visible"},  # wrong: the banner covers it
}


@pytest.fixture(scope="module")
def dom_result(browser: Browser, eval_labels: Path, eval_root: Path) -> EvalResult:
    return evaluate(eval_labels, eval_root, None, browser=browser)


def test_dom_only_view_answers_as_expected(dom_result: EvalResult) -> None:
    assert dom_result.dom_only and dom_result.release == "dom-only"
    assert dom_result.summary.errors == 0
    for o in dom_result.outcomes:
        got = {f: o.got(f, "dom") for f in o.record.expected}
        assert got == DOM_SAYS[o.record.selector], o.record.selector
        assert o.prediction is not None and o.prediction.facets == o.prediction.dom
    s = dom_result.summary
    assert s.dom_facet_accuracy["standard"].fraction == 1.0
    assert s.dom_facet_accuracy["hard"].fraction == pytest.approx(1 / 3)  # only #grey's visibility
    assert [(m.selector, m.facet, m.got) for m in s.dom_misses] == [
        ("#grey", "availability", "enabled"), ("#covered", "visibility", "visible")
    ]
    assert {f.folder for f in s.per_folder} == {"pages/controls", "pages/more"}


def playwright_view(loc: Locator, kind: str) -> dict[str, str | None]:
    """What Playwright's own calls and the ARIA attributes say, in the facet vocabulary."""
    def aria(name: str, yes: str, no: str) -> str:
        return yes if loc.get_attribute(name) == "true" else no

    out: dict[str, str | None] = {
        "availability": "enabled" if loc.is_enabled() else "disabled",
        "visibility": "visible" if loc.is_visible() else "hidden",
    }
    if kind in ("checkbox", "radio", "switch"):
        out["checked"] = "checked" if loc.is_checked() else "unchecked"
    if kind == "textbox":
        out["readonly"] = "editable" if loc.is_editable() else "readonly"
        out["validity"] = aria("aria-invalid", "invalid", "valid")
    if kind == "tab":
        out["selected"] = aria("aria-selected", "selected", "unselected")
    if kind == "button":
        out["busy"] = aria("aria-busy", "busy", "idle")
        if loc.get_attribute("aria-expanded") is not None:
            out["expanded"] = aria("aria-expanded", "expanded", "collapsed")
    return out


def test_dom_view_is_playwrights_view(browser: Browser, dom_result: EvalResult, eval_labels: Path,
                                      eval_root: Path) -> None:
    """Every facet the DOM view answers agrees with is_enabled/is_checked/is_visible/is_editable/aria."""
    by_selector = {o.record.selector: o for o in dom_result.outcomes}
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    page = context.new_page()
    checked = 0
    try:
        with serve_directory(eval_root) as base:
            for page_path in dict.fromkeys(r.page for r in load_labels(eval_labels)):
                page.goto(f"{base}/{page_path}")
                for r in (r for r in load_labels(eval_labels) if r.page == page_path):
                    outcome = by_selector[r.selector]
                    assert outcome.prediction is not None
                    theirs = playwright_view(page.locator(r.selector), r.kind)
                    ours = {f: v for f, v in outcome.prediction.dom.items() if v is not None}
                    assert ours == theirs, r.selector
                    checked += len(theirs)
    finally:
        context.close()
    assert checked >= 25
