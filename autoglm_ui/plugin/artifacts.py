"""Per-test artifact folders ``<output>/<test-slug>/``: crops, an annotated screenshot, state JSON.

Deterministic and xdist-safe (one folder per test id). Only files the plugin made are ever
removed: each folder lists them in ``.autoglm-ui-files``, and the next run of the same test, or a
pass in ``retain-on-failure`` mode, removes exactly those. The output folder itself is never wiped.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from autoglm_ui.vocab import FACET_NAMES

if TYPE_CHECKING:
    from PIL import Image
    from playwright.sync_api import Page

    from autoglm_ui.state import WidgetState

log = logging.getLogger(__name__)

LEDGER = ".autoglm-ui-files"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def slug(text: str, limit: int = 120) -> str:
    """A file-name-safe, deterministic form of ``text`` (long ones keep a hash to stay unique)."""
    out = _UNSAFE.sub("-", text).strip("-.") or "x"
    if len(out) <= limit:
        return out
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    half = (limit - 10) // 2
    return f"{out[:half]}-{digest}-{out[-half:]}"


class TestArtifacts:
    """The artifact folder of one test, and the files the plugin wrote there."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, output: Path, nodeid: str) -> None:
        self.folder = output / slug(nodeid)
        self.made: list[Path] = []
        self._cleared = False

    def _prepare(self) -> None:
        if self._cleared:
            return
        self._cleared = True
        remove_listed(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def _write(self, name: str, data: bytes) -> Path:
        self._prepare()
        path = self.folder / name
        path.write_bytes(data)
        if path not in self.made:
            self.made.append(path)
        ledger = self.folder / LEDGER
        ledger.write_text("\n".join(p.name for p in self.made) + "\n", encoding="utf-8")
        return path

    def save_image(self, name: str, image: Image.Image) -> Path:
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        return self._write(name, buf.getvalue())

    def save_json(self, name: str, data: Mapping[str, Any]) -> Path:
        return self._write(name, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode())

    def save_read(
        self, index: int, target: str, state: WidgetState, page: Page | None, extra: Mapping[str, Any]
    ) -> dict[str, Path]:
        """Save one read: its crop, its state as JSON and (while the page is open) an annotated screenshot."""
        stem = f"{index:02d}-{slug(target, 40)}"
        paths: dict[str, Path] = {}
        if state.crop is not None:
            paths["crop"] = self.save_image(f"{stem}-crop.png", state.crop)
        shot = annotated_screenshot(page, state) if page is not None else None
        if shot is not None:
            paths["screenshot"] = self.save_image(f"{stem}-screenshot.png", shot)
        paths["state"] = self.save_json(f"{stem}-state.json", state_json(target, state, extra))
        return paths

    def discard(self) -> None:
        """Remove the files the plugin made for this test, now or in an earlier run (after a pass)."""
        remove_listed(self.folder)
        self.made.clear()


def remove_listed(folder: Path) -> None:
    """Remove the files the ledger of ``folder`` lists, the ledger, and the folder if left empty."""
    ledger = folder / LEDGER
    try:
        names = ledger.read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return
    for name in names:
        if "/" in name or name.startswith("."):
            log.warning("autoglm-ui: ignoring unexpected entry %r in %s", name, ledger)
            continue
        (folder / name).unlink(missing_ok=True)
    ledger.unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError as exc:  # the user keeps other files there: leave the folder
        log.debug("keeping %s: %s", folder, exc)


def state_json(target: str, state: WidgetState, extra: Mapping[str, Any]) -> dict[str, Any]:
    box = state.box
    return {
        "target": target,
        "kind": state.kind,
        "name": state.name,
        "release": state.release,
        "box": {"x": box.x, "y": box.y, "width": box.width, "height": box.height},
        "facets": {f: state.facets.get(f) for f in FACET_NAMES},
        "confidence": {f: round(float(c), 4) for f, c in state.confidence.items()},
        "dom": {f: state.dom.get(f) for f in FACET_NAMES},
        "disagreements": list(state.disagreements),
        **extra,
    }


def annotated_screenshot(page: Page, state: WidgetState) -> Image.Image | None:
    """The viewport (the whole page when the control lies outside it) with the control's box drawn."""
    from PIL import Image, ImageDraw
    from playwright.sync_api import Error as PlaywrightError

    raw = state.raw
    drawn = raw.get("drawn") or {}
    try:
        if page.is_closed():
            return None
        sx, sy, vw, vh, dpr = page.evaluate(
            "[window.scrollX, window.scrollY, innerWidth, innerHeight, devicePixelRatio]"
        )
        x, y = float(raw.get("doc_x", state.box.x + sx)), float(raw.get("doc_y", state.box.y + sy))
        w, h = float(drawn.get("width", state.box.width)), float(drawn.get("height", state.box.height))
        inside = x >= sx and y >= sy and x + w <= sx + vw and y + h <= sy + vh
        data = page.screenshot(full_page=not inside, animations="allow", caret="initial")
    except PlaywrightError as exc:
        log.warning("autoglm-ui: no annotated screenshot (%s)", str(exc).splitlines()[0])
        return None
    image = Image.open(io.BytesIO(data)).convert("RGB")
    left, top = (x - sx, y - sy) if inside else (x, y)
    scale = float(dpr)
    pad = 3
    box = [(left - pad) * scale, (top - pad) * scale, (left + w + pad) * scale, (top + h + pad) * scale]
    draw = ImageDraw.Draw(image)
    draw.rectangle(box, outline=(230, 0, 90), width=max(2, round(3 * scale)))
    label = f"{state.kind} {state.name!r}: {', '.join(state.values())}"
    draw.text((box[0], max(0, box[1] - 14 * scale)), label, fill=(230, 0, 90))
    return image
