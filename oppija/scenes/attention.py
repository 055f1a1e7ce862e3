"""The attention demo's picture: heat maps of attention weights, the output so far, the softmax.

Decoding view: the input and the output written so far, one heat map per head side by side
(rows are the output steps, columns the input words; each row is a softmax and sums to 1), and
the softmax's most likely words for the last step as bars. Where the heads do not fit side by
side, only the chosen head is drawn (``,`` and ``.`` choose it). Walk-through view: the five
steps of the encoder's self-attention, each with its shapes, and for step 4 the score table
QKᵀ/√dₖ of the chosen head beside its softmax rows with their sums.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.arrays import Array
from oppija.i18n import _, current_language, format_fixed, format_integer, format_percent
from oppija.plot import Mode, PlotStyles
from oppija.plot.glyphs import DENSITY_RAMP, EIGHTHS
from oppija.plot.legend import LegendEntry, colour_bar, legend_rows
from oppija.scenes.marked_subscripts import ascii_marked, indexed, marked_row
from oppija.scenes.rows import Rows, fit, row_width, text_row
from oppija.scenes.view import View
from oppija.sims.attention import Attention
from oppija.sims.attention_model import END
from oppija.text import ascii_spelling, subscript

GAP = 3  # columns between two heads' heat maps
MAX_LABEL = 12  # the longest word label before it is cut
NUMBERS_FROM = 5  # a heat-map cell this wide shows its weight as a number


@lru_cache(maxsize=8192)
def _fixed(language: str, value: float, digits: int) -> str:
    return format_fixed(value, digits)


def fixed(value: float, digits: int = 2) -> str:
    """``format_fixed`` remembered per language and rounded value: a frame writes hundreds of
    numbers, and Babel is slow."""
    if not np.isfinite(value):
        return format_fixed(value, digits)
    return _fixed(current_language(), round(float(value), digits) + 0.0, digits)


@lru_cache(maxsize=512)
def _percent(language: str, value: float) -> str:
    return format_percent(value)


@lru_cache(maxsize=64)
def _style(text: str) -> Style | None:
    return Style.parse(text) if text else None


def cut(word: str, width: int) -> str:
    """A word in at most ``width`` cells ('…' marks a cut; '.' in ASCII mode)."""
    if width <= 0:
        return ""
    if len(word) <= width:
        return word
    mark = "." if word.isascii() else "…"
    return word[: width - 1] + mark if width > 1 else word[:1]


class Painter:
    """What every part of the picture needs: the mode's spelling, the styles, heat shades."""

    def __init__(self, mode: Mode, styles: PlotStyles) -> None:
        self.ascii_only = mode == "ascii"
        self.styles = styles
        self.plain = styles.is_plain
        self.spell: Callable[[str], str] = ascii_spelling if self.ascii_only else str
        self.heat = [_style(shade) for shade in styles.heat]
        self.label = _style(styles.label)
        self.muted = _style(styles.muted)
        self.accent = _style(styles.accent)
        self.tick = _style(styles.tick)

    def line(self, text: str, width: int, style: str | None = None) -> list[Segment]:
        """One line of text; W with Q as the lecture writes it (:func:`indexed`)."""
        if self.ascii_only:
            return text_row(self.spell(ascii_marked(text)), width, style)
        return marked_row(self.spell(text), width, style)

    def cell(self, weight: float, width: int, numbers: bool) -> Segment:
        """One heat-map cell: its shade, and its weight as a number where it fits."""
        level = min(max(int(weight * len(self.heat)), 0), len(self.heat) - 1)
        if numbers:
            text = fixed(weight).rjust(width - 1) + " "
        elif self.plain:
            ramp = DENSITY_RAMP[min(int(weight * len(DENSITY_RAMP)), len(DENSITY_RAMP) - 1)]
            text = ramp * (width - 1) + " "
        else:
            text = " " * width
        return Segment(text, None if self.plain else self.heat[level])


def heat_map(
    painter: Painter,
    weights: Array,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    rows_total: int,
    label_width: int,
    cell_width: int,
    title: str,
) -> Rows:
    """A title, the column words, then one row per query: its label and a shaded cell per key.

    ``rows_total`` rows are drawn; those not written yet show a faint dot per cell, so the
    map keeps its size while the decoder fills it in.
    """
    spell = painter.spell
    numbers = cell_width >= NUMBERS_FROM
    width = label_width + 1 + cell_width * len(column_labels)
    out: Rows = [fit([[Segment(spell(cut(title, width)), painter.label)]], width, 1)[0]]
    header = "".join(cut(spell(word), cell_width - 1).ljust(cell_width) for word in column_labels)
    out.append([Segment(" " * (label_width + 1)), Segment(header, painter.tick)])
    blank = ("." if painter.ascii_only else "·").center(cell_width)
    for index in range(rows_total):
        label = cut(spell(row_labels[index]), label_width) if index < len(row_labels) else ""
        row = [Segment(label.rjust(label_width) + " ", painter.label)]
        if index < weights.shape[0]:
            row.extend(painter.cell(float(w), cell_width, numbers) for w in weights[index])
        else:
            row.append(Segment(blank * len(column_labels), painter.muted))
        out.append(row)
    return fit(out, width, len(out))


def join_across(blocks: Sequence[Rows], gap: int) -> Rows:
    """Blocks of rows next to each other, the shorter ones padded below."""
    height = max(len(block) for block in blocks)
    widths = [row_width(block[0]) if block else 0 for block in blocks]
    padded = [fit(block, w, height) for block, w in zip(blocks, widths, strict=True)]
    rows: Rows = []
    for index in range(height):
        row: list[Segment] = []
        for number, block in enumerate(padded):
            if number:
                row.append(Segment(" " * gap))
            row.extend(block[index])
        rows.append(row)
    return rows


def probability_bars(painter: Painter, top: Sequence[tuple[str, float]], width: int) -> Rows:
    """The softmax's most likely words as bars on a 0…1 scale, with their percentages."""
    labels = [painter.spell(word) for word, _p in top]
    texts = [painter.spell(_percent(current_language(), round(p, 2))) for _w, p in top]
    label_width = min(max(len(w) for w in labels), MAX_LABEL)
    text_width = max(len(t) for t in texts)
    area = max(width - label_width - text_width - 3, 1)
    style = _style(painter.styles.positive)
    rows: Rows = []
    for label, text, (_word, p) in zip(labels, texts, top, strict=True):
        eighths = round(min(max(p, 0.0), 1.0) * area * 8)
        full, rest = divmod(eighths, 8)
        if painter.ascii_only:
            bar = "#" * full + ("-" if rest >= 4 else "")
        else:
            bar = "█" * full + (EIGHTHS[rest] if rest else "")
        rows.append(
            [
                Segment(cut(label, label_width).rjust(label_width) + " ", painter.label),
                Segment(bar.ljust(area) + " ", style),
                Segment(text.rjust(text_width), painter.tick),
            ]
        )
    return rows


# ------------------------------------------------------------------ decoding
def decoding_rows(sim: Attention, width: int, height: int, painter: Painter) -> Rows:
    p = sim.params
    words = list(p.words)
    task = _("reverse") if p.task == "reverse" else _("copy")
    rows: Rows = [
        painter.line(
            _("Input: {sentence}   task: {task}   heads: {heads}").format(
                sentence=" ".join(words), task=task, heads=format_integer(p.heads)
            ),
            width,
            painter.styles.label,
        ),
        painter.line(
            _("Output: {words}").format(words=" ".join(sim.output) or "…"),
            width,
            painter.styles.accent,
        ),
    ]
    weights = sim.decoding_weights()
    steps_total = len(sim.decoded)
    row_labels = [step["word"] for step in sim.decoded]
    top = sim.current_probabilities()
    bars_height = len(top) + 2 if top else 0
    room = height - len(rows) - 1
    if room - bars_height < 3 + min(steps_total, 2):
        bars_height = 0  # the heat maps come first
    map_rows = max(min(steps_total, room - bars_height - 2), 1)

    label_width = min(max(len(w) for w in [*row_labels, END]), MAX_LABEL)
    heads = list(range(p.heads))
    columns = len(words)

    def cell_width_for(count: int) -> int:
        per_head = (width - GAP * (count - 1)) // count
        return (per_head - min(label_width, per_head // 3) - 1) // columns

    if cell_width_for(p.heads) < 2:
        heads = [sim.head]  # too narrow for all: the chosen head only
    longest = max(len(word) for word in words)
    cell = min(max(cell_width_for(len(heads)), 1), max(9, min(longest, MAX_LABEL) + 1))
    label_width = min(label_width, max((width // len(heads)) // 3, 1))
    blocks = []
    for head in heads:
        if len(heads) < p.heads:
            title = _("head {k} of {n} (, and . choose)").format(
                k=format_integer(head + 1), n=format_integer(p.heads)
            )
        else:
            title = _("head {k}").format(k=format_integer(head + 1))
        shown = weights[head][:map_rows]
        blocks.append(
            heat_map(painter, shown, row_labels, words, map_rows, label_width, cell, title)
        )
    scale = LegendEntry(
        colour_bar("0", "1", painter.styles), painter.spell(_("attention weight; a row sums to 1"))
    )
    rows.extend(legend_rows([scale], width, 1, painter.styles.label) or [[Segment(" ")]])
    rows.extend(join_across(blocks, GAP))
    if bars_height:
        rows.append([Segment(" ")])
        rows.append(
            painter.line(
                _("Step {k}: the most likely words (softmax)").format(
                    k=format_integer(sim.step_count)
                ),
                width,
                painter.styles.label,
            )
        )
        rows.extend(probability_bars(painter, top, min(width, 72)))
    return rows


# ------------------------------------------------------------------ walk-through
def shape(*sizes: int) -> str:
    return " × ".join(format_integer(int(size)) for size in sizes)


def number_table(
    painter: Painter,
    values: Array,
    labels: Sequence[str],
    title: str,
    shaded: bool,
    sums: bool,
) -> Rows:
    """A small table of numbers with the words along both sides; softmax rows shaded and
    followed by their sums."""
    spell = painter.spell
    texts = [[spell(fixed(float(v))) for v in row] for row in values]
    cell = max(max((len(t) for row in texts for t in row), default=4), 4) + 1
    cell = max(cell, min(max(len(w) for w in labels), 7) + 1)
    label_width = min(max(len(w) for w in labels), MAX_LABEL)
    head = "".join(cut(spell(word), cell - 1).rjust(cell - 1) + " " for word in labels)
    sum_head = (" " + spell("Σ").rjust(cell - 1)) if sums else ""
    out: Rows = [
        [Segment(spell(title), painter.label)],
        [Segment(" " * (label_width + 1)), Segment(head + sum_head, painter.tick)],
    ]
    for label, row, numbers in zip(labels, texts, values, strict=True):
        line = [Segment(cut(spell(label), label_width).rjust(label_width) + " ", painter.label)]
        for text, value in zip(row, numbers, strict=True):
            style = None
            if shaded and not painter.plain:
                level = min(max(int(value * len(painter.heat)), 0), len(painter.heat) - 1)
                style = painter.heat[level]
            line.append(Segment(text.rjust(cell - 1) + " ", style))
        if sums:
            line.append(Segment(" " + fixed(float(numbers.sum())).rjust(cell - 1), painter.accent))
        out.append(line)
    width = max(row_width(r) for r in out)
    return fit(out, width, len(out))


def walk_rows(sim: Attention, width: int, height: int, painter: Painter) -> Rows:
    p, walk, model = sim.params, sim.walk, sim.model
    words = list(p.words)
    n, d, dk, heads = len(words), model.width, model.head_width, p.heads
    head = sim.head
    stage = sim.stage
    rows: Rows = [
        painter.line(
            _("Attention in five steps: the encoder's self-attention, head {k} of {n}").format(
                k=format_integer(head + 1), n=format_integer(heads)
            ),
            width,
            painter.styles.label,
        )
    ]
    rows.append(
        painter.line(
            _("1) The input sentence: {sentence} (words: {count})").format(
                sentence=" ".join(words), count=format_integer(n)
            ),
            width,
        )
    )
    if stage >= 2:
        rows.append(
            painter.line(
                _("2) Word vector + position vector, one row a word: X is {shape}").format(
                    shape=shape(n, d)
                ),
                width,
            )
        )
        label_width = min(max(len(w) for w in words), MAX_LABEL)
        fits = max((width - label_width - 3) // 7, 1)
        for word, row in list(zip(words, walk["X"], strict=True))[: max(min(n, 4), 1)]:
            numbers = "  ".join(fixed(float(v)).rjust(5) for v in row[:fits])
            more = " …" if fits < row.size else ""
            rows.append(
                painter.line(
                    f"   {cut(word, label_width).rjust(label_width)}  {numbers}{more}",
                    width,
                    painter.styles.muted,
                )
            )
        if n > 4:
            rows.append(painter.line("   …", width, painter.styles.muted))
    if stage >= 3:
        rows.append(
            painter.line(
                _(
                    "3) Each of the {heads} heads has its own {wq}, {wk}, {wv} ({w}): "
                    "Q = X·{wq}, K = X·{wk}, V = X·{wv}, each {qkv}"
                ).format(
                    heads=format_integer(heads),
                    w=shape(d, dk),
                    qkv=shape(n, dk),
                    wq=indexed("W", "Q"),
                    wk=indexed("W", "K"),
                    wv=indexed("W", "V"),
                ),
                width,
            )
        )
    if stage >= 4:
        rows.append(
            painter.line(
                _(
                    "4) Z = softmax(QKᵀ/√dₖ)·V with dₖ = {dk}, √dₖ ≈ {root}: "
                    "the scores are {scores}, Z is {z}"
                ).format(
                    dk=format_integer(dk),
                    root=fixed(float(np.sqrt(dk))),
                    scores=shape(n, n),
                    z=shape(n, dk),
                ),
                width,
            )
        )
        scores = number_table(
            painter,
            walk["scores"][head],
            words,
            _("QKᵀ/√dₖ, head {k}").format(k=format_integer(head + 1)),
            shaded=False,
            sums=False,
        )
        weights = number_table(
            painter,
            walk["weights"][head],
            words,
            _("softmax of each row: the attention weights"),
            shaded=True,
            sums=True,
        )
        tables = join_across([scores, weights], GAP)
        if row_width(tables[0]) > width:
            tables = [*weights]
        rows.extend(tables)
    if stage >= 5:
        names = "Z" + subscript(1) if heads == 1 else f"Z{subscript(1)} … Z{subscript(heads)}"
        rows.append(
            painter.line(
                _(
                    "5) {names} side by side: {concat}; times {w_o} ({wo}) gives {out}, "
                    "the same shape as X"
                ).format(
                    w_o=indexed("W", "O"),
                    names=names,
                    concat=shape(*walk["concat"].shape),
                    wo=shape(*model.matrices["encoder_o"].shape),
                    out=shape(*walk["output"].shape),
                ),
                width,
            )
        )
    if len(rows) > height:  # keep the title and the newest stage in sight
        rows = [rows[0], *rows[len(rows) - height + 1 :]]
    return rows


def draw_attention(simulation: Attention, view: View) -> Rows:
    """The decoding view's heat maps and softmax, or the walk-through's five steps."""
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    painter = Painter(mode, styles)
    if simulation.view == "decoding":
        rows = decoding_rows(simulation, width, height, painter)
    else:
        rows = walk_rows(simulation, width, height, painter)
    return fit(rows, width, height)


__all__ = ["draw_attention"]
