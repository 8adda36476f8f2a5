"""``Recognizer``: capture a page, classify its controls, answer with :class:`WidgetState`.

Usable from a plain script::

    from autoglm_ui import Recognizer
    rec = Recognizer()                      # the pinned/default release, cuda when present
    rec.state(page, "Create account").disabled
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from autoglm_ui.ablation import Ablation
from autoglm_ui.ablation import ablate as take_away
from autoglm_ui.capture import Capture, capture
from autoglm_ui.dom_view import dom_view
from autoglm_ui.errors import CaptureError, ModelNotFoundError
from autoglm_ui.fusion import facets_of, layout_offscreen, layout_settles, unseen_follow_dom
from autoglm_ui.state import WidgetState
from autoglm_ui.targets import Target, capture_targets

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from autoglm_ui.controls import Crop
    from autoglm_ui.inference import Prediction
    from autoglm_ui.releases.store import Release, Store

log = logging.getLogger(__name__)

MODEL_ENV = "AUTOGLM_UI_MODEL"


class Recognizer:
    """Perceived widget state from one model release.

    ``release``: a spec (ref, ``name``, ``name/version``, optionally ``@sha256:…``) or a path to a
    release folder; ``None`` takes ``$AUTOGLM_UI_MODEL``, else the ``default`` ref (the release
    bundled with the package). ``device``: ``"cuda"``, ``"cpu"`` or ``None`` (cuda when present).
    """

    def __init__(self, release: str | Path | None = None, device: str | None = None, *,
                 store: Store | None = None) -> None:
        from autoglm_ui.inference import load_model

        self._release = locate_release(release, store)
        self.model, self.processor = load_model(self._release.path, device=device)
        self.device = str(next(self.model.parameters()).device)

    @property
    def release(self) -> str:
        """``name/version`` of the release this recognizer answers with."""
        return self._release.spec

    @property
    def release_info(self) -> Release:
        return self._release

    def state(self, page: Page, target: Target) -> WidgetState:
        """The perceived state of one control (name string, selector, Locator or ElementHandle)."""
        return self.states(page, [target])[0]

    def states(self, page: Page, targets: Sequence[Target]) -> list[WidgetState]:
        """States of several controls: one capture, one batched forward pass."""
        if not targets:
            return []
        return self.classify(capture_targets(page, targets))

    def scan(self, page: Page) -> list[WidgetState]:
        """Every control on the page (for ``record`` and evaluation).

        The model reads each screenshot's controls in a worker thread while the capture scrolls to
        the next window and waits for its frame, so on a page taller than the window the reading
        overlaps the capture instead of following it.
        """
        from concurrent.futures import Future, ThreadPoolExecutor

        batches: list[tuple[Sequence[int], Future[tuple[list[Crop], list[Prediction]]]]] = []
        with ThreadPoolExecutor(1, thread_name_prefix="autoglm-ui-read") as reader:
            def read(so_far: Capture, indices: Sequence[int]) -> None:
                batches.append((indices, reader.submit(self._read, so_far, indices)))

            cap = capture(page, all_controls=True, on_shot=read)
            answered: dict[int, tuple[Crop, Prediction]] = {}
            for indices, job in batches:
                answered.update(zip(indices, zip(*job.result(), strict=True), strict=True))
        if len(answered) != len(cap.controls):  # the capture hands every control over once
            raise CaptureError(f"the scan left {len(cap.controls) - len(answered)} of {len(cap.controls)}"
                               " controls unread; report it with the page's markup"
                               " (Recognizer.classify(capture(...)) reads them all)")
        ordered = [answered[i] for i in range(len(cap.controls))]
        return self._answers(cap, [crop for crop, _ in ordered], [pred for _, pred in ordered])

    def classify(self, cap: Capture, *, ablate: Ablation | None = None) -> list[WidgetState]:
        """Classify the controls of a capture already taken (compare two releases on one capture).

        The model's own answers first meet the layout (:mod:`autoglm_ui.fusion`); then, where the
        release says how sure it must be to contradict the DOM (``overrule_at``), a less sure answer
        is the DOM's. ``ablate``: take the pixels or the facts away from the model (``eval --ablate``,
        :mod:`autoglm_ui.ablation`); without facts the DOM answers nothing.
        """
        if not cap.controls:
            return []
        crops, preds = self._read(cap, range(len(cap.controls)), ablate)
        return self._answers(cap, crops, preds, ablate)

    def _read(self, cap: Capture, indices: Sequence[int],
              ablate: Ablation | None = None) -> tuple[list[Crop], list[Prediction]]:
        """The crops of controls ``indices`` and the model's answers for them, one batch."""
        from autoglm_ui.inference import predict

        crops = [cap.crop(i) for i in indices]
        raws = [cap.controls[i].raw for i in indices]
        seen, read = take_away(crops, raws, ablate)
        applies = [facets_of(raw) for raw in raws]
        return crops, predict(self.model, self.processor, seen, read, applies=applies)

    def _answers(self, cap: Capture, crops: Sequence[Crop], preds: Sequence[Prediction],
                 ablate: Ablation | None = None) -> list[WidgetState]:
        """The model's answers met with the layout and, below the release's ``overrule_at``, the DOM."""
        from autoglm_ui.inference import defer

        out = []
        for control, crop, pred in zip(cap.controls, crops, preds, strict=True):
            dom = dom_view(control.raw)
            if ablate != "facts":
                layout_offscreen(pred.facets, pred.confidence, control.raw)
                unseen_follow_dom(pred.facets, pred.confidence, control.raw)
                defer(pred.facets, pred.confidence, dom, self.model.config.overrule_of,
                      layout_settles(control.raw))
            out.append(
                WidgetState(
                    kind=control.kind,
                    name=control.name,
                    box=control.box,
                    facets=dict(pred.facets),
                    confidence=dict(pred.confidence),
                    dom=dom,
                    release=self.release,
                    crop=crop.image,
                    raw=control.raw,
                )
            )
        return out

    def __repr__(self) -> str:
        return f"Recognizer(release={self.release!r}, device={self.device!r})"


def locate_release(release: str | Path | None, store: Store | None = None) -> Release:
    """The release a folder path or a spec names (``default`` when neither is given)."""
    from autoglm_ui.releases.store import Release, Store

    if isinstance(release, Path) or (isinstance(release, str) and os.path.isdir(release)):
        return Release.from_folder(Path(release))
    if isinstance(release, str) and release.startswith((".", "/", "~")):  # a path, not a spec
        raise ModelNotFoundError(
            f"{release}: no such folder; pass a release folder (a trained run, an ensemble from"
            " models combine) or an installed release (autoglm-ui models list)"
        )
    store = store or Store()
    store.ensure_bundled()
    spec = release or os.environ.get(MODEL_ENV) or "default"
    return store.resolve(str(spec))

