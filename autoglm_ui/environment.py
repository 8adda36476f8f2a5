"""Where a figure was measured: the browser, fonts, screen, torch and CPU that shape what is captured.

A pinned release reads the same states wherever it runs only if what it is fed is the same: the
pixels depend on the browser build, the fonts the machine has and the device scale factor; the
forward pass on torch's version, threads and CPU kernels. :func:`fingerprint` records them (eval's
``--json`` summary and a release card carry it); :func:`differences` says how two machines differ.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Mapping
from functools import cache
from typing import Any

log = logging.getLogger(__name__)


@cache
def font_set() -> dict[str, Any]:
    """The fonts fontconfig offers Chromium here: how many, and a hash of their family/style/file list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return {"count": None, "sha256": None, "note": "fc-list not found (apt-get install fontconfig)"}
    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{family}|%{style}|%{file}\n"], capture_output=True, text=True, timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not list the fonts: %s", exc)
        return {"count": None, "sha256": None, "note": f"fc-list failed: {exc}"}
    lines = sorted({line.strip() for line in listing.splitlines() if line.strip()})
    return {"count": len(lines), "sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()}


@cache
def cpu() -> dict[str, Any]:
    """The CPU's model name and a hash of its feature flags (which kernels torch may pick)."""
    model, flags = platform.processor() or platform.machine(), ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key.strip() == "model name" and value.strip():
                    model = value.strip()
                elif key.strip() in ("flags", "Features") and not flags:
                    flags = " ".join(sorted(value.split()))
    except OSError as exc:  # not Linux: the model name from platform is what there is
        log.debug("no /proc/cpuinfo (%s): CPU flags not recorded", exc)
    return {"model": model, "cores": os.cpu_count(),
            "flags_sha256": hashlib.sha256(flags.encode()).hexdigest() if flags else None}


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def fingerprint(
    *,
    browser: str | None = None,
    browser_version: str | None = None,
    viewport: Mapping[str, int] | None = None,
    device_scale_factor: float | None = None,
) -> dict[str, Any]:
    """Everything here that can change what a release reads (plain data, for JSON)."""
    torch_info: dict[str, Any] = {"version": _version("torch")}
    if "torch" in sys.modules:  # only where a model runs: importing torch for this alone costs seconds
        torch = sys.modules["torch"]
        torch_info |= {"threads": torch.get_num_threads(), "cuda": bool(torch.cuda.is_available())}
    return {
        "browser": {"name": browser, "version": browser_version},
        "viewport": dict(viewport) if viewport else None,
        "device_scale_factor": device_scale_factor,
        "fonts": font_set(),
        "torch": torch_info,
        "cpu": cpu(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "autoglm_ui": _version("autoglm-ui"),
        "playwright": _version("playwright"),
    }


#: The parts of a fingerprint whose difference can change what is captured or computed.
COMPARED = (("browser", "version"), ("fonts", "sha256"), ("device_scale_factor",), ("viewport",),
            ("torch", "version"), ("torch", "threads"), ("cpu", "flags_sha256"))


def differences(here: Mapping[str, Any], there: Mapping[str, Any]) -> list[str]:
    """How ``here`` differs from ``there``, one line each (``fonts.sha256: 1f2e… here, 9a0b… there``)."""
    out = []
    for path in COMPARED:
        a: Any = here
        b: Any = there
        for key in path:
            a = a.get(key) if isinstance(a, Mapping) else None
            b = b.get(key) if isinstance(b, Mapping) else None
        if a is not None and b is not None and a != b:
            out.append(f"{'.'.join(path)}: {_short(a)} here, {_short(b)} there")
    return out


def _short(value: Any) -> Any:
    return f"{value[:12]}…" if isinstance(value, str) and len(value) > 16 else value
