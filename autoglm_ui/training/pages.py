# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Page composition: which controls a page holds, in what state, where, and the HTML around them.

:func:`plan_page` draws a page from its own ``random.Random``: a kit (own style or library), 20-40
controls with perceived values and disagreement cases, visibility mechanisms (wrappers, overlays,
scroll containers, a modal), and a layout. Every control carries ``data-agl="N"``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from autoglm_ui.training.control_states import KIND_WEIGHTS, apply_case, pick, sample_values
from autoglm_ui.training.kits import Helpers, Kit
from autoglm_ui.training.kits_registry import LIBRARIES
from autoglm_ui.training.names import FILLER, OCCLUDER_TEXT, TITLES, NamePicker
from autoglm_ui.training.styles import random_theme, safe_token
from autoglm_ui.training.widgets import CASES, VISIBILITY_HOW, Want, esc

ALL_SOURCES = ("own", *LIBRARIES)
EXTRA_SOURCES = ("own-b",)  # held-out own family (dev set only)
SCROLL_KINDS = ("button", "link", "checkbox", "switch", "textbox")
AUTO = "auto"  # visibility decided by the render (scroll containers): visible or offscreen


@dataclass
class PagePlan:
    html: str
    wants: list[Want]
    source: str
    style: str
    viewport: tuple[int, int]
    dsf: int
    notes: dict[str, str] = field(default_factory=dict)


def make_kit(rng: random.Random, source: str, helpers: Helpers) -> Kit:
    if source in ("own", "own-b"):
        return Kit(rng, helpers, random_theme(rng, "own" if source == "own" else "own-b"))
    if source not in LIBRARIES:
        raise ValueError(f"unknown source {source!r}; use one of {', '.join(ALL_SOURCES + EXTRA_SOURCES)}")
    return LIBRARIES[source](rng, helpers, rng.random() < 0.3)


class Composer:
    """Builds one page's wants and HTML."""

    def __init__(self, rng: random.Random, source: str, first_id: int, p_hard: float = 0.35) -> None:
        self.rng = rng
        self.h = Helpers.random(rng)
        self.kit = make_kit(rng, source, self.h)
        self.names = NamePicker(rng)
        self.n = first_id
        self.p_hard = p_hard
        self.wants: list[Want] = []
        self.cls = {k: safe_token(rng, 5) for k in ("wrap", "clip", "sr", "grid", "cell", "scroll")}

    def new(self, kind: str) -> Want:
        values, mode = sample_values(self.rng, kind, self.kit)
        w = Want(self.n, kind, "", values, mode=mode)
        self.n += 1
        if kind == "button" and self.rng.random() < 0.12:
            key, label = self.names.take_icon()
            w.icon_only, w.extra["icon"], w.name = True, key, label
        else:
            w.name = self.names.take(kind)
        self.wants.append(w)
        return w

    def render(self, w: Want) -> str:
        k = self.kit
        return {
            "button": k.button,
            "link": k.link,
            "checkbox": k.check,
            "radio": k.check,
            "switch": k.check,
            "textbox": k.textbox,
            "select": k.select,
        }[w.kind](w)

    # ---- visibility wrappers ---------------------------------------------------------------------
    def wrap(self, w: Want, inner: str) -> str:
        vis = w.values["visibility"]
        c = self.cls["wrap"]
        if vis == "visible":
            return f'<span class="{c}" style="display:inline-block;max-width:100%">{inner}</span>'
        how = w.vis_how or ""
        if vis == "hidden":
            style = {
                "display": "display:none",
                "visibility": "visibility:hidden;display:inline-block",
                "opacity": "opacity:0;display:inline-block",
                "scale": "display:inline-block;transform:scale(0)",
            }.get(how, "display:inline-block")
            extra = {"clip": self.cls["clip"], "sr-only": self.cls["sr"]}.get(how, "")
            return f'<span class="{c} {extra}" style="{style}">{inner}</span>'
        if vis == "occluded":
            return self.occlude(inner, how == "bar")
        if how == "negative":
            pos = (
                f"left:-{self.rng.randrange(1500, 9000)}px;top:{self.rng.randrange(50, 600)}px"
                if self.rng.random() < 0.6
                else f"top:-{self.rng.randrange(1500, 5000)}px;left:40px"
            )
            return f'<span class="{c}" style="position:absolute;{pos}">{inner}</span>'
        tr = self.rng.choice(("translateX(-250vw)", "translateY(-300vh)", "translate(-2000px,-40px)"))
        return f'<span class="{c}" style="display:inline-block;transform:{tr}">{inner}</span>'

    def occlude(self, inner: str, bar: bool = False) -> str:
        """An overlay (toast, popover, cookie card) or a full-width bar over the control's centre.

        Two overlays in seven cover only a corner: the centre stays free, so the control is visible
        (design.md: occluded means covered over its centre) and the verifier relabels it so; a
        partly covered control is not an occluded one. A corner cover reaches one or two of the
        hit probes off the centre (a quarter in from the edges), and half of them are fixed, as a
        toast is: ``position: fixed`` inside a transformed wrapper, which is its containing block.
        """
        r = self.rng
        dark = r.random() < 0.4
        bg = (
            f"rgba(30,30,40,{r.choice((0.92, 0.97, 1))})"
            if dark
            else f"rgba(255,255,250,{r.choice((0.93, 1))})"
        )
        fg = "#eee" if dark else "#222"
        cover = r.choice(("full", "full", "full", "top", "left", "corner", "corner"))
        geo = {
            "full": f"inset:-{r.randrange(2, 12)}px -{r.randrange(2, 30)}px",
            "top": "left:-6px;right:-6px;top:-8px;height:75%",
            "left": "left:-8px;top:-6px;bottom:-6px;width:70%",
            "corner": self._corner(),
        }[cover]
        text = r.choice(OCCLUDER_TEXT)
        if bar:
            geo = f"left:-40px;right:-40px;top:{r.randrange(-6, 4)}px;bottom:{r.randrange(-6, 4)}px"
        fixed = cover == "corner" and not bar and r.random() < 0.5
        occ = (
            f'<div style="position:{"fixed" if fixed else "absolute"};{geo};z-index:5;background:{bg};'
            f'color:{fg};border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.3);padding:4px 8px;'
            f'font-size:13px;overflow:hidden;white-space:nowrap">{esc(text)} ✕</div>'
        )
        wrap = "position:relative;display:inline-block" + (";transform:translate(0)" if fixed else "")
        return f'<span class="{self.cls["wrap"]}" style="{wrap}">{inner}{occ}</span>'

    def _corner(self) -> str:
        """A box over one corner: at most half the width and half the height, from 4 px outside."""
        r = self.rng
        side = r.choice(("left", "right"))
        end = r.choice(("top", "bottom"))
        return (
            f"{side}:-4px;{end}:-4px;width:{r.choice((35, 40, 45))}%;height:{r.choice((42, 46, 50))}%"
        )

    # ---- groups ---------------------------------------------------------------------------------
    def single(self, kind: str) -> str:
        w = self.new(kind)
        r = self.rng.random()
        if r < 0.09:
            w.values["visibility"], w.vis_how = "hidden", self.rng.choice(VISIBILITY_HOW["hidden"])
        elif r < 0.19:
            w.values["visibility"], w.vis_how = "occluded", "overlay"
        elif r < 0.25:
            w.values["visibility"], w.vis_how = "offscreen", self.rng.choice(("negative", "translate"))
        else:
            apply_case(self.rng, w, self.kit, self.p_hard)
        return self.finish(w)

    def finish(self, w: Want) -> str:
        html = self.wrap(w, self.render(w))
        if w.values.get("expanded") == "expanded" and w.kind in ("select", "button"):
            html = f'<div style="padding-bottom:8.5em">{html}</div>'  # room for the open list or menu
        return html

    def showcase(self) -> list[str]:
        """Every disagreement case the kit can draw, every visibility mechanism, every facet value."""
        cells = []
        simple = ("button", "checkbox", "textbox", "link", "switch")
        for case, (facet, value, kinds) in CASES.items():
            for kind in sorted(kinds):
                if kind == "tab" or not self.kit.supports(kind, case):
                    continue
                if kind == "accordion":
                    cells.append(self.accordion_group(force=case))
                    continue
                w = self.new(kind)
                w.case, w.values[facet] = case, value
                if facet == "expanded" and kind == "select":
                    w.mode = "combobox"
                if case == "dis-attr-looks-enabled" and kind == "textbox":
                    w.values["readonly"] = "editable"
                if kind == "checkbox" and facet != "validity":
                    w.values.pop("validity", None)
                cells.append(self.finish(w))
        for vis, hows in VISIBILITY_HOW.items():
            for how in sorted(set(hows) - {"scroll", "carousel"}):
                w = self.new(self.rng.choice(simple))
                w.values["visibility"], w.vis_how = vis, how
                cells.append(self.finish(w))
        for kind, facet, value in (
            ("checkbox", "checked", "mixed"),
            ("textbox", "readonly", "readonly"),
            ("button", "busy", "busy"),
            ("select", "expanded", "expanded"),
            ("textbox", "validity", "invalid"),
            ("radio", "checked", "checked"),
        ):
            w = self.new(kind)
            w.values[facet] = value
            if kind == "select":
                w.mode = "combobox"
            cells.append(self.finish(w))
        cells.append(self.scroll_group())
        cells.append(self.tab_group(force_hard=True))
        return cells

    def tab_group(self, force_hard: bool = False) -> str:
        ws = [self.new("tab") for _ in range(self.rng.randrange(3, 5))]
        sel = self.rng.randrange(len(ws))
        for i, w in enumerate(ws):
            w.values["selected"] = "selected" if i == sel else "unselected"
        class_only = not force_hard and self.rng.random() < 0.2 and self.kit.supports("tab", "looks-selected")
        if class_only:  # selected by a class only, as many pages do:
            for w in ws:  # no aria-selected anywhere, so the DOM-only view calls every tab unselected
                w.extra["aria_selected"] = "omit"
            ws[sel].case = "looks-selected"
        hard = force_hard or self.rng.random() < self.p_hard + 0.15
        if ws[sel].case is None and hard and self.kit.supports("tab", "looks-selected"):
            other = (sel + self.rng.randrange(1, len(ws))) % len(ws)
            ws[sel].case, ws[sel].values["selected"] = "looks-unselected", "unselected"  # aria says selected
            ws[other].case, ws[other].values["selected"] = "looks-selected", "selected"  # looks selected
            if self.rng.random() < 0.5 and not force_hard:  # variation: nothing looks selected, aria on one
                ws[other].case, ws[other].values["selected"] = None, "unselected"
        for w in ws:
            if w.case is None and self.rng.random() < 0.15:
                c = self.rng.choice(("dis-look-only", "dis-attr-looks-enabled"))
                if self.kit.supports("tab", c):
                    w.case, w.values["availability"] = c, CASES[c][1]
        return f'<div style="grid-column:1/-1">{self.kit.tabs(ws)}</div>'

    def accordion_group(self, force: str | None = None) -> str:
        ws = [self.new("accordion") for _ in range(self.rng.randrange(2, 5))]
        for w in ws:
            apply_case(self.rng, w, self.kit, self.p_hard)
        if force is not None:
            ws[0].case = force
            ws[0].values[CASES[force][0]] = CASES[force][1]
        return f'<div style="grid-column:1/-1">{self.kit.accordion(ws)}</div>'

    def scroll_group(self) -> str:
        """A scrolling list or a carousel: items out of its box are offscreen, the rest visible."""
        horizontal = self.rng.random() < 0.4
        items = []
        for _ in range(self.rng.randrange(4, 8)):
            w = self.new(self.rng.choice(SCROLL_KINDS))
            w.values["visibility"], w.vis_how = AUTO, "carousel" if horizontal else "scroll"
            if w.kind == "textbox":
                w.values["readonly"] = "editable"
            items.append(self.render(w))
        c = self.cls["scroll"]
        if horizontal:
            shift = self.rng.randrange(1, 3) * 260
            cells = "".join(f'<div style="flex:0 0 240px;padding:8px">{i}</div>' for i in items)
            return (
                f'<div class="{c}" style="grid-column:1/-1;overflow:hidden;border:1px dashed #999;max-width:520px">'
                f'<div style="display:flex;transform:translateX(-{shift}px)">{cells}</div></div>'
            )
        cells = "".join(f'<div style="padding:10px 6px">{i}</div>' for i in items)
        top = self.rng.randrange(60, 260)
        return (
            f'<div class="{c}" data-agl-scroll="{top}" style="height:{self.rng.randrange(110, 190)}px;'
            f'overflow-y:auto;border:1px solid #999;border-radius:4px">{cells}</div>'
        )

    # ---- the page -------------------------------------------------------------------------------
    def compose(self, n_controls: int, showcase: bool = False) -> tuple[str, dict[str, str]]:
        cells: list[str] = self.showcase() if showcase else []
        notes: dict[str, str] = {}
        while len(self.wants) < n_controls:
            r = self.rng.random()
            if r < 0.045:
                cells.append(self.tab_group())
            elif r < 0.10:
                cells.append(self.accordion_group())
            elif r < 0.15:
                cells.append(self.scroll_group())
            elif r < 0.21:
                cells.append(f"<p style='grid-column:1/-1;margin:.2em 0'>{self.rng.choice(FILLER)}</p>")
            else:
                kind = pick(
                    self.rng, {k: float(v) for k, v in KIND_WEIGHTS.items() if k not in ("tab", "accordion")}
                )
                cells.append(self.single(kind))
        cols = self.rng.choice((1, 2, 2, 3, 3, 4))
        gap = self.rng.choice((8, 12, 16, 24))
        pad = self.rng.choice((8, 16, 24, 32))
        grid = (
            f'<div class="{self.cls["grid"]}" style="display:grid;grid-template-columns:repeat({cols},minmax(0,1fr));'
            f'gap:{gap}px;align-items:start">'
            + "".join(
                f'<div class="{self.cls["cell"]}" style="padding:{pad // 2}px;min-width:0">{c}</div>'
                for c in cells
            )
            + "</div>"
        )
        extra = ""
        if self.rng.random() < 0.06 and not showcase:
            extra += self.modal()
            notes["modal"] = "yes"
        elif self.rng.random() < 0.08 and not showcase:
            extra += (
                f'<div style="position:fixed;left:0;right:0;bottom:0;z-index:50;padding:14px;background:#333;'
                f'color:#fff">{esc(self.rng.choice(OCCLUDER_TEXT))}</div>'
            )
            notes["banner"] = "yes"
        title = self.rng.choice(TITLES)
        body = (
            f"<h1 style='font-size:1.5em;margin:.3em 0'>{title}</h1><p>{self.rng.choice(FILLER)}</p>{grid}"
            f"{extra}"
        )
        return f'<main style="padding:{pad}px;max-width:1200px">{body}</main>', notes

    def modal(self) -> str:
        """A modal over the page: background controls become occluded, the dialog's are visible."""
        for w in self.wants:
            if w.values["visibility"] == "visible":
                w.values["visibility"], w.vis_how = "occluded", "modal"
        inner = []
        for kind in self.rng.sample(("button", "textbox", "checkbox", "button", "link"), 3):
            w = self.new(kind)
            inner.append(f"<div style='margin:8px 0'>{self.render(w)}</div>")
        bg = "#222" if self.kit.dark else "#fff"
        return (
            f'<div style="position:fixed;inset:0;background:rgba(0,0,0,.55);z-index:100"></div>'
            f'<div role="dialog" style="position:fixed;z-index:101;top:10%;left:50%;transform:translateX(-50%);'
            f'background:{bg};padding:20px;border-radius:8px;min-width:280px">'
            f"<h2 style='margin-top:0'>Confirm</h2>{''.join(inner)}</div>"
        )

    def helper_css(self) -> str:
        c = self.cls
        return "\n".join(
            (
                "*,*::before,*::after{transition:none!important;caret-color:transparent!important}",
                f".{c['clip']},.{c['clip']} *{{clip-path:inset(50%)!important}}",
                f".{c['sr']},.{c['sr']} *{{position:absolute!important;width:1px!important;height:1px!important;"
                "padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;"
                "white-space:nowrap!important;border:0!important}",
                self.h.css(self.kit.dark),
            )
        )


SCRIPT = (
    "<script>document.querySelectorAll('[data-agl-indet]').forEach(e=>{e.indeterminate=true});"
    "document.querySelectorAll('[data-agl-scroll]').forEach(e=>{e.scrollTop=+e.dataset.aglScroll});</script>"
)


def plan_page(
    rng: random.Random,
    source: str,
    first_id: int,
    n_controls: int,
    p_hard: float = 0.35,
    showcase: bool = False,
) -> PagePlan:
    """One page; ``showcase`` first places every case, mechanism and value the kit can draw."""
    comp = Composer(rng, source, first_id, p_hard)
    body, notes = comp.compose(n_controls, showcase)
    kit = comp.kit
    doc = (
        f'<!doctype html><html lang="en" {kit.html_attrs()}><head><meta charset="utf-8">'
        f"<title>synthetic page</title>{kit.head()}<style>{comp.helper_css()}</style></head>"
        f"<body>{body}{SCRIPT}</body></html>"
    )
    viewport = rng.choice(((1280, 800), (1024, 768), (1366, 768), (800, 900), (1440, 900), (420, 860)))
    dsf = 2 if rng.random() < 0.3 else 1
    return PagePlan(doc, comp.wants, kit.source, kit.style_id, viewport, dsf, notes)
