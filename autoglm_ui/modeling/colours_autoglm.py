"""Colours as fact tokens read them: CSS colour strings parsed to RGBA, coarse colour names, and
colours composited over what is behind them, as a user sees them (fact tokens version 6)."""

from __future__ import annotations

import colorsys
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

#: a number in a CSS value, with an optional percent sign
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?%?")


def bucket(x: float, edges: Sequence[float]) -> int:
    """The index of the first edge ``x`` is below (``len(edges)`` when above them all)."""
    for i, edge in enumerate(edges):
        if x < edge:
            return i
    return len(edges)


def parse_colour(text: Any) -> tuple[float, float, float, float] | None:
    """``rgb()/rgba()/oklch()/color(srgb …)`` → (r, g, b, alpha) in 0..1; None if unreadable."""
    return _parse_colour(text) if isinstance(text, str) else None


@functools.lru_cache(maxsize=4096)  # a page repeats a few dozen colours across every control
def _parse_colour(text: str) -> tuple[float, float, float, float] | None:
    t = text.strip().lower()
    nums = NUMBER.findall(t)
    vals = [float(n.rstrip("%")) / (100 if n.endswith("%") else 1) for n in nums]
    if t.startswith("rgb") and len(vals) >= 3:
        a = vals[3] if len(vals) > 3 else 1.0
        return (vals[0] / 255, vals[1] / 255, vals[2] / 255, a)
    if t.startswith("color(srgb") and len(vals) >= 3:
        return (vals[0], vals[1], vals[2], vals[3] if len(vals) > 3 else 1.0)
    if t.startswith(("oklch", "lch")) and len(vals) >= 3:
        light = vals[0] if vals[0] <= 1.0 else vals[0] / 100
        chroma = vals[1] if t.startswith("oklch") else vals[1] / 250
        a = vals[3] if len(vals) > 3 else 1.0
        # a rough projection onto RGB: enough for hue/lightness/saturation buckets
        r, g, b = colorsys.hls_to_rgb((vals[2] % 360) / 360, light, min(1.0, chroma * 3))
        return (r, g, b, a)
    return None


#: Below this chroma (max - min of r, g, b) a colour reads as grey (fact tokens version 2 on).
#: HLS saturation calls Tailwind's slate-400 (148, 163, 184) "blue", like an accent colour;
#: its chroma is 0.14, an accent's is 0.5 or more.
GREY_CHROMA = 0.18


def colour_token(text: Any, version: int = 1) -> str:
    """A coarse colour name: clear, grey0..3 (dark→light) or hue(12 sectors)+lightness.

    Version 1 calls a colour grey by HLS saturation; version 2 by chroma (:data:`GREY_CHROMA`),
    so the blue-greys of borders and muted text stay grey.
    """
    return _colour_token(text, version) if isinstance(text, str) else _colour_name(text, version)


@functools.lru_cache(maxsize=4096)
def _colour_token(text: str, version: int) -> str:
    return _colour_name(text, version)


def _colour_name(text: Any, version: int) -> str:
    c = parse_colour(text)
    if c is None:
        return "none" if str(text).strip().lower() in ("", "none", "auto") else "other"
    r, g, b, a = c
    if a < 0.1:
        return "clear"
    h, light, s = colorsys.rgb_to_hls(min(1, max(0, r)), min(1, max(0, g)), min(1, max(0, b)))
    alpha = "" if a > 0.9 else "~"
    chroma = max(r, g, b) - min(r, g, b)
    greyish = chroma < GREY_CHROMA if version >= 2 else s < 0.15
    if greyish or light < 0.08 or light > 0.96:
        return f"grey{bucket(light, (0.25, 0.55, 0.85))}{alpha}"
    return f"h{int(h * 12) % 12}l{bucket(light, (0.35, 0.7))}{alpha}"


_WHITE = (1.0, 1.0, 1.0, 1.0)
#: style keys holding one colour, composited over the background by :func:`seen_style`
_OVER_BACKGROUND = ("color", "border_color", "outline", "shadow_color")


def _over(text: Any, under: tuple[float, float, float, float]) -> Any:
    """``text``'s colour composited over the opaque colour ``under``, as ``rgb()``; other values as
    they are (unreadable, opaque, or so faint, under 0.1, that it reads as clear)."""
    c = parse_colour(text)
    if c is None or c[3] >= 0.999 or c[3] < 0.1:
        return text
    r, g, b, a = c
    mix = [round(255 * (a * x + (1 - a) * y)) for x, y in zip((r, g, b), under[:3], strict=True)]
    return f"rgb({mix[0]}, {mix[1]}, {mix[2]})"


def seen_style(style: Mapping[str, Any], under: Any = None) -> dict[str, Any]:
    """``style`` with its colours as a user sees them (fact tokens version 6).

    The background is composited over ``under`` (the parent's background; white when unknown, as
    the capture assumes where nothing paints); text, border, outline and shadow colours and each
    border side's colour over that background. Only colours change.
    """
    base = parse_colour(under) if under is not None else None
    base = base if base is not None and base[3] >= 0.999 else _WHITE
    out = dict(style)
    if "background" in style:
        out["background"] = _over(style["background"], base)
    bg = parse_colour(out.get("background"))
    behind = bg if bg is not None and bg[3] >= 0.999 else base
    for key in _OVER_BACKGROUND:
        if key in style:
            out[key] = _over(style[key], behind)
    sides = style.get("border_sides")
    if isinstance(sides, list):
        out["border_sides"] = [
            [side[0], _over(side[1], behind)] if isinstance(side, list | tuple) and len(side) == 2 else side
            for side in sides
        ]
    return out


def luminance(text: Any) -> float | None:
    c = parse_colour(text)
    if c is None:
        return None
    r, g, b, _ = c
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def chroma(text: Any) -> float:
    c = parse_colour(text)
    if c is None or c[3] < 0.1:
        return 0.0
    return max(c[:3]) - min(c[:3])

__all__ = [
    "GREY_CHROMA",
    "NUMBER",
    "bucket",
    "chroma",
    "colour_token",
    "luminance",
    "parse_colour",
    "seen_style",
]
