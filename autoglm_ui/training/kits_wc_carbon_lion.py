# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the Carbon and Lion web-component libraries: @carbon/web-components, @lion/ui.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``); each library's
elements are bundled from ``fixtures/vendor/wc/<source>.js`` by ``fixtures/vendor/build-wc.js``.
The control is the custom element: ``data-agl`` and the DOM half (the attributes the component
documents) go on the host, the visual half is drawn with what the component offers (``::part()``,
its design tokens as custom properties, its own attributes).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.styles import safe_token
from autoglm_ui.training.widgets import (
    Want,
    checked_dom,
    checked_look,
    decorative_icon,
    esc,
    icon,
    looks_and_attrs,
)

NODE_MODULES = Path(__file__).resolve().parents[2] / "fixtures" / "vendor" / "node_modules"


@dataclass
class State:
    """Both halves of a control, read off :func:`looks_and_attrs`: what the DOM says, what it looks like."""

    dis_dom: bool
    dis_look: bool
    err_dom: bool
    err_look: bool
    busy_dom: bool
    spin: bool
    sel_dom: bool
    on: bool
    exp_dom: bool
    open: bool
    ro: bool
    chk_dom: str
    chk_look: str
    sel_told: bool  # aria-selected written at all (class-only tab groups omit it)


def state(w: Want) -> State:
    p = looks_and_attrs(w)
    a, lk = p.attrs, p.looks
    return State(
        dis_dom="disabled" in a or 'aria-disabled="true"' in a,
        dis_look="dis" in lk,
        err_dom='aria-invalid="true"' in a,
        err_look="err" in lk,
        busy_dom='aria-busy="true"' in a,
        spin="spin" in lk,
        sel_dom='aria-selected="true"' in a,
        on="on" in lk,
        exp_dom="dom-open" in lk,
        open="open" in lk,
        ro="ro" in lk,
        chk_dom=checked_dom(p),
        chk_look=checked_look(p),
        sel_told=any(x.startswith("aria-selected") for x in a),
    )


@lru_cache(maxsize=8)
def carbon_theme_css(theme: str) -> str:
    """The token block of one Carbon theme (``.cds--g100 {...}``) from @carbon/styles' CSS on disk.

    The whole stylesheet is not linked: it fetches IBM Plex from a CDN. Only the theme's custom
    properties are inlined; the components' own styles live in their shadow roots.
    """
    path = NODE_MODULES / "@carbon" / "styles" / "css" / "styles.css"
    try:
        css = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    m = re.search(r"\n\.cds--" + re.escape(theme) + r" \{([^}]*)\}", css)
    return f".cds--{theme}{{{m.group(1)}}}" if m else ""


class CarbonWC(LibKit):
    """IBM Carbon web components, @carbon/web-components 2.63.0 (themes from @carbon/styles 1.116.0).

    Themes white/g10 (light) and g90/g100 (dark) as the theme class on ``<html>``; button kinds and
    sizes, field sizes, line or contained tabs, accordion alignment and sizes vary per page.
    """

    source = "carbonwc"
    unsupported = frozenset(
        {
            # the host's aria-busy / aria-expanded never reach the shadow <button>/<a>
            "button:aria-busy-no-spinner",
            "link:aria-busy-no-spinner",
            "button:looks-expanded",
            "button:looks-collapsed",
            # a disabled cds-link renders a <p>: no link is left to carry the attribute
            "link:dis-attr-looks-enabled",
            # cds-text-input never writes aria-invalid; cds-select writes it together with its look
            "textbox:aria-invalid-no-look",
            "select:aria-invalid-no-look",
            "select:err-look-no-aria",
            # the toggle's knob and the radio's dot follow the checked state inside the shadow root
            "switch:mark-hidden",
            "switch:class-checked",
            "radio:mark-hidden",
            "radio:class-checked",
        }
    )

    KINDS = (
        "primary",
        "primary",
        "secondary",
        "tertiary",
        "ghost",
        "danger",
        "danger-tertiary",
        "danger-ghost",
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        theme = rng.choice(("g90", "g100")) if dark else rng.choice(("white", "white", "g10"))
        super().__init__(rng, helpers, theme, dark)
        self.btn_kind = rng.choice(self.KINDS)
        self.btn_size = rng.choice(("sm", "md", "lg", "lg", "xl"))
        self.field_size = rng.choice(("sm", "md", "md", "lg"))
        self.link_size = rng.choice(("sm", "md", "lg"))
        self.tab_type = rng.choice(("", "", "contained"))
        self.acc_align = rng.choice(("end", "end", "start"))
        self.acc_size = rng.choice(("sm", "md", "lg"))
        self.k = {r: safe_token(rng, 6) for r in ("dis", "ne", "nomark", "on", "mixed", "open", "shut")}

    # ---- page ----------------------------------------------------------------------------------
    def head(self) -> str:
        k = self.k
        ghostish = "cds-button[kind$=ghost]"
        tert = "cds-button[kind$=tertiary]"
        css = (
            carbon_theme_css(self.variant)
            + "body{font-family:'IBM Plex Sans','Helvetica Neue',Arial,sans-serif;background:var(--cds-background);color:var(--cds-text-primary)}"
            # buttons: Carbon's disabled look without the attribute, and the enabled look with it
            + f"cds-button.{k['dis']}::part(button){{background:var(--cds-button-disabled);border-color:var(--cds-button-disabled);color:var(--cds-text-on-color-disabled);cursor:not-allowed;box-shadow:none}}"
            + f"{ghostish}.{k['dis']}::part(button){{background:transparent;border-color:transparent;color:var(--cds-text-disabled)}}"
            + f"{tert}.{k['dis']}::part(button){{background:transparent;color:var(--cds-text-disabled)}}"
            + f"cds-button.{k['ne']}::part(button){{cursor:pointer;color:var(--cds-text-on-color)}}"
            + f"cds-button[kind=primary].{k['ne']}::part(button){{background:var(--cds-button-primary);border-color:var(--cds-button-primary)}}"
            + f"cds-button[kind=secondary].{k['ne']}::part(button){{background:var(--cds-button-secondary);border-color:var(--cds-button-secondary)}}"
            + f"cds-button[kind=danger].{k['ne']}::part(button){{background:var(--cds-button-danger-primary);border-color:var(--cds-button-danger-primary)}}"
            + f"cds-button[kind=tertiary].{k['ne']}::part(button){{background:transparent;border-color:var(--cds-button-tertiary);color:var(--cds-button-tertiary)}}"
            + f"cds-button[kind=danger-tertiary].{k['ne']}::part(button){{background:transparent;border-color:var(--cds-button-danger-secondary);color:var(--cds-button-danger-secondary)}}"
            + f"cds-button[kind=ghost].{k['ne']}::part(button){{background:transparent;border-color:transparent;color:var(--cds-link-primary)}}"
            + f"cds-button[kind=danger-ghost].{k['ne']}::part(button){{background:transparent;border-color:transparent;color:var(--cds-button-danger-secondary)}}"
            # links
            + f"cds-link.{k['dis']}::part(link){{color:var(--cds-text-disabled);cursor:not-allowed;text-decoration:none}}"
            # checkboxes: parts input/label; the box is label::before, the mark label::after
            + f"cds-checkbox.{k['dis']}::part(label){{color:var(--cds-text-disabled);cursor:not-allowed}}"
            + f"cds-checkbox.{k['dis']}::part(label)::before{{border-color:var(--cds-icon-disabled)}}"
            + f"cds-checkbox.{k['dis']}[checked]::part(label)::before,cds-checkbox.{k['dis']}[indeterminate]::part(label)::before,cds-checkbox.{k['dis']}.{k['on']}::part(label)::before,cds-checkbox.{k['dis']}.{k['mixed']}::part(label)::before{{background-color:var(--cds-icon-disabled)}}"
            + f"cds-checkbox.{k['ne']}::part(label){{color:var(--cds-text-primary);cursor:pointer}}"
            + f"cds-checkbox.{k['ne']}::part(label)::before{{border-color:var(--cds-icon-primary)}}"
            + f"cds-checkbox.{k['ne']}[checked]::part(label)::before,cds-checkbox.{k['ne']}[indeterminate]::part(label)::before{{background-color:var(--cds-icon-primary)}}"
            + f"cds-checkbox.{k['nomark']}::part(label)::before{{background-color:transparent;border:1px solid var(--cds-icon-primary)}}"
            + f"cds-checkbox.{k['nomark']}::part(label)::after{{transform:scale(0) rotate(-45deg)}}"
            + f"cds-checkbox.{k['on']}::part(label)::before,cds-checkbox.{k['mixed']}::part(label)::before{{border:1px solid transparent;background-color:var(--cds-icon-primary)}}"
            + f"cds-checkbox.{k['on']}::part(label)::after{{transform:scale(1) rotate(-45deg)}}"
            + f"cds-checkbox.{k['mixed']}::part(label)::after{{border-block-end:2px solid var(--cds-icon-inverse);border-inline-start:0 solid var(--cds-icon-inverse);inline-size:.5rem;inset-block-start:.6875rem;transform:scale(1) rotate(0deg)}}"
            # accordion items: parts expando / expando-icon / title / content
            + f"cds-accordion-item.{k['dis']}::part(expando){{cursor:not-allowed}}"
            + f"cds-accordion-item.{k['dis']}::part(title){{color:var(--cds-text-disabled)}}"
            + f"cds-accordion-item.{k['dis']}::part(expando-icon){{fill:var(--cds-icon-disabled)}}"
            + f"cds-accordion-item.{k['ne']}::part(expando){{cursor:pointer}}"
            + f"cds-accordion-item.{k['ne']}::part(title){{color:var(--cds-text-primary)}}"
            + f"cds-accordion-item.{k['ne']}::part(expando-icon){{fill:var(--cds-icon-primary)}}"
            + f"cds-accordion-item.{k['open']}::part(content){{display:block}}"
            + f"cds-accordion-item.{k['open']}::part(expando-icon){{transform:rotate(-90deg)}}"
            + f"cds-accordion-item.{k['shut']}::part(content){{display:none}}"
            + f"cds-accordion-item.{k['shut']}::part(expando-icon){{transform:rotate(-270deg)}}"
            # dropdown (select-only combobox): part menu-body is the listbox
            + f"cds-dropdown.{k['open']}::part(menu-body){{display:block;max-block-size:15rem}}"
            + f"cds-dropdown.{k['shut']}::part(menu-body){{display:none}}"
        )
        return f'<script src="{V}/autoglm-ui-build/wc/carbonwc.js"></script><style>{css}</style>'

    def html_attrs(self) -> str:
        return f'class="cds--{self.variant}"'

    # ---- helpers ---------------------------------------------------------------------------------
    def flags(self, s: State) -> tuple[str, str]:
        """(classes, attributes) of the availability halves: the attribute, the look, or the override."""
        cls = self.k["dis"] if s.dis_look and not s.dis_dom else ""
        cls = self.k["ne"] if s.dis_dom and not s.dis_look else cls
        return cls, (" disabled" if s.dis_dom else "")

    @staticmethod
    def tokens(pairs: dict[str, str]) -> str:
        return ";".join(f"--cds-{a}:var(--cds-{b})" for a, b in pairs.items())

    def loading(self) -> str:
        """Carbon's inline loading spinner (``cds-inline-loading``), placed before the label."""
        return (
            '<cds-inline-loading status="active" aria-live="off" style="--cds-interactive:currentColor;'
            'display:inline-flex;inline-size:auto;min-block-size:0;vertical-align:middle;margin-inline-end:.25rem"></cds-inline-loading>'
        )

    # ---- kinds -------------------------------------------------------------------------------
    def button(self, w: Want) -> str:
        s = state(w)
        cls, dis = self.flags(s)
        kind = self.btn_kind if self.rng.random() < 0.75 else self.rng.choice(self.KINDS)
        size = self.btn_size if self.rng.random() < 0.8 else self.rng.choice(("sm", "md", "lg"))
        inner = esc(w.name)
        extra = ""
        if w.icon_only:
            inner = icon(w.extra.get("icon", "plus")).replace(
                "<svg ", '<svg slot="icon" fill="currentColor" ', 1
            )
            extra = f' tooltip-text="{esc(w.name)}" tooltip-position="bottom"'
        elif self.rng.random() < 0.3:
            inner += decorative_icon(self.rng).replace("<svg ", '<svg slot="icon" ', 1)
        if s.spin:
            inner = self.loading() + inner
        body = f'<cds-button data-agl="{w.n}" kind="{kind}" size="{size}" class="{cls}"{dis}{extra}>{inner}</cds-button>'
        if w.v("expanded") is not None and s.open:
            menu = self.popup(
                ("Rename", "Duplicate", "Archive"), "menu", self.plan_popup(w, looks_and_attrs(w))
            )
            return f'<span style="position:relative;display:inline-block">{body}{menu}</span>'
        return body

    def link(self, w: Want) -> str:
        s = state(w)
        spin = self.loading() if s.spin else ""
        if s.dis_dom:  # cds-link[disabled] renders a <p>; pages keep a link and say aria-disabled
            return (
                f'<a href="#go-{w.n}" data-agl="{w.n}" aria-disabled="true" style="color:var(--cds-text-disabled);'
                f'cursor:not-allowed;text-decoration:none;font-size:.875rem">{spin}{esc(w.name)}</a>'
            )
        cls = self.k["dis"] if s.dis_look else ""
        inline = " inline" if self.rng.random() < 0.3 else ""
        return (
            f'<cds-link data-agl="{w.n}" href="#go-{w.n}" size="{self.link_size}" class="{cls}"{inline}>'
            f"{spin}{esc(w.name)}</cds-link>"
        )

    def check(self, w: Want) -> str:
        s = state(w)
        cls, dis = self.flags(s)
        if w.kind == "switch":
            return self.toggle(w, s, dis)
        if w.kind == "radio":
            style = ""
            if cls == self.k["dis"]:
                style = (
                    self.tokens({"icon-primary": "icon-disabled", "text-primary": "text-disabled"})
                    + ";cursor:not-allowed"
                )
            elif cls == self.k["ne"]:
                style = self.tokens({"icon-disabled": "icon-primary", "text-disabled": "text-primary"})
            chk = " checked" if s.chk_dom == "checked" else ""
            return (
                f'<cds-radio-button data-agl="{w.n}" id="f{w.n}" name="g{w.extra.get("group", w.n)}" value="v{w.n}" '
                f'label-text="{esc(w.name)}" style="{style}"{chk}{dis}></cds-radio-button>'
            )
        marks = {"nomark": self.k["nomark"], "class-on": self.k["on"], "class-mixed": self.k["mixed"]}
        cls = f"{cls} {marks.get(s.chk_look, '')}".strip()
        chk = {"checked": " checked", "mixed": " indeterminate"}.get(s.chk_dom, "")
        return (
            f'<cds-checkbox data-agl="{w.n}" id="f{w.n}" class="{cls}"{chk}{dis}>{esc(w.name)}</cds-checkbox>'
        )

    def toggle(self, w: Want, s: State, dis: str) -> str:
        on = s.chk_dom == "checked"
        style = ""
        if s.dis_look and not s.dis_dom:
            style = (
                self.tokens(
                    {
                        "toggle-off": "button-disabled",
                        "support-success": "button-disabled",
                        "icon-on-color": "icon-on-color-disabled",
                        "text-primary": "text-disabled",
                        "text-secondary": "text-disabled",
                    }
                )
                + ";cursor:not-allowed"
            )
        elif s.dis_dom and not s.dis_look:
            style = self.tokens(
                {
                    "button-disabled": "support-success" if on else "toggle-off",
                    "icon-on-color-disabled": "icon-on-color",
                    "text-disabled": "text-primary",
                }
            )
        small = ' size="sm"' if self.rng.random() < 0.3 else ""
        labels = ' label-a="On" label-b="Off"' if self.rng.random() < 0.7 else ' label-a="" label-b=""'
        return (
            f'<cds-toggle data-agl="{w.n}" id="f{w.n}" label-text="{esc(w.name)}"{labels}{small} '
            f'style="{style}"{" checked" if on else ""}{dis}></cds-toggle>'
        )

    def field_style(self, s: State) -> str:
        if s.dis_look and not s.dis_dom:
            return (
                self.tokens(
                    {
                        "border-strong": "field",
                        "text-primary": "text-disabled",
                        "text-secondary": "text-disabled",
                        "text-placeholder": "text-disabled",
                        "icon-primary": "icon-disabled",
                    }
                )
                + ";cursor:not-allowed"
            )
        if s.dis_dom and not s.dis_look:
            return self.tokens({"text-disabled": "text-primary", "icon-disabled": "icon-primary"})
        return ""

    def textbox(self, w: Want) -> str:
        s = state(w)
        _, dis = self.flags(s)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if s.ro:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        inv = ""
        if s.err_look:
            inv = f' invalid invalid-text="{self.rng.choice(("Required", "Enter a valid value", "Check this field"))}"'
        helper = ' helper-text="Optional"' if self.rng.random() < 0.2 and not s.err_look else ""
        ro = " readonly" if s.ro else ""
        style = self.field_style(s)
        if s.dis_dom and not s.dis_look:  # Carbon drops the bottom border of a disabled field
            style += ";--cds-field:var(--cds-field)"
        width = self.rng.choice(("16rem", "18rem", "20rem"))
        return (
            f'<cds-text-input data-agl="{w.n}" id="f{w.n}" label="{esc(w.name)}" type="{typ}" value="{value}" '
            f'size="{self.field_size}" style="display:block;max-width:{width};{style}"{ph}{inv}{helper}{ro}{dis}></cds-text-input>'
        )

    def select(self, w: Want) -> str:
        s = state(w)
        _, dis = self.flags(s)
        opts = self.rng.sample(OPTION_WORDS, 4)
        style = self.field_style(s)
        width = self.rng.choice(("14rem", "16rem", "18rem"))
        inv = ' invalid invalid-text="Choose an option"' if s.err_look else ""
        if w.mode == "combobox" and (not s.dis_dom or s.open or s.exp_dom):
            # cds-dropdown: a div role=combobox; its disabled look writes no aria-disabled
            cls = (
                self.k["open"]
                if s.open and not s.exp_dom
                else self.k["shut"]
                if s.exp_dom and not s.open
                else ""
            )
            op = " open" if s.exp_dom else ""
            dd_dis = " disabled" if s.dis_look else ""
            items = "".join(f'<cds-dropdown-item value="{o}">{o}</cds-dropdown-item>' for o in opts)
            return (
                f'<cds-dropdown data-agl="{w.n}" id="f{w.n}" title-text="{esc(w.name)}" value="{opts[0]}" label="{opts[0]}" '
                f'size="{self.field_size}" class="{cls}" style="display:block;width:{width};max-width:100%"{op}{dd_dis}{inv}>{items}</cds-dropdown>'
            )
        items = "".join(f'<cds-select-item value="{o}">{o}</cds-select-item>' for o in opts)
        return (
            f'<cds-select data-agl="{w.n}" id="f{w.n}" label-text="{esc(w.name)}" value="{opts[0]}" size="{self.field_size}" '
            f'style="display:block;width:{width};max-width:100%;{style}"{inv}{dis}>{items}</cds-select>'
        )

    def tabs(self, ws: list[Want]) -> str:
        out = []
        chosen = "none"
        for w in ws:
            s = state(w)
            if s.sel_dom:
                chosen = f"t{w.n}"
            pairs: dict[str, str] = {}
            if s.on and not s.sel_dom:  # the selected look on an unselected tab
                pairs.update(
                    {
                        "border-subtle": "border-interactive",
                        "text-secondary": "text-primary",
                        "layer-accent": "layer",
                        "body-compact-01-font-weight": "heading-compact-01-font-weight",
                    }
                )
            elif s.sel_dom and not s.on:  # a selected tab drawn as the others
                pairs.update(
                    {
                        "border-interactive": "border-subtle",
                        "text-primary": "text-secondary",
                        "layer": "layer-accent",
                        "heading-compact-01-font-weight": "body-compact-01-font-weight",
                    }
                )
            style = self.tokens(pairs)
            if s.dis_look and not s.dis_dom:
                style += (
                    ";"
                    + self.tokens(
                        {
                            "text-secondary": "text-disabled",
                            "text-primary": "text-disabled",
                            "border-subtle": "border-disabled",
                        }
                    )
                    + ";cursor:not-allowed"
                )
            elif s.dis_dom and not s.dis_look:
                style += ";" + self.tokens(
                    {"text-disabled": "text-secondary", "border-disabled": "border-subtle"}
                )
            dis = " disabled" if s.dis_dom else ""
            out.append(
                f'<cds-tab data-agl="{w.n}" id="t{w.n}" value="t{w.n}" style="{style}"{dis}>{esc(w.name)}</cds-tab>'
            )
        typ = f' type="{self.tab_type}"' if self.tab_type else ""
        return (
            f'<cds-tabs value="{chosen}" selected-index="99"{typ}>{"".join(out)}</cds-tabs>'
            f'<div role="tabpanel" style="padding:1rem 0">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            s = state(w)
            cls, dis = self.flags(s)
            if s.open and not s.exp_dom:
                cls += " " + self.k["open"]
            elif s.exp_dom and not s.open:
                cls += " " + self.k["shut"]
            op = " open" if s.exp_dom else ""
            out.append(
                f'<cds-accordion-item data-agl="{w.n}" title="{esc(w.name)}" class="{cls.strip()}"{op}{dis}>'
                f"<p>{self.rng.choice(PANEL_TEXT)}</p></cds-accordion-item>"
            )
        return f'<cds-accordion alignment="{self.acc_align}" size="{self.acc_size}">{"".join(out)}</cds-accordion>'


LION_ACCENTS = (
    ("#2563eb", "#1d4ed8"),
    ("#0f766e", "#115e59"),
    ("#7c3aed", "#6d28d9"),
    ("#db2777", "#be185d"),
    ("#ea580c", "#c2410c"),
    ("#334155", "#1e293b"),
)
CHECK_SVG = "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M3 8.5l3 3 7-7' fill='none' stroke='white' stroke-width='2.2'/%3E%3C/svg%3E\")"


class Lion(LibKit):
    """ING's Lion web components, @lion/ui 0.21.1: white-label (unstyled) elements, given a simple own style here.

    Lion draws almost nothing itself, so the look is this kit's stylesheet, keyed to classes on the
    hosts (never to the states Lion writes), which keeps the DOM half and the visual half apart.
    Accent colour, corner radius and button fill vary per page; Lion has no dark theme: pages are light.
    """

    source = "lion"
    unsupported = frozenset(
        {
            # lion-switch-button paints its knob from its own [checked] inside its shadow root
            "switch:mark-hidden",
            "switch:class-checked",
            # lion-tabs always writes aria-selected on every tab (no class-only groups possible)
            "tab:looks-selected",
            "tab:looks-unselected",
        }
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        accent, deep = rng.choice(LION_ACCENTS)
        super().__init__(rng, helpers, f"accent{LION_ACCENTS.index((accent, deep))}", False)
        self.accent, self.deep = accent, deep
        self.radius = rng.choice((0, 4, 6, 8, 999))
        self.fill = rng.choice(("solid", "solid", "outline", "soft"))
        self.k = {
            r: safe_token(rng, 6)
            for r in (
                "btn",
                "link",
                "box",
                "field",
                "dis",
                "err",
                "ro",
                "on",
                "mixed",
                "nomark",
                "tab",
                "acc",
                "open",
                "shut",
                "combo",
                "lbl",
            )
        }
        self.c = {
            "combo": self.k["combo"],
            "dis": self.k["dis"],
            "err": self.k["err"],
            "on": self.k["on"],
            "open": self.k["open"],
            "ro": self.k["ro"],
        }

    def head(self) -> str:
        k, a, d = self.k, self.accent, self.deep
        r = f"{min(self.radius, 8)}px"
        br = f"{self.radius}px"
        btn = {
            "solid": f"background:{a};color:#fff;border:1px solid {a}",
            "outline": f"background:#fff;color:{d};border:1px solid {a}",
            "soft": f"background:{a}1f;color:{d};border:1px solid transparent",
        }[self.fill]
        css = (
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937;background:#fafafa}"
            f"lion-button.{k['btn']}{{display:inline-flex;align-items:center;gap:.4em;padding:.5em 1.1em;border-radius:{br};font-weight:600;font-size:14px;{btn};cursor:pointer}}"
            f"lion-button.{k['btn']}.{k['dis']}{{background:#e5e7eb;color:#9ca3af;border-color:#e5e7eb;cursor:not-allowed}}"
            f"a.{k['link']}{{color:{d};text-decoration:underline;text-underline-offset:2px}}"
            f"a.{k['link']}.{k['dis']}{{color:#9ca3af;text-decoration:none;cursor:not-allowed}}"
            f".{k['lbl']}{{display:inline-flex;align-items:center;gap:.5em;font-size:14px}}"
            f".{k['box']} input[slot=input]{{appearance:none;-webkit-appearance:none;width:18px;height:18px;margin:0 .5em 0 0;border:2px solid #6b7280;border-radius:{min(self.radius, 5)}px;background:#fff;vertical-align:-4px}}"
            f"lion-radio.{k['box']} input[slot=input]{{border-radius:50%}}"
            f".{k['box']}.{k['on']} input[slot=input]{{background:{a} {CHECK_SVG} center/14px no-repeat;border-color:{a}}}"
            f"lion-radio.{k['box']}.{k['on']} input[slot=input]{{background:#fff;box-shadow:inset 0 0 0 4px #fff,inset 0 0 0 9px {a}}}"
            f".{k['box']}.{k['mixed']} input[slot=input]{{background:{a} linear-gradient(#fff,#fff) center/9px 2px no-repeat;border-color:{a}}}"
            f".{k['box']}.{k['dis']}{{color:#9ca3af;cursor:not-allowed}}"
            f".{k['box']}.{k['dis']} input[slot=input]{{border-color:#d1d5db;background-color:#f3f4f6}}"
            f".{k['box']}.{k['dis']}.{k['on']} input[slot=input],.{k['box']}.{k['dis']}.{k['mixed']} input[slot=input]{{background-color:#d1d5db;border-color:#d1d5db}}"
            f"lion-switch.{k['box']}{{font-size:14px}}"
            f"lion-switch.{k['box']} lion-switch-button{{width:40px;height:20px;border-radius:999px;overflow:hidden;margin-left:.5em;vertical-align:-5px;box-shadow:0 0 0 1px #9ca3af}}"
            f"lion-switch.{k['box']}.{k['on']} lion-switch-button{{box-shadow:0 0 0 2px {a}}}"
            f"lion-switch.{k['box']}.{k['dis']}{{opacity:.45;cursor:not-allowed}}"
            f"lion-input.{k['field']},lion-select.{k['field']}{{display:block;max-width:18rem;font-size:14px}}"
            f".{k['field']} [slot=label]{{display:block;font-weight:600;margin-bottom:.3em}}"
            f".{k['field']} input[slot=input],.{k['field']} select[slot=input]{{box-sizing:border-box;width:100%;padding:.5em .7em;border:1px solid #9ca3af;border-radius:{r};background:#fff;color:#111827;font:inherit}}"
            f".{k['field']}.{k['err']} input[slot=input],.{k['field']}.{k['err']} select[slot=input]{{border-color:#dc2626;box-shadow:0 0 0 2px #fecaca}}"
            f".{k['field']} [slot=feedback]{{display:none}}"
            f".{k['field']}.{k['err']} [slot=feedback]{{display:block;color:#b91c1c;font-size:12px;margin-top:.25em}}"
            f".{k['field']}.{k['ro']} input[slot=input]{{background:#f3f4f6;border-style:dashed;color:#374151}}"
            f".{k['field']}.{k['dis']} input[slot=input],.{k['field']}.{k['dis']} select[slot=input]{{background:#f3f4f6;color:#9ca3af;border-color:#e5e7eb;cursor:not-allowed}}"
            f".{k['field']}.{k['dis']} [slot=label]{{color:#9ca3af}}"
            f"button.{k['combo']}{{min-width:12rem;text-align:left;padding:.5em .7em;border:1px solid #9ca3af;border-radius:{r};background:#fff;font:inherit;font-size:14px}}"
            f"button.{k['combo']}.{k['dis']}{{background:#f3f4f6;color:#9ca3af;border-color:#e5e7eb}}"
            f"button.{k['combo']}.{k['err']}{{border-color:#dc2626;box-shadow:0 0 0 2px #fecaca}}"
            f"lion-tabs button.{k['tab']}{{background:none;border:0;border-bottom:2px solid transparent;padding:.6em 1em;font:inherit;font-size:14px;color:#4b5563;cursor:pointer}}"
            f"lion-tabs button.{k['tab']}.{k['on']}{{border-bottom-color:{a};color:{d};font-weight:600}}"
            f"lion-tabs button.{k['tab']}.{k['dis']}{{color:#c0c4cc;cursor:not-allowed}}"
            f"lion-tabs{{border-bottom:1px solid #e5e7eb}}"
            f"lion-accordion h3{{margin:0;border-bottom:1px solid #e5e7eb}}"
            f"button.{k['acc']}{{display:flex;width:100%;justify-content:space-between;align-items:center;background:none;border:0;padding:.8em .2em;font:inherit;font-size:15px;font-weight:600;color:#111827;cursor:pointer}}"
            f"button.{k['acc']}::after{{content:'';width:.5em;height:.5em;border-right:2px solid currentColor;border-bottom:2px solid currentColor;transform:rotate(45deg);margin:0 .4em}}"
            f"button.{k['acc']}.{k['open']}::after{{transform:rotate(-135deg)}}"
            f"button.{k['acc']}.{k['dis']}{{color:#b0b4bb;cursor:not-allowed}}"
            f"lion-accordion [slot=content]{{margin:.5em .2em 1em;font-size:14px}}"
            f"lion-accordion [slot=content].{k['open']}{{display:block!important}}"
            f"lion-accordion [slot=content].{k['shut']}{{display:none!important}}"
        )
        return f'<script src="{V}/autoglm-ui-build/wc/lion.js"></script><style>{css}</style>'

    @staticmethod
    def invalid_script() -> str:
        """Attach the failing validator to the element just written: Lion shows its error and sets aria-invalid."""
        return "<script>(e=>{e.validators=[new window.AglInvalid()];e.submitted=true})(document.currentScript.previousElementSibling)</script>"

    def button(self, w: Want) -> str:
        s = state(w)
        cls = f"{self.k['btn']} {self.k['dis'] if s.dis_look else ''}".strip()
        attrs = (
            [f'data-agl="{w.n}"']
            + (["disabled"] if s.dis_dom else [])
            + (['aria-busy="true"'] if s.busy_dom else [])
        )
        inner = esc(w.name)
        if w.icon_only:
            attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus"))
        elif self.rng.random() < 0.3:
            inner = decorative_icon(self.rng) + inner
        if s.spin:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            p = looks_and_attrs(w)
            attrs += ['aria-haspopup="menu"', f'aria-expanded="{"true" if s.exp_dom else "false"}"']
            pp = self.plan_popup(w, p)
            attrs += [a for a in p.attrs if a.startswith("aria-controls")]
            if pp.emit:
                tail = self.popup(("Rename", "Duplicate", "Archive"), "menu", pp)
        body = f'<lion-button class="{cls}" {" ".join(attrs)}>{inner}</lion-button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        cls = f"{self.k['link']} {self.k['dis'] if 'dis' in p.looks else ''}".strip()
        return f'<a href="#go-{w.n}" class="{cls}" {p.attr()}>{inner}</a>'

    def check(self, w: Want) -> str:
        s = state(w)
        look = {
            "checked": self.k["on"],
            "class-on": self.k["on"],
            "mixed": self.k["mixed"],
            "class-mixed": self.k["mixed"],
        }.get(s.chk_look, "")
        cls = f"{self.k['box']} {look} {self.k['dis'] if s.dis_look else ''}".strip()
        dis = " disabled" if s.dis_dom else ""
        chk = " checked" if s.chk_dom == "checked" else ""
        if w.kind == "switch":
            return (
                f'<lion-switch data-agl="{w.n}" class="{cls}" label="{esc(w.name)}"{chk}{dis}></lion-switch>'
            )
        tag = "lion-radio" if w.kind == "radio" else "lion-checkbox"
        el = f'<{tag} data-agl="{w.n}" class="{cls}" label="{esc(w.name)}" choice-value="v{w.n}"{chk}{dis}></{tag}>'
        # Lion's checkbox has no mixed attribute: its native input is set, as pages do
        if s.chk_dom == "mixed":
            el += "<script>(e=>e.updateComplete.then(()=>{e._inputNode.indeterminate=true}))(document.currentScript.previousElementSibling)</script>"
        return el

    def field_cls(self, s: State) -> str:
        looks = [self.k[x] for x, on in (("err", s.err_look), ("ro", s.ro), ("dis", s.dis_look)) if on]
        return " ".join([self.k["field"], *looks])

    def textbox(self, w: Want) -> str:
        s = state(w)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if s.ro or (s.err_dom and not value):  # Lion validates a filled field only (Required aside)
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        attrs = ("" if not s.dis_dom else " disabled") + (" readonly" if s.ro else "")
        el = (
            f'<lion-input data-agl="{w.n}" class="{self.field_cls(s)}" label="{esc(w.name)}" type="{typ}" '
            f'value="{value}"{ph}{attrs}></lion-input>'
        )
        return el + (self.invalid_script() if s.err_dom else "")

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        s = state(w)
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        dis = " disabled" if s.dis_dom else ""
        el = (
            f'<lion-select data-agl="{w.n}" class="{self.field_cls(s)}" label="{esc(w.name)}"{dis}>'
            f'<select slot="input">{opts}</select></lion-select>'
        )
        return el + (self.invalid_script() if s.err_dom else "")

    def tabs(self, ws: list[Want]) -> str:
        sel = 0
        out = []
        for i, w in enumerate(ws):
            s = state(w)
            if s.sel_dom:
                sel = i
            cls = " ".join(
                x
                for x in (self.k["tab"], self.k["on"] if s.on else "", self.k["dis"] if s.dis_look else "")
                if x
            )
            dis = " disabled" if s.dis_dom else ""
            out.append(f'<button slot="tab" data-agl="{w.n}" class="{cls}"{dis}>{esc(w.name)}</button>')
            out.append(f'<p slot="panel" style="font-size:14px">{self.rng.choice(PANEL_TEXT)}</p>')
        return f'<lion-tabs selected-index="{sel}">{"".join(out)}</lion-tabs>'

    def accordion(self, ws: list[Want]) -> str:
        out = []
        expanded = []
        for i, w in enumerate(ws):
            s = state(w)
            if s.exp_dom:
                expanded.append(str(i))
            cls = " ".join(
                x
                for x in (
                    self.k["acc"],
                    self.k["open"] if s.open else "",
                    self.k["dis"] if s.dis_look else "",
                )
                if x
            )
            dis = " disabled" if s.dis_dom else ""
            panel = self.k["open"] if s.open else self.k["shut"]
            out.append(
                f'<h3 slot="invoker"><button data-agl="{w.n}" class="{cls}"{dis}>{esc(w.name)}</button></h3>'
                f'<p slot="content" class="{panel}">{self.rng.choice(PANEL_TEXT)}</p>'
            )
        return f'<lion-accordion expanded="[{",".join(expanded)}]">{"".join(out)}</lion-accordion>'


KITS: dict[str, KitClass] = {"carbonwc": CarbonWC, "lion": Lion}
