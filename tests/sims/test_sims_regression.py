"""Linear and logistic regression: the descent ends at the right fit with the right gradients."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from oppija.sims import DemoSettingError, create_simulation
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent

pytestmark = pytest.mark.filterwarnings("error")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


@pytest.mark.parametrize("settings", [{}, {"points": 50, "noise": 2.0, "seed": 7}, {"points": 2}])
def test_linreg_converges_to_the_least_squares_fit(settings: dict[str, object]) -> None:
    sim = LinearRegressionDescent(**settings, steps=100_000)
    sim.run(100_000)
    assert sim.status == "converged"
    points = np.array(sim.state()["points"])
    design = np.column_stack([np.ones(len(points)), points[:, 0]])
    best, *_ = np.linalg.lstsq(design, points[:, 1], rcond=None)
    assert sim.state()["theta"] == pytest.approx(best.tolist(), abs=1e-4)


def test_linreg_gradient_is_the_mse_gradient_and_losses_fall() -> None:
    sim = LinearRegressionDescent()
    xs, ys = sim.xs, sim.ys
    theta = np.array([0.3, -0.7])
    loss, grad = sim.evaluate(theta)
    residual = theta[0] + theta[1] * xs - ys
    assert loss == pytest.approx(np.mean(residual**2))
    assert grad == pytest.approx([2 * np.mean(residual), 2 * np.mean(residual * xs)])
    sim.run(20)
    losses = sim.state()["losses"]
    assert len(losses) == 21 and all(b < a for a, b in itertools.pairwise(losses))
    assert sim.prediction(np.array([0.0, 1.0])) == pytest.approx(
        [sim.theta[0], sim.theta[0] + sim.theta[1]]
    )


def test_linreg_takes_points_and_a_start_by_hand() -> None:
    """A practice exercise's few points and start replace the seeded ones; xs without ys, or
    lists of unequal length, are refused in one translated sentence."""
    sim = create_simulation(
        "linreg", {"xs": "1 2 -1 0,5", "ys": "2 3 0 1", "start": "0,5 -0,5", "lr": "0,1"}
    )
    assert isinstance(sim, LinearRegressionDescent)
    assert sim.state()["points"] == [[1.0, 2.0], [2.0, 3.0], [-1.0, 0.0], [0.5, 1.0]]
    assert sim.state()["theta"] == [0.5, -0.5]
    for settings in ({"xs": "1 2"}, {"xs": "1 2", "ys": "1 2 3"}):
        with pytest.raises(DemoSettingError, match="ys"):
            create_simulation("linreg", settings)


def test_linreg_data_are_seeded() -> None:
    one, again, other = (LinearRegressionDescent(seed=s) for s in (1, 1, 2))
    assert one.state()["points"] == again.state()["points"] != other.state()["points"]
    assert len(one.state()["points"]) == 20


def test_linreg_too_large_alpha_diverges_quietly() -> None:
    sim = LinearRegressionDescent(lr=10)
    sim.run(1000)
    assert sim.status == "diverged"


@pytest.mark.parametrize("theta", [(0.0, 0.0), (0.4, -1.3), (-2.0, 3.0), (0.0, -12.0)])
def test_logreg_cross_entropy_gradient_is_the_closed_form(theta: tuple[float, float]) -> None:
    sim = LogisticRegressionDescent(loss="cross-entropy", points=30, seed=3)
    x = sim.design
    y = sim.ys
    z = x @ np.array(theta)
    p = sigmoid(z)
    loss, grad = sim.evaluate(np.array(theta))
    # −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = ln(1 + eᶻ) − yz, written so that it stays exact
    assert loss == pytest.approx(np.mean(np.logaddexp(0, z) - y * z))
    assert grad == pytest.approx((x.T @ (p - y)) / len(y), abs=1e-12)


@pytest.mark.parametrize("theta", [(0.0, 0.0), (0.4, -1.3), (-2.0, 3.0)])
def test_logreg_mse_gradient_is_the_closed_form(theta: tuple[float, float]) -> None:
    sim = LogisticRegressionDescent(loss="mse", points=30, seed=3)
    x, y = sim.design, sim.ys
    p = sigmoid(x @ np.array(theta))
    loss, grad = sim.evaluate(np.array(theta))
    assert loss == pytest.approx(np.mean((p - y) ** 2))
    assert grad == pytest.approx(2 * (x.T @ ((p - y) * p * (1 - p))) / len(y), abs=1e-12)


def test_logreg_the_slides_worked_example() -> None:
    """x = (1; 2), y = 1, θ = (0; 0), α = 0,1: gradient (−0,5; −1), one step to (0,05; 0,1)."""
    sim = LogisticRegressionDescent(loss="cross-entropy", lr=0.1)
    sim.design = np.array([[1.0, 2.0]])
    sim.ys = np.array([1.0])
    _loss, grad = sim.evaluate(np.zeros(2))
    assert grad == pytest.approx([-0.5, -1.0])
    assert sim.update(np.zeros(2), grad) == pytest.approx([0.05, 0.1])


def test_cross_entropy_pushes_hard_where_mse_barely_moves() -> None:
    """The slide: y = 1 but θᵀx = −5; MSE's gradient is ≈ −0,013, cross-entropy's ≈ −0,993."""
    ce = LogisticRegressionDescent(loss="cross-entropy")
    mse = LogisticRegressionDescent(loss="mse")
    for sim in (ce, mse):
        sim.design = np.array([[1.0, 0.0]])
        sim.ys = np.array([1.0])
    assert ce.evaluate(np.array([-5.0, 0.0]))[1][0] == pytest.approx(-0.993, abs=5e-4)
    assert mse.evaluate(np.array([-5.0, 0.0]))[1][0] == pytest.approx(-0.013, abs=5e-4)


def test_logreg_both_errors_learn_and_cross_entropy_converges() -> None:
    ce = LogisticRegressionDescent(loss="cross-entropy")
    ce.run(10_000)
    assert ce.status == "converged"
    mse = LogisticRegressionDescent(loss="mse")
    mse.run(200)
    assert mse.state()["losses"][-1] < mse.state()["losses"][0]
    assert ce.state()["theta"][1] > 0 and mse.state()["theta"][1] > 0  # y = 1 to the right


def test_logreg_state_and_update_rules() -> None:
    sim = LogisticRegressionDescent(loss="mse")
    sim.run(2)
    state = sim.state()
    assert {"theta", "loss", "losses", "points", "loss_kind", "update_rule", "step", "lr"} <= set(
        state
    )
    assert state["loss_kind"] == "mse"
    assert "σ(θᵀx⁽ⁱ⁾)(1 − σ(θᵀx⁽ⁱ⁾))" in state["update_rule"] and "2/m" in state["update_rule"]
    ce_rule = LogisticRegressionDescent().state()["update_rule"]
    assert ce_rule == "θⱼ ← θⱼ − α · 1/m · Σᵢ (σ(θᵀx⁽ⁱ⁾) − y⁽ⁱ⁾) xⱼ⁽ⁱ⁾"
    assert {y for _x, y in state["points"]} == {0.0, 1.0}
    curve = sim.prediction(np.array([-100.0, 0.0, 100.0]))
    assert np.all((curve >= 0) & (curve <= 1))
