# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the enterprise design systems shipped as CSS:
@carbon/styles, @blueprintjs/core, fundamental-styles, flowbite, basecoat-css.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``). Fonts a library
would fetch from a CDN are replaced by local files (IBM Plex from ``@ibm/plex-sans``, SAP 72 from
``@sap-theming``) or left to the system fonts.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers, PopupPlan
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.widgets import (
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

ALL_KINDS = frozenset(
    {"button", "link", "textbox", "select", "tab", "checkbox", "radio", "switch", "accordion"}
)

# Carbon icons (16px, from @carbon/icons), inlined: the library's CSS has no icon font
CDS_CHEVRON = '<svg focusable="false" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor" class="{cls}"><path d="M8 11L3 6 3.7 5.3 8 9.6 12.3 5.3 13 6z"></path></svg>'
CDS_ARROW = '<svg focusable="false" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor" class="cds--accordion__arrow"><path d="M11 8L6 13 5.3 12.3 9.6 8 5.3 3.7 6 3z"></path></svg>'
CDS_WARN = '<svg focusable="false" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor" class="{cls}"><path d="M8,1C4.2,1,1,4.2,1,8s3.2,7,7,7s7-3.1,7-7S11.9,1,8,1z M7.5,4h1v5h-1V4z M8,12.2c-0.4,0-0.8-0.4-0.8-0.8s0.3-0.8,0.8-0.8c0.4,0,0.8,0.4,0.8,0.8S8.4,12.2,8,12.2z"></path><path d="M7.5,4h1v5h-1V4z M8,12.2c-0.4,0-0.8-0.4-0.8-0.8s0.3-0.8,0.8-0.8 c0.4,0,0.8,0.4,0.8,0.8S8.4,12.2,8,12.2z" data-icon-path="inner-path" opacity="0"></path></svg>'
CDS_CHECK = '<svg class="cds--toggle__check" width="6" height="5" viewBox="0 0 6 5"><path d="M2.2 2.7L5 0 6 1 2.2 5 0 2.7 1 1.5z"></path></svg>'

PLEX = "/vendor/@ibm/plex-sans/fonts/complete/woff2/IBMPlexSans-"


class Carbon(LibKit):
    """IBM Carbon Design System, ``@carbon/styles`` 1.116.0 (``css/styles.min.css``, ``cds--*`` markup).

    Themes white / g10 (light) and g90 / g100 (dark) by the theme class on ``<html>``.
    """

    source = "carbon"
    unsupported = frozenset({"radio:class-checked", "checkbox:class-mixed"})
    repaints_disabled = ALL_KINDS

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("g90", "g100") if dark else ("white", "g10")), dark)
        kind = rng.choice(
            (
                "primary",
                "primary",
                "secondary",
                "tertiary",
                "ghost",
                "danger",
                "danger--tertiary",
                "danger--ghost",
            )
        )
        self.size = rng.choice(("sm", "md", "", "lg", "xl"))  # "" = Carbon's default (lg)
        self.c = {
            "btn": f"cds--btn cds--btn--{kind}" + (f" cds--btn--{self.size}" if self.size else ""),
            "link": "cds--link"
            + rng.choice(("", "", " cds--link--inline", " cds--link--sm", " cds--link--lg")),
            "dis": self.h.dim,
        }
        self.field_size = rng.choice(("sm", "md", "lg"))
        self.contained = rng.random() < 0.4
        self.toggle_sm = rng.random() < 0.3

    def head(self) -> str:
        faces = "".join(
            f"@font-face{{font-family:'IBM Plex Sans';font-style:{st};font-weight:{wt};src:url('{PLEX}{f}.woff2') format('woff2')}}"
            for wt, st, f in (
                (300, "normal", "Light"),
                (300, "italic", "LightItalic"),
                (400, "normal", "Regular"),
                (400, "italic", "Italic"),
                (500, "normal", "Medium"),
                (600, "normal", "SemiBold"),
                (600, "italic", "SemiBoldItalic"),
                (700, "normal", "Bold"),
            )
        )
        nm = self.h.nomark
        return (
            f'<link rel="stylesheet" href="{V}/@carbon/styles/css/styles.min.css">'
            f"<style>{faces}"
            # the project's "mark hidden" for Carbon's drawn boxes (Carbon has no such look)
            f".cds--checkbox-label.{nm}::before{{background-color:transparent!important;border:1px solid var(--cds-icon-primary)!important}}"
            f".cds--checkbox-label.{nm}::after{{display:none!important}}"
            f".{nm} .cds--radio-button__appearance::before{{transform:scale(0)!important}}"
            f".{nm} .cds--radio-button__appearance{{border-color:var(--cds-icon-primary)!important}}"
            "body{line-height:1.3}</style>"
        )

    def html_attrs(self) -> str:
        return f'class="cds--{self.variant}"'

    def spinner(self) -> str:
        return (
            f'<div class="cds--loading cds--loading--small" aria-hidden="true" style="display:inline-block;margin-right:.5rem;vertical-align:middle;{"animation:none" if self.rng.random() < 0.3 else ""}">'
            '<svg class="cds--loading__svg" viewBox="0 0 100 100"><circle class="cds--loading__background" cx="50%" cy="50%" r="42"></circle>'
            '<circle class="cds--loading__stroke" cx="50%" cy="50%" r="42"></circle></svg></div>'
        )

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "btn" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "cds--btn--disabled")
        if "link" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "cds--link--disabled")
        return out

    def button(self, w: Want) -> str:
        if w.icon_only:
            self.c["btn"] += " cds--btn--icon-only"
            try:
                return super().button(w)
            finally:
                self.c["btn"] = self.c["btn"].replace(" cds--btn--icon-only", "")
        return super().button(w)

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        return f'<a href="#go-{w.n}" class="{self.looks(p, "link")}" {p.attr()}>{inner}</a>'

    # ---- checkbox, radio, toggle --------------------------------------------------------------
    def check(self, w: Want) -> str:
        if w.kind == "switch":
            return self.toggle(w)
        p = self.parts(w)
        look = checked_look(p)
        cls, attrs = self.merge_class(p, "cds--checkbox" if w.kind == "checkbox" else "cds--radio-button")
        chk = " ".join(input_checked_attrs(p))
        dis = "dis" in p.looks
        name = esc(w.name)
        if w.kind == "checkbox":
            data = ""
            if look == "class-on":
                data = ' data-contained-checkbox-state="true"'
            elif look == "class-mixed":
                data = ' data-contained-checkbox-state="mixed"'
            if dis:
                data += ' data-contained-checkbox-disabled="true"'
            lab = "cds--checkbox-label" + (f" {self.h.nomark}" if look == "nomark" else "")
            return (
                f'<div class="cds--form-item cds--checkbox-wrapper"><input type="checkbox" id="f{w.n}" class="{cls}" {chk} {attrs}>'
                f'<label for="f{w.n}" class="{lab}"{data}><span class="cds--checkbox-label-text">{name}</span></label></div>'
            )
        group = w.extra.get("group", w.n)
        wrap = (
            "cds--radio-button-wrapper"
            + (f" {self.h.nomark}" if look == "nomark" else "")
            + (f" {self.h.dim}" if dis else "")
        )
        return (
            f'<div class="{wrap}"><input type="radio" id="f{w.n}" name="g{group}" class="{cls}" {chk} {attrs}>'
            f'<label for="f{w.n}" class="cds--radio-button__label"><span class="cds--radio-button__appearance"></span>'
            f'<span class="cds--radio-button__label-text">{name}</span></label></div>'
        )

    def toggle(self, w: Want) -> str:
        p = self.parts(w, aria=False)
        look = checked_look(p)
        on = look in ("checked", "class-on")
        cls, attrs = self.merge_class(p, "cds--toggle__button")
        sm = " cds--toggle__appearance--sm" if self.toggle_sm else ""
        mark = CDS_CHECK if self.toggle_sm else ""
        text = self.rng.choice(("", "On" if on else "Off"))
        dis = " cds--toggle--disabled" if "dis" in p.looks else ""
        return (
            f'<div class="cds--toggle{dis}"><button type="button" role="switch" id="f{w.n}" class="{cls}" aria-checked="{aria_checked(p)}" {attrs}></button>'
            f'<label for="f{w.n}" class="cds--toggle__label"><span class="cds--toggle__label-text">{esc(w.name)}</span>'
            f'<div class="cds--toggle__appearance{sm}"><div class="cds--toggle__switch{" cds--toggle__switch--checked" if on else ""}">{mark}</div>'
            f'<span class="cds--toggle__text" aria-hidden="true">{text}</span></div></label></div>'
        )

    # ---- fields ---------------------------------------------------------------------------------
    def _label(self, w: Want, p: Parts) -> str:
        dis = " cds--label--disabled" if "dis" in p.looks else ""
        return f'<label for="f{w.n}" class="cds--label{dis}">{esc(w.name)}</label>'

    def _msg(self, p: Parts) -> str:
        if "err" not in p.looks:
            return ""
        return f'<div class="cds--form-requirement">{self.rng.choice(("This field is required", "Enter a valid value", "Check this"))}</div>'

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        err = "err" in p.looks
        base = f"cds--text-input cds--text-input--{self.field_size}" + (
            " cds--text-input--invalid" if err else ""
        )
        if "dis" in p.looks:
            base += " " + self.h.dim
        cls, attrs = self.merge_class(p, base)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Placeholder text"' if self.rng.random() < 0.4 else ""
        ro = " cds--text-input-wrapper--readonly" if "ro" in p.looks else ""
        inv = " data-invalid" if err else ""
        ic = CDS_WARN.format(cls="cds--text-input__invalid-icon") if err else ""
        return (
            f'<div class="cds--form-item cds--text-input-wrapper{ro}"><div class="cds--text-input__label-wrapper">{self._label(w, p)}</div>'
            f'<div class="cds--text-input__field-outer-wrapper"><div class="cds--text-input__field-wrapper"{inv}>{ic}'
            f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}></div>{self._msg(p)}</div></div>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        err = "err" in p.looks
        cls, attrs = self.merge_class(p, "cds--select-input" + (f" {self.h.dim}" if "dis" in p.looks else ""))
        opts = "".join(
            f'<option class="cds--select-option">{o}</option>' for o in self.rng.sample(OPTION_WORDS, 3)
        )
        wrap = (
            "cds--select"
            + (" cds--select--invalid" if err else "")
            + (" cds--select--disabled" if "dis" in p.looks else "")
        )
        ic = CDS_WARN.format(cls="cds--select__invalid-icon") if err else ""
        inv = " data-invalid" if err else ""
        return (
            f'<div class="cds--form-item"><div class="{wrap}">{self._label(w, p)}<div class="cds--select-input__wrapper"{inv}>'
            f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>{CDS_CHEVRON.format(cls="cds--select__arrow")}{ic}</div>'
            f"{self._msg(p)}</div></div>"
        )

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        is_open = "open" in p.looks
        pp = self.plan_popup(w, p)
        items = "".join(
            f'<li class="cds--list-box__menu-item{" cds--list-box__menu-item--active" if i == 0 else ""}" role="option">'
            f'<div class="cds--list-box__menu-item__option">{o}</div></li>'
            for i, o in enumerate(opts)
        )
        menu = f'<ul class="cds--list-box__menu" role="listbox"{pp.attrs()}>{items}</ul>' if pp.emit else ""
        box = (
            f"cds--dropdown cds--list-box cds--list-box--{self.field_size}"
            + (" cds--list-box--expanded" if is_open else "")
            + (" cds--dropdown--disabled cds--list-box--disabled" if "dis" in p.looks else "")
        )
        lab = "cds--label" + (" cds--label--disabled" if "dis" in p.looks else "")
        icon_cls = "cds--list-box__menu-icon" + (" cds--list-box__menu-icon--open" if is_open else "")
        return (
            f'<div class="cds--dropdown__wrapper cds--list-box__wrapper" style="width:16rem"><label id="l{w.n}" class="{lab}">{esc(w.name)}</label>'
            f'<div class="{box}"><button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" aria-labelledby="l{w.n}" '
            f'class="cds--list-box__field" {p.attr()}><span class="cds--list-box__label">{opts[0]}</span>'
            f'<div class="{icon_cls}">{CDS_CHEVRON.format(cls="")}</div></button>{menu}</div></div>'
        )

    # ---- tabs, accordion ------------------------------------------------------------------------
    def tabs(self, ws: list[Want]) -> str:
        link = self.tabs_as_links()
        out = []
        for w in ws:
            p = self.parts(w, aria=link)
            cls = "cds--tabs__nav-item cds--tabs__nav-link"
            if "on" in p.looks:
                cls += " cds--tabs__nav-item--selected"
            if "dis" in p.looks:
                cls += " cds--tabs__nav-item--disabled"
            out.append(self.tab_button(w, p, cls, link))
        kind = " cds--tabs--contained" if self.contained else ""
        return (
            f'<div class="cds--tabs{kind}"><div class="cds--tab--list" role="tablist">{"".join(out)}</div></div>'
            f'<div role="tabpanel" style="padding:1rem 0">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            dis = "dis" in p.looks
            cls, attrs = self.merge_class(
                p, "cds--accordion__heading" + (f" {self.h.dim}" if dis and "disabled" not in p.attrs else "")
            )
            panel = (
                f'<div class="cds--accordion__wrapper"><div class="cds--accordion__content"{pp.attrs()}><p>{self.rng.choice(PANEL_TEXT)}</p></div></div>'
                if pp.emit
                else ""
            )
            item = (
                "cds--accordion__item"
                + (" cds--accordion__item--active" if is_open else "")
                + (" cds--accordion__item--disabled" if dis else "")
            )
            out.append(
                f'<li class="{item}"><button type="button" class="{cls}" aria-expanded="{exp}" {attrs}>{CDS_ARROW}'
                f'<div class="cds--accordion__title">{esc(w.name)}</div></button>{panel}</li>'
            )
        align = self.rng.choice(("", " cds--accordion--start"))
        return f'<ul class="cds--accordion cds--accordion--{self.field_size}{align}">{"".join(out)}</ul>'


BP_SVG = {
    "chevron-down": "M12 5c-.28 0-.53.11-.71.29L8 8.59l-3.29-3.3a1.003 1.003 0 00-1.42 1.42l4 4c.18.18.43.29.71.29s.53-.11.71-.29l4-4A1.003 1.003 0 0012 5z",
    "chevron-up": "M12.71 9.29l-4-4C8.53 5.11 8.28 5 8 5s-.53.11-.71.29l-4 4a1.003 1.003 0 001.42 1.42L8 7.41l3.29 3.29c.18.19.43.3.71.3a1.003 1.003 0 00.71-1.71z",
    "double-caret-vertical": "M5 7h6a1.003 1.003 0 00.71-1.71l-3-3C8.53 2.11 8.28 2 8 2s-.53.11-.71.29l-3 3A1.003 1.003 0 005 7zm6 2H5a1.003 1.003 0 00-.71 1.71l3 3c.18.18.43.29.71.29s.53-.11.71-.29l3-3A1.003 1.003 0 0011 9z",
    "caret-down": "M12 6.5c0-.28-.22-.5-.5-.5h-7a.495.495 0 00-.37.83l3.5 4c.09.1.22.17.37.17s.28-.07.37-.17l3.5-4c.08-.09.13-.2.13-.33z",
}


def bp_icon(name: str, extra: str = "") -> str:
    return (
        f'<span aria-hidden="true" class="bp6-icon bp6-icon-{name} {extra}"><svg data-icon="{name}" width="16" height="16" '
        f'viewBox="0 0 16 16" fill="currentColor"><path d="{BP_SVG[name]}" fill-rule="evenodd"></path></svg></span>'
    )


class Blueprint(LibKit):
    """Palantir Blueprint, ``@blueprintjs/core`` 6.20.0 (``lib/css/blueprint.css``, ``bp6-*`` classes).

    Light, or dark by ``bp6-dark`` on ``<html>``; intents, minimal/outlined buttons, small/large sizes.
    """

    source = "blueprint"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "switch:mark-hidden"})
    repaints_disabled = ALL_KINDS

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", "minimal", "outlined", "small", "large")), dark)
        intent = rng.choice(
            (
                "",
                "bp6-intent-primary",
                "bp6-intent-primary",
                "bp6-intent-success",
                "bp6-intent-warning",
                "bp6-intent-danger",
            )
        )
        style = {"minimal": " bp6-minimal", "outlined": " bp6-outlined"}.get(self.variant, "")
        self.size = {"small": " bp6-small", "large": " bp6-large"}.get(self.variant, "")
        self.c = {
            "btn": f"bp6-button {intent}{style}{self.size}",
            "link": "",
            "dis": self.h.dim,
        }
        self.inline_checks = rng.random() < 0.3
        self.tab_large = rng.random() < 0.3

    def head(self) -> str:
        nm, on, off = self.h.nomark, self.h.on, self.h.on + "x"
        sel = "#8abbff" if self.dark else "#215db0"
        fg = "#f6f7f9" if self.dark else "#1c2127"
        return (
            f'<link rel="stylesheet" href="{V}/@blueprintjs/core/lib/css/blueprint.css">'
            "<style>"
            # the project's overrides where Blueprint draws a state from the DOM only
            f".bp6-control.{nm} input:checked ~ .bp6-control-indicator{{background-color:transparent!important;box-shadow:inset 0 0 0 1px #738091!important}}"
            f".bp6-control.{nm} input:checked ~ .bp6-control-indicator::before{{background-image:none!important}}"
            f".bp6-tab.{on}{{box-shadow:inset 0 -3px 0 {sel}!important;color:{sel}!important;border-radius:0}}"
            f".bp6-tab.{off}[aria-selected=true]{{box-shadow:none!important;color:{fg}!important}}"
            f".bp6-tab.{self.h.ne}[aria-disabled=true]{{color:{fg}!important;cursor:pointer!important}}"
            f"body{{padding:0;margin:0}}{'html.bp6-dark,html.bp6-dark body{background:#252a31;color:#f6f7f9}' if self.dark else 'html,body{background:#fff}'}"
            "</style>"
        )

    def html_attrs(self) -> str:
        return 'class="bp6-dark"' if self.dark else ""

    def spinner(self) -> str:
        return (
            f'<span class="bp6-spinner" role="presentation" style="display:inline-flex;margin-right:6px;vertical-align:middle"><span class="bp6-spinner-animation"{self.still()}>'
            '<svg width="16" height="16" stroke-width="16" viewBox="-3 -3 106 106"><path class="bp6-spinner-track" d="M 50,50 m 0,-45 a 45,45 0 1 1 0,90 a 45,45 0 1 1 0,-90"></path>'
            '<path class="bp6-spinner-head" d="M 50,50 m 0,-45 a 45,45 0 1 1 0,90 a 45,45 0 1 1 0,-90" pathLength="280" stroke-dasharray="280 280" stroke-dashoffset="210"></path></svg></span></span>'
        )

    def button(self, w: Want) -> str:
        p = self.parts(w)
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}"')
            inner = f'<span aria-hidden="true" class="bp6-icon">{icon(w.extra.get("icon", "plus"))}</span>'
        else:
            lead = (
                f'<span aria-hidden="true" class="bp6-icon">{decorative_icon(self.rng)}</span>'
                if self.rng.random() < 0.3
                else ""
            )
            inner = f'{lead}<span class="bp6-button-text">{esc(w.name)}</span>'
        cls = self.c["btn"]
        if "dis" in p.looks:
            cls += " bp6-disabled"
        if "spin" in p.looks:
            cls += " bp6-loading"
            inner = (
                self.spinner()
                .replace('class="bp6-spinner"', 'class="bp6-spinner bp6-button-spinner"')
                .replace("display:inline-flex;margin-right:6px;", "")
                + inner
            )
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append('aria-haspopup="menu"')
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            if "open" in p.looks:
                cls += " bp6-active"
            inner += bp_icon("caret-down")
            pp = self.plan_popup(w, p)
            if pp.emit:
                tail = self.menu_popup(("Rename", "Duplicate", "Archive"), "menu", pp)
        cls, attrs = self.merge_class(p, cls)
        body = f'<button type="button" class="{cls}" {attrs}>{inner}</button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def menu_popup(self, items: tuple[str, ...] | list[str], role: str, pp: PopupPlan) -> str:
        sub = "option" if role == "listbox" else "menuitem"
        lis = "".join(
            f'<li role="{sub}" class="bp6-menu-item" style="display:block;padding:5px 7px">{i}</li>'
            for i in items
        )
        style = "position:absolute;z-index:20;left:0;top:calc(100% + 4px);min-width:100%"
        return f'<div class="bp6-popover bp6-minimal"{pp.attrs(style)}><div class="bp6-popover-content"><ul class="bp6-menu" role="{role}">{lis}</ul></div></div>'

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        cls = "bp6-text-disabled" if "dis" in p.looks else ""
        style = ' style="cursor:not-allowed"' if "dis" in p.looks else ""
        return f'<a href="#go-{w.n}" class="{cls}"{style} {p.attr()}>{inner}</a>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        look = checked_look(p)
        cls, attrs = self.merge_class(p, "bp6-control-input")
        typ = "radio" if w.kind == "radio" else "checkbox"
        extra = ' role="switch"' if w.kind == "switch" else ""
        extra += f' name="g{w.extra.get("group", w.n)}"' if typ == "radio" else ""
        chk = " ".join(input_checked_attrs(p))
        kind = {"checkbox": "bp6-checkbox", "radio": "bp6-radio", "switch": "bp6-switch"}[w.kind]
        row = f"bp6-control {kind}{self.size}"
        if self.inline_checks:
            row += " bp6-inline"
        if "dis" in p.looks:
            row += " bp6-disabled"
        if look == "nomark":
            row += " " + self.h.nomark
        return (
            f'<label class="{row}"><input type="{typ}" class="{cls}"{extra} {chk} {attrs}>'
            f'<span class="bp6-control-indicator"></span>{esc(w.name)}</label>'
        )

    def _label(self, w: Want, p: Parts, field: str) -> str:
        dis = " bp6-disabled" if "dis" in p.looks else ""
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.6:
            msg = f'<div class="bp6-form-helper-text">{self.rng.choice(("This field is required", "Enter a valid value"))}</div>'
        intent = " bp6-intent-danger" if "err" in p.looks else ""
        return (
            f'<div class="bp6-form-group{intent}{dis}"><label class="bp6-label" for="f{w.n}">{esc(w.name)}</label>'
            f'<div class="bp6-form-content">{field}{msg}</div></div>'
        )

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        base = (
            "bp6-input"
            + self.size
            + (" bp6-intent-danger" if "err" in p.looks else "")
            + (" bp6-disabled" if "dis" in p.looks else "")
        )
        cls, attrs = self.merge_class(p, base)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Placeholder text"' if self.rng.random() < 0.4 else ""
        field = f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} dir="auto" {attrs}>'
        if "ro" not in p.looks and self.rng.random() < 0.3:
            field = f'<div class="bp6-input-group{self.size}{" bp6-intent-danger" if "err" in p.looks else ""}">{icon("search", "bp6-icon")}{field}</div>'
        return self._label(w, p, field)

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(p, self.h.err if "err" in p.looks else "")
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        wrap = (
            "bp6-html-select"
            + self.size
            + self.rng.choice(("", " bp6-minimal"))
            + (f" {self.h.dim}" if "dis" in p.looks else "")
        )
        field = f'<div class="{wrap}"><select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>{bp_icon("double-caret-vertical")}</div>'
        return self._label(w, p, field)

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = self.menu_popup(opts, "listbox", pp) if pp.emit else ""
        cls = (
            "bp6-button bp6-fill"
            + self.size
            + (" bp6-active" if "open" in p.looks else "")
            + (" bp6-disabled" if "dis" in p.looks else "")
        )
        cls += self.rng.choice(("", " bp6-outlined"))
        return (
            f'<label class="bp6-label" id="l{w.n}">{esc(w.name)}</label><span style="position:relative;display:inline-block;width:14rem">'
            f'<button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" aria-labelledby="l{w.n}" class="{cls}" style="justify-content:space-between" {p.attr()}>'
            f'<span class="bp6-button-text">{opts[0]}</span>{bp_icon("caret-down")}</button>{lb}</span>'
        )

    def tabs(self, ws: list[Want]) -> str:
        link = self.tabs_as_links()
        out = []
        for w in ws:
            # Blueprint's tabs are ``div role=tab`` painted from aria-selected / aria-disabled alone
            p = looks_and_attrs(w, aria_disabled=True)
            cls = "bp6-tab"
            if w.case == "looks-selected":
                cls += " " + self.h.on
            if w.case == "looks-unselected":
                cls += " " + self.h.on + "x"
            if w.case == "dis-look-only":
                cls += " " + self.h.dim
            if w.case == "dis-attr-looks-enabled":
                cls += " " + self.h.ne
            if link:
                out.append(self.tab_element(w, cls, p.attr(), True))
            else:
                out.append(f'<div role="tab" tabindex="0" class="{cls}" {p.attr()}>{esc(w.name)}</div>')
        large = " bp6-large" if self.tab_large else ""
        return (
            f'<div class="bp6-tabs"><div class="bp6-tab-list{large}" role="tablist">{"".join(out)}</div>'
            f'<div class="bp6-tab-panel" role="tabpanel">{self.rng.choice(PANEL_TEXT)}</div></div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        """Blueprint has no accordion: stacked ``Section`` cards whose heading holds a minimal
        ``Button`` toggling a ``Collapse`` (the docs' collapse pattern)."""
        out = []
        for w in ws:
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            panel = (
                # Collapse's inline styles, as its script sets them
                f'<div class="bp6-collapse"{pp.attrs("height:auto;overflow-y:visible" if is_open else "height:0px;overflow-y:hidden")}>'
                f'<div class="bp6-collapse-body"><div class="bp6-section-card bp6-padded">'
                f"{self.rng.choice(PANEL_TEXT)}</div></div></div>"
                if pp.emit
                else ""
            )
            cls = "bp6-button bp6-minimal bp6-fill bp6-align-left" + (
                " bp6-disabled" if "dis" in p.looks else ""
            )
            cls, attrs = self.merge_class(p, cls)
            caret = bp_icon("chevron-up" if is_open else "chevron-down")
            out.append(
                f'<div class="bp6-card bp6-section{"" if is_open else " bp6-section-collapsed"}" style="margin-bottom:6px;padding:0">'
                f'<div class="bp6-section-header" style="padding:0 8px"><h6 class="bp6-heading bp6-section-header-title" style="flex:1;margin:0">'
                f'<button type="button" aria-expanded="{exp}" class="{cls}" {attrs}><span class="bp6-button-text">{esc(w.name)}</span>{caret}</button>'
                f"</h6></div>{panel}</div>"
            )
        return "".join(out)


SAP = "/vendor/@sap-theming/theming-base-content/content/Base/baseLib"
FD = "/vendor/fundamental-styles/dist"


class Fundamental(LibKit):
    """SAP Fundamental Library Styles, ``fundamental-styles`` 0.41.9 (``dist/*.css``, ``fd-*`` classes).

    Themes: sap_horizon / sap_fiori_3 (light), sap_horizon_dark / sap_fiori_3_dark (dark), each with the
    matching ``@sap-theming`` variables. Fundamental paints ``[aria-disabled=true]`` as it paints
    ``:disabled``, so "disabled attribute, enabled look" is drawn only where it has no disabled look.
    """

    source = "fundamental"
    unsupported = frozenset(
        {
            f"{k}:dis-attr-looks-enabled"
            for k in ("button", "link", "checkbox", "radio", "switch", "textbox", "select", "accordion")
        }
        | {
            "*:class-checked",
            "*:class-mixed",
            "*:mark-hidden",
            "accordion:looks-expanded",
            "accordion:looks-collapsed",
        }
    )
    repaints_disabled = ALL_KINDS

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        theme = rng.choice(
            ("sap_horizon_dark", "sap_fiori_3_dark")
            if dark
            else ("sap_horizon", "sap_horizon", "sap_fiori_3")
        )
        super().__init__(rng, helpers, theme, dark)
        v = rng.choice(
            (
                "",
                "",
                "fd-button--emphasized",
                "fd-button--transparent",
                "fd-button--positive",
                "fd-button--negative",
                "fd-button--attention",
                "fd-button--ghost",
            )
        )
        self.c = {"btn": f"fd-button {v}".strip(), "dis": "is-disabled"}
        self.link_cls = "fd-link" + rng.choice(("", "", " fd-link--emphasized", " fd-link--subtle"))
        self.compact = rng.random() < 0.3

    def head(self) -> str:
        files = (
            "button",
            "link",
            "checkbox",
            "radio",
            "switch",
            "input",
            "select",
            "form-label",
            "form-item",
            "form-message",
            "tabs",
            "panel",
            "icon",
            "popover",
            "list",
            "busy-indicator",
        )
        return (
            f'<link rel="stylesheet" href="{SAP}/{self.variant}/css_variables.css">'
            f'<link rel="stylesheet" href="{FD}/theming/{self.variant}.css">'
            + "".join(f'<link rel="stylesheet" href="{FD}/{f}.css">' for f in files)
            + "<style>html,body{background:var(--sapBackgroundColor);color:var(--sapTextColor);font-family:var(--sapFontFamily)}</style>"
        )

    def html_attrs(self) -> str:
        return 'class="is-compact"' if self.compact else ""

    def spinner(self) -> str:
        return (
            f'<span class="fd-busy-indicator" aria-hidden="true" style="display:inline-flex;margin-right:.4rem;vertical-align:middle;font-size:.4rem"{self.still()}>'
            '<span class="fd-busy-indicator__circle"></span><span class="fd-busy-indicator__circle"></span><span class="fd-busy-indicator__circle"></span></span>'
        )

    def button(self, w: Want) -> str:
        p = self.parts(w)
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus"), "fd-button__icon")
        else:
            inner = f'<span class="fd-button__text">{esc(w.name)}</span>'
        if "spin" in p.looks:
            inner = self.spinner() + inner
        cls = self.c["btn"] + (" is-disabled" if "dis" in p.looks else "")
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append('aria-haspopup="menu"')
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            cls += " fd-button--menu" + (" is-expanded" if "open" in p.looks else "")
            inner += '<i class="sap-icon--slim-arrow-down" role="presentation"></i>'
            pp = self.plan_popup(w, p)
            if pp.emit:
                tail = self.list_popup(("Rename", "Duplicate", "Archive"), "menu", pp)
        cls, attrs = self.merge_class(p, cls)
        body = f'<button type="button" class="{cls}" {attrs}>{inner}</button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def list_popup(self, items: tuple[str, ...] | list[str], role: str, pp: PopupPlan) -> str:
        sub = "option" if role == "listbox" else "menuitem"
        lis = "".join(
            f'<li role="{sub}" class="fd-list__item"><span class="fd-list__title">{i}</span></li>'
            for i in items
        )
        return (
            f'<div class="fd-popover__body fd-popover__body--no-arrow"{pp.attrs("position:absolute;z-index:20;left:0;top:100%;min-width:100%;display:block")}>'
            f'<ul class="fd-list fd-list--dropdown" role="{role}">{lis}</ul></div>'
        )

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (
            self.spinner() if "spin" in p.looks else ""
        ) + f'<span class="fd-link__content">{esc(w.name)}</span>'
        cls = self.link_cls + (" is-disabled" if "dis" in p.looks else "")
        return f'<a href="#go-{w.n}" class="{cls}" {p.attr()}>{inner}</a>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        chk = " ".join(input_checked_attrs(p))
        dis = " is-disabled" if "dis" in p.looks else ""
        name = esc(w.name)
        if w.kind == "switch":
            cls, attrs = self.merge_class(p, "fd-switch__input")
            return (
                f'<label class="fd-switch{dis}"><span class="fd-switch__control"><input class="{cls}" type="checkbox" role="switch" {chk} {attrs}>'
                '<div class="fd-switch__slider"><div class="fd-switch__track"><i role="presentation" class="fd-switch__icon fd-switch__icon--on sap-icon--accept"></i>'
                '<span class="fd-switch__handle" role="presentation"></span><i role="presentation" class="fd-switch__icon fd-switch__icon--off sap-icon--less"></i></div></div>'
                f'</span><span class="fd-switch__text" style="margin-left:.5rem">{name}</span></label>'
            )
        if w.kind == "checkbox":
            cls, attrs = self.merge_class(p, "fd-checkbox" + dis)
            return (
                f'<div class="fd-form-item"><input type="checkbox" class="{cls}" id="f{w.n}" {chk} {attrs}>'
                f'<label class="fd-checkbox__label" for="f{w.n}"><span class="fd-checkbox__checkmark" aria-hidden="true"></span>'
                f'<span class="fd-checkbox__text">{name}</span></label></div>'
            )
        cls, attrs = self.merge_class(p, "fd-radio" + dis)
        return (
            f'<div class="fd-form-item"><input type="radio" class="{cls}" id="f{w.n}" name="g{w.extra.get("group", w.n)}" {chk} {attrs}>'
            f'<label class="fd-radio__label" for="f{w.n}"><span class="fd-radio__text">{name}</span></label></div>'
        )

    def _item(self, w: Want, p: Parts, field: str) -> str:
        dis = " is-disabled" if "dis" in p.looks else ""
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.6:
            msg = f'<div class="fd-form-message fd-form-message--error">{self.rng.choice(("Required field", "Invalid value"))}</div>'
        return (
            f'<div class="fd-form-item"><label class="fd-form-label{dis}" for="f{w.n}">{esc(w.name)}</label>'
            f"{field}{msg}</div>"
        )

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        base = (
            "fd-input"
            + (" is-error" if "err" in p.looks else "")
            + (" is-disabled" if "dis" in p.looks else "")
        )
        cls, attrs = self.merge_class(p, base)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Field placeholder text"' if self.rng.random() < 0.4 else ""
        return self._item(w, p, f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>')

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        base = (
            "fd-input"
            + (" is-error" if "err" in p.looks else "")
            + (" is-disabled" if "dis" in p.looks else "")
        )
        cls, attrs = self.merge_class(p, base)
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return self._item(w, p, f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>')

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = self.list_popup(opts, "listbox", pp) if pp.emit else ""
        cls = (
            "fd-select__control"
            + (" is-expanded" if "open" in p.looks else "")
            + (" is-disabled" if "dis" in p.looks else "")
        )
        dis = " is-disabled" if "dis" in p.looks else ""
        return (
            f'<div class="fd-form-item"><label class="fd-form-label{dis}" id="l{w.n}">{esc(w.name)}</label>'
            f'<div class="fd-popover" style="width:14rem;position:relative"><div class="fd-popover__control"><div class="fd-select">'
            f'<div role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" aria-labelledby="l{w.n}" class="{cls}" tabindex="0" {p.attr()}>'
            f'<span class="fd-select__text-content">{opts[0]}</span><span class="fd-button fd-button--transparent fd-select__button">'
            f'<i class="sap-icon--slim-arrow-down"></i></span></div></div></div>{lb}</div></div>'
        )

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)
            cls = (
                "fd-tabs__item"
                + (" is-selected" if "on" in p.looks else "")
                + (f" {self.h.dim}" if "dis" in p.looks else "")
            )
            out.append(
                f'<li role="tab" tabindex="0" class="{cls}" {p.attr()}><a class="fd-tabs__link" tabindex="-1">'
                f'<span class="fd-tabs__tag">{esc(w.name)}</span></a></li>'
            )
        size = self.rng.choice(("", " fd-tabs--l", " fd-tabs--xl"))
        return f'<ul class="fd-tabs{size}" role="tablist">{"".join(out)}</ul><div role="tabpanel" style="padding:1rem">{self.rng.choice(PANEL_TEXT)}</div>'

    def accordion(self, ws: list[Want]) -> str:
        """Expandable ``fd-panel``s; the expand button sits in the panel's title heading."""
        out = []
        for w in ws:
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            pp = self.plan_popup(w, p)
            panel = (
                f'<div role="region" class="fd-panel__content"{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</div>'
                if pp.emit
                else ""
            )
            cls, attrs = self.merge_class(
                p,
                "fd-button fd-button--transparent fd-panel__button"
                + (" is-disabled" if "dis" in p.looks else ""),
            )
            arrow = "sap-icon--slim-arrow-down" if "open" in p.looks else "sap-icon--slim-arrow-right"
            out.append(
                f'<div class="fd-panel{"" if "open" in p.looks else " fd-panel--collapsed"}" style="margin-bottom:.25rem"><div class="fd-panel__header">'
                f'<h4 class="fd-panel__title" style="display:flex;align-items:center;gap:.5rem"><span class="fd-panel__expand">'
                f'<button type="button" class="{cls}" aria-expanded="{exp}" aria-label="{esc(w.name)}" {attrs}><i class="{arrow}"></i></button></span>'
                f"{esc(w.name)}</h4></div>{panel}</div>"
            )
        return "".join(out)


FB_SPIN = (
    '<svg aria-hidden="true" role="status" class="inline w-4 h-4 me-2 animate-spin"{still} viewBox="0 0 100 101" fill="none">'
    '<path d="M100 50.5908C100 78.2051 77.6142 100.591 50 100.591C22.3858 100.591 0 78.2051 0 50.5908C0 22.9766 22.3858 0.59082 50 0.59082C77.6142 0.59082 100 22.9766 100 50.5908ZM9.08144 50.5908C9.08144 73.1895 27.4013 91.5094 50 91.5094C72.5987 91.5094 90.9186 73.1895 90.9186 50.5908C90.9186 27.9921 72.5987 9.67226 50 9.67226C27.4013 9.67226 9.08144 27.9921 9.08144 50.5908Z" fill="#E5E7EB"/>'
    '<path d="M93.9676 39.0409C96.393 38.4038 97.8624 35.9116 97.0079 33.5539C95.2932 28.8227 92.871 24.3692 89.8167 20.348C85.8452 15.1192 80.8826 10.7238 75.2124 7.41289C69.5422 4.10194 63.2754 1.94025 56.7698 1.05124C51.7666 0.367541 46.6976 0.446843 41.7345 1.27873C39.2613 1.69328 37.813 4.19778 38.4501 6.62326C39.0873 9.04874 41.5694 10.4717 44.0505 10.1071C47.8511 9.54855 51.7191 9.52689 55.5402 10.0491C60.8642 10.7766 65.9928 12.5457 70.6331 15.2552C75.2735 17.9648 79.3347 21.5619 82.5849 25.841C84.9175 28.9121 86.7997 32.2913 88.1811 35.8758C89.083 38.2158 91.5421 39.6781 93.9676 39.0409Z" fill="currentColor"/></svg>'
)
# (no rotate-180: flowbite.min.css rotates by ``rotate``, the Tailwind 3 build by ``transform``: both add up)
FB_CHEVRON = '<svg class="w-2.5 h-2.5 ms-3" aria-hidden="true" fill="none" viewBox="0 0 10 6"><path stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="{d}"/></svg>'
FB_DOWN, FB_UP = "m1 1 4 4 4-4", "M9 5 5 1 1 5"
FB_FIELD = "border text-sm rounded-lg block w-full p-2.5"
FB_OK = "bg-gray-50 border-gray-300 text-gray-900 focus:ring-blue-500 focus:border-blue-500 dark:bg-gray-700 dark:border-gray-600 dark:placeholder-gray-400 dark:text-white"
FB_ERR = "bg-red-50 border-red-500 text-red-900 placeholder-red-700 focus:ring-red-500 focus:border-red-500 dark:bg-gray-700 dark:text-red-500 dark:placeholder-red-500 dark:border-red-500"
FB_DIS = "bg-gray-100 border-gray-300 text-gray-400 cursor-not-allowed dark:bg-gray-800 dark:border-gray-600 dark:text-gray-500"
FB_RO = "bg-transparent border-dashed border-gray-300 text-gray-700 dark:border-gray-600 dark:text-gray-300"
FB_BUTTONS = {
    "blue": "text-white bg-blue-700 hover:bg-blue-800 focus:ring-4 focus:ring-blue-300 dark:bg-blue-600 dark:hover:bg-blue-700",
    "alt": "text-gray-900 bg-white border border-gray-200 hover:bg-gray-100 hover:text-blue-700 dark:bg-gray-800 dark:text-gray-400 dark:border-gray-600",
    "dark": "text-white bg-gray-800 hover:bg-gray-900 dark:bg-gray-800 dark:border dark:border-gray-700",
    "green": "text-white bg-green-700 hover:bg-green-800 dark:bg-green-600",
    "red": "text-white bg-red-700 hover:bg-red-800 dark:bg-red-600",
    "yellow": "text-white bg-yellow-400 hover:bg-yellow-500",
    "purple": "text-white bg-purple-700 hover:bg-purple-800 dark:bg-purple-600",
    "outline": "text-blue-700 hover:text-white border border-blue-700 hover:bg-blue-800 dark:border-blue-500 dark:text-blue-500",
}
FB_BUTTONS_DIS = {
    "blue": "text-white bg-blue-400 dark:bg-blue-500 cursor-not-allowed",
    "alt": "text-gray-400 bg-white border border-gray-200 cursor-not-allowed dark:bg-gray-800 dark:text-gray-500 dark:border-gray-600",
    "dark": "text-white bg-gray-400 cursor-not-allowed dark:bg-gray-600",
    "green": "text-white bg-green-400 cursor-not-allowed dark:bg-green-500",
    "red": "text-white bg-red-400 cursor-not-allowed dark:bg-red-500",
    "yellow": "text-white bg-yellow-200 cursor-not-allowed",
    "purple": "text-white bg-purple-400 cursor-not-allowed dark:bg-purple-500",
    "outline": "text-blue-300 border border-blue-300 cursor-not-allowed dark:border-blue-800 dark:text-blue-800",
}


class Flowbite(LibKit):
    """Flowbite, ``flowbite`` 4.0.2 (``dist/flowbite.min.css`` + the Tailwind utilities of its documented
    markup, compiled by ``make css`` into ``autoglm-ui-build/tailwind.css``). Light, or dark by ``.dark``."""

    source = "flowbite"
    unsupported = frozenset({"checkbox:class-checked", "radio:class-checked", "*:class-mixed"})
    repaints_disabled = frozenset({"checkbox", "radio"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(tuple(FB_BUTTONS)), dark)
        self.bsize = rng.choice(
            ("px-5 py-2.5 text-sm", "px-3 py-2 text-sm", "px-3 py-2 text-xs", "px-5 py-3 text-base")
        )
        self.pill = rng.random() < 0.25
        self.underline_tabs = rng.random() < 0.5

    def head(self) -> str:
        return (
            f'<link rel="stylesheet" href="{V}/flowbite/dist/flowbite.min.css">'
            f'<link rel="stylesheet" href="{V}/autoglm-ui-build/tailwind.css">'
            # both files move the toggle's knob (v4 by ``translate``, v3 by ``transform``): keep one
            "<style>[data-fb-toggle]::after{translate:none!important}</style>"
        )

    def html_attrs(self) -> str:
        return 'class="dark bg-gray-900 text-gray-300"' if self.dark else 'class="bg-white text-gray-900"'

    def spinner(self) -> str:
        return FB_SPIN.replace("{still}", self.still())

    def button(self, w: Want) -> str:
        p = self.parts(w)
        look = FB_BUTTONS_DIS[self.variant] if "dis" in p.looks else FB_BUTTONS[self.variant]
        shape = "rounded-full" if self.pill else "rounded-lg"
        cls = f"{look} font-medium {shape} {self.bsize} inline-flex items-center focus:outline-none"
        inner = esc(w.name)
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus"))
            cls = cls.replace(self.bsize, "p-2.5")
        elif self.rng.random() < 0.3:
            inner = decorative_icon(self.rng).replace("<svg ", '<svg class="w-4 h-4 me-2" ', 1) + inner
        if "spin" in p.looks:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            inner += FB_CHEVRON.format(d=FB_UP if "open" in p.looks else FB_DOWN)
            pp = self.plan_popup(w, p)
            if pp.emit:
                tail = self.dropdown(("Dashboard", "Settings", "Sign out"), "menu", pp)
        cls, attrs = self.merge_class(p, cls)
        body = f'<button type="button" class="{cls}" {attrs}>{inner}</button>'
        return f'<span class="relative inline-block">{body}{tail}</span>' if tail else body

    def dropdown(self, items: tuple[str, ...] | list[str], role: str, pp: PopupPlan) -> str:
        sub = "option" if role == "listbox" else "menuitem"
        lis = "".join(
            f'<li role="{sub}" class="block px-4 py-2 hover:bg-gray-100 dark:hover:bg-gray-600 dark:hover:text-white">{i}</li>'
            for i in items
        )
        return (
            f'<div class="absolute left-0 top-full mt-1 z-10 bg-white divide-y divide-gray-100 rounded-lg shadow-sm w-44 dark:bg-gray-700"{pp.attrs()}>'
            f'<ul class="py-2 text-sm text-gray-700 dark:text-gray-200" role="{role}">{lis}</ul></div>'
        )

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        cls = (
            "font-medium text-gray-400 dark:text-gray-500 cursor-not-allowed"
            if "dis" in p.looks
            else "font-medium text-blue-600 dark:text-blue-500 hover:underline"
        )
        return f'<a href="#go-{w.n}" class="{cls}" {p.attr()}>{inner}</a>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        look = checked_look(p)
        dis = "dis" in p.looks
        text = "text-gray-400 dark:text-gray-500" if dis else "text-gray-900 dark:text-gray-300"
        chk = " ".join(input_checked_attrs(p))
        if w.kind == "switch":
            track = (
                "relative w-11 h-6 bg-gray-200 rounded-full dark:bg-gray-700 after:content-[''] after:absolute after:top-[2px] "
                "after:start-[2px] after:bg-white after:border-gray-300 after:border after:rounded-full after:h-5 after:w-5 dark:border-gray-600"
            )
            if look == "class-on":
                track += " after:translate-x-full after:border-white bg-blue-600 dark:bg-blue-600"
            elif look != "nomark":
                track += " peer-checked:after:translate-x-full peer-checked:after:border-white peer-checked:bg-blue-600 dark:peer-checked:bg-blue-600"
            if dis:
                track += " opacity-50"
            cls, attrs = self.merge_class(p, "sr-only peer")
            return (
                f'<label class="inline-flex items-center {"cursor-not-allowed" if dis else "cursor-pointer"}"><input type="checkbox" role="switch" class="{cls}" {chk} {attrs}>'
                f'<div data-fb-toggle class="{track}"></div><span class="ms-3 text-sm font-medium {text}">{esc(w.name)}</span></label>'
            )
        rnd = "rounded-sm" if w.kind == "checkbox" else ""
        base = f"w-4 h-4 text-blue-600 bg-gray-100 border-gray-300 {rnd} focus:ring-blue-500 dark:focus:ring-blue-600 dark:ring-offset-gray-800 focus:ring-2 dark:bg-gray-700 dark:border-gray-600"
        # flowbite paints :checked with a layered !important: recolour the mark away instead
        if look == "nomark":
            base = base.replace("text-blue-600", "text-gray-100 dark:text-gray-700")
        inp = self.check_input(w, p, base)
        return f'<div class="flex items-center">{inp}<label for="f{w.n}" class="ms-2 text-sm font-medium {text}">{esc(w.name)}</label></div>'

    def _field(self, w: Want, p: Parts, field: str) -> str:
        err = "err" in p.looks
        lab = (
            "text-red-700 dark:text-red-500"
            if err
            else ("text-gray-400 dark:text-gray-500" if "dis" in p.looks else "text-gray-900 dark:text-white")
        )
        msg = ""
        if err and self.rng.random() < 0.6:
            msg = f'<p class="mt-2 text-sm text-red-600 dark:text-red-500"><span class="font-medium">Oops!</span> {self.rng.choice(("Required field.", "Invalid value."))}</p>'
        return f'<div class="w-64"><label for="f{w.n}" class="block mb-2 text-sm font-medium {lab}">{esc(w.name)}</label>{field}{msg}</div>'

    def _look(self, p: Parts) -> str:
        if "dis" in p.looks:
            return FB_DIS
        if "err" in p.looks:
            return FB_ERR
        if "ro" in p.looks:
            return FB_RO
        return FB_OK

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        cls, attrs = self.merge_class(p, f"{FB_FIELD} {self._look(p)}")
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="name@flowbite.com"' if self.rng.random() < 0.4 else ""
        return self._field(
            w, p, f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(p, f"{FB_FIELD} {self._look(p)}")
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return self._field(w, p, f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>')

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = self.dropdown(opts, "listbox", pp) if pp.emit else ""
        look = FB_BUTTONS_DIS[self.variant] if "dis" in p.looks else FB_BUTTONS[self.variant]
        chev = FB_CHEVRON.format(d=FB_UP if "open" in p.looks else FB_DOWN)
        return (
            f'<span id="l{w.n}" class="block mb-2 text-sm font-medium">{esc(w.name)}</span><span class="relative inline-block">'
            f'<button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" aria-labelledby="l{w.n}" '
            f'class="{look} font-medium rounded-lg text-sm px-5 py-2.5 text-center inline-flex items-center" {p.attr()}>{opts[0]}{chev}</button>{lb}</span>'
        )

    def tabs(self, ws: list[Want]) -> str:
        link = self.tabs_as_links()
        out = []
        for w in ws:
            p = self.parts(w, aria=link)
            if self.underline_tabs:
                cls = "inline-block p-4 border-b-2 rounded-t-lg"
                cls += (
                    " text-blue-600 border-blue-600 active dark:text-blue-500 dark:border-blue-500"
                    if "on" in p.looks
                    else " border-transparent hover:text-gray-600 hover:border-gray-300 dark:hover:text-gray-300"
                )
            else:
                cls = "inline-block p-4 rounded-t-lg"
                cls += (
                    " text-blue-600 bg-gray-100 active dark:bg-gray-800 dark:text-blue-500"
                    if "on" in p.looks
                    else " hover:text-gray-600 hover:bg-gray-50 dark:hover:bg-gray-800 dark:hover:text-gray-300"
                )
            if "dis" in p.looks:
                cls = (
                    cls.replace("text-blue-600", "") + " text-gray-400 cursor-not-allowed dark:text-gray-500"
                )
            cls, attrs = self.merge_class(p, cls)
            out.append(f'<li class="me-2" role="presentation">{self.tab_element(w, cls, attrs, link)}</li>')
        bar = "border-b border-gray-200 dark:border-gray-700"
        return (
            f'<ul class="flex flex-wrap text-sm font-medium text-center text-gray-500 dark:text-gray-400 {bar}" role="tablist">{"".join(out)}</ul>'
            f'<div role="tabpanel" class="p-4 rounded-lg bg-gray-50 dark:bg-gray-800 text-sm">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        n = len(ws)
        for i, w in enumerate(ws):
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            first = " rounded-t-xl" if i == 0 else ""
            last = "" if i < n - 1 else " border-b"
            cls = f"flex items-center justify-between w-full p-5 font-medium rtl:text-right border border-b-0 border-gray-200 dark:border-gray-700 gap-3{first}"
            cls += (
                " bg-gray-100 text-gray-900 dark:bg-gray-800 dark:text-white"
                if is_open
                else " text-gray-500 dark:text-gray-400 hover:bg-gray-100 dark:hover:bg-gray-800"
            )
            if "dis" in p.looks:
                cls += " opacity-50 cursor-not-allowed"
            cls += last if not is_open else ""
            cls, attrs = self.merge_class(p, cls)
            panel = (
                f'<div{pp.attrs()}><div class="p-5 border border-b-0 border-gray-200 dark:border-gray-700 dark:bg-gray-900{last}">'
                f'<p class="mb-2 text-gray-500 dark:text-gray-400">{self.rng.choice(PANEL_TEXT)}</p></div></div>'
                if pp.emit
                else ""
            )
            out.append(
                f'<h2><button type="button" class="{cls}" aria-expanded="{exp}" {attrs}><span>{esc(w.name)}</span>'
                f'<svg data-accordion-icon class="w-3 h-3 shrink-0" aria-hidden="true" fill="none" viewBox="0 0 10 6"><path stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="{FB_UP if is_open else FB_DOWN}"/></svg></button></h2>{panel}'
            )
        return f'<div class="w-full">{"".join(out)}</div>'


LUCIDE_DOWN = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-chevron-down"><path d="m6 9 6 6 6-6"/></svg>'
LUCIDE_LOADER = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-loader-circle {cls}" aria-hidden="true"{still}><path d="M21 12a9 9 0 1 1-6.219-8.56"/></svg>'


class Basecoat(LibKit):
    """Basecoat (shadcn/ui in plain CSS), ``basecoat-css`` 1.0.2 (``dist/basecoat-<style>.cdn.min.css``).

    Styles vega, nova, lyra, luma, maia, mira, rhea, sera; light, or dark by ``html.dark``. Basecoat draws
    its states from the DOM (``aria-invalid``, ``aria-selected``, ``:checked``, ``details[open]``), so the
    cases that need a state's look without its attribute (or the reverse) are left out.
    """

    source = "basecoat"
    unsupported = frozenset(
        {
            "*:class-checked",
            "*:class-mixed",
            "*:mark-hidden",
            "*:err-look-no-aria",
            "*:aria-invalid-no-look",
            "tab:looks-selected",
            "tab:looks-unselected",
            "accordion:looks-expanded",
            "accordion:looks-collapsed",
        }
    )
    repaints_disabled = frozenset({"textbox", "select", "checkbox", "radio", "switch"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(
            rng,
            helpers,
            rng.choice(("vega", "vega", "nova", "lyra", "luma", "maia", "mira", "rhea", "sera")),
            dark,
        )
        self.btn_variant = rng.choice(
            ("primary", "primary", "secondary", "outline", "ghost", "destructive", "")
        )
        self.btn_size = rng.choice(("", "", "sm", "lg", "xs"))
        self.tab_line = rng.random() < 0.4

    def head(self) -> str:
        return (
            f'<link rel="stylesheet" href="{V}/basecoat-css/dist/basecoat-{self.variant}.cdn.min.css">'
            # Basecoat has no indeterminate look: the project's dash, coloured as its checked box
            "<style>.input[type=checkbox]:not([role=switch]):indeterminate{background:var(--primary);border-color:var(--primary)}"
            ".input[type=checkbox]:not([role=switch]):indeterminate:after{content:'';display:block;width:.5rem;height:2px;margin:auto;"
            "margin-top:calc(50% - 1px);background:var(--primary-foreground)}</style>"
        )

    def html_attrs(self) -> str:
        return 'class="dark"' if self.dark else ""

    def spinner(self) -> str:
        return LUCIDE_LOADER.format(cls=self.h.spin, still=self.still()).replace(
            f'class="lucide lucide-loader-circle {self.h.spin}"',
            f'class="lucide lucide-loader-circle {self.h.spin}" style="border:0;margin-right:.3em"',
            1,
        )

    def _btn_attrs(self, variant: str | None = None) -> str:
        v = self.btn_variant if variant is None else variant
        out = f' data-variant="{v}"' if v else ""
        return out + (f' data-size="{self.btn_size}"' if self.btn_size else "")

    def button(self, w: Want) -> str:
        p = self.parts(w)
        inner = esc(w.name)
        size = self._btn_attrs()
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus"))
            size = size.split(" data-size")[0] + ' data-size="icon"'
        elif self.rng.random() < 0.3:
            inner = decorative_icon(self.rng) + inner
        if "spin" in p.looks:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append('aria-haspopup="menu"')
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            inner += LUCIDE_DOWN
            pp = self.plan_popup(w, p)
            if pp.emit:
                tail = self.popover(("Profile", "Billing", "Log out"), "menu", pp)
        cls, attrs = self.merge_class(p, "btn" + (f" {self.h.dim}" if "dis" in p.looks else ""))
        body = f'<button type="button" class="{cls}"{size} {attrs}>{inner}</button>'
        return (
            f'<span class="dropdown-menu" style="position:relative;display:inline-block">{body}{tail}</span>'
            if tail
            else body
        )

    def popover(self, items: tuple[str, ...] | list[str], role: str, pp: PopupPlan) -> str:
        sub = "option" if role == "listbox" else "menuitem"
        lis = "".join(f'<div role="{sub}">{i}</div>' for i in items)
        style = "position:absolute;left:0;top:100%;z-index:20;min-width:100%"
        return f'<div data-popover aria-hidden="false"{pp.attrs(style)}><div role="{role}">{lis}</div></div>'

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        if self.rng.random() < 0.5:
            return f'<a href="#go-{w.n}" class="btn{dim}" data-variant="link" {p.attr()}>{inner}</a>'
        return f'<a href="#go-{w.n}" class="underline underline-offset-4{dim}" {p.attr()}>{inner}</a>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        typ = "radio" if w.kind == "radio" else "checkbox"
        extra = ' role="switch"' if w.kind == "switch" else ""
        extra += f' name="g{w.extra.get("group", w.n)}"' if typ == "radio" else ""
        chk = " ".join(input_checked_attrs(p))
        cls, attrs = self.merge_class(p, "input")
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return f'<label class="label gap-3{dim}"><input type="{typ}" class="{cls}"{extra} {chk} {attrs}>{esc(w.name)}</label>'

    def _field(self, w: Want, p: Parts, field: str) -> str:
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.6:
            msg = f'<p role="alert" class="text-destructive text-sm">{self.rng.choice(("This field is required.", "Enter a valid value."))}</p>'
        inv = ' data-invalid="true"' if "err" in p.looks else ""
        return f'<div class="field"{inv} style="max-width:16rem"><label for="f{w.n}">{esc(w.name)}</label>{field}{msg}</div>'

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        cls, attrs = self.merge_class(
            p,
            "input"
            + (f" {self.h.dim}" if "dis" in p.looks else "")
            + (f" {self.h.ro}" if "ro" in p.looks else ""),
        )
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="name@example.com"' if self.rng.random() < 0.4 else ""
        return self._field(
            w, p, f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(p, "select" + (f" {self.h.dim}" if "dis" in p.looks else ""))
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return self._field(w, p, f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>')

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = self.popover(opts, "listbox", pp) if pp.emit else ""
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return (
            f'<div class="field" style="max-width:16rem"><span id="l{w.n}" class="label">{esc(w.name)}</span>'
            f'<div class="select" style="position:relative"><button type="button" class="btn{dim}" data-variant="outline" role="combobox" aria-haspopup="listbox" '
            f'aria-expanded="{exp}" aria-labelledby="l{w.n}" {p.attr()}><span class="truncate">{opts[0]}</span>{LUCIDE_DOWN}</button>{lb}</div></div>'
        )

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = looks_and_attrs(
                w, aria_disabled=w.case != "dis-attr-looks-enabled" and self.rng.random() < 0.5
            )
            cls, attrs = self.merge_class(p, self.h.dim if w.case == "dis-look-only" else "")
            if w.case == "dis-attr-looks-enabled":
                cls += f" {self.h.ne}"
            out.append(
                f'<button type="button" role="tab" class="{cls}" tabindex="0" {attrs}>{esc(w.name)}</button>'
            )
        line = ' data-variant="line"' if self.tab_line else ""
        return (
            f'<div class="tabs"><nav role="tablist" aria-orientation="horizontal"{line}>{"".join(out)}</nav>'
            f'<div role="tabpanel" style="padding:.75rem 0">{self.rng.choice(PANEL_TEXT)}</div></div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)
            op = " open" if "open" in p.looks else ""
            attrs = p.attr()
            if w.case == "dis-look-only":
                attrs += f' class="{self.h.dim}"'
            elif w.case == "dis-attr-looks-enabled":
                attrs += f' class="{self.h.ne}" style="opacity:1;pointer-events:auto"'
            out.append(
                f"<details{op}><summary {attrs}><h2>{esc(w.name)}</h2>{LUCIDE_DOWN}</summary>"
                f"<section><p>{self.rng.choice(PANEL_TEXT)}</p></section></details>"
            )
        return f'<section class="accordion" style="max-width:36rem">{"".join(out)}</section>'


KITS: dict[str, KitClass] = {
    "carbon": Carbon,
    "blueprint": Blueprint,
    "fundamental": Fundamental,
    "flowbite": Flowbite,
    "basecoat": Basecoat,
}
