"""An evaluation as JSON (per-record answers + ``summary``) and as rich tables for the terminal."""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from autoglm_ui.evaluation.outcomes import (
    CATEGORIES,
    EvalResult,
    FolderScore,
    Miss,
    RecordOutcome,
    Score,
    Summary,
)

if TYPE_CHECKING:
    from rich.console import Console

JSON_FORMAT = 1


def rounded(x: float | None) -> float | None:
    """A number for JSON: six decimals; ``None`` for none and for NaN/infinity (not valid JSON)."""
    return None if x is None or not math.isfinite(x) else round(x, 6)


def fractions(scores: Any) -> dict[str, float | None]:
    return {c: rounded(scores[c].fraction) for c in CATEGORIES}


def record_json(o: RecordOutcome) -> dict[str, Any]:
    """One record's answers: what was expected, predicted, how confident, what the DOM said."""
    r, p = o.record, o.prediction
    return {
        "index": o.index,
        "page": r.page,
        "selector": r.selector,
        "target": r.target,
        "kind": r.kind,
        "category": r.category,
        "expected": dict(r.expected),
        "predicted": dict(p.facets) if p else None,
        "confidence": {k: rounded(v) for k, v in p.confidence.items()} if p else None,
        "dom": dict(p.dom) if p else None,
        "predicted_kind": p.kind if p else None,
        "correct": {f: o.correct(f, "model") for f in r.expected},
        "dom_correct": {f: o.correct(f, "dom") for f in r.expected},
        "error": o.error,
    }


def summary_json(s: Summary) -> dict[str, Any]:
    """The ``summary`` object regression checks and the README read (fractions, nulls when empty)."""
    return {
        "release": s.release,
        "records": s.records,
        "errors": s.errors,
        "facet_accuracy": fractions(s.facet_accuracy),
        "dom_facet_accuracy": fractions(s.dom_facet_accuracy),
        "pairs": {c: s.facet_accuracy[c].total for c in CATEGORIES},
        "kind_accuracy": rounded(s.kind_accuracy.fraction),
        "per_facet": {
            f.facet: {
                "accuracy": rounded(f.model.fraction), "dom_accuracy": rounded(f.dom.fraction),
                "n": f.model.total, "confusion": f.confusion, "dom_confusion": f.dom_confusion,
            }
            for f in s.per_facet
        },
        "per_value": _per_value(s),
        "record_accuracy": fractions(s.record_accuracy) if s.record_accuracy else None,
        "dom_record_accuracy": fractions(s.dom_record_accuracy) if s.dom_record_accuracy else None,
        "by_name": s.by_name,
        "resolved": s.resolved.correct,
        "resolved_fraction": rounded(s.resolved.fraction),
        "per_folder": {f.folder: folder_json(f) for f in s.per_folder},
    }


def folder_json(f: FolderScore) -> dict[str, Any]:
    """One folder's scores: the top-level summary's split, for the records of that folder."""
    return {
        "records": f.records,
        "n": f.model.total,
        "accuracy": rounded(f.model.fraction),
        "dom_accuracy": rounded(f.dom.fraction),
        "facet_accuracy": fractions(f.facet_accuracy),
        "dom_facet_accuracy": fractions(f.dom_facet_accuracy),
        "pairs": {c: f.facet_accuracy[c].total for c in CATEGORIES},
        "record_accuracy": fractions(f.record_accuracy),
        "dom_record_accuracy": fractions(f.dom_record_accuracy),
        "category_records": {c: f.record_accuracy[c].total for c in CATEGORIES},
        "kind_accuracy": rounded(f.kind_accuracy.fraction),
        "resolved": f.resolved.correct,
    }


def _per_value(s: Summary) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for v in s.per_value:
        out.setdefault(v.facet, {})[v.value] = {
            "recall": rounded(v.recall), "precision": rounded(v.precision),
            "support": v.support, "predicted": v.predicted,
            "dom_recall": rounded(v.dom_recall), "dom_precision": rounded(v.dom_precision),
            "dom_predicted": v.dom_predicted,
        }
    return out


def miss_json(m: Miss) -> dict[str, Any]:
    return {
        "index": m.index, "page": m.page, "selector": m.selector, "target": m.target,
        "category": m.category, "facet": m.facet, "expected": m.expected, "got": m.got,
        "confidence": rounded(m.confidence), "error": m.error,
    }


def result_json(result: EvalResult) -> dict[str, Any]:
    """The whole ``--json`` document: ``records``, ``misses``, ``dom_misses`` and ``summary``."""
    return {
        "format": JSON_FORMAT,
        "dom_only": result.dom_only,
        "records": [record_json(o) for o in result.outcomes],
        "misses": [miss_json(m) for m in result.summary.misses],
        "dom_misses": [miss_json(m) for m in result.summary.dom_misses],
        "summary": {**summary_json(result.summary), "environment": dict(result.environment)},
    }


def write_json(result: EvalResult, path: Path | str) -> Path:
    """Write :func:`result_json` atomically (temp file + ``os.replace``); returns the path."""
    return write_document(result_json(result), path)


def write_document(doc: Any, path: Path | str) -> Path:
    """Write the JSON document ``doc`` atomically (temp file + ``os.replace``); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# ---- terminal --------------------------------------------------------------------------------
def pct(x: float | None) -> str:
    """A fraction as a percentage for the terminal; ``–`` when there is none."""
    return "–" if x is None else f"{100 * x:.1f}%"


def num(x: Score) -> str:
    """A score as a bare percentage for table cells (``93.3``); ``–`` when there is none."""
    return "–" if x.fraction is None else f"{100 * x.fraction:.1f}"


def score_cell(score: Score) -> str:
    """``93.3% (14/15)``."""
    return f"{pct(score.fraction)} ({score.correct}/{score.total})"


def render(result: EvalResult, console: Console, *, max_misses: int = 20) -> None:
    """Print the summary, per-facet, per-value, per-folder tables and the worst misses."""
    from rich.markup import escape
    from rich.table import Table

    s = result.summary
    model = "DOM-only" if result.dom_only else f"model {escape(s.release)}"
    both = not result.dom_only

    def table(title: str, *columns: str, left: int = 1) -> Table:
        console.print(f"\n[bold]{title}[/]")
        t = Table(show_edge=False, pad_edge=False)
        for i, c in enumerate(columns):
            t.add_column(c, justify="left" if i < left else "right")
        return t

    console.print(
        f"[bold]{model}[/]: {s.records} records, {s.facet_accuracy['all'].total} (record, facet) pairs,"
        f" {s.errors} unreadable" + (f"; kind accuracy {score_cell(s.kind_accuracy)}" if both else "")
    )
    _render_unreadable(result, console)
    if s.by_name:
        console.print(f"targets resolved by name: {score_cell(s.resolved)}")
    heads = ("model", "DOM-only") if both else ("DOM-only",)

    def pair(model_score: Score, dom_score: Score) -> list[str]:
        return [score_cell(model_score), score_cell(dom_score)] if both else [score_cell(dom_score)]

    t = table("Facet accuracy", "category", *heads, *(f"whole records, {h}" for h in heads))
    for c in CATEGORIES:
        whole = pair(s.record_accuracy[c], s.dom_record_accuracy[c]) if s.record_accuracy else []
        t.add_row(c, *pair(s.facet_accuracy[c], s.dom_facet_accuracy[c]), *whole)
    console.print(t)

    t = table("Per facet", "facet", *heads)
    for f in s.per_facet:
        t.add_row(f.facet, *pair(f.model, f.dom))
    console.print(t)

    cols = ("recall", "precision", "DOM recall", "DOM precision") if both else ("recall", "precision")
    t = table("Per value", "facet=value", "support", *cols)
    for v in s.per_value:
        if not (v.support or v.predicted or v.dom_predicted):
            continue
        nums = [v.dom_recall, v.dom_precision]
        if both:
            nums = [v.recall, v.precision, *nums]
        t.add_row(f"{v.facet}={v.value}", str(v.support), *(pct(x) for x in nums))
    console.print(t)
    never = [f"{v.facet}={v.value}" for v in s.per_value
             if v.support and not (v.predicted if both else v.dom_predicted)]
    if never:
        console.print(f"[yellow]never predicted though labelled:[/] {', '.join(never)}")

    _render_folders(s, console, table, both)

    misses = s.misses if both else s.dom_misses
    if misses and max_misses:
        shown = min(len(misses), max_misses)
        columns = ["record", "facet", "expected", "got"] + (["confidence"] if both else [])
        t = table(f"Misses ({len(misses)}, showing {shown})", *columns, left=4)
        for m in misses[:max_misses]:
            where = f"{m.page} {m.selector}" + (f" ({m.target})" if m.target else "")
            got = m.got if m.error is None else f"error: {m.error}"
            conf = ["–" if m.confidence is None else f"{m.confidence:.2f}"] if both else []
            t.add_row(escape(where), m.facet, m.expected, escape(got or "none"), *conf)
        console.print(t)


def _render_unreadable(result: EvalResult, console: Console, shown: int = 5) -> None:
    """Why records could not be read, each reason once with its count: they count as misses, so
    the figures above them are not the model's alone."""
    from collections import Counter

    from rich.markup import escape

    reasons = Counter(o.error for o in result.outcomes if o.error is not None)
    if not reasons:
        return
    console.print(f"[yellow]{sum(reasons.values())} records could not be read and count as misses:[/]")
    for reason, n in reasons.most_common(shown):
        console.print(f"  {n} x {escape(reason)}")
    if len(reasons) > shown:
        console.print(f"  and {len(reasons) - shown} other reasons (--json lists each record's)")


def _render_folders(s: Summary, console: Console, table: Any, both: bool) -> None:
    """Per page folder (per library of a dev set): standard, hard and all records, model beside DOM-only."""
    from rich.markup import escape

    below = []
    cols = [f"{c} ({'model / DOM-only' if both else 'DOM-only'})" for c in CATEGORIES]
    t = table("Per page folder: facet accuracy %", "folder", "records", *cols,
              *(["kind"] if both else []), *(["resolved"] if s.by_name else []))
    for fo in s.per_folder:
        row = [str(fo.records)]
        for c in CATEGORIES:
            m, d = fo.facet_accuracy[c], fo.dom_facet_accuracy[c]
            if both and c == "standard" and m.total and (m.fraction or 0) < (d.fraction or 0):
                below.append(fo.folder)
                row.append(f"[red]{num(m)}[/] / {num(d)}")
            else:
                row.append(f"{num(m)} / {num(d)}" if both else num(d))
        if both:
            row.append(num(fo.kind_accuracy))
        if s.by_name:
            row.append(f"{fo.resolved.correct}/{fo.resolved.total}")
        t.add_row(escape(fo.folder), *row)
    console.print(t)
    if below:
        console.print(f"[red]below the DOM-only view on standard records:[/] {escape(', '.join(below))}")


def render_ablations(result: EvalResult, ablated: Mapping[str, EvalResult], console: Console) -> None:
    """Per folder and category: the fused model, each ablation, and the DOM-only view."""
    from rich.markup import escape
    from rich.table import Table

    from autoglm_ui.ablation import READS

    heads = ["fused", *(READS[w] for w in ablated), "DOM-only"]
    title = "What each input carries: facet accuracy % (" + " / ".join(heads) + ")"
    t = Table(title=title, title_justify="left")
    t.add_column("folder")
    for c in ("standard", "hard"):
        t.add_column(c, justify="right")
    others = [{fo.folder: fo for fo in r.summary.per_folder} for r in ablated.values()]
    rows = [(fo.folder, fo, [o.get(fo.folder) for o in others]) for fo in result.summary.per_folder]
    for folder, fo, alt in rows:
        cells = []
        for c in ("standard", "hard"):
            parts = [num(fo.facet_accuracy[c])]
            parts += [num(a.facet_accuracy[c]) if a is not None else "–" for a in alt]
            parts.append(num(fo.dom_facet_accuracy[c]))
            cells.append(" / ".join(parts))
        t.add_row(escape(folder), *cells)
    overall = ["all folders"]
    for c in ("standard", "hard"):
        parts = [num(result.summary.facet_accuracy[c])]
        parts += [num(r.summary.facet_accuracy[c]) for r in ablated.values()]
        parts.append(num(result.summary.dom_facet_accuracy[c]))
        overall.append(" / ".join(parts))
    t.add_row(*overall)
    console.print(t)
