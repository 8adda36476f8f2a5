# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Randomised own styles: a theme drawn from a seed, and the CSS that draws every control kind.

Own styles are what the model mostly learns from (it is judged on libraries it never saw), so
everything a designer varies is drawn at random: colours, fonts present on the machine, radii,
borders, shadows, sizes, spacing, dark themes, how checkboxes/switches/radios are drawn, spinners,
how text fields are drawn (box, underline, filled), what "disabled" and "error" look like, and the
class names themselves (so no class token leaks a label). Two families exist: ``own`` (training)
and ``own-b`` (held out for the dev set; different pools for fonts, shapes and state looks; see
:data:`FAMILIES`).
"""

from __future__ import annotations

import dataclasses
import random
import string
from dataclasses import dataclass

from autoglm_ui.training.style_looks import dis_css, err_css, field_css, mark_css, spin_css, tab_css

#: Fonts installed on the build machine (fc-list) plus generic families. Nothing is downloaded.
FONTS_A = (
    "DejaVu Sans",
    "Liberation Sans",
    "DejaVu Serif",
    "Liberation Mono",
    "sans-serif",
    "Liberation Sans Narrow",
    "system-ui",
    "DejaVu Sans Condensed",
)
FONTS_B = ("Liberation Serif", "DejaVu Sans Mono", "serif", "monospace", "DejaVu Serif Condensed")

#: Per family: fonts, disabled looks, error looks, checkmark shapes, spinner shapes, tab looks,
#: button looks and (own only) text field looks and every tab's base look. own-b has no ``field``
#: or ``tab_base`` pool: its fields are boxes, its tabs plain, and its themes make exactly the draws
#: they made when the dev set was built.
FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {
    "own": {
        "fonts": FONTS_A,
        "dis": ("opacity", "grey", "filter", "pale"),
        "err": ("border", "border-bg", "shadow"),
        "mark": ("tick", "square", "svg"),
        "spin": ("ring", "dots", "arc"),
        "tab": ("underline", "filled", "pill"),
        "btn": ("filled", "outline", "soft", "gradient"),
        "field": ("box", "box", "underline", "filled"),
        "tab_base": ("plain", "plain", "lined", "bold", "chip"),
    },
    "own-b": {
        "fonts": FONTS_B,
        "dis": ("dashed", "grey-opacity"),
        "err": ("underline", "left-bar"),
        "mark": ("cross", "dot"),
        "spin": ("bars", "half"),
        "tab": ("boxed", "overline"),
        "btn": ("ghost", "raised"),
    },
}

REALISTIC_STATE_NAMES = {
    "dis": ("disabled", "is-disabled", "muted", "inactive", "off"),
    "err": ("error", "has-error", "invalid", "danger", "bad"),
    "on": ("on", "active", "is-checked", "checked", "selected"),
    "open": ("open", "is-open", "shown", "expanded"),
    "spin": ("spinner", "loader", "busy-ind", "ring"),
}


def token(rng: random.Random, n: int = 3) -> str:
    """A random class-name fragment (letters first, so it is a valid CSS identifier)."""
    return rng.choice(string.ascii_lowercase) + "".join(
        rng.choice(string.ascii_lowercase + string.digits) for _ in range(n - 1)
    )


def safe_token(rng: random.Random, n: int = 4) -> str:
    """A token no capture heuristic reads as meaningful (no spin/load/accordion/collapse...)."""
    while True:
        t = token(rng, n)
        if not any(bad in t for bad in ("spin", "load", "acc", "coll", "dis", "err")):
            return t


@dataclass(frozen=True)
class Theme:
    """One own style: every visual choice, drawn from a seed."""

    family: str
    dark: bool
    hue: int
    font: str
    font_size: int
    radius: str
    border: int
    shadow: str
    pad: tuple[float, float]
    btn: str
    dis: str
    err: str
    mark: str
    spin: str
    tab: str
    zoom: float
    upper: bool
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    field: str = "box"  # text field/select/combobox look: box | underline | filled
    tab_base: str = "plain"  # every tab's look: plain | lined | bold | chip

    @property
    def id(self) -> str:
        # own-b ids (in the frozen dev set's labels) stay as they were: only own names its field look
        field = f"-{self.field}-{self.tab_base}" if self.family == "own" else ""
        return (
            f"{self.family}/{'dark' if self.dark else 'light'}/{self.btn}-{self.dis}-{self.err}"
            f"-{self.mark}-{self.spin}-{self.tab}{field}"
        )


def random_theme(rng: random.Random, family: str = "own") -> Theme:
    pools = FAMILIES[family]
    names: dict[str, str] = {}
    for role in (
        "btn",
        "alt",
        "link",
        "field",
        "select",
        "box",
        "row",
        "track",
        "knob",
        "sr",
        "ghost",
        "tablist",
        "tab",
        "acc",
        "accbtn",
        "panel",
        "combo",
        "listbox",
        "menu",
        "ro",
        "nomark",
        "mixed",
        "ring",
        "cell",
    ):
        names[role] = safe_token(rng, rng.choice((3, 4, 5)))
    for role, realistic in REALISTIC_STATE_NAMES.items():
        names[role] = rng.choice(realistic) if rng.random() < 0.5 else safe_token(rng, 4)
    theme = Theme(
        family=family,
        dark=rng.random() < 0.3,
        hue=rng.randrange(360),
        font=rng.choice(pools["fonts"]),
        font_size=rng.choice((12, 13, 14, 15, 16, 16, 17, 18)),
        radius=rng.choice(("0", "2px", "4px", "6px", "8px", "12px", "999px")),
        border=rng.choice((0, 1, 1, 2)),
        shadow=rng.choice(
            (
                "none",
                "none",
                "0 1px 2px rgba(0,0,0,.25)",
                "0 3px 8px rgba(0,0,0,.2)",
                "2px 2px 0 rgba(0,0,0,.8)",
            )
        ),
        pad=(rng.choice((0.25, 0.4, 0.5, 0.7)), rng.choice((0.6, 0.9, 1.2, 1.6))),
        btn=rng.choice(pools["btn"]),
        dis=rng.choice(pools["dis"]),
        err=rng.choice(pools["err"]),
        mark=rng.choice(pools["mark"]),
        spin=rng.choice(pools["spin"]),
        tab=rng.choice(pools["tab"]),
        zoom=rng.choice((1.0, 1.0, 1.0, 1.0, 0.8, 0.9, 1.1, 1.25, 1.5)),
        upper=rng.random() < 0.2,
        names=names,
    )
    if "field" in pools:  # drawn last, so a family without the pool (own-b) draws exactly as before
        theme = dataclasses.replace(theme, field=rng.choice(pools["field"]))
    if "tab_base" in pools:
        theme = dataclasses.replace(theme, tab_base=rng.choice(pools["tab_base"]))
    return theme


def palette(t: Theme) -> dict[str, str]:
    h = t.hue
    if t.dark:
        return {
            "bg": f"hsl({(h + 200) % 360} 15% 11%)",
            "surface": f"hsl({(h + 200) % 360} 14% 17%)",
            "text": "hsl(0 0% 92%)",
            "muted": "hsl(0 0% 62%)",
            "line": "hsl(0 0% 38%)",
            "pri": f"hsl({h} 70% 60%)",
            "on": "hsl(0 0% 8%)",
            "soft": f"hsl({h} 40% 25%)",
            "danger": "hsl(2 85% 62%)",
            "dim": "hsl(0 0% 30%)",
            "dimtext": "hsl(0 0% 50%)",
        }
    return {
        "bg": f"hsl({(h + 180) % 360} 20% 98%)",
        "surface": "hsl(0 0% 100%)",
        "text": "hsl(220 15% 15%)",
        "muted": "hsl(220 8% 45%)",
        "line": "hsl(220 10% 70%)",
        "pri": f"hsl({h} 70% 42%)",
        "on": "hsl(0 0% 100%)",
        "soft": f"hsl({h} 70% 92%)",
        "danger": "hsl(356 75% 48%)",
        "dim": "hsl(0 0% 86%)",
        "dimtext": "hsl(0 0% 58%)",
    }


def own_css(t: Theme) -> str:
    """The stylesheet of one own theme (class names from ``t.names``)."""
    n, p = t.names, palette(t)
    r, bw = t.radius, t.border
    py, px = t.pad
    line = p["line"]
    btn_look = {
        "filled": f"background:{p['pri']};color:{p['on']};border:{bw}px solid {p['pri']};",
        "outline": f"background:transparent;color:{p['pri']};border:{max(bw, 1)}px solid {p['pri']};",
        "soft": f"background:{p['soft']};color:{p['pri']};border:{bw}px solid transparent;",
        "gradient": f"background:linear-gradient(180deg,{p['pri']},color-mix(in srgb,{p['pri']} 70%,black));"
        f"color:{p['on']};border:0;",
        "ghost": f"background:transparent;color:{p['text']};border:{bw}px solid transparent;text-decoration:underline;",
        "raised": f"background:{p['surface']};color:{p['text']};border:1px solid {line};box-shadow:0 2px 0 {line};",
    }[t.btn]
    tab_base, tab_on = tab_css(t, p)
    box = n["box"]
    field_look, field_bg = field_css(t, p)
    css = [
        f"html{{zoom:{t.zoom};}}" if t.zoom != 1.0 else "",
        f"body{{margin:0;background:{p['bg']};color:{p['text']};font-family:'{t.font}',sans-serif;"
        f"font-size:{t.font_size}px;line-height:1.4;}}",
        "@keyframes kf-rot{to{transform:rotate(360deg)}}",
        f".{n['btn']}{{display:inline-flex;align-items:center;gap:.45em;font:inherit;padding:{py}em {px}em;"
        f"border-radius:{r};box-shadow:{t.shadow};cursor:pointer;{btn_look}"
        f"{'text-transform:uppercase;letter-spacing:.04em;' if t.upper else ''}}}",
        f".{n['btn']}.{n['alt']}{{background:{p['surface']};color:{p['text']};border:1px solid {line};}}",
        f".{n['btn']} svg{{width:1.1em;height:1.1em;}}",
        f".{n['link']}{{color:{p['pri']};text-decoration:{'underline' if t.hue % 2 else 'none'};cursor:pointer;}}",
        f".{n['field']},.{n['select']},.{n['combo']}{{font:inherit;color:{p['text']};background:{field_bg};"
        f"{field_look}min-width:11em;box-sizing:border-box;}}",
        f".{n['select']}.{n['alt']},.{n['combo']}{{appearance:none;padding-right:2em;text-align:left;"
        f'background:{field_bg} no-repeat right .6em center/.7em url("data:image/svg+xml,%3Csvg '
        "xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 6'%3E%3Cpath d='M0 0l5 6 5-6z' fill='gray'/%3E%3C/svg%3E\");}",
        f".{n['ro']}{{background:{p['bg']}!important;border-style:dotted!important;color:{p['muted']}!important;}}",
        f".{n['err']}{{{err_css(t, p)}}}",
        f".{n['dis']}{{{dis_css(t, p)}}}",
        f".{n['row']}{{display:inline-flex;align-items:center;gap:.5em;cursor:pointer;position:relative;}}",
        f".{n['sr']}{{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
        "clip:rect(0 0 0 0);border:0;white-space:nowrap;}",
        # a transparent native input laid over its row, the drawing beside it takes the look
        f".{n['ghost']}{{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;z-index:1;"
        "cursor:pointer;}",
        # custom box: either an appearance:none input or a span after an sr-only input
        f".{box}{{appearance:none;margin:0;position:relative;display:inline-block;flex:none;width:1.15em;height:1.15em;"
        f"border:{max(bw, 1) + 1}px solid {line};border-radius:{'50%' if r == '999px' else '3px'};"
        f"background:{p['surface']};box-sizing:border-box;}}",
        f".{box}[type=radio],.{box}.{n['ring']}{{border-radius:50%;}}",
        f"input.{box}:checked,input:checked+.{box},.{box}.{n['on']},input[type=checkbox].{box}:indeterminate,"
        f"input[type=checkbox]:indeterminate+.{box},.{box}.{n['mixed']}{{background:{p['pri']};border-color:{p['pri']};}}",
        mark_css(
            t,
            p,
            f"input.{box}:checked:not([type=radio]),input:checked+.{box}:not(.{n['ring']}),"
            f".{box}.{n['on']}:not(.{n['ring']})",
        ),
        f"input.{box}[type=radio]:checked::after,input:checked+.{box}.{n['ring']}::after,"
        f".{box}.{n['ring']}.{n['on']}::after{{content:'';position:absolute;inset:25%;border-radius:50%;background:{p['on']};}}",
        f"input[type=checkbox].{box}:indeterminate::after,input[type=checkbox]:indeterminate+.{box}::after,"
        f".{box}.{n['mixed']}::after"
        f"{{content:'';position:absolute;left:20%;right:20%;top:45%;height:12%;background:{p['on']};"
        "border:0;transform:none;width:auto;bottom:auto;}",
        # a class that hides the checked look again (the "checkmark hidden by CSS" case)
        f".{box}.{n['nomark']}{{background:{p['surface']}!important;border-color:{line}!important;}}"
        f".{box}.{n['nomark']}::after{{display:none!important;}}",
        # switch: track with a knob; input.track (appearance:none) or span.track after sr-only input
        f".{n['track']}{{appearance:none;margin:0;position:relative;display:inline-block;flex:none;width:2.4em;"
        f"height:1.3em;border-radius:{'0' if r == '0' else '999px'};background:{p['dim']};border:1px solid {line};"
        "box-sizing:border-box;}",
        f".{n['track']}::before{{content:'';position:absolute;top:2px;left:2px;width:calc(1.3em - 6px);"
        f"height:calc(1.3em - 6px);border-radius:{'0' if r == '0' else '50%'};background:{p['surface']};"
        "box-shadow:0 1px 2px rgba(0,0,0,.4);}",
        f"input.{n['track']}:checked,input:checked+.{n['track']},.{n['track']}.{n['on']}{{background:{p['pri']};"
        f"border-color:{p['pri']};}}",
        f"input.{n['track']}:checked::before,input:checked+.{n['track']}::before,.{n['track']}.{n['on']}::before"
        "{left:calc(100% - 1.3em + 4px);}",
        f".{n['track']}.{n['nomark']}{{background:{p['dim']}!important;border-color:{line}!important;}}"
        f".{n['track']}.{n['nomark']}::before{{left:2px!important;}}",
        f".{n['tablist']}{{display:flex;gap:.3em;border-bottom:1px solid {line};flex-wrap:wrap;}}",
        f".{n['tab']}{{{tab_base}}}",
        f"a.{n['tab']}{{display:inline-block;text-decoration:none;}}",
        f".{n['tab']}.{n['on']}{{{tab_on}}}",
        f".{n['acc']}{{border:1px solid {line};border-radius:{r if r != '999px' else '8px'};margin:.2em 0;"
        f"background:{p['surface']};}}",
        f".{n['acc']} h3,.{n['acc']} h4{{margin:0;font-size:1em;}}",
        f".{n['accbtn']}{{all:unset;box-sizing:border-box;display:flex;justify-content:space-between;"
        f"align-items:center;width:100%;padding:{py + 0.2}em .8em;cursor:pointer;font-weight:600;}}",
        f".{n['accbtn']} svg{{width:1em;height:1em;transition:none;}}",
        f".{n['accbtn']}.{n['open']} svg{{transform:rotate(180deg);}}",
        f".{n['accbtn']}.{n['open']}{{border-bottom:1px solid {line};}}",
        f".{n['panel']}{{padding:.5em .8em;color:{p['muted']};}}",
        f".{n['listbox']},.{n['menu']}{{position:absolute;z-index:3;left:0;top:100%;margin-top:2px;min-width:100%;"
        f"background:{p['surface']};border:1px solid {line};border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.2);"
        "padding:.2em 0;}",
        f".{n['listbox']} div,.{n['menu']} div{{padding:.25em .8em;white-space:nowrap;}}",
        spin_css(t, p, n["spin"]),
    ]
    return "\n".join(c for c in css if c)
