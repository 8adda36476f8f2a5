"""Pictures to check labels by eye: an annotated screenshot per page and a contact sheet per folder.

Each labelled page is rendered as eval renders it (1280x900, fresh context), every record's
selector resolved to its one element and captured; the page's full-length screenshot gets each
record's drawn box outlined and numbered (grey: standard, orange: hard, red: unreadable) with a
legend of target, kind and expected values beside it. A folder's contact sheet puts every
record's crop (what the model reads) above its label, so one look shows whether each "disabled"
looks disabled. Where the DOM-only view differs from a label the caption says so in red: on a
``standard`` record that is a capture bug or a labelling mistake, on a ``hard`` one it is the point.
No model is involved: labels are never taken from a model's output.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from autoglm_ui.capture import capture
from autoglm_ui.dom_view import dom_view
from autoglm_ui.evaluation.runner import (
    OnPage,
    browser_session,
    group_by_page,
    open_labelled_page,
    resolve_selector,
)
from autoglm_ui.labels import LabelledRecord
from autoglm_ui.serve import serve_directory

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ElementHandle, Page

log = logging.getLogger(__name__)

LEGEND_W = 560
TILE_W, TILE_H, THUMB_H, COLUMNS = 230, 150, 84, 6
GREY, ORANGE, RED, INK = (110, 110, 110), (235, 120, 0), (210, 30, 30), (20, 20, 20)
MAX_PAGE_H = 6000  # a page longer than this is cut in the picture (the records below it are listed)


@dataclass(frozen=True)
class Annotated:
    """One record as the pictures show it: where it was drawn, its crop and what the DOM says."""

    number: int  # the record's index in the labels file, as eval's reports give it
    record: LabelledRecord
    box: tuple[float, float, float, float] | None  # document px (x, y, w, h) of the drawn box
    crop: Image.Image | None
    dom_differs: tuple[str, ...]  # "facet=dom value" where the DOM-only view differs from the label
    error: str | None = None


@dataclass(frozen=True)
class AnnotationResult:
    """What :func:`annotate` wrote: one picture per page, one contact sheet per folder."""

    pages: tuple[Path, ...]
    sheets: tuple[Path, ...]
    unreadable: int


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def expected_text(record: LabelledRecord) -> str:
    """The labelled values in one line (values are unique across facets: ``disabled checked visible``)."""
    return " ".join(record.expected.values())


def _colour(a: Annotated) -> tuple[int, int, int]:
    if a.error is not None:
        return RED
    return ORANGE if a.record.category == "hard" else GREY


def _read_page(page: Page, items: Sequence[tuple[int, LabelledRecord]]) -> list[Annotated]:
    handles: list[ElementHandle] = []
    found: list[tuple[int, LabelledRecord]] = []
    out: dict[int, Annotated] = {}
    for n, record in items:
        handle = resolve_selector(page, record.selector)
        if isinstance(handle, str):
            out[n] = Annotated(n, record, None, None, (), handle)
        else:
            handles.append(handle)
            found.append((n, record))
    if handles:
        cap = capture(page, handles=handles)
        for i, ((n, record), control) in enumerate(zip(found, cap.controls, strict=True)):
            raw = control.raw
            d = control.drawn
            box = (float(raw["doc_x"]), float(raw["doc_y"]), d.width, d.height)
            dom = dom_view(raw)
            differs = tuple(f"{f}={dom.get(f)}" for f, v in record.expected.items() if dom.get(f) != v)
            crop = cap.crop(i)
            out[n] = Annotated(n, record, box, None if crop.blank else crop.image, differs)
    return [out[n] for n in sorted(out)]


def _page_picture(shot: Image.Image, rows: Sequence[Annotated], title: str) -> Image.Image:
    font, small = _font(13), _font(11)
    line_h = 30
    height = max(min(shot.height, MAX_PAGE_H), 40 + line_h * len(rows))
    pic = Image.new("RGB", (shot.width + LEGEND_W, height), (250, 250, 250))
    pic.paste(shot.crop((0, 0, shot.width, min(shot.height, MAX_PAGE_H))), (0, 0))
    draw = ImageDraw.Draw(pic)
    for a in rows:
        if a.box is None:
            continue
        x, y, w, h = a.box
        colour = _colour(a)
        draw.rectangle((x - 2, y - 2, x + w + 2, y + h + 2), outline=colour, width=2)
        tag = str(a.number)
        tw = draw.textlength(tag, font=small)
        draw.rectangle((x - 2, y - 16, x + tw + 4, y - 2), fill=colour)
        draw.text((x + 1, y - 15), tag, fill=(255, 255, 255), font=small)
    lx = shot.width + 10
    draw.text((lx, 8), title, fill=INK, font=_font(15))
    for r, a in enumerate(rows):
        y = 36 + r * line_h
        head = f"{a.number}. {a.record.kind} \u201c{a.record.target}\u201d"
        draw.text((lx, y), head[:70], fill=_colour(a), font=font)
        detail = expected_text(a.record)
        if a.error is not None:
            detail = a.error
        elif a.dom_differs:
            detail += "   DOM: " + " ".join(a.dom_differs)
        if a.record.note:
            detail += f"   [{a.record.note}]"
        draw.text((lx + 14, y + 15), detail[:95], fill=RED if a.dom_differs or a.error else GREY, font=small)
    return pic


def _sheet(rows: Sequence[Annotated], title: str) -> Image.Image:
    font, small = _font(11), _font(10)
    n_rows = max(1, -(-len(rows) // COLUMNS))
    sheet = Image.new("RGB", (COLUMNS * TILE_W + 10, 34 + n_rows * TILE_H), (245, 245, 245))
    draw = ImageDraw.Draw(sheet)
    draw.text((8, 8), title, fill=INK, font=_font(15))
    for k, a in enumerate(rows):
        x = 5 + (k % COLUMNS) * TILE_W
        y = 34 + (k // COLUMNS) * TILE_H
        colour = _colour(a)
        draw.rectangle((x, y, x + TILE_W - 6, y + TILE_H - 6), outline=colour, width=2)
        if a.crop is not None:
            thumb = a.crop.copy()
            thumb.thumbnail((TILE_W - 14, THUMB_H))
            sheet.paste(thumb, (x + (TILE_W - 6 - thumb.width) // 2, y + 4 + (THUMB_H - thumb.height) // 2))
        else:
            draw.text((x + 8, y + 30), a.error or "nothing painted", fill=RED, font=small)
        lines = [
            (f"{a.number}. {Path(a.record.page).stem} · {a.record.kind}", INK),
            (a.record.target[:34], INK),
            (expected_text(a.record)[:38], colour if a.record.category == "hard" else INK),
        ]
        if a.dom_differs:
            lines.append(("DOM: " + " ".join(a.dom_differs)[:34], RED))
        elif a.record.note:
            lines.append((a.record.note[:38], ORANGE))
        for j, (text, fill) in enumerate(lines):
            draw.text((x + 5, y + THUMB_H + 8 + j * 13), text, fill=fill, font=small if j else font)
    return sheet


def annotate(
    records: Sequence[LabelledRecord],
    root: Path | str,
    out: Path | str,
    *,
    only: Sequence[str] = (),
    browser: Browser | None = None,
    on_page: OnPage | None = None,
) -> AnnotationResult:
    """Write ``out/<folder>/<page>.png`` per page and ``out/<folder>.sheet.png`` per page folder.

    ``only``: just the pages whose path contains one of these strings (numbers stay the records'
    indices in ``records``)."""
    root, out = Path(root), Path(out)
    jobs = [j for j in group_by_page(records) if not only or any(t in j.page for t in only)]
    pages: list[Path] = []
    by_folder: dict[str, list[Annotated]] = {}
    unreadable = 0
    with serve_directory(root) as base, browser_session(browser) as chromium:
        for done, job in enumerate(jobs, 1):
            with open_labelled_page(chromium, base, root, job.page, 30_000) as page:
                if isinstance(page, str):
                    rows = [Annotated(n, r, None, None, (), f"page {page}") for n, r in job.items]
                    shot = Image.new("RGB", (1280, 200), (255, 255, 255))
                else:
                    rows = _read_page(page, job.items)
                    shot = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")
            unreadable += sum(a.error is not None for a in rows)
            target = out / f"{Path(job.page).with_suffix('')}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            _page_picture(shot, rows, job.page).save(target)
            pages.append(target)
            by_folder.setdefault(str(Path(job.page).parent), []).extend(rows)
            if on_page is not None:
                on_page(done, len(jobs), job.page)
    sheets = []
    for folder, rows in by_folder.items():
        path = out / f"{folder.replace('/', '_') or 'root'}.sheet.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = f"{folder}: {len(rows)} records (grey standard, orange hard, red DOM differs)"
        _sheet(rows, title).save(path)
        sheets.append(path)
    log.info("annotated %d pages, %d sheets in %s", len(pages), len(sheets), out)
    return AnnotationResult(tuple(pages), tuple(sheets), unreadable)
