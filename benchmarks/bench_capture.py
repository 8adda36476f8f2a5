"""Capture cost: one control and all controls of a 60-control page, against Playwright's own calls.

The 60 controls are native and in the light DOM, so no accessibility-tree round trip is made for
them (the tree says what their attributes say); ``pages/components.html`` measures the custom-element
path, where names, kinds and states come from Chromium's accessibility tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from timing import timed

from autoglm_ui.browser import launch
from autoglm_ui.capture import Crop, capture
from autoglm_ui.serve import serve_directory
from autoglm_ui.targets import capture_targets

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def crop_all(page: Page) -> list[Crop]:
    cap = capture(page, all_controls=True)
    return [cap.crop(i) for i in range(len(cap.controls))]


def scan_steps(page: Page, n: int) -> dict[str, tuple[float, float]]:
    """A scan of every control split into its steps, each timed on its own (same page, same run)."""
    import base64
    import io

    from PIL import Image

    from autoglm_ui.accessibility import read_accessibility, stash_tree_controls
    from autoglm_ui.page_facts import evaluate_facts, scroll, view_of
    from autoglm_ui.screenshots import cdp_session, screenshot

    session = cdp_session(page)
    answer = evaluate_facts(page, all_controls=True, stash=True)
    view = view_of(answer["view"])
    cap = capture(page, all_controls=True)
    params = {"format": "png", "optimizeForSpeed": True, "captureBeyondViewport": False,
              "clip": {"x": 0, "y": 0, "width": view.width, "height": view.height, "scale": view.dpr}}
    png = base64.b64decode(session.send("Page.captureScreenshot", params)["data"]) if session else b""
    return {
        "scan: facts (one evaluate)": timed(lambda: evaluate_facts(page, all_controls=True), n),
        "scan: accessibility tree, whole": timed(lambda: stash_tree_controls(session), n),
        "scan: accessibility tree, per control": timed(
            lambda: (evaluate_facts(page, all_controls=True, stash=True), read_accessibility(session, 1)), n),
        "scan: scroll down and back": timed(lambda: (scroll(page, 0, 900), scroll(page, 0, 0)), n),
        "scan: viewport screenshot (CDP png)": timed(
            lambda: session.send("Page.captureScreenshot", params), n),
        "scan: decode the png": timed(lambda: Image.open(io.BytesIO(png)).convert("RGB"), n),
        "scan: screenshot + decode": timed(lambda: screenshot(page, None, view), n),
        f"scan: crops of {len(cap.controls)} controls": timed(
            lambda: [cap.crop(i) for i in range(len(cap.controls))], n),
    }


def main(n: int = 30) -> None:
    with serve_directory(FIXTURES) as url, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/bench/controls60.html")
        loc = page.locator("#c12")
        rows = {
            "locator.is_enabled()": timed(loc.is_enabled, n),
            "locator.screenshot()": timed(loc.screenshot, n),
            "capture one control (by name)": timed(lambda: capture_targets(page, ["Action 8"]), n),
            "capture one control (Locator)": timed(lambda: capture_targets(page, [loc]), n),
            "capture + crops, all 60 controls": timed(lambda: crop_all(page), n),
        }
        components = browser.new_page(viewport={"width": 1280, "height": 900})
        components.goto(f"{url}/pages/components.html")
        wifi = components.locator("#wifi")
        rows |= {
            "custom element: capture by name": timed(lambda: capture_targets(components, ["Wi-Fi"]), n),
            "custom element: capture (Locator)": timed(lambda: capture_targets(components, [wifi]), n),
            "custom elements: all of them + crops": timed(lambda: crop_all(components), n),
        }
        rows |= scan_steps(page, n)
        browser.close()
    shot, enabled = rows["locator.screenshot()"][0], rows["locator.is_enabled()"][0]
    print(f"{'step':<36} {'median ms':>10} {'p90 ms':>8} {'÷ screenshot()':>15} {'÷ is_enabled()':>15}")
    for name, (med, p90) in rows.items():
        print(f"{name:<36} {med:>10.1f} {p90:>8.1f} {med / shot:>15.2f} {med / enabled:>15.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
