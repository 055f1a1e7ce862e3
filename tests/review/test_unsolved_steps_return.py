"""An unsolved practice step comes back in ``oppija korda`` as the very question the learner
met (the same prompt, formula and answer), whichever of its step's questions it was and
whatever the demo showed beyond its settings, and leaves once solved; a progress file written
before steps kept more than their settings still loads, and a step that no longer builds is
counted and said, never silently dropped."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from oppija.practice.exercises import exercise, practice_kinds, questions
from oppija.practice.question import Question
from oppija.progress import Progress, ProgressStore
from oppija.progress_practice import PracticeResult, UnsolvedStep
from oppija.review import step_state
from oppija.review.command import run_korda
from oppija.review.practice_due import rebuilt_question
from oppija.review.step_state import unsolved_step
from oppija.sims import simulation_class
from oppija.sims.attention import Attention
from oppija.sims.backprop import Backpropagation
from oppija.sims.base import Simulation
from oppija.sims.demo import Demo
from oppija.sims.rnn import RecurrentNetwork
from oppija.sims.softmax import Softmax
from tests.review.conftest import shipped_lecture

AT = "2026-12-01T10:00:00+00:00"
MOST_STEPS = 60  # a fresh conv exercise asks at its first cell; none waits longer


def lecture_demo(kind: str) -> Demo:
    """The demo of the first slide of ``kind``, as the lecture opens it."""
    slide = next(s for s in shipped_lecture("et").slides if s.demo and s.demo.kind == kind)
    assert slide.demo is not None
    return simulation_class(kind)(**slide.demo.as_dict())


def to_question(simulation: Demo) -> Demo:
    """``simulation`` stepped on to its first step that asks something."""
    for _ in range(MOST_STEPS):
        if questions(simulation):
            return simulation
        simulation.step()
    raise AssertionError(f"{simulation.name} asks nothing in {MOST_STEPS} steps")


def attention_steps(simulation: Demo) -> Demo:
    """The lecture's attention demo as a learner practises it: the five steps, head 2."""
    assert isinstance(simulation, Attention)
    simulation.set_view("steps")
    simulation.choose_head(1)
    simulation.run(2)
    return simulation


def lecture_at_question(kind: str) -> Demo:
    simulation = lecture_demo(kind)
    return to_question(attention_steps(simulation) if kind == "attention" else simulation)


def korda(folder: Path, typed: str) -> tuple[str, str]:
    """``oppija korda`` on ``folder`` with ``typed`` as its input: what it wrote, and its
    warnings."""
    out, err = io.StringIO(), io.StringIO()
    assert run_korda(str(folder), io.StringIO(typed), out, err) == 0
    return out.getvalue(), err.getvalue()


def assert_comes_back_and_leaves(
    folder: Path, demo: str, simulation: Demo, index: int | None = None
) -> None:
    """The step's question ``index`` (its last by default: not the first a review would ask
    by mistake), saved as the app saves it, is asked in ``korda`` as it was and, answered
    right, no longer comes back."""
    asked = questions(simulation)
    index = len(asked) - 1 if index is None else index
    question = asked[index]
    step = unsolved_step(simulation, index, AT)
    progress = Progress()
    progress.record_practice(demo, "shown", step)
    ProgressStore(folder).save(progress)
    out, err = korda(folder, question.shown + "\n")
    assert err == ""
    assert f"{question.prompt}   {question.formula}\n" in out
    assert "1." in out and "\n2." not in out  # only this step is asked
    assert ProgressStore(folder).load().progress.practice[demo].unsolved == ()


@pytest.mark.parametrize("kind", practice_kinds())
def test_a_fresh_exercise_step_comes_back_as_it_was_and_leaves_solved(
    kind: str, tmp_path: Path
) -> None:
    assert_comes_back_and_leaves(tmp_path, kind, to_question(exercise(kind, 7)))


@pytest.mark.parametrize("kind", practice_kinds())
def test_a_step_of_the_lectures_demo_comes_back_as_it_was_and_leaves_solved(
    kind: str, tmp_path: Path
) -> None:
    assert_comes_back_and_leaves(tmp_path, kind, lecture_at_question(kind))


def backprop_second_update() -> Demo:
    """The lecture's network after its first update: the next starts from the new weights."""
    simulation = lecture_demo("backprop")
    assert isinstance(simulation, Backpropagation)
    simulation.to_end()
    simulation.next_round()
    return to_question(simulation)


def backprop_typed_weights() -> Demo:
    simulation = lecture_demo("backprop")
    assert isinstance(simulation, Backpropagation)
    return to_question(simulation.with_weights("V", "0,3 -0,6 0,2 0,1"))


def softmax_nudged() -> Demo:
    """A step, then the first logit nudged and T changed: no run from the settings gets here."""
    simulation = lecture_demo("softmax")
    assert isinstance(simulation, Softmax)
    simulation.step()
    simulation.nudge(1)
    simulation.set_temperature(2.0)
    return simulation


def rnn_scaled() -> Demo:
    simulation = lecture_demo("rnn")
    assert isinstance(simulation, RecurrentNetwork)
    simulation.scale_recurrent(2.0)
    return to_question(simulation)


def descent_retuned(kind: str) -> Callable[[], Demo]:
    """One step, then α changed as ``+`` changes it: the path so far stays."""

    def retuned() -> Demo:
        simulation = exercise(kind, 7)
        simulation.step()
        assert isinstance(simulation, Simulation)
        return simulation.retuned(lr=simulation.lr / 2)

    return retuned


def gd1d_retuned_past_the_replay() -> Demo:
    """Two small steps on x⁴ from 3, then α = 10: from the start, α = 10 diverges at once, so
    no run from the settings reaches the step at all."""
    simulation = simulation_class("gd1d")(function="x^4", start=3.0, lr=0.001)
    simulation.run(2)
    assert isinstance(simulation, Simulation)
    return simulation.retuned(lr=10.0)


def attention_fresh_other_head() -> Demo:
    simulation = exercise("attention", 7)
    assert isinstance(simulation, Attention)
    simulation.choose_head(1)
    return simulation


SHOWN_BEYOND_SETTINGS = {
    "backprop-second-update": ("backprop", backprop_second_update),
    "backprop-typed-weights": ("backprop", backprop_typed_weights),
    "softmax-nudged": ("softmax", softmax_nudged),
    "rnn-scaled": ("rnn", rnn_scaled),
    "gd1d-retuned": ("gd1d", descent_retuned("gd1d")),
    "linreg-retuned": ("linreg", descent_retuned("linreg")),
    "gd1d-retuned-past-the-replay": ("gd1d", gd1d_retuned_past_the_replay),
    "attention-other-head": ("attention", attention_fresh_other_head),
}


@pytest.mark.parametrize("case", SHOWN_BEYOND_SETTINGS)
def test_a_step_the_settings_alone_do_not_rebuild_comes_back_as_it_was(
    case: str, tmp_path: Path
) -> None:
    kind, make = SHOWN_BEYOND_SETTINGS[case]
    assert_comes_back_and_leaves(tmp_path, kind, make())


def test_two_questions_of_one_step_are_kept_apart_and_each_comes_back(tmp_path: Path) -> None:
    """Softmax's p and 𝓔 of one state, both shown: both come back, each as itself."""
    simulation = lecture_demo("softmax")
    progress = Progress()
    asked: list[Question] = questions(simulation)[:2]
    for index in range(2):
        progress.record_practice("softmax", "shown", unsolved_step(simulation, index, AT))
    ProgressStore(tmp_path).save(progress)
    out, _err = korda(tmp_path, f"{asked[0].shown}\n{asked[1].shown}\n")
    assert out.index(asked[0].prompt) < out.index(asked[1].prompt)
    assert ProgressStore(tmp_path).load().progress.practice["softmax"].unsolved == ()


def test_an_old_progress_file_loads_and_a_step_it_cannot_rebuild_is_counted_and_kept(
    tmp_path: Path,
) -> None:
    """Written before steps kept their question, state and answer: the backprop step still
    comes back; the attention step (its view was never saved) is said, not asked, and stays."""
    old = {
        **Progress().to_json(),
        "practice": {
            "backprop": {"shown": 1, "unsolved": [{"settings": {}, "step": 0, "at": AT}]},
            "attention": {"shown": 1, "unsolved": [{"settings": {}, "step": 2, "at": AT}]},
        },
    }
    (tmp_path / "progress.json").write_text(json.dumps(old), encoding="utf-8")
    assert ProgressStore(tmp_path).load().notice is None  # loaded, not set aside
    question = questions(lecture_demo("backprop"))[0]
    out, err = korda(tmp_path, question.shown + "\n")
    assert question.prompt in out
    assert "1 harjutuse sammu ei saa selles oppija versioonis uuesti küsida" in err
    practice = ProgressStore(tmp_path).load().progress.practice
    assert practice["backprop"].unsolved == ()
    (kept,) = practice["attention"].unsolved
    assert kept == UnsolvedStep(settings={}, step=2, at=AT)


def test_a_step_rebuilt_into_another_question_is_not_asked_as_the_learners(
    tmp_path: Path,
) -> None:
    """A saved answer the rebuilt question does not have (the demo changed since): nothing
    is asked in its place, and the review says so."""
    step = unsolved_step(lecture_at_question("gd1d"), 0, AT)
    moved = UnsolvedStep(step.settings, step.step, AT, answer=(step.answer or 0.0) + 1.0)
    ProgressStore(tmp_path).save(
        Progress(practice={"gd1d": PracticeResult(shown=1, unsolved=(moved,))})
    )
    out, err = korda(tmp_path, "")
    assert "harjutuse sammu" in err and "1." not in out
    assert ProgressStore(tmp_path).load().progress.practice["gd1d"].unsolved == (moved,)


def test_a_step_whose_numbers_are_not_finite_never_makes_the_progress_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state or answer JSON cannot hold (∞) is left out of the saved step: the progress is
    saved (the whole save was refused) and loads with every other result in it."""
    simulation = to_question(exercise("gd1d", 7))
    (question,) = questions(simulation)
    monkeypatch.setattr(step_state, "questions", lambda _s: [replace(question, answer=math.inf)])
    endless = step_state.Keeping(
        lambda _s, _settings: {"theta": [math.inf]}, step_state.KEPT["gd1d"].restored
    )
    monkeypatch.setattr(step_state, "KEPT", {"gd1d": endless})
    progress = Progress(answers={}, practice={"graph": PracticeResult(first_try=3)})
    progress.record_practice("gd1d", "shown", step_state.unsolved_step(simulation, 0, AT))
    ProgressStore(tmp_path).save(progress)
    loaded = ProgressStore(tmp_path).load()
    assert loaded.notice is None
    (kept,) = loaded.progress.practice["gd1d"].unsolved
    assert kept.answer is None and kept.state == {}
    assert loaded.progress.practice["graph"].first_try == 3


BAD_STATES = {
    "gd1d-two-numbers-for-one-theta": ("gd1d", {"theta": [1.0, 2.0]}),
    "gd1d-unknown-entry": ("gd1d", {"velocity": 1.0}),
    "attention-no-such-head": ("attention", {"view": "steps", "head": 7}),
    "attention-no-such-view": ("attention", {"view": "sideways", "head": 0}),
    "rnn-beyond-the-scale": ("rnn", {"w_scale": 1000.0}),
    "backprop-wrong-size": ("backprop", {"V": [0.1, 0.2]}),
    "softmax-logits-as-text": ("softmax", {"logits": "1 2"}),
    "graph-keeps-no-state": ("graph", {"x": 1.0}),
}


@pytest.mark.parametrize("case", BAD_STATES)
def test_a_state_this_version_cannot_put_back_is_not_asked(case: str) -> None:
    """A saved state that does not fit (another version, an edited file) gives no question,
    never an error or a question in the wrong state."""
    demo, state = BAD_STATES[case]
    assert rebuilt_question(demo, UnsolvedStep({}, 2, AT, state=state)) is None


def test_a_step_shown_again_in_korda_keeps_its_question_and_state(tmp_path: Path) -> None:
    """Three wrong tries in the review: the same question goes to the back, with its state,
    once (not as the step's first question, not from the settings alone)."""
    simulation = softmax_nudged()
    step = unsolved_step(simulation, 2, AT)
    assert step.state  # the nudged logits
    progress = Progress()
    progress.record_practice("softmax", "shown", step)
    ProgressStore(tmp_path).save(progress)
    korda(tmp_path, "1\n2\n3\n")
    (again,) = ProgressStore(tmp_path).load().progress.practice["softmax"].unsolved
    assert again.at > AT
    assert (again.question, again.state, again.answer) == (2, step.state, step.answer)
