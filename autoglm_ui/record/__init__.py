"""Scaffolding pytest modules from a live page (``autoglm-ui record``).

One concern per module, in the order the data flows:
``browsing`` (open and check the page) → ``naming`` (verified targets) → ``regions`` (landmark
groups) → ``checks`` (which facets to assert) → ``render`` (module text); ``snapshot`` and
``interactive`` (the :class:`Recorder`) put them together, ``live`` runs a headed session.
"""

from __future__ import annotations

from autoglm_ui.record.interactive import Recorder
from autoglm_ui.record.snapshot import Recording, record_snapshot, snapshot_page

__all__ = ["Recorder", "Recording", "record_snapshot", "snapshot_page"]
