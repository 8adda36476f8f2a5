# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the Nord and Duet web-component libraries: @nordhealth/components, @duetds/components.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``). Nord's elements
are bundled by ``fixtures/vendor/build-wc.js`` from ``fixtures/vendor/wc/nord.js``; Duet (a Stencil
library) runs its own lazy loader from disk (``lib/duet/duet.esm.js``). The DOM half goes on the
host element (the capture resolves it to the native control in its shadow root); the visual half
uses the components' attributes and custom properties, the project's helper classes where they
offer no look.
"""

from __future__ import annotations

import json
import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.widgets import (
    CHEVRON,
    Parts,
    Want,
    checked_dom,
    decorative_icon,
    esc,
    icon,
    looks_and_attrs,
)

# Nord's design tokens (the values of @nordhealth/themes' "nord" and "nord-dark" themes, which are
# not installed: the components use these custom properties without fallbacks).
NORD_COMMON = (
    "--n-font-size-xxxl:2.25rem;--n-font-size-xxl:1.5rem;--n-font-size-xl:1.25rem;--n-font-size-l:1rem;"
    "--n-font-size-m:14px;--n-font-size-s:12px;--n-font-size-xs:0.6875rem;"
    '--n-font-family:"Nordhealth Sans",-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;'
    '--n-font-family-code:"Nordhealth Mono",monospace,monospace;--n-font-features:"kern" 1,"tnum" 1,"calt" 1;'
    '--n-font-features-reduced:"kern" 1,"calt" 1;'
    "--n-font-weight:400;--n-font-weight-active:500;--n-font-weight-heading:600;--n-font-weight-strong:670;"
    "--n-size-icon-xxs:8px;--n-size-icon-xs:10px;--n-size-icon-s:12px;--n-size-icon-m:16px;--n-size-icon-l:24px;"
    "--n-size-icon-xl:36px;--n-size-icon-xxl:72px;--n-space-xxl:72px;--n-space-xl:36px;--n-space-l:24px;"
    "--n-space-m:16px;--n-space-s:8px;--n-space-xs:4px;--n-border-radius-sharp:0.02em;--n-border-radius-s:3px;"
    "--n-border-radius:5px;--n-border-radius-pill:999px;--n-border-radius-circle:50%;"
    "--n-transition-quickly:0s;--n-transition-slowly:0s;--n-transition-mobile:0s;"
    "--n-line-height-tight:1.15;--n-line-height-heading:1.2;--n-line-height-caption:1.3;--n-line-height:1.5;"
    "--n-line-height-form:20px;--n-index-deep:-999999;--n-index-default:1;--n-index-masked:100;--n-index-mask:200;"
    "--n-index-sticky:300;--n-index-nav:400;--n-index-overlay:500;--n-index-spinner:600;--n-index-popout:700;"
    "--n-index-toast:800;--n-index-modal:900;"
)
NORD_LIGHT = (
    "color-scheme:light;--n-color-text:rgb(12,26,61);--n-color-text-link:var(--n-color-accent);"
    "--n-color-text-weak:rgb(54,67,74);--n-color-text-weaker:rgb(102,118,128);--n-color-text-weakest:rgb(178,186,191);"
    "--n-color-text-on-accent:rgb(255,255,255);--n-color-text-error:rgb(185,77,55);--n-color-text-danger:rgb(185,77,55);"
    "--n-color-text-success:rgb(80,128,56);--n-color-text-info:rgb(53,89,199);--n-color-text-warning:rgb(149,97,0);"
    "--n-color-nav-surface:rgb(246,248,248);--n-color-nav-heading:rgb(143,161,170);--n-color-nav-hover:rgb(234,240,240);"
    "--n-color-border:rgb(216,222,228);--n-color-border-strong:rgb(188,197,204);--n-color-border-hover:rgb(102,118,128);"
    "--n-color-border-neutral:rgb(216,222,228);--n-color-border-danger:rgb(185,77,55);"
    "--n-color-surface:rgb(255,255,255);--n-color-background:rgb(255,255,255);--n-color-surface-raised:rgb(250,251,251);"
    "--n-color-surface-lowered:rgb(246,248,248);--n-color-overlay:rgba(144,152,152,0.4);"
    "--n-color-status-neutral:rgb(114,110,119);--n-color-status-warning:rgb(240,192,68);--n-color-status-highlight:rgb(125,73,193);"
    "--n-color-status-danger:rgb(185,77,55);--n-color-status-success:rgb(80,128,56);--n-color-status-info:rgb(53,89,199);"
    "--n-color-status-danger-weak:rgb(255,208,199);--n-color-status-info-weak:rgb(204,218,255);"
    "--n-color-button:rgb(255,255,255);--n-color-button-hover:rgb(246,248,248);--n-color-icon:rgb(102,118,128);"
    "--n-color-icon-hover:rgb(12,26,61);--n-color-active:rgb(240,243,244);--n-color-header:rgb(255,255,255);"
    "--n-box-shadow:0 1px 3px rgba(12,12,12,0.09);--n-box-shadow-header:0 1px 5px rgba(12,12,12,0.05);"
    "--n-box-shadow-popout:0 4px 12px rgba(12,12,12,0.15),0 0 0 1px rgba(0,0,0,0.05);"
    "--n-box-shadow-card:0 0 0 1px var(--n-color-border),0 1px 5px rgba(12,12,12,0.05);"
)
NORD_DARK = (
    "color-scheme:dark;--n-color-text:rgb(239,241,245);--n-color-text-link:var(--n-color-accent);"
    "--n-color-text-weak:rgb(205,210,219);--n-color-text-weaker:rgb(151,160,175);--n-color-text-weakest:rgb(95,104,120);"
    "--n-color-text-on-accent:rgb(255,255,255);--n-color-text-error:rgb(255,125,100);--n-color-text-danger:rgb(255,125,100);"
    "--n-color-text-success:rgb(130,200,100);--n-color-text-info:rgb(130,160,255);--n-color-text-warning:rgb(240,192,68);"
    "--n-color-nav-surface:rgb(24,27,33);--n-color-nav-heading:rgb(120,130,145);--n-color-nav-hover:rgb(40,44,52);"
    "--n-color-border:rgb(50,55,65);--n-color-border-strong:rgb(72,79,92);--n-color-border-hover:rgb(130,139,155);"
    "--n-color-border-neutral:rgb(50,55,65);--n-color-border-danger:rgb(220,95,70);"
    "--n-color-surface:rgb(30,33,40);--n-color-background:rgb(22,24,29);--n-color-surface-raised:rgb(36,40,48);"
    "--n-color-surface-lowered:rgb(24,27,33);--n-color-overlay:rgba(0,0,0,0.5);"
    "--n-color-status-neutral:rgb(140,140,150);--n-color-status-warning:rgb(240,192,68);--n-color-status-highlight:rgb(160,110,230);"
    "--n-color-status-danger:rgb(220,95,70);--n-color-status-success:rgb(100,170,70);--n-color-status-info:rgb(90,130,255);"
    "--n-color-status-danger-weak:rgb(90,40,30);--n-color-status-info-weak:rgb(35,50,95);"
    "--n-color-button:rgb(40,44,53);--n-color-button-hover:rgb(48,53,63);--n-color-icon:rgb(151,160,175);"
    "--n-color-icon-hover:rgb(239,241,245);--n-color-active:rgb(42,46,55);--n-color-header:rgb(30,33,40);"
    "--n-box-shadow:0 1px 3px rgba(0,0,0,0.2);--n-box-shadow-header:0 1px 5px rgba(0,0,0,0.15);"
    "--n-box-shadow-popout:0 4px 12px rgba(0,0,0,0.25),0 0 0 1px var(--n-color-border);"
    "--n-box-shadow-card:0 0 0 1px var(--n-color-border),0 1px 5px rgba(0,0,0,0.15);"
)
#: accent colours of Nord's product themes (Nord default blue, Provet teal, Veterinary purple...)
NORD_ACCENTS = {
    "blue": ("rgb(53,89,199)", "rgb(84,128,255)"),
    "teal": ("rgb(0,122,128)", "rgb(40,170,176)"),
    "purple": ("rgb(110,62,180)", "rgb(160,115,235)"),
    "green": ("rgb(46,120,60)", "rgb(90,175,100)"),
}
#: a Nord button variant's enabled look, as the custom properties that restore it over [disabled]
NORD_BTN_ENABLED = {
    "default": "--n-button-background-color:var(--n-color-button);--n-button-border-color:var(--n-color-border-strong);--n-button-color:var(--n-color-text);--n-button-box-shadow:var(--n-box-shadow)",
    "primary": "--n-button-background-color:var(--n-color-accent);--n-button-border-color:transparent;--n-button-color:var(--n-color-text-on-accent);--n-button-box-shadow:none",
    "danger": "--n-button-background-color:var(--n-color-status-danger);--n-button-border-color:transparent;--n-button-color:var(--n-color-text-on-accent);--n-button-box-shadow:none",
    "dashed": "--n-button-background-color:var(--n-color-button);--n-button-border-color:var(--n-color-border-hover);--n-button-color:var(--n-color-text-weaker);--n-button-box-shadow:none",
    "plain": "--n-button-background-color:var(--n-color-button);--n-button-border-color:transparent;--n-button-color:var(--n-color-text);--n-button-box-shadow:none",
}
#: Nord's own disabled look of a button (its :host([disabled]) values), for "looks disabled" without the attribute
NORD_BTN_DISABLED = "--n-button-background-color:var(--n-color-border);--n-button-border-color:var(--n-color-border);--n-button-color:var(--n-color-text-weak);--n-button-box-shadow:none;--_n-button-opacity:0.5"
#: Nord's disabled look of a text field (its .n-input:disabled values)
NORD_FIELD_DISABLED = "--n-input-background:var(--n-color-active);--n-input-border-color:var(--n-color-active);--n-input-color:var(--n-color-text-weakest)"


def _style(*decls: str) -> str:
    css = ";".join(d for d in decls if d)
    return f' style="{css}"' if css else ""


class Nord(LibKit):
    """Nord Design System web components, @nordhealth/components 4.20.0 (Lit; tokens inlined)."""

    source = "nord"
    # no CSS parts: a checked box or a toggle's thumb follows the inner input's :checked only
    unsupported = frozenset(
        {
            "*:class-checked",
            "*:class-mixed",
            "*:mark-hidden",
            "button:aria-busy-no-spinner",  # nord-button forwards no aria-busy to its inner button
            "link:aria-busy-no-spinner",
        }
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        accent = rng.choice(("blue", "blue", "teal", "purple", "green"))
        super().__init__(rng, helpers, accent, dark)
        self.btn_variant = rng.choice(
            ("default", "default", "primary", "primary", "dashed", "plain", "danger")
        )
        self.size = rng.choice(("", "", "s", "l"))
        self.field_size = rng.choice(("", "", "s", "l"))
        self.tab_padding = rng.choice(("", "m", "l"))

    # ---- page-level --------------------------------------------------------------------------
    def head(self) -> str:
        light, dark = NORD_ACCENTS[self.variant]
        accent = dark if self.dark else light
        ne = self.h.ne
        return (
            f'<script src="{V}/autoglm-ui-build/wc/nord.js"></script>'
            f"<style>:root{{{NORD_COMMON}{NORD_DARK if self.dark else NORD_LIGHT}--n-color-accent:{accent}}}"
            "body{background:var(--n-color-background);color:var(--n-color-text);font-family:var(--n-font-family);"
            "font-size:var(--n-font-size-m);line-height:var(--n-line-height);accent-color:var(--n-color-accent)}"
            "a{color:var(--n-color-text-link)}"
            ".n-acc{border-block-end:1px solid var(--n-color-border)}"
            ".n-acc>summary,.n-acc-btn{display:flex;justify-content:space-between;align-items:center;width:100%;"
            "padding:var(--n-space-s) var(--n-space-xs);font:inherit;font-weight:var(--n-font-weight-active);color:var(--n-color-text);"
            "background:none;border:0;cursor:pointer;list-style:none;text-align:start}"
            ".n-acc>summary::-webkit-details-marker{display:none}"
            ".n-acc>summary::after{content:'';width:6px;height:6px;border:solid var(--n-color-icon);border-width:0 2px 2px 0;transform:rotate(45deg);margin-inline:8px}"
            ".n-acc[open]>summary::after{transform:rotate(-135deg)}"
            ".n-acc>p,.n-acc>div{margin:0;padding:0 var(--n-space-xs) var(--n-space-s);color:var(--n-color-text-weak)}"
            ".n-pop{position:absolute;z-index:3;left:0;top:100%;margin-top:4px;min-width:100%;background:var(--n-color-surface);"
            "border-radius:var(--n-border-radius);box-shadow:var(--n-box-shadow-popout);padding:4px 0}"
            ".n-pop>div{padding:4px 12px;white-space:nowrap;color:var(--n-color-text)}"
            # "disabled attribute, enabled look": the tokens the :host([disabled]) rules read, restored
            f"nord-checkbox.{ne},nord-toggle.{ne},nord-radio.{ne}{{--n-color-active:var(--n-color-surface);"
            "--n-color-border-neutral:var(--n-color-border-hover);--n-color-text-weaker:var(--n-color-text)}"
            f"nord-toggle.{ne}{{--n-color-border-neutral:var(--n-color-border-strong)}}"
            f"nord-radio.{ne} input{{opacity:1!important}}nord-radio.{ne} label{{color:var(--n-color-text)!important}}"
            f"nord-input.{ne},nord-textarea.{ne}{{--n-input-background-inactive:var(--n-color-surface);"
            "--n-input-border-color:var(--n-color-border-strong);--n-input-color:var(--n-color-text);--n-textarea-background:var(--n-color-surface)}"
            f"nord-select.{ne}{{--n-input-background-inactive:var(--n-color-surface);--n-color-active:var(--n-color-border-strong);"
            "--n-color-text-weakest:var(--n-color-text)}"
            "</style>"
        )

    def parts(self, w: Want, *, aria: bool = False) -> Parts:
        """The ``disabled`` attribute on the host (Nord forwards it; it forwards no aria-disabled)."""
        p = looks_and_attrs(w, aria_disabled=aria)
        if w.case == "dis-attr-looks-enabled" and not aria:
            p.attrs.append(f'class-extra="{self.h.ne}"')
        return p

    def host_attrs(self, p: Parts) -> tuple[str, str]:
        """(class attribute or "", the other attributes) of a host: aria-busy/invalid are not forwarded."""
        dim = "dis" in p.looks and "disabled" not in p.attrs  # the component draws its own disabled look
        cls, attrs = self.merge_class(p, self.h.dim if dim else "")
        return (f' class="{cls}"' if cls else ""), attrs

    def spinner(self) -> str:
        return '<nord-spinner slot="start" size="s" color="currentColor"></nord-spinner>'

    # ---- kinds -------------------------------------------------------------------------------
    def button(self, w: Want) -> str:
        p = self.parts(w)
        variant = self.btn_variant
        style = []
        if "dis" in p.looks and "disabled" not in p.attrs:
            style.append(NORD_BTN_DISABLED)  # Nord's own disabled look, without the attribute
        if w.case == "dis-attr-looks-enabled":
            style += [NORD_BTN_ENABLED[variant], "--_n-button-opacity:1"]
        inner = esc(w.name)
        extra = ""
        if w.icon_only:  # nord-button forwards no aria-label: its name is visually hidden text
            extra += " square"
            inner = icon(w.extra.get("icon", "plus")) + (
                '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);'
                f'white-space:nowrap">{esc(w.name)}</span>'
            )
        elif self.rng.random() < 0.25:
            inner = decorative_icon(self.rng).replace("<svg ", '<svg slot="start" ', 1) + inner
        if "spin" in p.looks:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            extra += f' aria-haspopup="menu" aria-expanded="{"true" if "dom-open" in p.looks else "false"}"'
            pp = self.plan_popup(w, p)
            if pp.emit:
                items = "".join(f'<div role="menuitem">{i}</div>' for i in ("Rename", "Duplicate", "Archive"))
                tail = f'<div role="menu" class="n-pop"{pp.attrs()}>{items}</div>'
            if "open" in p.looks:
                style.append("--n-button-border-color:var(--n-color-accent)")
        cls, attrs = self.merge_class(p, "")
        cls_attr = f' class="{cls}"' if cls else ""
        size = f' size="{self.size}"' if self.size else ""
        body = f'<nord-button variant="{variant}"{size}{extra}{cls_attr}{_style(*style)} {attrs}>{inner}</nord-button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        spin = (
            '<nord-spinner size="s" color="currentColor" style="vertical-align:-2px;margin-inline-end:4px"></nord-spinner>'
            if "spin" in p.looks
            else ""
        )
        dim = f' class="{self.h.dim}"' if "dis" in p.looks else ""
        return f'<a href="#go-{w.n}"{dim} {p.attr()}>{spin}{esc(w.name)}</a>'

    def check(self, w: Want) -> str:
        if (
            w.case == "dis-attr-looks-enabled"
            and w.kind != "radio"
            and checked_dom(looks_and_attrs(w)) != "unchecked"
        ):
            w.values["checked"] = (
                "unchecked"  # a disabled checked box/toggle is faded by a rule no property reaches
            )
        p = self.parts(w)
        tag = {"checkbox": "nord-checkbox", "radio": "nord-radio", "switch": "nord-toggle"}[w.kind]
        dom = checked_dom(p)
        state = {
            "checked": " checked",
            "mixed": " indeterminate" if w.kind == "checkbox" else " checked",
        }.get(dom, "")
        extra = f' name="g{w.extra.get("group", w.n)}" value="v{w.n}"' if w.kind == "radio" else ""
        if w.kind == "switch" and self.rng.random() < 0.25:
            extra += " reverse"
        size = f' size="{self.field_size}"' if self.field_size else ""
        cls, attrs = self.host_attrs(p)
        return f'<{tag} label="{esc(w.name)}"{size}{state}{extra}{cls} {attrs}></{tag}>'

    def field_parts(self, w: Want, p: Parts) -> tuple[str, list[str], str]:
        """Error attribute/slot, style declarations and the hint for a Nord form field."""
        err_attr, style, slot = "", [], ""
        aria_inv = 'aria-invalid="true"' in p.attrs
        if aria_inv:
            p.attrs.remove('aria-invalid="true"')  # Nord sets aria-invalid on its input from `error`
            msg = self.rng.choice(("Enter a valid value", "This field is required", "Check this"))
            err_attr = f' error="{msg}"' if "err" in p.looks else ' error=" "'
            if "err" not in p.looks:  # aria-invalid without the look: the border tokens kept normal
                style.append(
                    "--n-input-border-color:var(--n-color-border-strong);--n-color-status-danger:var(--n-color-border-strong)"
                )
        elif "err" in p.looks:  # the error look (red border and message) without aria-invalid
            style.append(
                "--n-input-border-color:var(--n-color-status-danger);--n-button-border-color:var(--n-color-status-danger)"
            )
            slot = f'<span slot="hint" style="color:var(--n-color-text-error)">{self.rng.choice(("Enter a valid value", "Required"))}</span>'
            err_attr = " hint-below"
        if "dis" in p.looks and "disabled" not in p.attrs:
            style.append(NORD_FIELD_DISABLED)
            if w.kind == "select":
                style.append(
                    "--n-button-background-color:var(--n-color-active);--n-button-border-color:var(--n-color-active);--n-button-color:var(--n-color-text-weakest);--n-button-toggle-icon-color:var(--n-color-text-weakest)"
                )
        return err_attr, style, slot

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        err_attr, style, slot = self.field_parts(w, p)
        cls, attrs = self.merge_class(p, "")
        cls_attr = f' class="{cls}"' if cls else ""
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        size = f' size="{self.field_size}"' if self.field_size else ""
        if self.rng.random() < 0.15:
            return (
                f'<nord-textarea label="{esc(w.name)}"{size} value="{value}"{ph}{err_attr}{cls_attr}'
                f"{_style(*[s.replace('--n-input-', '--n-textarea-') for s in style])} {attrs}>{slot}</nord-textarea>"
            )
        typ = self.rng.choice(("text", "text", "email", "password", "search"))
        return (
            f'<nord-input label="{esc(w.name)}" type="{typ}"{size} value="{value}"{ph}{err_attr}{cls_attr}'
            f"{_style(*style)} {attrs}>{slot}</nord-input>"
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        err_attr, style, slot = self.field_parts(w, p)
        cls, attrs = self.merge_class(p, "")
        cls_attr = f' class="{cls}"' if cls else ""
        opts = self.rng.sample(OPTION_WORDS, 3)
        size = f' size="{self.field_size}"' if self.field_size else ""
        options = "".join(f'<option value="{o.lower()}">{o}</option>' for o in opts)
        return (
            f'<nord-select label="{esc(w.name)}"{size}{err_attr}{cls_attr}{_style(*style)} {attrs}>'
            f"{options}{slot}</nord-select>"
        )

    def combobox(self, w: Want) -> str:
        """A select-only combobox: a nord-button that opens a listbox (Nord's dropdown toggle pattern)."""
        p = self.parts(w)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = ""
        if pp.emit:
            lb = (
                f'<div role="listbox" class="n-pop"{pp.attrs()}>'
                + "".join(f'<div role="option">{o}</div>' for o in opts)
                + "</div>"
            )
        style = [
            "--n-button-text-align:start;--n-button-gradient:none;--n-button-box-shadow:none;--n-button-background-color:var(--n-color-surface)"
        ]
        if "dis" in p.looks and "disabled" not in p.attrs:
            style.append(NORD_BTN_DISABLED)
        if "open" in p.looks:
            style.append("--n-button-border-color:var(--n-color-accent)")
        cls, attrs = self.merge_class(p, "")
        cls_attr = f' class="{cls}"' if cls else ""
        if w.case == "dis-attr-looks-enabled":
            style.append(
                "--_n-button-opacity:1;--n-button-color:var(--n-color-text);--n-button-border-color:var(--n-color-border-strong)"
            )
        chev = CHEVRON.replace("<svg ", '<svg slot="end" ', 1)
        size = f' size="{self.field_size}"' if self.field_size else ""
        return (
            f'<div style="font-weight:var(--n-font-weight-heading);margin-bottom:8px">{esc(w.name)}</div>'
            f'<span style="position:relative;display:inline-block"><nord-button{size} aria-haspopup="listbox" aria-expanded="{exp}"'
            f"{cls_attr}{_style(*style)} {attrs}>{opts[0]}{chev}</nord-button>{lb}</span>"
        )

    def tabs(self, ws: list[Want]) -> str:
        parts = [self.parts(w, aria=True) for w in ws]  # role=tab is the host itself: aria-disabled works
        dom_sel = next((i for i, p in enumerate(parts) if 'aria-selected="true"' in p.attrs), None)
        if dom_sel is None:  # class-only groups: the component still marks one tab selected
            dom_sel = next((i for i, p in enumerate(parts) if "on" in p.looks), 0)
        out = []
        for i, (w, p) in enumerate(zip(ws, parts, strict=True)):
            attrs = [a for a in p.attrs if not a.startswith("aria-selected=")]
            p2 = Parts(attrs, p.looks)
            cls, rest = self.merge_class(p2, self.h.dim if "dis" in p.looks else "")
            style = ""
            if i == dom_sel and "on" not in p.looks:  # selected in the DOM, drawn unselected
                style = ' style="--n-tab-color:var(--n-color-text-weak);--n-tab-font-weight:var(--n-font-weight);--_n-tab-border:1px solid transparent"'
            elif i != dom_sel and "on" in p.looks:  # drawn selected, not selected in the DOM
                style = ' style="--n-tab-color:var(--n-color-text-link);--n-tab-font-weight:var(--n-font-weight-active);--_n-tab-border:2px solid var(--n-color-text-link)"'
            sel = " selected" if i == dom_sel else ""
            out.append(
                f'<nord-tab slot="tab"{sel}{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}{style} {rest}>{esc(w.name)}</nord-tab>'
            )
        panels = "".join(f"<nord-tab-panel>{self.rng.choice(PANEL_TEXT)}</nord-tab-panel>" for _ in ws)
        pad = f' padding="{self.tab_padding}"' if self.tab_padding else ""
        return f'<nord-tab-group label="Sections"{pad}>{"".join(out)}{panels}</nord-tab-group>'

    def accordion(self, ws: list[Want]) -> str:
        """Nord has no accordion: ``<details>`` drawn with Nord's tokens; hard cases use a heading button."""
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            dim = f" {self.h.dim}" if "dis" in p.looks else ""
            if w.case in ("looks-expanded", "looks-collapsed"):
                exp = "true" if "dom-open" in p.looks else "false"
                pp = self.plan_popup(w, p)
                panel = f"<p{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</p>" if pp.emit else ""
                chev = (
                    CHEVRON.replace("<svg ", '<svg style="transform:rotate(180deg)" ')
                    if "open" in p.looks
                    else CHEVRON
                )
                cls, attrs = self.merge_class(p, "n-acc-btn" + dim)
                out.append(
                    f'<div class="n-acc"><h4 style="margin:0"><button type="button" aria-expanded="{exp}" '
                    f'class="{cls}" {attrs}>{esc(w.name)} {chev}</button></h4>{panel}</div>'
                )
                continue
            op = " open" if w.v("expanded") == "expanded" else ""
            cls, attrs = self.merge_class(p, dim.strip())
            out.append(
                f'<details class="n-acc"{op}><summary class="{cls}" {attrs}>{esc(w.name)}</summary>'
                f"<p>{self.rng.choice(PANEL_TEXT)}</p></details>"
            )
        return f'<div style="border-block-start:1px solid var(--n-color-border);max-width:520px">{"".join(out)}</div>'


# ---- Duet -------------------------------------------------------------------------------------
DUET_BLUE = "rgb(0,119,179)"


class Duet(LibKit):
    """Duet Design System web components (LocalTapiola), @duetds/components 10.1.0 (Stencil, lazy loader from disk).

    Light only: Duet has no dark theme (its ``negative`` variants are for single components on dark
    surfaces). Its themes are ``default`` and ``turva`` (the ``theme`` attribute on each element).
    """

    source = "duet"
    # closed styling (shadow DOM, no parts, few custom properties): the disabled, error and checked
    # looks follow the attributes only; no aria-busy/aria-invalid is forwarded to the inner control
    unsupported = frozenset(
        {
            "*:dis-attr-looks-enabled",
            "*:class-checked",
            "*:class-mixed",
            "*:mark-hidden",
            "*:err-look-no-aria",
            "*:aria-invalid-no-look",
            "button:aria-busy-no-spinner",
            "link:aria-busy-no-spinner",
            "accordion:looks-expanded",  # duet-collapsible draws what its `open` says
            "accordion:looks-collapsed",
        }
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", "default", "turva")), False)
        self.btn_variation = rng.choice(
            ("default", "primary", "primary", "secondary", "plain", "destructive")
        )
        self.btn_size = rng.choice(("", "", "small", "x-small"))
        self.select_variation = rng.choice(("default", "default", "compact"))
        self.c = {
            "tab": "duet-tab-x",
            "on": "is-on",
            "tablist": "duet-tabs-x",
        }

    @property
    def theme_attr(self) -> str:
        return ' theme="turva"' if self.variant == "turva" else ""

    def head(self) -> str:
        font = (
            '"turva-sans",-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif'
            if self.variant == "turva"
            else '"localtapiola-sans",-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif'
        )
        accent = "rgb(23,23,23)" if self.variant == "turva" else DUET_BLUE
        return (
            f'<script type="module" src="{V}/@duetds/components/lib/duet/duet.esm.js"></script>'
            f"<style>body{{font-family:{font};color:rgb(0,41,77);background:#fff;font-size:16px}}"
            # duet-tab-group draws its tab buttons in its own shadow root, where no data-agl reaches:
            # tabs are buttons drawn after Duet's tab look
            f".duet-tabs-x{{display:flex;gap:0;border-bottom:1px solid rgb(194,202,216)}}"
            f".duet-tab-x{{background:none;border:0;border-bottom:3px solid transparent;padding:10px 16px;font:inherit;font-weight:600;"
            f"color:rgb(90,106,128);cursor:pointer;margin-bottom:-1px}}"
            f".duet-tab-x.is-on{{color:{accent};border-bottom-color:{accent}}}"
            # duet-input has no read-only state: a read-only field is a native input drawn after duet-input
            ".duet-ro-x{display:block;box-sizing:border-box;width:100%;max-width:380px;height:48px;padding:0 14px;font:inherit;"
            "color:rgb(0,41,77);background:rgb(245,248,250);border:1px dashed rgb(194,202,216);border-radius:4px}"
            ".duet-lbl-x{display:block;font-weight:600;font-size:14px;margin-bottom:6px;color:rgb(0,41,77)}"
            ".duet-pop{position:absolute;z-index:3;left:0;top:100%;margin-top:4px;min-width:100%;background:#fff;"
            "border:1px solid rgb(194,202,216);border-radius:4px;box-shadow:0 4px 12px rgba(0,41,77,.15);padding:4px 0}"
            ".duet-pop>div{padding:6px 14px;white-space:nowrap}"
            "</style>"
        )

    def host_cls(self, p: Parts) -> str:
        """The helper's disabled look on a host that is not disabled (Duet draws its own disabled look)."""
        return f' class="{self.h.dim}"' if "dis" in p.looks and "disabled" not in p.attrs else ""

    # ---- kinds -------------------------------------------------------------------------------
    def button(self, w: Want) -> str:
        p = self.parts(w)
        extra = (
            f' variation="{self.btn_variation}"'
            + (f' size="{self.btn_size}"' if self.btn_size else "")
            + self.theme_attr
        )
        if w.icon_only:
            extra += f' accessible-label="{esc(w.name)}" icon="{self.rng.choice(("action-add", "action-edit", "action-search"))}" icon-only'
        elif self.rng.random() < 0.2:
            extra += f' icon="{self.rng.choice(("action-add", "action-download", "action-edit"))}"'
        if "spin" in p.looks:
            extra += " loading"
        tail = ""
        if w.v("expanded") is not None:
            extra += f' accessible-popup="menu" accessible-expanded="{"true" if "dom-open" in p.looks else "false"}"'
            pp = self.plan_popup(w, p)
            if pp.emit:
                items = "".join(f'<div role="menuitem">{i}</div>' for i in ("Rename", "Duplicate", "Archive"))
                tail = f'<div role="menu" class="duet-pop"{pp.attrs()}>{items}</div>'
        body = f"<duet-button{extra}{self.host_cls(p)} {p.attr()}>{'' if w.icon_only else esc(w.name)}</duet-button>"
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        p.attrs = [a for a in p.attrs if not a.startswith("aria-")]  # duet-link forwards none of them
        spin = (
            '<duet-spinner size="small" color="currentColor" style="display:inline-block;vertical-align:-3px;margin-right:6px"></duet-spinner>'
            if "spin" in p.looks
            else ""
        )
        return f'<duet-link url="#go-{w.n}"{self.theme_attr}{self.host_cls(p)} {p.attr()}>{spin}{esc(w.name)}</duet-link>'

    def check(self, w: Want) -> str:
        if w.kind == "checkbox" and w.v("checked") == "mixed":
            w.values["checked"] = "checked"  # duet-checkbox has no indeterminate state
        p = self.parts(w)
        dom = checked_dom(p)
        chk = " checked" if dom in ("checked", "mixed") else ""
        tag = {"checkbox": "duet-checkbox", "radio": "duet-radio", "switch": "duet-toggle"}[w.kind]
        extra = f' name="g{w.extra.get("group", w.n)}" value="v{w.n}"' if w.kind == "radio" else ""
        if w.kind == "switch":
            # duet-toggle's input has no role unless given one (its documented `role` property)
            extra += f' role="switch" label-position="{self.rng.choice(("left", "right", "right"))}"'
        return f'<{tag} label="{esc(w.name)}"{chk}{extra}{self.theme_attr}{self.host_cls(p)} {p.attr()}></{tag}>'

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        if "ro" in p.looks:  # no read-only duet-input: a native read-only field
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
            cls, attrs = self.merge_class(p, "duet-ro-x" + (f" {self.h.dim}" if "dis" in p.looks else ""))
            if "err" in p.looks:
                cls += " " + self.h.err
            return f'<label class="duet-lbl-x" for="f{w.n}">{esc(w.name)}</label><input id="f{w.n}" type="text" class="{cls}" value="{value}" {attrs}>'
        err = ""
        if 'aria-invalid="true"' in p.attrs:
            p.attrs.remove('aria-invalid="true"')  # duet-input sets aria-invalid from `error`
            err = f' error="{self.rng.choice(("Check this field", "This field is required"))}"'
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        typ = self.rng.choice(("text", "text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        cap = ' caption="Shown on your profile"' if self.rng.random() < 0.2 else ""
        return f'<duet-input label="{esc(w.name)}" type="{typ}" value="{value}"{ph}{cap}{err}{self.theme_attr}{self.host_cls(p)} {p.attr()}></duet-input>'

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        err = ""
        if 'aria-invalid="true"' in p.attrs:
            p.attrs.remove('aria-invalid="true"')
            err = f' error="{self.rng.choice(("Choose an option", "Required"))}"'
        opts = self.rng.sample(OPTION_WORDS, 3)
        items = esc(json.dumps([{"label": o, "value": o.lower()} for o in opts]))
        var = f' variation="{self.select_variation}"' if self.select_variation != "default" else ""
        return f'<duet-select label="{esc(w.name)}" items="{items}" value="{opts[0].lower()}"{var}{err}{self.theme_attr}{self.host_cls(p)} {p.attr()}></duet-select>'

    def combobox(self, w: Want) -> str:
        """A select-only combobox: a duet-button that opens a listbox (``accessible-popup="listbox"``)."""
        p = self.parts(w)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = ""
        if pp.emit:
            lb = (
                f'<div role="listbox" class="duet-pop"{pp.attrs()}>'
                + "".join(f'<div role="option">{o}</div>' for o in opts)
                + "</div>"
            )
        return (
            f'<span class="duet-lbl-x">{esc(w.name)}</span><span style="position:relative;display:inline-block">'
            f'<duet-button variation="default" icon="arrow-down" icon-right accessible-popup="listbox" accessible-expanded="{exp}"{self.theme_attr}'
            f"{self.host_cls(p)} {p.attr()}>{opts[0]}</duet-button>{lb}</span>"
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            p.attrs = [a for a in p.attrs if not a.startswith("aria-")]  # duet-collapsible forwards none
            op = " open" if "open" in p.looks else ""
            out.append(
                f'<duet-collapsible heading="{esc(w.name)}"{op}{self.theme_attr}{self.host_cls(p)} {p.attr()}>'
                f"<duet-paragraph>{self.rng.choice(PANEL_TEXT)}</duet-paragraph></duet-collapsible>"
            )
        return "".join(out)


KITS: dict[str, KitClass] = {"nord": Nord, "duet": Duet}
