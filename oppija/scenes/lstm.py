"""The LSTM picture: per time step a column of bars (f, i, o, g, c, h per unit), equations below.

Rows are the quantities, columns the time steps of the sequence (the input xₜ on top); each
cell holds one bar per hidden unit — the gates from 0 to 1, the candidate g, the memory c and
the output h around a zero line — with its number where there is room. The current step's
column is marked ▼ and bold; steps not read yet are dots. Under the table the five equations
with the current step's numbers for one unit, and what its forget gate did, in a sentence.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from oppija.i18n import N_, _, format_fixed, format_integer
from oppija.plot import Mode, PlotStyles
from oppija.plot.glyphs import DENSITY_RAMP, EIGHTHS
from oppija.scenes.marked_subscripts import SUBSCRIPT_MARK, ascii_marked, indexed, marked_row
from oppija.scenes.rows import Rows, fit
from oppija.scenes.view import View
from oppija.scenes.words.lstm import equation_number, forget_sentence
from oppija.scenes.words.status import status_sentence
from oppija.sims.lstm import LSTMGates, TimeStep
from oppija.text import ascii_spelling

SIGNED = ("g", "c", "h")  # drawn around a zero line; the gates f, i, o grow from 0 to 1
# What each row is, for a wide enough picture.
ROW_NAMES = {
    "x": N_("input"),
    "f": N_("forget gate"),
    "i": N_("input gate"),
    "o": N_("output gate"),
    "g": N_("candidate"),
    "c": N_("cell state"),
    "h": N_("hidden state"),
}
QUANTITY_ROWS = ("f", "i", "o", "g", "c", "h")
NAMED_FROM = 110  # from this width the rows carry their names
NUMBER_WIDTH = 5  # "−0,73"
MAX_THICKNESS = 3
MIN_TEXT_LINES = 3  # the bars' numbers take room from the equations only while this many stay
LOWER_BLOCKS = " ▁▂▃▄▅▆▇█"  # a one-cell bar's height


def draw_lstm(simulation: LSTMGates, view: View) -> Rows:
    """The table of bars on top, the current step's equations (for ``unit``) below it."""
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    ascii_only = view.ascii_only
    hidden = simulation.params.hidden
    chosen = view.options.get("unit", 0)
    unit = (chosen if isinstance(chosen, int) else 0) % hidden
    lines = equation_lines(simulation, unit, width)
    sentence = status_sentence(simulation) or forget_sentence(simulation, unit)
    if ascii_only:
        lines = [ascii_spelling(ascii_marked(line)) for line in lines]
        sentence = ascii_spelling(sentence)
    # Header, x, and a row per quantity; with a row of numbers under each bar where the numbers
    # fit across and the text keeps three lines: a bar's value reads before the equations.
    with_numbers = Table(simulation, width, mode, styles, 2).number_row
    table_least = 2 + len(QUANTITY_ROWS) * (2 if with_numbers else 1)
    if height - table_least - 1 < MIN_TEXT_LINES:
        table_least = 2 + len(QUANTITY_ROWS)
    room = max(height - table_least - 1, 0)
    text = chosen_lines(lines, textwrap.wrap(sentence, max(width, 10)), room)
    free = height - len(text) - (1 if text else 0) - 2
    quantities = len(QUANTITY_ROWS)
    thickness = max(1, min(MAX_THICKNESS, free // quantities))
    gap = thickness > 1 and free >= quantities * thickness + quantities - 1
    rows = Table(simulation, width, mode, styles, thickness, gap).rows()
    if text:
        rows.append([])
        rows.extend(marked_row(line, width, style) for line, style in text_styles(text, styles))
    return fit(rows, width, height)


def chosen_lines(equations: list[str], sentence: list[str], room: int) -> list[str]:
    """As many lines as fit, the most telling first (c, h, f, the sentence), shown in order."""
    if room <= 0:
        return []
    if len(equations) + len(sentence) <= room:
        return [*equations, *sentence]
    if len(equations) <= 1:
        return [*equations, *sentence][:room]
    title, body = equations[0], equations[1:]  # body: f, i, o, g, c, h
    order = [4, 5, 0, -1, 1, 2, 3, -2]  # c, h, f, the sentence, i, o, g, the title
    picked: set[int] = set()
    count = 0
    for index in order:
        need = len(sentence) if index == -1 else 1
        if count + need <= room:
            picked.add(index)
            count += need
    out = [title] if -2 in picked else []
    out.extend(line for k, line in enumerate(body) if k in picked)
    if -1 in picked:
        out.extend(sentence)
    return out


def text_styles(lines: list[str], styles: PlotStyles) -> list[tuple[str, str | None]]:
    return [(line, styles.label if k == 0 else None) for k, line in enumerate(lines)]


def factor(value: float) -> str:
    """A number inside a sum or a product: negative ones in parentheses."""
    text = equation_number(value)
    return f"({text})" if text.startswith(("−", "-")) else text


def equation_lines(simulation: LSTMGates, unit: int, width: int | None = None) -> list[str]:
    """The title, then fₜ, iₜ, oₜ, gₜ, cₜ, hₜ with the current step's numbers for ``unit``.

    An equation longer than ``width`` leaves out its middle, the numbers put in (σ(sum) and
    the value stay): a line cut at the window's edge would show 0,49 for 0,499.
    """
    step = simulation.current
    if step is None:
        return [_("The memory c and the output h start at 0. n reads x₁.")]
    j = unit
    t = simulation.step_count
    title = _("Time step t = {t}, xₜ = {x}, unit {unit}:").format(
        t=format_integer(t), x=format_fixed(step.x, 2), unit=format_integer(j + 1)
    )
    lines = [title]
    for gate, name, activation in (
        ("f", "f", "σ"),
        ("i", "i", "σ"),
        ("o", "o", "σ"),
        ("g", "c", "tanh"),
    ):
        lines.append(gate_line(step, simulation, j, gate, name, activation, width))
    gates = step.gates
    f, i, o, g = (float(gates[k][j]) for k in ("f", "i", "o", "g"))
    c_prev, c, h = float(step.c_prev[j]), float(gates["c"][j]), float(gates["h"][j])
    c_numbers = f"{equation_number(f)}·{factor(c_prev)} + {equation_number(i)}·{factor(g)}"
    lines.append(fitted("cₜ = fₜ·cₜ₋₁ + iₜ·gₜ", [c_numbers], equation_number(c), width))
    h_numbers = [
        f"{equation_number(o)}·tanh({equation_number(c)})",
        f"{equation_number(o)}·{factor(float(np.tanh(c)))}",
    ]
    lines.append(fitted("hₜ = oₜ·tanh(cₜ)", h_numbers, equation_number(h), width))
    return lines


def fitted(label: str, middle: list[str], value: str, width: int | None, tail: str = "") -> str:
    """``label = middle… = value`` with as many of the middle parts as fit in ``width`` (the
    first ones go first: the last, closest to the value, says the most); ``tail`` goes before
    any of them."""
    for kept in range(len(middle), -1, -1):
        line = " = ".join([label, *middle[len(middle) - kept :], value])
        for candidate in (line + tail, line):
            if width is None or cell_len(candidate.replace(SUBSCRIPT_MARK, "")) <= width:
                return candidate
    return line


def gate_line(
    step: TimeStep,
    simulation: LSTMGates,
    unit: int,
    gate: str,
    name: str,
    activation: str,
    width: int | None = None,
) -> str:
    """One gate's equation: σ(W xₜ + U hₜ₋₁ + b) = σ(w·x + U·h + b) = σ(sum) = value."""
    wx, uh, b = (float(term[unit]) for term in step.terms[gate])
    w = float(simulation.cell.W[name].data[0, unit])
    total = wx + uh + b
    value = float(step.gates[gate][unit])
    w_name, u_name, b_name = (indexed(base, name) for base in ("W", "U", "b"))
    label = f"{gate}ₜ = {activation}({w_name} xₜ + {u_name} hₜ₋₁ + {b_name})"
    numbers = f"{activation}({factor(w)}·{factor(step.x)} + {factor(uh)} + {factor(b)})"
    summed = f"{activation}({equation_number(total)})"
    tail = "  " + _("(the candidate)") if gate == "g" else ""
    return fitted(label, [numbers, summed], equation_number(value), width, tail)


def style_table(styles: PlotStyles) -> dict[str, Style | None]:
    """The table's styles by name, each also bold ("positive+bold") for the current step."""
    texts = {
        "": "",
        "plain": "",
        "label": styles.label,
        "muted": styles.muted,
        "current": styles.current or "bold",
        "positive": styles.positive,
        "negative": styles.negative,
        "axis": styles.axis,
        "reversed": f"reverse {styles.negative}".strip(),
    }
    table: dict[str, Style | None] = {}
    for name, text in texts.items():
        table[name] = Style.parse(text) if text else None
        table[name + "+bold"] = Style.parse(f"bold {text}".strip())
    return table


class Table:
    """Rows: the header, x, then f, i, o, g, c, h; a column per time step, a bar per unit."""

    def __init__(
        self,
        simulation: LSTMGates,
        width: int,
        mode: Mode,
        styles: PlotStyles,
        thickness: int,
        gap: bool = False,
    ) -> None:
        self.sim = simulation
        self.gap = gap
        self.width = max(width, 1)
        self.ascii_only = mode == "ascii"
        self.styles = styles
        self.thickness = thickness
        named = width >= NAMED_FROM
        spell = ascii_spelling if self.ascii_only else str
        self.labels = {
            key: spell(f"{key}  {_(name)}" if named else key) for key, name in ROW_NAMES.items()
        }
        self.label_width = max(len(text) for text in self.labels.values()) + 1
        self.steps = simulation.length
        self.column = max((self.width - self.label_width) // self.steps, 1)
        hidden = simulation.params.hidden
        self.slot = max(self.column // hidden, 1)
        # Numbers on a row of their own under thick bars, after the bar on thin ones.
        self.number_row = thickness >= 2 and self.slot >= NUMBER_WIDTH + 1
        self.inline_numbers = thickness == 1 and self.slot >= NUMBER_WIDTH + 4
        spare = NUMBER_WIDTH + 1 if self.inline_numbers else 0
        self.bar_area = max(self.slot - 1 - spare, 1)
        self.scale = simulation.cell_scale()
        self.plain = styles.is_plain
        self.style_of = style_table(styles)
        self._bodies: dict[tuple[str, bool, bool], list[Segment]] = {}

    def rows(self) -> Rows:
        """The header and x, then per quantity its bar rows and (when thick) a number row."""
        out: Rows = [self.header(), self.input_row()]
        bar_rows = self.thickness - 1 if self.number_row else self.thickness
        for index, key in enumerate(QUANTITY_ROWS):
            if index and self.gap:
                out.append([])
            for line in range(bar_rows):
                out.append(self.quantity_row(key, line == 0, numbers=False))
            if self.number_row:
                out.append(self.quantity_row(key, False, numbers=True))
        return out

    # ------------------------------------------------------------------ rows
    def header(self) -> list[Segment]:
        current = self.sim.step_count
        row = [Segment(" " * self.label_width)]
        for t in range(1, self.steps + 1):
            here = t == current
            mark = ("v " if self.ascii_only else "▼ ") if here else ""
            number = format_integer(t)
            choices = (f"{mark}t = {number}", f"{mark}{number}", f"{mark.strip()}{number}")
            text = next((c for c in choices if len(c) <= self.column - 1), number)
            style = self.style_of["current"] if here else self.style_of["muted"]
            row.append(Segment(text[: max(self.column - 1, 0)].ljust(self.column), style))
        return row

    def input_row(self) -> list[Segment]:
        row = [Segment(self.labels["x"].ljust(self.label_width), self.style_of["label"])]
        for t, x in enumerate(self.sim.params.sequence, start=1):
            style = self.style_of["current"] if t == self.sim.step_count else None
            row.append(Segment(self.short(x).ljust(self.column), style))
        return row

    def number(self, value: float, digits: int = 2) -> str:
        """A value in the active language (ASCII minus in ASCII mode)."""
        text = format_fixed(value, digits)
        return ascii_spelling(text) if self.ascii_only else text

    def short(self, value: float) -> str:
        """An input with as many decimals (2, 1, 0) as its column holds."""
        for digits in (2, 1, 0):
            text = self.number(value, digits)
            if len(text) <= self.column - 1:
                return text
        return text[: max(self.column - 1, 0)]

    def quantity_row(self, key: str, labelled: bool, numbers: bool) -> list[Segment]:
        """The label (or blanks), then the cells of every time step; a row's cells are built
        once a frame and shared by the rows of one thick bar."""
        label = self.labels[key] if labelled else ""
        cache_key = (key, labelled and self.inline_numbers, numbers)
        body = self._bodies.get(cache_key)
        if body is None:
            parts: list[tuple[str, str]] = []
            for t in range(self.steps):
                self.cell(parts, key, t, labelled, numbers)
            body = self._bodies[cache_key] = self.segments(parts)
        return [Segment(label.ljust(self.label_width), self.style_of["label"]), *body]

    def segments(self, parts: list[tuple[str, str]]) -> list[Segment]:
        """(text, style name) pairs as Segments: runs of one style merged, and blanks joined to
        the run before them (a space looks the same in any foreground style)."""
        out: list[Segment] = []
        texts: list[str] = []
        current: Style | None = None
        style_of = self.style_of
        for text, name in parts:
            style = style_of[name]
            if style is not current and texts and text.strip():
                out.append(Segment("".join(texts), current))
                texts = []
            if not texts:
                current = style
            texts.append(text)
        if texts:
            out.append(Segment("".join(texts), current))
        return out

    def cell(
        self, parts: list[tuple[str, str]], key: str, t: int, labelled: bool, numbers: bool
    ) -> None:
        """One time step's bars (or numbers) of ``key``, one per unit, ``column`` cells wide."""
        if t >= len(self.sim.steps):
            dot = "·" if not self.ascii_only else "."
            parts.append(((dot if labelled or numbers else "").ljust(self.column), "muted"))
            return
        used = 0
        values = self.sim.steps[t].gates[key]
        bold = "+bold" if t + 1 == self.sim.step_count else ""
        for value in values.tolist():
            if used + self.slot > self.column:
                break
            if numbers:
                parts.append((self.number_under(key, value), "plain" + bold))
            else:
                self.bar(parts, key, value, labelled, bold)
            used += self.slot
        parts.append((" " * (self.column - used), ""))

    def fraction(self, key: str, value: float) -> float:
        """How far the bar reaches: c against the largest |c| (at least 1), the rest as is."""
        return value / self.scale if key == "c" else value

    def bar(
        self, parts: list[tuple[str, str]], key: str, value: float, labelled: bool, bold: str
    ) -> None:
        """One unit's bar in ``slot`` cells (with its number after it when the rows are thin)."""
        area = self.bar_area
        if key in SIGNED:
            drawn = self.signed(self.fraction(key, value), area)
        else:
            drawn = [(self.positive(value, area), "positive")]
        parts.extend((text, name + bold) for text, name in drawn)
        if self.inline_numbers:
            text = " " + self.number(value).rjust(NUMBER_WIDTH) if labelled else ""
            parts.append((text.ljust(NUMBER_WIDTH + 1), "plain" + bold))
        spare = NUMBER_WIDTH + 1 if self.inline_numbers else 0
        parts.append((" " * (self.slot - area - spare), ""))

    def number_under(self, key: str, value: float) -> str:
        """The number under its bar: by the zero line on the bar's side for g, c and h."""
        text = self.number(value)
        width = self.slot
        if key in SIGNED:
            zero = (self.bar_area - 1) // 2
            if value < 0:
                start = max(zero - len(text), 0)
            else:  # a blank kept at the slot's end: the next unit's number may start its slot
                start = min(zero + 1, max(width - 1 - len(text), 0))
            placed = (" " * start + text)[:width]
        else:
            placed = text[:width]
        return placed.ljust(width)

    def positive(self, fraction: float, area: int) -> str:
        """A bar growing right over ``area`` cells for ``fraction`` in 0 … 1."""
        fraction = min(max(fraction, 0.0), 1.0) if math.isfinite(fraction) else 0.0
        if self.ascii_only:
            full = int(fraction * area + 0.5)
            return ("#" * full).ljust(area)
        eighths = round(fraction * area * 8)
        full, rest = divmod(eighths, 8)
        text = "█" * full + (EIGHTHS[rest] if rest else "")
        return text.ljust(area)

    def signed(self, fraction: float, area: int) -> list[tuple[str, str]]:
        """A bar around a zero line in the middle of ``area`` cells, ``fraction`` in −1 … 1.

        Fewer than three cells hold no zero line: one character then shows the size (a
        block as high as the value, or a denser ASCII character), the colour the sign."""
        fraction = min(max(fraction, -1.0), 1.0) if math.isfinite(fraction) else 0.0
        name = "positive" if fraction >= 0 else "negative"
        if area < 3:
            ramp = DENSITY_RAMP if self.ascii_only else LOWER_BLOCKS
            glyph = ramp[min(int(abs(fraction) * (len(ramp) - 1) + 0.5), len(ramp) - 1)]
            return [(glyph.ljust(area), name)]
        left = (area - 1) // 2
        right = area - 1 - left
        zero = "|" if self.ascii_only else "│"
        if fraction >= 0:
            return [(" " * left + zero, "axis"), (self.positive(fraction, right), name)]
        return [*self.negative(-fraction * left, left), (zero + " " * right, "axis")]

    def negative(self, cells: float, left: int) -> list[tuple[str, str]]:
        """A bar of ``cells`` growing left from the zero line, right-aligned in ``left`` cells.

        Unicode has no right-aligned eighths: with colours the tip is a left-aligned eighth
        drawn reversed (its gap is the coloured part); without, a half block or a thin line.
        """
        eighths = min(round(cells * 8), left * 8)
        full, rest = divmod(eighths, 8)
        if self.ascii_only:
            body = "#" * (full + (1 if rest >= 4 else 0))
            return [(body.rjust(left), "negative")]
        if rest and not self.plain:
            pad = " " * (left - full - 1)
            return [(pad, ""), (EIGHTHS[8 - rest], "reversed"), ("█" * full, "negative")]
        tip = "" if not rest else ("▐" if rest >= 3 else "▕")
        return [((tip + "█" * full).rjust(left), "negative")]
