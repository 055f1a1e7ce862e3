"""The pictures of activations, linear-maps and approximation: sizes, modes, what they show."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes.activations import draw_activations
from oppija.scenes.approximation import draw_approximation
from oppija.scenes.linear_maps import draw_linear_maps
from oppija.scenes.view import View
from oppija.scenes.words import readout_lines
from oppija.sims.activations import Activations
from oppija.sims.approximation import Approximation
from oppija.sims.demo import Demo
from oppija.sims.linear_maps import LinearMaps

pytestmark = pytest.mark.filterwarnings("error")

Maker = Callable[[], Demo]
CASES: dict[str, tuple[Maker, Callable[..., list[list[Segment]]]]] = {
    "activations sigmoid": (lambda: Activations(), draw_activations),
    "activations relu": (lambda: Activations(function="relu", x=-3), draw_activations),
    "linear-maps rotation": (lambda: LinearMaps(), draw_linear_maps),
    "linear-maps composition": (lambda: LinearMaps(preset="composition"), draw_linear_maps),
    "linear-maps tanh": (lambda: LinearMaps(preset="tanh"), draw_linear_maps),
    "linear-maps translation": (lambda: LinearMaps(preset="translation"), draw_linear_maps),
    "approximation": (lambda: Approximation(), draw_approximation),
    "approximation 20": (lambda: Approximation(units=20), draw_approximation),
}
ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


@pytest.mark.parametrize("case", list(CASES))
def test_ascii_scenes_use_ascii_and_estonian_letters_only(case: str) -> None:
    make, draw = CASES[case]
    demo = make()
    demo.run(7)
    for language in ("en", "et"):
        i18n.set_language(language)
        text = text_of(draw(demo, View(100, 30, "ascii", PlotStyles.plain())))
        text += "\n".join(readout_lines(demo, ascii_only=True))
        assert {char for char in text if not char.isascii()} <= ESTONIAN_LETTERS


def test_activations_show_the_numbers_in_the_active_format() -> None:
    i18n.set_language("et")
    demo = Activations(x=-1)
    text = text_of(draw_activations(demo, View(120, 30, "braille", PlotStyles.plain())))
    assert "x = −1   σ(x) = 0,2689   σ′(x) = 0,1966" in text
    assert "0,00000095" in text  # the caption on the vanishing gradient
    tanh_demo = Activations(function="tanh")
    tanh = text_of(draw_activations(tanh_demo, View(120, 30, "braille", PlotStyles.plain())))
    assert "0,00000095" not in tanh  # the caption belongs to the sigmoid


def test_linear_maps_show_the_product_matrix_and_the_path_of_p() -> None:
    i18n.set_language("et")
    demo = LinearMaps(preset="composition")
    demo.run(100)
    text = text_of(draw_linear_maps(demo, View(120, 40, "braille", PlotStyles.plain())))
    assert "BA = ⎡ 1  −1 ⎤" in text
    assert "Ap = (−1; 2)" in text
    assert "B(Ap) = (1; 2) = (BA)p" in text
    translation = LinearMaps(preset="translation")
    translation.run(100)
    text = text_of(draw_linear_maps(translation, View(120, 40, "ascii", PlotStyles.plain())))
    assert "(0; 0) -> (1; 3)" in text


def test_approximation_names_the_units_and_the_target() -> None:
    demo = Approximation(units=1)
    text = text_of(draw_approximation(demo, View(120, 30, "braille", PlotStyles.plain())))
    assert "sin(x): 1 peitneuron" in text  # Estonian, with its singular
    assert "sin(x): 5 peitneuronit" in text_of(
        draw_approximation(Approximation(units=5), View(120, 30, "braille", PlotStyles.plain()))
    )


def test_the_linear_maps_panel_title_is_whole_at_80_columns() -> None:
    """At 80×24 the panel is 26 columns wide: "Kaks lineaarteisendust järjest" was cut to
    "Kaks lineaarteisendust jär"; it wraps instead."""
    i18n.set_language("et")
    simulation = LinearMaps(preset="composition")
    rows = draw_linear_maps(simulation, View(78, 16, "braille", PlotStyles.plain()))
    text = " ".join("".join(segment.text for segment in row)[-26:].strip() for row in rows)
    assert "Kaks lineaarteisendust järjest" in text
