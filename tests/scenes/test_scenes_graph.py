"""The computation-graph picture: sizes, modes, the highlighted node and its gradients."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes.graph import draw_graph
from oppija.scenes.view import View
from oppija.scenes.words.graph import graph_lines
from oppija.sims.graph import ComputationGraph

pytestmark = pytest.mark.filterwarnings("error")

FUNCTIONS = ("x*y + x^2", "sigmoid(x*y + sin(x)) / (y^2 + 1)", "x")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def test_values_then_gradients_with_the_current_node_marked() -> None:
    i18n.set_language("et")
    try:
        graph = ComputationGraph()
        before = text_of(draw_graph(graph, View(100, 24, "braille", PlotStyles.plain())))
        assert "x·y = −6" in before and "x = 2" in before and "∇" not in before.split("\n", 1)[1]
        graph.to_end()
        after = text_of(draw_graph(graph, View(100, 24, "braille", PlotStyles.plain())))
        assert "▶x·y = −6" in after and "∇ 2" in after and "∇ 1" in after
        ascii_text = text_of(draw_graph(graph, View(100, 24, "ascii", PlotStyles.plain())))
        assert {c for c in ascii_text if not c.isascii()} <= set("õäöüšžÕÄÖÜŠŽ")
    finally:
        i18n.set_language("en")


def test_every_sentence_of_a_step_is_under_the_graph_at_80_by_24() -> None:
    """The demo shows no readout of its own (it repeated these lines): at the picture's size in
    an 80×24 window (78×13) each step's sentences are all under the graph, not the first four."""
    graph = ComputationGraph()
    while True:
        lines = graph_lines(graph)
        shown = text_of(draw_graph(graph, View(78, 13, "braille", PlotStyles.plain())))
        assert all(line[:70] in shown for line in lines), lines
        if graph.status == "done":
            break
        graph.step()
