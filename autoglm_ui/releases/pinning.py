"""Read and write the ``autoglm_model`` pin in a pytest.ini, leaving every other byte as it was."""

from __future__ import annotations

import logging
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from autoglm_ui.errors import StoreError
from autoglm_ui.releases.selection import INI_KEY

log = logging.getLogger(__name__)

INI_NAME = "pytest.ini"
_SECTION = re.compile(r"\[([^\]]*)\]")
_KEY = re.compile(rf"{INI_KEY}\s*[=:]")
_LINES = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class PinChange:
    """The pin written to ``ini``, the value it replaced (None when new), and whether the file is new."""

    ini: Path
    pin: str
    previous: str | None
    created: bool


def find_ini(start: Path | None = None) -> Path | None:
    """The nearest ``pytest.ini`` in ``start`` (default: the current directory) or its parents."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / INI_NAME).is_file():
            return folder / INI_NAME
    return None


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and stripped[0] not in "#;"


def _locate(lines: list[str]) -> tuple[int | None, int, tuple[int, int] | None]:
    """(header index of ``[pytest]``, index after its last content line, key line span or None)."""
    header: int | None = None
    last = 0
    key: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _SECTION.match(line.strip()) if _is_content(line) and not line[0].isspace() else None
        if match:
            if header is not None:
                break
            if match.group(1).strip() == "pytest":
                header, last = i, i + 1
        elif header is not None and _is_content(line):
            if _KEY.match(line):
                end = i + 1
                while end < len(lines) and lines[end][:1].isspace() and _is_content(lines[end]):
                    end += 1
                key = (i, end)
                i = end
                last = end
                continue
            last = i + 1
        i += 1
    return header, last, key


def _read_lines(ini: Path) -> list[str]:
    return _LINES.findall(ini.read_bytes().decode("utf-8", "surrogateescape"))


def _value(lines: list[str], span: tuple[int, int]) -> str:
    first = _KEY.sub("", lines[span[0]], count=1)
    value = " ".join(part.strip() for part in [first, *lines[span[0] + 1 : span[1]]]).strip()
    return re.split(r"\s[#;]", value, maxsplit=1)[0].strip()


def read_pin(ini: Path) -> str | None:
    """The ``autoglm_model`` value in ``ini``'s ``[pytest]`` section, or None."""
    if not ini.is_file():
        return None
    lines = _read_lines(ini)
    _, _, span = _locate(lines)
    return _value(lines, span) if span else None


def write_pin(ini: Path, pin: str) -> PinChange:
    """Set ``autoglm_model = <pin>`` in ``ini`` (created if missing), replacing only that line."""
    created = not ini.exists()
    lines = [] if created else _read_lines(ini)
    header, last, span = _locate(lines)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    entry = f"{INI_KEY} = {pin}{newline}"
    previous = _value(lines, span) if span else None
    if span is not None:
        lines[span[0] : span[1]] = [entry]
    elif header is not None:
        if last > 0 and not lines[last - 1].endswith("\n"):
            lines[last - 1] += newline
        lines.insert(last, entry)
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
        if lines:
            lines.append(newline)
        lines += [f"[pytest]{newline}", entry]
    try:
        _replace(ini, "".join(lines).encode("utf-8", "surrogateescape"))
    except OSError as exc:
        raise StoreError(
            f"cannot write {ini}: {exc.strerror or exc}; make it writable or pass --ini PATH"
        ) from exc
    log.info("pinned %s in %s", pin, ini)
    return PinChange(ini, pin, previous, created)


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_bytes(data)
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
