"""Model releases: the store (blobs, releases, refs), manifests, spec resolution, selection and pins.

Names load on first access, so importing this package (the pytest plugin does) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autoglm_ui.releases.bundled import bundled_releases
    from autoglm_ui.releases.install import InstallReport
    from autoglm_ui.releases.layout import default_root
    from autoglm_ui.releases.manifest import FORMAT_VERSION, Release, load_release, write_manifest
    from autoglm_ui.releases.pinning import PinChange, find_ini, read_pin, write_pin
    from autoglm_ui.releases.removal import RemovalPlan
    from autoglm_ui.releases.selection import select_spec
    from autoglm_ui.releases.spec import Spec, parse_spec
    from autoglm_ui.releases.store import Store, resolve_and_verify
    from autoglm_ui.releases.verify import VerifyReport, verify_release

_WHERE = {
    "bundled_releases": "bundled",
    "InstallReport": "install",
    "default_root": "layout",
    "FORMAT_VERSION": "manifest",
    "Release": "manifest",
    "load_release": "manifest",
    "write_manifest": "manifest",
    "PinChange": "pinning",
    "find_ini": "pinning",
    "read_pin": "pinning",
    "write_pin": "pinning",
    "RemovalPlan": "removal",
    "select_spec": "selection",
    "Spec": "spec",
    "parse_spec": "spec",
    "Store": "store",
    "resolve_and_verify": "store",
    "VerifyReport": "verify",
    "verify_release": "verify",
}
__all__ = [
    "FORMAT_VERSION",
    "InstallReport",
    "PinChange",
    "Release",
    "RemovalPlan",
    "Spec",
    "Store",
    "VerifyReport",
    "bundled_releases",
    "default_root",
    "find_ini",
    "load_release",
    "parse_spec",
    "read_pin",
    "resolve_and_verify",
    "select_spec",
    "verify_release",
    "write_manifest",
    "write_pin",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'autoglm_ui.releases' has no attribute {name!r}")
    return getattr(importlib.import_module(f"autoglm_ui.releases.{_WHERE[name]}"), name)
