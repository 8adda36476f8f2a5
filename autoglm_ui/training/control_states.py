"""What state each control of a page is in: kind weights, perceived facet values, disagreement cases.

Split from ``pages.py``; every draw comes from the page's own ``random.Random`` in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from autoglm_ui.training.kits import Kit
from autoglm_ui.training.widgets import CASES, Want

KIND_WEIGHTS = {
    "button": 4,
    "link": 2,
    "checkbox": 3,
    "radio": 2,
    "switch": 2,
    "textbox": 4,
    "select": 3,
    "tab": 2,
    "accordion": 2,
}


def pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def sample_values(rng: random.Random, kind: str, kit: Kit) -> tuple[dict[str, str], str]:
    """Perceived values for the facets of ``kind`` and a drawing mode."""
    v: dict[str, str] = {
        "availability": "disabled" if rng.random() < 0.25 else "enabled",
        "visibility": "visible",
    }
    mode = ""
    if kind in ("checkbox", "radio", "switch"):
        opts = {"checked": 4, "unchecked": 4, "mixed": 2 if kind == "checkbox" else 0}
        v["checked"] = pick(rng, opts)
        if kind == "checkbox" and kit.source == "own" and rng.random() < 0.12:
            v["validity"] = "invalid" if rng.random() < 0.5 else "valid"
    if kind in ("textbox", "select"):
        v["validity"] = "invalid" if rng.random() < 0.35 else "valid"
    if kind == "textbox":
        v["readonly"] = "readonly" if rng.random() < 0.35 else "editable"
    if kind in ("button", "link"):
        v["busy"] = "busy" if rng.random() < (0.25 if kind == "button" else 0.15) else "idle"
    if kind == "button" and rng.random() < 0.15:
        v["expanded"] = rng.choice(("expanded", "collapsed"))
    if kind == "select":
        mode = "combobox" if rng.random() < 0.45 else "native"
        v["expanded"] = rng.choice(("expanded", "collapsed")) if mode == "combobox" else "collapsed"
    if kind == "accordion":
        v["expanded"] = rng.choice(("expanded", "collapsed"))
    return v, mode


def apply_case(rng: random.Random, w: Want, kit: Kit, p_hard: float) -> None:
    if rng.random() >= p_hard:
        return
    cases = [c for c, (_, _, kinds) in CASES.items() if w.kind in kinds and kit.supports(w.kind, c)]
    if w.kind == "tab":
        cases = [c for c in cases if c not in ("looks-selected", "looks-unselected")]  # done per group
    if not cases:
        return
    case = rng.choice(cases)
    facet, value, _ = CASES[case]
    w.case = case
    w.values[facet] = value
    if facet == "expanded" and w.kind == "select":
        w.mode = "combobox"
    if case == "dis-attr-looks-enabled" and w.kind == "textbox":
        w.values["readonly"] = "editable"
