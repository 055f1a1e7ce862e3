"""The approximation demo: more units fit better, the sum is the shares, numbers never raise."""

from __future__ import annotations

import json

import numpy as np
import pytest

from oppija.expr import parse_formula
from oppija.scenes.words.status import status_sentence
from oppija.sims.approximation import Approximation

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("target", ["sin", "abs"])
def test_the_error_falls_as_the_units_grow(target: str) -> None:
    errors = []
    for units in (1, 3, 10):
        demo = Approximation(target=target, units=units, seed=0)
        demo.run(200)
        assert demo.status == "running"
        errors.append(demo.loss)
    assert errors[0] > errors[1] > errors[2]
    assert errors[2] < 0.002


def test_training_lowers_the_error() -> None:
    demo = Approximation()
    start = demo.loss
    demo.run(50)
    assert demo.loss < start / 10
    assert len(demo.losses) == 51


def test_the_sum_is_the_shares_plus_the_output_bias() -> None:
    demo = Approximation(units=4)
    demo.run(5)
    state = demo.state()
    shares = np.array(state["contributions"])
    assert shares.shape == (4, len(state["xs"]))
    fit = np.array(state["fit"])
    assert np.allclose(shares.sum(axis=0) + state["weights"]["c0"], fit)
    # Each share is cⱼ·σ(wⱼx + bⱼ), recomputed here by hand from the weights.
    w, b, c = (np.array(state["weights"][key]) for key in ("w", "b", "c"))
    xs = np.array(state["xs"])
    by_hand = c[:, None] / (1 + np.exp(-(w[:, None] * xs + b[:, None])))
    assert np.allclose(shares, by_hand)
    # The error in the state is the mean squared error of that sum.
    target = np.array(state["target_values"])
    assert state["loss"] == pytest.approx(np.mean((fit - target) ** 2))


def test_targets() -> None:
    xs = Approximation(target="step").state()
    assert xs["target_values"][0] == 0.0 and xs["target_values"][-1] == 1.0
    typed = Approximation(function=parse_formula("x^2", ("x",))).state()
    assert typed["function"] == "x^2" and typed["target_values"][0] == pytest.approx(9.0)


def test_a_formula_undefined_on_part_of_the_range_trains_on_the_rest() -> None:
    demo = Approximation(function="log(x)")
    demo.run(3)
    assert demo.status == "running"
    assert int(demo.known.sum()) == 30  # x = 0,1 … 3


def test_a_formula_that_blows_up_ends_as_diverged_without_warnings() -> None:
    demo = Approximation(function="x^10", lr=10)
    demo.run(50)
    assert demo.status == "diverged"
    assert "diverged" in status_sentence(demo)
    json.dumps(demo.to_json())  # non-finite numbers become null


def test_the_step_limit_ends_the_run() -> None:
    demo = Approximation(steps=3)
    demo.run(10)
    assert demo.step_count == 3 and demo.status == "done"


def test_a_named_target_replaces_a_typed_formula() -> None:
    demo = Approximation(function="x^2")
    assert demo.changed(target="abs").target_text() == "abs(x)"
    assert demo.changed(units=2).target_text() == "x^2"


def test_json_shape() -> None:
    data = json.loads(json.dumps(Approximation(units=2).to_json()))
    assert data["demo"] == "approximation"
    assert {"units", "loss", "losses", "fit"} <= set(data["state"])
    assert data["state"]["units"] == 2
