"""Shared pieces of the evaluation tests: the fixture set under ``fixtures/eval/``."""

from __future__ import annotations

from pathlib import Path

import pytest

EVAL_ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "eval"


@pytest.fixture(scope="session")
def eval_root() -> Path:
    return EVAL_ROOT


@pytest.fixture(scope="session")
def eval_labels() -> Path:
    return EVAL_ROOT / "labels.json"
