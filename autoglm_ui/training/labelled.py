"""Labelled pages (design.md's format) → a training dataset, through the capture inference uses.

This is how a team's own records become training samples for fine-tuning: every page is
served on 127.0.0.1 and opened once at eval's 1280x900, each record's selector is resolved to
its one element, the page is captured once, and each control's crop and DOM facts are written
with the record's labels. Records that cannot be read are reported, never silently dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from autoglm_ui.dom_view import facets_for
from autoglm_ui.errors import DatasetError
from autoglm_ui.labels import LabelledRecord, load_labels
from autoglm_ui.training.dataset import UNLABELLED, Dataset, DatasetWriter, Sample
from autoglm_ui.vocab import FACET_NAMES

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from autoglm_ui.evaluation.runner import PageJob

log = logging.getLogger(__name__)
#: Where records come from when they do not say (``source``/``style`` keys of a record).
USER_SOURCE = "user"
#: How many left-out records are logged one by one.
SHOWN_SKIPS = 5


@dataclass(frozen=True)
class Captured:
    """The dataset written from labelled records, and the records that could not be read."""

    dataset: Dataset
    skipped: tuple[str, ...]  # one line per record left out, with the reason


def record_labels(
    record: LabelledRecord, raw: dict[str, Any]
) -> tuple[dict[str, str | None], tuple[str, ...]]:
    """Every facet: the record's value, :data:`UNLABELLED` where it applies but is not given,
    ``None`` where it does not apply; and the labelled facets the captured control has not.

    A facet the DOM gives no hold for (a ``checked`` label on what the page exposes as a plain
    button) is never predicted for that control, so it is reported and left out of training.
    """
    applies = set(facets_for(raw))
    out: dict[str, str | None] = dict.fromkeys(FACET_NAMES)
    for facet in FACET_NAMES:
        if facet in applies:
            out[facet] = record.expected.get(facet, UNLABELLED)
    dropped = tuple(f for f in record.expected if f not in applies)
    return out, dropped


def capture_labelled(
    labels: Path | str | Sequence[LabelledRecord],
    root: Path | str,
    out: Path | str,
    *,
    browser: Browser | None = None,
    timeout_ms: float = 30_000,
) -> Captured:
    """Capture every labelled record under ``root`` into a new dataset folder ``out``."""
    from playwright.sync_api import Error as PlaywrightError

    from autoglm_ui.capture import capture
    from autoglm_ui.errors import CaptureError
    from autoglm_ui.evaluation.runner import (
        browser_session,
        first_line,
        group_by_page,
        open_labelled_page,
        resolve_selector,
    )
    from autoglm_ui.serve import serve_directory

    records = load_labels(labels) if isinstance(labels, (str, Path)) else list(labels)
    root = Path(root)
    if not root.is_dir():
        raise DatasetError(f"{root}: not a folder; pass the folder the labels' page paths are relative to")
    writer = DatasetWriter(Path(out), {"labels": str(labels) if isinstance(labels, (str, Path)) else ""})
    skipped: list[str] = []

    def skip_page(job: PageJob, why: str) -> None:
        skipped.extend(f"{job.page} {r.selector}: {why}" for _, r in job.items)

    with serve_directory(root) as base, browser_session(browser) as chromium:
        for job in group_by_page(records):
            with open_labelled_page(chromium, base, root, job.page, timeout_ms) as page:
                if isinstance(page, str):
                    skip_page(job, f"page {page}")
                    continue
                handles, kept = [], []
                for i, record in job.items:
                    handle = resolve_selector(page, record.selector)
                    if isinstance(handle, str):
                        skipped.append(f"{job.page} {record.selector}: {handle}")
                    else:
                        handles.append(handle)
                        kept.append((i, record))
                if not handles:
                    continue
                try:
                    cap = capture(page, handles=handles)
                except (CaptureError, PlaywrightError) as exc:
                    skip_page(job, f"could not read the page's controls: {first_line(exc)}")
                    continue
                for k, (i, record) in enumerate(kept):
                    raw = dict(cap.controls[k].raw)
                    labels_, dropped = record_labels(record, raw)
                    for facet in dropped:
                        skipped.append(
                            f"{job.page} {record.selector}: '{facet}' left out: the page exposes this "
                            f"control as a {raw.get('kind')}, which has no {facet} (give it the role and "
                            "ARIA state)"
                        )
                    if all(v in (None, UNLABELLED) for v in labels_.values()):
                        continue
                    crop = cap.crop(k)
                    sid = f"r{i:05d}"
                    sample = Sample(
                        id=sid,
                        page=job.page,
                        style=str(record.extra.get("style") or USER_SOURCE),
                        source=str(record.extra.get("source") or USER_SOURCE),
                        kind=record.kind,
                        category=record.category,
                        labels=labels_,
                        facts=raw,
                        crop=f"crops/{sid}.png",
                        crop_box=tuple(float(x) for x in crop.box),  # type: ignore[arg-type]
                        case=record.note or None,
                    )
                    writer.add(sample, crop.image)
    writer.close()
    for line in skipped[:SHOWN_SKIPS]:
        log.warning("left out: %s", line)
    if len(skipped) > SHOWN_SKIPS:
        log.warning("left out: %d more records (Captured.skipped lists them all)", len(skipped) - SHOWN_SKIPS)
    return Captured(Dataset.load(out), tuple(skipped))


__all__ = ["USER_SOURCE", "Captured", "capture_labelled", "record_labels"]
