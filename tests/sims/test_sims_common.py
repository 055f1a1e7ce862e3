"""What every simulation shares: settings, new settings, versions, JSON, the numbers view."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest

from oppija import i18n
from oppija.content.loader import load_lecture
from oppija.expr import parse_formula
from oppija.scenes.words.descent import descent_readout
from oppija.scenes.words.status import status_sentence
from oppija.sims import DEMOS, DemoSettingError, create_simulation, from_demo_block
from oppija.sims.base import History, Simulation, all_finite, length
from oppija.sims.gd1d import GradientDescent1D
from oppija.sims.gd2d import GradientDescent2D
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.logreg import LogisticRegressionDescent

pytestmark = pytest.mark.filterwarnings("error")


def test_the_registry_names_every_demo_that_runs() -> None:
    assert {"gd1d", "gd2d", "linreg", "logreg", "backprop", "playground"} <= set(DEMOS)
    assert all(spec.simulation_class().name == name for name, spec in DEMOS.items())


def test_create_simulation_parses_text_with_comma_or_point() -> None:
    sim = create_simulation("gd1d", {"lr": "0,05", "start": "-1.5", "function": "x^4 - 3x^2 + x"})
    assert (sim.params.lr, sim.params.start) == (0.05, -1.5)
    assert sim.params.function.text == "x^4 - 3x^2 + x"
    two = create_simulation("gd2d", {"start": "1,5; -2", "momentum": "0,9"})
    assert two.params.start == (1.5, -2.0) and two.params.momentum == 0.9
    assert create_simulation("gd2d", {"start": "1 2"}).params.start == (1.0, 2.0)


@pytest.mark.parametrize(
    ("name", "settings", "fragment"),
    [
        ("nope", {}, "unknown demo “nope”; available demos: gd1d, gd2d, linreg, logreg"),
        ("gd1d", {"bogus": "1"}, "unknown parameter “bogus” for demo “gd1d”"),
        ("gd1d", {"lr": "fast"}, "“fast” is not a number"),
        ("gd1d", {"lr": "20"}, "“lr” must be between 0.0001 and 10, not 20"),
        ("gd1d", {"preset": "steep"}, "unknown value “steep” for “preset”"),
        ("gd1d", {"function": "__import__('os')"}, "bad formula in “function”"),
        ("gd1d", {"function": "x + y"}, "Unknown name “y”"),
        ("gd2d", {"start": "1"}, "“start” needs exactly 2 numbers, not 1"),
        ("linreg", {"preset": "bowl"}, "unknown parameter “preset”"),
        ("logreg", {"loss": "hinge"}, "choose one of: mse, cross-entropy"),
    ],
)
def test_bad_settings_are_refused_with_one_translated_sentence(
    name: str, settings: dict[str, str], fragment: str
) -> None:
    with pytest.raises(DemoSettingError) as caught:
        create_simulation(name, settings)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_refusals_speak_estonian() -> None:
    i18n.set_language("et")
    with pytest.raises(DemoSettingError, match="„lr“ peab olema vahemikus 0,0001 kuni 10"):
        create_simulation("gd1d", {"lr": "20"})
    with pytest.raises(DemoSettingError, match="vigane valem „function“ väärtuses"):
        create_simulation("gd1d", {"function": "import os"})
    with pytest.raises(DemoSettingError, match="pole parameetrit „bogus“"):
        GradientDescent1D(bogus=1)


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"lr": 0.0}, "between"),
        ({"lr": float("nan")}, "is not a number"),
        ({"lr": True}, "wrong kind"),
        ({"steps": 2.5}, "wrong kind"),
        ({"start": [1.0]}, "wrong kind"),
        ({"function": parse_formula("x*y", ("x", "y"))}, "Unknown name “y”"),
    ],
)
def test_typed_values_are_checked_too(values: dict[str, object], fragment: str) -> None:
    with pytest.raises(DemoSettingError, match=fragment):
        GradientDescent1D().changed(**values)


def test_changed_keeps_earlier_settings_but_a_preset_starts_fresh() -> None:
    sim = GradientDescent1D(preset="crawl").changed(lr=0.5)
    assert (sim.params.preset, sim.params.lr, sim.params.start) == ("crawl", 0.5, 3.0)
    sim = sim.changed(start="1,5")
    assert (sim.params.lr, sim.params.start) == (0.5, 1.5)
    fresh = sim.changed(preset="oscillate")
    assert (fresh.params.lr, fresh.params.start) == (0.9, 3.0)
    typed = sim.changed(function="x^4 - 3x^2 + x")
    assert typed.params.function.text == "x^4 - 3x^2 + x" and typed.params.lr == 0.5
    two = GradientDescent2D(preset="valley").changed(momentum=0.5, start=(1, 2))
    assert two.params.momentum == 0.5 and two.params.start == (1.0, 2.0)
    assert two.params.function.text == "x^2 + 20y^2"


def test_a_bad_change_leaves_the_old_simulation_as_it_was() -> None:
    sim = GradientDescent1D(preset="two-minima")
    sim.run(5)
    with pytest.raises(DemoSettingError):
        sim.changed(function="x^")
    assert sim.step_count == 5 and sim.params.function.text == "x^4 - 3x^2 + x"


def test_retuned_carries_on_from_the_current_point() -> None:
    sim = GradientDescent1D(preset="crawl")
    sim.run(10)
    theta = sim.state()["theta"]
    faster = sim.retuned(lr=0.1)
    assert faster.step_count == 10 and faster.state()["theta"] == theta
    assert faster.version > sim.version
    faster.step()
    assert faster.state()["theta"] == pytest.approx(theta * 0.8)
    assert len(faster.state()["path"]) == 12
    gone = GradientDescent1D(preset="diverge")
    gone.run(1000)
    again = gone.retuned(lr=0.1)
    assert again.step_count == 0 and again.status == "running" and again.params.start == 3.0


def test_version_changes_exactly_when_the_state_does() -> None:
    sim = GradientDescent1D(function="x^2", lr=0.5, start=1.0)
    before = sim.version
    sim.step()  # straight to 0, then converged
    sim.step()
    assert sim.status == "converged"
    after = sim.version
    assert after > before
    sim.step()
    sim.run(5)
    assert sim.version == after
    sim.reset()
    assert sim.version > after and sim.step_count == 0 and sim.status == "running"


def test_done_at_the_step_limit() -> None:
    sim = GradientDescent1D(preset="crawl", steps=5)
    sim.run(100)
    assert sim.status == "done" and sim.step_count == 5
    assert status_sentence(sim) == "The step limit (5) was reached."


def test_status_messages() -> None:
    sim = GradientDescent1D(preset="good")
    assert status_sentence(sim) == ""
    sim.run(1000)
    assert status_sentence(sim).startswith("The descent converged after 56 steps")
    assert status_sentence(sim).endswith("shorter than 1·10⁻⁶.")  # as the readout writes |Δθ|
    i18n.set_language("et")
    assert "56" in status_sentence(sim)


def test_numbers_rows_are_the_table_of_steps() -> None:
    sim = GradientDescent1D(preset="bowl")
    sim.run(2)
    rows = sim.numbers_rows()
    assert [tuple(row) for row in rows] == [
        (0, 3.0, 9.0, 6.0, None),
        (1, pytest.approx(2.4), pytest.approx(5.76), pytest.approx(4.8), pytest.approx(0.6)),
        (2, pytest.approx(1.92), pytest.approx(3.6864), pytest.approx(3.84), pytest.approx(0.48)),
    ]
    two = GradientDescent2D(preset="bowl")
    two.step()
    assert two.numbers_rows()[1].theta == pytest.approx([2.0, 1.6])
    assert two.numbers_rows()[1].grad == pytest.approx([4.0, 3.2])
    json.dumps(two.numbers_rows(), allow_nan=False)


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("gd1d", {"theta", "loss", "grad", "path"}),
        ("gd2d", {"theta", "loss", "grad", "path"}),
        ("linreg", {"theta", "loss", "losses"}),
        ("logreg", {"theta", "loss", "losses"}),
    ],
)
def test_json_shape(name: str, keys: set[str]) -> None:
    sim = create_simulation(name, {})
    sim.run(3)
    data = json.loads(json.dumps(sim.to_json(), ensure_ascii=False, allow_nan=False))
    assert set(data) == {"demo", "params", "step", "status", "state"}
    assert data["demo"] == name and data["step"] == 3 and data["status"] == "running"
    assert keys <= set(data["state"])
    assert "lr" in data["params"] and "steps" in data["params"]


def test_json_has_null_for_numbers_that_are_not_finite() -> None:
    sim = GradientDescent1D(function="exp(x^2)", lr=10, start=1.0)
    sim.run(5)
    data = sim.to_json()
    text = json.dumps(data, allow_nan=False)
    assert data["status"] == "diverged" and data["state"]["loss"] is None and "null" in text


DESCENTS = ("gd1d", "gd2d", "linreg", "logreg")


def test_every_demo_in_the_lessons_builds(tmp_path: object) -> None:
    built = 0
    for language in ("et", "en"):
        lecture = load_lecture(language)
        for section in lecture.sections:
            for slide in section.slides:
                demo = slide.demo
                if demo is None:
                    continue
                assert demo.kind in DEMOS, (slide.id, demo.kind)  # every block runs
                sim = from_demo_block(demo.kind, demo.as_dict())
                sim.run(3)
                # a short walk (a small graph's backward pass) may be done after 3 steps
                ended_well = ("running",) if demo.kind in DESCENTS else ("running", "done")
                assert sim.status in ended_well, (slide.id, status_sentence(sim))
                built += 1
    assert built >= 2 * 26  # the lesson's 26 demo blocks in both languages


def test_from_demo_block_refuses_an_unknown_kind() -> None:
    with pytest.raises(DemoSettingError, match="unknown demo “hopfield”"):
        from_demo_block("hopfield", {})
    sim = from_demo_block("gd1d", {"preset": "crawl", "lr": 0.02})
    assert sim.params.lr == 0.02 and sim.params.start == 3.0


def test_readout_in_the_active_number_format() -> None:
    sim = GradientDescent2D(preset="bowl")
    sim.step()
    i18n.set_language("et")
    lines = descent_readout(sim)
    assert lines[0] == "gd2d  k = 1"
    assert lines[1] == "θ = (2,000; 1,600)"  # 4 significant digits, trailing zeros kept
    assert lines[3] == "∇𝓔(θ) = (4,000; 3,200)"
    assert lines[4] == "|Δθ| = 0,6403"
    ascii_lines = descent_readout(
        GradientDescent1D(function="x^2", start=-0.00001), ascii_only=True
    )
    assert ascii_lines[1] == "theta = -1,000*10^-5" and ascii_lines[4] == "|step| = -"


def test_a_tiny_gradient_in_the_readout_is_not_zero() -> None:
    """∇𝓔 = 2·3e−12 was written 0 beyond the readout's 10 decimals (issue 13 hunt); now
    ·10⁻ⁿ as every number below 0,001."""
    i18n.set_language("et")
    lines = descent_readout(GradientDescent1D(function="x^2", start=3e-12))
    assert lines[1] == "θ = 3,000·10⁻¹²"
    assert lines[3] == "∇𝓔(θ) = 6,000·10⁻¹²"


@pytest.mark.parametrize(
    "cls",
    [GradientDescent1D, GradientDescent2D, LinearRegressionDescent, LogisticRegressionDescent],
)
def test_long_runs_stay_small(cls: type) -> None:
    """What a run of 2 000 steps holds on to is its history's float64 rows, at most doubled by
    the buffer's growth: a row kept as Python objects (a list of floats) would hold several
    times more, and so would anything else a step leaves behind."""
    import tracemalloc

    sim = cls(steps=2_000, lr=0.0001)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        sim.run(2_000)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert sim.step_count == 2_000 and sim.status == "done"
    rows = 2_001 * (2 * sim.dim + 2) * 8  # θ, 𝓔, ∇𝓔 and |Δθ| of every visited point
    assert held <= 2 * rows + 50_000, (held, rows)


def test_status_messages_in_estonian() -> None:
    """Needs the Estonian catalog entries from spec/sims-et.json."""
    i18n.set_language("et")
    sim = GradientDescent1D(preset="diverge")
    sim.run(1000)
    assert status_sentence(sim) == "Laskumine hajus: sammul 70 kasvas viga üle 10¹²."


ULP = 2.3e-16  # float64's relative spacing: NumPy's fused dot product and ``math`` differ by one


@pytest.mark.parametrize(
    "values",
    [[3.0], [-2.5e-7], [1e-200], [1e200], [0.0], [3.0, -4.0], [1e-170, 2e-170], [1e160, -1e160]],
)
def test_length_is_the_same_float_as_numpy_s_norm(values: list[float]) -> None:
    """The descents measure |Δθ| and α·|∇𝓔| of one or two numbers with ``math``; the floats
    are NumPy's to within the unit of the last bit that a fused multiply-add changes (NumPy's
    dot product uses one where the CPU has it), under- and overflow (0 and ∞) exactly."""
    with np.errstate(all="ignore"):
        assert length(values) == pytest.approx(float(np.linalg.norm(np.array(values))), rel=ULP)
    assert all_finite(values)
    assert not all_finite([*values, math.nan]) and not all_finite([math.inf, *values])


@pytest.mark.parametrize(
    "sim",
    [
        GradientDescent1D(preset="two-minima"),
        GradientDescent2D(preset="valley", momentum=0.5),
        LinearRegressionDescent(),
    ],
    ids=["gd1d", "gd2d-momentum", "linreg"],
)
def test_each_reported_step_is_the_length_of_the_move(sim: Simulation) -> None:
    sim.run(200)
    thetas, steps = sim.history.thetas, sim.history.steps
    moves = [float(np.linalg.norm(b - a)) for a, b in itertools.pairwise(thetas)]
    assert steps[1:].tolist() == pytest.approx(moves, rel=ULP)  # one unit of the last bit


@pytest.mark.parametrize("cls", [GradientDescent1D, GradientDescent2D, LinearRegressionDescent])
def test_a_run_turns_numpy_warnings_off_once_not_once_a_step(
    cls: type[Simulation], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A descent step is a few microseconds of arithmetic; entering ``np.errstate`` for each
    would be a tenth of it. The run enters it once, and a single step once too."""
    entered = []
    errstate = np.errstate

    def counted(**settings: str) -> np.errstate:
        entered.append(settings)
        return errstate(**settings)

    sim = cls(steps=2_000, lr=0.0001)
    monkeypatch.setattr(np, "errstate", counted)
    sim.run(500)
    sim.step()
    assert sim.step_count == 501 and sim.status == "running"
    assert entered == [{"all": "ignore"}] * 2


def test_history_rows_read_are_the_rows_added_whenever_they_are_read() -> None:
    """Rows wait as tuples and reach the float64 buffer together (when read, or 64 at a time),
    through the buffer's growth: what is read is every row added, in order, as floats."""
    history = History(2, capacity=4)
    expected = []
    for k in range(300):
        row = ([k, -k], k * 0.5, [math.nan, math.inf], float(k % 7))
        history.append(*row)
        expected.append([k, -k, k * 0.5, math.nan, math.inf, float(k % 7)])
        if k in (0, 3, 64, 65, 200):  # read now and then, as a drawn frame does
            np.testing.assert_array_equal(history.rows, np.array(expected))
        assert len(history) == k + 1
    np.testing.assert_array_equal(history.rows, np.array(expected))
    np.testing.assert_array_equal(history.thetas, np.array(expected)[:, :2])
    assert history.rows.dtype == np.float64 and history.steps[-1] == 299 % 7
