"""``AutoGLMUIForControlState``: the transformers ``PreTrainedModel`` of the control-state model.

Importing this module imports ``transformers.modeling_utils`` (~3 s on a 2-core CPU): training,
search and research code use it; inference loads the same weights into the lean
:class:`~autoglm_ui.modeling.layers_autoglm.ControlStateNet` instead (see ``autoglm_ui.inference``).
"""

from __future__ import annotations

import os
from typing import Any

from torch import nn
from transformers.modeling_utils import PreTrainedModel

from autoglm_ui.errors import ModelNotFoundError
from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.layers_autoglm import ControlStateMixin, ControlStateOutput, init_module


class AutoGLMUIPreTrainedModel(PreTrainedModel):  # type: ignore[no-untyped-call]  # transformers' __init_subclass__
    """Base class: config class, weight initialisation and error translation on load."""

    config_class = AutoGLMUIConfig
    base_model_prefix = "autoglm"
    main_input_name = "pixel_values"
    input_modalities = ("image", "text")  # type: ignore[assignment]  # a tuple, as transformers' own models set it

    def _init_weights(self, module: nn.Module) -> None:
        init_module(module, self.config.initializer_range)

    @classmethod
    def from_pretrained(  # type: ignore[override]  # the folder's errors translated, same call
        cls, pretrained_model_name_or_path: str | os.PathLike[str], *args: Any, **kwargs: Any
    ) -> Any:
        """Load a saved model folder; malformed or missing files raise autoglm-ui errors."""
        from autoglm_ui.modeling.weights import check_weights

        folder = os.fspath(pretrained_model_name_or_path)
        if not os.path.isdir(folder):
            raise ModelNotFoundError(f"{folder} is not a model folder; train one with `autoglm-ui train`")
        check_weights(folder)
        kwargs.setdefault("local_files_only", True)
        return super().from_pretrained(folder, *args, **kwargs)


class AutoGLMUIForControlState(ControlStateMixin, AutoGLMUIPreTrainedModel):  # type: ignore[misc, no-untyped-call]
    """Crop pixels + DOM fact tokens → one head per facet (index 0: not applicable) + a kind head."""

    def __init__(self, config: AutoGLMUIConfig) -> None:
        AutoGLMUIPreTrainedModel.__init__(self, config)
        self.build(config)
        self.post_init()  # type: ignore[no-untyped-call]


__all__ = ["AutoGLMUIForControlState", "AutoGLMUIPreTrainedModel", "ControlStateOutput"]
