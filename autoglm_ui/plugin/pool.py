"""Recognizers of one worker, loaded lazily (torch imported on the first read) and kept per release."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autoglm_ui.recognizer import Recognizer

log = logging.getLogger(__name__)


class RecognizerPool:
    """One :class:`~autoglm_ui.recognizer.Recognizer` per release spec, for the life of the worker."""

    def __init__(self, device: str | None) -> None:
        self.device = device
        self._loaded: dict[str, Recognizer] = {}
        self._unclaimed_load_seconds = 0.0
        self.load_seconds = 0.0

    def get(self, spec: str) -> Recognizer:
        """The recognizer of ``spec``, loading it (imports + weights) the first time it is asked for."""
        rec = self._loaded.get(spec)
        if rec is None:
            rec = self.load(spec)
        return rec

    def load(self, spec: str) -> Recognizer:
        start = time.perf_counter()
        from autoglm_ui.errors import AutoGLMUIError, ModelError
        from autoglm_ui.recognizer import Recognizer

        try:
            rec = Recognizer(release=spec, device=self.device)
        except AutoGLMUIError:
            raise
        except (ValueError, RuntimeError, OSError) as exc:  # torch / device problems, as one line
            first = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise ModelError(
                f"could not load release {spec!r} on device {self.device or 'auto'}: {first}; "
                "check --autoglm-device (auto, cpu or cuda) and `autoglm-ui models verify`; "
                "set AUTOGLM_UI_DEBUG=1 for the full traceback"
            ) from exc
        took = time.perf_counter() - start
        self._loaded[spec] = rec
        self.load_seconds += took
        self._unclaimed_load_seconds += took
        log.info("autoglm-ui: loaded %s (%s) on %s in %.2f s", spec, rec.release, rec.device, took)
        return rec

    def adopt(self, spec: str, rec: Recognizer) -> None:
        """Use ``rec`` for ``spec`` (a user's own ``autoglm_recognizer`` fixture)."""
        self._loaded.setdefault(spec, rec)

    def claim_load_seconds(self) -> float:
        """Load time not yet attributed to a test (the test that triggered a load carries its cost)."""
        took, self._unclaimed_load_seconds = self._unclaimed_load_seconds, 0.0
        return took
