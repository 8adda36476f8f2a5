"""Own themes' state looks: the variety the model must not read as a state."""

from __future__ import annotations

import random

from autoglm_ui.training.style_looks import tab_css
from autoglm_ui.training.styles import palette, random_theme


def test_some_own_themes_draw_unselected_tabs_faint_and_the_held_out_family_never() -> None:
    """A pale unselected tab beside one strong tab is unselected, not disabled: a third of the own
    themes draw it so; own-b (the frozen dev set's family) keeps the look it was built with."""
    own = [random_theme(random.Random(seed), "own") for seed in range(60)]
    faint = [t for t in own if "color-mix" in tab_css(t, palette(t))[0].split("color:")[1].split(";")[0]]
    assert 0.2 < len(faint) / len(own) < 0.5
    for t in faint:  # the selected tab always sets its own colour over the faint ink
        assert "color:" in tab_css(t, palette(t))[1] or "background:" in tab_css(t, palette(t))[1]
    held_out = [random_theme(random.Random(seed), "own-b") for seed in range(60)]
    inks = [tab_css(t, palette(t))[0].split("color:")[1].split(";")[0] for t in held_out]
    assert not any("color-mix" in ink for ink in inks)
