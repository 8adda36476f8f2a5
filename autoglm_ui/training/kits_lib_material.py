# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the Material-like and framework stylesheets:
materialize-css, beercss, metro4, augmented-ui, vanilla-framework.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``). Two of the pinned
packages ship sources only: vanilla-framework (Sass, compiled here with the pinned ``sass``) and
metro4 (LESS, compiled with a ``lessc`` when one is installed); their CSS is built once into
``/vendor/autoglm-ui-build/lib-material/`` the first time a kit is made (see :func:`built_css`).
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers, Kit
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.styles import Theme, own_css, random_theme, safe_token
from autoglm_ui.training.widgets import (
    CHEVRON,
    Parts,
    Want,
    checked_look,
    esc,
    input_checked_attrs,
    looks_and_attrs,
)

NODE_MODULES = Path(__file__).resolve().parents[2] / "fixtures" / "vendor" / "node_modules"
BUILD = NODE_MODULES / "autoglm-ui-build" / "lib-material"

#: metro4 parts compiled: the reset, the common utilities and the components the kit draws
METRO_COMPONENTS = (
    "button",
    "checkbox",
    "radio",
    "switch",
    "input-common",
    "input",
    "select",
    "tabs",
    "accordion",
)


def _version(package: str) -> str:
    try:
        return str(json.loads((NODE_MODULES / package / "package.json").read_text())["version"])
    except (OSError, ValueError, KeyError):
        return "0"


def _lessc() -> str | None:
    local = NODE_MODULES / ".bin" / "lessc"
    return str(local) if local.exists() else shutil.which("lessc")


def _vanilla_source() -> tuple[list[str], str]:
    """Vanilla without its web fonts (they come from a CDN): Ubuntu's fallbacks are drawn instead."""
    src = (
        '$font-base-family: \'-apple-system, "Segoe UI", "Roboto", "Liberation Sans", "DejaVu Sans", sans-serif\';\n'
        '@import "vanilla-framework";\n@include vanilla;\n'
    )
    node = shutil.which("node") or "node"
    argv = [
        node,
        str(NODE_MODULES / "sass" / "sass.js"),
        f"--load-path={NODE_MODULES}",
        "--no-source-map",
        "--style=compressed",
        "--quiet",
        "--stdin",
    ]
    return argv, src


def _metro_source() -> tuple[list[str], str]:
    m = NODE_MODULES / "metro4" / "source"
    lines = [f'@import "{m}/reset/reset.less";']
    lines += [f'@import "{p}";' for p in sorted((m / "common" / "less").glob("*.less"))]
    for c in METRO_COMPONENTS:
        lines += [f'@import "{p}";' for p in sorted((m / "components" / c).glob("*.less"))]
    return [_lessc() or "lessc", "-"], "\n".join(lines) + "\n"


def built_css(name: str) -> str:
    """The URL of a compiled stylesheet (``vanilla`` or ``metro``), compiling it on first use.

    Written atomically next to the other compiled CSS, named by the package version, so parallel
    builds share one file and a new pin rebuilds it. Raises ``RuntimeError`` naming the fix.
    """
    package = {"vanilla": "vanilla-framework", "metro": "metro4"}[name]
    fname = f"{name}-{_version(package)}.css"
    out = BUILD / fname
    if not out.is_file():
        argv, src = _vanilla_source() if name == "vanilla" else _metro_source()
        env = dict(os.environ)
        env["NODE_PATH"] = os.pathsep.join(filter(None, (str(NODE_MODULES), env.get("NODE_PATH", ""))))
        BUILD.mkdir(parents=True, exist_ok=True)
        tmp = BUILD / f".{fname}.{os.getpid()}.tmp"
        try:
            res = subprocess.run(
                argv, input=src, capture_output=True, text=True, timeout=600, env=env, check=False
            )
        except (OSError, subprocess.SubprocessError) as e:
            raise RuntimeError(
                f"cannot compile {package} CSS ({e}); run `make css` and install lessc for metro4"
            ) from e
        if res.returncode != 0 or not res.stdout.strip():
            raise RuntimeError(f"compiling {package} CSS failed: {res.stderr.strip()[:400]}")
        tmp.write_text(res.stdout)
        os.replace(tmp, out)
    return f"{V}/autoglm-ui-build/lib-material/{fname}"


def _metro_available() -> bool:
    return any(BUILD.glob(f"metro-{_version('metro4')}.css")) or _lessc() is not None


def _swap(out: str, old: str, new: str) -> str:
    return out.replace(old, new) if old else out


# ---------------------------------------------------------------------------------------------------
class Materialize(LibKit):
    """materialize-css 1.0.0 (Material Design; no dark theme, so always light).

    Its ``select`` and tab indicator need its JavaScript: the native ``browser-default`` select and
    the indicator bar the script would place are drawn instead.
    """

    source = "materialize"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "*:mark-hidden"})
    repaints_disabled = frozenset({"button", "textbox", "select", "tab", "checkbox", "radio", "switch"})
    COLORS = (
        "",
        "teal",
        "red lighten-1",
        "blue darken-1",
        "indigo",
        "deep-purple accent-2",
        "pink",
        "green darken-1",
        "orange darken-2",
        "grey darken-3",
        "cyan darken-2",
        "amber darken-3",
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("raised", "flat", "large", "small")), dark=False)
        col = rng.choice(self.COLORS)
        base = {"raised": "btn", "flat": "btn-flat", "large": "btn-large", "small": "btn-small"}[self.variant]
        self.color = "" if base == "btn-flat" else col
        self.c = {
            "btn": f"waves-effect {'waves-light ' if self.color else ''}{base} {self.color}".strip(),
            "link": rng.choice(
                ("", "", "teal-text", "pink-text text-darken-2", "indigo-text", "blue-text text-darken-3")
            ),
            "field": rng.choice(("validate", "")),
            "select": "browser-default",
            "err": "invalid",
            "on": "active",
            "combo": f"dropdown-trigger btn {self.color}".strip()
            if rng.random() < 0.5
            else "dropdown-trigger btn-flat",
        }
        self.box = rng.choice(("", "filled-in"))
        self.gap = rng.choice(("", "with-gap"))
        self.tabs_cls = rng.choice(("tabs", "tabs tabs-fixed-width", "tabs z-depth-1"))
        self.coll = rng.choice(("collapsible", "collapsible popout", "collapsible expandable"))

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/materialize-css/dist/css/materialize.min.css">'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if ("btn" in roles or "combo" in roles) and "dis" in p.looks:
            out = out.replace(self.h.dim, "disabled")
        return out

    def spinner(self) -> str:
        col = "border-color:currentColor" if self.color or "flat" not in self.c["btn"] else ""
        still = ";animation:none" if self.rng.random() < 0.3 else ""
        return (
            '<span class="preloader-wrapper small active" aria-hidden="true" style="width:18px;height:18px;vertical-align:middle;margin-right:8px">'
            f'<span class="spinner-layer spinner-blue-only" style="{col}{still}"><span class="circle-clipper left"><span class="circle"></span></span>'
            '<span class="gap-patch"><span class="circle"></span></span><span class="circle-clipper right"><span class="circle"></span></span></span></span>'
        )

    def button(self, w: Want) -> str:
        keep = self.c["btn"]
        if w.icon_only and self.rng.random() < 0.6:  # the round icon button
            self.c["btn"] = f"btn-floating waves-effect waves-light {self.color or 'red'}"
        try:
            return super().button(w)
        finally:
            self.c["btn"] = keep

    def check(self, w: Want) -> str:
        p = self.parts(w)
        cls = {"checkbox": self.box, "radio": self.gap}.get(w.kind, "")
        inp = self.check_input(w, p, cls)
        dim = self.h.dim if "dis" in p.looks else ""
        if w.kind == "switch":
            return f'<div class="switch {dim}"><label>{inp}<span class="lever"></span>{esc(w.name)}</label></div>'
        return f'<p style="margin:0"><label class="{dim}">{inp}<span>{esc(w.name)}</span></label></p>'

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        cls, attrs = self.merge_class(p, self.looks(p, "field"))
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.6:
            msg = f'<span class="helper-text" data-error="{self.rng.choice(("Required", "Wrong format"))}"></span>'
        return (
            f'<div class="input-field" style="margin-top:1.4rem"><input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
            f'<label for="f{w.n}" class="active">{esc(w.name)}</label>{msg}</div>'
        )

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            li = "tab disabled" if "dis" in p.looks else "tab"
            cls, attrs = self.merge_class(p, "active" if "on" in p.looks else "")
            bar = ' style="box-shadow:inset 0 -2px 0 #f6b2b5"' if "on" in p.looks else ""
            out.append(
                f'<li class="{li}"><a role="tab" href="#t{w.n}" class="{cls}"{bar} {attrs}>{esc(w.name)}</a></li>'
            )
        return f'<ul class="{self.tabs_cls}" role="tablist">{"".join(out)}</ul><div role="tabpanel" style="padding:.6em 0">{self.rng.choice(PANEL_TEXT)}</div>'

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            dim = f" {self.h.dim}" if "dis" in p.looks else ""
            cls, attrs = self.merge_class(p, f"collapsible-header{dim}")
            body = ""
            if pp.emit:
                body = f'<div class="collapsible-body"{pp.attrs("display:block" if is_open else "")}><span>{self.rng.choice(PANEL_TEXT)}</span></div>'
            out.append(
                f'<li class="{"active" if is_open else ""}"><div role="button" tabindex="0" aria-expanded="{exp}" class="{cls}" {attrs}>'
                f"{esc(w.name)}</div>{body}</li>"
            )
        return f'<ul class="{self.coll}">{"".join(out)}</ul>'


# ---------------------------------------------------------------------------------------------------
class Beer(LibKit):
    """beercss 5.0.3 (Material Design 3; light, and dark through ``body.dark``).

    Its checkbox, radio and switch marks are Material Symbols glyphs (the font ships in the package)
    drawn by ``input:checked + span::before``; the hard checked cases restate those rules on a
    helper class.
    """

    source = "beer"
    unsupported = frozenset()
    repaints_disabled = frozenset({"button", "textbox", "select", "checkbox", "radio", "switch"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("filled", "border", "tonal", "text", "elevated")), dark)
        tone = rng.choice(("", "", "primary", "secondary", "tertiary"))
        look = {
            "filled": tone,
            "border": "border",
            "tonal": rng.choice(("secondary-container", "primary-container", "tertiary-container")),
            "text": "transparent",
            "elevated": "surface-container-low small-elevate",
        }[self.variant]
        size = rng.choice(("", "", "small", "large"))
        shape = rng.choice(("", "", "small-round", "no-round"))
        self.c = {
            "btn": f"{look} {size} {shape}".strip(),
            "link": "link",
            "tab": "",
            "on": "active",
            "tablist": "tabs" + rng.choice(("", " min", " left-align")),
            "combo": "border",
        }
        self.fieldc = rng.choice(("border", "border", "fill", "border round", "fill small-round"))
        self.box_size = rng.choice(("", "", "small", "large"))
        self.nomark, self.on, self.mixed = (safe_token(rng, 5) for _ in range(3))

    def head(self) -> str:
        nm, on, mx = self.nomark, self.on, self.mixed
        css = (
            f".checkbox.{nm}>input:checked+span::before{{content:'check_box_outline_blank';font-variation-settings:normal}}"
            f".radio.{nm}>input:checked+span::before{{content:'radio_button_unchecked'}}"
            f".switch.{nm}>input:checked+span::after{{background-color:var(--active);border:.125rem solid var(--outline)}}"
            f".switch.{nm}>input:checked+span::before{{content:'';color:var(--surface-variant);background-color:var(--outline);transform:translate(-3rem,-50%) scale(.6)}}"
            f".checkbox.{on}>input+span::before{{content:'check_box';font-variation-settings:'FILL' 1}}"
            f".radio.{on}>input+span::before{{content:'radio_button_checked'}}"
            f".switch.{on}>input+span::after{{border:none;background-color:var(--primary)}}"
            f".switch.{on}>input+span::before{{content:'check';color:var(--primary);background-color:var(--on-primary);transform:translate(-1.75rem,-50%) scale(1)}}"
            f".checkbox.{mx}>input+span::before{{content:'indeterminate_check_box'}}"
        )
        dark = (
            '<script>document.addEventListener("DOMContentLoaded",()=>document.body.classList.add("dark"))</script>'
            if self.dark
            else ""
        )
        return f'<link rel="stylesheet" href="{V}/beercss/dist/cdn/beer.min.css"><style>{css}</style>{dark}'

    def spinner(self) -> str:
        still = (
            ' style="animation:none;inline-size:1.25rem;block-size:1.25rem"'
            if self.rng.random() < 0.3
            else ' style="inline-size:1.25rem;block-size:1.25rem"'
        )
        return f'<progress class="circle small indeterminate" aria-hidden="true"{still}></progress>'

    def tabs_as_links(self) -> bool:
        return True  # beer styles ``.tabs > a``

    def check(self, w: Want) -> str:
        p = self.parts(w)
        look = checked_look(p)
        state = {"nomark": self.nomark, "class-on": self.on, "class-mixed": self.mixed}.get(look, "")
        cls, attrs = self.merge_class(p, "")
        typ = "radio" if w.kind == "radio" else "checkbox"
        extra = ' role="switch"' if w.kind == "switch" else ""
        extra += f' name="g{w.extra.get("group", w.n)}"' if typ == "radio" else ""
        chk = " ".join(input_checked_attrs(p))
        dim = self.h.dim if "dis" in p.looks else ""
        size = self.box_size if w.kind != "switch" else ""
        name = esc(w.name)
        if w.kind == "switch":
            return (
                f'<nav class="no-padding" style="display:inline-flex;align-items:center;gap:.75rem"><label class="switch {state} {dim}">'
                f'<input type="checkbox" id="f{w.n}" class="{cls}"{extra} {chk} {attrs}><span></span></label>'
                f'<label for="f{w.n}">{name}</label></nav>'
            )
        return f'<label class="{w.kind} {size} {state} {dim}"><input type="{typ}" id="f{w.n}" class="{cls}"{extra} {chk} {attrs}><span>{name}</span></label>'

    def field_wrap(self, w: Want, p: Parts, field: str, suffix: str = "") -> str:
        err = " invalid" if "err" in p.looks else ""
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.6:
            msg = f'<output class="invalid">{self.rng.choice(("Required", "Check this"))}</output>'
        elif self.rng.random() < 0.3:
            msg = "<output>Helper text</output>"
        sfx = " suffix" if suffix else ""
        return (
            f'<label for="f{w.n}" style="display:block;margin-bottom:.25rem">{esc(w.name)}</label>'
            f'<div class="field {self.fieldc}{sfx}{err}{dim}" style="margin-block-start:0">{field}{suffix}{msg}</div>'
        )

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        cls, attrs = self.merge_class(p, self.h.ro if "ro" in p.looks else "")
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        return self.field_wrap(
            w, p, f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(p, "")
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        arrow = CHEVRON.replace("<svg ", '<svg style="inline-size:1.25rem" ')
        return self.field_wrap(w, p, f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>', arrow)

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            dim = f" {self.h.dim}" if "dis" in p.looks else ""
            chev = (
                CHEVRON.replace("<svg ", '<svg style="transform:rotate(180deg)" ')
                if "open" in p.looks
                else CHEVRON
            )
            if w.case in ("looks-expanded", "looks-collapsed") or self.rng.random() < 0.3:
                exp = "true" if "dom-open" in p.looks else "false"
                pp = self.plan_popup(w, p)
                panel = (
                    f'<div class="padding"{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</div>' if pp.emit else ""
                )
                cls, attrs = self.merge_class(p, f"transparent responsive no-round{dim}")
                out.append(
                    f'<article class="no-padding border"><h6 style="margin:0"><button type="button" aria-expanded="{exp}" class="{cls}" '
                    f'style="justify-content:space-between" {attrs}>{esc(w.name)} {chev}</button></h6>{panel}</article>'
                )
                continue
            op = " open" if w.v("expanded") == "expanded" else ""
            cls, attrs = self.merge_class(p, f"padding{dim}")
            out.append(
                f'<article class="no-padding border"><details{op}><summary class="{cls}" {attrs}>'
                f'<span style="display:flex;justify-content:space-between;align-items:center">{esc(w.name)} {chev}</span></summary>'
                f'<p class="padding" style="margin:0">{self.rng.choice(PANEL_TEXT)}</p></details></article>'
            )
        return "".join(out)


# ---------------------------------------------------------------------------------------------------
class Metro(LibKit):
    """metro4 4.5.12 (Metro UI; LESS sources compiled by ``lessc``; no dark theme, so always light).

    Markup is what its components write when their script wraps a control (``label.checkbox`` with
    ``span.check``, ``div.input``, ``.tabs > ul.tabs-list``, ``.accordion > .frame``).
    """

    source = "metro"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "*:mark-hidden"})
    repaints_disabled = frozenset({"button", "textbox", "select", "tab", "checkbox", "radio", "switch"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", "outline", "rounded", "flat")), dark=False)
        self.css = built_css("metro")
        col = rng.choice(
            ("", "primary", "secondary", "success", "alert", "warning", "info", "dark", "yellow", "light")
        )
        size = rng.choice(("", "", "small", "large", "mini"))
        shape = {"outline": " outline", "rounded": " rounded", "flat": ""}.get(self.variant, "")
        self.c = {
            "btn": ("flat-button" if self.variant == "flat" else "button") + f" {col}{shape} {size}",
            "field": "metro-input",
            "select": "metro-input",
            "err": "invalid",
            "combo": f"button dropdown-toggle {col}",
        }
        self.box = rng.choice(("", "style2", "transition-on"))
        self.tabs_cls = rng.choice(("tabs-default", "tabs-text", "tabs-pills", "tabs-group"))
        self.acc = rng.choice(("accordion", "accordion marker-on", "accordion material"))

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{self.css}">'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "btn" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "disabled")
        return out

    def spinner(self) -> str:
        return f'<span class="{self.h.spin}" aria-hidden="true"{self.still()}></span>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "")
        if w.v("checked") == "mixed" and "dom:mixed" in p.looks:
            inp = inp.replace("<input ", '<input data-indeterminate="true" ', 1)
        dim = self.h.dim if "dis" in p.looks else ""
        kind = {
            "checkbox": f"checkbox {self.box}",
            "radio": f"radio {self.box if self.box != 'style2' else ''}",
            "switch": "switch",
        }[w.kind]
        return f'<label class="{kind} {dim}">{inp}<span class="check"></span><span class="caption">{esc(w.name)}</span></label>'

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        wrap = "input" + (" invalid" if "err" in p.looks else "") + (" disabled" if "dis" in p.looks else "")
        cls, attrs = self.merge_class(p, self.h.ro if "ro" in p.looks else "")
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        return (
            f'<label for="f{w.n}">{esc(w.name)}</label><div class="{wrap}" style="max-width:18rem">'
            f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}></div>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(
            p, self.looks(p, "select").replace("invalid", "") + (" invalid" if "err" in p.looks else "")
        )
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return f'<label for="f{w.n}">{esc(w.name)}</label><br><select id="f{w.n}" class="{cls}" style="max-width:16rem;height:36px" {attrs}>{opts}</select>'

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            li = ("active" if "on" in p.looks else "") + (f" {self.h.dim}" if "dis" in p.looks else "")
            cls, attrs = self.merge_class(p, "")
            out.append(
                f'<li class="{li}"><a role="tab" href="#t{w.n}" class="{cls}" {attrs}>{esc(w.name)}</a></li>'
            )
        return (
            f'<div class="tabs tabs-wrapper top tabs-expand"><ul class="tabs-list {self.tabs_cls}" role="tablist">{"".join(out)}</ul></div>'
            f'<div role="tabpanel" style="padding:.6em 0">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pp = self.plan_popup(w, p)
            dim = f" {self.h.dim}" if "dis" in p.looks else ""
            cls, attrs = self.merge_class(p, f"heading{dim}")
            body = (
                f'<div class="content"{pp.attrs("" if is_open else "display:none")}><div class="p-2">{self.rng.choice(PANEL_TEXT)}</div></div>'
                if pp.emit
                else ""
            )
            out.append(
                f'<div class="frame{" active" if is_open else ""}"><div role="button" tabindex="0" aria-expanded="{exp}" class="{cls}" {attrs}>'
                f"{esc(w.name)}</div>{body}</div>"
            )
        return f'<div class="{self.acc}">{"".join(out)}</div>'


# ---------------------------------------------------------------------------------------------------
class Augmented(LibKit):
    """augmented-ui 2.0.0: it only cuts and borders shapes (``data-augmented-ui``), so it is drawn,
    as its docs show, on top of an own randomised theme (``styles.py``), light or dark.
    """

    source = "augmented"
    unsupported = frozenset()
    SHAPES = (
        "tl-clip br-clip",
        "tl-clip tr-clip br-clip bl-clip",
        "tr-clip bl-clip",
        "tl-round br-clip",
        "tl-clip-x br-clip-y",
        "tr-2-clip-x br-clip bl-clip",
        "tl-scoop br-scoop",
        "both tl-clip br-clip",
    )
    BORDER = ("border", "border", "inlay", "both")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        theme = dataclasses.replace(random_theme(rng, "own"), dark=dark)
        super().__init__(rng, helpers, rng.choice(self.SHAPES), dark)
        self.theme, self.n = theme, theme.names
        self.own: Theme = theme  # the base class types self.theme as optional
        mode = rng.choice(self.BORDER)
        self.aug = f"{self.variant} {mode}" if mode != "both" or "both" not in self.variant else self.variant
        if "both" in self.variant:
            self.aug = self.variant
        self.size = rng.choice(("8px", "10px", "12px", "6px"))
        self.border_w = rng.choice(("1px", "2px", "2px", "3px"))
        self.hue2 = (theme.hue + rng.choice((0, 40, 180, 300))) % 360

    @property
    def style_id(self) -> str:
        return f"augmented/{self.variant}/{self.own.id}"

    def cls(self, role: str) -> str:
        return Kit.cls(self, role)

    def head(self) -> str:
        lum = "65%" if self.dark else "42%"
        css = (
            f"[data-augmented-ui]{{--aug-border-all:{self.border_w};--aug-border-bg:hsl({self.hue2} 80% {lum});"
            f"--aug-inlay-bg:hsl({self.hue2} 70% {lum} / .12);--aug-tl:{self.size};--aug-tr:{self.size};--aug-br:{self.size};--aug-bl:{self.size}}}"
            f"span[data-augmented-ui].aug-w{{display:inline-block;padding:2px}}"
        )
        return f'<link rel="stylesheet" href="{V}/augmented-ui/augmented-ui.min.css"><style>{own_css(self.own)}{css}</style>'

    def spinner(self) -> str:
        return Kit.spinner(self)

    def aug_attr(self) -> str:
        return f'data-augmented-ui="{self.aug}"'

    def button(self, w: Want) -> str:
        return Kit.button(self, w).replace(
            '<button type="button" ', f'<button type="button" {self.aug_attr()} ', 1
        )

    def link(self, w: Want) -> str:
        return Kit.link(self, w)

    def check(self, w: Want) -> str:
        return Kit.check(self, w)

    def textbox(self, w: Want) -> str:
        html = Kit.textbox(self, w)
        for tag in ("<input ", "<textarea "):  # a replaced element has no ::before/::after: wrap it
            i = html.find(tag)
            if i >= 0:
                end = (
                    html.find("</textarea>", i) + len("</textarea>")
                    if tag == "<textarea "
                    else html.find(">", i) + 1
                )
                return f'{html[:i]}<span class="aug-w" {self.aug_attr()}>{html[i:end]}</span>{html[end:]}'
        return html

    def select(self, w: Want) -> str:
        html = Kit.select(self, w)
        if w.mode == "combobox":
            return html.replace(
                '<button type="button" role="combobox" ',
                f'<button type="button" role="combobox" {self.aug_attr()} ',
                1,
            )
        i = html.find("<select ")
        end = html.find("</select>", i) + len("</select>")
        return (
            f'{html[:i]}<span class="aug-w" {self.aug_attr()}>{html[i:end]}</span>{html[end:]}'
            if i >= 0
            else html
        )

    def tabs(self, ws: list[Want]) -> str:
        html = Kit.tabs(self, ws)
        return html.replace(
            '<div role="tablist" ', f'<div role="tablist" {self.aug_attr()} style="padding:4px 8px" ', 1
        )

    def accordion(self, ws: list[Want]) -> str:
        return f'<div {self.aug_attr()} style="padding:4px 10px">{Kit.accordion(self, ws)}</div>'


# ---------------------------------------------------------------------------------------------------
class Vanilla(LibKit):
    """vanilla-framework 4.51.0 (Canonical's Vanilla; Sass compiled with the pinned ``sass``, its
    Ubuntu web fonts left out; light, and dark through its ``is-dark`` theme class).

    Its selected tab and open accordion are drawn from ``aria-selected``/``aria-expanded`` only, so
    the cases where the look and those attributes disagree cannot be drawn.
    """

    source = "vanilla"
    unsupported = frozenset(
        {
            "*:class-checked",
            "*:class-mixed",
            "*:mark-hidden",
            "tab:looks-selected",
            "tab:looks-unselected",
            "accordion:looks-expanded",
            "accordion:looks-collapsed",
        }
    )
    repaints_disabled = frozenset({"button", "textbox", "select", "tab", "checkbox", "radio", "switch"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", "positive", "negative", "base", "brand")), dark)
        self.css = built_css("vanilla")
        btn = "p-button" if self.variant == "default" else f"p-button--{self.variant}"
        size = rng.choice(("", "", "is-dense", "is-small"))
        self.c = {
            "btn": f"{btn} {size}".strip(),
            "link": rng.choice(("", "", "p-link--soft")),
            "dis": "is-disabled",
            "label": "p-form__label",
            "combo": "p-button has-icon",
        }
        self.inline = rng.random() < 0.4

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{self.css}">'

    def html_attrs(self) -> str:
        return 'class="is-dark"' if self.dark else 'class="is-light"'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if not ({"btn", "combo"} & set(roles)):
            out = _swap(out, "is-disabled", self.h.dim)
        return out

    def spinner(self) -> str:
        light = " is-light" if self.variant in ("positive", "negative", "brand") or self.dark else ""
        still = ' style="animation:none"' if self.rng.random() < 0.3 else ""
        return f'<i class="p-icon--spinner u-animation--spin{light}" aria-hidden="true"{still}></i> '

    def button(self, w: Want) -> str:
        html = super().button(w)
        if w.v("busy") is not None and "spin" in looks_and_attrs(w).looks:
            html = html.replace('class="', 'class="is-processing ', 1)
        return html

    def check(self, w: Want) -> str:
        p = self.parts(w)
        dim = self.h.dim if "dis" in p.looks else ""
        name = esc(w.name)
        if w.kind == "switch":
            inp = self.check_input(w, p, "p-switch__input")
            return f'<label class="p-switch {dim}">{inp}<span class="p-switch__slider"></span><span class="p-switch__label">{name}</span></label>'
        k = "p-checkbox" if w.kind == "checkbox" else "p-radio"
        inp = self.check_input(w, p, f"{k}__input")
        inline = "--inline" if self.inline else ""
        return f'<label class="{k}{inline} {dim}">{inp}<span class="{k}__label">{name}</span></label>'

    def validated(self, w: Want, p: Parts, field: str) -> str:
        err = " is-error" if "err" in p.looks else ""
        msg = ""
        if "err" in p.looks and self.rng.random() < 0.6:
            msg = f'<p class="p-form-validation__message">{self.rng.choice(("This field is required.", "Check this value."))}</p>'
        return (
            f'<div class="p-form-validation{err}" style="max-width:20rem"><label class="p-form__label" for="f{w.n}">{esc(w.name)}</label>'
            f'<div class="p-form__control">{field}{msg}</div></div>'
        )

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        cls, attrs = self.merge_class(
            p, "p-form-validation__input" + (f" {self.h.dim}" if "dis" in p.looks else "")
        )
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        return self.validated(
            w, p, f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(
            p, "p-form-validation__input" + (f" {self.h.dim}" if "dis" in p.looks else "")
        )
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return self.validated(w, p, f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>')

    def tabs(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w)
            cls, attrs = self.merge_class(p, "p-tabs__link" + (f" {self.h.dim}" if "dis" in p.looks else ""))
            out.append(
                f'<div class="p-tabs__item"><button type="button" role="tab" class="{cls}" {attrs}>{esc(w.name)}</button></div>'
            )
        return (
            f'<div class="p-tabs"><div class="p-tabs__list" role="tablist">{"".join(out)}</div></div>'
            f'<div role="tabpanel" style="padding:.6em 0">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            exp = "true" if "dom-open" in p.looks else "false"
            pid = self.controls_id(w, p) or f"pp{w.n}"
            cls, attrs = self.merge_class(
                p, "p-accordion__tab" + (f" {self.h.dim}" if "dis" in p.looks else "")
            )
            out.append(
                f'<li class="p-accordion__group"><div role="heading" aria-level="3" class="p-accordion__heading">'
                f'<button type="button" class="{cls}" aria-expanded="{exp}" {attrs}>{esc(w.name)}</button></div>'
                f'<section class="p-accordion__panel" id="{pid}" aria-hidden="{"false" if exp == "true" else "true"}"><p>{self.rng.choice(PANEL_TEXT)}</p></section></li>'
            )
        return f'<aside class="p-accordion"><ul class="p-accordion__list">{"".join(out)}</ul></aside>'


KITS: dict[str, KitClass] = {
    "materialize": Materialize,
    "beer": Beer,
    "augmented": Augmented,
    "vanilla": Vanilla,
    **({"metro": Metro} if _metro_available() else {}),
}
