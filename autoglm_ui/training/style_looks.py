# ruff: noqa: E501  (CSS template strings read better unbroken)
"""State looks of the own themes: how disabled, error, checked, busy, field and tab are drawn.

Each function turns a :class:`~autoglm_ui.training.styles.Theme`'s choice into CSS declarations
(``p`` is the theme's palette). Variants inside a look follow from the theme's hue, so they cost
no random draws and a theme stays what its seed made it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autoglm_ui.training.styles import Theme


def dis_css(t: Theme, p: dict[str, str]) -> str:
    return {
        "opacity": "opacity:.42;cursor:not-allowed;pointer-events:none;",
        "grey": f"background:{p['dim']}!important;color:{p['dimtext']}!important;border-color:{p['dim']}!important;"
        "box-shadow:none!important;cursor:not-allowed;",
        "filter": "filter:grayscale(1) opacity(.55);cursor:not-allowed;",
        "pale": f"opacity:.6;filter:saturate(.2);color:{p['dimtext']}!important;",
        "dashed": f"border-style:dashed!important;opacity:.5;color:{p['dimtext']}!important;",
        "grey-opacity": f"background:{p['dim']}!important;color:{p['dimtext']}!important;opacity:.7;",
    }[t.dis]


def err_css(t: Theme, p: dict[str, str]) -> str:
    d = p["danger"]
    return {
        "border": f"border:2px solid {d}!important;",
        "border-bg": f"border:1px solid {d}!important;background:color-mix(in srgb,{d} 12%,{p['surface']})!important;",
        "shadow": f"border-color:{d}!important;box-shadow:0 0 0 3px color-mix(in srgb,{d} 35%,transparent)!important;",
        "underline": f"border:0!important;border-bottom:2px solid {d}!important;",
        "left-bar": f"border-left:5px solid {d}!important;",
    }[t.err]


def mark_css(t: Theme, p: dict[str, str], sel: str) -> str:
    """CSS drawing the checked mark inside the boxes matched by ``sel`` (a selector list)."""
    c = p["on"]
    sel = ",".join(part.strip() + "::after" for part in sel.split(","))
    return {
        "tick": f"{sel}{{content:'';position:absolute;left:30%;top:8%;width:28%;height:55%;"
        f"border:solid {c};border-width:0 2px 2px 0;transform:rotate(45deg);}}",
        "square": f"{sel}{{content:'';position:absolute;inset:22%;background:{c};border-radius:2px;}}",
        "svg": f"{sel}{{content:'';position:absolute;inset:0;background:no-repeat center/80% "
        "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
        "%3Cpath d='M3 8l3 3 7-7' fill='none' stroke='white' stroke-width='2.5'/%3E%3C/svg%3E\");}",
        "cross": f"{sel}{{content:'\\2715';position:absolute;inset:0;display:flex;align-items:center;"
        f"justify-content:center;font-size:.8em;color:{c};}}",
        "dot": f"{sel}{{content:'';position:absolute;inset:28%;border-radius:50%;background:{c};}}",
    }[t.mark]


def spin_css(t: Theme, p: dict[str, str], ring: str) -> str:
    base = (
        f".{ring}{{display:inline-block;width:1em;height:1em;vertical-align:-.15em;flex:none;"
        "animation:kf-rot 1s linear infinite;animation-play-state:paused;animation-delay:-.3s;}"
    )
    return (
        base
        + {
            "ring": f".{ring}{{border:2px solid currentColor;border-right-color:transparent;border-radius:50%;}}",
            "arc": f".{ring}{{border:3px solid color-mix(in srgb,currentColor 25%,transparent);"
            "border-top-color:currentColor;border-radius:50%;}",
            "dots": f".{ring}{{width:1.6em;height:.5em;animation:none;background:radial-gradient(circle,currentColor 40%,"
            "transparent 45%) 0 0/33% 100% repeat-x;}",
            "bars": f".{ring}{{width:1.1em;animation:none;background:linear-gradient(90deg,currentColor 20%,"
            "transparent 20% 40%,currentColor 40% 60%,transparent 60% 80%,currentColor 80%);}",
            "half": f".{ring}{{border-radius:50%;background:conic-gradient(currentColor 0 50%,transparent 50%);}}",
        }[t.spin]
    )


def field_css(t: Theme, p: dict[str, str]) -> tuple[str, str]:
    """(border, radius and padding declarations; background) of text fields, selects and comboboxes.

    Variants within a look (underline width and fill, filled tint) follow from the hue, so they
    cost no draws. The read-only (dotted, page background), error and disabled classes override
    these with ``!important`` and read the same on every look.
    """
    line, py = p["line"], t.pad[0]
    r = t.radius if t.radius != "999px" else "8px"
    if t.field == "underline":
        bg = "transparent" if (t.hue // 3) % 2 else p["surface"]
        width = 1 + (t.hue // 7) % 2
        return f"border:0;border-bottom:{width}px solid {line};border-radius:0;padding:{py}em .3em;", bg
    if t.field == "filled":
        bg = p["soft"] if (t.hue // 5) % 2 else f"color-mix(in srgb,{p['text']} 7%,{p['surface']})"
        top = r if r != "0" else "4px"
        return (
            f"border:0;border-bottom:2px solid {line};border-radius:{top} {top} 0 0;padding:{py + 0.1}em .7em;",
            bg,
        )
    return f"border:{max(t.border, 1)}px solid {line};border-radius:{r};padding:{py}em .6em;", p["surface"]


def tab_css(t: Theme, p: dict[str, str]) -> tuple[str, str]:
    """(every tab's look, the selected tab's look on top of it).

    The base varies so no single fact marks a selected tab: with ``lined`` every tab has a bottom
    line, with ``bold`` every tab is bold, with ``chip`` every tab has a background; the selected
    tab is then told apart only by how it differs from its siblings.
    """
    line, py, px = p["line"], t.pad[0], t.pad[1]
    # a third of the own themes draw unselected tabs faint (a pale grey or translucent ink, as many
    # libraries do): pale beside one strong tab reads unselected, not disabled
    ink = p["muted"]
    if t.family == "own" and (t.hue // 11) % 3 == 0:
        ink = f"color-mix(in srgb,{p['text']} 30%,{p['surface']})"
    base = f"font:inherit;background:transparent;color:{ink};border:0;padding:{py}em {px}em;"
    base += "cursor:pointer;border-radius:0;"
    base += {
        "plain": "",
        "lined": f"border-bottom:{1 + t.hue % 2}px solid {line};",
        "bold": "font-weight:700;",
        "chip": f"background:color-mix(in srgb,{p['text']} 8%,{p['surface']});border-radius:6px;",
    }[t.tab_base]
    on = {
        "underline": f"border-bottom:3px solid {p['pri']};color:{p['pri']};font-weight:600;",
        "filled": f"background:{p['pri']};color:{p['on']};",
        "pill": f"background:{p['soft']};color:{p['pri']};border-radius:999px;font-weight:600;",
        "boxed": f"background:{p['surface']};border:1px solid {line};border-bottom-color:{p['surface']};"
        "margin-bottom:-1px;font-weight:700;",
        "overline": f"border-top:3px solid {p['pri']};color:{p['text']};background:{p['soft']};",
    }[t.tab]
    return base, on
