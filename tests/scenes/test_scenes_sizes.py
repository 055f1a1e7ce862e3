"""Every demo's picture fills exactly the size it is given, in every drawing mode.

One test over every registered demo kind × the sizes a terminal may have (the small edge
sizes where a scene has to give things up included) × the drawing modes. Each kind is drawn
in the states that stress its layout (long inputs, many units, mid-run, finished) and with
every set of styles; in ASCII mode only ASCII and Estonian letters may appear.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from functools import cache

import pytest
from rich.cells import cell_len
from rich.segment import Segment

from oppija.plot import MODES, Mode, PlotStyles
from oppija.scenes import draw_scene
from oppija.sims import DEMOS, simulation_class

pytestmark = pytest.mark.filterwarnings("error")

KINDS = sorted(DEMOS)  # every registered demo kind

SIZES = [
    (20, 6), (30, 8), (40, 12), (60, 14), (88, 20), (80, 24),
    (100, 30), (120, 30), (120, 40), (160, 48), (200, 60),
]  # fmt: skip
STYLES = {
    "dark": PlotStyles.default(),
    "plain": PlotStyles.plain(),  # NO_COLOR
}
LIGHT = PlotStyles.default(dark=False)
"""The light background's colours: the same picture as the dark one's, only coloured otherwise
(a scene reads ``is_plain`` and nothing else of its styles), so it is compared with the dark
picture once a state (test below) instead of being measured at every size."""
ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")

# A state: the simulation's settings (typed, as a lesson's demo block gives them), how many
# steps to run, and options for the scene. Every kind is also drawn fresh and after 5 steps.
State = tuple[Mapping[str, object], int, Mapping[str, object]]
EXTRA_STATES: dict[str, list[State]] = {
    "activations": [({"function": "relu", "x": -3}, 25, {}), ({}, 25, {})],
    "approximation": [({}, 25, {}), ({"units": 20}, 25, {})],
    "attention": [
        ({"view": view, "heads": heads}, steps, {})
        for view, heads, steps in itertools.product(("decoding", "steps"), (1, 8), (2, 5))
    ],
    "backprop": [
        ({"hidden": hidden}, steps, {}) for hidden, steps in itertools.product((2, 3), (4, 9, 14))
    ],
    "conv": [
        (settings, steps, {})
        for settings, steps in itertools.product(
            (
                {"padding": 2},
                {"image": "cross", "kernel": "blur", "stride": 3, "padding": 1},
                {"image": "letter", "weights": (0.25, -10, 1, 0, 2.5, -1, 1, 1, -0.5)},
            ),
            (0, 7, 1000),
        )
    ]
    + [({}, 1000, {})],
    "graph": [
        ({"function": function}, steps, {})
        for function, steps in itertools.product(
            ("x*y + x^2", "sigmoid(x*y + sin(x)) / (y^2 + 1)", "x"), (0, 2, 99)
        )
    ],
    "linear-maps": [
        ({"preset": preset}, 25, {})
        for preset in ("rotation", "composition", "tanh", "translation")
    ],
    "lstm": [
        (settings, steps, {"unit": hidden - 1})
        for hidden, steps, settings in itertools.product(
            (1, 2, 8),
            (0, 1, 5),
            ({}, {"sequence": tuple([10.0, -10.0] * 6)}),
        )
        for settings in [{**settings, "hidden": hidden}]
    ],
    "playground": [({}, 180, {})],  # past XOR's plateau: both classes' colours on the map
    "rnn": [
        (settings, steps, {})
        for settings, steps in itertools.product(
            (
                {"word": "kassikenekas", "hidden": 8},
                {"word": "a", "hidden": 1},
                {"word": "öö ja päev", "mode": "trained"},
            ),
            (0, 1, 4, 13),
        )
    ],
    "softmax": [
        (
            {"logits": tuple(float(v) for v in range(-5, 5)), "target": 9, "temperature": 0.01},
            0,
            {},
        ),
        ({"logits": (1000.0, -1000.0, 0.0), "target": 1}, 0, {}),
        ({"logits": (0.0,)}, 0, {}),
    ],
    "transfer": [({"steps": 60}, 60, {}), ({"mode": "last"}, 3, {})],
}


def states(kind: str) -> list[State]:
    return [({}, 0, {}), ({}, 5, {}), *EXTRA_STATES.get(kind, [])]


@cache
def simulation(kind: str, index: int) -> object:
    """The simulation of ``kind`` in its ``index``-th state, built once for all sizes and modes
    (drawing only reads it)."""
    settings, steps, _options = states(kind)[index]
    built = simulation_class(kind)(**settings)
    built.run(steps)
    return built


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def row_width(row: list[Segment]) -> int:
    """The cells a row takes, as the terminal counts them: the sum of its segments' cell
    lengths (a control segment takes none), counted over the row's text at once (a width is a
    sum over characters, so joining changes nothing; one call a row instead of one a segment)."""
    return cell_len("".join(segment.text for segment in row if not segment.control))


def non_ascii(text: str) -> set[str]:
    """The characters of ``text`` outside ASCII (each distinct one looked at once)."""
    return {char for char in set(text) if not char.isascii()}


def test_every_kind_with_extra_states_is_a_demo() -> None:
    """A misspelt kind in the table would silently test nothing."""
    assert set(EXTRA_STATES) <= set(KINDS)


def size_problems(rows: list[list[Segment]], width: int, height: int, mode: Mode) -> list[str]:
    """What is wrong with a picture drawn for ``width`` × ``height`` in ``mode``: too many or
    too few rows, a row of another width, in ASCII mode a character outside ASCII and the
    Estonian letters."""
    if len(rows) != height:
        return [f"{len(rows)} rows"]
    widths = [row_width(row) for row in rows]
    if widths != [width] * height:
        return [f"rows {widths} cells wide"]
    if mode == "ascii":
        strange = non_ascii(text_of(rows)) - ESTONIAN_LETTERS
        if strange:
            return [f"not ASCII: {sorted(strange)}"]
    return []


def test_a_wrong_picture_is_told() -> None:
    """The check itself: a picture of the wrong height, a row too wide, a strange character."""
    row = [Segment("ab")]
    assert size_problems([row], 2, 1, "ascii") == []
    assert size_problems([row], 2, 2, "ascii") == ["1 rows"]
    assert size_problems([row, [Segment("abc")]], 2, 2, "braille") == ["rows [2, 3] cells wide"]
    assert size_problems([[Segment("a⣿")]], 2, 1, "ascii") == ["not ASCII: ['⣿']"]
    assert size_problems([[Segment("aõ")]], 2, 1, "ascii") == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_scene_fills_exactly_the_size_it_is_given(kind: str, mode: Mode) -> None:
    """Every size for one kind and drawing mode in one test (a test a size cost as much in
    pytest's own bookkeeping as a small picture); every wrong picture is listed."""
    problems = []
    for width, height in SIZES:
        for index, (settings, steps, options) in enumerate(states(kind)):
            demo = simulation(kind, index)
            for style_name, styles in STYLES.items():
                rows = draw_scene(demo, width, height, mode, styles, **options)
                problems += [
                    f"{width}×{height}, {kind} {dict(settings)} after {steps} steps, "
                    f"{style_name} styles: {problem}"
                    for problem in size_problems(rows, width, height, mode)
                ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", KINDS)
def test_light_colours_draw_the_same_picture_as_dark(kind: str) -> None:
    """Every state and mode: the light background's picture is the dark one's characters in the
    same places, so the sizes measured for dark hold for light."""
    different = [
        f"{kind} {dict(settings)} after {steps} steps, {mode}"
        for index, (settings, steps, options) in enumerate(states(kind))
        for mode in MODES
        if text_of(draw_scene(simulation(kind, index), 80, 24, mode, LIGHT, **options))
        != text_of(draw_scene(simulation(kind, index), 80, 24, mode, STYLES["dark"], **options))
    ]
    assert not different, "\n".join(different)
