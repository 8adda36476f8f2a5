"""Writing the pytest module: header, one test function, checks grouped under comment headers.

Everything here is text in, text out (no browser), so the layout is testable on its own. Lines
stay under :data:`LIMIT` characters: long calls are wrapped inside their brackets, as a formatter
would; long comments are split.
"""

from __future__ import annotations

import keyword
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from autoglm_ui.record.checks import Check
from autoglm_ui.record.naming import quote

LIMIT = 99
INDENT = "    "
Style = Literal["assert", "expect"]

DISAGREE = "DOM/pixel disagreement"
CONFIRM = "To confirm"


@dataclass
class Body:
    """Lines of the test function (unindented); ``blank()`` never doubles a blank line."""

    lines: list[str] = field(default_factory=list)
    variables: set[str] = field(default_factory=set)
    _heading_end: int = -1

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "" and len(self.lines) != self._heading_end:
            self.lines.append("")

    def heading(self, text: str) -> None:
        """A region's comment header, after a blank line; a block may follow it directly."""
        self.blank()
        self.comment(text)
        self._heading_end = len(self.lines)

    def comment(self, text: str) -> None:
        width = LIMIT - len(INDENT) - 2
        self.lines.extend(f"# {part}" for part in textwrap.wrap(text, width, break_on_hyphens=False))

    def variable(self, hint: str, kind: str) -> str:
        words = re.findall(r"[a-z0-9]+", hint.lower())[:3]
        base = "_".join(words) or kind
        if base[0].isdigit() or keyword.iskeyword(base) or base in ("page", "widget_state", "expect_state"):
            base = f"{kind}_{base}"
        name, n = base, 1
        while name in self.variables:
            n += 1
            name = f"{base}_{n}"
        self.variables.add(name)
        return name


def _close(line: str, start: int) -> int:
    """Index of the bracket closing the one opened at ``start`` (string literals skipped)."""
    depth, quote_char, i = 0, "", start
    while i < len(line):
        ch = line[i]
        if quote_char:
            if ch == "\\":
                i += 1
            elif ch == quote_char:
                quote_char = ""
        elif ch in "\"'":
            quote_char = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def fit(line: str, level: int = 1) -> list[str]:
    """``line`` as it should be written at indent ``level``: wrapped inside its first call if long."""
    pad = INDENT * level
    if len(pad) + len(line) <= LIMIT or line.lstrip().startswith("#"):
        return [line]
    opening = line.find("(")
    closing = _close(line, opening) if opening >= 0 else -1
    if closing < 0 or closing == opening + 1:
        return [line]
    inner = line[opening + 1 : closing]
    return [line[: opening + 1], *(INDENT + part for part in fit(inner, level + 1)), line[closing:]]


def _check_line(subject: str, check: Check, style: Style) -> str:
    if style == "expect":
        return f"expect_state({subject}).to_be({quote(check.value)})"
    return f"assert {subject} == {quote(check.value)}"


def control_lines(body: Body, target: str, checks: Sequence[Check], *, style: Style, hint: str,
                  kind: str) -> None:
    """Write one control's checks: plain lines, then marked disagreement blocks, then comments."""
    sure = [c for c in checks if c.confident]
    unsure = [c for c in checks if not c.confident]
    subject = f"widget_state({target})"
    if style == "assert" and len(sure) > 1:
        name = body.variable(hint, kind)
        body.add(*fit(f"{name} = widget_state({target})"))
        subject = name
    elif style == "expect":
        subject = target
    for check in (c for c in sure if not c.disagrees):
        body.add(*fit(_check_line(subject, check, style)))
    for check in (c for c in sure if c.disagrees):
        body.blank()
        body.comment(
            f'{DISAGREE}: the DOM says {check.facet} is "{check.dom}"; a user sees "{check.value}". '
            "The check follows what is seen."
        )
        body.add(*fit(_check_line(subject, check, style)))
        body.blank()
    for check in unsure:
        code = _check_line(f"widget_state({target})" if style == "assert" else target, check, style)
        dom = f'; the DOM says "{check.dom}"' if check.dom and check.disagrees else ""
        lead = f"# {CONFIRM} (seen with confidence {check.confidence:.2f}{dom}):"
        if len(INDENT) + len(lead) + len(code) + 1 <= LIMIT:
            body.add(f"{lead} {code}")
        else:
            body.add(lead, f"# {code}")


def module(*, title: str, url: str, test_name: str, fixtures: Iterable[str], body: Body,
           release: str, mode: str) -> str:
    """The whole module text: docstring, import, and the test function around ``body``."""
    intro = textwrap.fill(f"What a user sees of {title}, recorded by `autoglm-ui record` ({mode}).",
                          LIMIT - 3, break_on_hyphens=False)
    notes = textwrap.fill(
        f'Edit freely: every check is an ordinary assertion. Lines marked "{CONFIRM}" were seen with '
        f'low confidence; "{DISAGREE}" blocks assert what a user sees where the DOM says otherwise.',
        LIMIT, break_on_hyphens=False,
    )
    head = [
        f'"""{intro}',
        "",
        f"Page: {url}",
        f"Model release: {release}",
        notes,
        '"""',
        "",
        "from playwright.sync_api import Page",
        "",
        "",
        f"def {test_name}({', '.join(['page: Page', *fixtures])}) -> None:",
    ]
    lines = list(body.lines)
    while lines and lines[-1] == "":
        lines.pop()
    text = "\n".join(head) + "\n"
    for line in lines:
        text += f"{INDENT}{line}\n" if line else "\n"
    return text


def goto_lines(url: str) -> list[str]:
    return fit(f"page.goto({quote(url)})")


def test_name_for(text: str) -> str:
    """A valid ``test_…`` function name from free text (a URL path, a page title)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    base = "_".join(words)[:60].strip("_") or "page"
    return base if base.startswith("test_") else f"test_{base}"
