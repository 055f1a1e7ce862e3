"""A scene's View: what every scene needs to draw, asked one way."""

from __future__ import annotations

from oppija.plot import PlotStyles
from oppija.scenes.frame import draw_scene
from oppija.scenes.rows import to_text
from oppija.scenes.view import View
from oppija.sims.gd2d import GradientDescent2D


def test_a_part_of_a_view_keeps_its_mode_styles_and_options() -> None:
    plain = PlotStyles.plain()
    view = View(120, 40, "ascii", plain, {"heat": True})
    part = view.sized(50, 10)
    assert (part.width, part.height) == (50, 10)
    assert part.mode == "ascii" and part.styles is plain and part.options == {"heat": True}
    assert view.width == 120  # the view itself is unchanged


def test_ascii_views_spell_maths_and_others_leave_it() -> None:
    assert View(10, 5, "ascii").spell("θ₀ ← θ₀ − α·∂𝓔/∂θ₀") == "theta0 <- theta0 - alpha*dE/dtheta0"
    assert View(10, 5, "braille").spell("θ₀") == "θ₀" and not View(10, 5).ascii_only


def test_a_views_chart_fills_it_in_its_mode() -> None:
    chart = View(40, 12, "ascii", PlotStyles.plain()).chart((0.0, 1.0), (0.0, 1.0), title="𝓔")
    lines = chart.to_text()
    assert len(lines) == 12 and all(len(line) <= 40 for line in lines)
    assert "E" in lines[0] and all(line.isascii() for line in lines)


def test_draw_scene_hands_the_widgets_options_to_the_scene() -> None:
    """gd2d draws a heat map only when its widget asks for one through the view's options."""
    simulation = GradientDescent2D()
    contours = to_text(draw_scene(simulation, 60, 20, "ascii", PlotStyles.plain()))
    heat = to_text(draw_scene(simulation, 60, 20, "ascii", PlotStyles.plain(), heat=True))
    assert len(heat) == len(contours) == 20 and heat != contours
