"""A computation graph drawn left to right: inputs, operations, the result; values, then gradients.

Nodes sit in columns by depth (the longest path from an input), in each column ordered by where
their inputs are, so that edges cross little; edges run left to right into the node that uses the
value, as in micrograd's ``draw_dot``. The current backward record's node is highlighted and
marked with ▶, and each node shows its gradient (∇) once the replayed records have reached it.
"""

from __future__ import annotations

import math

from oppija.i18n import _
from oppija.plot import Canvas, Mode, PlotStyles
from oppija.plot.glyphs import CELL_DOTS
from oppija.scenes.rows import Rows, fit, text_row
from oppija.scenes.view import View
from oppija.scenes.words.graph import graph_lines
from oppija.sims.graph import ComputationGraph
from oppija.text import ascii_spelling
from oppija.text.numbers import short


def draw_graph(simulation: ComputationGraph, view: View) -> Rows:
    """The graph above, the current step's sentences below."""
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    ascii_only = view.ascii_only
    lines = graph_lines(simulation, ascii_only)
    # the widget shows no readout of its own: every sentence of the step fits at 80×24 (5 of 13)
    text_height = min(len(lines), max(1, height * 2 // 5)) if height >= 8 else 1
    graph_height = max(height - text_height, 2)
    rows = graph_rows(simulation, width, graph_height, mode, styles)
    for k, line in enumerate(lines[:text_height]):
        rows.append(text_row(line, width, styles.label if k == 0 else None))
    return fit(rows, width, height)


def depths(simulation: ComputationGraph) -> list[int]:
    """Each node's column: 0 for inputs, else one more than its deepest input."""
    out: list[int] = []
    for node in simulation.nodes:  # parents always come first
        out.append(1 + max((out[p] for p in node.parents), default=-1))
    return out


def graph_rows(
    simulation: ComputationGraph, width: int, height: int, mode: Mode, styles: PlotStyles
) -> Rows:
    ascii_only = mode == "ascii"

    def spell(text: str) -> str:
        return ascii_spelling(text) if ascii_only else text

    grads = simulation.revealed_gradients()
    current = simulation.current_node()
    column_of = depths(simulation)
    columns = max(column_of) + 1
    # the gradient below the value when there is room for it, else beside it
    stacked = height >= 2 * len(simulation.nodes) + 1 or width < 24 * columns
    texts: list[list[str]] = []
    for node in simulation.nodes:
        if node.kind == "constant":
            main = node.label
        else:
            main = f"{simulation.symbol(node)} = {short(node.value)}"
        grad = grads.get(node.id)
        lines = [main]
        if grad is not None:
            lines = [main, f"∇ {short(grad)}"] if stacked else [f"{main}  ∇ {short(grad)}"]
        texts.append([spell(line) for line in lines])

    members: list[list[int]] = [[] for _ in range(columns)]
    for index, column in enumerate(column_of):
        members[column].append(index)
    widths = [max(len(line) + 1 for i in group for line in texts[i]) for group in members]
    gap = max((width - sum(widths)) / max(columns - 1, 1), 3.0)
    lefts = [0.0]
    for w in widths[:-1]:
        lefts.append(lefts[-1] + w + gap)

    top = 1 if height >= 5 else 0
    row_of: dict[int, float] = {}
    for column, group in enumerate(members):
        if column > 0:  # order by the mean row of the inputs: fewer crossings
            group.sort(
                key=lambda i: (
                    sum(row_of[p] for p in simulation.nodes[i].parents)
                    / max(len(simulation.nodes[i].parents), 1)
                )
            )
        span = height - top
        for n, index in enumerate(group):
            middle = top + (n + 0.5) * span / len(group) - 0.5
            row_of[index] = float(math.floor(middle - (len(texts[index]) - 1) / 2 + 0.5))

    cw, ch = CELL_DOTS[mode]
    canvas = Canvas(
        width, height, (0.0, width * cw - 1.0), (0.0, height * ch - 1.0), mode=mode, styles=styles
    )

    def point(column: float, row: float) -> tuple[float, float]:
        return column * cw + (cw - 1) / 2, height * ch - 1 - (row * ch + (ch - 1) / 2)

    # every edge in one polyline per style (NaN breaks it): one raster pass, not one per edge
    paths: dict[str, tuple[list[float], list[float]]] = {
        styles.muted: ([], []),
        styles.arrow: ([], []),
    }
    for node in simulation.nodes:
        target_left = lefts[column_of[node.id]]
        xs, ys = paths[styles.arrow if node.id == current else styles.muted]
        for parent in dict.fromkeys(node.parents):
            source_right = lefts[column_of[parent]] + len(texts[parent][0])
            x0, y0 = point(source_right, row_of[parent])
            x1, y1 = point(target_left - 2, row_of[node.id])
            xs.extend((x0, x1, math.nan))
            ys.extend((y0, y1, math.nan))
    for style, (xs, ys) in paths.items():
        if xs:
            canvas.line(xs, ys, style)
    for node in simulation.nodes:
        style = styles.current if node.id == current else styles.label
        mark = (">" if ascii_only else "▶") if node.id == current else ""
        left = lefts[column_of[node.id]] - len(mark)
        for n, line in enumerate(texts[node.id]):
            x, y = point(left if n == 0 else lefts[column_of[node.id]], row_of[node.id] + n)
            canvas.text(x, y, (mark if n == 0 else "") + line, style)
    if top:
        legend = (
            _("∇ = ∂f/∂ of the value beside it") if grads else _("The values of the forward pass")
        )
        x, y = point(0, 0)
        canvas.text(x, y, spell(legend), styles.tick)
    return canvas.to_segments()
