"""Descent on a surface: the round bowl, the zig-zag valley that momentum fixes, the saddle."""

from __future__ import annotations

import numpy as np
import pytest

from oppija.scenes.words.status import status_sentence
from oppija.sims.gd2d import GradientDescent2D

pytestmark = pytest.mark.filterwarnings("error")


def run_to_end(sim: GradientDescent2D) -> GradientDescent2D:
    sim.run(100_000)
    return sim


def test_the_gradient_slide_step() -> None:
    """𝓔 = θ₁² + 3θ₂² at (2; 1): ∇𝓔 = ⟨4, 6⟩, one step with α = 0,1 to (1,6; 0,4), 𝓔 7 → 3,04."""
    sim = GradientDescent2D(function="x^2 + 3y^2", start="2 1", lr=0.1)
    assert sim.state()["grad"] == pytest.approx([4.0, 6.0])
    assert sim.state()["loss"] == pytest.approx(7.0)
    sim.step()
    assert sim.state()["theta"] == pytest.approx([1.6, 0.4])
    assert sim.state()["loss"] == pytest.approx(3.04)


def test_bowl_goes_straight_to_the_bottom() -> None:
    sim = GradientDescent2D(preset="bowl")
    assert sim.state()["theta"] == [2.5, 2.0]
    run_to_end(sim)
    assert sim.status == "converged"
    path = np.array(sim.state()["path"])
    # On a round bowl every step points at the centre: θ stays on the line through the start.
    assert np.allclose(path[:, 1] * 2.5, path[:, 0] * 2.0)
    assert np.allclose(sim.state()["theta"], 0, atol=1e-4)


def test_valley_zig_zags_without_momentum_and_momentum_beats_it() -> None:
    plain = GradientDescent2D(preset="valley")
    plain.run(6)
    ys = np.array(plain.state()["path"])[:, 1]
    assert np.all(np.sign(ys[1:]) == -np.sign(ys[:-1]))  # across the valley and back
    run_to_end(plain)
    heavy = run_to_end(GradientDescent2D(preset="valley", momentum=0.5))
    assert plain.status == heavy.status == "converged"
    assert heavy.step_count < plain.step_count / 2  # 44 steps instead of 137
    early_plain = GradientDescent2D(preset="valley")
    early_heavy = GradientDescent2D(preset="valley", momentum=0.5)
    early_plain.run(30)
    early_heavy.run(30)
    assert early_heavy.state()["loss"] < early_plain.state()["loss"] / 10


def test_momentum_is_the_heavy_ball() -> None:
    """v ← βv + ∇𝓔, θ ← θ − αv on 𝓔 = x² + y² from (1; 0) with α = 0,1, β = 0,5."""
    sim = GradientDescent2D(function="x^2 + y^2", start="1 0", lr=0.1, momentum=0.5)
    sim.run(2)
    # v₁ = 2, θ₁ = 0,8; v₂ = 0,5·2 + 1,6 = 2,6, θ₂ = 0,8 − 0,26 = 0,54
    assert [row[0] for row in sim.state()["path"]] == pytest.approx([1.0, 0.8, 0.54])
    assert sim.state()["velocity"] == pytest.approx([2.6, 0.0])


@pytest.mark.parametrize(
    ("start", "end"), [("0,5 2", (2**0.5, 0.0)), ("-0,5 2", (-(2**0.5), 0.0)), ("0 2", (0, 0))]
)
def test_saddle_starts_end_in_different_places(start: str, end: tuple[float, float]) -> None:
    sim = run_to_end(GradientDescent2D(preset="saddle", start=start))
    assert sim.status == "converged"
    assert sim.state()["theta"] == pytest.approx(list(end), abs=1e-4)


def test_saddle_preset_passes_near_the_saddle_then_leaves_it() -> None:
    sim = run_to_end(GradientDescent2D(preset="saddle"))
    path = np.array(sim.state()["path"])
    assert np.min(np.hypot(path[:, 0], path[:, 1])) < 0.6
    assert sim.state()["theta"] == pytest.approx([2**0.5, 0.0], abs=1e-4)


def test_surface_rows_are_y() -> None:
    sim = GradientDescent2D(function="x + 10y")
    values = sim.surface(np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0]))
    assert values.shape == (2, 3)
    assert values.tolist() == [[0.0, 1.0, 2.0], [10.0, 11.0, 12.0]]
    undefined = GradientDescent2D(function="log(x) + y", start="1 1")
    assert np.isnan(undefined.surface(np.array([-1.0]), np.array([0.0]))[0, 0])
    only_x = GradientDescent2D(function="x^2", start="1 1")
    assert only_x.surface(np.array([1.0, 2.0]), np.array([5.0, 6.0, 7.0])).shape == (3, 2)
    assert only_x.state()["grad"] == [2.0, 0.0]


def test_view_range_covers_start_and_minima_and_stays_put() -> None:
    sim = GradientDescent2D(preset="saddle")
    (x0, x1), (y0, y1) = sim.view_range()
    assert x0 < -(2**0.5) and x1 > 2**0.5 and y1 > 2.5 and y0 < -2.5
    first = sim.view_range()
    for _ in range(200):
        sim.step()
        assert sim.view_range() == first


def test_state_has_the_promised_keys() -> None:
    sim = GradientDescent2D(preset="valley", momentum=0.3)
    sim.run(3)
    state = sim.state()
    assert {"theta", "loss", "grad", "path", "step", "lr", "momentum", "step_size"} <= set(state)
    assert len(state["theta"]) == 2 and len(state["grad"]) == 2
    assert all(len(row) == 3 for row in state["path"]) and len(state["path"]) == 4
    assert state["momentum"] == 0.3 and state["lr"] == 0.045


def test_descent_on_x_to_the_y_from_a_negative_base_says_why_it_cannot_start() -> None:
    """𝓔 = xʸ at (−2; 3) is −8, but ∂𝓔/∂y = xʸ·ln x is undefined (issue 13): the run ends at
    once with that reason, not with a zero gradient walking x off to −∞ as before."""
    sim = GradientDescent2D(function="x^y", start="-2 3", lr=0.1)
    assert sim.loss == -8.0
    assert sim.grad[0] == 12.0 and np.isnan(sim.grad[1])
    assert sim.status == "diverged"
    assert "gradient is undefined (NaN)" in status_sentence(sim)
    assert "x < 0" in status_sentence(sim)


def test_a_gradient_that_becomes_undefined_midway_is_named_with_its_step() -> None:
    """𝓔 = x + x^(2 + 0y): y never moves, the first step takes x from 0,3 to −1,3, where 𝓔 is
    a number but ∂𝓔/∂y = x²·ln x·0 is not."""
    sim = GradientDescent2D(function="x + x^(2 + 0y)", start="0,3 1", lr=1)
    sim.run(5)
    assert sim.status == "diverged"
    assert "stopped at step 1" in status_sentence(sim)
