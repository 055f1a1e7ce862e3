"""Every descent demo's picture: its size, its ASCII form, what it shows, and its memory."""

from __future__ import annotations

import numpy as np
import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes import draw_scene, render_frame
from oppija.scenes.gd2d import contour_levels
from oppija.sims import create_simulation

DEMOS = ("gd1d", "gd2d", "linreg", "logreg")


def text_of(rows: list[list[Segment]]) -> list[str]:
    return ["".join(segment.text for segment in row) for row in rows]


ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


@pytest.mark.parametrize("name", DEMOS)
def test_ascii_frames_draw_with_ascii_only(name: str) -> None:
    """No braille, box drawing or maths symbols; Estonian words keep their letters."""
    simulation = create_simulation(name, {})
    simulation.run(3)
    i18n.set_language("en")
    try:
        assert render_frame(simulation, 100, 30, ascii_only=True).isascii()
    finally:
        i18n.set_language("et")
    frame = render_frame(simulation, 100, 30, ascii_only=True)
    assert {char for char in frame if not char.isascii()} <= ESTONIAN_LETTERS


def test_the_tangent_carries_its_slope_in_the_active_number_format() -> None:
    simulation = create_simulation("gd1d", {"preset": "good"})  # 𝓔 = x², θ = 0,9
    text = "\n".join(text_of(draw_scene(simulation, 100, 30, "braille", PlotStyles.plain())))
    assert "𝓔′ = 1,8" in text  # the seed's picture: 𝓔′(θ₀) ≈ 1,8
    assert "𝓔(θ) = θ²" in text  # as the slide writes it, over a θ axis


def test_a_diverged_run_still_draws() -> None:
    simulation = create_simulation("gd1d", {"preset": "diverge"})
    simulation.run(200)
    assert simulation.status == "diverged"
    rows = draw_scene(simulation, 80, 20, "braille", PlotStyles.default())
    assert len(rows) == 20


def test_contour_levels_of_a_bowl_grow_outwards() -> None:
    xs = np.linspace(-2, 2, 41)
    grid_x, grid_y = np.meshgrid(xs, xs)
    levels = contour_levels(grid_x**2 + grid_y**2)
    assert np.all(np.diff(levels) > 0)
    assert levels[0] >= 0
