# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the allowed CSS libraries: bootstrap, bulma, pico, tailwind, daisyui, water.

CSS is served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``); Tailwind and daisyUI
come from ``/vendor/autoglm-ui-build/`` (compiled by ``make css``). Where a library has no look
for a state (e.g. water.css has no error style) the project's helper classes draw it.
Tailwind classes must appear literally in this file: the CSS build scans it.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers, Kit
from autoglm_ui.training.widgets import (
    CHEVRON,
    Parts,
    Want,
    checked_look,
    esc,
    input_checked_attrs,
    looks_and_attrs,
)

V = "/vendor"
TW_COLORS = (
    "slate",
    "red",
    "orange",
    "amber",
    "emerald",
    "teal",
    "sky",
    "blue",
    "indigo",
    "violet",
    "pink",
    "rose",
)


class LibKit(Kit):
    """Shared markup for libraries; ``c`` maps roles to the library's classes."""

    source = "lib"
    #: cases the library cannot draw faithfully, as "kind:case" or "*:case"
    unsupported: frozenset[str] = frozenset()
    #: :disabled repaints these kinds beyond opacity, so "disabled attr, enabled look" uses aria-disabled
    repaints_disabled: frozenset[str] = frozenset({"textbox", "select", "tab", "checkbox", "radio", "switch"})

    def __init__(self, rng: random.Random, helpers: Helpers, variant: str, dark: bool) -> None:
        super().__init__(rng, helpers, None)
        self.variant, self.dark = variant, dark
        self.c: dict[str, str] = {}

    @property
    def style_id(self) -> str:
        return f"{self.source}/{self.variant}/{'dark' if self.dark else 'light'}"

    def supports(self, kind: str, case: str | None) -> bool:
        return case is None or not ({f"{kind}:{case}", f"*:{case}"} & self.unsupported)

    def cls(self, role: str) -> str:
        if role in self.c:
            return self.c[role]
        return {
            "dis": self.h.dim,
            "err": self.h.err,
            "ro": self.h.ro,
            "on": self.h.on,
            "open": self.h.open,
        }.get(role, "")

    def parts(self, w: Want, *, aria: bool = False) -> Parts:
        aria = aria or (
            w.case == "dis-attr-looks-enabled"
            and (w.kind in self.repaints_disabled or self.rng.random() < 0.4)
        )
        p = looks_and_attrs(w, aria_disabled=aria)
        if w.case == "dis-attr-looks-enabled" and not aria:
            p.attrs.append(f'class-extra="{self.h.ne}"')
        return p

    @staticmethod
    def merge_class(p: Parts, cls: str) -> tuple[str, str]:
        """Class string with any helper class requested through ``class-extra``, and the other attrs."""
        extra = [a.split('"')[1] for a in p.attrs if a.startswith("class-extra=")]
        attrs = " ".join(a for a in p.attrs if not a.startswith("class-extra="))
        return " ".join([cls, *extra]).strip(), attrs

    def spinner(self) -> str:
        return f'<span class="{self.h.spin}" aria-hidden="true"></span>'

    def button(self, w: Want) -> str:
        p = self.parts(w)
        inner = esc(w.name)
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}"')
            from autoglm_ui.training.widgets import icon

            inner = icon(w.extra.get("icon", "plus"))
        if "spin" in p.looks:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append('aria-haspopup="menu"')
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            if "open" in p.looks:
                tail = self.popup(("Rename", "Duplicate", "Archive"), "menu")
        cls, attrs = self.merge_class(p, self.looks(p, "btn"))
        body = f'<button type="button" class="{cls}" {attrs}>{inner}</button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def popup(self, items: tuple[str, ...] | list[str], role: str) -> str:
        bg = "#222" if self.dark else "#fff"
        sub = "option" if role == "listbox" else "menuitem"
        return (
            f'<div role="{role}" style="position:absolute;z-index:3;left:0;top:100%;min-width:100%;background:{bg};'
            'border:1px solid #999;border-radius:4px;box-shadow:0 4px 10px rgba(0,0,0,.25);padding:2px 0">'
            + "".join(
                f'<div role="{sub}" style="padding:3px 10px;white-space:nowrap">{i}</div>' for i in items
            )
            + "</div>"
        )

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        inner = (self.spinner() if "spin" in p.looks else "") + esc(w.name)
        return f'<a href="#go-{w.n}" class="{self.looks(p, "link")}" {p.attr()}>{inner}</a>'

    def check_input(self, w: Want, p: Parts, input_cls: str) -> str:
        look = checked_look(p)
        if look == "nomark":
            input_cls += " " + self.h.nomark
        cls, attrs = self.merge_class(p, input_cls)
        if "err" in p.looks:
            cls += " " + self.cls("err")
        typ = "radio" if w.kind == "radio" else "checkbox"
        extra = ' role="switch"' if w.kind == "switch" else ""
        extra += f' name="g{w.extra.get("group", w.n)}"' if typ == "radio" else ""
        extra += " required" if w.v("validity") is not None else ""
        chk = " ".join(input_checked_attrs(p))
        return f'<input type="{typ}" id="f{w.n}" class="{cls}"{extra} {chk} {attrs}>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, self.c.get(w.kind, ""))
        row = self.cls("dis") if "dis" in p.looks else ""
        return f'<label class="{self.c.get("row", "")} {row}">{inp} {esc(w.name)}</label>'

    def textbox(self, w: Want) -> str:
        p = self.parts(w)
        role = "ro_field" if "ro" in p.looks and "ro_field" in self.c else "field"
        cls, attrs = self.merge_class(p, self.looks(p, role))
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:  # a read-only field shows its value (an empty plain-text field shows nothing)
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        typ = self.rng.choice(("text", "email", "password", "search"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.4 else ""
        field = f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
        return self.labelled(w, field, p)

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        return f'<label for="f{w.n}" class="{self.c.get("label", "")}">{esc(w.name)}</label><br>{field}'

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        opts = self.rng.sample(OPTION_WORDS, 3)
        cls, attrs = self.merge_class(p, self.looks(p, "select"))
        field = (
            f'<select id="f{w.n}" class="{cls}" {attrs}>'
            + "".join(f"<option>{o}</option>" for o in opts)
            + "</select>"
        )
        return self.labelled(w, field, p)

    def combobox(self, w: Want) -> str:
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        lb = self.popup(opts, "listbox") if "open" in p.looks else ""
        return (
            f'<span id="l{w.n}">{esc(w.name)}</span><br><span style="position:relative;display:inline-block">'
            f'<button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" '
            f'aria-labelledby="l{w.n}" class="{self.looks(p, "combo")}" {p.attr()}>{opts[0]} ▾</button>{lb}</span>'
        )

    def tab_button(self, w: Want, p: Parts, cls: str) -> str:
        cls, attrs = self.merge_class(p, cls)
        return f'<button type="button" role="tab" class="{cls}" {attrs}>{esc(w.name)}</button>'

    def tabs(self, ws: list[Want]) -> str:
        out = [self.tab_button(w, p, self.looks(p, "tab")) for w in ws for p in [self.parts(w)]]
        return (
            f'<div role="tablist" class="{self.c.get("tablist", "")}" style="display:flex;gap:4px">'
            f'{"".join(out)}</div><div role="tabpanel">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        """``<details>``/``<summary>`` (the library styles it); hard cases use a heading button."""
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            if w.case in ("looks-expanded", "looks-collapsed"):
                exp = "true" if "dom-open" in p.looks else "false"
                panel = f"<p>{self.rng.choice(PANEL_TEXT)}</p>" if "open" in p.looks else ""
                chev = (
                    CHEVRON.replace("<svg ", '<svg style="transform:rotate(180deg)" ')
                    if "open" in p.looks
                    else CHEVRON
                )
                out.append(
                    f'<div><h4 style="margin:0"><button type="button" aria-expanded="{exp}" '
                    f'class="{self.looks(p, "accbtn")}" {p.attr()}>{esc(w.name)} {chev}</button></h4>{panel}</div>'
                )
                continue
            op = " open" if w.v("expanded") == "expanded" else ""
            cls, attrs = self.merge_class(p, self.looks(p, "summary"))
            out.append(
                f'<details class="{self.c.get("details", "")}"{op}><summary class="{cls}" {attrs}>'
                f"{esc(w.name)}</summary><p>{self.rng.choice(PANEL_TEXT)}</p></details>"
            )
        return "".join(out)


class Bootstrap(LibKit):
    source = "bootstrap"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "switch:mark-hidden"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", "pills", "sm", "lg")), dark)
        v = rng.choice(
            (
                "primary",
                "secondary",
                "success",
                "danger",
                "dark",
                "outline-primary",
                "outline-secondary",
                "info",
            )
        )
        size = {"sm": " btn-sm", "lg": " btn-lg"}.get(self.variant, "")
        self.c = {
            "btn": f"btn btn-{v}{size}",
            "link": rng.choice(("", "link-primary", "link-secondary")),
            "field": "form-control",
            "ro_field": "form-control-plaintext",
            "select": "form-select",
            "err": "is-invalid",
            "on": "active",
            "tab": "nav-link",
            "checkbox": "form-check-input",
            "radio": "form-check-input",
            "switch": "form-check-input",
            "label": "form-label",
            "tablist": "nav nav-pills" if self.variant == "pills" else "nav nav-tabs",
            "combo": "btn btn-outline-secondary dropdown-toggle",
        }

    def head(self) -> str:
        return (
            f'<link rel="stylesheet" href="{V}/bootstrap/dist/css/bootstrap.min.css">'
            f"<style>.{self.h.ne}.form-control:disabled{{background-color:var(--bs-body-bg)!important}}</style>"
        )

    def html_attrs(self) -> str:
        return f'data-bs-theme="{"dark" if self.dark else "light"}"'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "btn" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "disabled")
        if "tab" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "disabled")
        return out

    def spinner(self) -> str:
        return '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "form-check-input")
        sw = " form-switch" if w.kind == "switch" else ""
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return (
            f'<div class="form-check{sw}{dim}">{inp}<label class="form-check-label" for="f{w.n}">'
            f"{esc(w.name)}</label></div>"
        )

    def accordion(self, ws: list[Want]) -> str:
        out = []
        for w in ws:
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            cls, attrs = self.merge_class(
                p,
                "accordion-button"
                + ("" if is_open else " collapsed")
                + (f" {self.h.dim}" if "dis" in p.looks else ""),
            )
            out.append(
                f'<div class="accordion-item"><h2 class="accordion-header"><button type="button" '
                f'class="{cls}" aria-expanded="{exp}" {attrs}>{esc(w.name)}</button></h2>'
                f'<div class="accordion-collapse collapse{" show" if is_open else ""}"><div class="accordion-body">'
                f"{self.rng.choice(PANEL_TEXT)}</div></div></div>"
            )
        return f'<div class="accordion">{"".join(out)}</div>'


class Pico(LibKit):
    source = "pico"
    unsupported = frozenset(
        {
            "*:class-checked",
            "*:class-mixed",
            "switch:mark-hidden",
            "*:aria-busy-no-spinner",
            "*:aria-invalid-no-look",
        }
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(
            rng, helpers, rng.choice(("blue", "amber", "jade", "pink", "slate", "violet", "classic")), dark
        )
        self.c = {
            "btn": rng.choice(("", "secondary", "contrast", "outline", "outline secondary")),
            "tab": "outline",
            "on": "",
            "summary": "",
        }

    def head(self) -> str:
        f = "pico.min.css" if self.variant == "classic" else f"pico.{self.variant}.min.css"
        return f'<link rel="stylesheet" href="{V}/@picocss/pico/css/{f}">'

    def html_attrs(self) -> str:
        return f'data-theme="{"dark" if self.dark else "light"}"'

    def spinner(self) -> str:
        return '<span aria-busy="true"></span> '

    def parts(self, w: Want, *, aria: bool = False) -> Parts:
        p = super().parts(w, aria=aria)
        if "spin" in p.looks and 'aria-busy="true"' in p.attrs:
            p.looks.discard("spin")  # pico draws the spinner of [aria-busy=true] itself
        if "err" in p.looks and 'aria-invalid="true"' in p.attrs:
            p.looks.discard("err")  # pico paints [aria-invalid=true] red itself
        return p

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "tab" in roles:  # selected tab: filled button; others outline
            out = out.replace("outline", "") if "on" in p.looks else out
        return out


class Water(LibKit):
    source = "water"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "switch:mark-hidden"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, "auto", dark)

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/water.css/out/{"dark" if self.dark else "light"}.min.css">'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "")
        dim = self.h.dim if "dis" in p.looks else ""
        return f'<div class="{dim}">{inp}<label for="f{w.n}">{esc(w.name)}</label></div>'


class Bulma(LibKit):
    source = "bulma"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "switch:mark-hidden"})

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("boxed", "toggle", "plain")), dark)
        v = rng.choice(
            ("is-primary", "is-link", "is-info", "is-success", "is-danger", "is-dark", "is-light", "")
        )
        self.c = {
            "btn": f"button {v}",
            "field": "input",
            "ro_field": "input is-static",
            "err": "is-danger",
            "on": "is-active",
            "label": "label",
            "row": "checkbox",
            "combo": "button",
            "accbtn": "button is-fullwidth is-justify-content-space-between",
        }

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/bulma/css/bulma.min.css">'

    def html_attrs(self) -> str:
        return f'data-theme="{"dark" if self.dark else "light"}"'

    def spinner(self) -> str:
        return ""

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        return out + (" is-loading" if "spin" in p.looks and "btn" in roles else "")

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        spin = '<span class="loader" style="display:inline-block;margin-right:.4em"></span>' if "spin" in p.looks else ""
        return f'<a href="#go-{w.n}" class="{self.looks(p, "link")}" {p.attr()}>{spin}{esc(w.name)}</a>'

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        cls, attrs = self.merge_class(p, "")
        err = " is-danger" if "err" in p.looks else ""
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        return (
            f'<label class="label" for="f{w.n}">{esc(w.name)}</label><div class="select{err}{dim}">'
            f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select></div>'
        )

    def tabs(self, ws: list[Want]) -> str:
        items = []
        for w in ws:
            p = looks_and_attrs(w, native_disabled=False)
            li = ("is-active" if "on" in p.looks else "") + (f" {self.h.dim}" if "dis" in p.looks else "")
            items.append(f'<li class="{li}"><a role="tab" href="#t{w.n}" {p.attr()}>{esc(w.name)}</a></li>')
        kind = {"boxed": " is-boxed", "toggle": " is-toggle"}.get(self.variant, "")
        return f'<div class="tabs{kind}" role="tablist"><ul>{"".join(items)}</ul></div>'


class Tailwind(LibKit):
    source = "tailwind"
    unsupported = frozenset({"checkbox:class-checked", "radio:class-checked", "*:class-mixed"})
    repaints_disabled = frozenset({"checkbox", "radio"})  # native inputs: Chromium greys them itself

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        col = rng.choice(TW_COLORS)
        super().__init__(rng, helpers, col, dark)
        r = rng.choice(("rounded", "rounded-md", "rounded-lg", "rounded-full", "rounded-none"))
        fill = rng.random() < 0.7
        self.c = {
            "btn": (
                f"inline-flex items-center gap-2 {r} px-4 py-2 text-sm font-semibold shadow-sm "
                + (f"bg-{col}-600 text-white" if fill else f"border border-{col}-600 text-{col}-700 bg-white")
            ),
            "link": f"text-{col}-600 underline underline-offset-2",
            "field": f"block w-64 {r if r != 'rounded-full' else 'rounded-md'} border border-gray-300 px-3 py-2 text-sm bg-white text-gray-900",
            "select": "block w-56 rounded-md border border-gray-300 px-3 py-2 text-sm bg-white text-gray-900",
            "dis": "opacity-50 cursor-not-allowed pointer-events-none",
            "err": "border-red-500 ring-2 ring-red-300 text-red-900",
            "ro": "bg-gray-100 text-gray-500 border-dashed",
            "tab": "px-4 py-2 text-sm font-medium text-gray-500 border-b-2 border-transparent",
            "on": f"border-{col}-600 text-{col}-700 font-semibold",
            "checkbox": f"h-4 w-4 rounded border-gray-300 accent-{col}-600",
            "radio": f"h-4 w-4 accent-{col}-600",
            "row": "inline-flex items-center gap-2",
            "label": "block text-sm font-medium mb-1",
            "combo": "inline-flex w-56 justify-between rounded-md border border-gray-300 bg-white px-3 py-2 text-sm",
            "accbtn": "flex w-full items-center justify-between py-3 font-medium border-b border-gray-200",
            "tablist": "flex border-b border-gray-200",
        }

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/autoglm-ui-build/tailwind.css">'

    def html_attrs(self) -> str:
        return 'class="bg-gray-900 text-gray-100"' if self.dark else 'class="bg-gray-50 text-gray-900"'

    def check(self, w: Want) -> str:
        if w.kind != "switch":
            return super().check(w)
        p = self.parts(w)
        look = checked_look(p)
        col = self.variant
        track = (
            "relative inline-block w-11 h-6 rounded-full bg-gray-300 after:content-[''] after:absolute "
            "after:top-0.5 after:left-0.5 after:h-5 after:w-5 after:rounded-full after:bg-white after:shadow"
        )
        if look == "class-on":
            track += f" bg-{col}-600 after:translate-x-5"
        elif look != "nomark":
            track += f" peer-checked:bg-{col}-600 peer-checked:after:translate-x-5"
        cls, attrs = self.merge_class(p, "sr-only peer")
        chk = " ".join(input_checked_attrs(p))
        dim = self.cls("dis") if "dis" in p.looks else ""
        return (
            f'<label class="relative inline-flex items-center gap-3 cursor-pointer {dim}"><input type="checkbox" '
            f'role="switch" class="{cls}" {chk} {attrs}><span class="{track}"></span>{esc(w.name)}</label>'
        )


class Daisy(LibKit):
    source = "daisyui"
    unsupported = frozenset({"*:class-checked", "*:class-mixed", "switch:mark-hidden"})
    repaints_disabled = frozenset({"button", "textbox", "select", "tab", "checkbox", "radio", "switch"})
    THEMES_LIGHT = (
        "light",
        "cupcake",
        "emerald",
        "corporate",
        "retro",
        "valentine",
        "garden",
        "lofi",
        "pastel",
        "fantasy",
        "autumn",
        "winter",
        "nord",
    )
    THEMES_DARK = (
        "dark",
        "synthwave",
        "cyberpunk",
        "forest",
        "dracula",
        "business",
        "night",
        "dim",
        "sunset",
    )

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(self.THEMES_DARK if dark else self.THEMES_LIGHT), dark)
        v = rng.choice(
            ("btn-primary", "btn-secondary", "btn-accent", "btn-neutral", "btn-outline", "btn-info", "")
        )
        size = rng.choice(("", "", "btn-sm", "btn-lg"))
        tone = rng.choice(("primary", "secondary", "accent", ""))
        self.c = {
            "btn": f"btn {v} {size}",
            "link": f"link link-{tone or 'hover'}",
            "field": "input input-bordered w-full max-w-xs",
            "select": "select select-bordered w-full max-w-xs",
            "err": "input-error",
            "tab": "tab",
            "on": "tab-active",
            "tablist": rng.choice(("tabs tabs-boxed", "tabs tabs-bordered", "tabs tabs-lifted")),
            "checkbox": f"checkbox checkbox-{tone or 'primary'}",
            "radio": f"radio radio-{tone or 'primary'}",
            "switch": f"toggle toggle-{tone or 'primary'}",
            "row": "label cursor-pointer justify-start gap-3",
            "details": "collapse collapse-arrow bg-base-200 mb-1",
            "summary": "collapse-title font-medium",
            "combo": "btn btn-outline w-56 justify-between",
            "label": "label-text",
        }

    def head(self) -> str:
        return f'<link rel="stylesheet" href="{V}/autoglm-ui-build/daisyui.css">'

    def html_attrs(self) -> str:
        return f'data-theme="{self.variant}"'

    def spinner(self) -> str:
        return '<span class="loading loading-spinner loading-sm"></span>'

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "btn" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "btn-disabled")
        if "tab" in roles and "dis" in p.looks:
            out = out.replace(self.h.dim, "tab-disabled")
        if "select" in roles or ("err" in p.looks and "select" in out):
            out = out.replace("input-error", "select-error")
        return out


LIBRARIES: dict[str, type[LibKit]] = {
    "bootstrap": Bootstrap,
    "bulma": Bulma,
    "pico": Pico,
    "tailwind": Tailwind,
    "daisyui": Daisy,
    "water": Water,
}
