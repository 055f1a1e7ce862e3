"""Every demo writes maths the way its slide does: no "x^2", "W_f" or "3*x" in any picture or
readout (ASCII mode excepted: there ^ and _ are the only way to write a power or an index)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija.scenes import draw_scene
from oppija.scenes.rows import to_text
from oppija.scenes.words import readout_lines
from oppija.sims import DEMOS, simulation_class
from oppija.sims.demo import Demo

CODE_SIGNS = ("^", "_", "*")
SIZES = ((78, 16), (118, 30))  # the picture in a demo panel at 80×24 and 120×40


def simulations(kind: str) -> Iterator[Demo]:
    """The demo after 5 steps, and fresh at every other choice ``c`` cycles through (its
    presets: each has its own formula or layers)."""
    spec = DEMOS[kind]
    simulation = simulation_class(kind)()
    simulation.run(5)
    yield simulation
    if spec.cycled is not None:
        for choice in spec.settings[spec.cycled].choices or ():
            if choice != simulation.settings.get(spec.cycled):
                yield simulation_class(kind)(**{spec.cycled: choice})


@pytest.mark.parametrize("kind", sorted(DEMOS))
def test_no_code_signs_in_any_picture_or_readout(kind: str) -> None:
    for simulation in simulations(kind):
        texts = list(readout_lines(simulation))
        for width, height in SIZES:
            texts += to_text(draw_scene(simulation, width, height))
        offending = [text.strip() for text in texts if any(sign in text for sign in CODE_SIGNS)]
        assert offending == [], (kind, simulation.settings)


@pytest.mark.parametrize(
    ("kind", "typed", "shown"),
    [
        ("gd1d", "x^4 - 3*x^2 + x", "𝓔(θ) = θ⁴ − 3θ² + θ"),  # the axis is θ
        ("gd2d", "x^2 + 3*y^2", "𝓔 = θ₁² + 3θ₂²"),  # the axes are θ₁ and θ₂
        ("graph", "x*y + x^2", "f(x, y) = x·y + x²"),
        ("approximation", "x^2 - 1", "x² − 1:"),
    ],
)
def test_a_typed_formula_is_shown_as_the_slide_writes_it(kind: str, typed: str, shown: str) -> None:
    simulation = simulation_class(kind)(function=typed)
    text = "\n".join(to_text(draw_scene(simulation, 118, 30)))
    assert shown in text
    assert not any(sign in text for sign in CODE_SIGNS)
