# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the Material web-component libraries: @material/web (``mdweb``), mdui (``mdui``).

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``); each library's
elements are bundled from ``fixtures/vendor/wc/<source>.js`` by ``fixtures/vendor/build-wc.js``.
The control is the custom element: ``data-agl`` and the DOM half sit on the host; the visual half of a
disagreement case is drawn with what the component offers (its design tokens, ``::part()``), in
classes with per-page random names defined in ``head()``.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.styles import safe_token
from autoglm_ui.training.widgets import (
    CHEVRON,
    Parts,
    Want,
    checked_dom,
    checked_look,
    decorative_icon,
    esc,
    icon,
    looks_and_attrs,
)

WC = f"{V}/autoglm-ui-build/wc"

#: Material 3 colour roles per seed (light, dark): primary, on-primary, primary-container, on-primary-container
M3_SEEDS: dict[str, tuple[tuple[str, str, str, str], tuple[str, str, str, str]]] = {
    "baseline": (("#6750A4", "#FFFFFF", "#EADDFF", "#21005D"), ("#D0BCFF", "#381E72", "#4F378B", "#EADDFF")),
    "green": (("#386A20", "#FFFFFF", "#B7F397", "#042100"), ("#9CD67D", "#0C3900", "#205107", "#B7F397")),
    "blue": (("#0061A4", "#FFFFFF", "#D1E4FF", "#001D36"), ("#9ECAFF", "#003258", "#00497D", "#D1E4FF")),
    "rose": (("#9C4146", "#FFFFFF", "#FFDADA", "#40000A"), ("#FFB3B4", "#5F131C", "#7E2A30", "#FFDADA")),
    "teal": (("#006A6A", "#FFFFFF", "#6FF7F6", "#002020"), ("#4CDADA", "#003737", "#004F4F", "#6FF7F6")),
}
M3_NEUTRAL = {
    False: {
        "secondary-container": "#E8DEF8",
        "on-secondary-container": "#1D192B",
        "surface": "#FEF7FF",
        "background": "#FEF7FF",
        "on-surface": "#1D1B20",
        "on-background": "#1D1B20",
        "on-surface-variant": "#49454F",
        "outline": "#79747E",
        "outline-variant": "#CAC4D0",
        "surface-container-highest": "#E6E0E9",
        "surface-container-high": "#ECE6F0",
        "surface-container": "#F3EDF7",
        "surface-container-low": "#F7F2FA",
        "error": "#B3261E",
        "on-error": "#FFFFFF",
    },
    True: {
        "secondary-container": "#4A4458",
        "on-secondary-container": "#E8DEF8",
        "surface": "#141218",
        "background": "#141218",
        "on-surface": "#E6E0E9",
        "on-background": "#E6E0E9",
        "on-surface-variant": "#CAC4D0",
        "outline": "#938F99",
        "outline-variant": "#49454F",
        "surface-container-highest": "#36343B",
        "surface-container-high": "#2B2930",
        "surface-container": "#211F26",
        "surface-container-low": "#1D1B20",
        "error": "#F2B8B5",
        "on-error": "#601410",
    },
}
MDW_BUTTONS = ("filled", "outlined", "text", "elevated", "filled-tonal")
#: enabled (container, label) colour roles of each Material Web button variant
MDW_BTN_COLORS = {
    "filled": ("primary", "on-primary"),
    "filled-tonal": ("secondary-container", "on-secondary-container"),
    "elevated": ("surface-container-low", "primary"),
    "outlined": ("", "primary"),
    "text": ("", "primary"),
}


def _sys(role: str) -> str:
    return f"var(--md-sys-color-{role})"


def _mix(role: str, pct: int) -> str:
    return f"color-mix(in srgb, var(--md-sys-color-{role}) {pct}%, transparent)"


class MdWeb(LibKit):
    """Material Web (``@material/web`` 2.5.0): md-*-button, md-checkbox, md-radio, md-switch,
    md-filled/outlined-text-field, md-filled/outlined-select, md-tabs; links and accordions, which it
    lacks, are a Material-styled ``<a>`` / text button and ``<details>`` in its tokens. Dark: the M3
    dark colour roles."""

    source = "mdweb"
    unsupported = frozenset(
        {
            "*:class-checked",  # no way to draw a checked mark on an unchecked md-checkbox/md-switch
            "*:class-mixed",
            "checkbox:mark-hidden",  # the selected container hides the outline: nothing would show
            "switch:mark-hidden",  # the handle's position follows `selected`, no token moves it
            "button:aria-busy-no-spinner",  # md buttons drop aria-busy (not delegated to the inner <button>)
            "select:aria-invalid-no-look",  # md-select never puts aria-invalid on its combobox
            "select:dis-attr-looks-enabled",  # md-select's combobox carries no disabled state at all
            "select:looks-expanded",  # aria-expanded of md-select follows its open menu
            "select:looks-collapsed",
        }
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(tuple(M3_SEEDS)), dark)
        self.btn = rng.choice(MDW_BUTTONS)
        self.field = rng.choice(("outlined", "filled"))
        self.tab = rng.choice(("primary", "secondary"))
        self.shape = rng.choice(("", "", "4px", "8px", "12px"))
        self.icons = rng.random() < 0.5  # switches show their check/cross icons
        self.k = {r: safe_token(rng, 5) for r in ("dis", "en", "err", "ok", "ro", "body")}

    # ---- page -----------------------------------------------------------------------------------
    def head(self) -> str:
        p, onp, pc, onpc = M3_SEEDS[self.variant][1 if self.dark else 0]
        roles = {
            "primary": p,
            "on-primary": onp,
            "primary-container": pc,
            "on-primary-container": onpc,
            **M3_NEUTRAL[self.dark],
        }
        root = ";".join(f"--md-sys-color-{k}:{v}" for k, v in roles.items())
        if self.shape:
            root += ";" + ";".join(f"--md-{b}-button-container-shape:{self.shape}" for b in MDW_BUTTONS)
        k = self.k
        root += ";--md-ref-typeface-plain:Roboto,'Noto Sans',system-ui,sans-serif;--md-ref-typeface-brand:Roboto,'Noto Sans',system-ui,sans-serif"
        css = [
            f":root{{{root};color-scheme:{'dark' if self.dark else 'light'}}}",
            f"body{{background:{_sys('surface')};color:{_sys('on-surface')};font-family:Roboto,'Noto Sans',system-ui,sans-serif}}",
            f".{k['body']} a{{color:{_sys('primary')}}}",
        ]
        # looks disabled (no disabled attribute): the M3 disabled roles through the components' tokens
        dis = []
        for b in MDW_BUTTONS:
            dis += [
                f"--md-{b}-button-container-color:{_mix('on-surface', 12) if b in ('filled', 'filled-tonal', 'elevated') else 'transparent'}",
                f"--md-{b}-button-label-text-color:{_mix('on-surface', 38)}",
                f"--md-{b}-button-icon-color:{_mix('on-surface', 38)}",
                f"--md-{b}-button-container-elevation:0",
                f"--md-{b}-button-outline-color:{_mix('on-surface', 12)}",
            ]
        dis += [
            f"--md-checkbox-outline-color:{_mix('on-surface', 38)}",
            f"--md-checkbox-selected-container-color:{_mix('on-surface', 38)}",
            f"--md-checkbox-selected-icon-color:{_sys('surface')}",
            f"--md-radio-icon-color:{_mix('on-surface', 38)}",
            f"--md-radio-selected-icon-color:{_mix('on-surface', 38)}",
            f"--md-switch-track-color:{_mix('surface-container-highest', 12)}",
            f"--md-switch-track-outline-color:{_mix('on-surface', 12)}",
            f"--md-switch-handle-color:{_mix('on-surface', 38)}",
            f"--md-switch-selected-track-color:{_mix('on-surface', 12)}",
            f"--md-switch-selected-handle-color:{_sys('surface')}",
            f"--md-switch-selected-icon-color:{_mix('on-surface', 38)}",
            f"--md-switch-icon-color:{_sys('surface-container-highest')}",
        ]
        for f in ("outlined", "filled"):
            dis += [
                f"--md-{f}-text-field-input-text-color:{_mix('on-surface', 38)}",
                f"--md-{f}-text-field-label-text-color:{_mix('on-surface', 38)}",
                f"--md-{f}-text-field-outline-color:{_mix('on-surface', 12)}",
                f"--md-{f}-text-field-active-indicator-color:{_mix('on-surface', 38)}",
                f"--md-{f}-text-field-container-color:{_mix('on-surface', 4)}",
                f"--md-{f}-select-text-field-input-text-color:{_mix('on-surface', 38)}",
                f"--md-{f}-select-text-field-label-text-color:{_mix('on-surface', 38)}",
                f"--md-{f}-select-text-field-outline-color:{_mix('on-surface', 12)}",
                f"--md-{f}-select-text-field-active-indicator-color:{_mix('on-surface', 38)}",
                f"--md-{f}-select-text-field-container-color:{_mix('on-surface', 4)}",
                f"--md-{f}-select-text-field-trailing-icon-color:{_mix('on-surface', 38)}",
            ]
            for pre in (f"--md-{f}-text-field", f"--md-{f}-select-text-field"):
                dis += [
                    f"{pre}-error-input-text-color:{_mix('on-surface', 38)}",
                    f"{pre}-error-label-text-color:{_mix('on-surface', 38)}",
                    f"{pre}-error-outline-color:{_mix('on-surface', 12)}",
                    f"{pre}-error-active-indicator-color:{_mix('on-surface', 38)}",
                    f"{pre}-error-supporting-text-color:{_mix('on-surface', 38)}",
                    f"{pre}-error-trailing-icon-color:{_mix('on-surface', 38)}",
                ]
        css.append(f".{k['dis']}{{{';'.join(dis)};cursor:default}}")
        css.append(f".{k['dis']} + span,.{k['dis']}.lbl{{color:{_mix('on-surface', 38)}}}")
        # looks enabled although disabled: the disabled tokens set to the enabled roles
        en = []
        for b in MDW_BUTTONS:
            cont, label = MDW_BTN_COLORS[b]
            en += [
                f"--md-{b}-button-disabled-container-color:{_sys(cont) if cont else 'transparent'}",
                "--md-" + b + "-button-disabled-container-opacity:1",
                f"--md-{b}-button-disabled-label-text-color:{_sys(label)}",
                f"--md-{b}-button-disabled-label-text-opacity:1",
                f"--md-{b}-button-disabled-icon-color:{_sys(label)}",
                f"--md-{b}-button-disabled-icon-opacity:1",
                f"--md-{b}-button-disabled-outline-color:{_sys('outline')}",
                f"--md-{b}-button-disabled-outline-opacity:1",
                f"--md-{b}-button-disabled-container-elevation:{1 if b == 'elevated' else 0}",
            ]
        en += [
            "--md-checkbox-disabled-container-opacity:1",
            f"--md-checkbox-disabled-outline-color:{_sys('on-surface-variant')}",
            "--md-checkbox-disabled-outline-width:2px",
            f"--md-checkbox-selected-disabled-container-color:{_sys('primary')}",
            "--md-checkbox-selected-disabled-container-opacity:1",
            f"--md-checkbox-selected-disabled-icon-color:{_sys('on-primary')}",
            f"--md-radio-disabled-selected-icon-color:{_sys('primary')}",
            "--md-radio-disabled-selected-icon-opacity:1",
            f"--md-radio-disabled-unselected-icon-color:{_sys('on-surface-variant')}",
            "--md-radio-disabled-unselected-icon-opacity:1",
            f"--md-switch-disabled-track-color:{_sys('surface-container-highest')}",
            "--md-switch-disabled-track-opacity:1",
            f"--md-switch-disabled-track-outline-color:{_sys('outline')}",
            f"--md-switch-disabled-handle-color:{_sys('outline')}",
            "--md-switch-disabled-handle-opacity:1",
            f"--md-switch-disabled-selected-track-color:{_sys('primary')}",
            f"--md-switch-disabled-selected-handle-color:{_sys('on-primary')}",
            "--md-switch-disabled-selected-handle-opacity:1",
            f"--md-switch-disabled-selected-icon-color:{_sys('on-primary-container')}",
            "--md-switch-disabled-selected-icon-opacity:1",
            f"--md-switch-disabled-icon-color:{_sys('surface-container-highest')}",
            "--md-switch-disabled-icon-opacity:1",
        ]
        for f in ("outlined", "filled"):
            for pre in (f"--md-{f}-text-field", f"--md-{f}-select-text-field"):
                en += [
                    f"{pre}-disabled-input-text-color:{_sys('on-surface')}",
                    f"{pre}-disabled-input-text-opacity:1",
                    f"{pre}-disabled-label-text-color:{_sys('on-surface-variant')}",
                    f"{pre}-disabled-label-text-opacity:1",
                    f"{pre}-disabled-outline-color:{_sys('outline')}",
                    f"{pre}-disabled-outline-opacity:1",
                    f"{pre}-disabled-active-indicator-color:{_sys('on-surface-variant')}",
                    f"{pre}-disabled-active-indicator-opacity:1",
                    f"{pre}-disabled-container-color:{_sys('surface-container-highest')}",
                    f"{pre}-disabled-container-opacity:1",
                    f"{pre}-disabled-trailing-icon-color:{_sys('on-surface-variant')}",
                    f"{pre}-disabled-trailing-icon-opacity:1",
                    f"{pre}-disabled-supporting-text-color:{_sys('on-surface-variant')}",
                    f"{pre}-disabled-supporting-text-opacity:1",
                ]
        css.append(f".{k['en']}{{{';'.join(en)};cursor:pointer}}")
        # error look without the error attribute, and the error attribute without its look
        err, ok = [], []
        for f in ("outlined", "filled"):
            for pre in (f"--md-{f}-text-field", f"--md-{f}-select-text-field"):
                for part in ("outline", "active-indicator", "label-text", "supporting-text", "trailing-icon", "caret"):
                    err.append(f"{pre}-{part}-color:{_sys('error')}")
                    err.append(f"{pre}-focus-{part}-color:{_sys('error')}")
                    err.append(f"{pre}-hover-{part}-color:{_sys('error')}")
                ok += [
                    f"{pre}-error-outline-color:{_sys('outline')}",
                    f"{pre}-error-active-indicator-color:{_sys('on-surface-variant')}",
                    f"{pre}-error-label-text-color:{_sys('on-surface-variant')}",
                    f"{pre}-error-supporting-text-color:{_sys('on-surface-variant')}",
                    f"{pre}-error-trailing-icon-color:{_sys('on-surface-variant')}",
                    f"{pre}-error-hover-outline-color:{_sys('on-surface')}",
                    f"{pre}-error-hover-label-text-color:{_sys('on-surface-variant')}",
                    f"{pre}-error-hover-active-indicator-color:{_sys('on-surface')}",
                    f"{pre}-error-focus-outline-color:{_sys('primary')}",
                    f"{pre}-error-focus-label-text-color:{_sys('primary')}",
                    f"{pre}-error-focus-active-indicator-color:{_sys('primary')}",
                    f"{pre}-error-focus-caret-color:{_sys('primary')}",
                ]
        err.append("--md-outlined-text-field-outline-width:2px")
        css.append(f".{k['err']}{{{';'.join(err)}}}")
        css.append(f".{k['ok']}{{{';'.join(ok)}}}")
        # read-only: Material has no look of its own; a quiet field (no container, dashed-looking outline)
        css.append(
            f".{k['ro']}{{--md-filled-text-field-container-color:transparent;--md-outlined-text-field-outline-color:{_sys('outline-variant')};"
            f"--md-filled-text-field-active-indicator-color:{_sys('outline-variant')};--md-outlined-text-field-input-text-color:{_sys('on-surface-variant')};"
            f"--md-filled-text-field-input-text-color:{_sys('on-surface-variant')}}}"
        )
        css.append(
            f"summary.{k['body']}{{cursor:pointer;padding:12px 16px;font:500 14px/20px system-ui,sans-serif;color:{_sys('on-surface')};"
            f"list-style:none;display:flex;justify-content:space-between;align-items:center}}"
            f"details.{k['body']}{{border-bottom:1px solid {_sys('outline-variant')};background:{_sys('surface-container-low')}}}"
            f"details.{k['body']} > p{{padding:0 16px 12px;margin:0;color:{_sys('on-surface-variant')}}}"
        )
        return f'<script src="{WC}/mdweb.js"></script><style>{"".join(css)}</style>'

    def html_attrs(self) -> str:
        return ""

    # ---- helpers -------------------------------------------------------------------------------
    def host_parts(self, w: Want) -> tuple[Parts, list[str]]:
        """The DOM half (native ``disabled`` on the host) and the token classes of the visual half."""
        p = looks_and_attrs(w)
        cls = []
        if w.case == "dis-attr-looks-enabled":
            cls.append(self.k["en"])
        elif w.case == "dis-look-only":
            cls.append(self.k["dis"])
        return p, cls

    @staticmethod
    def cattr(cls: list[str]) -> str:
        c = " ".join(x for x in cls if x)
        return f' class="{c}"' if c else ""

    def spinner(self) -> str:
        return (
            '<md-circular-progress indeterminate slot="icon" aria-hidden="true" '
            'style="--md-circular-progress-size:22px;--md-circular-progress-active-indicator-color:currentColor;'
            'margin:-2px 0"></md-circular-progress>'
        )

    # ---- kinds ---------------------------------------------------------------------------------
    def button(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = list(p.attrs)
        if w.case == "dis-attr-looks-enabled" and self.rng.random() < 0.4:
            attrs = [a if a != "disabled" else "soft-disabled" for a in attrs]  # aria-disabled on the inner <button>
        inner = esc(w.name)
        has_icon = False
        if w.icon_only:
            attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus")).replace("<svg ", '<svg slot="icon" ', 1)
            has_icon = True
        elif self.rng.random() < 0.3:
            inner = decorative_icon(self.rng).replace("<svg ", '<svg slot="icon" ', 1) + inner
            has_icon = True
        if "spin" in p.looks:
            inner = self.spinner() + inner
            has_icon = True
        if has_icon:
            attrs.append("has-icon")
        variant = self.btn if self.rng.random() < 0.8 else self.rng.choice(MDW_BUTTONS)
        style = ' style="min-width:48px"' if w.icon_only else ""
        tail = ""
        if w.v("expanded") is not None:
            attrs.append('aria-haspopup="menu"')
            attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            pp = self.plan_popup(w, p)
            attrs += [a for a in p.attrs if a.startswith("aria-controls")]
            if pp.emit:
                tail = self.popup(("Rename", "Duplicate", "Archive"), "menu", pp)
        tag = f"md-{variant}-button"
        body = f"<{tag}{self.cattr(cls)}{style} {' '.join(dict.fromkeys(attrs))}>{inner}</{tag}>"
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def popup(self, items: tuple[str, ...] | list[str], role: str, pp: object) -> str:
        from autoglm_ui.training.kits import PopupPlan

        assert isinstance(pp, PopupPlan)
        sub = "option" if role == "listbox" else "menuitem"
        style = (
            f"position:absolute;z-index:3;left:0;top:100%;min-width:112px;background:{_sys('surface-container')};"
            f"color:{_sys('on-surface')};border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3);padding:8px 0"
        )
        return (
            f'<div role="{role}"{pp.attrs(style)}>'
            + "".join(f'<div role="{sub}" style="padding:8px 12px;white-space:nowrap;font-size:14px">{i}</div>' for i in items)
            + "</div>"
        )

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        dis_style = f";color:{_mix('on-surface', 38)};cursor:default" if "dis" in p.looks else ""
        spin = (
            '<md-circular-progress indeterminate aria-hidden="true" style="--md-circular-progress-size:18px;'
            'vertical-align:-4px;margin-right:4px"></md-circular-progress>'
            if "spin" in p.looks
            else ""
        )
        if self.rng.random() < 0.35 and not dis_style and not spin and w.case is None and w.v("busy") == "idle" and w.v("availability") == "enabled":
            return f'<md-text-button href="#go-{w.n}" {p.attr()}>{esc(w.name)}</md-text-button>'
        typo = self.rng.choice(("md-typescale-body-medium", "md-typescale-body-large", "md-typescale-label-large"))
        deco = "underline" if self.rng.random() < 0.6 else "none"
        return (
            f'<a href="#go-{w.n}" class="{typo}" style="color:{_sys("primary")};text-decoration:{deco}{dis_style}" '
            f"{p.attr()}>{spin}{esc(w.name)}</a>"
        )

    def check(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = list(p.attrs)
        dom = checked_dom(p)
        look = checked_look(p)
        named = self.rng.random() < 0.5
        if named:
            attrs.append(f'aria-label="{esc(w.name)}"')
        if w.kind == "checkbox":
            if dom == "checked":
                attrs.append("checked")
            elif dom == "mixed":
                attrs.append("indeterminate")
            if w.v("validity") is not None:
                attrs.append("required")
            ctl = f'<md-checkbox{self.cattr(cls)} touch-target="wrapper" {" ".join(attrs)}></md-checkbox>'
        elif w.kind == "radio":
            # md-radio's role and aria-checked live in ElementInternals; an aria-checked on the host
            # (the DOM half of a case) overrides them while `checked` draws the dot
            if look in ("checked", "class-on"):
                attrs.append("checked")
            if look in ("nomark", "class-on"):
                attrs.append(f'aria-checked="{"true" if dom == "checked" else "false"}"')
            attrs.append(f'name="g{w.extra.get("group", w.n)}"')
            ctl = f'<md-radio{self.cattr(cls)} {" ".join(attrs)}></md-radio>'
        else:
            if dom == "checked":
                attrs.append("selected")
            if self.icons:
                attrs.append("icons" if self.rng.random() < 0.6 else "icons show-only-selected-icon")
            ctl = f'<md-switch{self.cattr(cls)} {" ".join(attrs)}></md-switch>'
        txt_cls = ""
        if "dis" in p.looks:
            txt_cls = f' style="color:{_mix("on-surface", 38)}"'
        gap = "16px" if w.kind == "switch" else "4px"
        return (
            f'<label style="display:inline-flex;align-items:center;gap:{gap};font-size:14px">{ctl}'
            f"<span{txt_cls}>{esc(w.name)}</span></label>"
        )

    def field_state(self, w: Want, p: Parts, cls: list[str]) -> list[str]:
        """Attributes of a field's error and read-only state; the look's classes go to ``cls``."""
        attrs = [a for a in p.attrs if a != 'aria-invalid="true"']  # the error attribute is the DOM half
        dom_invalid = 'aria-invalid="true"' in p.attrs
        if dom_invalid:
            attrs.append("error")
            if "err" in p.looks and self.rng.random() < 0.6:
                attrs.append(f'error-text="{self.rng.choice(("Required", "Enter a valid value", "Check this"))}"')
            if "err" not in p.looks:
                cls.append(self.k["ok"])
        elif "err" in p.looks:
            cls.append(self.k["err"])
        if "ro" in p.looks:
            cls.append(self.k["ro"])
        return attrs

    def textbox(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = self.field_state(w, p, cls)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search", "textarea"))
        if typ == "email" and value and "@" not in value:
            value = "jane@example.com"  # a native type mismatch would draw the error look
        if typ == "textarea":
            attrs.append('rows="2"')
        if self.rng.random() < 0.3 and not value:
            attrs.append('placeholder="Type here"')
        if self.rng.random() < 0.25 and "error-text" not in " ".join(attrs):
            attrs.append('supporting-text="Optional"')
        variant = self.field if self.rng.random() < 0.85 else self.rng.choice(("outlined", "filled"))
        tag = f"md-{variant}-text-field"
        return (
            f'<{tag}{self.cattr(cls)} label="{esc(w.name)}" type="{typ}" value="{esc(value)}" '
            f'{" ".join(attrs)}></{tag}>'
        )

    def select(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = self.field_state(w, p, cls)
        opts = self.rng.sample(OPTION_WORDS, 4)
        sel = self.rng.randrange(len(opts)) if self.rng.random() < 0.85 else -1
        if w.v("expanded") == "expanded":
            attrs.append("open")
        if self.rng.random() < 0.3:
            attrs.append("required")
        variant = self.field if self.rng.random() < 0.85 else self.rng.choice(("outlined", "filled"))
        tag = f"md-{variant}-select"
        options = "".join(
            f'<md-select-option value="{o.lower()}"{" selected" if i == sel else ""}><div slot="headline">{o}</div></md-select-option>'
            for i, o in enumerate(opts)
        )
        return f'<{tag}{self.cattr(cls)} label="{esc(w.name)}" {" ".join(attrs)}>{options}</{tag}>'

    def tabs(self, ws: list[Want]) -> str:
        out = []
        kind = self.tab
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)  # md tabs have no disabled state: aria-disabled on the host
            attrs = list(p.attrs)
            if "on" in p.looks:
                attrs.append("active")
            dim = f' class="{self.h.dim}"' if "dis" in p.looks else ""
            out.append(f"<md-{kind}-tab{dim} {' '.join(attrs)}>{esc(w.name)}</md-{kind}-tab>")
        panel = f'<div role="tabpanel" style="padding:12px 0">{self.rng.choice(PANEL_TEXT)}</div>'
        # not inside <md-tabs>: it activates a tab of its own at start-up (its first), whatever the markup says
        return (
            f'<div role="tablist" style="display:flex;border-bottom:1px solid {_sys("surface-container-highest")}">'
            f"{''.join(out)}</div>{panel}"
        )

    def accordion(self, ws: list[Want]) -> str:
        """Material Web has no accordion: ``<details>`` in its tokens; hard cases a heading button."""
        out = []
        body = self.k["body"]
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)
            dim = f" {self.h.dim}" if "dis" in p.looks else ""
            chev = CHEVRON.replace("<svg ", '<svg style="transform:rotate(180deg)" ') if "open" in p.looks else CHEVRON
            if w.case is not None or "dis" in p.looks or 'aria-disabled="true"' in p.attrs:
                exp = "true" if "dom-open" in p.looks else "false"
                pp = self.plan_popup(w, p)
                panel = f"<p{pp.attrs('padding:0 16px 12px;margin:0')}>{self.rng.choice(PANEL_TEXT)}</p>" if pp.emit else ""
                out.append(
                    f'<div class="{body}" style="border-bottom:1px solid {_sys("outline-variant")};background:{_sys("surface-container-low")}">'
                    f'<h3 style="margin:0"><button type="button" class="{body}{dim}" aria-expanded="{exp}" '
                    f'style="all:unset;box-sizing:border-box;width:100%;display:flex;justify-content:space-between;align-items:center;'
                    f'padding:12px 16px;font:500 14px/20px system-ui,sans-serif;cursor:pointer" {p.attr()}>{esc(w.name)} {chev}</button></h3>{panel}</div>'
                )
                continue
            op = " open" if w.v("expanded") == "expanded" else ""
            out.append(
                f'<details class="{body}"{op}><summary class="{body}" {p.attr()}>{esc(w.name)} {chev}</summary>'
                f"<p>{self.rng.choice(PANEL_TEXT)}</p></details>"
            )
        return f'<div class="{body}" style="border-radius:12px;overflow:hidden">{"".join(out)}</div>'


class Mdui(LibKit):
    """mdui 2.1.5: mdui-button, mdui-checkbox, mdui-radio, mdui-switch, mdui-text-field, mdui-select,
    mdui-tabs, mdui-collapse; light and dark (``mdui-theme-dark``), colour schemes from a seed."""

    source = "mdui"
    unsupported = frozenset(
        {
            "switch:mark-hidden",
            "switch:class-checked",
            "button:aria-busy-no-spinner",  # mdui-button keeps aria-busy on the host, its <button> never has it
            "textbox:aria-invalid-no-look",  # mdui-text-field's <input> never carries aria-invalid
            "select:aria-invalid-no-look",
            "select:looks-expanded",
            "select:looks-collapsed",
        }
    )

    SEEDS = ("", "", "#0061a4", "#386a20", "#9c4146", "#006a6a", "#825500", "#6750a4")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(self.SEEDS) or "default", dark)
        self.btn = rng.choice(("filled", "filled", "elevated", "tonal", "outlined", "text"))
        self.field = rng.choice(("filled", "outlined"))
        self.tab = rng.choice(("primary", "secondary"))
        self.k = {r: safe_token(rng, 5) for r in ("dis", "en", "nomark", "on", "mixed", "body", "err")}

    def head(self) -> str:
        k = self.k
        c = "rgb(var(--mdui-color-{}))".format
        a = "rgba(var(--mdui-color-{}),{})".format
        css = [
            f"body{{background:{c('background')};color:{c('on-background')};font-family:Roboto,'Noto Sans',system-ui,sans-serif}}",
            f".{k['body']} a{{color:{c('primary')}}}",
            # looks disabled without the attribute: mdui's own disabled colours, through parts and the host
            f"mdui-button.{k['dis']}{{color:{a('on-surface', '38%')};box-shadow:none;cursor:default}}",
            f"mdui-button.{k['dis']}:is([variant=filled],[variant=tonal],[variant=elevated]){{background-color:{a('on-surface', '12%')}}}",
            f"mdui-button.{k['dis']}[variant=outlined]{{border-color:{a('on-surface', '12%')}}}",
            f":is(mdui-checkbox,mdui-radio).{k['dis']}::part(unchecked-icon),:is(mdui-checkbox,mdui-radio).{k['dis']}::part(checked-icon),"
            f"mdui-checkbox.{k['dis']}::part(indeterminate-icon),:is(mdui-checkbox,mdui-radio).{k['dis']}::part(label){{color:{a('on-surface', '38%')}}}",
            f"mdui-switch.{k['dis']}::part(track){{background-color:{a('surface-container-highest', '.12')};border-color:{a('on-surface', '.12')}}}",
            f"mdui-switch.{k['dis']}[checked]::part(track){{background-color:{a('on-surface', '.12')}}}",
            f"mdui-switch.{k['dis']}::part(thumb){{background-color:{a('on-surface', '.38')}}}",
            f"mdui-switch.{k['dis']}[checked]::part(thumb){{background-color:{c('surface')}}}",
            f"mdui-text-field.{k['dis']}::part(input),mdui-text-field.{k['dis']}:not([data-err])::part(label),mdui-select.{k['dis']}::part(text-field__input),"
            f"mdui-select.{k['dis']}:not(.{k['err']})::part(text-field__label){{color:{a('on-surface', '38%')}}}",
            f"mdui-text-field.{k['dis']}:not([data-err])::part(container),mdui-select.{k['dis']}:not(.{k['err']})::part(text-field__container){{box-shadow:inset 0 0 0 .125rem {a('on-surface', '12%')};background-color:{a('on-surface', '4%')}}}",
            f"mdui-text-field.{k['dis']}[data-err]::part(container),mdui-select.{k['dis']}.{k['err']}::part(text-field__container){{background-color:{a('on-surface', '4%')}}}",
            # looks enabled although disabled
            f"mdui-button.{k['en']}{{cursor:pointer}}",
            f"mdui-button.{k['en']}[variant=filled]{{color:{c('on-primary')};background-color:{c('primary')}}}",
            f"mdui-button.{k['en']}[variant=tonal]{{color:{c('on-secondary-container')};background-color:{c('secondary-container')}}}",
            f"mdui-button.{k['en']}[variant=elevated]{{color:{c('primary')};background-color:{c('surface-container-low')};box-shadow:var(--mdui-elevation-level1)}}",
            f"mdui-button.{k['en']}:is([variant=outlined],[variant=text]){{color:{c('primary')}}}",
            f"mdui-button.{k['en']}[variant=outlined]{{border-color:{c('outline')}}}",
            f":is(mdui-checkbox,mdui-radio).{k['en']}::part(unchecked-icon){{color:{c('on-surface-variant')}}}",
            f":is(mdui-checkbox,mdui-radio).{k['en']}::part(checked-icon),mdui-checkbox.{k['en']}::part(indeterminate-icon){{color:{c('primary')}}}",
            f":is(mdui-checkbox,mdui-radio).{k['en']}::part(label){{color:{c('on-surface')}}}",
            f"mdui-switch.{k['en']}::part(track){{background-color:{c('surface-container-highest')};border-color:{c('outline')}}}",
            f"mdui-switch.{k['en']}[checked]::part(track){{background-color:{c('primary')}}}",
            f"mdui-switch.{k['en']}::part(thumb){{background-color:{c('outline')}}}",
            f"mdui-switch.{k['en']}[checked]::part(thumb){{background-color:{c('on-primary')}}}",
            f"mdui-text-field.{k['en']}::part(input),mdui-select.{k['en']}::part(text-field__input){{color:{c('on-surface')}}}",
            f"mdui-text-field.{k['en']}:not([data-err])::part(label),mdui-select.{k['en']}:not(.{k['err']})::part(text-field__label){{color:{c('on-surface-variant')}}}",
            f"mdui-text-field.{k['en']}[variant=outlined]:not([data-err])::part(container){{box-shadow:inset 0 0 0 .0625rem {c('outline')}}}",
            f"mdui-text-field.{k['en']}[variant=filled]:not([data-err])::part(container){{box-shadow:inset 0 -.0625rem 0 0 {c('on-surface-variant')};background-color:{c('surface-container-highest')}}}",
            f"mdui-text-field.{k['en']}[variant=filled][data-err]::part(container){{box-shadow:inset 0 -.0625rem 0 0 {c('error')};background-color:{c('surface-container-highest')}}}",
            f"mdui-text-field.{k['en']}[variant=outlined][data-err]::part(container){{box-shadow:inset 0 0 0 .0625rem {c('error')}}}",
            f"mdui-text-field.{k['en']}[data-err]::part(label){{color:{c('error')}}}",
            # mdui-select draws its error look only after a failed validation: the same look through its parts
            f"mdui-select.{k['err']}[variant=outlined]::part(text-field__container){{box-shadow:inset 0 0 0 .125rem {c('error')}}}",
            f"mdui-select.{k['err']}[variant=filled]::part(text-field__container){{box-shadow:inset 0 -.125rem 0 0 {c('error')}}}",
            f"mdui-select.{k['err']}::part(text-field__label),mdui-text-field.{k['err']}::part(label){{color:{c('error')}}}",
            f"mdui-text-field.{k['err']}[variant=outlined]::part(container){{box-shadow:inset 0 0 0 .125rem {c('error')}}}",
            f"mdui-text-field.{k['err']}[variant=filled]::part(container){{box-shadow:inset 0 -.125rem 0 0 {c('error')}}}",
            # the checked mark hidden / drawn by the page, whatever `checked` says
            f":is(mdui-checkbox,mdui-radio).{k['nomark']}::part(checked-icon),mdui-checkbox.{k['nomark']}::part(indeterminate-icon){{opacity:0!important}}",
            f":is(mdui-checkbox,mdui-radio).{k['nomark']}::part(unchecked-icon){{opacity:1!important;transform:none!important;color:{c('on-surface-variant')}}}",
            f"mdui-checkbox.{k['on']}::part(checked-icon){{opacity:1;transform:scale(1);color:{c('primary')}}}",
            f"mdui-radio.{k['on']}::part(checked-icon){{opacity:1;transform:scale(.5);color:{c('primary')}}}",
            f"mdui-radio.{k['on']}::part(unchecked-icon){{color:{c('primary')}}}",
            f"mdui-checkbox.{k['on']}::part(unchecked-icon),mdui-checkbox.{k['mixed']}::part(unchecked-icon){{opacity:0}}",
            f"mdui-checkbox.{k['mixed']}::part(indeterminate-icon){{opacity:1;transform:scale(1);color:{c('primary')}}}",
            f"details.{k['body']}{{border-bottom:1px solid {c('outline-variant')}}}",
            f"details.{k['body']} > summary{{cursor:pointer;padding:12px 16px;font-size:15px;list-style:none;display:flex;justify-content:space-between}}",
        ]
        scheme = (
            f"<script>window.mduiSetColorScheme&&window.mduiSetColorScheme('{self.variant}')</script>"
            if self.variant.startswith("#")
            else ""
        )
        invalid = (
            "<script>customElements.whenDefined('mdui-text-field').then(()=>{const go=()=>document.querySelectorAll("
            "'mdui-text-field[data-err]').forEach(e=>e.updateComplete.then(()=>e.setCustomValidity(e.dataset.err)));"
            "document.readyState==='loading'?document.addEventListener('DOMContentLoaded',go):go()})</script>"
        )
        return (
            f'<link rel="stylesheet" href="{V}/mdui/mdui.css"><script src="{WC}/mdui.js"></script>{scheme}{invalid}'
            f"<style>{''.join(css)}</style>"
        )

    def html_attrs(self) -> str:
        return f'class="mdui-theme-{"dark" if self.dark else "light"}"'

    def host_parts(self, w: Want) -> tuple[Parts, list[str]]:
        p = looks_and_attrs(w)
        cls = []
        if w.case == "dis-attr-looks-enabled":
            cls.append(self.k["en"])
        elif w.case == "dis-look-only":
            cls.append(self.k["dis"])
        return p, cls

    @staticmethod
    def cattr(cls: list[str]) -> str:
        c = " ".join(x for x in cls if x)
        return f' class="{c}"' if c else ""

    def spinner(self) -> str:
        return (
            '<mdui-circular-progress slot="icon" aria-hidden="true" style="width:18px;height:18px;'
            'stroke:currentColor"></mdui-circular-progress>'
        )

    def button(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = list(p.attrs)
        inner = esc(w.name)
        if w.icon_only:
            attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus")).replace("<svg ", '<svg slot="icon" ', 1)
        elif self.rng.random() < 0.3:
            inner = decorative_icon(self.rng).replace("<svg ", '<svg slot="icon" ', 1) + inner
        if "spin" in p.looks:
            # the documented `loading` look disables the inner <button>: only where the control is disabled anyway
            if "disabled" in attrs and self.rng.random() < 0.7:
                attrs.append("loading")
            else:
                inner = self.spinner() + inner.replace('slot="icon" ', "")
        variant = self.btn if self.rng.random() < 0.8 else self.rng.choice(("filled", "elevated", "tonal", "outlined", "text"))
        attrs.append(f'variant="{variant}"')
        if self.rng.random() < 0.1 and not w.icon_only:
            attrs.append("full-width")
        tail = ""
        if w.v("expanded") is not None:
            attrs.append('aria-haspopup="menu"')
            attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            pp = self.plan_popup(w, p)
            attrs += [x for x in p.attrs if x.startswith("aria-controls")]
            if pp.emit:
                tail = self.popup(("Rename", "Duplicate", "Archive"), "menu", pp)
        body = f"<mdui-button{self.cattr(cls)} {' '.join(dict.fromkeys(attrs))}>{inner}</mdui-button>"
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def popup(self, items: tuple[str, ...] | list[str], role: str, pp: object) -> str:
        from autoglm_ui.training.kits import PopupPlan

        assert isinstance(pp, PopupPlan)
        sub = "option" if role == "listbox" else "menuitem"
        style = (
            "position:absolute;z-index:3;left:0;top:100%;min-width:112px;background:rgb(var(--mdui-color-surface-container));"
            "color:rgb(var(--mdui-color-on-surface));border-radius:4px;box-shadow:var(--mdui-elevation-level2);padding:8px 0"
        )
        return (
            f'<div role="{role}"{pp.attrs(style)}>'
            + "".join(f'<div role="{sub}" style="padding:8px 12px;white-space:nowrap;font-size:14px">{i}</div>' for i in items)
            + "</div>"
        )

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        dis = ";color:rgba(var(--mdui-color-on-surface),38%);cursor:default" if "dis" in p.looks else ""
        spin = (
            '<mdui-circular-progress aria-hidden="true" style="width:16px;height:16px;vertical-align:-3px;margin-right:4px">'
            "</mdui-circular-progress>"
            if "spin" in p.looks
            else ""
        )
        if self.rng.random() < 0.35 and w.case is None and w.v("busy") == "idle" and w.v("availability") == "enabled":
            return f'<mdui-button variant="text" href="#go-{w.n}" {p.attr()}>{esc(w.name)}</mdui-button>'
        deco = "underline" if self.rng.random() < 0.6 else "none"
        return (
            f'<a href="#go-{w.n}" style="color:rgb(var(--mdui-color-primary));text-decoration:{deco}{dis}" '
            f"{p.attr()}>{spin}{esc(w.name)}</a>"
        )

    def check(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = list(p.attrs)
        dom = checked_dom(p)
        look = checked_look(p)
        if look == "nomark":
            cls.append(self.k["nomark"])
        elif look == "class-on":
            cls.append(self.k["on"])
        elif look == "class-mixed":
            cls.append(self.k["mixed"])
        if w.kind == "checkbox":
            if dom == "checked":
                attrs.append("checked")
            elif dom == "mixed":
                attrs.append("indeterminate")
            tag = "mdui-checkbox"
        elif w.kind == "radio":
            # mdui-radio has no role of its own: the page gives it role=radio and aria-checked
            if dom == "checked":
                attrs.append("checked")
            attrs += ['role="radio"', f'aria-checked="{"true" if dom == "checked" else "false"}"']
            tag = "mdui-radio"
        else:
            # its <input> has no switch role: the page names the role on the host, as for radios
            if dom == "checked":
                attrs.append("checked")
            attrs += ['role="switch"', f'aria-checked="{"true" if dom == "checked" else "false"}"']
            tag = "mdui-switch"
            return (
                f'<label style="display:inline-flex;align-items:center;gap:12px;font-size:14px">'
                f"<{tag}{self.cattr(cls)} {' '.join(attrs)}></{tag}>"
                f'<span style="{"color:rgba(var(--mdui-color-on-surface),38%)" if "dis" in p.looks else ""}">{esc(w.name)}</span></label>'
            )
        return f"<{tag}{self.cattr(cls)} {' '.join(attrs)}>{esc(w.name)}</{tag}>"

    def field_attrs(self, p: Parts, cls: list[str], select: bool = False) -> list[str]:
        attrs = list(p.attrs)
        if "err" in p.looks and (select or "ro" in p.looks):  # select, read-only: no validation look of their own
            cls.append(self.k["err"])
        elif "err" in p.looks:  # the documented setCustomValidity() draws the error look (head()'s script)
            attrs.append(f'data-err="{self.rng.choice(("Required", "Enter a valid value", "Check this"))}"')
        return attrs

    def textbox(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = self.field_attrs(p, cls)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search", "textarea"))
        if typ == "email" and value and "@" not in value:
            value = "jane@example.com"  # a native type mismatch would draw the error look
        if self.rng.random() < 0.3:
            attrs.append('placeholder="Type here"')
        if self.rng.random() < 0.2 and "error=" not in " ".join(attrs):
            attrs.append('helper="Optional"')
        if typ == "textarea":
            attrs.append('rows="2"')
        elif self.rng.random() < 0.2 and "ro" not in p.looks:
            attrs.append("clearable")
        variant = self.field if self.rng.random() < 0.85 else self.rng.choice(("filled", "outlined"))
        if "ro" in p.looks:
            cls.append(self.h.ro)
        ro = ""
        return (
            f'<mdui-text-field{self.cattr(cls) or ro} variant="{variant}" label="{esc(w.name)}" type="{typ}" '
            f'value="{esc(value)}" {" ".join(attrs)}></mdui-text-field>'
        )

    def select(self, w: Want) -> str:
        p, cls = self.host_parts(w)
        attrs = self.field_attrs(p, cls, select=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        value = opts[self.rng.randrange(4)].lower() if self.rng.random() < 0.85 else ""
        # mdui-select's trigger is a read-only text field: the page names its role, as a listbox button
        attrs += ['role="combobox"', 'aria-haspopup="listbox"', f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"']
        if "dom-open" in p.looks:
            attrs.append("open")
        variant = self.field if self.rng.random() < 0.85 else self.rng.choice(("filled", "outlined"))
        items = "".join(f'<mdui-menu-item value="{o.lower()}">{o}</mdui-menu-item>' for o in opts)
        return (
            f'<mdui-select{self.cattr(cls)} variant="{variant}" label="{esc(w.name)}" value="{value}" '
            f'aria-label="{esc(w.name)}" {" ".join(attrs)}>{items}</mdui-select>'
        )

    def tabs(self, ws: list[Want]) -> str:
        out = []
        active = ""
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)  # mdui-tab has no disabled state
            if "on" in p.looks and not active:
                active = f"t{w.n}"
            dim = f' class="{self.h.dim}"' if "dis" in p.looks else ""
            out.append(f'<mdui-tab{dim} role="tab" value="t{w.n}" {p.attr()}>{esc(w.name)}</mdui-tab>')
        panel = f'<div role="tabpanel" style="padding:12px 0">{self.rng.choice(PANEL_TEXT)}</div>'
        full = " full-width" if self.rng.random() < 0.3 else ""
        return (
            f'<mdui-tabs role="tablist" variant="{self.tab}" value="{active}"{full}>{"".join(out)}</mdui-tabs>{panel}'
        )

    def accordion(self, ws: list[Want]) -> str:
        """mdui-collapse: each item's header is a list item the page gives role=button and aria-expanded."""
        out = []
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)
            exp = "true" if "dom-open" in p.looks else "false"
            dim = f' class="{self.h.dim}"' if "dis" in p.looks else ""
            chev = CHEVRON.replace("<svg ", '<svg slot="end-icon" style="transform:rotate(180deg)" ') if "open" in p.looks else CHEVRON.replace("<svg ", '<svg slot="end-icon" ')
            val = f"c{w.n}"
            out.append(
                f'<mdui-collapse value="{val if "open" in p.looks else ""}"><mdui-collapse-item value="{val}">'
                f'<mdui-list-item slot="header" role="button" tabindex="0" aria-expanded="{exp}"{dim} {p.attr()}>{esc(w.name)}{chev}</mdui-list-item>'
                f'<div style="padding:0 16px 12px 16px">{self.rng.choice(PANEL_TEXT)}</div></mdui-collapse-item></mdui-collapse>'
            )
        return f'<mdui-list class="{self.k["body"]}">{"".join(out)}</mdui-list>'


KITS: dict[str, KitClass] = {"mdweb": MdWeb, "mdui": Mdui}
