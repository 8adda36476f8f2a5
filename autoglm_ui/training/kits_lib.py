# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the allowed CSS libraries: bootstrap, bulma, pico, tailwind, daisyui, water.

This module holds the Tailwind-compiled kits (tailwind, daisyui) and the :data:`KITS` of the first six libraries (all of them: ``kits_registry.py``);
the shared base is in ``kits_lib_base.py``, the libraries with their own stylesheet in
``kits_lib_classic.py``. Tailwind and daisyUI CSS come from ``/vendor/autoglm-ui-build/``
(compiled by ``make css``). Tailwind classes must appear literally in this file: the CSS build
(``fixtures/vendor/build-css.js``) scans it.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.kits_lib_classic import Bootstrap, Bulma, Pico, Water
from autoglm_ui.training.widgets import Parts, Want, checked_look, esc, input_checked_attrs

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
            (
                "btn-primary",
                "btn-secondary",
                "btn-accent",
                "btn-neutral",
                "btn-outline",
                "btn-info",
                "btn-success",
                "btn-warning",
                "btn-ghost",
                "btn-link",
                "",
            )
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


KITS: dict[str, KitClass] = {
    "bootstrap": Bootstrap,
    "bulma": Bulma,
    "pico": Pico,
    "tailwind": Tailwind,
    "daisyui": Daisy,
    "water": Water,
}
