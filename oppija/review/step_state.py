"""What a practice step needs beyond its demo's settings to be asked again exactly.

A demo's settings rebuild its start; most practice steps are then that start run to the step.
Some demos show more than their settings say, and a step asked there would come back as
another question: the attention demo's view and head (its practice is on the five steps, a
view the settings never name), backprop's weights after an update or typed by hand, the RNN's
W scaled by ``+``/``-``, softmax's logits moved by steps and nudges while T or the class
changed, a descent's θ after α changed on the way. For each such demo this keeps, when a step
is shown, only what the settings do not already rebuild, and puts it back when the step is
asked again (:func:`restored`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from oppija.demo_setup import saved_form
from oppija.practice.exercises import questions
from oppija.progress import is_demo_value
from oppija.progress_practice import SettingValue, UnsolvedStep
from oppija.sims import simulation_class
from oppija.sims.attention import VIEWS, Attention
from oppija.sims.backprop import Backpropagation
from oppija.sims.base import Simulation
from oppija.sims.demo import Demo
from oppija.sims.rnn import SCALE_LIMITS, RecurrentNetwork
from oppija.sims.settings import checked_value
from oppija.sims.softmax import Softmax

State = dict[str, SettingValue]


def saved_settings(simulation: Demo) -> dict[str, SettingValue]:
    """The demo's settings as the progress keeps them (one that cannot be kept is left out:
    the saved answer then tells the rebuilt question apart)."""
    return {
        key: form
        for key, value in simulation.settings.items()
        if (form := saved_form(value)) is not None
    }


def typed_settings(demo: str, settings: Mapping[str, object]) -> dict[str, object]:
    """Saved settings as the demo takes them (a saved list back to the tuple it was).

    Raises:
        DemoSettingError: translated, for a setting this version refuses.
    """
    return {
        key: checked_value(demo, key, list(value) if isinstance(value, list) else value)
        for key, value in settings.items()
    }


def replayed(demo: str, settings: Mapping[str, object], step: int) -> Demo:
    """The demo built from ``settings`` alone and run to ``step``.

    Raises:
        ValueError: the run ends before ``step`` (a translated ``DemoSettingError`` for a
            setting that does not fit).
    """
    simulation = simulation_class(demo)(**settings)
    simulation.run(step)
    if simulation.step_count != step:
        raise ValueError(f"{demo} ends after {simulation.step_count} steps, before {step}")
    return simulation


def unsolved_step(simulation: Demo, question: int, at: str) -> UnsolvedStep:
    """Question number ``question`` of the step ``simulation`` asks now, as a review rebuilds
    it: the settings, the step, what else the demo shows (only what the settings do not
    give) and the answer, to check the rebuilt question by.

    Raises:
        IndexError: the step has no such question.
    """
    asked = questions(simulation)[question]
    settings = saved_settings(simulation)
    keeping = KEPT.get(simulation.name)
    try:
        state = {} if keeping is None else keeping.kept(simulation, settings)
    except ValueError:  # the saved settings no longer build it: nothing rebuilds this step
        state = {}
    if not all(is_demo_value(value) for value in state.values()):
        state = {}  # never a value that would make the progress file unreadable
    return UnsolvedStep(
        settings=settings,
        step=simulation.step_count,
        at=at,
        question=question,
        state=state,
        answer=asked.answer if is_demo_value(asked.answer) else None,
    )


def restored(
    demo: str, settings: Mapping[str, object], state: Mapping[str, object], step: int
) -> Demo:
    """The demo of a kept step: built from ``settings`` with ``state`` put back, at ``step``.

    Raises:
        ValueError: the state does not fit the demo (a translated ``DemoSettingError`` for a
            setting that does not).
    """
    keeping = KEPT.get(demo)
    if keeping is None:
        if state:
            raise ValueError(f"{demo} keeps no state: {sorted(state)!r}")
        return replayed(demo, settings, step)
    return keeping.restored(settings, state, step)


def _run_to(simulation: Demo, step: int) -> Demo:
    simulation.run(step)
    if simulation.step_count != step:
        raise ValueError(f"{simulation.name} ends before step {step}")
    return simulation


# ---------------------------------------------------------------------------- per demo
@dataclass(frozen=True)
class Keeping:
    """How one demo keeps what its settings do not say: ``kept`` writes it down (given the
    saved settings), ``restored`` builds the demo at the step with it."""

    kept: Callable[[Demo, Mapping[str, object]], State]
    restored: Callable[[Mapping[str, object], Mapping[str, object], int], Demo]


def _attention_kept(simulation: Demo, settings: Mapping[str, object]) -> State:
    assert isinstance(simulation, Attention)
    return {"view": simulation.view, "head": simulation.head}


def _attention_restored(
    settings: Mapping[str, object], state: Mapping[str, object], step: int
) -> Demo:
    view, head = state.get("view", "decoding"), state.get("head", 0)
    if set(state) - {"view", "head"} or view not in VIEWS or not isinstance(head, int):
        raise ValueError(f"no attention state {dict(state)!r}")
    simulation = Attention(view=str(view), head=head, **settings)
    if simulation.head != head:  # beyond the heads: the demo kept it within them
        raise ValueError(f"no head {head!r} of {simulation.params.heads}")
    return _run_to(simulation, step)


def _flat(rows: list[list[float]]) -> list[float]:
    return [float(v) for row in rows for v in row]


def _backprop_kept(simulation: Demo, settings: Mapping[str, object]) -> State:
    """The weights this update starts from, when the settings start elsewhere (a later
    update, weights typed by hand, inputs changed after an update)."""
    assert isinstance(simulation, Backpropagation)
    fresh = Backpropagation(weights=None, **settings)
    state: State = {}
    for name in ("V", "U"):
        weights = simulation.starting_weights(name)
        if weights != fresh.starting_weights(name):
            state[name] = _flat(weights)
    return state


def _backprop_restored(
    settings: Mapping[str, object], state: Mapping[str, object], step: int
) -> Demo:
    unknown = set(state) - {"V", "U"}
    if unknown:
        raise ValueError(f"backprop keeps no {sorted(unknown)!r}")
    simulation = Backpropagation(weights=dict(state), **settings)
    return _run_to(simulation, step)


def _rnn_kept(simulation: Demo, settings: Mapping[str, object]) -> State:
    assert isinstance(simulation, RecurrentNetwork)
    return {} if simulation.w_scale == 1.0 else {"w_scale": simulation.w_scale}


def _rnn_restored(settings: Mapping[str, object], state: Mapping[str, object], step: int) -> Demo:
    scale = state.get("w_scale", 1.0)
    low, high = SCALE_LIMITS
    if set(state) - {"w_scale"} or not isinstance(scale, float | int) or not low <= scale <= high:
        raise ValueError(f"no RNN state {dict(state)!r}")
    simulation = RecurrentNetwork(weights=None, inputs=None, **settings)
    simulation.scale_recurrent(float(scale))  # from 1: exactly ``scale``
    return _run_to(simulation, step)


def _softmax_kept(simulation: Demo, settings: Mapping[str, object]) -> State:
    """The logits shown, when stepping from the settings' logits does not reach them (a
    nudge, or T or the class changed after a step)."""
    assert isinstance(simulation, Softmax)
    now = [float(z) for z in simulation.logits]
    try:
        fresh = replayed("softmax", settings, simulation.step_count)
    except ValueError:  # the settings' run ends before: only the logits get here
        return {"logits": now}
    assert isinstance(fresh, Softmax)
    return {} if [float(z) for z in fresh.logits] == now else {"logits": now}


def _softmax_restored(
    settings: Mapping[str, object], state: Mapping[str, object], step: int
) -> Demo:
    if set(state) - {"logits"}:
        raise ValueError(f"no softmax state {dict(state)!r}")
    simulation = Softmax(**settings)
    logits = state.get("logits")
    if logits is None:
        return _run_to(simulation, step)
    if not isinstance(logits, list):
        raise ValueError(f"bad logits {logits!r}")
    simulation.set_logits([float(z) for z in logits])  # its questions are of the logits, T
    return simulation  # and the class alone: asked at the start as at any step


def _descent_kept(simulation: Demo, settings: Mapping[str, object]) -> State:
    """θ, when the settings' α (changed on the way) replays another path."""
    assert isinstance(simulation, Simulation)
    now = [float(v) for v in simulation.theta]
    try:
        fresh = replayed(simulation.name, settings, simulation.step_count)
    except ValueError:  # the settings' run ends before (α changed): only θ gets here
        return {"theta": now}
    assert isinstance(fresh, Simulation)
    return {} if [float(v) for v in fresh.theta] == now else {"theta": now}


def _descent_restored(
    demo: str,
) -> Callable[[Mapping[str, object], Mapping[str, object], int], Demo]:
    def restored_descent(
        settings: Mapping[str, object], state: Mapping[str, object], step: int
    ) -> Demo:
        theta = state.get("theta")
        if set(state) - {"theta"} or not (theta is None or isinstance(theta, list)):
            raise ValueError(f"no {demo} state {dict(state)!r}")
        if theta is None:
            return replayed(demo, settings, step)
        simulation = simulation_class(demo)(**settings)
        assert isinstance(simulation, Simulation)
        simulation.resume_at([float(v) for v in theta], step)  # kept: the replay goes elsewhere
        return simulation

    return restored_descent


def _with_settings(
    demo: str, kept: Callable[[Demo, Mapping[str, object]], State]
) -> Callable[[Demo, Mapping[str, object]], State]:
    """``kept``, comparing with the demo the saved settings build (typed as the demo reads
    them)."""

    def kept_typed(simulation: Demo, settings: Mapping[str, object]) -> State:
        return kept(simulation, typed_settings(demo, settings))

    return kept_typed


KEPT: Mapping[str, Keeping] = MappingProxyType(
    {
        "attention": Keeping(_attention_kept, _attention_restored),
        "backprop": Keeping(_with_settings("backprop", _backprop_kept), _backprop_restored),
        "rnn": Keeping(_with_settings("rnn", _rnn_kept), _rnn_restored),
        "softmax": Keeping(_with_settings("softmax", _softmax_kept), _softmax_restored),
        "gd1d": Keeping(_with_settings("gd1d", _descent_kept), _descent_restored("gd1d")),
        "linreg": Keeping(_with_settings("linreg", _descent_kept), _descent_restored("linreg")),
    }
)
