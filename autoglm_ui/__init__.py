"""autoglm-ui: assert on what a user sees a control doing, in pytest + Playwright tests.

Importing the package is cheap: :class:`Recognizer` (torch, transformers, playwright) loads on
first attribute access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autoglm_ui.errors import (
    AmbiguousTargetError,
    AutoGLMUIError,
    BrowserNotFoundError,
    CaptureError,
    DetachedElementError,
    IntegrityError,
    ModelError,
    ModelNotFoundError,
    NoMatchError,
    TargetError,
)

if TYPE_CHECKING:
    from autoglm_ui.recognizer import Recognizer
    from autoglm_ui.state import WidgetState

__version__ = "0.1.0"
__all__ = [
    "AmbiguousTargetError",
    "AutoGLMUIError",
    "BrowserNotFoundError",
    "CaptureError",
    "DetachedElementError",
    "IntegrityError",
    "ModelError",
    "ModelNotFoundError",
    "NoMatchError",
    "Recognizer",
    "TargetError",
    "WidgetState",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "Recognizer":
        from autoglm_ui.recognizer import Recognizer

        return Recognizer
    if name == "WidgetState":
        from autoglm_ui.state import WidgetState

        return WidgetState
    raise AttributeError(f"module 'autoglm_ui' has no attribute {name!r}")
