"""The backprop step-through: the network as a graph, the current step's sentence, a check panel.

Nodes carry their values once the forward pass reached them, edges their weights; the parts the
current step is about are highlighted (and marked with ▶, so that the picture reads without
colour); gradients appear beside nodes and on edges as the engine's trace is replayed. The check
panel puts each weight's engine gradient beside its finite-difference estimate.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import numpy as np
from rich.segment import Segment

from oppija.i18n import _, format_decimal
from oppija.plot import Canvas, Mode, PlotStyles
from oppija.plot.glyphs import CELL_DOTS
from oppija.scenes.rows import Rows, fit, side_by_side, text_row
from oppija.scenes.view import View
from oppija.scenes.words.activations import FUNCTION_SYMBOLS
from oppija.scenes.words.backprop import backprop_lines, kink_note
from oppija.sims.backprop import INPUTS, TARGET, Backpropagation, element_name
from oppija.text import ascii_spelling, superscript
from oppija.text.numbers import decimal, short

PANEL_WIDTH = 34


def draw_backprop(simulation: Backpropagation, view: View) -> Rows:
    """The network (top left), the check panel (right, when there is room), the sentence below.

    Where the panel does not fit beside the network, ``check=True`` shows it instead.
    """
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    ascii_only = view.ascii_only
    lines = backprop_lines(simulation, ascii_only)
    text_height = min(len(lines), max(1, height // 3)) if height >= 8 else 1
    graph_height = max(height - text_height, 3)
    panel = width >= 100 and graph_height >= 8
    graph_width = width - PANEL_WIDTH - 2 if panel else width
    graph = NetworkPicture(simulation, graph_width, graph_height, mode, styles).rows()
    if panel:
        check = check_rows(simulation, PANEL_WIDTH, ascii_only, styles)
        rows = side_by_side(graph, check, graph_width, PANEL_WIDTH)
    elif view.options.get("check"):
        rows = fit(check_rows(simulation, min(width, 48), ascii_only, styles), width, graph_height)
    else:
        rows = fit(graph, width, graph_height)
    for k, line in enumerate(lines[:text_height]):
        rows.append(text_row(line, width, styles.label if k == 0 else None))
    return fit(rows, width, height)


# ------------------------------------------------------------------------------ check panel
def check_rows(
    simulation: Backpropagation, width: int, ascii_only: bool, styles: PlotStyles
) -> Rows:
    """Every weight: the engine's gradient (once the trace reached it) and central differences."""
    spell = ascii_spelling if ascii_only else str
    revealed = simulation.revealed_gradients()
    numeric = simulation.computed.numeric
    engine = simulation.computed.gradients
    kinks = simulation.computed.kinks
    # The gradient the backward pass gave, and central differences: two ways to one number.
    engine_title, numeric_title = _("backprop"), _("numerical")
    rows: Rows = [
        text_row(spell(_("Check: ∂𝓔/∂w")), width, styles.label),
        text_row(f"{'':5}{engine_title:>13}{numeric_title:>14}", width, styles.tick),
    ]
    worst = 0.0
    for matrix in ("V", "U"):
        shown = revealed.get(matrix)
        for index in np.ndindex(engine[matrix].shape):
            name = spell(element_name(matrix, index, engine[matrix].size))
            fd = float(numeric[matrix][index])
            kink = bool(kinks[matrix][index])
            if shown is None:
                value = "…"
            else:
                value = format_fixed_width(float(shown[index]))
                if not kink:  # at a kink the columns differ by right: see the note
                    worst = max(worst, abs(float(shown[index]) - fd))
            line = f"{name:<5}{value:>13}{format_fixed_width(fd):>14}{' *' if kink else ''}"
            rows.append(text_row(spell(line), width))
    if any(k.any() for k in kinks.values()):
        for line in textwrap.wrap(spell(kink_note()), width):
            rows.append(text_row(line, width, styles.muted))
    if revealed.get("V") is not None:
        rows.append(
            text_row(
                spell(
                    _("largest difference: {value}").format(value=power_of_ten(worst, ascii_only))
                ),
                width,
                styles.tangent,
            )
        )
    else:
        rows.append(
            text_row(spell(_("(backprop column: after the backward pass)")), width, styles.muted)
        )
    return rows


def format_fixed_width(value: float) -> str:
    """Six decimals in the active language, so that the two columns can be compared by eye."""
    if not math.isfinite(value):
        return format_decimal(value)
    return decimal(value, 6) if value != 0 else "0"


def power_of_ten(value: float, ascii_only: bool) -> str:
    """A small positive number as 2,4 · 10⁻¹¹ (2,4e-11 in ASCII)."""
    if value == 0 or not math.isfinite(value):
        return format_decimal(value)
    exponent = math.floor(math.log10(value))
    if round(value / 10.0**exponent, 1) >= 10.0:  # 9,96 · 10⁻⁴ rounds to 1 · 10⁻³, not 10 · 10⁻⁴
        exponent += 1
    mantissa = format_decimal(value / 10.0**exponent, digits=1)
    if ascii_only:
        return f"{mantissa}e{exponent}"
    return f"{mantissa} · 10{superscript(exponent)}"


# ------------------------------------------------------------------------------ the graph
class NetworkPicture:
    """Inputs, hidden neurons, the output and the error as four columns of labelled nodes."""

    def __init__(
        self, simulation: Backpropagation, width: int, height: int, mode: Mode, styles: PlotStyles
    ) -> None:
        self.sim = simulation
        self.width, self.height = max(width, 1), max(height, 1)
        self.mode = mode
        self.styles = styles
        self.ascii_only = mode == "ascii"
        cw, ch = CELL_DOTS[mode]
        self.canvas = Canvas(
            self.width,
            self.height,
            (0.0, self.width * cw - 1.0),
            (0.0, self.height * ch - 1.0),
            mode=mode,
            styles=styles,
        )
        step = simulation.current
        focus = set(step.focus) if step is not None else set()
        if "h" in focus:
            focus |= {f"h{j + 1}" for j in range(simulation.params.hidden)}
        self.focus = focus
        self.grads = simulation.revealed_gradients()
        self.weights = simulation.weights_on_show()

    # -------------------------------------------------------------- helpers
    def spell(self, text: str) -> str:
        return ascii_spelling(text) if self.ascii_only else text

    def marker(self, key: str) -> str:
        if key not in self.focus:
            return " "
        return ">" if self.ascii_only else "▶"

    def cell_point(self, column: float, row: float) -> tuple[float, float]:
        """The data point at the centre of a (fractional) cell."""
        cw, ch = self.canvas.cell_width, self.canvas.cell_height
        return column * cw + (cw - 1) / 2, self.canvas.dot_height - 1 - (row * ch + (ch - 1) / 2)

    def put(self, column: int, row: int, text: str, style: str) -> None:
        x, y = self.cell_point(column, row)
        self.canvas.text(x, y, self.spell(text), style)

    def gradient(self, key: str, index: int = 0) -> str | None:
        """``∇ value`` for a node the trace has reached, else None."""
        grad = self.grads.get(key)
        return None if grad is None else f"∇ {short(float(np.ravel(grad)[index]))}"

    def node_lines(self, level: str, main: str, key: str, index: int = 0) -> list[str]:
        """A value with its gradient: beside it (full), below it (stacked) or left out (bare)."""
        grad = self.gradient(key, index)
        if grad is None or level == "bare":
            return [main]
        return [f"{main}  {grad}"] if level == "full" else [main, grad]

    # -------------------------------------------------------------- labels
    def node_texts(self, level: str) -> list[list[tuple[str, list[str]]]]:
        """Four layers of (key, lines) for the nodes, values only once computed.

        ``level``: "full" (value and inner sum, gradients beside), "stacked" (the value, its
        gradient below) or "bare" (the value only).
        """
        sim, values = self.sim, self.sim.computed.values
        k, hidden = sim.step_count, sim.params.hidden
        inputs = [
            (f"x{i + 1}", [f"{element_name('x', (i,), INPUTS)} = {short(v)}"])
            for i, v in enumerate(sim.params.inputs)
        ]
        hidden_nodes = []
        for j in range(hidden):
            h, z = element_name("h", (j,), hidden), element_name("z", (j,), hidden)
            if k > j:
                lines = self.node_lines(level, f"{h} = {short(float(values['h'][j]))}", "h", j)
                if level == "full":
                    lines += self.node_lines(level, f"{z} = {short(float(values['z'][j]))}", "z", j)
            else:
                lines = [h]
            hidden_nodes.append((f"h{j + 1}", lines))
        output_lines = ["y"]
        if k > hidden:
            output_lines = self.node_lines(level, f"y = {short(float(values['y'][0]))}", "y")
            if level == "full":
                output_lines += self.node_lines(level, f"s = {short(float(values['s'][0]))}", "s")
        error_lines = ["𝓔"]
        if k > hidden + 1:
            error_lines = self.node_lines(level, f"𝓔 = {short(float(values['error']))}", "error")
        if level == "full":
            error_lines = [*error_lines, f"{TARGET} = {short(sim.params.target)}"]
        return [inputs, hidden_nodes, [("y", output_lines)], [("E", error_lines)]]

    def edge_label(self, matrix: str, index: tuple[int, int], level: str) -> list[str]:
        weights = self.weights[matrix]
        name = element_name(matrix, index, weights.size)
        lines = [f"{name} = {short(float(weights[index]))}"]
        grad = self.grads.get(matrix)
        if grad is not None and level != "bare":
            lines.append(f"∇ {short(float(grad[index]))}")
        return lines

    # -------------------------------------------------------------- layout and drawing
    def layout(self, level: str) -> tuple[list[list[tuple[str, list[str]]]], list[int], float]:
        layers = self.node_texts(level)
        widths = [
            max(len(self.spell(t)) for _, lines in layer for t in lines) + 1 for layer in layers
        ]
        return layers, widths, (self.width - sum(widths)) / 3

    def label_width(self, level: str) -> int:
        return max(
            len(self.spell(line)) + 1
            for matrix, shape in (("V", (INPUTS, self.sim.params.hidden)), ("U", (1, 1)))
            for index in np.ndindex(shape)
            for line in self.edge_label(matrix, (index[0], index[1]), level)
        )

    def rows(self) -> list[list[Segment]]:
        chosen = None
        for wanted, least_height in (("full", 16), ("stacked", 10)):
            if self.height >= least_height:
                layers, widths, gap = self.layout(wanted)
                width = self.label_width(wanted)
                if gap >= width + 2:
                    chosen = wanted, layers, widths, gap, width
                    break
        if chosen is None:
            layers, widths, gap = self.layout("bare")
            chosen = "bare", layers, widths, gap, self.label_width("bare")
        level, layers, widths, gap, label_width = chosen
        labels = gap >= label_width + 1
        gap = max(gap, 2.0)
        lefts = [0.0]
        for w in widths[:-1]:
            lefts.append(lefts[-1] + w + gap)
        top = 1 if self.height >= 6 else 0
        boxes: dict[str, tuple[float, float, float, int]] = {}  # key: left, right, anchor, lines
        for layer, left, w in zip(layers, lefts, widths, strict=True):
            count = len(layer)
            span = self.height - top
            for n, (key, lines) in enumerate(layer):
                # the node's first line (its value) is its anchor: edges meet it there
                middle = top + (n + 0.5) * span / count - 0.5
                anchor = math.floor(middle - (len(lines) - 1) / 2 + 0.5)
                boxes[key] = (left, left + w, float(anchor), len(lines))
        self.draw_edges(boxes, level if labels else None)
        for layer in layers:
            for key, lines in layer:
                left, _right, first, _count = boxes[key]
                style = self.styles.current if key in self.focus else self.styles.label
                for n, line in enumerate(lines):
                    mark = self.marker(key) if n == 0 else " "
                    self.put(int(left), int(first) + n, mark + line, style)
        if top:
            symbol = FUNCTION_SYMBOLS[self.sim.params.activation]
            title = f"h = {symbol}(Vᵀx), y = σ(Uᵀh), 𝓔 = ({TARGET} − y)²"
            if self.grads:
                title += "   " + _("∇ = ∂𝓔/∂ of the value beside it")
            self.put(0, 0, title, self.styles.tick)
        return self.canvas.to_segments()

    def draw_edges(
        self, boxes: dict[str, tuple[float, float, float, int]], level: str | None
    ) -> None:
        """Every weight as a line; its label (weight, then gradient) unless ``level`` is None."""
        hidden = self.sim.params.hidden
        labels: list[tuple[float, float, list[str], str, float, float]] = []
        for i in range(INPUTS):
            for j in range(hidden):
                key = f"V{i + 1}{j + 1}"
                lines = self.edge_label("V", (i, j), level) if level else []
                labels.append(self.edge(boxes[f"x{i + 1}"], boxes[f"h{j + 1}"], key, 0.7, lines))
        for j in range(hidden):
            key = f"U{j + 1}"
            lines = self.edge_label("U", (j, 0), level) if level else []
            labels.append(self.edge(boxes[f"h{j + 1}"], boxes["y"], key, 0.45, lines))
        self.edge(boxes["y"], boxes["E"], "yE", 0.5, [])
        for column, row, lines, key, least, most in labels:
            style = self.styles.current if key in self.focus else self.styles.accent
            first = round(row - (len(lines) - 1) / 2)
            for n, line in enumerate(lines):
                text = (self.marker(key) if n == 0 else " ") + line
                size = len(self.spell(text))
                left = min(max(round(column - size / 2), math.ceil(least)), int(most) - size)
                self.put(left, first + n, text, style)

    def edge(
        self,
        source: tuple[float, float, float, int],
        target: tuple[float, float, float, int],
        key: str,
        at: float,
        lines: Sequence[str],
    ) -> tuple[float, float, list[str], str, float, float]:
        """A line from the right of ``source`` to the left of ``target``; where its label goes
        (centre column and row, lines, key, and the columns it must stay between)."""
        x0, y0 = self.cell_point(source[1], source[2])
        x1, y1 = self.cell_point(target[0] - 1, target[2])
        style = self.styles.arrow if key in self.focus else self.styles.muted
        self.canvas.segment(x0, y0, x1, y1, style)
        column = source[1] + at * (target[0] - 1 - source[1])
        row = source[2] + at * (target[2] - source[2])
        return column, row, list(lines), key, source[1], target[0] - 1
