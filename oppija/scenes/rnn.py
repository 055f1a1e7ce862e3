"""The RNN picture: the cell rolled up with its loop W, then unrolled into a chain of cells.

Each unrolled cell is a box with the hidden state's values, its input letter below (V) and its
output above (U; in trained mode the letter the network guesses next); W arrows carry h to the
right. The current step's box is drawn heavy (``=`` in ASCII), an earlier step with the same
input is marked, so that the slide's "same input, different h" can be seen. The backward view
adds ‖∂h_T/∂hᵢ‖ as bars from the last step back to the first. The step's sentences with their
numbers come from the simulation and go under the picture.
"""

from __future__ import annotations

import textwrap

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array
from oppija.i18n import _, format_fixed, format_integer
from oppija.plot import Mode, PlotStyles, bar_chart
from oppija.scenes.rows import Rows, fit, text_row
from oppija.scenes.view import View
from oppija.scenes.words.rnn import input_legend, letter_text, mode_line, rnn_lines
from oppija.sims.rnn import RecurrentNetwork
from oppija.text import ascii_spelling, subscript
from oppija.text.number_style import aligned
from oppija.text.numbers import short

ARROW = {"unicode": "─W─▶", "ascii": "-W->"}
BOX = {  # corners and edges: top-left, top-right, bottom-left, bottom-right, across, down
    "plain": ("┌", "┐", "└", "┘", "─", "│"),
    "heavy": ("┏", "┓", "┗", "┛", "━", "┃"),
    "ascii": ("+", "+", "+", "+", "-", "|"),
    "ascii-heavy": ("#", "#", "#", "#", "=", "#"),
}
UP = {"unicode": "▲", "ascii": "^"}
ROLLED = {
    "unicode": [
        "          ┌── W ──┐",
        "          ▼       │",
        " x{i} ─V─▶  h{i} ─────┘",
        "          │",
        "          U",
        "          ▼",
        "          y{i}",
    ],
    "ascii": [
        "          +-- W --+",
        "          v       |",
        " x{i} --V-->  h{i} ---+",
        "          |",
        "          U",
        "          v",
        "          y{i}",
    ],
}


class Grid:
    """Characters placed at cells, each with a style; rows of Segments at the end."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.chars = [[" "] * width for _row in range(height)]
        self.styles: list[list[str]] = [[""] * width for _row in range(height)]

    def put(self, row: int, col: int, text: str, style: str = "") -> None:
        if not 0 <= row < self.height:
            return
        for k, char in enumerate(text):
            if 0 <= col + k < self.width:
                self.chars[row][col + k] = char
                self.styles[row][col + k] = style

    def rows(self) -> Rows:
        out: Rows = []
        for chars, styles in zip(self.chars, self.styles, strict=True):
            row: list[Segment] = []
            start = 0
            for k in range(1, self.width + 1):
                if k == self.width or styles[k] != styles[start]:
                    style = Style.parse(styles[start]) if styles[start] else None
                    row.append(Segment("".join(chars[start:k]), style))
                    start = k
            out.append(row)
        return out


def draw_rnn(simulation: RecurrentNetwork, view: View) -> Rows:
    """Header, the rolled cell or the chain, the bars of the backward view, the sentences.

    Parts are left out from the least needed (the legend, the arrows, the chain) until the
    sentences with the step's numbers fit.
    """
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    ascii_only = view.ascii_only
    spell = view.spell
    title = spell(
        _("Recurrent network, {what} — {mode}").format(
            what=_("the word {word}").format(word=letter_text(simulation.params.word))
            if simulation.letters is not None
            else _("inputs: {n}").format(n=format_integer(simulation.length)),
            mode=mode_line(simulation),
        )
    )
    legend = spell(input_legend(simulation, width))
    sentences = [
        textwrap.wrap(line, max(width, 10), subsequent_indent="  ") or [""]
        for line in rnn_lines(simulation, ascii_only)
    ]
    text = [line for sentence in sentences for line in sentence]
    bars = backward_bars(simulation, width, mode, styles) if simulation.phase == "backward" else []

    header_lines, picture = 1, []
    # the chain is the point: keep it and cut sentences from the end, down to two, then one
    for lines, kind, least in (
        (2, "full", 0),
        (2, "compact", 0),
        (1, "compact", 2),
        (1, "compact", 1),
    ):
        candidate = picture_rows(simulation, width, mode, styles, kind)
        needed = lines + len(candidate) + 1 + len(bars)
        if needed + (min(len(text), least) if least else len(text)) <= height:
            header_lines, picture = lines, candidate
            break

    rows: Rows = [text_row(title, width, styles.label)]
    if header_lines > 1:
        rows.append(text_row(legend, width, styles.muted))
    rows.extend(picture)
    if picture:
        rows.append(text_row("", width))
    rows.extend(bars)
    kept: list[str] = []
    for sentence in sentences:  # whole sentences only: a cut one would say something else
        if len(rows) + len(kept) + len(sentence) > height and kept:
            break
        kept.extend(sentence)
    rows.extend(
        text_row(line, width, styles.label if k == 0 else None) for k, line in enumerate(kept)
    )
    return fit(rows, width, height)


def picture_rows(
    simulation: RecurrentNetwork, width: int, mode: Mode, styles: PlotStyles, kind: str
) -> Rows:
    """The rolled cell (step 0) or the unrolled chain; ``kind`` "full", "compact" or "none"."""
    if kind == "none":
        return []
    if simulation.phase == "rolled":
        return rolled_rows(simulation, width, mode, styles, kind == "full")
    return chain_rows(simulation, width, mode, styles, kind == "full")


def rolled_rows(
    simulation: RecurrentNetwork, width: int, mode: Mode, styles: PlotStyles, full: bool
) -> Rows:
    """The slide's drawing of the loop, and beside it the sequence, h₀ and W."""
    ascii_only = mode == "ascii"
    drawing = [
        line.format(i="i" if ascii_only else "ᵢ")
        for line in ROLLED["ascii" if ascii_only else "unicode"]
    ]
    spell = ascii_spelling if ascii_only else str
    hidden = simulation.weights["W"].shape[0]
    sequence = (
        " ".join(letter_text(c) for c in simulation.labels)
        if simulation.letters is not None
        else "; ".join(simulation.labels)
    )
    side = [
        _("Sequence: {items}").format(items=sequence),
        "h₀ = (" + "; ".join(["0"] * hidden) + ")",
        "W =",
        *matrix_lines(simulation.weights["W"]),
    ]
    if not full:
        drawing = [line for k, line in enumerate(drawing) if k not in (1, 5)]
    height = max(len(drawing), len(side) if full else 0)
    grid = Grid(width, height)
    for k, line in enumerate(drawing):
        grid.put(k, 0, line, styles.curve)
    column = max(len(line) for line in drawing) + 4
    if full and column + 10 <= width:
        for k, line in enumerate(side):
            grid.put(k, column, spell(line), styles.label if k == 0 else "")
    return grid.rows()


def chain_rows(
    simulation: RecurrentNetwork, width: int, mode: Mode, styles: PlotStyles, full: bool
) -> Rows:
    """h₀ → h₁ → … → hₜ as boxes with the hidden values, letters below and outputs above."""
    ascii_only = mode == "ascii"
    glyphs = "ascii" if ascii_only else "unicode"
    spell = ascii_spelling if ascii_only else str
    unrolled = simulation.unrolled
    shown = simulation.shown_steps
    hidden = unrolled.hidden.shape[1]
    current = simulation.step_count if simulation.phase == "forward" else None
    earlier = simulation.same_input_before(current) if current is not None else None
    predictions = simulation.predictions()

    values = [["0"] * hidden] + [  # three decimals each, so that the columns line up
        [format_fixed(float(v), 3) for v in unrolled.hidden[i]] for i in range(shown)
    ]
    inner = max(5, max(len(v) for column in values for v in column), len(f"h{shown}") + 1)
    box = inner + 2
    arrow = ARROW[glyphs]
    unit = box + len(arrow)
    cells = list(range(shown + 1))  # 0 is h₀
    prefix = ""
    if len(cells) * unit - len(arrow) > width:
        prefix = ("..." if ascii_only else "…") + arrow
        fit_count = max((width - len(prefix) + len(arrow)) // unit, 1)
        cells = cells[-fit_count:]

    top = 3 if full else 1  # rows above the box: output, arrow, U (or the output alone)
    rows_total = top + hidden + 2 + (3 if full else 1)
    grid = Grid(width, rows_total)
    middle = top + 1 + (hidden - 1) // 2
    column = 0
    if prefix:
        grid.put(middle, 0, prefix, styles.muted)
        column = len(prefix)
    for position, step in enumerate(cells):
        if position > 0:
            grid.put(middle, column - len(arrow), arrow, styles.arrow)
        if step == current:
            kind, style = "heavy", styles.current
        elif step == earlier:
            kind, style = "plain", styles.accent
        else:
            kind, style = "plain", styles.curve if step > 0 else styles.muted
        if ascii_only:
            kind = "ascii-heavy" if kind == "heavy" else "ascii"
        tl, tr, bl, br, across, down = BOX[kind]
        label = spell(f"h{subscript(step)}")
        grid.put(top, column, tl + label + across * (inner - len(label)) + tr, style)
        for k in range(hidden):
            grid.put(top + 1 + k, column, down, style)
            grid.put(top + 1 + k, column + 1, values[step][k].rjust(inner), "")
            grid.put(top + 1 + k, column + box - 1, down, style)
        grid.put(top + hidden + 1, column, bl + across * inner + br, style)
        if step > 0:
            centre = column + box // 2
            output = (
                letter_text(predictions[step - 1])
                if predictions is not None
                else f"y{subscript(step)}"
            )
            output = spell(output)
            grid.put(0, centre - len(output) // 2, output, styles.tangent)
            below = top + hidden + 2
            if full:
                grid.put(1, centre, UP[glyphs], styles.muted)
                grid.put(2, centre, "U", styles.muted)
                grid.put(below, centre, "V", styles.muted)
                grid.put(below + 1, centre, UP[glyphs], styles.muted)
                below += 2
            label_text = simulation.labels[step - 1]
            letter = spell(
                letter_text(label_text) if simulation.letters is not None else label_text
            )
            mark = "=" if step == earlier or (step == current and earlier is not None) else ""
            grid.put(below, centre - len(letter) // 2, letter, styles.label)
            if mark:
                grid.put(below, centre + (len(letter) + 1) // 2 + 1, mark, styles.accent)
        column += unit
    return grid.rows()


def backward_bars(simulation: RecurrentNetwork, width: int, mode: Mode, styles: PlotStyles) -> Rows:
    """‖∂h_T/∂hᵢ‖ for i = T back to 1, one bar a step, with its number."""
    ascii_only = mode == "ascii"
    norms = simulation.unrolled.gradient_norms
    last = simulation.length
    labels = [
        (f"|dh{last}/dh{i}|" if ascii_only else f"‖∂h{subscript(last)}/∂h{subscript(i)}‖")
        for i in range(last, 0, -1)
    ]
    values = norms[::-1]
    return bar_chart(values, labels, width, styles, mode, value_format=lambda v: short(v))


def matrix_lines(matrix: Array) -> list[str]:
    """A matrix as lines of text, each column's decimal signs under each other."""
    columns = [aligned([short(float(v)) for v in column]) for column in np.asarray(matrix).T]
    return ["  " + "  ".join(cells) for cells in zip(*columns, strict=True)]
