"""The convolution demo in sentences: where the kernel is, the output as a sum of nine
products, the output size formula with this run's numbers, and parameter sharing in numbers."""

from __future__ import annotations

from oppija.arrays import Array
from oppija.i18n import _, format_decimal, format_integer
from oppija.scenes.words.status import status_line
from oppija.sims.conv import KERNEL_SIZE, Convolution, output_size, parameter_counts
from oppija.text import ascii_spelling


def number(value: float) -> str:
    """A pixel, weight or output as the learner reads it: at most two decimals."""
    return format_decimal(float(value), 2)


def product_terms(patch: Array, kernel: Array) -> list[str]:
    """The nine products written out, row by row: '1·(−1)', '0·8' (negative weights bracketed)."""
    terms = []
    for pixel, weight in zip(patch.ravel(), kernel.ravel(), strict=True):
        written = number(weight)
        if weight < 0:
            written = f"({written})"
        terms.append(f"{number(pixel)}·{written}")
    return terms


def sum_text(patch: Array, kernel: Array, value: float, ascii_only: bool = False) -> str:
    """'1·(−1) + 0·(−1) + … = 3': the output as the sum of its nine products."""
    return spell(" + ".join(product_terms(patch, kernel)) + f" = {number(value)}", ascii_only)


def size_text(size: int, stride: int, padding: int, ascii_only: bool = False) -> str:
    """The output size formula with this run's numbers: (n + 2p − k)/s + 1 = …, with ⌊ ⌋ when
    the kernel's last step does not reach the far edge exactly."""
    inner = f"{size} + 2·{padding} − {KERNEL_SIZE}"
    exact = (size + 2 * padding - KERNEL_SIZE) % stride == 0
    if exact:
        formula, numbers = "(n + 2p − k)/s + 1", f"({inner})/{stride} + 1"
    elif ascii_only:
        formula, numbers = "floor((n + 2p - k)/s) + 1", f"floor(({inner})/{stride}) + 1"
    else:
        formula, numbers = "⌊(n + 2p − k)/s⌋ + 1", f"⌊({inner})/{stride}⌋ + 1"
    result = output_size(size, stride, padding)
    line = _("Output size: {formula} = {numbers} = {result}").format(
        formula=formula, numbers=numbers, result=format_integer(result)
    )
    return spell(line, ascii_only)


def parameters_text(
    image_shape: tuple[int, int], output_shape: tuple[int, int], ascii_only: bool = False
) -> str:
    """Parameter sharing in one sentence: this kernel's 9 + 1 against a dense layer's count."""
    counts = parameter_counts(image_shape, output_shape)
    inputs = image_shape[0] * image_shape[1]
    outputs = output_shape[0] * output_shape[1]
    line = _(
        "Parameters: this convolution 9 + 1 = {conv}; a dense layer from the same {inputs} "
        "pixels to the same {outputs} outputs {inputs} · {outputs} + {outputs} = {dense}"
    ).format(
        conv=format_integer(counts["conv"]),
        inputs=format_integer(inputs),
        outputs=format_integer(outputs),
        dense=format_integer(counts["dense"]),
    )
    return spell(line, ascii_only)


def spell(text: str, ascii_only: bool) -> str:
    """``text`` for an ASCII terminal when asked: symbols spelled out, Estonian letters kept."""
    return ascii_spelling(text) if ascii_only else text


def position_line(simulation: Convolution) -> str:
    """Where the kernel is: the position's number and its cell, counted from 1."""
    row, col = simulation.position
    return _("Position {k} of {n}: row {row}, column {col}").format(
        k=format_integer(simulation.step_count + 1),
        n=format_integer(simulation.last_index + 1),
        row=format_integer(row + 1),
        col=format_integer(col + 1),
    )


def conv_readout(simulation: Convolution, ascii_only: bool = False) -> list[str]:
    """Where the kernel is, its sum, the status (the picture has the sizes and parameters)."""
    lines = [
        position_line(simulation),
        sum_text(simulation.patch, simulation.kernel, simulation.value, ascii_only),
        status_line(simulation),
    ]
    return [spell(line, ascii_only) for line in lines]
