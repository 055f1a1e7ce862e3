"""A grid and a letter F moved by a map of the plane, animated from the identity to the map.

The lecture's "alternative view": a layer transforms the space. Linear maps (rotation, shear,
reflection, scaling, a typed 2×2 matrix) keep the origin and keep straight lines straight; two
of them in a row are one linear map whose matrix is their product, B(Ax) = (BA)x; a tanh layer
tanh(Wx + b) bends the grid; a translation x ↦ x + b moves the origin, so it is not linear.
Every preset uses the slides' numbers and their point p = (2; 1): R(90°)·p = (−1; 2),
S·p = (3; 1), F·p = (2; −1), SR = [[1, −1], [1, 0]], b = (1; 3) moves p to (3; 4). The maps
are applied with the engine's ops (matrix products, tanh), not by hand.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import Tensor, no_grad
from oppija.sims.base import nice_half_width, plain
from oppija.sims.demo import ReplayedDemo
from oppija.sims.plain import Json

Kind = Literal["rotation", "linear", "composition", "tanh", "translation"]

FRAMES = 20  # steps from the identity to the map (twice as many for two maps in a row)
EXAMPLE_POINT = (2.0, 1.0)  # every slide's example point p
GRID_HALF = 3  # grid lines at −3 … 3
TANH_GRID_HALF = 2  # tanh squashes everything into (−1; 1)²: a smaller grid shows it larger
LINE_SAMPLES = 49  # points along each grid line (a tanh layer bends them)
IDENTITY = ((1.0, 0.0), (0.0, 1.0))
SHEAR = ((1.0, 1.0), (0.0, 1.0))  # k = 1
REFLECTION = ((1.0, 0.0), (0.0, -1.0))  # in the x axis
SCALING = ((2.0, 0.0), (0.0, 0.5))
TRANSLATION = (1.0, 3.0)  # b on the translation slide
# The letter F: not symmetric in any line, so a reflection or a turn shows in it.
LETTER_F = (
    ((0.5, 0.0), (0.5, 2.0), (1.5, 2.0)),
    ((0.5, 1.0), (1.2, 1.0)),
)
# The vector-spaces slide: four points on one line, no longer on one line after tanh.
TANH_LINE = ((-1.0, 2.0), (0.0, 1.0), (1.0, 0.0), (2.0, -1.0))


def rotation(degrees: float) -> Array:
    """R(φ) = [[cos φ, −sin φ], [sin φ, cos φ]], turning counter-clockwise."""
    phi = math.radians(degrees)
    return np.array([[math.cos(phi), -math.sin(phi)], [math.sin(phi), math.cos(phi)]])


def product(left: Array, right: Array) -> Array:
    """The matrix product ``left @ right`` by the engine."""
    with no_grad():
        return (Tensor(left) @ Tensor(right)).data


def apply_matrix(matrix: Array, points: Array) -> Array:
    """Each row p of ``points`` becomes (Ap)ᵀ = pᵀAᵀ: one engine matrix product for all."""
    with no_grad():
        return (Tensor(points) @ Tensor(matrix).T).data


def tanh_layer(weights: Array, bias: Array, points: Array) -> Array:
    """tanh(Wp + b) for every row p, by the engine."""
    with no_grad():
        return ((Tensor(points) @ Tensor(weights).T + Tensor(bias)).tanh()).data


def _polyline(corners: tuple[tuple[float, float], ...], samples: int) -> Array:
    """Points along a polyline, ``samples`` per piece, so that a bending map can bend it."""
    pieces = []
    for (x0, y0), (x1, y1) in itertools.pairwise(corners):
        s = np.linspace(0.0, 1.0, samples, endpoint=False)
        pieces.append(np.column_stack([x0 + s * (x1 - x0), y0 + s * (y1 - y0)]))
    pieces.append(np.array([corners[-1]]))
    return np.concatenate(pieces)


def _with_gaps(lines: list[Array]) -> Array:
    """Polylines joined into one array with a NaN row between them (plots break lines there)."""
    gap = np.full((1, 2), np.nan)
    out: list[Array] = []
    for line in lines:
        if out:
            out.append(gap)
        out.append(line)
    return np.concatenate(out)


def grid_lines(diagonal: bool) -> list[Array]:
    """The grid x = c, y = c (c = −3 … 3), or for tanh the lines x ± y = c (c = −2 … 2).

    The square grid is two polylines that snake up one line and down the next, joined along
    the grid's own border lines, so it draws in two calls with nothing extra inked. An
    element-wise tanh keeps lines parallel to the axes straight; the diagonal grid holds the
    slide's line through (−1; 2) … (2; −1), which bends.
    """
    if not diagonal:
        half = GRID_HALF
        ends = (-float(half), float(half))
        columns, rows = [], []
        for k, c in enumerate(range(-half, half + 1)):
            low, high = ends if k % 2 == 0 else ends[::-1]
            columns += [(float(c), low), (float(c), high)]
            rows += [(low, float(c)), (high, float(c))]
        return [np.array(columns), np.array(rows)]
    half = TANH_GRID_HALF
    s = np.linspace(-half, half, LINE_SAMPLES)
    lines = []
    for c in range(-half, half + 1):
        for sign in (1.0, -1.0):  # x + y = c and x − y = c, inside the square
            ys = sign * (c - s)
            inside = np.abs(ys) <= half + 1e-9
            if inside.sum() >= 2:
                lines.append(np.column_stack([s[inside], ys[inside]]))
    return lines


@dataclass(frozen=True)
class LinearMapsParams:
    """The preset, a typed matrix (row by row: a b c d is [[a, b], [c, d]]) and the angle."""

    preset: str = "rotation"
    matrix: tuple[float, ...] | None = None
    angle: float = 90.0  # the slide turns the grid by 90°


class LinearMaps(ReplayedDemo):
    """The plane under a map, at a time t from 0 (the identity) to 1 (the whole map)."""

    name = "linear-maps"
    params: LinearMapsParams
    params_type = LinearMapsParams

    def changed(self, **values: object) -> LinearMaps:
        """A new run; choosing a preset starts from that preset (matrix and angle dropped)."""
        merged = dict(values) if "preset" in values else {**self.settings, **values}
        return LinearMaps(**merged)

    # ------------------------------------------------------------------ the map
    def begin(self) -> None:
        self._build_map()
        self.frames = 2 * FRAMES if self.kind == "composition" else FRAMES
        bends = self.kind == "tanh"
        # A linear map keeps lines straight, so corners are enough; tanh bends them, so its
        # lines carry every sample.
        lines = grid_lines(diagonal=bends)
        if bends:
            strokes = [_polyline((TANH_LINE[0], TANH_LINE[-1]), 3 * LINE_SAMPLES)]
            self.shape_points = np.array(TANH_LINE)
        else:
            strokes = [np.array(stroke) for stroke in LETTER_F]
            self.shape_points = np.array([p for stroke in LETTER_F for p in stroke])
        self.grid_lines, self.shape_strokes = lines, strokes
        self.grid = _with_gaps(lines)
        self.shape = _with_gaps(strokes)
        self.half_width = self._view_half_width()

    def _build_map(self) -> None:
        """The matrices (and offset) of the chosen preset, with a typed matrix in its place."""
        preset, typed = self.params.preset, self.params.matrix
        given = None if typed is None else np.array(typed, dtype=np.float64).reshape(2, 2)
        self.offset = np.zeros(2)
        self.first: Array | None = None  # composition: the first map A
        self.second: Array | None = None  # composition: the second map B
        if preset == "composition":
            self.kind: Kind = "composition"
            self.first = rotation(self.params.angle)
            self.second = np.array(SHEAR) if given is None else given
            self.matrix = product(self.second, self.first)  # B(Ax) = (BA)x
        elif preset == "tanh":
            self.kind = "tanh"
            self.matrix = np.array(IDENTITY) if given is None else given
        elif preset == "translation":
            self.kind = "translation"
            self.matrix = np.array(IDENTITY) if given is None else given
            self.offset = np.array(TRANSLATION)
        elif given is not None:
            self.kind = "linear"
            self.matrix = given
        elif preset == "rotation":
            self.kind = "rotation"
            self.matrix = rotation(self.params.angle)
        else:
            self.kind = "linear"
            self.matrix = np.array({"shear": SHEAR, "reflection": REFLECTION}.get(preset, SCALING))

    @property
    def is_linear(self) -> bool:
        return self.kind in ("rotation", "linear", "composition")

    def matrix_at(self, t: float) -> Array | None:
        """The one matrix of the map at time t (None for tanh, which has none)."""
        if self.kind == "tanh":
            return None
        if self.kind == "rotation":
            return rotation(t * self.params.angle)
        if self.kind == "composition":
            assert self.first is not None and self.second is not None
            if t <= 0.5:
                return rotation(2 * t * self.params.angle)
            s = 2 * t - 1
            return product((1 - s) * np.eye(2) + s * self.second, self.first)
        return (1 - t) * np.eye(2) + t * self.matrix

    def mapped_lines(self, lines: list[Array]) -> list[Array]:
        """Several polylines under the map now, mapped in one call and split again."""
        if not lines:
            return []
        moved = self.mapped(np.concatenate(lines))
        return np.split(moved, np.cumsum([len(line) for line in lines])[:-1])

    def mapped(self, points: Array, t: float | None = None) -> Array:
        """``points`` (rows, NaN rows kept as gaps) under the map at time t (now by default)."""
        t = self.t if t is None else t
        with np.errstate(all="ignore"):
            if self.kind == "tanh":
                bent = tanh_layer(self.matrix, self.offset, points)
                return (1 - t) * points + t * bent
            matrix = self.matrix_at(t)
            assert matrix is not None
            return apply_matrix(matrix, points) + t * self.offset

    def _view_half_width(self) -> float:
        """Half the side of a square that holds the picture all the way (fixed for the run)."""
        extent = 1.0
        with np.errstate(all="ignore"):
            for t in np.linspace(0.0, 1.0, self.frames + 1):
                for points in (self.grid, self.shape, np.array([EXAMPLE_POINT, (0.0, 0.0)])):
                    moved = self.mapped(points, float(t))
                    finite = moved[np.isfinite(moved)]
                    if finite.size:
                        extent = max(extent, float(np.max(np.abs(finite))))
        return nice_half_width(extent)

    # ------------------------------------------------------------------ stepping
    def advance(self) -> None:
        """One frame of the animation; the last one ends the run as ``done``."""
        if self.step_count + 1 >= self.frames:
            self.status = "done"

    @property
    def final_step(self) -> int:
        """The last frame: the whole map."""
        return self.frames

    @property
    def t(self) -> float:
        """How far the animation is, from 0 (the identity) to 1 (the whole map)."""
        return min(self.step_count, self.frames) / self.frames

    # ------------------------------------------------------------------ reading
    def example_path(self) -> list[Array]:
        """p, then p after each map up to now (p, Ap, B(Ap) for two maps in a row)."""
        p = np.array([EXAMPLE_POINT])
        if self.kind != "composition" or self.t <= 0.5:
            return [p[0], self.mapped(p)[0]]
        assert self.first is not None
        return [p[0], apply_matrix(self.first, p)[0], self.mapped(p)[0]]

    def state(self) -> dict[str, Json]:
        current = self.matrix_at(self.t)
        data: dict[str, Json] = {
            "preset": self.params.preset,
            "kind": self.kind,
            "linear": self.is_linear,
            "t": self.t,
            "frame": min(self.step_count, self.frames),
            "frames": self.frames,
            "matrix": plain(np.round(self.matrix, 12) + 0.0),
            "offset": plain(self.offset),
            "current_matrix": None if current is None else plain(np.round(current, 12) + 0.0),
            "shape": plain(self.shape_points),
            "points": plain(np.round(self.mapped(self.shape_points), 12) + 0.0),
            "example": {
                "point": list(EXAMPLE_POINT),
                "image": plain(np.round(self.mapped(np.array([EXAMPLE_POINT]))[0], 12) + 0.0),
            },
            "origin": plain(np.round(self.mapped(np.zeros((1, 2)))[0], 12) + 0.0),
        }
        if self.kind == "composition":
            assert self.first is not None and self.second is not None
            data["matrices"] = {
                "first": plain(np.round(self.first, 12) + 0.0),
                "second": plain(np.round(self.second, 12) + 0.0),
                "product": plain(np.round(self.matrix, 12) + 0.0),
            }
        return data
