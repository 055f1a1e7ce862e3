"""Practice questions for the convolution demo: the next cell of the feature map.

The answer is the engine's sum for the kernel's next position, which the demo then writes with
at most two decimals. Positions whose window is all dark (every pixel 0) ask nothing: the sum
of nine zeros teaches nothing, so the demo shows them on the way.
"""

from __future__ import annotations

import numpy as np

from oppija.arrays import Array
from oppija.i18n import _
from oppija.practice.question import Question
from oppija.scenes.words.conv import number, product_terms
from oppija.sims.conv import Convolution

DECIMALS = 2  # the demo writes pixels, weights and outputs with at most two decimals


def next_question(simulation: Convolution) -> Question | None:
    """The output at the kernel's next position, unless its window is dark or the map is done."""
    if simulation.status != "running" or simulation.step_count >= simulation.last_index:
        return None
    row, col = divmod(simulation.step_count + 1, simulation.output_shape[1])
    patch: Array = simulation.patches[row, col]
    if not np.any(patch):
        return None
    kernel = simulation.kernel
    value = float(simulation.sums[row, col])
    terms = " + ".join(product_terms(patch, kernel))
    return Question(
        prompt=_("output ({row}, {col}) = ?").format(row=row + 1, col=col + 1),
        formula=_("Σ pixel · weight over the window; window {patch}, kernel {kernel}").format(
            patch=_matrix(patch), kernel=_matrix(kernel)
        ),
        answer=value,
        hint=_("multiply each pixel by the weight on it, then add up all nine products"),
        filled=f"{terms} = ?",
        diagnoses=(
            (float(patch.sum()), _("that is the sum of the pixels: multiply each by its weight")),
            (-value, _("the sign is off: mind the negative weights")),
        ),
        decimals=DECIMALS,
        written=number(value),
    )


def _matrix(values: Array) -> str:
    """(0 1 1; 0 1 1; 0 1 1): rows by semicolons, as the lecture writes matrices."""
    return "(" + "; ".join(" ".join(number(v) for v in row) for row in values) + ")"


def given_lines(simulation: Convolution) -> list[str]:
    """The picture's name and the kernel the exercise uses."""
    return [
        _("picture: {image}, kernel {kernel}, stride {stride}, padding {padding}").format(
            image=simulation.params.image,
            kernel=_matrix(simulation.kernel),
            stride=simulation.params.stride,
            padding=simulation.params.padding,
        )
    ]
