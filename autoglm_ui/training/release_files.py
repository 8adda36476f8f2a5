"""A trained model's release folder: weights, processor files, ``metrics.json`` and ``release.json``,
written all or nothing (a temporary sibling renamed into place)."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig
from autoglm_ui.modeling.processing_autoglm import AutoGLMUIProcessor

log = logging.getLogger(__name__)

METRICS_FILE = "metrics.json"


def write_release(
    model: Any,
    processor: AutoGLMUIProcessor,
    metrics: Mapping[str, Any],
    out: Path,
    *,
    name: str,
    version: str,
    data_fingerprint: str,
    parent: str | None = None,
) -> str | None:
    """Write every file into a temporary sibling, then rename it to ``out`` (all or nothing)."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    try:
        model.to("cpu").save_pretrained(tmp)
        processor.save_pretrained(tmp)
        (tmp / METRICS_FILE).write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
        release = _manifest(tmp, model.config, metrics, name, version, data_fingerprint, parent)
        if out.exists():
            out.rmdir()  # empty (checked by train)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("wrote %s", out)
    return release


def _manifest(
    folder: Path,
    config: AutoGLMUIConfig,
    metrics: Mapping[str, Any],
    name: str,
    version: str,
    data_fingerprint: str,
    parent: str | None,
) -> str | None:
    try:
        from autoglm_ui.releases.manifest import write_manifest
    except ImportError:
        log.warning("autoglm_ui.releases.manifest is not available: release.json not written")
        return None
    from autoglm_ui.releases.hashing import sha256_tag

    config_hash = sha256_tag(folder / "config.json")
    headline = {
        k: metrics[k]
        for k in (
            "scope",
            "facet_accuracy",
            "dom_facet_accuracy",
            "macro_recall",
            "min_recall",
            "kind_accuracy",
            "ece",
            "latency_ms",
        )
        if k in metrics
    }
    headline["per_facet_accuracy"] = {f: v["accuracy"] for f, v in metrics.get("per_facet", {}).items()}
    card = {
        "model": "AutoGLMUIForControlState",
        "fusion": config.fusion,
        "image": [config.image_height, config.image_width],
        "hidden_size": config.hidden_size,
        "quantization": config.quantization,
        "training": metrics.get("training", {}),
    }
    if "finetune" in metrics:
        card["finetune"] = {k: v for k, v in metrics["finetune"].items() if k != "history"}
    write_manifest(
        folder,
        name,
        version,
        parent=parent,
        metrics=headline,
        card=card,
        config_hash=config_hash,
        data_fingerprint=data_fingerprint,
    )
    return f"{name}@{version}"


__all__ = ["METRICS_FILE", "write_release"]
