"""Serve ``fixtures/`` on 127.0.0.1 for the repository's own tests (``fixtures_url``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from autoglm_ui.serve import serve_directory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def fixtures_url() -> Iterator[str]:
    """Base URL (no trailing slash) of ``fixtures/`` served over HTTP on 127.0.0.1."""
    with serve_directory(FIXTURES) as url:
        yield url
