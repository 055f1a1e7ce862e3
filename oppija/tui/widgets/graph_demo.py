"""A formula's computation graph, micrograd's draw_dot in a terminal: values, then gradients."""

from __future__ import annotations

from typing import ClassVar

from oppija.i18n import N_
from oppija.sims.graph import ComputationGraph
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.step_demo import StepDemo


class GraphDemo(StepDemo[ComputationGraph]):
    """n goes back through the graph one node at a time; f, x and y type a new formula; a to
    compute the next gradient yourself, e for a fresh exercise."""

    TYPED: ClassVar[tuple[TypedValue, ...]] = (
        TypedValue("f", "function", N_("f(x, y) ="), N_("function")),
        TypedValue("x", "x", N_("x ="), N_("x")),
        TypedValue("y", "y", N_("y ="), N_("y")),
    )

    READOUT_LINES = 0  # the scene writes the step's sentences under the graph
