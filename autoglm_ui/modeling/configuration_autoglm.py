"""``AutoGLMUIConfig``: the single source of the model's hyper-parameters and label maps."""

from __future__ import annotations

from typing import Any, ClassVar

from transformers.configuration_utils import PretrainedConfig

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.vocab import FACETS, KINDS

#: Bumped when a saved config or weights layout changes incompatibly.
FORMAT_VERSION = 1
#: Index 0 of every facet head: the facet does not apply to this control.
NOT_APPLICABLE = "n/a"
FUSIONS = ("concat", "attention")
QUANTIZATIONS = ("none", "dynamic-int8")

#: Named starting points; ``preset(name, **overrides)`` builds a validated config from one.
PRESETS: dict[str, dict[str, Any]] = {
    "tiny": dict(
        image_height=32,
        image_width=64,
        vision_width=8,
        vision_depth=1,
        hidden_size=32,
        fusion="concat",
        num_fusion_layers=1,
        num_attention_heads=2,
        max_fact_tokens=96,
        learning_rate=3e-3,
        batch_size=16,
        epochs=40,
        patience=8,
    ),
    "small": dict(
        image_height=48,
        image_width=96,
        vision_width=16,
        vision_depth=1,
        hidden_size=64,
        fusion="attention",
        num_fusion_layers=2,
        num_attention_heads=4,
        max_fact_tokens=128,
        learning_rate=2e-3,
        batch_size=64,
        epochs=30,
        patience=6,
    ),
    "base": dict(
        image_height=64,
        image_width=128,
        vision_width=24,
        vision_depth=2,
        hidden_size=128,
        fusion="attention",
        num_fusion_layers=3,
        num_attention_heads=4,
        max_fact_tokens=128,
        learning_rate=1e-3,
        batch_size=64,
    ),
}


def _default_facets() -> dict[str, list[str]]:
    return {facet: list(values) for facet, values in FACETS.items()}


def _default_kinds() -> list[str]:
    return list(KINDS)


class AutoGLMUIConfig(PretrainedConfig):  # type: ignore[no-untyped-call]  # transformers' hook
    """Hyper-parameters, label maps and calibration of an :class:`AutoGLMUIForControlState`.

    Facet head ``f`` has ``1 + len(facet_values[f])`` outputs: index 0 is :data:`NOT_APPLICABLE`,
    then the values in vocabulary order. Invalid values raise ``ValueError`` naming them; a config
    saved by a newer autoglm-ui raises :class:`~autoglm_ui.errors.ModelFormatError`.
    """

    model_type: ClassVar[str] = "autoglm-ui"

    format_version: int = FORMAT_VERSION
    facet_values: dict[str, list[str]] | None = None
    kinds: list[str] | None = None
    # image encoder (a small CNN over RGB + a drawn-box mask channel)
    image_height: int = 48
    image_width: int = 96
    num_channels: int = 4
    vision_width: int = 16
    vision_depth: int = 1
    # fact encoder and fusion
    vocab_size: int = 512
    max_fact_tokens: int = 128
    hidden_size: int = 64
    fusion: str = "attention"
    num_fusion_layers: int = 2
    num_attention_heads: int = 4
    dropout: float = 0.1
    initializer_range: float = 0.02
    # training
    learning_rate: float = 2e-3
    weight_decay: float = 0.05
    batch_size: int = 64
    na_weight: float = 0.25
    label_smoothing: float = 0.05
    #: Share of training samples whose class-name word pieces are hidden from the fact encoder,
    #: so that states are read from pixels and ARIA when a library's class words are new.
    class_token_dropout: float = 0.0
    #: Share of training samples that see their crop and kind alone (every other fact hidden), so the
    #: image pathway learns to answer by itself: pixels are what every library shares.
    facts_dropout: float = 0.0
    epochs: int = 40
    patience: int = 8
    # calibration (fitted on the dev split) and compression
    temperatures: dict[str, float] | None = None
    quantization: str = "none"
    #: How sure the model must be to answer against a preferred value (what the DOM says): below
    #: this calibrated confidence the preferred value is the answer. ``None``: the model always
    #: answers (releases before 1.7.0). One number for every facet, or one per facet (a facet left
    #: out, or ``None``, always answers; above 1 never contradicts the DOM). Chosen after training
    #: on the real-library dev set (``autoglm-ui models finish``).
    overrule_at: float | dict[str, float | None] | None = None

    def __post_init__(self, **kwargs: Any) -> None:
        if self.facet_values is None:
            self.facet_values = _default_facets()
        if self.kinds is None:
            self.kinds = _default_kinds()
        if self.temperatures is None:
            self.temperatures = {facet: 1.0 for facet in [*self.facet_values, "kind"]}
        kwargs.pop("id2label", None)
        kwargs.pop("label2id", None)
        super().__post_init__(**kwargs)  # type: ignore[no-untyped-call]
        self.id2label = dict(enumerate(self.kinds))
        self.label2id = {k: i for i, k in enumerate(self.kinds)}
        self.check()

    # ---- validation --------------------------------------------------------------------------
    def check(self) -> None:
        """Raise ``ValueError`` naming the first bad value (``ModelFormatError`` for a newer format)."""
        if not isinstance(self.format_version, int) or self.format_version > FORMAT_VERSION:
            raise ModelFormatError(
                f"model config has format_version={self.format_version!r}, newer than this autoglm-ui "
                f"reads ({FORMAT_VERSION}); upgrade autoglm-ui (pip install -U autoglm-ui)"
            )
        if self.format_version < 1:
            raise ValueError(f"format_version must be >= 1, got {self.format_version!r}")
        positive = (
            "image_height",
            "image_width",
            "vision_width",
            "vision_depth",
            "hidden_size",
            "num_fusion_layers",
            "num_attention_heads",
            "vocab_size",
            "max_fact_tokens",
            "batch_size",
            "epochs",
            "patience",
        )
        for name in positive:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        for name in ("image_height", "image_width"):
            value = getattr(self, name)
            if value < 32 or value % 16:
                raise ValueError(f"{name} must be a multiple of 16 and at least 32, got {value!r}")
        if self.num_channels != 4:
            raise ValueError(f"num_channels must be 4 (RGB + drawn-box mask), got {self.num_channels!r}")
        if self.fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {', '.join(FUSIONS)}, got {self.fusion!r}")
        if self.hidden_size % self.num_attention_heads:
            raise ValueError(
                f"hidden_size={self.hidden_size!r} is not divisible by "
                f"num_attention_heads={self.num_attention_heads!r}"
            )
        if self.vocab_size < 4:
            raise ValueError(f"vocab_size must be at least 4 (special tokens), got {self.vocab_size!r}")
        for name in ("dropout", "label_smoothing", "class_token_dropout", "facts_dropout"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not 0.0 <= value < 1.0:
                raise ValueError(f"{name} must be in [0, 1), got {value!r}")
        for name in ("learning_rate", "initializer_range", "na_weight"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"{name} must be a positive number, got {value!r}")
        if not isinstance(self.weight_decay, (int, float)) or self.weight_decay < 0:
            raise ValueError(f"weight_decay must be >= 0, got {self.weight_decay!r}")
        if self.quantization not in QUANTIZATIONS:
            raise ValueError(
                f"quantization must be one of {', '.join(QUANTIZATIONS)}, got {self.quantization!r}"
            )
        self._check_overrule()
        self._check_labels()

    def _check_overrule(self) -> None:
        at = self.overrule_at
        if at is None or (isinstance(at, (int, float)) and not isinstance(at, bool) and 0.0 <= at <= 1.0):
            return
        if isinstance(at, dict):
            unknown = sorted(set(at) - set(self.facet_values or {}))
            if unknown:
                raise ValueError(f"overrule_at names facets the model does not have: {', '.join(unknown)}")
            bad = {f: t for f, t in at.items()
                   if t is not None and (not isinstance(t, (int, float)) or isinstance(t, bool) or t < 0)}
            if not bad:
                return
            raise ValueError(f"overrule_at per facet must be None or a number >= 0, got {bad!r}")
        raise ValueError(f"overrule_at must be None, a number in [0, 1] or one per facet, got {at!r}")

    def overrule_of(self, facet: str) -> float | None:
        """How sure the model must be to contradict the DOM on ``facet`` (``None``: it always answers)."""
        at = self.overrule_at
        return at.get(facet) if isinstance(at, dict) else at

    def _check_labels(self) -> None:
        assert self.facet_values is not None and self.kinds is not None and self.temperatures is not None
        if not self.facet_values:
            raise ValueError("facet_values is empty; it maps each facet to its values")
        for facet, values in self.facet_values.items():
            if facet not in FACETS:
                raise ValueError(f"unknown facet {facet!r} in facet_values; known: {', '.join(FACETS)}")
            if not values or len(set(values)) != len(values):
                raise ValueError(f"facet {facet!r} needs distinct values, got {values!r}")
            for value in values:
                if value not in FACETS[facet]:
                    raise ValueError(
                        f"unknown value {value!r} for facet {facet!r}; known: {', '.join(FACETS[facet])}"
                    )
        for kind in self.kinds:
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r} in kinds; known: {', '.join(KINDS)}")
        if not self.kinds or len(set(self.kinds)) != len(self.kinds):
            raise ValueError(f"kinds must be distinct and non-empty, got {self.kinds!r}")
        for name, t in self.temperatures.items():
            if name != "kind" and name not in self.facet_values:
                raise ValueError(f"temperature for unknown facet {name!r}")
            if not isinstance(t, (int, float)) or not 0.01 <= t <= 100:
                raise ValueError(f"temperature of {name!r} must be in [0.01, 100], got {t!r}")

    # ---- label maps --------------------------------------------------------------------------
    @property
    def facet_names(self) -> tuple[str, ...]:
        assert self.facet_values is not None
        return tuple(self.facet_values)

    def facet_id2label(self, facet: str) -> dict[int, str]:
        """Output index -> label of one facet head (0 is :data:`NOT_APPLICABLE`)."""
        assert self.facet_values is not None
        return dict(enumerate([NOT_APPLICABLE, *self.facet_values[facet]]))

    def facet_label2id(self, facet: str) -> dict[str, int]:
        return {label: i for i, label in self.facet_id2label(facet).items()}

    def num_facet_labels(self, facet: str) -> int:
        assert self.facet_values is not None
        return 1 + len(self.facet_values[facet])

    def temperature_of(self, facet: str) -> float:
        assert self.temperatures is not None
        return float(self.temperatures.get(facet, 1.0))

    @classmethod
    def preset(cls, name: str, **overrides: Any) -> AutoGLMUIConfig:
        """A config from a named preset (``tiny``, ``small``, ``base``) with keyword overrides."""
        if name not in PRESETS:
            raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
        return cls(**{**PRESETS[name], **overrides})


__all__ = ["FORMAT_VERSION", "FUSIONS", "NOT_APPLICABLE", "PRESETS", "AutoGLMUIConfig"]
