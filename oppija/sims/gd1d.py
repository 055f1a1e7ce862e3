"""Gradient descent on a curve 𝓔(θ) of one parameter: the lecture's tangent picture, live.

The learner's formula is differentiated by the engine's autograd, so a typed ``x^4 - 3x^2 + x``
descends exactly like the presets. Presets (the slides promise their numbers):

- ``bowl``: 𝓔 = x², θ⁽⁰⁾ = 3, α = 0,1: 3 → 2,4 → 1,92 → …, below 0,01 after 26 steps;
- ``good``: 𝓔 = x², θ⁽⁰⁾ = 0,9, α = 0,1: the slide's 𝓔′(θ₀) = 1,8, a first step of 0,18, then
  ever shorter steps (converges);
- ``crawl``: α = 0,01 from 3: 3 → 2,94 → 2,8812 → …, still above 1 after 50 steps, below 0,01
  only after 283;
- ``oscillate``: α = 0,9 from 3: 3 → −2,4 → 1,92 → …, sides alternate, it converges;
- ``diverge``: α = 1,1 from 3: 3 → −3,6 → 4,32 → …, ``diverged`` at step 70 (|𝓔| > 10¹²);
- ``two-minima``: 𝓔 = x⁴ − 3x² + x, α = 0,01: from −0,5 to the global minimum ≈ −1,30, from
  0,5 (the second start, :meth:`restart`) to the local one ≈ 1,13.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from oppija.arrays import Array
from oppija.expr import Formula
from oppija.sims.base import Simulation, choose, finite_or_nan, nice_half_width, plain
from oppija.sims.formula_loss import loss_and_gradient, preset_formula
from oppija.sims.plain import Json
from oppija.sims.settings import checked_number

VARIABLES = ("x",)
DEFAULT_PRESET = "bowl"
DEFAULT_STEPS = 1000
EARLIER_PATHS = 3  # restarts kept on the picture (the two-minima slide shows two descents)


@dataclass(frozen=True)
class Preset1D:
    """A preset's function, α and start."""

    function: str
    lr: float
    start: float


PRESETS: dict[str, Preset1D] = {
    "bowl": Preset1D("x^2", 0.1, 3.0),
    "good": Preset1D("x^2", 0.1, 0.9),
    "crawl": Preset1D("x^2", 0.01, 3.0),
    "oscillate": Preset1D("x^2", 0.9, 3.0),
    "diverge": Preset1D("x^2", 1.1, 3.0),
    "two-minima": Preset1D("x^4 - 3x^2 + x", 0.01, -0.5),
}


@dataclass(frozen=True)
class GradientDescent1DParams:
    """The settings of one run, checked against the ``gd1d`` parameter table."""

    preset: str
    function: Formula
    lr: float
    start: float
    steps: int


class GradientDescent1D(Simulation):
    """θ ← θ − α·𝓔′(θ) on a curve, with the tangent at the current point for drawing."""

    name = "gd1d"
    dim = 1
    params: GradientDescent1DParams

    def __init__(self, **settings: object) -> None:
        self.earlier_paths: list[Array] = []
        super().__init__(**settings)

    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> GradientDescent1DParams:
        preset_name = str(choose(settings, "preset", DEFAULT_PRESET))
        preset = PRESETS[preset_name]
        return GradientDescent1DParams(
            preset=preset_name,
            function=choose(settings, "function", preset_formula(preset.function, VARIABLES)),
            lr=float(choose(settings, "lr", preset.lr)),
            start=float(choose(settings, "start", preset.start)),
            steps=int(choose(settings, "steps", DEFAULT_STEPS)),
        )

    def start_theta(self) -> Array:
        return np.array([self.params.start])

    def evaluate(self, theta: Array) -> tuple[float, Array]:
        return loss_and_gradient(self.params.function, VARIABLES, theta)

    def restart(self, start: float | str) -> None:
        """Start again from ``start``, keeping the path so far on the picture (up to 3 kept).

        Raises:
            DemoSettingError: if ``start`` is out of range (translated).
        """
        value = checked_number(self.name, "start", start)
        if len(self.history) > 1 or self.earlier_paths:
            self.earlier_paths.append(self._path_array().copy())
            del self.earlier_paths[:-EARLIER_PATHS]
        self.settings["start"] = value
        self.params = replace(self.params, start=value)
        self.reset()

    def _carry_on_from(self, other: Simulation) -> None:
        super()._carry_on_from(other)
        self.earlier_paths = [path.copy() for path in getattr(other, "earlier_paths", [])]

    # ------------------------------------------------------------------ drawing
    def curve(self, xs: Array) -> Array:
        """𝓔 over ``xs`` in one vectorised call; non-finite values are NaN."""
        xs = np.asarray(xs, dtype=np.float64)
        with np.errstate(all="ignore"):
            try:
                values = self.params.function.evaluate(x=xs)
            except (OverflowError, ZeroDivisionError, ValueError):
                return np.full(xs.shape, np.nan)
            return finite_or_nan(np.broadcast_to(values, xs.shape))

    def _path_array(self) -> Array:
        """The path as an array of rows [θ, 𝓔] (for drawing without lists)."""
        return self.history.rows[:, :2]

    def path_array(self) -> Array:
        """The path so far as rows [θ, 𝓔]; a view, do not modify."""
        return self._path_array()

    def view_range(self) -> tuple[float, float]:
        """A θ range around 0 covering the start and every path, snapped to nice widths.

        It changes only when a path leaves it, so the picture does not jump every frame.
        """
        extent = abs(self.params.start)
        for path in [self._path_array(), *self.earlier_paths]:
            thetas = path[:, 0]
            finite = thetas[np.isfinite(thetas)]
            if finite.size:
                extent = max(extent, float(np.max(np.abs(finite))))
        half = nice_half_width(1.2 * extent)
        return (-half, half)

    def state(self) -> dict[str, Json]:
        data = self.common_state()
        data.update(
            path=plain(self._path_array()),
            function=self.params.function.text,
            start=self.params.start,
            preset=self.params.preset,
            earlier_paths=[plain(path) for path in self.earlier_paths],
            tangent={
                "theta": plain(float(self.theta[0])),
                "loss": plain(self.loss),
                "slope": plain(float(self.grad[0])),
            },
        )
        return data
