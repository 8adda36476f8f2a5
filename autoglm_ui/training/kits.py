# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits draw controls: the own randomised style here, the CSS libraries in ``kits_lib.py``.

A kit turns a :class:`~autoglm_ui.training.widgets.Want` into HTML: the DOM half comes from
:func:`~autoglm_ui.training.widgets.looks_and_attrs`, the visual half from the kit's classes.
``supports(kind, case)`` says which disagreement cases a kit can draw faithfully (a library whose
``:disabled`` rule repaints a field cannot show "disabled attribute, enabled look").
Expandable controls (menu buttons, comboboxes, heading-button accordions) link their popup or panel
as pages do, varied per control by :meth:`Kit.plan_popup`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from autoglm_ui.training.styles import Theme, own_css, safe_token
from autoglm_ui.training.widgets import (
    CHEVRON,
    Parts,
    Want,
    aria_checked,
    checked_look,
    decorative_icon,
    esc,
    icon,
    input_checked_attrs,
    looks_and_attrs,
)

OPTION_WORDS = (
    "Standard",
    "Express",
    "Monthly",
    "Yearly",
    "Small",
    "Medium",
    "Large",
    "English",
    "Deutsch",
    "Français",
    "Any",
    "None",
    "Europe",
    "Asia",
    "Americas",
    "Newest",
    "Oldest",
)
PANEL_TEXT = (
    "Details appear here once loaded.",
    "Shipping takes 3-5 working days.",
    "You can change this later in settings.",
    "Contact support for help with billing.",
)


@dataclass(frozen=True)
class PopupPlan:
    """How an expandable control's popup or panel is in the DOM.

    ``emit``: the element is written at all (always when it looks open); ``pid``: its id, named by
    the trigger's ``aria-controls`` ("" when the trigger has none; it may name an element left out,
    as on real pages); ``hide``: how a closed one kept in the DOM is hidden ("", "hidden" for the
    attribute, "style" for ``display:none``).
    """

    emit: bool
    pid: str = ""
    hide: str = ""

    def attrs(self, style: str = "") -> str:
        """The id, hidden and style attributes of the popup element (``style``: its own inline CSS)."""
        out = f' id="{self.pid}"' if self.pid else ""
        if self.hide == "hidden":
            out += " hidden"
        css = ("display:none;" if self.hide == "style" else "") + style
        return out + (f' style="{css}"' if css else "")


@dataclass
class Helpers:
    """Per-page random names of the project's helper classes (wrappers, overrides)."""

    ne: str  # "looks enabled although :disabled" override
    nomark: str  # hides the checked look of a native/library checkbox or radio
    spin: str  # a CSS-drawn ring spinner for kits without one
    dim: str  # generic disabled look (opacity + not-allowed)
    err: str  # generic error look
    on: str  # generic selected look for tabs drawn by helpers
    open: str
    ro: str  # generic read-only look

    @classmethod
    def random(cls, rng: random.Random) -> Helpers:
        return cls(*(safe_token(rng, 5) for _ in range(8)))

    def css(self, dark: bool) -> str:
        surface = "#1d232a" if dark else "#fff"
        return "\n".join(
            (
                f".{self.ne}:disabled,.{self.ne}[disabled],.{self.ne}:disabled~label,.{self.ne}:disabled+label"
                "{opacity:1!important;cursor:pointer!important;pointer-events:auto!important;filter:none!important;}",
                f"input.{self.nomark}{{appearance:none!important;-webkit-appearance:none!important;width:1.1em;height:1.1em;"
                f"margin:.2em .3em 0 0;background:{surface}!important;background-image:none!important;"
                "border:1px solid #888!important;box-shadow:none!important;animation:none!important;"
                "vertical-align:-.15em;}",
                f"input[type=radio].{self.nomark}{{border-radius:50%;}}",
                f".{self.spin}{{display:inline-block;width:1em;height:1em;border:2px solid currentColor;"
                "border-right-color:transparent;border-radius:50%;vertical-align:-.15em;margin-right:.4em;"
                "animation:kf-turn 1s linear infinite;animation-play-state:paused;animation-delay:-.2s;}",
                # an idle decoration that repeats too, so "repeats" alone never means busy
                "@keyframes kf-turn{to{transform:rotate(360deg)}}@keyframes kf-beat{50%{opacity:.55}}",
                ".kf-beat{animation:kf-beat 1.8s ease-in-out infinite;animation-play-state:paused;}",
                f".{self.dim}{{opacity:.45!important;cursor:not-allowed!important;pointer-events:none;}}",
                f".{self.err}{{border-color:#d33!important;box-shadow:0 0 0 2px rgba(220,40,40,.35)!important;}}",
                f".{self.on}{{border-bottom:3px solid currentColor!important;font-weight:700;}}",
                f".{self.open}{{font-weight:700;}}",
                f".{self.ro}{{background:transparent!important;border-style:dashed!important;opacity:.8;}}",
            )
        )


class Kit:
    """The own randomised style; library kits override the parts that differ."""

    source = "own"

    def __init__(self, rng: random.Random, helpers: Helpers, theme: Theme | None = None) -> None:
        self.rng = rng
        self.h = helpers
        self.theme = theme
        self.dark = bool(theme and theme.dark)
        self.n = theme.names if theme else {}

    # ---- page-level --------------------------------------------------------------------------
    @property
    def style_id(self) -> str:
        assert self.theme is not None
        return self.theme.id

    def head(self) -> str:
        assert self.theme is not None
        return f"<style>{own_css(self.theme)}</style>"

    def html_attrs(self) -> str:
        return ""

    def supports(self, kind: str, case: str | None) -> bool:
        return True

    # ---- class mapping -----------------------------------------------------------------------
    def cls(self, role: str) -> str:
        return self.n.get(role, "")

    def spinner(self) -> str:
        return f'<span class="{self.n["spin"]}" aria-hidden="true"{self.still()}></span>'

    def still(self) -> str:
        """A style attribute stopping a spinner's CSS animation three times in ten, else "".

        Spinners turned by script, GIFs or SMIL carry no CSS animation, so an endless animation
        (the ``loops`` fact) is evidence of busy, never the definition of it.
        """
        return ' style="animation:none"' if self.rng.random() < 0.3 else ""

    def looks(self, p: Parts, *roles: str) -> str:
        """Class names of the visual half: disabled, error, read-only, on, open."""
        out = [self.cls(r) for r in roles]
        for look in ("dis", "err", "ro", "on", "open"):
            if look in p.looks:
                out.append(self.cls(look))
        return " ".join(c for c in out if c)

    def controls_id(self, w: Want, p: Parts) -> str:
        """With probability 0.6 the trigger names its popup: adds ``aria-controls`` and returns the id."""
        if self.rng.random() >= 0.6:
            return ""
        pid = f"pp{w.n}"  # w.n is unique on the page
        p.attrs.append(f'aria-controls="{pid}"')
        return pid

    def plan_popup(self, w: Want, p: Parts) -> PopupPlan:
        """The popup or panel of an expandable control, and ``aria-controls`` on ``p`` (see above).

        Shown when it looks open; when it looks closed, half the time kept in the DOM but hidden,
        else left out. The label does not change ("expanded" iff it looks open): only the DOM does.
        """
        pid = self.controls_id(w, p)
        if "open" in p.looks:
            return PopupPlan(True, pid)
        if self.rng.random() < 0.5:
            return PopupPlan(True, pid, self.rng.choice(("hidden", "style")))
        return PopupPlan(False, pid)

    # ---- kinds -------------------------------------------------------------------------------
    def button(self, w: Want) -> str:
        p = looks_and_attrs(w)
        alt = self.cls("alt") if self.rng.random() < 0.3 else ""
        inner = esc(w.name)
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}" title="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus"))
        elif self.rng.random() < 0.3:  # a decorative icon is a mark inside the button, as a spinner is
            inner = decorative_icon(self.rng) + inner
        if "spin" in p.looks:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append('aria-haspopup="menu"')
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            pp = self.plan_popup(w, p)
            if pp.emit:
                tail = self.menu(pp)
        body = f'<button type="button" class="{self.looks(p, "btn")} {alt}" {p.attr()}>{inner}</button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def menu(self, pp: PopupPlan) -> str:
        """A menu of plain divs (no item is a control the capture would list)."""
        items = self.rng.sample(("Rename", "Duplicate", "Move", "Archive", "Share", "Print"), 3)
        return (
            f'<div class="{self.cls("menu")}" role="menu"{pp.attrs()}>'
            + "".join(f"<div>{i}</div>" for i in items)
            + "</div>"
        )

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        return f'<a href="#go-{w.n}" class="{self.looks(p, "link")}" {p.attr()}>{inner}</a>'

    def check_modes(self, w: Want) -> tuple[str, ...]:
        if w.case in ("mark-hidden", "class-checked", "class-mixed", "dis-attr-looks-enabled"):
            return ("appearance", "sibling", "role")
        if w.kind == "switch":
            return ("appearance", "sibling", "role")
        return ("appearance", "sibling", "role", "native")

    def check(self, w: Want) -> str:
        mode = w.mode or self.rng.choice(self.check_modes(w))
        role = w.kind == "switch"
        use_aria = mode == "role"
        p = looks_and_attrs(w, aria_disabled=use_aria)
        look = checked_look(p)
        drawer = self.cls("track") if role else self.cls("box")
        marks = {"class-on": self.cls("on"), "class-mixed": self.cls("mixed"), "nomark": self.cls("nomark")}
        state = marks.get(look, "")
        if mode == "role":
            state = {
                "checked": self.cls("on"),
                "mixed": self.cls("mixed"),
                "class-on": self.cls("on"),
                "class-mixed": self.cls("mixed"),
            }.get(look, "")
        ring = self.cls("ring") if w.kind == "radio" else ""
        row = self.looks(p, "row") if "dis" in p.looks else self.cls("row")
        if "err" in p.looks:
            row += " " + self.cls("err")
        typ = "radio" if w.kind == "radio" else "checkbox"
        group = f' name="g{w.extra.get("group", w.n)}"' if typ == "radio" else ""
        sw = ' role="switch"' if role else ""
        req = " required" if w.v("validity") is not None else ""
        name = esc(w.name)
        if mode == "role":
            r = "switch" if role else ("radio" if typ == "radio" else "checkbox")
            return (
                f'<span role="{r}" tabindex="0" aria-checked="{aria_checked(p)}" class="{row}" {p.attr()}>'
                f'<span class="{drawer} {ring} {state}"></span>{name}</span>'
            )
        chk = " ".join(input_checked_attrs(p))
        if mode == "native":
            accent = f"hsl({self.theme.hue if self.theme else 210} 70% 45%)"
            return (
                f'<label class="{row}"><input type="{typ}"{group}{sw}{req} {chk} {p.attr()} '
                f'style="accent-color:{accent};margin:0">{name}</label>'
            )
        if mode == "appearance":
            return (
                f'<label class="{row}"><input type="{typ}"{group}{sw}{req} class="{drawer} {ring} {state}" '
                f"{chk} {p.attr()}>{name}</label>"
            )
        hide = self.cls("ghost") if self.rng.random() < 0.35 else self.cls("sr")
        return (
            f'<label class="{row}"><input type="{typ}"{group}{sw}{req} class="{hide}" {chk} '
            f'{p.attr()}><span class="{drawer} {ring} {state}"></span>{name}</label>'
        )

    def textbox(self, w: Want) -> str:
        p = looks_and_attrs(w)
        typ = self.rng.choice(("text", "text", "email", "password", "search", "number", "textarea"))
        value = self.rng.choice(("", "", "Hello", "42", "jane@example.com"))
        if typ == "number":
            value = self.rng.choice(("", "42"))
        fid = f"f{w.n}"
        cls = self.looks(p, "field")
        ph = (
            f' placeholder="{esc(w.extra.get("placeholder", "Type here"))}"'
            if self.rng.random() < 0.5
            else ""
        )
        if typ == "textarea":
            field = f'<textarea id="{fid}" rows="2" class="{cls}"{ph} {p.attr()}>{esc(value)}</textarea>'
        else:
            field = f'<input id="{fid}" type="{typ}" class="{cls}" value="{esc(value)}"{ph} {p.attr()}>'
        return self.field_with_label(w, fid, field, p)

    def field_with_label(self, w: Want, fid: str, field: str, p: Parts) -> str:
        stacked = self.rng.random() < 0.7
        label = f'<label for="{fid}">{esc(w.name)}</label>'
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.5:
            msg = f'<small style="color:#c33;display:block">{self.rng.choice(("Required", "Check this"))}</small>'
        sep = "<br>" if stacked else " "
        return f"{label}{sep}{field}{msg}"

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = looks_and_attrs(w)
        opts = self.rng.sample(OPTION_WORDS, 3)
        alt = self.cls("alt") if self.rng.random() < 0.5 else ""
        fid = f"f{w.n}"
        field = (
            f'<select id="{fid}" class="{self.looks(p, "select")} {alt}" {p.attr()}>'
            + "".join(f"<option>{o}</option>" for o in opts)
            + "</select>"
        )
        return self.field_with_label(w, fid, field, p)

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = (
            (
                f'<div class="{self.cls("listbox")}" role="listbox"{pp.attrs()}>'
                + "".join(f'<div role="option">{o}</div>' for o in opts)
                + "</div>"
            )
            if pp.emit
            else ""
        )
        return (
            f'<span id="l{w.n}">{esc(w.name)}</span><br><span style="position:relative;display:inline-block">'
            f'<button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" '
            f'aria-labelledby="l{w.n}" class="{self.looks(p, "combo")}" {p.attr()}>{opts[0]}</button>{lb}</span>'
        )

    def tabs_as_links(self) -> bool:
        """Whether a tab group draws its tabs as links, as many pages do (a link cannot be disabled,
        so its tabs take ``aria-disabled``)."""
        return self.rng.random() < 0.4

    @staticmethod
    def tab_element(w: Want, cls: str, attrs: str, link: bool) -> str:
        """One tab: ``<a role=tab href>`` or ``<button role=tab>``."""
        if link:
            return f'<a role="tab" href="#t{w.n}" class="{cls}" {attrs}>{esc(w.name)}</a>'
        return f'<button type="button" role="tab" class="{cls}" {attrs}>{esc(w.name)}</button>'

    def tabs(self, ws: list[Want]) -> str:
        out = []
        link = self.tabs_as_links()
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=link)
            out.append(self.tab_element(w, self.looks(p, "tab"), p.attr(), link))
        panel = f'<div role="tabpanel" style="padding:.6em 0">{self.rng.choice(PANEL_TEXT)}</div>'
        return f'<div role="tablist" class="{self.cls("tablist")}">{"".join(out)}</div>{panel}'

    def accordion(self, ws: list[Want]) -> str:
        items = []
        use_details = self.rng.random() < 0.3
        for w in ws:
            if use_details and w.case is None and w.v("availability") == "enabled":
                op = " open" if w.v("expanded") == "expanded" else ""
                items.append(
                    f'<details class="{self.cls("acc")}"{op}><summary class="{self.cls("accbtn")}" '
                    f'data-agl="{w.n}">{esc(w.name)}</summary><div class="{self.cls("panel")}">'
                    f"{self.rng.choice(PANEL_TEXT)}</div></details>"
                )
                continue
            p = looks_and_attrs(w)
            exp = "true" if "dom-open" in p.looks else "false"
            pp = self.plan_popup(w, p)
            panel = (
                f'<div class="{self.cls("panel")}"{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</div>'
                if pp.emit
                else ""
            )
            items.append(
                f'<div class="{self.cls("acc")}"><h3><button type="button" aria-expanded="{exp}" '
                f'class="{self.looks(p, "accbtn")}" {p.attr()}><span>{esc(w.name)}</span>{CHEVRON}'
                f"</button></h3>{panel}</div>"
            )
        return "".join(items)
