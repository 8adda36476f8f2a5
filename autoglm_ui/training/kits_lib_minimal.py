# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the small classless and near-classless stylesheets:
mvp.css, sakura.css, simpledotcss, milligram, chota.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``). These libraries
style plain elements (``button``, ``input``, ``a``, ``details``); most have no class for a state, so
the project's helper classes draw the looks they lack (disabled without the attribute, error,
read-only, busy). Where a library paints ``[disabled]`` itself, a disabled control keeps that look
alone; the helper's disabled class is repainted in the library's own disabled colours for the
"disabled look, no attribute" case (mvp.css, Simple.css). mvp.css and Simple.css switch to dark with
``prefers-color-scheme``, which the capture does not emulate: their dark variables (copied from the
pinned stylesheet) are set directly.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import PANEL_TEXT, Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.widgets import Parts, Want, esc

UNSUPPORTED = frozenset({"*:class-checked", "*:class-mixed", "switch:mark-hidden"})


class MinimalKit(LibKit):
    """Shared drawing of the classless stylesheets (not a library of its own)."""

    unsupported = UNSUPPORTED
    #: roles whose ``[disabled]`` look the library paints itself (no helper class on top of it)
    paints_disabled: frozenset[str] = frozenset({"btn"})
    #: checkbox markup: "after" = ``<input id><label for>``, "wrap" = ``<label><input> name</label>``
    check_form = "after"
    check_label_cls = ""

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "dis" in p.looks and "disabled" in p.attrs and set(roles) & self.paints_disabled:
            out = " ".join(c for c in out.split() if c != self.h.dim)
        return out

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        return f'<label for="f{w.n}" class="{self.c.get("label", "")}">{esc(w.name)}</label>{field}'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, self.c.get(w.kind, ""))
        dim = self.h.dim if "dis" in p.looks else ""
        if self.check_form == "wrap":
            return f'<label class="{dim}">{inp} {esc(w.name)}</label>'
        return (
            f'<div class="{dim}">{inp}<label for="f{w.n}" class="{self.check_label_cls}">'
            f"{esc(w.name)}</label></div>"
        )

    def link_tab(self, w: Want, p: Parts, cls: str, inner: str = "") -> str:
        """A tab drawn as a link (``aria-disabled`` when disabled: a link has no ``disabled``)."""
        cls, attrs = self.merge_class(p, cls)
        return f'<a role="tab" href="#t{w.n}" class="{cls}" {attrs}>{inner or esc(w.name)}</a>'

    def panel(self) -> str:
        return f'<div role="tabpanel">{self.rng.choice(PANEL_TEXT)}</div>'


class Mvp(MinimalKit):
    """mvp.css 1.18.0: classless; buttons are ``<button>``, button-looking links ``<a><b>``/``<a><i>``."""

    source = "mvp"
    paints_disabled = frozenset({"btn", "field"})
    repaints_disabled = frozenset({"button", "textbox", "select", "tab", "checkbox", "radio", "switch"})
    #: (--color-link, --color-secondary) pairs: the stylesheet is customised through its :root variables
    ACCENTS = (
        ("", ""),
        ("", ""),
        ("#0a7f5a", "#b5179e"),
        ("#d2336b", "#5b3cc4"),
        ("#6d28d9", "#0e7490"),
        ("#c2410c", "#1d4ed8"),
    )
    ACCENTS_DARK = (
        ("", ""),
        ("", ""),
        ("#34d399", "#f472b6"),
        ("#f472b6", "#a78bfa"),
        ("#a78bfa", "#22d3ee"),
        ("#fb923c", "#60a5fa"),
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        self.accent = rng.choice(self.ACCENTS_DARK if dark else self.ACCENTS)
        self.radius = rng.choice(("", "", "0px", "12px"))
        super().__init__(rng, helpers, "default" if not self.accent[0] else self.accent[0].lstrip("#"), dark)
        self.c = {"ro": "", "label": ""}  # mvp paints input[readonly] itself

    def head(self) -> str:
        dim = self.h.dim
        vars_ = ""
        if self.dark:  # the @media (prefers-color-scheme: dark) block of mvp.css 1.18
            vars_ += (
                "--color-accent:#0097fc4f;--color-bg:#333;--color-bg-secondary:#555;--color-link:#0097fc;"
                "--color-secondary:#e20de9;--color-secondary-accent:#e20de94f;--color-shadow:#bbbbbb20;"
                "--color-table:#0097fc;--color-text:#f7f7f7;--color-text-secondary:#aaa;"
            )
        if self.accent[0]:
            vars_ += f"--color-link:{self.accent[0]};--color-secondary:{self.accent[1]};--color-table:{self.accent[0]};"
        if self.radius:
            vars_ += f"--border-radius:{self.radius};"
        return (
            f'<link rel="stylesheet" href="{V}/mvp.css/mvp.css">'
            + (f"<style>:root[color-mode]{{{vars_}}}</style>" if vars_ else "")
            # the helper's disabled look, on a button or field, in mvp's own disabled colours
            + f"<style>button.{dim},input.{dim}:not([type=checkbox]):not([type=radio]){{background:var(--color-bg-secondary)!important;"
            f"border-color:var(--color-bg-secondary)!important;color:var(--color-text-secondary)!important;opacity:1!important}}</style>"
        )

    def html_attrs(self) -> str:
        return 'color-mode="user"'

    def tabs(self, ws: list[Want]) -> str:
        """Button-looking links: ``<a><b>`` (filled) for the selected tab, ``<a><i>`` (outlined) for the others."""
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            on = "on" in p.looks
            p.looks.discard("on")
            inner = f"<b>{esc(w.name)}</b>" if on else f"<i>{esc(w.name)}</i>"
            out.append(self.link_tab(w, p, self.looks(p, "tab"), inner))
        return f'<div role="tablist" style="display:flex;gap:8px;flex-wrap:wrap">{"".join(out)}</div>{self.panel()}'


class Sakura(MinimalKit):
    """sakura.css 1.5.1: classless, one stylesheet per theme (four light, four dark)."""

    source = "sakura"
    LIGHT = ("sakura", "sakura-earthly", "sakura-ink", "sakura-pink")
    DARK = ("sakura-dark", "sakura-dark-solarized", "sakura-vader", "sakura-radical")
    check_form = "wrap"

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(self.DARK if dark else self.LIGHT), dark)
        self.normalize = rng.random() < 0.5  # the README suggests normalize.css alongside
        self.c = {"btn": rng.choice(("", "", "button"))}

    def head(self) -> str:
        norm = f'<link rel="stylesheet" href="{V}/sakura.css/css/normalize.css">' if self.normalize else ""
        return f'{norm}<link rel="stylesheet" href="{V}/sakura.css/css/{self.variant}.css">'

    def tabs(self, ws: list[Want]) -> str:
        """No tab component: links in a row, the selected one marked by the helper's underline."""
        out = [self.link_tab(w, p, self.looks(p, "tab")) for w in ws for p in [self.parts(w, aria=True)]]
        return f'<div role="tablist" style="display:flex;gap:18px;flex-wrap:wrap">{"".join(out)}</div>{self.panel()}'


class Simple(MinimalKit):
    """Simple.css (simpledotcss) 2.3.7: classless; light and dark (``prefers-color-scheme``), header-nav links for tabs."""

    source = "simple"
    paints_disabled = frozenset({"btn", "field", "select"})
    repaints_disabled = frozenset({"button", "textbox", "select", "tab", "checkbox", "radio", "switch"})
    #: --accent / --accent-hover for light and dark; "" keeps the stylesheet's own
    ACCENTS = (
        ("", ""),
        ("", ""),
        ("#2e7d32", "#43a047"),
        ("#6a1b9a", "#8e24aa"),
        ("#c62828", "#e53935"),
        ("#00838f", "#00acc1"),
    )
    ACCENTS_DARK = (
        ("", ""),
        ("", ""),
        ("#66bb6a", "#a5d6a7"),
        ("#ce93d8", "#e1bee7"),
        ("#ef5350", "#ef9a9a"),
        ("#4dd0e1", "#b2ebf2"),
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        self.accent = rng.choice(self.ACCENTS_DARK if dark else self.ACCENTS)
        super().__init__(rng, helpers, "default" if not self.accent[0] else self.accent[0].lstrip("#"), dark)
        self.c = {"btn": "", "on": "current"}

    def head(self) -> str:
        h = self.h
        vars_ = ""
        if self.dark:  # the @media (prefers-color-scheme: dark) block of simple.css 2.3.7
            vars_ += (
                "color-scheme:dark;--bg:#212121;--accent-bg:#2b2b2b;--text:#dcdcdc;--text-light:#ababab;"
                "--accent:#ffb300;--accent-hover:#ffe099;--accent-text:var(--bg);--code:#f06292;"
                "--preformatted:#ccc;--disabled:#111;"
            )
        if self.accent[0]:
            vars_ += f"--accent:{self.accent[0]};--accent-hover:{self.accent[1]};"
        return (
            f'<link rel="stylesheet" href="{V}/simpledotcss/simple.css">'
            + (f"<style>:root{{{vars_}}}</style>" if vars_ else "")
            + "<style>"
            # the helper's disabled look, on a button or field, in Simple.css's own disabled colours
            f"button.{h.dim},select.{h.dim},input.{h.dim}:not([type=checkbox]):not([type=radio]){{cursor:not-allowed;"
            "background-color:var(--disabled)!important;border-color:var(--disabled)!important;color:var(--text-light)!important;opacity:1!important}"
            # Simple.css draws checkboxes itself (appearance:none) but has no indeterminate look: a bar in its colours
            "input[type=checkbox]:indeterminate{background-color:var(--accent)}"
            "input[type=checkbox]:indeterminate::after{content:' ';position:absolute;left:.2em;right:.2em;top:calc(50% - .08em);height:.16em;background:var(--bg)}"
            f"input.{h.nomark}::after{{display:none!important}}"
            "</style>"
        )

    def tabs(self, ws: list[Want]) -> str:
        """Simple.css's header navigation: bordered links, the current one ``.current`` (accent border)."""
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            out.append(self.link_tab(w, p, self.looks(p, "tab")))
        return f'<header style="padding:0"><nav role="tablist">{"".join(out)}</nav></header>{self.panel()}'


class Milligram(MinimalKit):
    """Milligram 1.4.1: ``.button``, ``.button-outline``, ``.button-clear``; light only (no dark theme)."""

    source = "milligram"
    check_label_cls = "label-inline"
    BUTTONS = ("button", "button", "button button-outline", "button button-clear")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, "default", False)  # Milligram has no dark theme
        self.c = {
            "btn": rng.choice(self.BUTTONS),
            "combo": "button button-outline",
            "accbtn": "button button-clear",
        }
        self.tab_off = rng.choice(("button button-outline", "button button-clear"))

    def head(self) -> str:
        # the docs add Roboto from Google Fonts: left out (served offline), the stylesheet falls back to Helvetica/Arial
        # milligram makes checkboxes display:inline, which would collapse the helper's unmarked box to its borders
        return (
            f'<link rel="stylesheet" href="{V}/milligram/dist/milligram.css">'
            f"<style>input.{self.h.nomark}{{display:inline-block}}</style>"
        )

    def tabs(self, ws: list[Want]) -> str:
        """No tab component: a row of buttons, the selected one filled, the others outline or clear."""
        link = self.tabs_as_links()
        out = []
        for w in ws:
            p = self.parts(w, aria=link)
            on = "on" in p.looks
            p.looks.discard("on")
            cls = self.looks(p, "tab").replace(self.h.dim, "").strip()
            if "dis" in p.looks and not ("disabled" in p.attrs and not link):
                cls += f" {self.h.dim}"  # a native disabled button is faded by Milligram itself
            out.append(self.tab_button(w, p, ("button " if on else self.tab_off + " ") + cls, link))
        return f'<div role="tablist" style="display:flex;gap:6px;flex-wrap:wrap">{"".join(out)}</div>{self.panel()}'


class Chota(MinimalKit):
    """chota 0.9.2: ``.button`` variants, ``input.error``, ``.tabs``; dark through the documented ``.dark`` variables."""

    source = "chota"
    paints_disabled = frozenset({"btn", "field"})
    check_form = "wrap"
    BUTTONS = (
        "button",
        "button primary",
        "button primary",
        "button secondary",
        "button dark",
        "button error",
        "button success",
        "button outline",
        "button outline primary",
        "button outline secondary",
        "button outline dark",
        "button clear",
    )
    PRIMARY = ("", "", "", "#1e6bd6", "#8a2be2", "#d9480f", "#0b7285")
    PRIMARY_DARK = ("", "", "", "#4dabf7", "#b197fc", "#ff922b", "#3bc9db")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        self.primary = rng.choice(self.PRIMARY_DARK if dark else self.PRIMARY)
        super().__init__(rng, helpers, "default" if not self.primary else self.primary.lstrip("#"), dark)
        self.c = {
            "btn": rng.choice(self.BUTTONS),
            "err": "error",
            "on": "active",
            "combo": "button outline",
            "accbtn": "button clear",
        }
        self.full = rng.random() < 0.3

    def head(self) -> str:
        css = f":root{{--color-primary:{self.primary}}}" if self.primary else ""
        if self.dark:  # chota's documented dark mode (its docs put these on body.dark)
            css += ".dark{--bg-color:#000;--bg-secondary-color:#131316;--font-color:#f5f5f5;--color-grey:#ccc;--color-darkGrey:#777}"
        return f'<link rel="stylesheet" href="{V}/chota/dist/chota.css">' + (
            f"<style>{css}</style>" if css else ""
        )

    def html_attrs(self) -> str:
        return 'class="dark"' if self.dark else ""

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if (
            "select" in roles or "combo" in roles
        ) and "err" in p.looks:  # input.error reaches no select or button: the border utility does
            out = " ".join("bd-error" if c == "error" else c for c in out.split())
        return out

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.4:
            msg = f'<small class="text-error">{self.rng.choice(("Required", "Check this"))}</small>'
        return super().labelled(w, field, p) + msg

    def tabs(self, ws: list[Want]) -> str:
        """chota's ``.tabs``: links, the selected one ``.active`` (primary underline)."""
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            out.append(self.link_tab(w, p, self.looks(p, "tab")))
        full = " is-full" if self.full else ""
        return f'<nav class="tabs{full}" role="tablist">{"".join(out)}</nav>{self.panel()}'


KITS: dict[str, KitClass] = {
    "mvp": Mvp,
    "sakura": Sakura,
    "simple": Simple,
    "milligram": Milligram,
    "chota": Chota,
}
