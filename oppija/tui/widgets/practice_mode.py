"""Practice mode of a demo widget: the learner types the number the demo shows next.

Every demo whose spec says ``practice`` (the kinds :func:`~oppija.practice.exercises.
practice_kinds` has questions for) gets it, with no code of its own: ``P`` asks for the next
number in the demo's field, with the formula and its numbers and each hint above it; Enter on
an empty field skips the step; Escape (or ``P`` again) leaves. ``E`` makes a fresh exercise
from a new seed, told to the learner so that ``oppija harjuta NAME --seed N`` gives it again.
Every judging is :class:`~oppija.practice.attempt.Attempt`'s; this only asks, shows and steps.
A demo whose picture already writes what is asked (softmax) hides it while asking.
"""

from __future__ import annotations

import copy
import random
from typing import TYPE_CHECKING

from textual.widgets import Input, Label, Static

from oppija.i18n import N_, _
from oppija.practice.attempt import Attempt
from oppija.practice.exercises import (
    exercise,
    exercise_settings,
    questions,
    shows_its_answers,
    started_over_to_ask,
)
from oppija.practice.question import Question
from oppija.progress import timestamp
from oppija.progress_practice import UnsolvedStep
from oppija.review.step_state import unsolved_step
from oppija.sims.demo import Demo
from oppija.tui.oppija_app import oppija_app
from oppija.tui.slide_text import subscripted

if TYPE_CHECKING:
    from oppija.tui.widgets.demo_panel import DemoPanel

PLACEHOLDER = N_("your answer")  # what goes in the field while a question is asked
SEEDS = 2**31  # every demo's seed is below this
PRACTICE_ACTIONS = ("practice", "fresh")  # the demo keys only practice demos have
MOST_QUIET_STEPS = 400  # steps looked ahead for a question (a feature map has a hundred cells)


def steps_to_next_question(simulation: Demo) -> int:
    """How many steps on the next question is (0: none within :data:`MOST_QUIET_STEPS`),
    found on a copy, so that a run whose questions are over (a descent after its first
    steps) is not run to its end for nothing."""
    probe = copy.deepcopy(simulation)
    for ahead in range(1, MOST_QUIET_STEPS + 1):
        if probe.status != "running":
            return 0
        before = probe.step_count
        probe.step()
        if probe.step_count == before:
            return 0
        if questions(probe):
            return ahead
    return 0


class PracticeMode:
    """One demo widget's practice: the question asked now, the learner's tries at it, and the
    questions of the same step still to come (softmax asks p, 𝓔 and ∂𝓔/∂z of one state)."""

    def __init__(self, panel: DemoPanel[Demo]) -> None:
        self.panel = panel
        self.attempt: Attempt | None = None
        self.index = 0  # which of the step's questions is asked
        self._message = ""

    @property
    def asking(self) -> bool:
        """Whether a question is open in the field."""
        return self.attempt is not None

    def toggle(self) -> None:
        """Practice on (the next number asked) or off."""
        if self.asking:
            self.panel.close_field()
            return
        self.panel.pause()
        self.ask(0)

    def fresh(self) -> None:
        """A new exercise of this demo from a new seed; practice goes on if it was on."""
        panel = self.panel
        seed = random.SystemRandom().randrange(SEEDS)
        practising = self.asking

        def made() -> None:
            panel.notify(_("A fresh exercise: seed {seed}").format(seed=seed), timeout=4)
            if practising:
                self.ask(0)

        if panel.trains(exercise_settings(panel.kind, seed)):  # attention trains its model
            if practising:
                panel.close_field()
            panel.build_in_thread(lambda: exercise(panel.kind, seed), made)
        elif panel.try_change(lambda: exercise(panel.kind, seed)):
            made()

    def ask(self, index: int) -> None:
        """Open the field for question ``index`` of the step the demo stands at. Past the
        step's last question the step is shown (the number just computed appears), and the
        demo goes on to the next step that asks something, if any does."""
        simulation = self.panel.simulation
        asked = questions(simulation)
        if index >= len(asked) and index > 0:
            simulation.step()  # what was asked is shown
            index, asked = 0, questions(simulation)
        if not asked and (ahead := steps_to_next_question(simulation)):
            simulation.run(ahead)
            asked = questions(simulation)
        if not asked and index == 0 and (started := started_over_to_ask(simulation)):
            self.panel.try_change(lambda: started)  # attention: to its five steps' scores
            simulation, asked = started, questions(started)
        self.panel.refresh_demo()
        if index >= len(asked):
            self.panel.close_field()
            self.panel.notify(
                _("Nothing left to compute here: r starts again, E gives a fresh exercise")
            )
            return
        self.index = index
        self.attempt = Attempt(asked[index])
        self._message = ""
        self._show_question(asked[index])
        field = self.panel.query_one("#demo-input", Input)
        field.value = ""
        self.panel.open_field(subscripted(asked[index].prompt), _(PLACEHOLDER))
        self.panel.set_class(shows_its_answers(self.panel.kind), "-practice-hides")
        self.panel.add_class("-practising")

    def relanguage(self) -> None:
        """The question asked now, in the new language (its tries so far still count)."""
        if self.attempt is None:
            return
        asked = questions(self.panel.simulation)
        if self.index < len(asked):
            self.attempt = Attempt(asked[self.index], self.attempt.wrong)
            self._message = ""
            label = subscripted(asked[self.index].prompt)
            self.panel.query_one("#demo-input-label", Label).update(label)
            self._show_question(asked[self.index])

    def _show_question(self, question: Question) -> None:
        """The formula with its numbers, and under it what the last try was told."""
        lines = [question.formula, *([self._message] if self._message else [])]
        self.panel.query_one("#practice-text", Static).update(subscripted("\n".join(lines)))

    def answer(self, text: str) -> None:
        """Judge one typed answer: a hint, or the step counted and the next number asked."""
        attempt = self.attempt
        if attempt is None:
            return
        if not text.strip():  # skipped: the number is shown and counts for nothing
            self.ask(self.index + 1)
            return
        feedback = attempt.answer(text)
        result = attempt.result(feedback)
        if result is None:
            self._message = feedback.message
            self._show_question(attempt.question)
            if feedback.outcome == "wrong":  # a new try starts empty; unreadable text stays
                self.panel.query_one("#demo-input", Input).value = ""
            return
        app = oppija_app(self.panel.app)
        app.progress.record_practice(self.panel.kind, result, self.unsolved_step())
        app.request_save()
        self.panel.notify(feedback.message, timeout=8)
        self.ask(self.index + 1)

    def unsolved_step(self) -> UnsolvedStep:
        """The question asked now (which of the step's questions too), as a review rebuilds
        it (:func:`oppija.review.step_state.unsolved_step`)."""
        return unsolved_step(self.panel.simulation, self.index, timestamp())

    def closed(self) -> None:
        """The field closed: practice is off and the picture back."""
        self.attempt = None
        self.panel.query_one("#demo-input", Input).placeholder = ""
        self.panel.remove_class("-practising", "-practice-hides")
