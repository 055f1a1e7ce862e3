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
