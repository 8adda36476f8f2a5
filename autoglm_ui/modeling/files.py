"""Reading a release's JSON files (config, processor, vocabulary) with errors that name the fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from autoglm_ui.errors import ModelFormatError

#: Present in an ensemble release: ``{"members": ["members/0", ...]}``, each a model folder.
ENSEMBLE_FILE = "ensemble.json"
#: A model folder's configuration: the hyper-parameters and the label set (facets, values, kinds).
CONFIG_FILE = "config.json"


def read_release_json(path: Path, *, missing: type[Exception] = ModelFormatError) -> dict[str, Any]:
    """The JSON object in ``path``; ``missing`` (default :class:`ModelFormatError`) when absent."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise missing(f"{path} is missing; the release is incomplete, reinstall it") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelFormatError(f"{path}: not valid JSON ({exc}); reinstall the release") from exc
    if not isinstance(data, dict):
        raise ModelFormatError(f"{path}: expected a JSON object; reinstall the release")
    return data
