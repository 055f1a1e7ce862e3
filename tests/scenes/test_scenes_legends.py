"""Every colour and series in a demo's picture is named, and no name is cut.

The sizes are the pictures a demo slide gets in an 80×24 and a 120×40 terminal.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment

from oppija.i18n import format_fixed
from oppija.plot import PlotStyles
from oppija.scenes import draw_scene
from oppija.sims import create_simulation

PICTURES = {"80×24": (78, 10), "120×40": (84, 19)}

# The words that name the picture's colours, marks and curves (Estonian, the default).
LEGENDS: dict[str, tuple[dict[str, object], int, tuple[str, ...]]] = {
    "gd1d": ({"preset": "good"}, 3, ("paras õppimiskiirus", "θ praegu", "järgmine samm")),
    "gd2d": ({}, 3, ("kauss", "θ praegu", "teekond", "−∇𝓔, suund alla", "sama 𝓔")),
    "playground": ({}, 20, ("treening", "test", "klass 0", "klass 1", "P(klass 1)")),
    "attention": ({}, 2, ("tähelepanu kaal",)),
    "transfer": ({}, 60, ("peenhäälestatud", "nullist")),
    "approximation": ({}, 30, ("sihtfunktsioon", "võrk: summa", "neuroni osa")),
    "linreg": ({}, 3, ("andmepunktid", "y = θ₀ + θ₁x", "viga 𝓔")),
    "linear-maps": ({}, 3, ("→ Ae₁", "→ Ae₂", "● p", "⠒ F")),
    "logreg": ({}, 3, ("klass 0", "klass 1", "σ(θ₀ + θ₁x)", "viga 𝓔")),
}


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


@pytest.mark.parametrize("terminal", list(PICTURES))
@pytest.mark.parametrize("kind", list(LEGENDS))
def test_the_picture_names_its_colours_and_series(kind: str, terminal: str) -> None:
    settings, steps, words = LEGENDS[kind]
    simulation = create_simulation(kind, settings)
    simulation.run(steps)
    picture = text_of(draw_scene(simulation, *PICTURES[terminal]))
    for word in words:
        assert word in picture, (word, picture)


@pytest.mark.parametrize("terminal", list(PICTURES))
def test_curve_names_stand_whole_in_both_charts(terminal: str) -> None:
    """Transfer names its two runs at their curves' ends in both charts: early on the ends are
    near the left edge, where "peenhäälestatud" lost its first letters."""
    simulation = create_simulation("transfer", {})
    simulation.run(60)
    picture = text_of(draw_scene(simulation, *PICTURES[terminal]))
    assert picture.count("peenhäälestatud") == 2, picture
    assert picture.count("nullist") >= 2, picture


@pytest.mark.parametrize(("preset", "name"), [("bowl", "kauss"), ("valley", "pikk kitsas org")])
def test_the_preset_is_named_until_its_function_changes(preset: str, name: str) -> None:
    shown = create_simulation("gd2d", {"preset": preset})
    assert name in text_of(draw_scene(shown, 84, 19))
    typed = create_simulation("gd2d", {"preset": preset, "function": "x^2 + 2y^2"})
    assert name not in text_of(draw_scene(typed, 84, 19))


def test_heat_scales_carry_a_colour_bar_in_colour_and_without() -> None:
    """The bar's cells are coloured on screen and a density ramp as plain text."""
    simulation = create_simulation("gd2d", {})
    for styles in (PlotStyles.default(), PlotStyles.plain()):
        rows = draw_scene(simulation, 84, 19, styles=styles, heat=True)
        legend = text_of(rows[-1:])
        assert "madal" in legend and "kõrge" in legend
        assert ".:" in legend  # the ramp's low end


def test_lstm_gate_bars_carry_their_values_at_120x40() -> None:
    """Each bar of the first step has its number under it, the equations giving way first."""
    simulation = create_simulation("lstm", {})
    simulation.run(3)
    picture = text_of(draw_scene(simulation, *PICTURES["120×40"]))
    lines = picture.splitlines()
    for key in ("f", "i", "o", "g", "c", "h"):
        bar = next(k for k, line in enumerate(lines) if line.startswith(key + " "))
        first = float(simulation.steps[0].gates[key][0])
        assert format_fixed(first) in lines[bar + 1], (key, picture)
    assert "cₜ = " in picture  # the cell state's equation is still there


def test_rnn_keeps_its_chain_at_80x24() -> None:
    simulation = create_simulation("rnn", {})
    simulation.run(3)
    picture = text_of(draw_scene(simulation, *PICTURES["80×24"]))
    for box in ("h₀", "h₁", "h₂", "h₃"):
        assert box in picture, picture
    assert picture.count("─W─▶") == 3


def test_the_plane_names_every_colour_where_its_panel_has_room() -> None:
    """At 120×40 the panel under the linear map's numbers names the arrows, p now and at its
    start, the grid and the F."""
    simulation = create_simulation("linear-maps", {"preset": "translation"})
    simulation.run(3)
    picture = text_of(draw_scene(simulation, *PICTURES["120×40"]))
    for words in ("→ b", "● p", "● p alguses", "⠒ ruudustik", "⠒ F"):
        assert words in picture, (words, picture)
