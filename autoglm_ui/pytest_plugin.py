"""The autoglm-ui pytest plugin (``pytest11`` entry point): options, markers and hooks.

Loaded by every pytest run in an environment where autoglm-ui is installed, so it imports
nothing heavy at module level: torch, transformers and playwright load when a test asks. The
fixtures live in :mod:`autoglm_ui.plugin.fixtures`, the rest in :mod:`autoglm_ui.plugin`.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any

import pytest

MARKER_HELP = (
    "autoglm_model(R): read this test's widget states with model release R (a ref, name/version, "
    "name@sha256:<hex> or a release folder); wins over --autoglm-model, $AUTOGLM_UI_MODEL and "
    "ini autoglm_model"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    from autoglm_ui.plugin.options import add_options

    add_options(parser)


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER_HELP)
    pm = config.pluginmanager
    if pm.has_plugin("playwright") or pm.has_plugin("pytest_playwright"):
        # Registered here, after pytest-playwright, so our overrides layer over its fixtures.
        from autoglm_ui import _playwright_fixtures

        if not pm.is_registered(_playwright_fixtures):
            pm.register(_playwright_fixtures, "autoglm_ui.playwright_fixtures")
    if config.option.help or config.option.version:
        return
    from autoglm_ui.plugin import fixtures
    from autoglm_ui.plugin.keys import RUN
    from autoglm_ui.plugin.options import parse_settings
    from autoglm_ui.plugin.report import SummaryPlugin
    from autoglm_ui.plugin.run import WorkerRun

    settings = parse_settings(config)
    config.stash[RUN] = WorkerRun(settings, config.invocation_params.dir)
    if not pm.is_registered(fixtures):
        pm.register(fixtures, "autoglm_ui.fixtures")
    if not _is_worker(config):  # the controller (or a serial run) gathers every test's record
        pm.register(SummaryPlugin(config, settings), "autoglm_ui.summary")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Resolve and verify every release the collected tests use, before any of them runs.

    A failure is reported as a collection error and no test is left to run: serially pytest stops
    at the error; under pytest-xdist every worker reports the same error (shown once) and runs
    nothing, so the run fails before any test either way.
    """
    from autoglm_ui.plugin.keys import RUN

    run = session.config.stash.get(RUN, None)
    if run is None or session.config.option.collectonly:
        return
    from autoglm_ui.plugin.selection import check_before_tests

    problem = check_before_tests(session.items, run.settings)
    if problem is not None:
        report = pytest.CollectReport("autoglm-ui", "failed", problem, [])
        session.ihook.pytest_collectreport(report=report)
        session.items.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    report = yield
    from autoglm_ui.plugin.keys import CONTEXT

    ctx = item.stash.get(CONTEXT, None)
    if ctx is not None:
        ctx.on_report(report)
    return report


def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: object, right: object
) -> list[str] | None:
    if "autoglm_ui.state" not in sys.modules:
        return None
    from autoglm_ui.plugin.keys import RUN
    from autoglm_ui.plugin.report import assertrepr

    return assertrepr(config.stash.get(RUN, None), op, left, right)
