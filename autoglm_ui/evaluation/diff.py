"""Two releases on one labelled-page set: where their answers differ, and how accurate each one is.

:func:`diff_releases` loads each page once and captures it once for both releases
(:func:`~autoglm_ui.evaluation.evaluate_many`), so every difference comes from the models alone;
:func:`diff_json` / :func:`render_diff` show the result (``autoglm-ui models diff``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from autoglm_ui.evaluation.outcomes import CATEGORIES, Difference, EvalResult
from autoglm_ui.evaluation.report import JSON_FORMAT, rounded, score_cell, summary_json, write_document
from autoglm_ui.evaluation.runner import Answerer, OnPage, evaluate_many
from autoglm_ui.evaluation.scoring import differences
from autoglm_ui.labels import LabelledRecord

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from rich.console import Console

#: Which side a difference proves right: ``a``, ``b``, ``neither`` (both wrong), or ``unlabelled``.
Verdict = Literal["a", "b", "neither", "unlabelled"]
VERDICTS: tuple[Verdict, ...] = ("a", "b", "neither", "unlabelled")


def verdict(d: Difference) -> Verdict:
    """Which release answers a differing pair as labelled (they differ, so at most one does)."""
    if d.expected is None:
        return "unlabelled"
    if d.a == d.expected:
        return "a"
    if d.b == d.expected:
        return "b"
    return "neither"


@dataclass(frozen=True)
class ReleaseDiff:
    """Both evaluations of one labels file and the (record, facet) pairs they answer differently.

    ``expected_only``: only the labelled facets were compared; otherwise every facet either
    release answers (unlabelled ones have the verdict ``unlabelled``).
    """

    a: EvalResult
    b: EvalResult
    differences: tuple[Difference, ...]
    expected_only: bool = True

    @property
    def records(self) -> int:
        return len(self.a.outcomes)

    @property
    def differing_records(self) -> int:
        """How many records have at least one differing facet."""
        return len({d.index for d in self.differences})

    def category(self, d: Difference) -> str:
        """The labelled category (``standard`` / ``hard``) of the record of ``d``."""
        return self.a.outcomes[d.index].record.category

    def counts(self) -> dict[Verdict, int]:
        """Differences per verdict."""
        out: dict[Verdict, int] = dict.fromkeys(VERDICTS, 0)
        for d in self.differences:
            out[verdict(d)] += 1
        return out


def diff_releases(
    labels: Path | str | Sequence[LabelledRecord],
    root: Path | str,
    a: Answerer,
    b: Answerer,
    *,
    expected_only: bool = True,
    browser: Browser | None = None,
    on_page: OnPage | None = None,
    timeout_ms: float = 30_000,
) -> ReleaseDiff:
    """Evaluate ``a`` and ``b`` (``Recognizer``s or predictors) on the same page loads and pair them.

    Passing the same recognizer twice is fine (a release against itself: no differences).
    """
    result_a, result_b = evaluate_many(
        labels, root, [a, b], browser=browser, on_page=on_page, timeout_ms=timeout_ms
    )
    found = differences(result_a, result_b, expected_only=expected_only)
    return ReleaseDiff(result_a, result_b, found, expected_only)


# ---- JSON ------------------------------------------------------------------------------------
def difference_json(diff: ReleaseDiff, d: Difference) -> dict[str, Any]:
    return {
        "index": d.index, "page": d.page, "selector": d.selector, "target": d.target,
        "category": diff.category(d), "facet": d.facet, "expected": d.expected,
        "a": d.a, "b": d.b, "a_confidence": rounded(d.a_confidence), "b_confidence": rounded(d.b_confidence),
        "right": verdict(d),
    }


def diff_json(diff: ReleaseDiff) -> dict[str, Any]:
    """The ``--json`` document: ``releases``, ``counts``, ``differences`` and both ``summaries``."""
    counts = diff.counts()
    return {
        "format": JSON_FORMAT,
        "compared": "expected" if diff.expected_only else "all",
        "releases": {"a": diff.a.release, "b": diff.b.release},
        "counts": {
            "records": diff.records,
            "differences": len(diff.differences),
            "differing_records": diff.differing_records,
            "a_right": counts["a"],
            "b_right": counts["b"],
            "neither": counts["neither"],
            "unlabelled": counts["unlabelled"],
        },
        "differences": [difference_json(diff, d) for d in diff.differences],
        "summaries": {"a": summary_json(diff.a.summary), "b": summary_json(diff.b.summary)},
    }


def write_diff_json(diff: ReleaseDiff, path: Path | str) -> Path:
    """Write :func:`diff_json` atomically; returns the path."""
    return write_document(diff_json(diff), path)


# ---- terminal --------------------------------------------------------------------------------
def _answer(value: str | None, confidence: float | None) -> str:
    if value is None:
        return "none"
    return value if confidence is None else f"{value} {confidence:.2f}"


def _change(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None else f"{100 * (b - a):+.1f} pt"


def render_diff(diff: ReleaseDiff, console: Console) -> None:
    """Print every differing pair, both releases' facet accuracy side by side, and the counts."""
    from rich.markup import escape
    from rich.table import Table

    name_a, name_b = escape(diff.a.release), escape(diff.b.release)
    compared = "the labelled facets" if diff.expected_only else "every facet either side answers"
    console.print(
        f"[bold]A[/] = {name_a}, [bold]B[/] = {name_b}: {diff.records} records, comparing {compared}"
    )

    def table(title: str, *columns: str, left: int) -> Table:
        console.print(f"\n[bold]{title}[/]")
        t = Table(show_edge=False, pad_edge=False)
        for i, c in enumerate(columns):
            t.add_column(c, justify="left" if i < left else "right")
        return t

    if diff.differences:
        title = f"Differences ({len(diff.differences)} in {diff.differing_records} records)"
        t = table(title, "record", "facet", "expected", f"A {name_a}", f"B {name_b}", "right", left=6)
        for d in diff.differences:
            where = f"{d.page} {d.selector}" + (f" ({d.target})" if d.target else "")
            right = {"a": "A", "b": "B", "neither": "neither", "unlabelled": "–"}[verdict(d)]
            t.add_row(
                escape(where), d.facet, d.expected or "–",
                _answer(d.a, d.a_confidence), _answer(d.b, d.b_confidence), right,
            )
        console.print(t)
    else:
        console.print("\n[green]no differences[/]: both give the same answer on every compared facet")

    sa, sb = diff.a.summary, diff.b.summary
    t = table("Facet accuracy", "category", f"A {name_a}", f"B {name_b}", "B − A", left=1)
    for c in CATEGORIES:
        fa, fb = sa.facet_accuracy[c], sb.facet_accuracy[c]
        t.add_row(c, score_cell(fa), score_cell(fb), _change(fa.fraction, fb.fraction))
    console.print(t)

    counts = diff.counts()
    line = (
        f"\n{len(diff.differences)} differences in {diff.differing_records} of {diff.records} records;"
        f" A right on {counts['a']}, B right on {counts['b']}, neither on {counts['neither']}"
    )
    if not diff.expected_only:
        line += f", {counts['unlabelled']} unlabelled"
    console.print(line)
    for side, s in (("A", sa), ("B", sb)):
        if s.errors:
            console.print(f"[yellow]{side}: {s.errors} records could not be read[/] (see autoglm-ui eval)")
