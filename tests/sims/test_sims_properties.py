"""Whatever finite settings a learner chooses, a simulation never raises or warns, and its state
is plain JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from oppija.scenes import draw_scene
from oppija.scenes.words.status import status_sentence
from oppija.sims import DemoSettingError, create_simulation
from oppija.sims.base import Simulation

pytestmark = pytest.mark.filterwarnings("error")

FORMULAS_1D = [
    "x^2",
    "x^4 - 3x^2 + x",
    "log(x)",
    "1/x",
    "exp(x^2)",
    "x^9",
    "sqrt(x)",
    "x^x",
    "sin(x)",
    "abs(x)",
    "relu(x)",
    "9^9^9 * x",
    "0/0 + x",
    "-x",
]
FORMULAS_2D = ["x^2 + y^2", "x^4/4 - x^2 + y^2", "log(x*y)", "exp(x) + y^10", "x/y", "tanh(x*y)"]

LR = st.floats(0.0001, 10)
STEPS = st.integers(0, 60)


def check(sim: Simulation, steps: int) -> None:
    sim.run(steps)
    assert sim.status in {"running", "converged", "diverged", "done"}
    json.dumps(sim.to_json(), allow_nan=False, ensure_ascii=False)
    json.dumps(sim.numbers_rows(), allow_nan=False)
    assert isinstance(status_sentence(sim), str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    function=st.sampled_from(FORMULAS_1D),
    lr=LR,
    start=st.floats(-100, 100),
    limit=st.integers(1, 10_000),
    steps=STEPS,
)
@example(function="log(x)", lr=2.0, start=2.2e-308, limit=10, steps=5)  # a path to −9·10³⁰⁷
def test_gd1d_never_raises(function: str, lr: float, start: float, limit: int, steps: int) -> None:
    sim = create_simulation("gd1d", {"function": function})
    sim = sim.changed(lr=lr, start=start, steps=limit)
    check(sim, steps)
    lo, hi = sim.view_range()  # type: ignore[attr-defined]
    assert lo < hi
    sim.curve(__import__("numpy").linspace(lo, hi, 9))  # type: ignore[attr-defined]
    assert draw_scene(sim, 40, 12)  # the picture of that range draws without a warning


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    function=st.sampled_from(FORMULAS_2D),
    lr=LR,
    start=st.tuples(st.floats(-100, 100), st.floats(-100, 100)),
    momentum=st.floats(0, 0.999),
    steps=STEPS,
)
def test_gd2d_never_raises(
    function: str, lr: float, start: tuple[float, float], momentum: float, steps: int
) -> None:
    sim = create_simulation("gd2d", {"function": function}).changed(
        lr=lr, start=start, momentum=momentum
    )
    check(sim, steps)
    (x0, x1), (y0, y1) = sim.view_range()  # type: ignore[attr-defined]
    assert x0 < x1 and y0 < y1


@settings(max_examples=30, deadline=None)
@given(
    lr=LR,
    points=st.integers(2, 60),
    noise=st.floats(0, 10),
    seed=st.integers(0, 2**31 - 1),
    steps=STEPS,
)
def test_linreg_never_raises(lr: float, points: int, noise: float, seed: int, steps: int) -> None:
    check(
        create_simulation("linreg", {}).changed(lr=lr, points=points, noise=noise, seed=seed), steps
    )


@settings(max_examples=30, deadline=None)
@given(
    lr=LR,
    points=st.integers(2, 60),
    seed=st.integers(0, 2**31 - 1),
    loss=st.sampled_from(["mse", "cross-entropy"]),
    steps=STEPS,
)
def test_logreg_never_raises(lr: float, points: int, seed: int, loss: str, steps: int) -> None:
    sim = create_simulation("logreg", {"loss": loss}).changed(lr=lr, points=points, seed=seed)
    check(sim, steps)


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet="xy0123456789+-*/^()., e", max_size=25))
def test_typed_formulas_either_refused_in_words_or_run(text: str) -> None:
    try:
        sim = create_simulation("gd2d", {"function": text, "lr": "0,1"})
    except DemoSettingError as error:
        assert str(error) and "\n" not in str(error)
        return
    check(sim, 20)


def test_the_warning_filter_would_notice_a_runtime_warning() -> None:
    """Sanity check of the probe: outside a simulation, NumPy's warning is an error here."""
    import numpy as np

    with pytest.raises(RuntimeWarning):
        np.log(np.array(-1.0))
