"""One-parameter descent: every preset ends as its slide says, and the slides' numbers come true."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from oppija.scenes.words.status import status_sentence
from oppija.sims import DemoSettingError
from oppija.sims.gd1d import GradientDescent1D

pytestmark = pytest.mark.filterwarnings("error")  # no RuntimeWarning may escape a simulation


def thetas(sim: GradientDescent1D) -> list[float]:
    return [row[0] for row in sim.state()["path"]]


@pytest.mark.parametrize("lr", [0.01, 0.1, 0.3, 0.5, 0.9, 1.0, 1.05])
def test_descent_on_x_squared_multiplies_by_one_minus_two_alpha(lr: float) -> None:
    sim = GradientDescent1D(function="x^2", lr=lr, start=3.0, steps=40)
    sim.run(40)
    path = thetas(sim)
    expected = 3.0
    for theta in path:
        assert theta == pytest.approx(expected, abs=1e-12, rel=1e-12)
        expected *= 1 - 2 * lr


def test_the_algorithm_slide_numbers() -> None:
    """3 → 2,4 → 1,92 → 1,536 → 1,2288; 𝓔 from 9 to 5,76; 𝓔′(3) = 6."""
    sim = GradientDescent1D(preset="bowl")
    assert sim.state()["grad"] == 6.0
    sim.run(4)
    assert thetas(sim) == pytest.approx([3.0, 2.4, 1.92, 1.536, 1.2288], abs=1e-12)
    assert sim.state()["path"][1][1] == pytest.approx(5.76)


def first_step_below(sim: GradientDescent1D, bound: float) -> int:
    for k in range(1, 10_000):
        sim.step()
        if abs(sim.state()["theta"]) < bound:
            return k
    raise AssertionError("never below the bound")


def test_twenty_six_steps_at_alpha_a_tenth_and_283_at_a_hundredth() -> None:
    assert first_step_below(GradientDescent1D(preset="bowl"), 0.01) == 26
    assert first_step_below(GradientDescent1D(preset="crawl"), 0.01) == 283


def test_good_has_the_slides_tangent_and_shrinking_steps() -> None:
    sim = GradientDescent1D(preset="good")
    tangent = sim.state()["tangent"]
    assert tangent["slope"] == pytest.approx(1.8)
    assert tangent["theta"] == pytest.approx(0.9) and tangent["loss"] == pytest.approx(0.81)
    sim.step()
    assert sim.state()["step_size"] == pytest.approx(0.18)
    sim.run(10_000)
    assert sim.status == "converged"
    steps = [row.step for row in sim.numbers_rows()[1:]]
    assert all(later < earlier for earlier, later in itertools.pairwise(steps))
    assert abs(sim.state()["theta"]) < 1e-4


def test_crawl_is_still_far_after_fifty_steps() -> None:
    sim = GradientDescent1D(preset="crawl")
    sim.run(3)
    assert thetas(sim) == pytest.approx([3.0, 2.94, 2.8812, 2.823576], abs=1e-12)
    sim.run(47)
    assert sim.step_count == 50 and sim.status == "running"
    assert sim.state()["theta"] > 1


def test_oscillate_alternates_sign_and_converges() -> None:
    sim = GradientDescent1D(preset="oscillate")
    sim.run(3)
    assert thetas(sim) == pytest.approx([3.0, -2.4, 1.92, -1.536], abs=1e-12)
    sim.run(10_000)
    assert sim.status == "converged"
    path = np.array(thetas(sim))
    nonzero = path[path != 0]
    assert np.all(np.sign(nonzero[1:]) == -np.sign(nonzero[:-1]))
    assert abs(path[-1]) < 1e-5


def test_alpha_one_jumps_between_three_and_minus_three_forever() -> None:
    sim = GradientDescent1D(function="x^2", lr=1.0, start=3.0, steps=20)
    sim.run(100)
    assert sim.status == "done" and sim.step_count == 20
    assert thetas(sim) == pytest.approx([3.0 * (-1) ** k for k in range(21)])


def test_diverge_ends_diverged_without_warning_or_exception() -> None:
    sim = GradientDescent1D(preset="diverge")
    sim.run(3)
    assert thetas(sim) == pytest.approx([3.0, -3.6, 4.32, -5.184], abs=1e-12)
    sim.run(10_000)
    assert sim.status == "diverged"
    assert sim.step_count == 70  # 9 · 1,44⁷⁰ is the first error above 10¹²
    assert "diverged" in status_sentence(sim) and "70" in status_sentence(sim)
    version = sim.version
    sim.step()  # a no-op now
    assert sim.step_count == 70 and sim.version == version


def test_overflow_is_diverged_not_an_exception() -> None:
    sim = GradientDescent1D(function="exp(exp(x))", lr=10, start=7.0)
    assert sim.status == "diverged" and sim.step_count == 0
    assert "at once" in status_sentence(sim)
    sim = GradientDescent1D(function="exp(x^2)", lr=10, start=1.0)
    sim.run(10)
    assert sim.status == "diverged" and sim.step_count == 1
    assert "infinite or undefined" in status_sentence(sim)
    sim = GradientDescent1D(function="x^8", lr=10, start=3.0)
    sim.run(100)
    assert sim.status == "diverged"
    assert sim.state()["theta"] is None or math.isfinite(sim.state()["theta"])


def test_an_undefined_start_is_diverged_at_once() -> None:
    sim = GradientDescent1D(function="log(x)", start=-1.0)
    assert sim.status == "diverged" and sim.step_count == 0
    assert "start point" in status_sentence(sim) and "at once" in status_sentence(sim)
    assert sim.state()["loss"] is None


def test_two_minima_starts_end_in_different_minima() -> None:
    left = GradientDescent1D(preset="two-minima")
    left.run(10_000)
    right = GradientDescent1D(preset="two-minima", start=0.5)
    right.run(10_000)
    assert left.status == right.status == "converged"
    assert left.state()["theta"] == pytest.approx(-1.30, abs=0.005)
    assert left.state()["loss"] == pytest.approx(-3.51, abs=0.005)
    assert right.state()["theta"] == pytest.approx(1.13, abs=0.005)
    assert right.state()["loss"] == pytest.approx(-1.07, abs=0.005)


def test_restart_keeps_up_to_three_earlier_paths() -> None:
    sim = GradientDescent1D(preset="two-minima")
    sim.run(10_000)
    first = sim.state()["path"]
    sim.restart(0.5)
    assert sim.step_count == 0 and sim.status == "running"
    assert sim.state()["earlier_paths"] == [first]
    sim.run(10_000)
    assert sim.state()["theta"] == pytest.approx(1.13, abs=0.005)
    for start in (1.0, 2.0, -2.0):
        sim.restart(start)
    earlier = sim.state()["earlier_paths"]
    assert len(earlier) == 3
    assert [path[0][0] for path in earlier] == [0.5, 1.0, 2.0]
    with pytest.raises(DemoSettingError, match="between"):
        sim.restart(500.0)


def test_the_engine_differentiates_a_typed_formula() -> None:
    """The extrema slide's 𝓔 = (θ − 2)² + 1: 𝓔′(θ) = 2(θ − 2), minimum 1 at θ = 2."""
    sim = GradientDescent1D(function="(x - 2)^2 + 1", start=0.0, lr=0.1)
    assert sim.state()["grad"] == pytest.approx(-4.0)
    sim.run(10_000)
    assert sim.status == "converged"
    assert sim.state()["theta"] == pytest.approx(2.0, abs=1e-5)
    assert sim.state()["loss"] == pytest.approx(1.0)
    sim = GradientDescent1D(function="sin(x)", start=1.0)
    assert sim.state()["grad"] == pytest.approx(math.cos(1.0))


def test_a_constant_formula_has_gradient_zero_and_converges() -> None:
    sim = GradientDescent1D(function="3", start=1.0)
    assert sim.state()["grad"] == 0.0
    sim.step()
    assert sim.status == "converged"


def test_curve_is_vectorised_and_nan_where_undefined() -> None:
    sim = GradientDescent1D(preset="two-minima")
    xs = np.array([-1.0, 0.0, 2.0])
    assert sim.curve(xs) == pytest.approx([-3.0 - 1.0 + 1.0, 0.0, 16.0 - 12.0 + 2.0])
    logs = GradientDescent1D(function="log(x)", start=1.0).curve(np.array([-1.0, 0.0, 1.0]))
    assert np.isnan(logs[0]) and np.isnan(logs[1]) and logs[2] == 0.0
    constant = GradientDescent1D(function="2").curve(np.linspace(0, 1, 5))
    assert constant.shape == (5,) and np.all(constant == 2.0)


def test_view_range_covers_start_and_stays_put_while_running() -> None:
    sim = GradientDescent1D(preset="oscillate")
    first = sim.view_range()
    assert first[0] <= -3 and first[1] >= 3
    for _ in range(100):
        sim.step()
        assert sim.view_range() == first
    two = GradientDescent1D(preset="two-minima")
    lo, hi = two.view_range()
    assert lo < -1.30 and hi > 1.13
    far = GradientDescent1D(function="(x - 30)^2", start=0.0, lr=0.1)
    far.run(200)
    assert far.view_range()[1] >= 30


def test_state_has_the_promised_keys() -> None:
    sim = GradientDescent1D()
    sim.run(2)
    state = sim.state()
    assert {
        "theta",
        "loss",
        "grad",
        "path",
        "step",
        "lr",
        "step_size",
        "function",
        "earlier_paths",
        "tangent",
    } <= set(state)
    assert state["step"] == 2 and state["lr"] == 0.1 and state["function"] == "x^2"
    assert state["path"][:2] == [[3.0, 9.0], pytest.approx([2.4, 5.76])]
    assert GradientDescent1D().state()["step_size"] is None


def test_an_infinite_slope_at_the_start_is_said_as_such() -> None:
    """√x at 0: 𝓔 = 0, ∇𝓔 = ∞. It said "the error is undefined or beyond 10¹²", which is false
    for 𝓔 = 0 (issue 13 hunt)."""
    sim = GradientDescent1D(function="x^0.5", start=0)
    assert sim.loss == 0.0 and sim.grad[0] == np.inf
    assert sim.status == "diverged"
    assert "gradient is infinite" in status_sentence(sim)
    assert "error is undefined" not in status_sentence(sim)
