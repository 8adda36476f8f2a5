"""Where a release's card figures were measured, against this machine (doctor and the plugin say it).

A release card's ``realset`` (or top-level) ``environment`` is the fingerprint of the machine its
figures come from (:mod:`autoglm_ui.environment`). A suite pinned to it reads the same states only
where what shapes a capture and a forward pass is the same; :func:`environment_note` says whether
it is, and how it differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autoglm_ui.releases.manifest import Release


def measured_environment(release: Release) -> Mapping[str, Any] | None:
    """The environment a release's card records, if any."""
    card = release.manifest.get("card") or {}
    realset = card.get("realset") if isinstance(card.get("realset"), Mapping) else {}
    found = (realset or {}).get("environment") or card.get("environment")
    return found if isinstance(found, Mapping) and found else None


def environment_note(release: Release, here: Mapping[str, Any]) -> str:
    """One line: this machine as where ``release`` was measured, how it differs, or no record."""
    from autoglm_ui.environment import differences

    there = measured_environment(release)
    if there is None:
        return f"{release.spec}'s card records no environment to compare with"
    diff = differences(here, there)
    if not diff:
        return f"as where {release.spec} was measured"
    return f"differs from where {release.spec} was measured: " + "; ".join(diff)


__all__ = ["environment_note", "measured_environment"]
