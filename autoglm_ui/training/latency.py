"""CPU latency of a model's forward pass at given batch sizes (median ms), measured, not assumed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

import torch
from torch import nn

#: Fact tokens per control used for timing: about what real controls produce.
TIMING_TOKENS = 96


def _inputs(config: Any, n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Random model inputs for ``n`` controls: pixels (channels-last), fact ids and mask."""
    px = torch.randn(n, 4, config.image_height, config.image_width, generator=gen)
    px = px.contiguous(memory_format=torch.channels_last)
    length = min(TIMING_TOKENS, config.max_fact_tokens)
    ids = torch.randint(1, config.vocab_size, (n, length), generator=gen)
    return px, ids, torch.ones(n, length, dtype=torch.bool)


@torch.inference_mode()
def measure_latency(
    model: nn.Module,
    batch_sizes: Sequence[int] = (1, 16, 64),
    repeats: int = 15,
    threads: int = 1,
    warmup: int = 3,
    cpu_time: bool = False,
) -> dict[str, float]:
    """Median milliseconds of one forward pass per batch size, on CPU with ``threads`` threads.

    ``cpu_time=True`` times with the process's CPU clock instead of the wall clock: on a shared
    host (other jobs, a browser) that is what stays comparable between two models measured at
    different moments, so the search and the int8 verdict use it.
    """
    clock = time.process_time if cpu_time else time.perf_counter
    config: Any = model.config
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    was_training = model.training
    model.eval()
    gen = torch.Generator().manual_seed(0)
    out: dict[str, float] = {}
    try:
        for b in batch_sizes:
            px, ids, mask = _inputs(config, b, gen)
            times = []
            for i in range(warmup + repeats):
                t0 = clock()
                model(px, ids, mask)
                if i >= warmup:
                    times.append((clock() - t0) * 1000)
            out[str(b)] = round(statistics.median(times), 2)
    finally:
        torch.set_num_threads(before)
        model.train(was_training)
    return out


@torch.inference_mode()
def compare_latency(
    a: nn.Module,
    b: nn.Module,
    batch_sizes: Sequence[int] = (1, 16, 64),
    repeats: int = 21,
    threads: int = 1,
    warmup: int = 3,
    cpu_time: bool = True,
) -> tuple[dict[str, float], dict[str, float]]:
    """Median ms per forward pass of ``a`` and ``b``, measured interleaved (a, b, a, b...).

    Two models timed one after the other on a shared 2-core host can differ by 20 % from load
    alone; alternating single passes exposes both to the same moments, so their ratio is stable.
    """
    clock = time.process_time if cpu_time else time.perf_counter
    config: Any = a.config
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    modes = (a.training, b.training)
    a.eval()
    b.eval()
    gen = torch.Generator().manual_seed(0)
    out_a: dict[str, float] = {}
    out_b: dict[str, float] = {}
    try:
        for n in batch_sizes:
            px, ids, mask = _inputs(config, n, gen)
            times: tuple[list[float], list[float]] = ([], [])
            for i in range(warmup + repeats):
                for model, bucket in ((a, times[0]), (b, times[1])):
                    t0 = clock()
                    model(px, ids, mask)
                    if i >= warmup:
                        bucket.append((clock() - t0) * 1000)
            out_a[str(n)] = round(statistics.median(times[0]), 2)
            out_b[str(n)] = round(statistics.median(times[1]), 2)
    finally:
        torch.set_num_threads(before)
        a.train(modes[0])
        b.train(modes[1])
    return out_a, out_b


__all__ = ["compare_latency", "measure_latency"]
