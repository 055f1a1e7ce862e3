"""The softmax picture: logits as bars, the probabilities as bars beside them, the error below.

Left the logits zᵢ (the one that u and d move marked ▶), right pᵢ = softmax(z/T) drawn against
1 (so sharpening and flattening show as lengths), then the one-hot target y with the right
class marked ◀, Σp = 1, and under it the formula, 𝓔 = −ln p_target with its numbers, the
gradient (p − y)/T and what a step does.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np
from rich.segment import Segment
from rich.style import Style

from oppija.i18n import _, format_decimal, format_fixed
from oppija.plot import Mode, PlotStyles, bar_chart
from oppija.scenes.rows import Rows, fit, side_by_side, text_row
from oppija.scenes.view import View
from oppija.scenes.words.softmax import step_sentence
from oppija.scenes.words.status import status_sentence
from oppija.sims.softmax import Softmax, probabilities_at
from oppija.text import subscript, superscript

SIDE_BY_SIDE_FROM = 56  # narrower: only the probabilities (the logits are in the readout)
TARGET_COLUMN = 6  # " y ◀ 1"
MAX_BAR_ROWS = 4  # a class's bar is at most this many rows thick
SLIDE_TEMPERATURES = (0.5, 1.0, 2.0, 5.0)  # the rows of the slide's temperature table


def draw_softmax(simulation: Softmax, view: View) -> Rows:
    """Logit bars, probability bars with the target, Σp = 1, then the numbers in sentences and,
    when there is room, the same logits at the slide's temperatures."""
    width, height, mode, styles = view.width, view.height, view.mode, view.styles
    spell = view.spell
    count = len(simulation.logits)
    wrapped: list[str] = []
    for line in text_lines(simulation):
        wrapped.extend(textwrap.wrap(spell(line), max(width, 10)) or [""])
    # The bars come first; the lines below get what is left, most important first.
    shown = wrapped[: max(height - count - 2, 0)]
    table = [spell(line) for line in temperature_lines(simulation)]
    if height - 2 - 2 * count - len(shown) < len(table) + 1:
        table = []
    free = height - len(shown) - 2 - (len(table) + 1 if table else 0)
    thickness = max(1, min(MAX_BAR_ROWS, free // max(count, 1)))
    gap = 1 if thickness > 1 and free >= count * (thickness + 1) - 1 else 0

    rows = bar_panels(simulation, width, mode, styles, thickness, gap)
    rows.extend(text_row(line, width, None) for line in shown)
    if table:
        rows.append([])
        rows.append(text_row(table[0], width, styles.label))
        current = simulation.temperature
        for line, temperature in zip(table[1:], table_temperatures(current), strict=True):
            here = abs(temperature - current) <= 1e-9 * current
            rows.append(text_row(line, width, styles.current if here else styles.muted))
    return fit(rows, width, height)


def table_temperatures(current: float) -> list[float]:
    """The slide's temperatures (0,5, 1, 2, 5) and the current one, in order."""
    chosen = set(SLIDE_TEMPERATURES)
    if not any(abs(t - current) <= 1e-9 * current for t in chosen):
        chosen.add(current)
    return sorted(chosen)


def temperature_lines(simulation: Softmax) -> list[str]:
    """A title, then one line per temperature: T and softmax(z/T), computed by the engine."""
    lines = [_("The same logits at other temperatures:")]
    current = simulation.temperature
    for temperature in table_temperatures(current):
        probabilities = probabilities_at(simulation.logits, temperature)
        here = "▶" if abs(temperature - current) <= 1e-9 * current else " "
        values = "; ".join(format_fixed(p, 3) for p in probabilities)
        lines.append(f"{here} T = {format_decimal(temperature, 2):>5}   p = ({values})")
    return lines


def text_lines(simulation: Softmax) -> list[str]:
    """Under the bars, most important first: 𝓔, the formula, the gradient, what a step does."""
    k = subscript(simulation.target)
    p_target = float(simulation.probabilities[simulation.target])
    one_hot = "; ".join(
        "1" if i == simulation.target else "0" for i in range(len(simulation.logits))
    )
    gradient = "; ".join(format_fixed(g, 3) for g in simulation.gradient)
    temperature = format_decimal(simulation.temperature, 2)
    sentence = status_sentence(simulation) or step_sentence(simulation)
    p_text = probability_text(p_target, simulation.cross_entropy)
    return [
        f"y = ({one_hot}),  𝓔 = −Σᵢ yᵢ·ln pᵢ = −ln p{k} = −ln {p_text} = "
        f"{format_fixed(simulation.cross_entropy, 3)}",
        f"pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T),  T = {temperature}",
        f"∂𝓔/∂z = (p − y)/T = ({gradient})",
        sentence,
    ]


def probability_text(p: float, error: float) -> str:
    """p of the right class written so that −ln p = 𝓔 stays true to the three decimals of 𝓔.

    Three significant digits (0,659; 0,0991) where they do, more where they do not; below 0,001
    scientific notation, 1,37·10⁻⁸⁶⁸⁵⁹, worked out from 𝓔 itself (p = e^−𝓔), so that a p that
    float64 rounds to 0 (𝓔 = 200 000) is still written truly, never "−ln 0,000 = 200 000".
    """
    if not math.isfinite(error) or p >= 1.0:
        return format_fixed(p, 3)
    target = format_fixed(error, 3)
    log10_p = -error / math.log(10.0)
    power = math.floor(log10_p)
    if power >= -3:  # 0,001 ≤ p < 1: a plain decimal
        first = max(3, 2 - power)
        for decimals in range(first, first + 4):
            shown = round(p, decimals)
            if shown > 0 and format_fixed(-math.log(shown), 3) == target:
                break
        return format_fixed(p, decimals)
    mantissa = 10.0 ** (log10_p - power)
    for decimals in range(2, 7):
        shown = round(mantissa, decimals)
        if shown >= 10.0:  # 9,996 rounds up to the next power
            shown, power = shown / 10.0, power + 1
        if format_fixed(-(math.log(shown) + power * math.log(10.0)), 3) == target:
            break
    return f"{format_fixed(shown, decimals)}·10{superscript(power)}"


def bar_panels(
    simulation: Softmax,
    width: int,
    mode: Mode,
    styles: PlotStyles,
    thickness: int,
    gap: int,
) -> Rows:
    """The header, the two bar charts side by side (or only p when narrow), and Σp."""
    ascii_only = mode == "ascii"
    count = len(simulation.logits)
    together = width >= SIDE_BY_SIDE_FROM
    right_width = (width - 2) // 2 + 2 if together else width
    left_width = width - right_width - 2 if together else 0
    p_width = max(right_width - TARGET_COLUMN, 4)

    marker = ">" if ascii_only else "▶"
    logit_labels = [
        (marker if i == simulation.selected else " ") + f"z{i if ascii_only else subscript(i)}"
        for i in range(count)
    ]
    p_labels = [f"p{i if ascii_only else subscript(i)}" for i in range(count)]
    probabilities = np.append(simulation.probabilities, 1.0)  # drawn against 1: dropped below
    p_rows = bar_chart(
        probabilities,
        [*p_labels, ""],
        p_width,
        styles,
        mode,
        value_format=lambda v: format_fixed(v, 3),
    )[:count]
    target_style = Style.parse(styles.current) if styles.current else None
    for i, row in enumerate(p_rows):
        if i == simulation.target:
            row.append(Segment(" < 1" if ascii_only else " ◀ 1", target_style))
        else:
            row.append(Segment("   0", None))
    right = thick(p_rows, thickness, gap, tail=2)
    y_title = "y"
    header_right = "p = softmax(z/T)"
    header_right = header_right.ljust(max(p_width + 2, len(header_right) + 1)) + y_title
    total = float(np.sum(simulation.probabilities))
    sum_text = f"{'sum p' if ascii_only else 'Σp'} = {format_fixed(total, 3)}"
    right = [
        text_row(header_right, right_width, styles.label),
        *right,
        text_row(sum_text, right_width, styles.tick),
    ]
    if not together:
        return right
    logit_rows = bar_chart(
        simulation.logits,
        logit_labels,
        left_width,
        styles,
        mode,
        value_format=lambda v: format_fixed(v, 2),
    )
    left = [
        text_row(_("logits z"), left_width, styles.label),
        *thick(logit_rows, thickness, gap, tail=1),
    ]
    return side_by_side(left, right, left_width, right_width)


def thick(rows: Rows, thickness: int, gap: int, tail: int) -> Rows:
    """Each bar ``thickness`` rows thick (label and numbers on the middle row), ``gap`` blank
    rows between bars: a three-class chart fills a tall picture instead of three thin lines.
    ``tail`` is how many segments at a row's end are text (the value, the target mark)."""
    out: Rows = []
    middle = thickness // 2
    for index, row in enumerate(rows):
        if index and gap:
            out.extend([] for _ in range(gap))
        for line in range(thickness):
            out.append(row if line == middle else bar_alone(row, tail))
    return out


def bar_alone(row: list[Segment], tail: int) -> list[Segment]:
    """The row with its label (the first segment) and its last ``tail`` segments blanked."""
    if len(row) < tail + 1:
        return row
    blank = [Segment(" " * segment.cell_length) for segment in row[len(row) - tail :]]
    return [Segment(" " * row[0].cell_length), *row[1 : len(row) - tail], *blank]
