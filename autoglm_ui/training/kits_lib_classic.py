# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the libraries that ship their own stylesheet: bootstrap, pico, water, bulma.

CSS is served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``).
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers, PopupPlan
from autoglm_ui.training.kits_lib_base import LibKit, V
from autoglm_ui.training.widgets import Parts, Want, esc, looks_and_attrs


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
                "outline-success",
                "info",
                "warning",
                "light",
                "link",
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
        return f'<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"{self.still()}></span>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        inp = self.check_input(w, p, "form-check-input")
        sw = " form-switch" if w.kind == "switch" else ""
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return (
            f'<div class="form-check{sw}{dim}">{inp}<label class="form-check-label" for="f{w.n}">'
            f"{esc(w.name)}</label></div>"
        )

    #: the accordion's classes and its header's tag (Bootstrap-family themes vary them)
    acc_cls = "accordion"
    acc_head = "h2"

    def acc_toggle(self) -> str:
        """Markup inside ``.accordion-button`` after the title (Bootstrap draws its chevron with ::after)."""
        return ""

    def accordion(self, ws: list[Want]) -> str:
        out = []
        head = self.acc_head
        for w in ws:
            p = self.parts(w)
            exp = "true" if "dom-open" in p.looks else "false"
            is_open = "open" in p.looks
            pid = self.controls_id(w, p)  # the collapse body is always there (hidden unless .show)
            cls, attrs = self.merge_class(
                p,
                "accordion-button"
                + ("" if is_open else " collapsed")
                + (f" {self.h.dim}" if "dis" in p.looks else ""),
            )
            out.append(
                f'<div class="accordion-item"><{head} class="accordion-header"><button type="button" '
                f'class="{cls}" aria-expanded="{exp}" {attrs}>{esc(w.name)}{self.acc_toggle()}</button></{head}>'
                f'<div class="accordion-collapse collapse{" show" if is_open else ""}"{PopupPlan(True, pid).attrs()}>'
                f'<div class="accordion-body">{self.rng.choice(PANEL_TEXT)}</div></div></div>'
            )
        return f'<div class="{self.acc_cls}">{"".join(out)}</div>'


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
