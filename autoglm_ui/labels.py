"""Labelled pages: the one JSON format of eval, dev sets and regression checks (design.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autoglm_ui.errors import DatasetError
from autoglm_ui.vocab import FACETS, KINDS


@dataclass(frozen=True)
class LabelledRecord:
    """One control on one page and the states a sighted user perceives on it."""

    page: str  # relative to the root folder served on 127.0.0.1
    selector: str
    target: str
    kind: str
    category: str  # "standard" | "hard"
    expected: Mapping[str, str]
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def folder(self) -> str:
        return str(Path(self.page).parent)


def _check(i: int, d: Mapping[str, Any], where: str) -> LabelledRecord:
    missing = [k for k in ("page", "selector", "kind", "expected") if k not in d]
    if missing:
        raise DatasetError(f"{where}: record {i} lacks {', '.join(missing)}")
    kind = d["kind"]
    if kind not in KINDS:
        raise DatasetError(f"{where}: record {i}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    category = d.get("category", "standard")
    if category not in ("standard", "hard"):
        raise DatasetError(f"{where}: record {i}: category must be 'standard' or 'hard', got {category!r}")
    expected = d["expected"]
    if not isinstance(expected, Mapping) or not expected:
        raise DatasetError(f"{where}: record {i}: 'expected' must be a non-empty object of facet: value")
    for facet, value in expected.items():
        if facet not in FACETS:
            raise DatasetError(
                f"{where}: record {i}: unknown facet {facet!r}; use one of {', '.join(FACETS)}"
            )
        if value not in FACETS[facet]:
            raise DatasetError(
                f"{where}: record {i}: {facet}={value!r} is not one of {', '.join(FACETS[facet])}"
            )
    known = {"page", "selector", "target", "kind", "category", "expected", "note"}
    return LabelledRecord(
        page=str(d["page"]), selector=str(d["selector"]), target=str(d.get("target", "")),
        kind=kind, category=category, expected=dict(expected), note=str(d.get("note", "")),
        extra={k: v for k, v in d.items() if k not in known},
    )


def load_labels(path: Path | str) -> list[LabelledRecord]:
    """Read and validate a labelled-page file; :class:`DatasetError` names the bad record."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{path}: no such labels file") from None
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, list):
        raise DatasetError(f"{path}: expected a JSON list of records, got {type(data).__name__}")
    return [_check(i, d, str(path)) for i, d in enumerate(data)]


def dump_labels(records: Sequence[LabelledRecord], path: Path | str) -> None:
    rows = []
    for r in records:
        row: dict[str, Any] = {
            "page": r.page, "selector": r.selector, "target": r.target, "kind": r.kind,
            "category": r.category, "expected": dict(r.expected),
        }
        if r.note:
            row["note"] = r.note
        row.update(r.extra)
        rows.append(row)
    Path(path).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
