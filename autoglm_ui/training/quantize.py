"""Dynamic int8 quantisation of the Linear layers, measured against the float model before shipping.

The int8 release keeps the float weights and says ``"quantization": "dynamic-int8"`` in its config:
loading quantises them (deterministic: scales come from the weights), so accuracy and latency
measured here are what users get. It is written only when it stays within 0.5 accuracy point of
the float model and is faster at batch 16 and 64.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

log = logging.getLogger(__name__)
MAX_DROP_POINTS = 0.5


def quantize_dynamic_int8(model: nn.Module) -> nn.Module:
    """A copy of ``model`` whose ``nn.Linear`` layers run in dynamic int8 (CPU)."""
    from torch.ao.quantization import quantize_dynamic

    was_training = model.training
    model.eval()
    with warnings.catch_warnings():
        # torch 2.13 announces the move of eager quantisation to torchao (not a dependency here);
        # torch.ao's dynamic quantisation still works and is what this release format records
        warnings.filterwarnings("ignore", message=r".*quantize_per_tensor.*deprecated", category=UserWarning)
        warnings.filterwarnings(
            "ignore", message=r"torch\.ao\.quantization is deprecated", category=DeprecationWarning
        )
        q: nn.Module = quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)  # type: ignore[no-untyped-call]
    model.train(was_training)
    return q


@dataclass(frozen=True)
class QuantizeReport:
    """Float vs int8 on the dev split: accuracy (fractions), agreement, latency (ms), verdict."""

    float_accuracy: float
    int8_accuracy: float
    drop_points: float
    agreement: float
    float_latency_ms: dict[str, float]  # CPU time per forward pass, one thread, by batch size
    int8_latency_ms: dict[str, float]
    accepted: bool
    reason: str
    out_dir: str | None


def _agreement(a: Any, b: Any, enc: Any, config: Any) -> float:
    same, total = 0, 0
    for facet in config.facet_names:
        sel = enc.applies[facet] & (enc.labels[facet] > 0)
        pa = a.facets[facet][sel][:, 1:].argmax(1)
        pb = b.facets[facet][sel][:, 1:].argmax(1)
        same += int((pa == pb).sum())
        total += int(sel.sum())
    return same / total if total else 1.0


def compare(model: nn.Module, dev: Any) -> tuple[nn.Module, QuantizeReport]:
    """Quantise ``model`` and measure it against the float model on ``dev`` (an ``Encoded`` split)."""
    from autoglm_ui.training.latency import compare_latency
    from autoglm_ui.training.metrics import predict_logits, score

    config: Any = model.config
    q = quantize_dynamic_int8(model)
    lf, lq = predict_logits(model, dev), predict_logits(q, dev)
    acc_f = float(score(config, lf, dev, with_dom=False)["facet_accuracy"]["all"] or 0.0)
    acc_q = float(score(config, lq, dev, with_dom=False)["facet_accuracy"]["all"] or 0.0)
    lat_f, lat_q = compare_latency(model, q)
    drop = round((acc_f - acc_q) * 100, 3)
    faster = all(lat_q[b] < lat_f[b] for b in ("16", "64"))
    if drop > MAX_DROP_POINTS:
        reason = f"accuracy drops {drop:.2f} points (> {MAX_DROP_POINTS})"
    elif not faster:
        reason = f"not faster (int8 {lat_q} ms vs float {lat_f} ms)"
    else:
        reason = f"within {MAX_DROP_POINTS} point ({drop:+.2f}) and faster"
    report = QuantizeReport(
        round(acc_f, 4),
        round(acc_q, 4),
        drop,
        round(_agreement(lf, lq, dev, config), 4),
        lat_f,
        lat_q,
        drop <= MAX_DROP_POINTS and faster,
        reason,
        None,
    )
    return q, report


def quantize_release(
    release: Path | str, dev: Any, mode: str = "int8", out_dir: Path | str | None = None
) -> QuantizeReport:
    """Measure int8 against the float release; write ``<release>-int8`` next to it when accepted."""
    from autoglm_ui.inference import load_model, read_config

    if mode != "int8":
        raise ValueError(f"quantize mode must be 'int8', got {mode!r}")
    src = Path(release)
    model, _ = load_model(src, device="cpu")
    _, report = compare(model, dev)
    log.info("int8: %s", report.reason)
    if not report.accepted:
        return report
    out = Path(out_dir) if out_dir is not None else src.with_name(src.name + "-int8")
    if out.exists():
        raise FileExistsError(
            f"{out} already exists; releases are immutable: delete it or pass another out_dir"
        )
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        tmp.mkdir(parents=True)
        config = read_config(src)
        config.quantization = "dynamic-int8"
        config.save_pretrained(tmp)
        for name in ("model.safetensors", "processor_config.json", "vocab.json"):
            shutil.copyfile(src / name, tmp / name)
        metrics = json.loads((src / "metrics.json").read_text()) if (src / "metrics.json").is_file() else {}
        metrics["quantization"] = asdict(report)
        metrics["latency_ms"] = {"threads_1": report.int8_latency_ms}
        metrics.setdefault("facet_accuracy", {})["all"] = report.int8_accuracy
        (tmp / "metrics.json").write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
        _write_manifest(src, tmp, metrics)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return QuantizeReport(**{**asdict(report), "out_dir": str(out)})


def _write_manifest(src: Path, folder: Path, metrics: dict[str, Any]) -> None:
    try:
        from autoglm_ui.releases.manifest import read_manifest, write_manifest
    except ImportError:
        log.warning("autoglm_ui.releases.manifest is not available: release.json not written")
        return
    from autoglm_ui.releases.hashing import sha256_tag

    parent = None
    name, version = f"{src.name}-int8", "1"
    if (src / "release.json").is_file():
        m = read_manifest(src)
        parent = f"{m['name']}@{m['version']}"
        name, version = f"{m['name']}-int8", str(m["version"])
    config_hash = sha256_tag(folder / "config.json")
    keys = ("facet_accuracy", "latency_ms", "quantization")
    headline: dict[str, Any] = {k: metrics[k] for k in keys if k in metrics}
    write_manifest(
        folder,
        name,
        version,
        parent=parent,
        metrics=headline,
        card={"quantization": "dynamic-int8", "parent": parent},
        config_hash=config_hash,
        data_fingerprint=metrics.get("training", {}).get("data_fingerprint"),
    )


__all__ = ["MAX_DROP_POINTS", "QuantizeReport", "compare", "quantize_dynamic_int8", "quantize_release"]
