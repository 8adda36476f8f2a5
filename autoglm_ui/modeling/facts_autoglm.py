"""Raw DOM facts → ``key=value`` fact tokens (numbers bucketed, class names in pieces), per version.

Identity is left out on purpose: the element id, ``data-testid``, the accessible name, label,
placeholder, text and value never become tokens (only whether they are present and how long),
so a model cannot learn which page generator made a page. Class names contribute their word
pieces (``btn-outline-disabled`` → ``btn``, ``outline``, ``disabled``) and colours become coarse
hue/lightness buckets, which transfer across component libraries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from autoglm_ui.modeling.colours_autoglm import (
    NUMBER,
    chroma,
    colour_token,
    luminance,
    parse_colour,
    seen_style,
)
from autoglm_ui.modeling.colours_autoglm import bucket as _bucket

#: Bumped whenever :func:`fact_tokens` changes what it emits: a release records the version its
#: vocabulary was built with and is always fed that version's tokens; a newer one is an error.
#: 1: the first set. 2: adds side-aware border tokens (``s.edges``, ``s.edge_color``,
#: ``s.edge_uneven``, ``s.edge_width``), ``s.shadow_color``, ``s.bold``, the marks drawn inside
#: the drawn box (``s.marks``, ``s.mark_aspect``); colours are grey by
#: chroma, not HLS saturation (see :func:`colour_token`). 3: adds relations to other elements:
#: whether the popup or panel an expandable control opens is shown (``x.popup``, ``x.popup_via``)
#: and how a tab's look compares with its sibling tabs (``x.tabs``, ``x.apart``); the paint of the
#: box inside a check control drawn as a row (``s.in.*``); and the processor
#: counts unknown tokens of one key once (``FactTokenizer.once_unknown``). 4: adds how many
#: endlessly repeating animations the control holds (``s.loops``: a spinner turns, an icon does not).
#: 5: the accessibility tree's role (``ax.*``) and the app-shell scroller. 6: colours as they are
#: seen (:func:`seen_style`): a translucent text, border or shadow colour is composited over the
#: background behind it, so ``rgba(27, 43, 65, .69)`` text (how Vaadin's Lumo and Material draw
#: ordinary text) is the mid grey a user sees, not a "translucent" token that generated pages only
#: use for disabled text. 7: how the control looks beside its peers, the other controls of its kind
#: on the page (``x.peers``, ``x.odd``, ``x.ink``): a disabled or read-only control is usually the
#: one drawn fainter or apart, which no single control's styles say on a library never seen.
FACTS_VERSION = 7
SUPPORTED_FACTS_VERSIONS = (1, 2, 3, 4, 5, 6, 7)
CLASS_PREFIXES = {"classes": "c:", "drawn_classes": "d:", "parent_classes": "p:"}

_CATEGORICAL = ("tag", "type", "role", "kind", "drawn_tag", "paint_hidden", "self_paint_hidden", "clipped_by")
_STYLE_WORDS = (
    "display",
    "visibility",
    "pointer_events",
    "cursor",
    "text_decoration",
    "appearance",
    "position",
)
_RATIOS = ("in_document", "in_viewport", "container_visible_ratio")
#: attributes whose ``false`` differs from absent (``null``: not that kind of element); other false
#: booleans are left out, which keeps sequences short (absence means false).
_TRISTATE = frozenset({"checked", "indeterminate", "valid", "user_invalid", "details_open", "href"})
_PIECE = re.compile(r"[a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _ratio(x: Any) -> str:
    v = float(x or 0.0)
    if v <= 0.0:
        return "0"
    if v >= 0.999:
        return "1"
    return f"b{_bucket(v, (0.25, 0.5, 0.75))}"


def _size(x: Any) -> str:
    v = float(x or 0.0)
    return "0" if v < 1 else f"l{min(10, int(math.log2(v)))}"


def _short(v: Any, n: int = 16) -> str:
    return re.sub(r"\s+", "_", str(v).strip().lower())[:n]


def class_pieces(classes: Any) -> list[str]:
    """Lower-case alphabetic word pieces of a class attribute, unique, in first-seen order."""
    out: dict[str, None] = {}
    for name in str(classes or "").split():
        for piece in _PIECE.findall(_CAMEL.sub("-", name).lower()):
            if len(piece) >= 2:
                out.setdefault(piece, None)
    return list(out)


def fact_tokens(
    raw: Mapping[str, Any], extra: Iterable[str] = (), *, version: int = FACTS_VERSION
) -> list[str]:
    """The token strings of one control's raw facts (deterministic, identity-free).

    ``version`` selects what is emitted (:data:`SUPPORTED_FACTS_VERSIONS`): a release is fed the
    version its vocabulary was built with.
    """
    if version not in SUPPORTED_FACTS_VERSIONS:
        raise ValueError(f"DOM-fact tokens version {version!r} is not one of {SUPPORTED_FACTS_VERSIONS}")
    toks: list[str] = []
    for key in _CATEGORICAL:
        v = raw.get(key)
        if v not in (None, ""):
            toks.append(f"{key}={_short(v)}")
    for key in ("in_frame", "in_shadow"):
        if raw.get(key):
            toks.append(f"{key}=1")
    for key in ("drawn_is_self", "displayed"):
        if key in raw:
            toks.append(f"{key}={int(bool(raw[key]))}")
    for key in ("label", "text", "placeholder", "value"):
        n = len(str(raw.get(key) or ""))
        toks.append(f"{key}_len={_bucket(n, (1, 4, 12, 40))}")
    attrs: Mapping[str, Any] = raw.get("attrs") or {}
    for key in sorted(attrs):
        v = attrs[key]
        if v is None or (v is False and key not in _TRISTATE):
            continue
        toks.append(f"a.{key}={int(v) if isinstance(v, bool) else _short(v, 12)}")
    style: Mapping[str, Any] = raw.get("style") or {}
    if version >= 6:
        style = seen_style(style)
    toks += _style_tokens(style, version)
    if version >= 2:
        toks += _style_tokens_v2(style)
    inner = style.get("inner_box")
    if version >= 6 and isinstance(inner, Mapping):
        inner = seen_style(inner, under=style.get("background"))
    if version >= 3 and isinstance(inner, Mapping):  # the box inside a check control drawn as a row
        toks.append(f"s.in.background={colour_token(inner.get('background'), 2)}")
        toks += ["s.in." + t[2:] for t in _style_tokens_v2(inner) if t.startswith(("s.edge", "s.mark"))]
    if version >= 4 and "loops" in style:  # absent from captures older than version 4
        toks.append(f"s.loops={min(2, int(style.get('loops') or 0))}")
    toks += _geometry_tokens(raw)
    if version >= 3:
        toks += _relation_tokens(raw)
    if version >= 7:
        toks += _peer_tokens(raw)
    hits = list(raw.get("hits") or [])
    for i, h in enumerate(hits[:5]):
        toks.append(f"hit{i}={_short(h)}")
    for value in ("self", "other", "other-fixed", "outside"):
        n = sum(1 for h in hits if h == value)
        if n or value == "self":
            toks.append(f"hits_{value}={n}")
    toks += _dom_tokens(raw, version)
    if version >= 5:
        toks += _tree_tokens(raw)
    toks += list(extra)
    for field, prefix in CLASS_PREFIXES.items():
        toks += [prefix + p for p in class_pieces(raw.get(field))]
    return toks


def _dom_tokens(raw: Mapping[str, Any], version: int) -> list[str]:
    """What the DOM-only view concludes per facet: a strong prior the pixels may override.

    Versions 1 to 4 carry the attribute-only view they were built with (the accessibility tree's
    view would change what a pinned release reads)."""
    from autoglm_ui.dom_view import dom_view

    try:
        view = dom_view(raw, tree=version >= 5)
    except (KeyError, TypeError, ValueError):  # partial facts (hand-made records): no prior
        return []
    return [f"dom.{facet}={value}" for facet, value in view.items() if value is not None]


def _tree_tokens(raw: Mapping[str, Any]) -> list[str]:
    """Version 5: the accessibility tree's role where the capture joined a node (a custom element or
    a control inside a shadow root), and whether the control lives in an app shell's scroller."""
    ax = raw.get("ax")
    toks = []
    if isinstance(ax, Mapping):
        toks.append(f"ax.role={_short(ax.get('role') or 'none')}")
        if ax.get("ignored"):
            toks.append("ax.ignored=1")
    if raw.get("in_page_scroller"):
        toks.append("g.page_scroller=1")
    return toks


def _style_tokens(style: Mapping[str, Any], version: int) -> list[str]:
    toks = [f"s.{k}={_short(style[k])}" for k in _STYLE_WORDS if style.get(k) not in (None, "")]
    op = style.get("opacity")
    if op is not None:
        toks.append(f"s.opacity=b{_bucket(float(op), (0.05, 0.3, 0.6, 0.9, 0.999))}")
    eop = style.get("effective_opacity")
    if eop is not None:
        toks.append(f"s.effective_opacity=b{_bucket(float(eop), (0.05, 0.3, 0.6, 0.9, 0.999))}")
    for key in ("color", "background", "border_color", "accent_color", "outline"):
        if key in style:
            toks.append(f"s.{key}={colour_token(style[key], version)}")
    fg, bg = luminance(style.get("color")), luminance(style.get("background"))
    if fg is not None and bg is not None:
        toks.append(f"s.contrast=b{_bucket(abs(fg - bg), (0.1, 0.25, 0.45, 0.7))}")
    filt = str(style.get("filter") or "none").lower()
    if filt != "none":
        for name, amount in re.findall(r"([a-z-]+)\(([^)]*)\)", filt):
            nums = NUMBER.findall(amount)
            v = float(nums[0].rstrip("%")) / (100 if nums and nums[0].endswith("%") else 1) if nums else 0.0
            toks.append(f"s.filter.{name}=b{_bucket(v, (0.2, 0.5, 0.8, 1.01))}")
    bw = style.get("border_width")
    if bw is not None:
        toks.append(f"s.border_width=b{_bucket(float(bw), (0.5, 1.5, 2.5))}")
    fs = style.get("font_size")
    if fs is not None:
        toks.append(f"s.font_size=b{_bucket(float(fs), (10, 13, 17, 24))}")
    if "box_shadow" in style:
        toks.append(f"s.box_shadow={int(bool(style['box_shadow']))}")
    scale = style.get("transform_scale")
    if scale is not None:
        toks.append(f"s.scale=b{_bucket(float(scale), (0.02, 0.5, 0.95, 1.05))}")
    if "translated" in style:
        toks.append(f"s.translated={int(bool(style['translated']))}")
    clip = str(style.get("clip") or "auto").lower()
    toks.append("s.clip=" + ("auto" if clip == "auto" else "rect"))
    cp = str(style.get("clip_path") or "none").lower()
    toks.append("s.clip_path=" + (cp.split("(")[0][:12] if cp != "none" else "none"))
    return toks


def _style_tokens_v2(style: Mapping[str, Any]) -> list[str]:
    """The style tokens version 2 adds: borders, marks, bold, shadow colour.

    Borders are read without regard to side (how many sides are painted, the accent side's colour
    and width, whether the sides differ), so an underline, a left bar, an overline and a full
    border of the same colour share tokens, which is how a state look carries over between
    libraries. Marks are what is painted inside the drawn box (count, the largest one's shape).
    """
    sides = style.get("border_sides")
    toks: list[str] = []
    if isinstance(sides, list) and len(sides) == 4:
        painted: list[tuple[float, str]] = []
        for side in sides:
            try:
                width, colour = float(side[0] or 0.0), str(side[1])
            except (TypeError, ValueError, IndexError):
                continue
            c = parse_colour(colour)
            if width >= 0.5 and (c is None or c[3] >= 0.1):
                painted.append((width, colour))
        toks.append(f"s.edges={len(painted)}")
        if painted:
            # the accent: the widest side, the most colourful among equals
            width, colour = max(painted, key=lambda wc: (round(wc[0], 1), chroma(wc[1])))
            toks.append(f"s.edge_color={colour_token(colour, 2)}")
            toks.append(f"s.edge_width=b{_bucket(width, (1.5, 2.5, 4.5))}")
            looks = {(round(w, 1), colour_token(c, 2)) for w, c in painted}
            uneven = len(painted) < 4 or len(looks) > 1
            toks.append(f"s.edge_uneven={int(uneven)}")
    marks = style.get("marks")
    if isinstance(marks, list):
        sizes = [(float(m[0]), float(m[1])) for m in marks if isinstance(m, list) and len(m) == 2]
        toks.append(f"s.marks={min(2, len(sizes))}")
        if sizes:
            w, h = max(sizes, key=lambda wh: wh[0] * wh[1])
            toks.append(f"s.mark_aspect=b{_bucket(w / max(h, 1.0), (0.5, 2.0, 3.5))}")
    weight = style.get("font_weight")
    if weight is not None:
        toks.append(f"s.bold={int(float(weight) >= 600)}")
    shadow = style.get("shadow_color")
    if shadow is not None:
        toks.append(f"s.shadow_color={colour_token(shadow, 2)}")
    return toks


def _relation_tokens(raw: Mapping[str, Any]) -> list[str]:
    """Version 3: what the control's surroundings show about its state.

    ``x.popup``: the menu, listbox or panel an expandable control opens is shown or not (what a
    user reads as expanded), ``x.popup_via`` how it was found. ``x.apart``: each aspect of its look
    (background, color, weight, border, decoration, opacity) in which a tab differs from its
    sibling tabs while they all agree: a selected tab is usually the one drawn apart.
    """
    toks: list[str] = []
    popup = raw.get("popup")
    if isinstance(popup, Mapping):
        toks.append(f"x.popup_via={_short(popup.get('via'))}")
        toks.append(f"x.popup={'shown' if popup.get('shown') else 'hidden'}")
    tabs = raw.get("tabs")
    if isinstance(tabs, Mapping):
        toks.append(f"x.tabs={_bucket(int(tabs.get('n') or 0), (2, 3, 5))}")
        apart = [str(a) for a in tabs.get("apart") or [] if a]
        toks += [f"x.apart={_short(a)}" for a in sorted(apart)] or ["x.apart=none"]
    return toks


def _peer_tokens(raw: Mapping[str, Any]) -> list[str]:
    """Version 7: how the control looks beside its peers (the page's other controls of its tag,
    type, role and kind; at most 24, the nearest in document order).

    ``x.peers``: how many there are. ``x.odd``: each aspect of the look (color, background, border,
    opacity, cursor) in which the control differs from what most of its peers share. ``x.ink``: how
    far its text stands out from its background (opacity included) against its peers' median, in
    buckets: much fainter, fainter, alike, stronger.
    """
    peers = raw.get("peers")
    if not isinstance(peers, Mapping):
        return []
    n = int(peers.get("n") or 0)
    toks = [f"x.peers={_bucket(n, (1, 2, 5))}"]
    if n == 0:
        return toks
    odd = sorted(str(a) for a in peers.get("odd") or [] if a)
    toks += [f"x.odd={_short(a)}" for a in odd] or ["x.odd=none"]
    ink = peers.get("ink")
    if isinstance(ink, (int, float)) and math.isfinite(ink):
        toks.append(f"x.ink=b{_bucket(float(ink), (0.5, 0.8, 1.25))}")
    return toks


def _geometry_tokens(raw: Mapping[str, Any]) -> list[str]:
    toks = [f"{k}={_ratio(raw.get(k))}" for k in _RATIOS if k in raw]
    for name in ("box", "drawn"):
        b = raw.get(name) or {}
        w, h = float(b.get("width", 0) or 0), float(b.get("height", 0) or 0)
        toks.append(f"{name}.w={_size(w)}")
        toks.append(f"{name}.h={_size(h)}")
        if name == "drawn" and w >= 1 and h >= 1:
            toks.append(f"drawn.aspect=b{_bucket(w / h, (0.5, 0.9, 1.2, 2.5, 6))}")
    for key in ("doc_x", "doc_y"):
        if key in raw:
            v = float(raw[key] or 0.0)
            toks.append(f"{key}=b{_bucket(v, (-2000, -100, -1, 5000))}")
    return toks


__all__ = [
    "CLASS_PREFIXES",
    "FACTS_VERSION",
    "SUPPORTED_FACTS_VERSIONS",
    "class_pieces",
    "colour_token",
    "fact_tokens",
    "parse_colour",
]
