# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the utility and component stylesheets: picnic, mini.css, purecss, w3-css, tachyons.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``). None of these
libraries fetches a font or an icon from the internet here: icons they document with Font Awesome
(W3.CSS's ``fa-spinner w3-spin``) are inline SVG.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.styles import safe_token
from autoglm_ui.training.widgets import CHEVRON, Parts, Want, checked_look, esc

#: a text field's type and the values that are valid for it (a value invalid for its type would
#: paint a library's ``:invalid`` look, mini.css does, on a field labelled valid)
FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "text": ("", "", "Hello", "Jane Doe"),
    "email": ("", "jane@example.com"),
    "password": ("", "secret42"),
    "search": ("", "shoes"),
}
#: spinners stand still in the capture, as the project's helper spinner does (same frame every run)
PAUSED = ";animation-play-state:paused;animation-delay:-.2s"
RING = (
    '<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" class="{cls}"{style}>'
    '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-opacity=".25" stroke-width="2.2"/>'
    '<path d="M8 2a6 6 0 0 1 6 6" fill="none" stroke="currentColor" stroke-width="2.2"/></svg>'
)


class _GridKit(LibKit):
    """What the five kits share: a private class prefix, text fields whose value fits their type,
    checkbox looks drawn by a class (class-checked, class-mixed)."""

    def __init__(self, rng: random.Random, helpers: Helpers, variant: str, dark: bool) -> None:
        super().__init__(rng, helpers, variant, dark)
        self.t = safe_token(rng, 5)  # prefix of the kit's own CSS classes on this page

    def field_type(self) -> tuple[str, str]:
        typ = self.rng.choice(("text", "text", "email", "password", "search"))
        return typ, self.rng.choice(FIELD_VALUES[typ])

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        role = "ro_field" if "ro" in p.looks and "ro_field" in self.c else "field"
        cls, attrs = self.merge_class(p, self.looks(p, role))
        typ, value = self.field_type()
        if "ro" in p.looks and not value:  # a read-only field shows its value
            value = {"email": "jane@example.com", "password": "secret42"}.get(typ, "42")
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 and typ != "password" else ""
        field = f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{esc(value)}"{ph} {attrs}>'
        return self.labelled(w, field, p)

    def select_field(self, w: Want, p: Parts) -> str:
        cls, attrs = self.merge_class(p, self.looks(p, "select"))
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>'

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        return self.labelled(w, self.select_field(w, p), p)

    def mark_class(self, p: Parts) -> str:
        """The kit's class that draws a mark the DOM does not have (class-checked, class-mixed)."""
        return {"class-on": f" {self.t}-on", "class-mixed": f" {self.t}-mx"}.get(checked_look(p), "")

    def check_input(self, w: Want, p: Parts, input_cls: str) -> str:
        return super().check_input(w, p, input_cls + self.mark_class(p))


# ---- Picnic CSS ---------------------------------------------------------------------------------


class Picnic(_GridKit):
    """Picnic CSS 7.1.0: buttons (plain, success, warning, error, pseudo), ``.checkable`` checkboxes
    and radios drawn by the label after a hidden input, radio-driven ``.tabs`` of toggle buttons.
    Light only (the library has no dark theme); no switch, error, read-only or spinner look of its
    own (the switch is its checkbox with ``role="switch"``, the rest are the project's helpers)."""

    source = "picnic"
    unsupported: frozenset[str] = frozenset()
    # [disabled] greys a button's background and the UA greys a field's text
    repaints_disabled = frozenset({"button", "textbox", "select"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(
            rng, helpers, rng.choice(("default", "pseudo", "large", "small")), False
        )  # light only
        v = rng.choice(("", "", "success", "warning", "error", "pseudo"))
        if self.variant == "pseudo":
            v = "pseudo"
        size = {"large": f" {self.t}-lg", "small": f" {self.t}-sm"}.get(self.variant, "")
        self.c = {
            "btn": f"{v}{size}".strip(),
            "combo": f"pseudo {self.t}-combo",
            "accbtn": "pseudo stack",
            "tab": "toggle button" + (" pseudo" if rng.random() < 0.7 else ""),
            "on": "active",
        }

    def head(self) -> str:
        t, h = self.t, self.h
        css = (
            # the documented way to size a button: its font size (paddings are in em)
            f".{t}-lg{{font-size:1.35em}}.{t}-sm{{font-size:.8em}}"
            # the library's [disabled] button, for a button that only looks disabled
            f"button.{t}-off,.button.{t}-off{{background:#aaa!important;box-shadow:none!important;cursor:default}}"
            f"button.{t}-combo{{border:1px solid #aaa;min-width:11em;text-align:left;margin:0}}"
            # a mark-hidden control: the label draws no mark although the input is checked
            f"input.{h.nomark}+.checkable:after{{visibility:hidden!important;opacity:0!important;background:none!important}}"
            f"input.{h.nomark}{{opacity:0!important;width:0!important;border:0!important}}"
            # the library's checked looks, drawn by a class (class-checked) and for a mixed checkbox
            f"[type=checkbox].{t}-on+.checkable:after{{color:#111;visibility:visible;opacity:1;transform:translateY(-50%)}}"
            f"[type=radio].{t}-on+.checkable:after{{background:#111;transform:scale(.5) translateY(-100%)}}"
            f"[type=checkbox]:indeterminate+.checkable:after,[type=checkbox].{t}-mx+.checkable:after"
            "{content:'\\2013';color:#111;visibility:visible;opacity:1;transform:translateY(-50%);font-weight:700}"
        )
        return f'<link rel="stylesheet" href="{V}/picnic/picnic.min.css"><style>{css}</style>'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if ("btn" in roles or "combo" in roles) and "dis" in p.looks:
            out += f" {self.t}-off"
        return out

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "")
        dim = self.h.dim if "dis" in p.looks else ""
        if self.rng.random() < 0.7:
            return f'<label class="{dim}">{inp}<span class="checkable">{esc(w.name)}</span></label>'
        return f'<span class="{dim}">{inp}<label for="f{w.n}" class="checkable">{esc(w.name)}</label></span>'

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        if self.rng.random() < 0.5:
            return f'<label for="f{w.n}">{esc(w.name)}</label><br>{field}'
        return f"<label>{esc(w.name)}{field}</label>"

    def tabs(self, ws: list[Want]) -> str:
        g = ws[0].n
        word = {2: "two", 3: "three", 4: "four", 5: "five"}.get(len(ws), "four")
        items, panels = [], []
        for w in ws:
            p = self.parts(w, aria=True)  # a label cannot be disabled
            on = "on" in p.looks
            cls, attrs = self.merge_class(p, self.looks(p, "tab"))
            items.append(
                f'<input id="tb{w.n}" type="radio" name="tg{g}"{" checked" if on else ""}>'
                f'<label for="tb{w.n}" role="tab" class="{cls}" {attrs}>{esc(w.name)}</label>'
            )
            panels.append(f"<div><p>{self.rng.choice(PANEL_TEXT)}</p></div>")
        return (
            f'<div class="tabs {word}" role="tablist">{"".join(items)}'
            f'<div class="row" role="tabpanel">{"".join(panels)}</div></div>'
        )


# ---- mini.css -----------------------------------------------------------------------------------


class Mini(_GridKit):
    """mini.css 3.0.1 (flavors default, nord, dark): buttons (primary, secondary, tertiary, inverse,
    small, large), ``.input-group`` checkboxes and radios (appearance:none boxes), fields with its
    read-only look, ``.button-group`` tabs, ``.spinner``; accordions are plain ``<details>`` (its
    radio/checkbox-driven ``.collapse`` labels are read as buttons by the capture). Its invalid look
    is the ``:invalid`` border, drawn here by a class so that the DOM need not be invalid."""

    source = "mini"
    unsupported: frozenset[str] = frozenset()
    repaints_disabled = frozenset({"select"})  # :disabled is only opacity .75 on its other controls

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        flavor = "dark" if dark else rng.choice(("default", "default", "nord"))
        super().__init__(rng, helpers, flavor, dark)
        v = rng.choice(("", "primary", "secondary", "tertiary", "inverse"))
        size = rng.choice(("", "", "small", "large"))
        self.tone = rng.choice(("primary", "inverse", "tertiary", "secondary"))
        self.c = {
            "btn": f"{v} {size}".strip(),
            "combo": f"{self.t}-combo",
            "err": f"{self.t}-bad",
            "ro": "",  # mini.css paints [readonly] itself
            "tab": "",
            "on": self.tone,
            "accbtn": f"{self.t}-acc",
        }

    def head(self) -> str:
        t, h = self.t, self.h
        css = (
            # mini.css's :invalid look, drawn by a class
            f".{t}-bad,.{t}-bad:hover,.{t}-bad:focus{{border-color:var(--input-invalid-color)!important;box-shadow:none}}"
            f".{t}-combo{{min-width:11em;text-align:left;margin:calc(var(--universal-margin)/2)}}"
            f"input.{h.nomark}:before{{content:none!important;display:none!important}}"
            f"input.{h.nomark}{{width:calc(1rem + var(--universal-padding)/2)!important;height:calc(1rem + var(--universal-padding)/2)!important;"
            "background:var(--input-back-color)!important;border:.0625rem solid var(--input-border-color)!important;vertical-align:text-bottom}"
            # the library's checked looks, drawn by a class (class-checked) and for a mixed checkbox
            f"[type=checkbox].{t}-on:before{{position:absolute;content:'\\2713';font-family:sans-serif;font-size:calc(1rem + var(--universal-padding)/2);"
            "top:calc(0rem - var(--universal-padding));left:calc(var(--universal-padding)/4)}"
            f"[type=radio].{t}-on:before{{position:absolute;border-radius:100%;content:'';top:calc(.0625rem + var(--universal-padding)/2);"
            "left:calc(.0625rem + var(--universal-padding)/2);background:var(--input-fore-color);width:.5rem;height:.5rem}"
            f"[type=checkbox]:indeterminate:before,[type=checkbox].{t}-mx:before{{position:absolute;content:'';left:22%;right:22%;"
            "top:calc(50% - .1rem);height:.2rem;background:var(--input-fore-color)}"
            f".{t}-acc{{display:flex;width:100%;justify-content:space-between;align-items:center;margin:0;text-align:left}}"
        )
        return f'<link rel="stylesheet" href="{V}/mini.css/dist/mini-{self.variant}.min.css"><style>{css}</style>'

    def spinner(self) -> str:
        tone = self.rng.choice(("", "primary", "secondary", "tertiary"))
        return (
            f'<span class="spinner {tone}" aria-hidden="true" style="width:1em;height:1em;margin:0 .4em 0 0;'
            f'vertical-align:-.15em;border-width:.2rem{";animation:none" if self.rng.random() < 0.3 else PAUSED}"></span>'
        )

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "")
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return f'<div class="input-group{dim}">{inp}<label for="f{w.n}">{esc(w.name)}</label></div>'

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        kind = self.rng.choice(("", "vertical", "fluid"))
        return f'<div class="input-group {kind}"><label for="f{w.n}">{esc(w.name)}</label>{field}</div>'

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w)
            cls, attrs = self.merge_class(p, self.looks(p, "tab"))
            out.append(f'<button type="button" role="tab" class="{cls}" {attrs}>{esc(w.name)}</button>')
        return (
            f'<div class="button-group" role="tablist">{"".join(out)}</div>'
            f'<div role="tabpanel" style="padding:.4em .6em">{self.rng.choice(PANEL_TEXT)}</div>'
        )


# ---- Pure ---------------------------------------------------------------------------------------

PURE_BUTTON_CSS = (
    # the colours and sizes Pure's documentation adds to .pure-button ("Customizing Buttons")
    ".button-success,.button-error,.button-warning,.button-secondary{color:white;border-radius:4px;text-shadow:0 1px 1px rgba(0,0,0,.2)}"
    ".button-success{background:rgb(28,184,65)}.button-error{background:rgb(202,60,60)}"
    ".button-warning{background:rgb(223,117,20)}.button-secondary{background:rgb(66,184,221)}"
    ".button-xsmall{font-size:70%}.button-small{font-size:85%}.button-large{font-size:110%}.button-xlarge{font-size:125%}"
)


class Pure(_GridKit):
    """Pure 3.1.0 (purecss): ``.pure-button`` (primary and the documented success, error, warning,
    secondary colours and xsmall..xlarge sizes, ``-disabled``, ``-active``), ``.pure-form`` fields with
    its disabled and read-only looks, ``.pure-checkbox``/``.pure-radio`` native inputs, button-group
    tabs. Light only; no switch (its checkbox with ``role="switch"``), error, accordion or spinner look
    of its own (helpers; a plain ``<details>``)."""

    source = "pure"
    unsupported = frozenset({"*:class-checked", "*:class-mixed"})  # native inputs draw the mark

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("stacked", "aligned", "plain")), False)
        v = rng.choice(
            (
                "",
                "pure-button-primary",
                "button-success",
                "button-error",
                "button-warning",
                "button-secondary",
            )
        )
        size = rng.choice(("", "", "button-xsmall", "button-small", "button-large", "button-xlarge"))
        self.c = {
            "btn": f"pure-button {v} {size}".strip(),
            "field": rng.choice(("", "", "pure-input-rounded")),
            "dis": f"{self.t}-off",
            "ro": "",  # Pure paints [readonly] itself
            "tab": "pure-button",
            "on": rng.choice(("pure-button-selected", "pure-button-active", "pure-button-primary")),
            "combo": "pure-button",
            "accbtn": f"pure-button {self.t}-acc",
        }

    def head(self) -> str:
        t = self.t
        css = (
            PURE_BUTTON_CSS
            # Pure's disabled field, for a field or box that only looks disabled
            + f".pure-form input.{t}-off,.pure-form select.{t}-off{{cursor:not-allowed;background-color:#eaeded!important;color:#cad2d3!important}}"
            + f".{t}-off:not(input):not(select){{opacity:.4;cursor:not-allowed}}"
            + f"button.{t}-acc{{width:100%;text-align:left}}"
        )
        return f'<link rel="stylesheet" href="{V}/purecss/build/pure-min.css"><style>{css}</style>'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if ("btn" in roles or "tab" in roles or "combo" in roles or "accbtn" in roles) and "dis" in p.looks:
            out = out.replace(f"{self.t}-off", "pure-button-disabled")
        return out

    def form(self, inner: str) -> str:
        kind = {"stacked": " pure-form-stacked", "aligned": " pure-form-aligned"}.get(self.variant, "")
        return f'<div class="pure-form{kind}">{inner}</div>'

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.5:
            msg = '<span class="pure-form-message" style="color:#ca3c3c">This field is required.</span>'
        if self.variant == "aligned":
            return self.form(
                f'<div class="pure-control-group"><label for="f{w.n}">{esc(w.name)}</label>{field}{msg}</div>'
            )
        return self.form(f'<label for="f{w.n}">{esc(w.name)}</label>{field}{msg}')

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "")
        row = "pure-radio" if w.kind == "radio" else "pure-checkbox"
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return self.form(f'<label for="f{w.n}" class="{row}{dim}">{inp} {esc(w.name)}</label>')

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w)
            cls, attrs = self.merge_class(p, self.looks(p, "tab"))
            out.append(f'<button type="button" role="tab" class="{cls}" {attrs}>{esc(w.name)}</button>')
        return (
            f'<div class="pure-button-group" role="tablist">{"".join(out)}</div>'
            f'<div role="tabpanel" style="padding:.5em 0">{self.rng.choice(PANEL_TEXT)}</div>'
        )


# ---- W3.CSS -------------------------------------------------------------------------------------

W3_COLORS = (
    "w3-blue",
    "w3-red",
    "w3-green",
    "w3-teal",
    "w3-indigo",
    "w3-black",
    "w3-amber",
    "w3-purple",
    "w3-deep-orange",
    "w3-light-grey",
    "w3-khaki",
    "w3-cyan",
)


class W3(_GridKit):
    """W3.CSS 4.1.0 (w3.css 4.10): ``.w3-button``/``.w3-btn`` in its colours, rounding and sizes,
    ``.w3-disabled``, ``.w3-input``/``.w3-select`` (bordered or underlined), ``.w3-check``/``.w3-radio``,
    ``.w3-bar`` tabs (the selected one coloured), heading-button accordions opening a ``.w3-show``
    panel, ``w3-spin`` icons (inline SVG instead of Font Awesome). Dark pages use its ``w3-black``
    and ``w3-dark-grey`` backgrounds; no switch (its checkbox with ``role="switch"``) or read-only look."""

    source = "w3"
    unsupported = frozenset({"*:class-checked", "*:class-mixed"})  # native inputs draw the mark

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("w3-button", "w3-btn")), dark)
        col = rng.choice(W3_COLORS)
        look = rng.choice(("", "w3-round", "w3-round-large", "w3-round-xxlarge", "w3-border"))
        size = rng.choice(("", "", "w3-small", "w3-large", "w3-tiny", "w3-xlarge"))
        ripple = " w3-ripple" if rng.random() < 0.3 else ""
        self.bar = rng.choice(("w3-black", "w3-light-grey", "w3-blue-grey", "w3-indigo", "w3-border-bottom"))
        self.sel = rng.choice(("w3-red", "w3-blue", "w3-green", "w3-grey", "w3-white", "w3-teal"))
        bordered = rng.random() < 0.5
        surface = " w3-dark-grey" if dark else ""  # w3-input has no colours: the UA's black text
        self.c = {
            "btn": f"{self.variant} {col} {look} {size}{ripple}".strip(),
            "link": rng.choice(("", "w3-text-blue", "w3-text-teal", "w3-hover-text-red")),
            "field": "w3-input"
            + (" w3-border" if bordered else "")
            + (" w3-round" if bordered and rng.random() < 0.5 else "")
            + surface,
            "select": "w3-select" + (" w3-border" if bordered else "") + surface,
            "dis": "w3-disabled",
            "err": rng.choice(
                ("w3-border-red w3-bottombar", "w3-pale-red w3-border-red", "w3-border w3-border-red")
            ),
            "ro": rng.choice((helpers.ro, "w3-light-grey w3-opacity-min")),
            "on": self.sel,
            "checkbox": "w3-check",
            "radio": "w3-radio",
            "switch": "w3-check",
            "combo": "w3-button w3-border",
            "label": rng.choice(("", "w3-text-blue", "w3-text-grey")),
        }

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/w3-css/w3.css">'

    def html_attrs(self) -> str:
        return f'class="{self.rng.choice(("w3-black", "w3-dark-grey"))}"' if self.dark else ""

    def spinner(self) -> str:
        still = (
            ' style="animation:none;margin-right:.4em;vertical-align:-.15em"'
            if self.rng.random() < 0.3
            else f' style="margin-right:.4em;vertical-align:-.15em{PAUSED}"'
        )
        return RING.format(cls="w3-spin", style=still)

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        lab = (
            f'<label for="f{w.n}" class="{self.c["label"]}"><b>{esc(w.name)}</b></label>'
            if self.rng.random() < 0.5
            else f'<label for="f{w.n}" class="{self.c["label"]}">{esc(w.name)}</label>'
        )
        return f"{lab}{field}"

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, self.c[w.kind])
        dim = "w3-disabled" if "dis" in p.looks else ""
        return f'<p class="{dim}" style="margin:4px 0">{inp} <label for="f{w.n}">{esc(w.name)}</label></p>'

    def tabs(self, ws: list[Want]) -> str:
        out = []
        link = self.tabs_as_links()
        for w in ws:
            p = self.parts(w, aria=link)
            cls, attrs = self.merge_class(p, self.looks(p, "tab") + " w3-bar-item w3-button")
            out.append(self.tab_element(w, cls, attrs, link))
        return (
            f'<div class="w3-bar {self.bar}" role="tablist">{"".join(out)}</div>'
            f'<div class="w3-container w3-border" role="tabpanel"><p>{self.rng.choice(PANEL_TEXT)}</p></div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        """A ``w3-block w3-left-align`` button per section (in a heading) over a ``w3-hide``/``w3-show`` panel."""
        out = []
        open_col = self.rng.choice(("w3-light-grey", "w3-pale-blue", "w3-sand"))
        for w in ws:
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            cls, attrs = self.merge_class(
                p,
                "w3-button w3-block w3-left-align"
                + (f" {open_col}" if is_open else "")
                + (" w3-disabled" if "dis" in p.looks else ""),
            )
            chev = (
                CHEVRON.replace("<svg ", '<svg style="transform:rotate(180deg);float:right" ')
                if is_open
                else CHEVRON.replace("<svg ", '<svg style="float:right" ')
            )
            panel = ""
            if pp.emit:
                shown = "w3-show" if is_open else "w3-hide"
                panel = f'<div class="w3-container {shown}"{pp.attrs()}><p>{self.rng.choice(PANEL_TEXT)}</p></div>'
            out.append(
                f'<h4 style="margin:0;font-size:inherit"><button type="button" aria-expanded="{exp}" class="{cls}" {attrs}>'
                f"{esc(w.name)}{chev}</button></h4>{panel}"
            )
        return f'<div class="w3-border">{"".join(out)}</div>'


# ---- Tachyons -----------------------------------------------------------------------------------

TACHYONS_COLORS = (
    "blue",
    "dark-blue",
    "navy",
    "dark-green",
    "green",
    "purple",
    "hot-pink",
    "dark-red",
    "near-black",
    "orange",
    "light-purple",
    "dark-pink",
)


class Tachyons(_GridKit):
    """Tachyons 4.12.0: every look composed of its atomic classes (the component patterns of its
    docs: ``f6 link dim br2 ph3 pv2 dib white bg-*`` buttons, ``input-reset ba b--black-20 pa2``
    fields, ``bb bw2`` underline tabs); disabled ``o-40``, error ``b--red bg-washed-red``, read-only
    ``bg-near-white b--dashed``. Dark pages ``bg-near-black near-white``. No switch (its native
    checkbox with ``role="switch"``) or spinner of its own (an SVG ring)."""

    source = "tachyons"
    unsupported = frozenset({"*:class-checked", "*:class-mixed"})  # native inputs draw the mark

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        col = rng.choice(TACHYONS_COLORS)
        super().__init__(rng, helpers, col, dark)
        r = rng.choice(("br2", "br1", "br3", "br-pill", "br0"))
        size = rng.choice(("f6 ph3 pv2", "f7 ph2 pv1", "f5 ph4 pv3", "f6 ph3 pv2"))
        fill = rng.choice(("fill", "fill", "outline", "ghost"))
        fg = "near-white" if dark else "near-black"
        btn = {
            "fill": f"bn white bg-{col}",
            "outline": f"ba bw1 b--{col} {col} bg-transparent",
            "ghost": f"bn {col} bg-transparent",
        }[fill]
        if dark and col in ("near-black", "navy"):
            btn = btn.replace(col, "light-blue")
        fb = "b--white-20 bg-black-30 near-white" if dark else "b--black-20 bg-white"
        self.fg = fg
        self.c = {
            "btn": f"{size} {r} {btn} dib dim pointer",
            "link": rng.choice(
                (
                    f"link {col if not dark else 'light-blue'} underline",
                    f"link dim {col if not dark else 'lightest-blue'}",
                    "blue",
                )
            ),
            "field": f"input-reset ba {fb} pa2 mb2 db w-100 {r if r != 'br-pill' else 'br2'}",
            "select": f"ba {fb} pa2 db w-100 {r if r != 'br-pill' else 'br2'}",
            "dis": "o-40",
            "err": "b--red bw1 bg-washed-red dark-red" if not dark else "b--light-red bw1 light-red",
            "ro": "bg-near-white b--dashed mid-gray" if not dark else "bg-transparent b--dashed moon-gray",
            "checkbox": "mr2",
            "radio": "mr2",
            "switch": "mr2",
            "row": "flex items-center lh-copy",
            "label": "f6 b db mb2",
            "combo": f"ba {fb} pa2 tl w5 {r if r != 'br-pill' else 'br2'} pointer",
            "accbtn": f"bn bg-transparent {fg} w-100 tl pv3 ph2 f5 fw6 bb b--black-10 flex justify-between items-center pointer",
        }
        self.tab_on = f"bt-0 br-0 bl-0 bb bw2 b--{col if not dark else 'light-blue'} {fg} fw6"
        self.tab_off = "bn mid-gray" if not dark else "bn moon-gray"

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/tachyons/css/tachyons.min.css">'

    def html_attrs(self) -> str:
        return (
            'class="bg-near-black near-white sans-serif"'
            if self.dark
            else f'class="{self.rng.choice(("bg-white", "bg-near-white", "bg-washed-blue"))} near-black sans-serif"'
        )

    def spinner(self) -> str:
        return RING.format(
            cls=self.h.spin,
            style=' style="border:0;width:1em;height:1em"'
            if self.rng.random() >= 0.3
            else ' style="border:0;width:1em;height:1em;animation:none"',
        )

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.5:
            msg = f'<small class="f6 {"dark-red" if not self.dark else "light-red"} db mb2">Please check this field.</small>'
        return f'<div class="measure"><label for="f{w.n}" class="{self.c["label"]}">{esc(w.name)}</label>{field}{msg}</div>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, self.c[w.kind])
        dim = " o-40" if "dis" in p.looks else ""
        return f'<label class="{self.c["row"]}{dim}">{inp}{esc(w.name)}</label>'

    def tabs(self, ws: list[Want]) -> str:
        out = []
        link = self.tabs_as_links()
        for w in ws:
            p = self.parts(w, aria=link)
            base = "f6 link pv2 ph3 bg-transparent pointer dib " + (
                self.tab_on if "on" in p.looks else self.tab_off
            )
            if "dis" in p.looks:
                base += " o-40"
            cls, attrs = self.merge_class(p, base)
            out.append(self.tab_element(w, cls, attrs, link))
        return (
            f'<nav class="flex bb b--black-10" role="tablist">{"".join(out)}</nav>'
            f'<div role="tabpanel" class="pv2 f6 lh-copy">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        if self.rng.random() < 0.5:
            return super().accordion(ws)
        out = []
        for w in ws:  # heading buttons (its docs have no accordion; an atomic-class one as pages build)
            p = self.parts(w, aria=True)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            panel = (
                f'<div class="pa2 f6 lh-copy"{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</div>'
                if pp.emit
                else ""
            )
            chev = CHEVRON.replace("<svg ", '<svg style="transform:rotate(180deg)" ') if is_open else CHEVRON
            cls, attrs = self.merge_class(p, self.c["accbtn"] + (" o-40" if "dis" in p.looks else ""))
            out.append(
                f'<h3 class="ma0"><button type="button" aria-expanded="{exp}" class="{cls}" {attrs}>'
                f"<span>{esc(w.name)}</span>{chev}</button></h3>{panel}"
            )
        return f'<div class="bt b--black-10">{"".join(out)}</div>'


KITS: dict[str, KitClass] = {
    "picnic": Picnic,
    "mini": Mini,
    "pure": Pure,
    "w3": W3,
    "tachyons": Tachyons,
}
