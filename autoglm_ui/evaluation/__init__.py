"""Evaluation on labelled pages: the recognizer's answers scored side by side with the DOM-only view.

``evaluate(labels, root, recognizer)`` returns an :class:`EvalResult` (per-record outcomes and a
:class:`Summary`); ``report.write_json`` / ``report.render`` show it; ``differences(a, b)``
lists where two releases answer differently, and ``diff_releases(labels, root, a, b)`` runs
both on the same captures (``models diff``). Playwright loads only when a run starts.
"""

from __future__ import annotations

from autoglm_ui.evaluation.diff import ReleaseDiff, diff_json, diff_releases, render_diff, write_diff_json
from autoglm_ui.evaluation.outcomes import (
    DOM_ONLY,
    Difference,
    EvalResult,
    FacetScore,
    FolderScore,
    Miss,
    Prediction,
    RecordOutcome,
    Score,
    Summary,
    ValueScore,
)
from autoglm_ui.evaluation.predictors import DomPredictor, Predictor, RecognizerPredictor, as_predictor
from autoglm_ui.evaluation.report import render, result_json, summary_json, write_json
from autoglm_ui.evaluation.runner import VIEWPORT, evaluate, evaluate_many, group_by_page
from autoglm_ui.evaluation.scoring import differences, summarize

__all__ = [
    "DOM_ONLY",
    "VIEWPORT",
    "Difference",
    "DomPredictor",
    "EvalResult",
    "FacetScore",
    "FolderScore",
    "Miss",
    "Prediction",
    "Predictor",
    "RecognizerPredictor",
    "RecordOutcome",
    "ReleaseDiff",
    "Score",
    "Summary",
    "ValueScore",
    "as_predictor",
    "diff_json",
    "diff_releases",
    "differences",
    "evaluate",
    "evaluate_many",
    "group_by_page",
    "render",
    "render_diff",
    "result_json",
    "summarize",
    "summary_json",
    "write_diff_json",
    "write_json",
]
