"""Reading ``model.safetensors`` with clear errors: a damaged file never becomes a torch traceback."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from autoglm_ui.errors import ModelFormatError, ModelNotFoundError

if TYPE_CHECKING:
    import torch
    from torch import nn

WEIGHTS_FILE = "model.safetensors"
_MAX_HEADER = 100 * 1024 * 1024


def check_weights(folder: Path | str) -> Path:
    """The weights file of ``folder`` after a cheap structural check of its safetensors header."""
    path = Path(folder) / WEIGHTS_FILE
    if not path.is_file():
        raise ModelNotFoundError(f"{path} is missing; the release is incomplete, reinstall it")
    size = path.stat().st_size
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if len(head) < 8:
                raise ValueError("file shorter than a safetensors header")
            (n,) = struct.unpack("<Q", head)
            if n > min(size - 8, _MAX_HEADER):
                raise ValueError(f"header length {n} exceeds the file")
            header = json.loads(fh.read(n))
        ends = [int(v["data_offsets"][1]) for k, v in header.items() if k != "__metadata__"]
        if 8 + n + max(ends, default=0) > size:
            raise ValueError("tensor data runs past the end of the file (truncated)")
    except (ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError) as exc:
        raise ModelFormatError(
            f"{path} is not a valid safetensors file ({exc}); the file is damaged: reinstall the "
            "release (`autoglm-ui models verify`) or retrain it"
        ) from exc
    return path


def load_weights(folder: Path | str) -> dict[str, torch.Tensor]:
    """All tensors of the folder's weights file on CPU."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    path = check_weights(folder)
    try:
        return load_file(str(path), device="cpu")
    except (SafetensorError, OSError, ValueError) as exc:
        raise ModelFormatError(
            f"{path} could not be read ({exc}); reinstall the release or retrain it"
        ) from exc


def load_into(model: nn.Module, folder: Path | str) -> None:
    """Load the folder's weights into ``model``; any missing, extra or mis-shaped tensor is an error."""
    state = load_weights(folder)
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        first = str(exc).splitlines()[0:3]
        raise ModelFormatError(
            f"{Path(folder) / WEIGHTS_FILE} does not match its config.json ({' '.join(first)}); "
            "the files come from different releases: reinstall the release"
        ) from exc


__all__ = ["WEIGHTS_FILE", "check_weights", "load_into", "load_weights"]
