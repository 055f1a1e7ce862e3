"""Which scene draws which demo, and the whole text frame ``oppija demo`` prints."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from oppija.plot import Mode, PlotStyles
from oppija.scenes.activations import draw_activations
from oppija.scenes.approximation import draw_approximation
from oppija.scenes.attention import draw_attention
from oppija.scenes.backprop import draw_backprop
from oppija.scenes.conv import draw_conv
from oppija.scenes.gd1d import draw_gd1d
from oppija.scenes.gd2d import draw_gd2d
from oppija.scenes.graph import draw_graph
from oppija.scenes.linear_maps import draw_linear_maps
from oppija.scenes.lstm import draw_lstm
from oppija.scenes.playground import draw_playground
from oppija.scenes.regression import draw_regression
from oppija.scenes.rnn import draw_rnn
from oppija.scenes.rows import Rows, to_text
from oppija.scenes.softmax import draw_softmax
from oppija.scenes.transfer import draw_transfer
from oppija.scenes.view import View
from oppija.scenes.words import readout_lines

Scene = Callable[..., Rows]

SCENES: dict[str, Scene] = {
    "gd1d": draw_gd1d,
    "gd2d": draw_gd2d,
    "linreg": draw_regression,
    "logreg": draw_regression,
    "backprop": draw_backprop,
    "activations": draw_activations,
    "linear-maps": draw_linear_maps,
    "approximation": draw_approximation,
    "playground": draw_playground,
    "transfer": draw_transfer,
    "graph": draw_graph,
    "softmax": draw_softmax,
    "lstm": draw_lstm,
    "conv": draw_conv,
    "rnn": draw_rnn,
    "attention": draw_attention,
}


def draw_scene(
    simulation: Any,
    width: int,
    height: int,
    mode: Mode = "braille",
    styles: PlotStyles | None = None,
    **options: object,
) -> Rows:
    """The picture of ``simulation`` in exactly ``height`` rows of ``width`` cells."""
    scene = SCENES[simulation.name]
    return scene(simulation, View(width, height, mode, styles or PlotStyles.default(), options))


def render_frame(simulation: Any, width: int, height: int, ascii_only: bool) -> str:
    """The picture and the readout as plain text, for ``oppija demo`` without ``--json``."""
    mode: Mode = "ascii" if ascii_only else "braille"
    readout = readout_lines(simulation, ascii_only)
    picture_height = max(height - len(readout) - 1, 6)
    styles = PlotStyles.plain() if os.environ.get("NO_COLOR") else PlotStyles.default()
    rows = draw_scene(simulation, width, picture_height, mode, styles)
    return "\n".join([*to_text(rows), "", *readout])
