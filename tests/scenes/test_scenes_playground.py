"""The playground and transfer pictures: exact sizes in every mode, ASCII, marks, sentences."""

from __future__ import annotations

import re

import numpy as np
import pytest

from oppija.plot import PlotStyles
from oppija.scenes.playground import draw_playground
from oppija.scenes.rows import to_text
from oppija.scenes.view import View
from oppija.sims.playground import Playground

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


@pytest.fixture(scope="module")
def trained() -> Playground:
    sim = Playground()
    sim.run(180)  # past XOR's plateau: the map has both classes' colours
    return sim


@pytest.mark.parametrize("plain", [False, True])
def test_ascii_mode_draws_ascii_only(trained: Playground, plain: bool) -> None:
    styles = PlotStyles.plain() if plain else PlotStyles.default()
    text = "\n".join(to_text(draw_playground(trained, View(120, 36, "ascii", styles))))
    assert {char for char in text if not char.isascii()} <= ESTONIAN_LETTERS


def test_every_point_shows_as_its_mark_and_the_numbers_are_estonian(trained: Playground) -> None:
    text = "\n".join(
        to_text(draw_playground(trained, View(160, 48, "braille", PlotStyles.plain())))
    )
    data = trained.data
    # filled: training points, hollow: test points; ▲/△ class 0, ●/○ class 1 (+ 1 in the legend)
    assert text.count("●") + text.count("▲") <= len(data.train_x) + 2
    assert text.count("●") > 20 and text.count("▲") > 20
    assert text.count("○") > 5 and text.count("△") > 5
    assert re.search("−0,[0-9]", text)  # the map's ticks, in Estonian notation
    assert "%" in text  # the accuracies under the error curves


def test_without_colour_the_boundary_is_a_line_and_with_colour_a_heat_map(
    trained: Playground,
) -> None:
    plain = draw_playground(trained, View(160, 48, "braille", PlotStyles.plain()))
    assert any("\u2800" < char <= "\u28ff" for row in to_text(plain) for char in row)
    coloured = draw_playground(trained, View(160, 48, "braille", PlotStyles.default()))
    backgrounds = {
        segment.style.bgcolor.name
        for row in coloured
        for segment in row
        if segment.style is not None and segment.style.bgcolor is not None
    }
    assert len(backgrounds) >= 4  # several heat steps: the class-1 probability varies


def test_marks_go_over_the_heat_map_and_keep_its_background() -> None:
    """A data point's mark replaces the cell's dots but not the map's colour behind it."""
    from oppija.plot import Canvas

    canvas = Canvas(6, 2, (0.0, 1.0), (0.0, 1.0), "braille", PlotStyles.default())
    canvas.heatmap(np.full((4, 4), 0.9), lo=0.0, hi=1.0)
    canvas.glyphs([1, 4], [0, 0], "●", "bold #56b4e9")
    row = canvas.to_segments()[0]
    assert "".join(s.text for s in row)[1] == "●"
    marked = next(s for s in row if "●" in s.text)
    assert marked.style is not None and marked.style.bold
    assert marked.style.bgcolor is not None  # the heat map still shows behind the mark
    assert marked.style.color is not None and marked.style.color.name == "#56b4e9"


def test_a_diverged_or_fresh_run_still_draws() -> None:
    fresh = Playground(dataset="spiral")
    assert len(draw_playground(fresh, View(80, 24, "halfblock", PlotStyles.default()))) == 24
    broken = Playground()
    broken.network.layers[0].weight.data[:] = float("nan")
    broken.step()
    assert broken.status == "diverged"
    assert len(draw_playground(broken, View(80, 24, "braille", PlotStyles.default()))) == 24
