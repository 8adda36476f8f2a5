"""``widget_state`` and ``expect_state``: read a control's perceived state in a test.

One read is one capture (facts + pixels) classified by the test's release, and, with
``--autoglm-compare B``, by release B on the same capture. Library errors surface as one clear
line at the test's own call, not a traceback from inside Playwright or torch
(``AUTOGLM_UI_DEBUG=1`` keeps the full chain).
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, NoReturn

import pytest

from autoglm_ui.errors import AutoGLMUIError, CaptureError, ModelError
from autoglm_ui.plugin.context import Observation, TestContext, context_for
from autoglm_ui.plugin.keys import CHOICE
from autoglm_ui.plugin.selection import Choice, marker_spec, test_choice

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.capture import Capture
    from autoglm_ui.plugin.expect import StateExpectation
    from autoglm_ui.recognizer import Recognizer
    from autoglm_ui.state import WidgetState
    from autoglm_ui.targets import Target

DEBUG_ENV = "AUTOGLM_UI_DEBUG"


class ReadState:
    """The ``widget_state`` fixture: ``widget_state("Save")``, ``widget_state(locator, page=other)``."""

    def __init__(self, request: pytest.FixtureRequest) -> None:
        self._request = request
        self._ctx: TestContext | None = None

    @property
    def context(self) -> TestContext:
        if self._ctx is None:
            self._ctx = context_for(self._request.node)
        return self._ctx

    @property
    def release(self) -> Choice:
        """The release spec this test reads with, and where it was selected (no model load)."""
        item: pytest.Item = self._request.node
        choice = item.stash.get(CHOICE, None)
        if choice is None:
            if marker_spec(item) is None:
                given: Choice | str = self._request.getfixturevalue("autoglm_release_spec")
                # a user's own autoglm_release_spec fixture may return a plain spec
                if isinstance(given, str):
                    given = Choice(given, "the autoglm_release_spec fixture")
                choice = given
            else:
                choice = test_choice(item, self.context.settings)
            item.stash[CHOICE] = choice
        return choice

    @property
    def recognizer(self) -> Recognizer:
        """The recognizer of :attr:`release` (loaded on first use, then shared by the worker)."""
        choice = self.release
        if marker_spec(self._request.node) is not None:
            return self.context.run.pool.get(choice.spec)
        rec: Recognizer = self._request.getfixturevalue("autoglm_recognizer")
        return rec

    def __call__(self, target: Target, *, page: Page | None = None) -> WidgetState:
        """The perceived state of ``target`` (a name, selector, Locator or ElementHandle) on ``page``."""
        __tracebackhide__ = True
        try:
            obs = self.observe(target, page)
        except Exception as exc:
            reraise_short(exc)
        return self.context.finish(obs).state

    def __repr__(self) -> str:
        return f"<widget_state of {self._request.node.nodeid}>"

    def page_of(self, page: Page | None) -> Page:
        if page is not None:
            return page
        found: Page = self._request.getfixturevalue("page")
        return found

    def observe(self, target: Target, page: Page | None, *, counts_as_read: bool = True) -> Observation:
        """Capture once, classify with A (and B), account for it; no artifacts, no verdict."""
        from autoglm_ui.targets import capture_targets, describe

        start = time.perf_counter()
        page = self.page_of(page)
        capture = capture_targets(page, [target])
        load_start = time.perf_counter()
        rec = self.recognizer
        loaded = time.perf_counter() - load_start
        state = _classify(rec, capture)
        compare = None
        spec_b = self.context.settings.compare
        if spec_b is not None:
            pool = self.context.run.pool
            had = pool.load_seconds
            rec_b = pool.get(spec_b)
            loaded += pool.load_seconds - had
            compare = _classify(rec_b, capture)
        choice = self.release
        obs = Observation(describe(target), state, capture, page, choice.spec, choice.source, compare)
        seconds = time.perf_counter() - start - loaded
        self.context.observed(obs, seconds, counts_as_read=counts_as_read)
        return obs


class ExpectState:
    """The ``expect_state`` fixture: ``expect_state("Save").to_be("enabled", timeout=5_000)``."""

    def __init__(self, reader: ReadState) -> None:
        self.reader = reader

    def __call__(self, target: Target, *, page: Page | None = None) -> StateExpectation:
        from autoglm_ui.plugin.expect import StateExpectation

        return StateExpectation(self.reader, target, page)

    def __repr__(self) -> str:
        return f"<expect_state of {self.reader._request.node.nodeid}>"


def _classify(rec: Recognizer, capture: Capture) -> WidgetState:
    try:
        states = rec.classify(capture)
    except AutoGLMUIError:
        raise
    except Exception as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise ModelError(
            f"release {rec.release} failed to classify the capture ({type(exc).__name__}: {first}); "
            f"set {DEBUG_ENV}=1 for the full traceback, and check the release with "
            "`autoglm-ui models verify`"
        ) from exc
    return states[0]


def reraise_short(exc: Exception) -> NoReturn:
    """Re-raise a library (or translated Playwright/torch) error without its deep traceback."""
    __tracebackhide__ = True
    if os.environ.get(DEBUG_ENV) == "1":
        raise exc
    if not isinstance(exc, AutoGLMUIError):
        if type(exc).__module__.startswith("playwright"):
            first = (str(exc).splitlines() or [type(exc).__name__])[0]
            hint = (
                "read states before page.close() or the end of the test"
                if "closed" in first.lower()
                else "wait for the page to settle (e.g. page.wait_for_load_state()) before reading"
            )
            exc = CaptureError(f"Playwright could not read the page: {first}; {hint}")
        else:
            raise exc
    raise exc.with_traceback(None) from None
