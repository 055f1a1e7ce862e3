"""The linear-maps demo in words: what the map is, the slide's point about it, and its
matrix and points written as the lecture writes them."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from oppija.arrays import Array
from oppija.i18n import N_, _, current_language, format_decimal
from oppija.sims.linear_maps import EXAMPLE_POINT, LinearMaps
from oppija.text import ascii_spelling

TITLES = {
    "rotation": N_("Rotation by {angle}°"),
    "shear": N_("Shear"),
    "reflection": N_("Reflection in the x axis"),
    "scaling": N_("Scaling"),
    "composition": N_("Two linear maps in a row"),
    "tanh": N_("A tanh layer: tanh(Wx + b)"),
    "translation": N_("Translation x ↦ x + b"),
    "typed": N_("The map x ↦ Ax"),
}
CAPTIONS = {
    "linear": N_(
        "A linear map keeps the origin in place: straight lines stay straight and parallel "
        "lines stay parallel."
    ),
    "composition": N_(
        "A composition of linear maps is linear: B(Ax) = (BA)x, one matrix, the product BA."
    ),
    "tanh": N_(
        "After tanh straight lines bend: a layer with an activation function transforms the "
        "space in a way no matrix can, and a network learns such transformations."
    ),
    "translation": N_(
        "A translation moves the origin too, so it is not linear: x ↦ x + b is an affine map."
    ),
}


def number_text(value: float) -> str:
    """A matrix entry or coordinate with up to 3 decimals, never "−0"."""
    return _number_text(round(float(value), 3) + 0.0, current_language())


@lru_cache(maxsize=512)
def _number_text(value: float, language: str) -> str:
    """Remembered: Babel takes a tenth of a millisecond a number, and a frame shows twenty."""
    return format_decimal(value, 3)


def vector_text(vector: Array) -> str:
    """(a; b), as the lecture writes vectors."""
    return "(" + "; ".join(number_text(v) for v in vector) + ")"


def matrix_inline(matrix: Array) -> str:
    """[[a, b], [c, d]] on one line, rows separated by semicolons: [a b; c d]."""
    rows = ["  ".join(number_text(v) for v in row) for row in np.asarray(matrix)]
    return "[" + "; ".join(rows) + "]"


def title(simulation: LinearMaps) -> str:
    """What the map is, in the active language."""
    if simulation.params.matrix is not None and simulation.kind == "linear":
        return _(TITLES["typed"])
    if simulation.kind == "rotation":
        return _(TITLES["rotation"]).format(angle=format_decimal(simulation.params.angle, 1))
    return _(TITLES[simulation.params.preset])


def caption(simulation: LinearMaps) -> str:
    """The slide's point about this map, in one sentence."""
    key = simulation.kind if simulation.kind in CAPTIONS else "linear"
    return _(CAPTIONS[key])


def linear_maps_readout(simulation: LinearMaps, ascii_only: bool = False) -> list[str]:
    """What the map is, its matrix, t, where p goes, and the slide's point."""
    kind = simulation.kind
    name = "W" if kind == "tanh" else ("BA" if kind == "composition" else "A")
    start, end = np.array(EXAMPLE_POINT), simulation.example_path()[-1]
    lines = [
        title(simulation),
        f"{name} = {matrix_inline(simulation.matrix)}",
        f"t = {format_decimal(simulation.t, 2)}",
        f"p = {vector_text(start)} ↦ {vector_text(end)}",
        caption(simulation),
    ]
    if simulation.kind == "translation":
        lines.insert(2, f"b = {vector_text(simulation.offset)}")
    if ascii_only:
        return [ascii_spelling(line) for line in lines]
    return lines
