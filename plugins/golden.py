"""``--update-golden``: rewrite the golden captures (``tests/golden/``) instead of comparing with them."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("autoglm-ui (this repository)").addoption(
        "--update-golden", action="store_true", default=False,
        help="Write the golden captures of tests/golden/ from this run (after a new release or a deliberate"
             " capture change) instead of comparing with them.",
    )


@pytest.fixture(scope="session")
def update_golden(pytestconfig: pytest.Config) -> bool:
    return bool(pytestconfig.getoption("update_golden"))
