"""Cost of the pytest plugin: import overhead on a suite that never uses it, and per-read latency.

1. ``pytest --co`` of 300 plain tests with the plugin installed vs ``-p no:autoglm_ui``
   (both without pytest-playwright, so only our plugin differs), and whether torch, transformers,
   playwright or PIL got imported.
2. Inside one pytest run (the real fixtures, the real page fixture): the cold first
   ``widget_state`` (imports + model load + first read), then warm ``widget_state`` and
   ``expect_state(...).to_be(...)`` against ``locator.screenshot()`` and ``is_enabled()`` of the
   same control, in the same process.

    .venv/bin/python benchmarks/bench_plugin.py [--model R] [--reps 30]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PLAIN_SUITE = "\n".join(f"def test_{i}():\n    assert {i} >= 0\n" for i in range(300))
IMPORT_PROBE = """
import json, sys
def pytest_sessionfinish(session):
    heavy = ["torch", "transformers", "playwright", "PIL", "autoglm_ui.recognizer", "autoglm_ui.capture"]
    with open("imported.json", "w") as fh:
        json.dump(sorted(m for m in heavy if m in sys.modules), fh)
"""

READ_SUITE = """
import json, os, statistics, time
from pathlib import Path

REPS = int(os.environ["BENCH_REPS"])

def timed(fn):
    for _ in range(3):
        fn()
    samples = []
    for _ in range(REPS):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return [statistics.median(samples), samples[int(0.9 * (len(samples) - 1))]]

def test_bench(page, widget_state, expect_state):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(os.environ["BENCH_URL"])
    t = time.perf_counter()
    first = widget_state("Action 8")
    cold = (time.perf_counter() - t) * 1000
    value = first.facets["availability"]
    loc = page.locator("#c8")
    rows = {
        "locator.is_enabled()": timed(loc.is_enabled),
        "locator.screenshot()": timed(loc.screenshot),
        "widget_state('Action 8')": timed(lambda: widget_state("Action 8")),
        "widget_state(locator)": timed(lambda: widget_state(loc)),
        "expect_state(...).to_be(...) (holds)": timed(lambda: expect_state("Action 8").to_be(value)),
    }
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps({"cold_ms": cold, "rows": rows}))
"""


#: ``pytest --co`` of the plain suite, without the cache and without pytest-playwright.
COLLECT = ["-m", "pytest", "--co", "-q", "-p", "no:cacheprovider", "-p", "no:playwright"]


def collect_once(where: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *COLLECT, *extra], cwd=where, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_collect(n: int) -> None:
    """Runs alternate (with, without, with, ...) so that load from other processes hits both alike."""
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        (where / "test_plain.py").write_text(PLAIN_SUITE)
        (where / "conftest.py").write_text(IMPORT_PROBE)
        collect_once(where, [])  # warm the file cache
        own, total = import_cost(where)
        imported = json.loads((where / "imported.json").read_text())
        with_plugin, without = [], []
        for _ in range(n):
            with_plugin.append(collect_once(where, []))
            without.append(collect_once(where, ["-p", "no:autoglm_ui"]))
    print(f"pytest --co, 300 plain tests ({n} alternating runs each, -p no:playwright in both):")
    for name, pick in (("median", statistics.median), ("fastest", min)):
        a, b = pick(with_plugin), pick(without)
        print(
            f"  {name}: with the plugin {a * 1000:.0f} ms, -p no:autoglm_ui {b * 1000:.0f} ms, "
            f"ratio {a / b:.3f} ({(a / b - 1) * 100:+.1f} %)"
        )
    print(f"  heavy modules imported with the plugin: {', '.join(imported) or 'none'}")
    print(f"  -X importtime: autoglm_ui modules {own:.1f} ms of {total:.0f} ms of imports in that run")


def import_cost(where: Path) -> tuple[float, float]:
    """Self time of every autoglm_ui module imported by ``pytest --co`` vs all imports, in ms."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *COLLECT], cwd=where, check=True, capture_output=True, text=True
    )
    own = total = 0.0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self" in line:
            continue
        self_us, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
        total += int(self_us) / 1000
        if name.startswith("autoglm_ui"):
            own += int(self_us) / 1000
    return own, total


def bench_reads(model: str | None, reps: int) -> None:
    from autoglm_ui.serve import serve_directory

    with tempfile.TemporaryDirectory() as tmp, serve_directory(FIXTURES) as url:
        where = Path(tmp)
        (where / "test_bench.py").write_text(READ_SUITE)
        out = where / "bench.json"
        env = {
            **os.environ,
            "BENCH_URL": f"{url}/bench/controls60.html",
            "BENCH_OUT": str(out),
            "BENCH_REPS": str(reps),
        }
        args = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--autoglm-artifacts=off",
            "--autoglm-disagreements=ignore",
        ]
        if model:
            args.append(f"--autoglm-model={model}")
        proc = subprocess.run(args, cwd=where, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0 or not out.is_file():
            print("the read benchmark failed:\n" + proc.stdout[-3000:] + proc.stderr[-2000:])
            return
        data = json.loads(out.read_text())
    rows = data["rows"]
    shot, enabled = rows["locator.screenshot()"][0], rows["locator.is_enabled()"][0]
    print(f"\ncold first widget_state (imports + model load + read): {data['cold_ms']:.0f} ms")
    print(f"warm, {reps} reps, same control of fixtures/bench/controls60.html:")
    print(f"  {'call':<40} {'median ms':>10} {'p90 ms':>8} {'÷ screenshot()':>15} {'÷ is_enabled()':>15}")
    for name, (med, p90) in rows.items():
        print(f"  {name:<40} {med:>10.1f} {p90:>8.1f} {med / shot:>15.2f} {med / enabled:>15.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="release for the read benchmark (default: the default release)")
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--collect-runs", type=int, default=7)
    parser.add_argument("--skip-reads", action="store_true", help="only the import overhead")
    opts = parser.parse_args()
    bench_collect(opts.collect_runs)
    if not opts.skip_reads:
        bench_reads(opts.model, opts.reps)


if __name__ == "__main__":
    main()
