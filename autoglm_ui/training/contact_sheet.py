"""A contact sheet: crops of a dataset with their labels, one row per facet value, so a person can audit.

Each row holds up to ``per_row`` crops with that label, spread over styles (round-robin by source
and style) so one look shows whether e.g. every "disabled" crop really looks disabled. Hard
samples are framed in orange and captioned with their case.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from autoglm_ui.training.dataset import Dataset, Sample
from autoglm_ui.vocab import FACETS

THUMB_W, THUMB_H, CAPTION = 150, 70, 24
HEAD_W = 170


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def _spread(samples: list[Sample], n: int) -> list[Sample]:
    """Up to ``n`` samples, round-robin over styles, hard ones first within each style."""
    by_style: dict[str, list[Sample]] = defaultdict(list)
    for s in sorted(samples, key=lambda s: (s.category != "hard", s.id)):
        by_style[s.style].append(s)
    out: list[Sample] = []
    queues = [by_style[k] for k in sorted(by_style)]
    while len(out) < n and any(queues):
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop(0))
    return out


def _thumb(ds: Dataset, s: Sample) -> Image.Image:
    im = ds.image(s)
    im.thumbnail((THUMB_W - 4, THUMB_H - 4))
    return im


def contact_sheet(
    root: Path | str,
    out: Path | str,
    per_row: int = 12,
    facets: tuple[str, ...] | None = None,
    case: str | None = None,
) -> Path:
    """Write a PNG of crops grouped by facet value (rows) and style (spread within a row)."""
    ds = Dataset.load(root)
    rows: list[tuple[str, list[Sample]]] = []
    for facet in facets or tuple(FACETS):
        for value in FACETS[facet]:
            picked = [
                s for s in ds.samples if s.labels.get(facet) == value and (case is None or s.case == case)
            ]
            if picked:
                rows.append((f"{facet}={value}\n({len(picked)})", _spread(picked, per_row)))
    width = HEAD_W + per_row * THUMB_W
    height = max(1, len(rows)) * (THUMB_H + CAPTION) + 10
    sheet = Image.new("RGB", (width, height), (245, 245, 245))
    draw = ImageDraw.Draw(sheet)
    font, small = _font(13), _font(9)
    for r, (title, samples) in enumerate(rows):
        y = r * (THUMB_H + CAPTION) + 5
        draw.text((6, y + 20), title, fill=(0, 0, 0), font=font)
        for c, s in enumerate(samples):
            x = HEAD_W + c * THUMB_W
            th = _thumb(ds, s)
            frame = (230, 120, 0) if s.category == "hard" else (200, 200, 200)
            draw.rectangle((x, y, x + THUMB_W - 2, y + THUMB_H - 1), outline=frame, width=2)
            sheet.paste(th, (x + (THUMB_W - th.width) // 2, y + (THUMB_H - th.height) // 2))
            cap1 = f"{s.kind} {s.source}"
            cap2 = (s.case or s.style.split("/")[1] if "/" in s.style else s.style)[:26]
            draw.text((x + 2, y + THUMB_H), cap1, fill=(0, 0, 0), font=small)
            draw.text(
                (x + 2, y + THUMB_H + 11), cap2, fill=(150, 60, 0) if s.case else (90, 90, 90), font=small
            )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    return out
