"""The transfer demo's picture: two learning curves on the small task, and what they mean.

Left the error on task 2's training points, right the accuracy on new points of task 2, each
for the fine-tuned network and the one trained from scratch (named at the curves' ends, so they
read without colour). Below: what the two tasks are, how many numbers each network learns, and
once the run is done the outcome in one sentence.
"""

from __future__ import annotations

import textwrap

import numpy as np
from rich.segment import Segment

from oppija.i18n import _, format_integer
from oppija.plot import Chart
from oppija.scenes.playground import curve_pair, error_pair, exact
from oppija.scenes.rows import Rows, fit, text_row
from oppija.scenes.view import View
from oppija.scenes.words.status import status_sentence
from oppija.sims.transfer import TransferLearning

MIN_CHART_WIDTH = 30  # below twice this (and a gap) only the error chart is drawn
SHOWN_EPOCHS = 500  # the x axis spans the whole run up to this many epochs, then grows


def draw_transfer(simulation: TransferLearning, view: View) -> Rows:
    """The error and the accuracy per epoch of both networks, the explanation below."""
    width, height, styles = view.width, view.height, view.styles
    room = 3 if height >= 14 else 1 if height >= 8 else 0
    lines = explanation(simulation, width, room)
    body = max(height - len(lines), 1)
    if width >= 2 * MIN_CHART_WIDTH + 2:
        left = (width - 2) // 2
        right = width - left - 2
        error = exact(error_chart(simulation, view.sized(left, body)), left, body)
        accuracy = exact(accuracy_chart(simulation, view.sized(right, body)), right, body)
        gap = Segment("  ")
        rows = [[*a, gap, *b] for a, b in zip(error, accuracy, strict=True)]
    else:
        rows = exact(error_chart(simulation, view.sized(width, body)), width, body)
    text_rows = [
        text_row(view.spell(line), width, styles.label if stands_out else styles.muted)
        for line, stands_out in lines
    ]
    picture = [*rows, *text_rows]
    return picture if len(picture) == height else fit(picture, width, height)


def explanation(simulation: TransferLearning, width: int, room: int) -> list[tuple[str, bool]]:
    """What the tasks are, then what learns — or, once ended, the outcome — wrapped to
    ``width`` in at most ``room`` lines, as (line, stands out) pairs. With too few rows the
    second part wins: it says the most."""
    counts = simulation.trainable_parameters
    if simulation.params.mode == "last":
        learning = _(
            "Fine-tuning only the last layer (the others are frozen): {tuned} numbers learn, "
            "from scratch {scratch}."
        )
    else:
        learning = _("Fine-tuning all layers: {tuned} numbers learn, from scratch {scratch}.")
    learning = learning.format(
        tuned=format_integer(counts["fine_tuned"]), scratch=format_integer(counts["scratch"])
    )
    ended = status_sentence(simulation)
    tasks = textwrap.wrap(simulation.task_line(), max(width, 8))
    second = textwrap.wrap(ended or learning, max(width, 8))[:room]
    if len(tasks) + len(second) > room:
        tasks = []
    return [*((line, False) for line in tasks), *((line, bool(ended)) for line in second)]


def x_range(simulation: TransferLearning) -> tuple[float, float]:
    """Epochs from 0 to the end of the run (up to :data:`SHOWN_EPOCHS`): curves grow into it."""
    return 0.0, float(max(simulation.epoch, min(simulation.params.steps, SHOWN_EPOCHS), 10))


def error_chart(simulation: TransferLearning, view: View) -> Chart:
    """The error on task 2's training points per epoch, both networks."""
    runs = simulation.runs
    tuned = np.asarray(runs["fine_tuned"].losses, dtype=np.float64)
    scratch = np.asarray(runs["scratch"].losses, dtype=np.float64)
    return error_pair(
        view,
        x_range(simulation),
        (tuned, _("fine-tuned")),
        (scratch, _("from scratch")),
        _("Task 2: error on the training points"),
    )


def accuracy_chart(simulation: TransferLearning, view: View) -> Chart:
    """The share of new points of task 2 classified correctly, in per cent, both networks."""
    runs = simulation.runs
    tuned = 100 * np.asarray(runs["fine_tuned"].test_accuracies, dtype=np.float64)
    scratch = 100 * np.asarray(runs["scratch"].test_accuracies, dtype=np.float64)
    chart = view.chart(
        x_range(simulation),
        (0.0, 105.0),
        x_label=_("epoch"),
        y_label="%",
        title=_("Task 2: accuracy on new points"),
    )
    curve_pair(chart, (tuned, _("fine-tuned")), (scratch, _("from scratch")), view.styles)
    return chart
