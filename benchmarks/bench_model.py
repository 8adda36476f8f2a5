"""Model cost: load time of a release, forward latency at 1/16/64 controls, float and int8, one
thread and two.

``python benchmarks/bench_model.py [R]``: R a release spec (default: the ``default`` ref). For an
ensemble the forward pass is timed on one member (x members for the whole), and the end-to-end
figures are the whole ensemble's.

Also the end-to-end ``Recognizer.states`` of 1 and 60 controls against Playwright's own
``locator.screenshot()`` and ``is_enabled()`` measured in the same run (ratios, not timings).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from timing import timed

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from autoglm_ui import Recognizer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL_PAGE = "papercss/grid.html"

COLD = """
import time; t = time.perf_counter()
from autoglm_ui.inference import load_model
from autoglm_ui.releases import Store
store = Store(); store.ensure_bundled()
load_model(store.resolve(SPEC).path)
print(time.perf_counter() - t)
"""


def median_ms(fn: Callable[[], object], n: int = 20) -> float:
    return timed(fn, n)[0]


def main() -> None:
    spec = sys.argv[1] if len(sys.argv) > 1 else "default"
    script = COLD.replace("SPEC", repr(spec))
    cold = [float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    print(f"cold load (fresh process: imports + weights), median of 3: {statistics.median(cold):.2f} s")

    from autoglm_ui.inference import load_model
    from autoglm_ui.releases import Store
    from autoglm_ui.training.latency import compare_latency, measure_latency
    from autoglm_ui.training.quantize import quantize_dynamic_int8

    store = Store()
    store.ensure_bundled()
    release = store.resolve(spec)
    t = time.perf_counter()
    model, _ = load_model(release.path)
    print(f"warm load of {release.spec}: {time.perf_counter() - t:.3f} s")
    members = getattr(model, "members", None)
    if members:
        print(f"an ensemble of {len(members)}: the forward pass below is one member's")
        model = members[0][0]
    fp, q = compare_latency(model, quantize_dynamic_int8(model), (1, 16, 64), repeats=21, cpu_time=False)
    fp_cpu, q_cpu = compare_latency(model, quantize_dynamic_int8(model), (1, 16, 64), repeats=21)
    print("forward pass, 1 thread, float and int8 interleaved; wall clock (CPU time in brackets)")
    print(f"{'controls':>8} {'float ms':>9} {'int8 ms':>8} {'int8/float':>10} {'(CPU time)':>11}")
    for b in ("1", "16", "64"):
        print(f"{b:>8} {fp[b]:>9.2f} {q[b]:>8.2f} {q[b] / fp[b]:>10.2f} {q_cpu[b] / fp_cpu[b]:>10.2f}x")
    one = measure_latency(model, (1, 16, 64), repeats=21)
    two = measure_latency(model, (1, 16, 64), repeats=21, threads=2)
    print("forward pass, float, 2 threads ÷ 1 thread (wall clock): "
          + ", ".join(f"{b} controls {two[b] / one[b]:.2f}x" for b in ("1", "16", "64")))

    from playwright.sync_api import sync_playwright

    from autoglm_ui import Recognizer
    from autoglm_ui.browser import launch
    from autoglm_ui.serve import serve_directory

    rec = Recognizer(None if spec == "default" else spec)
    with serve_directory(FIXTURES) as url, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/bench/controls60.html")
        loc = page.locator("#c12")
        shot = median_ms(loc.screenshot)
        enabled = median_ms(loc.is_enabled)
        one = median_ms(lambda: rec.state(page, "Action 8"))
        scan = median_ms(lambda: rec.scan(page), n=10)
        rows = [("locator.screenshot()", shot), ("locator.is_enabled()", enabled),
                ("Recognizer.state (one control)", one), ("Recognizer.scan (60 controls)", scan)]
        rows += real_page_scan(browser, rec)
        browser.close()
    print(f"{'step':<40} {'ms':>7} {'÷ screenshot()':>15} {'÷ is_enabled()':>15}")
    for name, ms in rows:
        print(f"{name:<40} {ms:>7.1f} {ms / shot:>15.2f} {ms / enabled:>15.1f}")


def real_page_scan(browser: Browser, rec: Recognizer) -> list[tuple[str, float]]:
    """``Recognizer.scan`` of the real-library dev set's largest page (PaperCSS's grid, taller than
    the viewport: its capture scrolls), when the set's libraries are installed (``make setup``)."""
    from autoglm_ui.evaluation.runner import load_page
    from autoglm_ui.serve import serve_directory

    root = FIXTURES / "realset"
    if not (root / "node_modules").is_dir():
        print(f"(no real-library page: {root}/node_modules is missing; run make setup)")
        return []
    with serve_directory(root) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        load_page(page, url, REAL_PAGE)
        n = len(rec.scan(page))
        ms = median_ms(lambda: rec.scan(page), n=10)
        page.close()
    return [(f"Recognizer.scan ({REAL_PAGE}, {n})", ms)]


if __name__ == "__main__":
    main()
