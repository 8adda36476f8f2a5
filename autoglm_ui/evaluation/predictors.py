"""Who answers during an evaluation: a :class:`Predictor`, the DOM-only view or a ``Recognizer``.

A predictor receives a page and one element handle per record of that page, and returns one
:class:`Prediction` per handle from a single capture. The ``Recognizer`` of design.md fits
through :class:`RecognizerPredictor` (one ``states()`` call per page); :class:`DomPredictor`
answers with the DOM alone.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from autoglm_ui.ablation import READS, Ablation
from autoglm_ui.capture import Capture, capture
from autoglm_ui.dom_view import dom_view
from autoglm_ui.errors import ModelError
from autoglm_ui.evaluation.outcomes import DOM_ONLY, Prediction
from autoglm_ui.fusion import layout_settles

if TYPE_CHECKING:
    from playwright.sync_api import ElementHandle, Page

log = logging.getLogger(__name__)


@runtime_checkable
class Predictor(Protocol):
    """Answers the facets of several controls of one page at once."""

    @property
    def release(self) -> str:
        """The name of what answers (a release, or ``dom-only``), as reports show it."""
        ...

    def predict(self, page: Page, handles: Sequence[ElementHandle]) -> list[Prediction]:
        """One prediction per handle, in order, from one capture of ``page``."""
        ...


@runtime_checkable
class SharedCapturePredictor(Predictor, Protocol):
    """A predictor that can answer from a capture already taken.

    When every predictor of :func:`~autoglm_ui.evaluation.evaluate_many` is one, each page is
    captured once and every predictor reads the same pixels and facts: differences between two
    releases then come from the models alone.
    """

    def predict_capture(self, cap: Capture) -> list[Prediction]: ...


def shares_capture(predictor: Predictor) -> bool:
    """Whether ``predictor`` can answer from a shared capture."""
    return isinstance(predictor, SharedCapturePredictor) and bool(getattr(predictor, "shares_capture", True))


class StateLike(Protocol):
    """The part of design.md's ``WidgetState`` an evaluation reads."""

    @property
    def facets(self) -> Mapping[str, str | None]: ...
    @property
    def confidence(self) -> Mapping[str, float]: ...
    @property
    def dom(self) -> Mapping[str, str | None]: ...
    @property
    def kind(self) -> str: ...
    @property
    def release(self) -> Any: ...


@runtime_checkable
class StateReader(Protocol):
    """Anything with design.md's ``Recognizer.states(page, targets)``."""

    def states(self, page: Page, targets: Sequence[Any]) -> Sequence[StateLike]: ...


class DomPredictor:
    """What the DOM alone says (``dom_view`` over the same capture facts the model reads), confidence 1."""

    release = DOM_ONLY

    def predict(self, page: Page, handles: Sequence[ElementHandle]) -> list[Prediction]:
        return self.predict_capture(capture(page, handles=handles)) if handles else []

    def predict_capture(self, cap: Capture) -> list[Prediction]:
        out = []
        for control in cap.controls:
            dom = dom_view(control.raw)
            confidence = {facet: 1.0 for facet, value in dom.items() if value is not None}
            out.append(Prediction(facets=dom, confidence=confidence, dom=dom, kind=control.kind))
        return out


def release_name(release: Any) -> str:
    """A release as reports show it: ``name@version`` where it has those, else its string."""
    if release is None:
        return "unknown"
    if isinstance(release, str):
        return release
    name, version = getattr(release, "name", None), getattr(release, "version", None)
    if isinstance(name, str) and version is not None:
        return f"{name}@{version}"
    return str(release)


class RecognizerPredictor:
    """Adapts a ``Recognizer`` (or anything with its ``states``) to :class:`Predictor`.

    ``ablate``: answer with the pixels or the facts taken away (:mod:`autoglm_ui.ablation`); such a
    predictor reads a shared capture only (``Recognizer.classify``).
    """

    def __init__(self, recognizer: StateReader, ablate: Ablation | None = None) -> None:
        self.recognizer = recognizer
        self.ablate = ablate
        self._release: str | None = None
        known = getattr(recognizer, "release", None)
        if known is not None:
            self._release = release_name(known)

    @property
    def release(self) -> str:
        name = self._release or "unknown"
        return f"{name} ({READS[self.ablate]})" if self.ablate else name

    @property
    def shares_capture(self) -> bool:
        """A ``Recognizer`` classifies a capture already taken through its ``classify``."""
        return callable(getattr(self.recognizer, "classify", None))

    def predict(self, page: Page, handles: Sequence[ElementHandle]) -> list[Prediction]:
        if not handles:
            return []
        if self.ablate:
            return self.predict_capture(capture(page, handles=handles))
        return self._convert(self.recognizer.states(page, list(handles)), len(handles))

    def predict_capture(self, cap: Capture) -> list[Prediction]:
        if not cap.controls:
            return []
        classify = self.recognizer.classify  # type: ignore[attr-defined]
        states: Sequence[StateLike] = classify(cap, ablate=self.ablate) if self.ablate else classify(cap)
        return self._convert(states, len(cap.controls))

    def _convert(self, states: Sequence[StateLike], wanted: int) -> list[Prediction]:
        if len(states) != wanted:
            raise ModelError(
                f"the recognizer returned {len(states)} answers for {wanted} targets; this is a bug"
                " in the recognizer: report it with the page and the release"
            )
        out = []
        for st in states:
            if self._release is None:
                self._release = release_name(st.release)
            out.append(
                Prediction(
                    facets=dict(st.facets),
                    confidence={k: float(v) for k, v in st.confidence.items()},
                    dom=dict(st.dom),
                    kind=st.kind,
                    settled=layout_settles(getattr(st, "raw", {})) if self.ablate != "facts" else frozenset(),
                )
            )
        return out


def as_predictor(recognizer: Predictor | StateReader | None) -> Predictor:
    """``None``: the DOM-only view; a :class:`Predictor` as it is; a ``Recognizer`` adapted."""
    if recognizer is None:
        return DomPredictor()
    if isinstance(recognizer, Predictor):
        return recognizer
    if isinstance(recognizer, StateReader):
        return RecognizerPredictor(recognizer)
    raise TypeError(
        f"cannot evaluate with a {type(recognizer).__name__}: pass a Recognizer, a Predictor"
        " (release + predict(page, handles)) or None for the DOM-only view"
    )
