"""The control-state model in the transformers layout: configuration, modeling, processing.

Names are imported on first use, so ``import autoglm_ui.modeling`` costs nothing; importing
``AutoGLMUIForControlState`` pulls in ``transformers.modeling_utils`` (~3 s), which inference
avoids by loading the same weights into :class:`ControlStateNet` (see ``autoglm_ui.inference``).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AutoGLMUIConfig": "configuration_autoglm",
    "AutoGLMUIForControlState": "modeling_autoglm",
    "AutoGLMUIPreTrainedModel": "modeling_autoglm",
    "AutoGLMUIProcessor": "processing_autoglm",
    "ControlStateNet": "layers_autoglm",
    "ControlStateOutput": "layers_autoglm",
    "CropInput": "processing_autoglm",
    "FactTokenizer": "tokenization_autoglm",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


__all__ = sorted(_EXPORTS)
