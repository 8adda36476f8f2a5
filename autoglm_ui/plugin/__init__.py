"""The pytest plugin's parts; ``autoglm_ui.pytest_plugin`` is the thin entry point that wires them.

Nothing here imports torch, transformers or playwright at module level. For type hints in a
user's tests: ``ReadState`` (the ``widget_state`` fixture), ``ExpectState`` (``expect_state``)
and ``StateExpectation`` (what ``expect_state(target)`` returns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autoglm_ui.plugin.expect import StateExpectation
    from autoglm_ui.plugin.reader import ExpectState, ReadState

__all__ = ["ExpectState", "ReadState", "StateExpectation"]


def __getattr__(name: str) -> Any:
    if name == "StateExpectation":
        from autoglm_ui.plugin.expect import StateExpectation

        return StateExpectation
    if name in ("ExpectState", "ReadState"):
        from autoglm_ui.plugin import reader

        return getattr(reader, name)
    raise AttributeError(f"module 'autoglm_ui.plugin' has no attribute {name!r}")
