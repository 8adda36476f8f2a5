"""Golden captures: fixture pages as the pinned release reads them on this kind of machine.

For each page, every control's fact tokens (version 5: what a release is fed, bucketed so sub-pixel
noise does not count) and the pinned release's answers (values, and confidences within 0.02) are
stored under ``tests/golden/files/``. A difference names the control, the facts or facets that
changed and how this machine differs from the one that wrote the file. After a new release or a
deliberate capture change: ``pytest tests/golden --update-golden``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from autoglm_ui.environment import differences, fingerprint
from autoglm_ui.evaluation.runner import VIEWPORT, load_page
from autoglm_ui.modeling.facts_autoglm import fact_tokens
from autoglm_ui.serve import serve_directory

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"
TOLERANCE = 0.02
#: (root served, page): the demo app, a generated dev-set page, a real-library dev-set page
PAGES = [
    ("fixtures/demo", "signup.html"),
    ("fixtures/demo", "settings.html"),
    ("fixtures/devset", "pages/p9001-00003.html"),
    ("fixtures/realset", "uswds/grid.html"),
]


def read_page(browser: Browser, recognizer: Any, root: str, page: str) -> dict[str, Any]:
    with serve_directory(REPO / root) as base:
        context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
        try:
            tab = context.new_page()
            load_page(tab, base, page)
            states = recognizer.scan(tab)
        finally:
            context.close()
    controls = []
    for st in states:
        tokens = fact_tokens(st.raw, version=5)
        controls.append({
            "kind": st.kind, "name": st.name,
            "facts_sha256": hashlib.sha256(" ".join(tokens).encode()).hexdigest(), "facts": tokens,
            "answers": {f: [v, round(float(st.confidence[f]), 4)]
                        for f, v in st.facets.items() if v is not None},
        })
    environment = fingerprint(browser="chromium", browser_version=browser.version, viewport=VIEWPORT,
                              device_scale_factor=1.0)
    return {"page": f"{root}/{page}", "release": recognizer.release, "environment": environment,
            "controls": controls}


def compare(now: dict[str, Any], golden: dict[str, Any]) -> list[str]:
    """Every difference, one line each, naming the control and what changed."""
    out = []
    if now["release"] != golden["release"]:
        out.append(f"written with {golden['release']}, the suite pins {now['release']}: run --update-golden")
    keys = [(c["kind"], c["name"]) for c in now["controls"]]
    old_keys = [(c["kind"], c["name"]) for c in golden["controls"]]
    if keys != old_keys:
        gone, new = set(old_keys) - set(keys), set(keys) - set(old_keys)
        out.append(f"the controls found changed: {len(old_keys)} -> {len(keys)}; gone {sorted(gone)[:5]},"
                   f" new {sorted(new)[:5]}")
        return out
    for c, g in zip(now["controls"], golden["controls"], strict=True):
        who = f'{c["kind"]} "{c["name"]}"'
        if c["facts_sha256"] != g["facts_sha256"]:
            added = sorted(set(c["facts"]) - set(g["facts"]))[:6]
            removed = sorted(set(g["facts"]) - set(c["facts"]))[:6]
            out.append(f"{who}: facts changed (now {added}, was {removed})")
        for facet, (value, confidence) in c["answers"].items():
            was = g["answers"].get(facet)
            if was is None or was[0] != value:
                out.append(f"{who}: {facet} reads {value} ({confidence:.2f}), was {was}")
            elif abs(was[1] - confidence) > TOLERANCE:
                out.append(f"{who}: {facet} {value} at {confidence:.3f}, was {was[1]:.3f}")
    return out


@pytest.mark.parametrize(("root", "page"), PAGES, ids=[f"{r.split('/')[-1]}/{p}" for r, p in PAGES])
def test_golden_capture(
    root: str, page: str, browser: Browser, autoglm_recognizer: Any, update_golden: bool
) -> None:
    now = read_page(browser, autoglm_recognizer, root, page)
    path = FILES / (f"{root.split('/')[-1]}--{page}".replace("/", "--").removesuffix(".html") + ".json")
    if update_golden:
        FILES.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        return
    assert path.is_file(), f"{path}: no golden capture yet; write it with pytest tests/golden --update-golden"
    golden = json.loads(path.read_text(encoding="utf-8"))
    problems = compare(now, golden)
    if problems:
        env = differences(now["environment"], golden["environment"]) or ["none recorded"]
        listing = "\n  ".join(problems[:25])
        pytest.fail(f"{now['page']}: {len(problems)} differences from {path.name}:\n  {listing}\n"
                    f"this machine differs from the one that wrote it in: {'; '.join(env)}", pytrace=False)


def test_a_difference_names_the_control_and_what_changed() -> None:
    control = {"kind": "button", "name": "Save", "facts_sha256": "a",
               "facts": ["tag=button", "dom.busy=idle"],
               "answers": {"availability": ["enabled", 0.99], "busy": ["idle", 0.97]}}
    golden = {"release": "r/1", "controls": [control]}
    moved = {**control, "facts_sha256": "b", "facts": ["tag=button", "dom.busy=busy"],
             "answers": {"availability": ["enabled", 0.95], "busy": ["busy", 0.81]}}
    said = compare({"release": "r/1", "controls": [moved]}, golden)
    assert said == [
        "button \"Save\": facts changed (now ['dom.busy=busy'], was ['dom.busy=idle'])",
        "button \"Save\": availability enabled at 0.950, was 0.990",
        "button \"Save\": busy reads busy (0.81), was ['idle', 0.97]",
    ]
    assert compare({"release": "r/1", "controls": [control]}, golden) == []
    assert "run --update-golden" in compare({"release": "r/2", "controls": [control]}, golden)[0]
