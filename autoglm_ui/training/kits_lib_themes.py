# ruff: noqa: E501  (CSS/HTML template strings read better unbroken)
"""Kits for the Bootstrap-family and dashboard themes:
bootswatch, cirrus-ui, halfmoon, @tabler/core, mdb-ui-kit.

Files are served from disk under ``/vendor/`` (``fixtures/vendor/node_modules``). Every page these
kits draw carries a Content-Security-Policy that keeps fonts, styles and images on the page's own
origin: most Bootswatch themes ``@import`` Google Fonts, and the policy drops that request before it
is made (the theme falls back to its next local font), so nothing is ever fetched from a CDN.
"""

from __future__ import annotations

import random

from autoglm_ui.training.kits import OPTION_WORDS, PANEL_TEXT, Helpers
from autoglm_ui.training.kits_lib_base import KitClass, LibKit, V
from autoglm_ui.training.kits_lib_classic import Bootstrap
from autoglm_ui.training.widgets import (
    CHEVRON,
    Parts,
    Want,
    checked_look,
    esc,
    input_checked_attrs,
    looks_and_attrs,
)

#: keeps every font, stylesheet and image on 127.0.0.1 (blocks a theme's @import of web fonts)
CSP = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"font-src 'self' data:; style-src 'self' 'unsafe-inline'; img-src 'self' data:\">"
)
BS_COLORS = ("primary", "secondary", "success", "info", "warning", "danger", "light", "dark")


class _BootstrapFamily(Bootstrap):
    """Shared markup of the libraries that take Bootstrap 5's markup and classes."""

    #: (class, weight) of the button variants the library documents
    BUTTONS: tuple[str, ...] = (
        *(f"btn-{c}" for c in BS_COLORS),
        *(f"btn-outline-{c}" for c in ("primary", "secondary", "success", "danger", "info", "dark")),
        "btn-link",
    )
    TABLISTS: tuple[str, ...] = ("nav nav-tabs", "nav nav-pills", "nav nav-underline")

    def __init__(self, rng: random.Random, helpers: Helpers, variant: str, dark: bool) -> None:
        LibKit.__init__(self, rng, helpers, variant, dark)
        size = rng.choice(("", "", " btn-sm", " btn-lg"))
        self.c = {
            "btn": f"btn {rng.choice(self.BUTTONS)}{size}",
            "link": rng.choice(("", "", "link-primary", "link-secondary", "link-info")),
            "field": "form-control" + rng.choice(("", "", "", " form-control-sm", " form-control-lg")),
            "ro_field": "form-control-plaintext",
            "select": "form-select" + rng.choice(("", "", "", " form-select-sm", " form-select-lg")),
            "err": "is-invalid",
            "on": "active",
            "tab": "nav-link",
            "checkbox": "form-check-input",
            "radio": "form-check-input",
            "switch": "form-check-input",
            "label": "form-label",
            "tablist": rng.choice(self.TABLISTS),
            "combo": "form-select text-start",
        }
        self.acc_cls = rng.choice(("accordion", "accordion", "accordion accordion-flush"))

    def stylesheets(self) -> list[str]:
        raise NotImplementedError

    def head(self) -> str:
        links = "".join(f'<link rel="stylesheet" href="{V}/{s}">' for s in self.stylesheets())
        ne = self.h.ne
        return (
            f"{CSP}{links}<style>.{ne}.form-control:disabled,.{ne}.form-select:disabled"
            "{background-color:var(--bs-body-bg)!important}</style>"
        )

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        return f'<label for="f{w.n}" class="form-label">{esc(w.name)}</label>{field}'

    def textbox(self, w: Want) -> str:
        """A read-only field is ``.form-control-plaintext``, unless it is invalid: plain text has no
        ``is-invalid`` look, so that one stays a ``.form-control`` with the read-only helper."""
        if w.v("readonly") == "readonly" and w.v("validity") == "invalid":
            ro = self.c.pop("ro_field", None)
            try:
                return super().textbox(w)
            finally:
                if ro is not None:
                    self.c["ro_field"] = ro
        return super().textbox(w)

    def combobox(self, w: Want) -> str:
        """A button drawn as the library's ``.form-select`` (its chevron, ``is-invalid`` look)."""
        p = looks_and_attrs(w, aria_disabled=True)
        opts = self.rng.sample(OPTION_WORDS, 4)
        exp = "true" if "dom-open" in p.looks else "false"
        pp = self.plan_popup(w, p)
        lb = self.popup(opts, "listbox", pp) if pp.emit else ""
        cls = self.looks(p, "combo")
        return (
            f'<span id="l{w.n}" class="form-label d-block">{esc(w.name)}</span><span style="position:relative;display:inline-block;min-width:12rem">'
            f'<button type="button" role="combobox" aria-haspopup="listbox" aria-expanded="{exp}" '
            f'aria-labelledby="l{w.n}" class="{cls}" {p.attr()}>{opts[0]}</button>{lb}</span>'
        )

    def tabs(self, ws: list[Want]) -> str:
        link = self.tabs_as_links()
        items = []
        for w in ws:
            p = self.parts(w, aria=link)
            items.append(
                f'<li class="nav-item" role="presentation">{self.tab_button(w, p, self.looks(p, "tab"), link)}</li>'
            )
        return (
            f'<ul role="tablist" class="{self.c["tablist"]} mb-2">{"".join(items)}</ul>'
            f'<div role="tabpanel">{self.rng.choice(PANEL_TEXT)}</div>'
        )


class Bootswatch(_BootstrapFamily):
    """Bootswatch 5.3.8 (Bootstrap 5 themes), ``bootswatch/dist/<theme>/bootstrap.min.css``.

    The theme is drawn at random; dark pages use a dark theme or a light theme in Bootstrap's
    dark colour mode. Web fonts the themes import are blocked (see :data:`CSP`).
    """

    source = "bootswatch"
    LIGHT = (
        "brite", "cerulean", "cosmo", "flatly", "journal", "litera", "lumen", "lux", "materia", "minty",
        "morph", "pulse", "quartz", "sandstone", "simplex", "sketchy", "spacelab", "united", "yeti", "zephyr",
    )  # fmt: skip
    DARK = ("cyborg", "darkly", "slate", "solar", "superhero", "vapor")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        if dark:
            theme = (
                rng.choice(self.DARK)
                if rng.random() < 0.6
                else rng.choice(
                    (
                        "cosmo",
                        "flatly",
                        "litera",
                        "lumen",
                        "minty",
                        "pulse",
                        "united",
                        "yeti",
                        "zephyr",
                        "spacelab",
                    )
                )
            )
        else:
            theme = rng.choice(self.LIGHT)
        super().__init__(rng, helpers, theme, dark)

    def stylesheets(self) -> list[str]:
        return [f"bootswatch/dist/{self.variant}/bootstrap.min.css"]

    def html_attrs(self) -> str:
        if self.variant in self.DARK:
            return ""  # the theme is dark in its own :root colours
        return f'data-bs-theme="{"dark" if self.dark else "light"}"'


class Halfmoon(_BootstrapFamily):
    """Halfmoon 2.0.2, a drop-in Bootstrap replacement (``halfmoon.min.css``) with its core themes
    (default, ``modern``, ``elegant`` via ``data-bs-core``) and dark mode (``data-bs-theme``)."""

    source = "halfmoon"

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", "modern", "elegant")), dark)

    def stylesheets(self) -> list[str]:
        out = ["halfmoon/css/halfmoon.min.css"]
        if self.variant != "default":
            out.append(f"halfmoon/css/cores/halfmoon.{self.variant}.css")
        return out

    def html_attrs(self) -> str:
        core = f' data-bs-core="{self.variant}"' if self.variant != "default" else ""
        return f'data-bs-theme="{"dark" if self.dark else "light"}"{core}'


class Tabler(_BootstrapFamily):
    """Tabler 1.6.1 (``@tabler/core``): ``tabler.min.css`` with ``tabler-themes.min.css`` (primary
    colour, base gray, radius via ``data-bs-theme-*``), light and dark (``data-bs-theme``)."""

    source = "tabler"
    acc_head = "div"
    TCOLORS = (
        "blue",
        "azure",
        "indigo",
        "purple",
        "pink",
        "red",
        "orange",
        "yellow",
        "lime",
        "green",
        "teal",
        "cyan",
    )
    BUTTONS = (
        "", "", "btn-primary", "btn-primary", "btn-secondary", "btn-success", "btn-danger", "btn-warning", "btn-info",
        "btn-dark", "btn-outline-primary", "btn-outline-secondary", "btn-outline-danger", "btn-ghost-primary",
        "btn-ghost-secondary", "btn-link", *(f"btn-{c}" for c in TCOLORS),
    )  # fmt: skip
    TABLISTS = ("nav nav-tabs", "nav nav-tabs", "nav nav-pills", "nav nav-segmented")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("default", *self.TCOLORS)), dark)
        self.base = rng.choice(("", "slate", "gray", "zinc", "neutral", "stone"))
        self.radius = rng.choice(("", "", "0", "0.5", "1", "1.5", "2"))
        shape = rng.choice(("", "", "", " btn-pill", " btn-square"))
        self.c["btn"] += shape
        self.loading = rng.random() < 0.6  # .btn-loading (Tabler's own) else a spinner-border
        self.plus = rng.random() < 0.3
        self.acc_cls = rng.choice(
            ("accordion", "accordion", "accordion accordion-flush", "accordion accordion-inverted")
        )

    def acc_toggle(self) -> str:
        """Tabler's ``.accordion-button-toggle`` holding its chevron (or plus) icon."""
        if self.plus:
            path, extra = "M12 5l0 14M5 12l14 0", " accordion-button-toggle-plus"
        else:
            path, extra = "M6 9l6 6l6 -6", ""
        return (
            f'<div class="accordion-button-toggle{extra}"><svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" '
            'viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
            f'stroke-linejoin="round" class="icon icon-1" aria-hidden="true"><path d="{path}"/></svg></div>'
        )

    def stylesheets(self) -> list[str]:
        return ["@tabler/core/dist/css/tabler.min.css", "@tabler/core/dist/css/tabler-themes.min.css"]

    def html_attrs(self) -> str:
        out = f'data-bs-theme="{"dark" if self.dark else "light"}"'
        if self.variant != "default":
            out += f' data-bs-theme-primary="{self.variant}"'
        if self.base:
            out += f' data-bs-theme-base="{self.base}"'
        if self.radius:
            out += f' data-bs-theme-radius="{self.radius}"'
        return out

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "btn" in roles and "spin" in p.looks and self.loading:
            out += " btn-loading"
        return out

    def spinner(self) -> str:
        if self.loading:
            return ""  # .btn-loading draws it (links get a spinner-border, see link())
        return super().spinner()

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        spin = (
            '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>'
            if "spin" in p.looks
            else ""
        )
        return f'<a href="#go-{w.n}" class="{self.looks(p, "link")}" {p.attr()}>{spin}{esc(w.name)}</a>'

    def check(self, w: Want) -> str:
        """Tabler's documented form: ``<label class="form-check"><input><span class="form-check-label">``."""
        p = self.parts(w)
        inp = self.check_input(w, p, "form-check-input")
        sw = " form-switch" if w.kind == "switch" else ""
        sw += " form-switch-lg" if w.kind == "switch" and self.variant in ("red", "green", "blue") else ""
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        return f'<label class="form-check{sw}{dim}">{inp}<span class="form-check-label">{esc(w.name)}</span></label>'


class Mdb(_BootstrapFamily):
    """MDB UI Kit 9.3.0 (Material Design for Bootstrap, free): ``mdb.min.css``, light and dark
    (``data-mdb-theme``). Outlined text fields are drawn as its JS leaves them (``.form-notch``)."""

    source = "mdb"
    BUTTONS = (
        *(
            f"btn-{c}"
            for c in (
                "primary",
                "primary",
                "secondary",
                "success",
                "danger",
                "warning",
                "info",
                "light",
                "dark",
            )
        ),
        *(f"btn-outline-{c}" for c in ("primary", "secondary", "success", "danger", "dark")),
        "btn-tertiary",
        "btn-link",
    )
    TABLISTS = ("nav nav-tabs", "nav nav-tabs", "nav nav-pills", "nav nav-underline")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, rng.choice(("outline", "outline", "plain")), dark)
        if rng.random() < 0.3:
            self.c["btn"] += " btn-rounded"
        self.c["field"] = "form-control" + rng.choice(("", "", " form-control-sm", " form-control-lg"))

    def stylesheets(self) -> list[str]:
        return ["mdb-ui-kit/css/mdb.min.css"]

    def html_attrs(self) -> str:
        return f'data-mdb-theme="{"dark" if self.dark else "light"}"'

    def head(self) -> str:
        ne = self.h.ne
        return (
            f'{CSP}<link rel="stylesheet" href="{V}/mdb-ui-kit/css/mdb.min.css">'
            f"<style>body{{font-family:Roboto,'Liberation Sans',sans-serif}}.{ne}.form-control:disabled,.{ne}.form-select:disabled"
            "{background-color:transparent!important}"
            # a hidden mark: MDB draws a radio's dot with ::after, which the helper does not reach
            f".form-check-input.{self.h.nomark}::after,.form-check-input.{self.h.nomark}::before{{display:none!important}}</style>"
        )

    def button(self, w: Want) -> str:
        return super().button(w).replace("<button ", "<button data-mdb-ripple-init ", 1)

    def textbox(self, w: Want) -> str:
        if self.variant != "outline" or (w.v("readonly") == "readonly" and self.rng.random() < 0.3):
            return super().textbox(w)
        p = self.parts(w)
        value = self.rng.choice(("", "", "Hello", "jane@example.com"))
        if "ro" in p.looks:
            value = self.rng.choice(("Hello", "jane@example.com", "42"))
        ph = ' placeholder="Type here"' if self.rng.random() < 0.3 else ""
        active = " active" if value or ph else ""
        active += " placeholder-active" if ph else ""
        base = self.c["field"]
        # MDB paints [readonly] itself (the helper's dashed border has no border to show here), and
        # the disabled look fades the whole outline (the notch is drawn beside the input)
        ro_dis = {self.h.ro, self.h.dim}
        cls = " ".join(c for c in self.looks(p, "field").split() if c not in ro_dis)
        cls, attrs = self.merge_class(p, cls.replace(base, f"{base}{active}", 1))
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        typ = self.rng.choice(("text", "email", "password", "search"))
        scale = 0.8 * (0.8 if "form-control-sm" in base else 1.0)
        middle = int(len(w.name) * 8.6 * scale + 8)
        notch = (
            '<div class="form-notch"><div class="form-notch-leading" style="width:9px"></div>'
            f'<div class="form-notch-middle" style="width:{middle}px"></div><div class="form-notch-trailing"></div></div>'
        )
        return (
            f'<div class="form-outline{dim}" data-mdb-input-init style="max-width:22rem;margin-top:.6rem">'
            f'<input id="f{w.n}" type="{typ}" class="{cls}" value="{value}"{ph} {attrs}>'
            f'<label class="form-label" for="f{w.n}">{esc(w.name)}</label>{notch}</div>'
        )


class Cirrus(LibKit):
    """Cirrus 0.8.0 (``cirrus-ui``), ``dist/cirrus.min.css``: its buttons (``btn-*``, ``outline``,
    ``btn--sm``/``lg``, ``btn--pilled``, ``.animated.loading``), ``input-error``, the extended
    form controls (``form-ext-*``, ``form-ext-toggle``), ``tab-container`` tabs and
    ``details.accordion``. Cirrus has no dark theme: pages are drawn light."""

    source = "cirrus"
    unsupported = frozenset({"*:class-checked", "*:class-mixed"})
    COLORS = ("primary", "dark", "link", "info", "success", "warning", "danger")

    def __init__(self, rng: random.Random, helpers: Helpers, dark: bool) -> None:
        super().__init__(rng, helpers, "light", False)
        col = rng.choice((*self.COLORS, "primary", "light", "transparent", "black", ""))
        self.col = col
        outline = " outline" if col and col not in ("light", "transparent") and rng.random() < 0.3 else ""
        size = rng.choice(("", "", "", " btn--sm", " btn--lg", " btn--xs"))
        shape = rng.choice(("", "", "", " btn--pilled", " btn-animated"))
        self.tone = rng.choice(("primary", "primary", "link", "success", "danger", "info", "dark"))
        self.c = {
            "btn": f"btn-{col}{outline}{size}{shape}" if col else f"btn{size}{shape}",
            "link": rng.choice(("", "", "underline")),
            "field": rng.choice(("", "", "input--sm", "input--lg")),
            "select": "select",
            "err": "input-error",
            "details": "accordion",
            "summary": "accordion__summary",
            "label": "label",
            "combo": "btn-light u-text-left",
            "accbtn": "btn-transparent u-flex u-justify-space-between u-items-center w-100p m-0",
        }
        self.lib_loading = col not in ("light", "transparent", "")  # .animated.loading shows on it
        self.tabs_cls = rng.choice(
            (
                "tab-container",
                "tab-container tabs-classic",
                "tab-container tabs-depth",
                "tab-container tabs-fill",
            )
        )

    def head(self) -> str:
        nm = self.h.nomark
        dash = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'%3E%3Cpath stroke='%23fff' stroke-width='2' d='M1 4h6'/%3E%3C/svg%3E"
        return (
            f'{CSP}<link rel="stylesheet" href="{V}/cirrus-ui/dist/cirrus.min.css">'
            "<style>"
            # mixed: Cirrus draws no :indeterminate look; a dash in its checked colours stands in
            ".form-ext-control.form-ext-checkbox .form-ext-input:indeterminate~.form-ext-label:before{background-color:#f03d4d;border:none}"
            f'.form-ext-control.form-ext-checkbox .form-ext-input:indeterminate~.form-ext-label:after{{background-image:url("{dash}")}}'
            # mark hidden: the checked input keeps the unchecked look of its label
            f".form-ext-control .form-ext-input.{nm}:checked~.form-ext-label:before{{background-color:#f8f9fa!important;border:1px solid #dee2e6!important}}"
            f".form-ext-control .form-ext-input.{nm}:checked~.form-ext-label:after{{background-image:none!important}}"
            f".form-ext-control .form-ext-input.{nm}:checked~.form-ext-label{{color:inherit!important}}"
            f".form-ext-toggle input.{nm}:checked+.form-ext-toggle__toggler{{background-color:transparent!important;border-color:#909090!important}}"
            f".form-ext-toggle input.{nm}:checked+.form-ext-toggle__toggler i::after{{left:4px!important;background-color:#909090!important}}"
            # a disabled field keeps its error border (Cirrus's :disabled rule comes later and wins)
            "input.input-error:disabled,select.input-error:disabled{border-color:#fb4143!important}"
            "</style>"
        )

    def spinner(self) -> str:
        return "" if self.lib_loading else super().spinner()  # buttons: Cirrus's .animated.loading

    def looks(self, p: Parts, *roles: str) -> str:
        out = super().looks(p, *roles)
        if "combo" in roles and "err" in p.looks:  # input-error styles inputs and selects only
            out = out.replace(self.c["err"], self.h.err)
        if "btn" in roles:
            if "dis" in p.looks:
                out = out.replace(self.h.dim, "btn--disabled")
            if "spin" in p.looks and self.lib_loading:
                out += " animated loading loading-left" + ("" if "outline" in out else " loading-white")
        return out

    def link(self, w: Want) -> str:
        p = looks_and_attrs(w, native_disabled=False)
        spin = super().spinner() if "spin" in p.looks else ""
        return f'<a href="#go-{w.n}" class="{self.looks(p, "link")}" {p.attr()}>{spin}{esc(w.name)}</a>'

    def check(self, w: Want) -> str:
        p = self.parts(w)
        look = checked_look(p)
        cls, attrs = self.merge_class(p, "form-ext-input")
        if look == "nomark":
            cls += " " + self.h.nomark
        tone = f" form-ext-input--{self.tone}" if self.tone != "primary" and w.kind != "switch" else ""
        chk = " ".join(input_checked_attrs(p))
        dim = f" {self.h.dim}" if "dis" in p.looks else ""
        typ = "radio" if w.kind == "radio" else "checkbox"
        name = f' name="g{w.extra.get("group", w.n)}"' if typ == "radio" else ""
        if w.kind == "switch":
            sw = f" form-ext-toggle--{self.tone}" if self.tone != "primary" else ""
            return (
                f'<div class="form-ext-control{dim}"><label class="form-ext-toggle__label"><span>{esc(w.name)}</span>'
                f'<div class="form-ext-toggle{sw}"><input type="checkbox" role="switch" id="f{w.n}" class="{cls}" {chk} {attrs}>'
                '<div class="form-ext-toggle__toggler"><i></i></div></div></label></div>'
            )
        return (
            f'<div class="form-ext-control form-ext-{typ}{dim}"><input type="{typ}" id="f{w.n}" class="{cls}{tone}"{name} {chk} {attrs}>'
            f'<label class="form-ext-label" for="f{w.n}">{esc(w.name)}</label></div>'
        )

    def labelled(self, w: Want, field: str, p: Parts) -> str:
        return (
            f'<label for="f{w.n}" class="label">{esc(w.name)}</label><div class="input-control">{field}</div>'
        )

    def select(self, w: Want) -> str:
        if w.mode == "combobox":
            return self.combobox(w)
        p = self.parts(w)
        opts = "".join(f"<option>{o}</option>" for o in self.rng.sample(OPTION_WORDS, 3))
        cls, attrs = self.merge_class(p, self.looks(p, "select"))
        return self.labelled(w, f'<select id="f{w.n}" class="{cls}" {attrs}>{opts}</select>', p)

    def tabs(self, ws: list[Want]) -> str:
        link = self.rng.random() < 0.5
        items = []
        for w in ws:
            p = looks_and_attrs(w, aria_disabled=True)
            li = "selected" if "on" in p.looks else ""
            dim = self.h.dim if "dis" in p.looks else ""
            if link:
                el = f'<a role="tab" href="#t{w.n}" class="{dim}" {p.attr()}>{esc(w.name)}</a>'
            else:
                el = f'<div role="tab" tabindex="0" class="tab-item-content {dim}" {p.attr()}>{esc(w.name)}</div>'
            items.append(f'<li class="{li}">{el}</li>')
        return (
            f'<div class="{self.tabs_cls}"><ul role="tablist">{"".join(items)}</ul></div>'
            f'<div role="tabpanel" style="padding:.5rem">{self.rng.choice(PANEL_TEXT)}</div>'
        )

    def accordion(self, ws: list[Want]) -> str:
        """Cirrus's ``details.accordion``; the hard expanded cases use a heading button with its chevron."""
        out = []
        for w in ws:
            p = self.parts(w, aria=True)
            if w.case in ("looks-expanded", "looks-collapsed"):
                exp = "true" if "dom-open" in p.looks else "false"
                pp = self.plan_popup(w, p)
                panel = f'<p class="px-2"{pp.attrs()}>{self.rng.choice(PANEL_TEXT)}</p>' if pp.emit else ""
                chev = (
                    CHEVRON
                    if "open" in p.looks
                    else CHEVRON.replace("<svg ", '<svg style="transform:rotate(-90deg)" ')
                )
                out.append(
                    f'<div style="border-bottom:1px solid #dee2e6;padding:.5rem 0"><h6 style="margin:0">'
                    f'<button type="button" aria-expanded="{exp}" class="{self.looks(p, "accbtn")}" style="margin:0;text-transform:none;font-weight:bold;font-size:1rem;padding-left:1rem" {p.attr()}>'
                    f"<span>{esc(w.name)}</span>{chev}</button></h6>{panel}</div>"
                )
                continue
            op = " open" if w.v("expanded") == "expanded" else ""
            cls, attrs = self.merge_class(p, self.looks(p, "summary"))
            out.append(
                f'<details class="accordion"{op}><summary class="{cls}" {attrs}>{esc(w.name)}</summary>'
                f"<p>{self.rng.choice(PANEL_TEXT)}</p></details>"
            )
        return "".join(out)


KITS: dict[str, KitClass] = {
    "bootswatch": Bootswatch,
    "cirrus": Cirrus,
    "halfmoon": Halfmoon,
    "tabler": Tabler,
    "mdb": Mdb,
}
