"""Typed stash keys: the plugin keeps its per-run and per-test state here, never on items."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from autoglm_ui.plugin.context import TestContext
    from autoglm_ui.plugin.run import WorkerRun
    from autoglm_ui.plugin.selection import Choice

#: config.stash: this process's settings, recognizers and the test being run.
RUN: pytest.StashKey[WorkerRun] = pytest.StashKey()
#: item.stash: the test's reads, records and artifacts (created when a test first reads a state).
CONTEXT: pytest.StashKey[TestContext] = pytest.StashKey()
#: item.stash: the release this test reads with (marker > option > env > ini > ref default).
CHOICE: pytest.StashKey[Choice] = pytest.StashKey()
