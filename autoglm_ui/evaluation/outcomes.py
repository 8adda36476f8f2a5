"""What an evaluation produces: per-record answers and the scores computed from them (frozen)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from autoglm_ui.labels import LabelledRecord

#: Which answer a score is about: the predictor's (``model``) or the DOM-only view's (``dom``).
View = Literal["model", "dom"]
Category = Literal["standard", "hard", "all"]
CATEGORIES: tuple[Category, ...] = ("standard", "hard", "all")
#: The release name reported when no model is involved (``--dom-only``).
DOM_ONLY = "dom-only"


@dataclass(frozen=True)
class Prediction:
    """One control's answer from a predictor: facets, confidences and what the DOM alone says."""

    facets: Mapping[str, str | None]
    confidence: Mapping[str, float]
    dom: Mapping[str, str | None]
    kind: str | None = None
    #: facets the browser's layout settled after the model (:func:`autoglm_ui.fusion.layout_settles`):
    #: a threshold re-answering this prediction leaves them as they are, as the Recognizer does
    settled: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RecordOutcome:
    """A labelled record and the answers given for it; ``error`` when it could not be read.

    ``index`` is the record's position in the labels file: two evaluations of the same file
    (two releases, say) pair their outcomes by it.
    """

    index: int
    record: LabelledRecord
    prediction: Prediction | None = None
    error: str | None = None

    def got(self, facet: str, view: View = "model") -> str | None:
        """The answer for ``facet`` (``None``: no answer, not applicable or the record failed)."""
        if self.prediction is None:
            return None
        answers = self.prediction.facets if view == "model" else self.prediction.dom
        return answers.get(facet)

    def confidence(self, facet: str) -> float | None:
        if self.prediction is None:
            return None
        return self.prediction.confidence.get(facet)

    def correct(self, facet: str, view: View = "model") -> bool:
        """Whether the answer for an expected ``facet`` matches the label (a failed record never does)."""
        return self.got(facet, view) == self.record.expected[facet]


@dataclass(frozen=True)
class Score:
    """``correct`` out of ``total`` (record, facet) pairs; ``fraction`` is ``None`` when there are none."""

    correct: int = 0
    total: int = 0

    @property
    def fraction(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class FacetScore:
    """One facet over every record that lists it: both views, and a confusion table per view.

    ``confusion[expected][got]`` counts pairs; ``got`` is ``"none"`` where no answer was given.
    """

    facet: str
    model: Score
    dom: Score
    confusion: Mapping[str, Mapping[str, int]]
    dom_confusion: Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class ValueScore:
    """Recall and precision of one facet value, for both views."""

    facet: str
    value: str
    support: int  # pairs whose label is this value
    hits: int  # of those, pairs the predictor got right
    predicted: int  # pairs (facet expected) where the predictor answered this value
    dom_hits: int
    dom_predicted: int

    @property
    def recall(self) -> float | None:
        return self.hits / self.support if self.support else None

    @property
    def precision(self) -> float | None:
        return self.hits / self.predicted if self.predicted else None

    @property
    def dom_recall(self) -> float | None:
        return self.dom_hits / self.support if self.support else None

    @property
    def dom_precision(self) -> float | None:
        return self.dom_hits / self.dom_predicted if self.dom_predicted else None


@dataclass(frozen=True)
class FolderScore:
    """The scores of the records whose page lies in ``folder`` (one library of a dev set, say).

    Accuracies per category (``standard``, ``hard``, ``all``) as in :class:`Summary`.
    """

    folder: str
    records: int
    facet_accuracy: Mapping[str, Score]
    dom_facet_accuracy: Mapping[str, Score]
    record_accuracy: Mapping[str, Score]
    dom_record_accuracy: Mapping[str, Score]
    kind_accuracy: Score
    resolved: Score  # records that could be read (with ``--by-name``: whose target resolved)

    @property
    def model(self) -> Score:
        return self.facet_accuracy["all"]

    @property
    def dom(self) -> Score:
        return self.dom_facet_accuracy["all"]


@dataclass(frozen=True)
class Miss:
    """One (record, facet) pair answered wrongly: the confusion list shown to people."""

    index: int
    page: str
    selector: str
    target: str
    category: str
    facet: str
    expected: str
    got: str | None
    confidence: float | None
    error: str | None = None


@dataclass(frozen=True)
class Summary:
    """Every score of one evaluation; fractions via :attr:`Score.fraction`."""

    release: str
    records: int
    errors: int
    facet_accuracy: Mapping[str, Score]  # "standard" | "hard" | "all"
    dom_facet_accuracy: Mapping[str, Score]
    kind_accuracy: Score  # the predictor's kind against the labelled kind, over answered records
    per_facet: tuple[FacetScore, ...]
    per_value: tuple[ValueScore, ...]
    per_folder: tuple[FolderScore, ...]
    misses: tuple[Miss, ...] = field(repr=False)
    dom_misses: tuple[Miss, ...] = field(repr=False)
    #: whole records right (every labelled facet), per category
    record_accuracy: Mapping[str, Score] = field(default_factory=dict)
    dom_record_accuracy: Mapping[str, Score] = field(default_factory=dict)
    resolved: Score = Score()  # records that could be read (``by_name``: whose target resolved)
    by_name: bool = False  # targets were resolved from each record's ``target`` string


@dataclass(frozen=True)
class EvalResult:
    """Outcomes of every record (in labels-file order) and their summary."""

    outcomes: tuple[RecordOutcome, ...]
    summary: Summary
    dom_only: bool = False
    environment: Mapping[str, Any] = field(default_factory=dict)  # environment.fingerprint()

    @property
    def release(self) -> str:
        return self.summary.release


@dataclass(frozen=True)
class Difference:
    """A (record, facet) pair two evaluations answer differently (``models diff``)."""

    index: int
    page: str
    selector: str
    target: str
    facet: str
    expected: str | None
    a: str | None
    b: str | None
    a_confidence: float | None
    b_confidence: float | None
