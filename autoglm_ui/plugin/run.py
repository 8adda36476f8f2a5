"""This process's share of a run (a serial run, or one xdist worker): settings and recognizers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from autoglm_ui.plugin.keys import RUN
from autoglm_ui.plugin.pool import RecognizerPool

if TYPE_CHECKING:
    from autoglm_ui.plugin.context import TestContext
    from autoglm_ui.plugin.options import Settings


class WorkerRun:
    """This process's share of the run: settings, recognizers, and the test now running."""

    def __init__(self, settings: Settings, base: Path) -> None:
        self.settings = settings
        self.base = base  # where paths in messages are shown relative to
        self.pool = RecognizerPool(settings.torch_device)
        self.current: TestContext | None = None


def worker_run(config: pytest.Config) -> WorkerRun:
    return config.stash[RUN]
