"""Gradient descent on a surface 𝓔(θ₀, θ₁), optionally with momentum (the heavy ball).

With momentum β the update is v ← βv + ∇𝓔, θ ← θ − αv (β = 0 is plain descent), as in the
engine's :class:`~oppija.engine.optim.SGD`. Presets:

- ``bowl``: 𝓔 = x² + y², θ⁽⁰⁾ = (2,5; 2), α = 0,1: straight down into the round bowl;
- ``valley``: 𝓔 = x² + 20y², θ⁽⁰⁾ = (−4; 1,5), α = 0,045: across the valley the factor is −0,8,
  so plain descent zig-zags and needs 137 steps; β = 0,5 gets there in 44;
- ``saddle``: 𝓔 = x⁴/4 − x² + y², α = 0,1: minima at (±√2; 0), a saddle at (0; 0). A start
  right of the ridge x = 0 ends at (√2; 0), left of it at (−√2; 0), and on it stalls at the
  saddle. The preset starts just right of the ridge, so it lingers near the saddle first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from oppija.arrays import Array
from oppija.expr import Formula
from oppija.sims.base import Simulation, choose, finite_or_nan, nice_half_width, plain
from oppija.sims.formula_loss import loss_and_gradient, preset_formula
from oppija.sims.plain import Json

VARIABLES = ("x", "y")
DEFAULT_PRESET = "bowl"
DEFAULT_STEPS = 1000


@dataclass(frozen=True)
class Preset2D:
    """A preset's function, α, start and momentum."""

    function: str
    lr: float
    start: tuple[float, float]
    momentum: float = 0.0


PRESETS: dict[str, Preset2D] = {
    "bowl": Preset2D("x^2 + y^2", 0.1, (2.5, 2.0)),
    "valley": Preset2D("x^2 + 20y^2", 0.045, (-4.0, 1.5)),
    "saddle": Preset2D("x^4/4 - x^2 + y^2", 0.1, (0.05, 2.5)),
}


@dataclass(frozen=True)
class GradientDescent2DParams:
    """The settings of one run, checked against the ``gd2d`` parameter table."""

    preset: str
    function: Formula
    lr: float
    start: tuple[float, float]
    momentum: float
    steps: int


class GradientDescent2D(Simulation):
    """Descent on a surface; the path and the gradient at the current point for drawing."""

    name = "gd2d"
    dim = 2
    params: GradientDescent2DParams

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> GradientDescent2DParams:
        preset_name = str(choose(settings, "preset", DEFAULT_PRESET))
        preset = PRESETS[preset_name]
        start = choose(settings, "start", preset.start)
        return GradientDescent2DParams(
            preset=preset_name,
            function=choose(settings, "function", preset_formula(preset.function, VARIABLES)),
            lr=float(choose(settings, "lr", preset.lr)),
            start=(float(start[0]), float(start[1])),
            momentum=float(choose(settings, "momentum", preset.momentum)),
            steps=int(choose(settings, "steps", DEFAULT_STEPS)),
        )

    def start_theta(self) -> Array:
        return np.array(self.params.start)

    def evaluate(self, theta: Array) -> tuple[float, Array]:
        return loss_and_gradient(self.params.function, VARIABLES, theta)

    def update(self, theta: Array, grad: Array) -> Array:
        """The heavy ball: v ← βv + ∇𝓔, θ ← θ − αv."""
        self.velocity = self.params.momentum * self.velocity + grad
        return theta - self.lr * self.velocity

    # ------------------------------------------------------------------ drawing
    def surface(self, xs: Array, ys: Array) -> Array:
        """𝓔 on the grid: ``values[i, j] = 𝓔(xs[j], ys[i])`` (rows are y); NaN where not finite."""
        grid_x, grid_y = np.meshgrid(np.asarray(xs, float), np.asarray(ys, float))
        with np.errstate(all="ignore"):
            try:
                values = self.params.function.evaluate(x=grid_x, y=grid_y)
            except (OverflowError, ZeroDivisionError, ValueError):
                return np.full(grid_x.shape, np.nan)
            return finite_or_nan(np.broadcast_to(values, grid_x.shape))

    def path_array(self) -> Array:
        """The path so far as rows [a, b, 𝓔]; a view, do not modify."""
        return self.history.rows[:, :3]

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Ranges around (0; 0) covering the start and the path, snapped to nice widths."""
        extents = np.abs(np.array(self.params.start))
        thetas = self.history.thetas
        finite = thetas[np.all(np.isfinite(thetas), axis=1)]
        if finite.size:
            extents = np.maximum(extents, np.max(np.abs(finite), axis=0))
        half_x = nice_half_width(1.2 * float(extents[0]))
        half_y = nice_half_width(1.2 * float(extents[1]))
        return ((-half_x, half_x), (-half_y, half_y))

    def state(self) -> dict[str, Json]:
        data = self.common_state()
        data.update(
            path=plain(self.path_array()),
            momentum=self.params.momentum,
            velocity=plain(self.velocity),
            function=self.params.function.text,
            start=list(self.params.start),
            preset=self.params.preset,
        )
        return data
