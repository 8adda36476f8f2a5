"""Snapshot mode: scan a loaded page once and write a test of every control's salient state."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from autoglm_ui.errors import NoMatchError
from autoglm_ui.record.browsing import DEFAULT_VIEWPORT, Scan, browser_page, check_recordable, load
from autoglm_ui.record.checks import salient_checks
from autoglm_ui.record.naming import name_controls
from autoglm_ui.record.regions import group_regions
from autoglm_ui.record.render import Body, control_lines, goto_lines, module, test_name_for

if TYPE_CHECKING:
    from playwright.sync_api import Page

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recording:
    """A generated module and what went into it."""

    text: str
    test_name: str
    controls: int  # controls the page has
    checks: int  # assertions written
    to_confirm: int  # low-confidence checks written as comments
    disagreements: int  # confident checks where what is seen differs from the DOM (marked blocks)
    unnamed: int  # controls left out: nothing resolves to them alone


def default_test_name(url: str, title: str = "") -> str:
    """``test_signup`` for ``…/signup.html``; the page title when the path says nothing."""
    from urllib.parse import urlparse

    path = urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]
    stem = path.rsplit(".", 1)[0] if path else ""
    if stem in ("", "index", "default"):
        stem = title or urlparse(url).hostname or "page"
    return test_name_for(stem)


def snapshot_page(page: Page, url: str, scan: Scan, *, test_name: str | None = None) -> Recording:
    """The module for ``page`` as it is now (already loaded from ``url``)."""
    check_recordable(page, url)
    states = scan(page)
    if not states:
        raise NoMatchError(f"the scan found no controls on {url}; wait for the page to render, then retry")
    title = page.title().strip()
    targets = name_controls(page, states)
    regions = group_regions(page, states)
    body = Body()
    body.add(*goto_lines(url))
    checks = confirm = disagree = unnamed = 0
    for region in regions:
        body.heading(region.title)
        for i in region.members:
            state, target = states[i], targets[i]
            if target is None:
                unnamed += 1
                body.comment(f'Not checked: {state.kind} "{state.name}" has no name or locator of its own.')
                continue
            found = salient_checks(state)
            control_lines(body, target.code, found, style="assert", hint=state.name or target.code,
                          kind=state.kind)
            checks += sum(c.confident for c in found)
            confirm += sum(not c.confident for c in found)
            disagree += sum(c.disagrees and c.confident for c in found)
    name = test_name or default_test_name(url, title)
    text = module(
        title=f'"{title}"' if title else url, url=url, test_name=name, fixtures=["widget_state"],
        body=body, release=states[0].release, mode="snapshot",
    )
    log.info("recorded %d checks on %d controls of %s", checks, len(states), url)
    return Recording(text, name, len(states), checks, confirm, disagree, unnamed)


def record_snapshot(url: str, scan: Scan, *, viewport: tuple[int, int] = DEFAULT_VIEWPORT,
                    test_name: str | None = None) -> Recording:
    """Open ``url`` headless at ``viewport``, scan it with ``scan`` and return the module."""
    with browser_page(viewport) as page:
        load(page, url)
        return snapshot_page(page, url, scan, test_name=test_name)
