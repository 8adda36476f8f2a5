"""What ``autoglm-ui train`` prints: the trained run's summary, search trials and their Pareto front."""

from __future__ import annotations

from typing import Any

import click


def print_summary(result: Any) -> None:
    """The trained run's dev-split table, its headline figures, latency and where it was written."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    m = result.metrics
    table = Table(title=f"dev split ({m['samples']} samples, {m['training']['dev_split']} held out)")
    for col in ("facet", "n", "accuracy", "value recall", "ECE"):
        table.add_column(col)
    for facet, v in m["per_facet"].items():
        recall = ", ".join(f"{k} {r:.2f}" for k, r in v["recall"].items())
        acc = "-" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        table.add_row(facet, str(v["n"]), acc, recall, f"{v['ece']:.3f}")
    console.print(table)
    fa, dom = m["facet_accuracy"], m.get("dom_facet_accuracy", {})

    def pct(x: Any) -> str:
        return "-" if x is None else f"{100 * x:.1f}%"

    console.print(
        f"facet accuracy: all {pct(fa['all'])}, standard {pct(fa['standard'])}, hard {pct(fa['hard'])}"
        f"  |  DOM-only: all {pct(dom.get('all'))}, standard {pct(dom.get('standard'))}, "
        f"hard {pct(dom.get('hard'))}"
    )
    console.print(
        f"macro value recall {pct(m['macro_recall'])} (min {pct(m['min_recall'])}); kind accuracy "
        f"{pct(m['kind_accuracy'])}; ECE {m['ece']:.3f} (uncalibrated {m['ece_uncalibrated']:.3f})"
    )
    console.print(f"CPU latency, 1 thread, ms per batch: {m['latency_ms']['threads_1']}")
    console.print(
        f"best epoch {result.best_epoch}/{result.epochs_run}, {result.seconds:.0f} s on {result.device}"
    )
    console.print(
        f"release: {result.out_dir}"
        + (f" ({result.release})" if result.release else " (release.json not written)")
    )
    q = result.quantized
    if q is not None:
        verdict = f"written to {q.out_dir}" if q.accepted else "not shipped"
        console.print(
            f"int8: accuracy {pct(q.float_accuracy)} -> {pct(q.int8_accuracy)} "
            f"({-q.drop_points:+.2f} points), agreement {pct(q.agreement)}, CPU ms per batch float "
            f"{q.float_latency_ms} vs int8 {q.int8_latency_ms}: "
            f"{q.reason}; {verdict}"
        )


def print_trial(t: Any) -> None:
    """One line per finished search trial."""
    click.echo(
        f"trial {t.number:3d}  dev acc {100 * t.dev_accuracy:6.2f}%  recall {100 * t.macro_recall:6.2f}%  "
        f"latency@16 {t.latency_ms:7.2f} ms  epochs {t.epochs:2d}  {t.seconds:5.0f} s  {t.params}"
    )


def print_pareto(result: Any) -> None:
    """The search's Pareto front of dev accuracy against CPU latency, the chosen trial marked."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Pareto front: dev accuracy vs CPU latency (batch 16, 1 thread)")
    for col in ("trial", "dev accuracy", "latency ms", "params"):
        table.add_column(col)
    for t in result.pareto:
        mark = " (chosen)" if t.number == result.chosen.number else ""
        table.add_row(
            f"{t.number}{mark}", f"{100 * t.dev_accuracy:.2f}%", f"{t.latency_ms:.2f}", str(t.params)
        )
    Console().print(table)


__all__ = ["print_pareto", "print_summary", "print_trial"]
