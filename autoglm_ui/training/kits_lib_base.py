# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""The shared base of the CSS-library kits: :class:`LibKit` maps roles to a library's classes.

Each library subclasses it (``kits_lib_classic.py``, ``kits_lib.py``); where a library has no look
for a state (e.g. water.css has no error style) the project's helper classes draw it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers, Kit, PopupPlan
from autoglm_ui.training.widgets import (
    CHEVRON,
    READONLY_CASES,
    Parts,
    Want,
    checked_look,
    decorative_icon,
    esc,
    icon,
    input_checked_attrs,
    looks_and_attrs,
)

V = "/vendor"


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
        if case in READONLY_CASES and (type(self).textbox is not LibKit.textbox or not self.c.get("ro", True)):
            # a kit drawing its fields its own way, or whose CSS paints [readonly] itself (its "ro"
            # class is ""), cannot draw the attribute and the look apart
            return False
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
        return f'<span class="{self.h.spin}" aria-hidden="true"{self.still()}></span>'

    def button(self, w: Want) -> str:
        p = self.parts(w)
        inner = esc(w.name)
        if w.icon_only:
            p.attrs.append(f'aria-label="{esc(w.name)}"')
            inner = icon(w.extra.get("icon", "plus"))
        elif self.rng.random() < 0.3:
            inner = decorative_icon(self.rng) + inner
        if "spin" in p.looks:
            inner = self.spinner() + inner
        tail = ""
        if w.v("expanded") is not None:
            p.attrs.append('aria-haspopup="menu"')
            p.attrs.append(f'aria-expanded="{"true" if "dom-open" in p.looks else "false"}"')
            pp = self.plan_popup(w, p)
            if pp.emit:
                tail = self.popup(("Rename", "Duplicate", "Archive"), "menu", pp)
        cls, attrs = self.merge_class(p, self.looks(p, "btn"))
        body = f'<button type="button" class="{cls}" {attrs}>{inner}</button>'
        return f'<span style="position:relative;display:inline-block">{body}{tail}</span>' if tail else body

    def popup(self, items: tuple[str, ...] | list[str], role: str, pp: PopupPlan) -> str:
        bg = "#222" if self.dark else "#fff"
        sub = "option" if role == "listbox" else "menuitem"
        style = (
            f"position:absolute;z-index:3;left:0;top:100%;min-width:100%;background:{bg};"
            "border:1px solid #999;border-radius:4px;box-shadow:0 4px 10px rgba(0,0,0,.25);padding:2px 0"
        )
        return (
            f'<div role="{role}"{pp.attrs(style)}>'
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
        pp = self.plan_popup(w, p)
        lb = self.popup(opts, "listbox", pp) if pp.emit else ""
        return (
            f'<span id="l{w.n}">{esc(w.name)}</span><br><span style="position:relative;display:inline-block">'
            f'<button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" '
            f'aria-labelledby="l{w.n}" class="{self.looks(p, "combo")}" {p.attr()}>{opts[0]} ▾</button>{lb}</span>'
        )

    def tab_button(self, w: Want, p: Parts, cls: str, link: bool = False) -> str:
        cls, attrs = self.merge_class(p, cls)
        return self.tab_element(w, cls, attrs, link)

    def tabs(self, ws: list[Want]) -> str:
        link = self.tabs_as_links()
        out = [
            self.tab_button(w, p, self.looks(p, "tab"), link)
            for w in ws
            for p in [self.parts(w, aria=link)]
        ]
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
                pp = self.plan_popup(w, p)
                panel = f"<p{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</p>" if pp.emit else ""
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


#: A registered library kit: each subclass of :class:`LibKit` in a ``KITS`` table is built from
#: ``(rng, helpers, dark)`` (it picks its own variant).
KitClass = Callable[[random.Random, Helpers, bool], LibKit]
