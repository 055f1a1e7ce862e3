"""Practice mode in a step-through demo: the learner types the number shown next.

For step-through demos with practice questions (:mod:`oppija.practice`): ``P`` asks for the
next number in the demo's own field, with the formula and each hint above it; Enter on an
empty field skips the step; Escape (or ``P`` again) leaves. ``E`` makes a fresh exercise from a
new seed, told to the learner so that ``oppija harjuta NAME --seed N`` gives it again. Every
judging is :class:`~oppija.practice.attempt.Attempt`'s; the widget only shows and steps.
"""

from __future__ import annotations

import random
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from oppija.i18n import N_, _
from oppija.practice.attempt import Attempt
from oppija.practice.exercises import exercise, next_question
from oppija.progress import timestamp
from oppija.progress_practice import UnsolvedStep
from oppija.review.step_state import unsolved_step
from oppija.sims.demo import ReplayedDemo
from oppija.tui.oppija_app import oppija_app
from oppija.tui.widgets.demo_panel import TypedValue
from oppija.tui.widgets.step_demo import StepDemo

R = TypeVar("R", bound=ReplayedDemo)

# The field's use for an answer (never a key of its own: ``P`` opens it); its label is the
# question, the placeholder says what goes in.
PRACTICE = TypedValue("P", "practice", N_("your answer"), N_("your answer"))
SEEDS = 2**31  # every demo's seed is below this


class PracticeDemo(StepDemo[R]):
    """A step-through demo whose next number the learner can compute: ``P``, and ``E`` for a
    fresh exercise."""

    DEFAULT_CSS = """
    PracticeDemo #practice-text { height: auto; display: none; color: $text; }
    PracticeDemo.-practising #practice-text { display: block; }
    """

    BINDINGS = [
        Binding("P", "practice", N_("Compute it yourself")),
        Binding("E", "fresh", N_("A fresh exercise")),
    ]

    _attempt: Attempt | None = None

    def compose_extra(self) -> ComposeResult:
        yield from super().compose_extra()
        yield Static(id="practice-text")

    @property
    def practising(self) -> bool:
        """Whether the field is open for a practice answer."""
        return self._typing is PRACTICE

    def action_practice(self) -> None:
        """Practice on (the next number asked) or off."""
        if self.practising:
            self._close_input()
            return
        self._stop()
        self._ask()

    def action_fresh(self) -> None:
        """A new exercise of this demo from a new seed; practice goes on if it was on."""
        seed = random.SystemRandom().randrange(SEEDS)
        practising = self.practising
        if self._try(lambda: exercise(self.kind, seed)):
            self.notify(_("A fresh exercise: seed {seed}").format(seed=seed), timeout=4)
            if practising:
                self._ask()

    def _ask(self) -> None:
        """Open the field for the next number; steps that ask nothing are shown on the way."""
        simulation = self.simulation
        question = next_question(simulation)
        while question is None and simulation.status == "running":
            simulation.step()
            question = next_question(simulation)
        self._changed()
        if question is None:
            self._close_input()
            self.notify(_("Nothing left to compute here: r starts again, e gives a fresh exercise"))
            return
        self._attempt = Attempt(question)
        self._typing = PRACTICE
        self.query_one("#demo-input-label", Label).update(question.prompt)
        field = self.query_one("#demo-input", Input)
        field.value = ""
        field.placeholder = _(PRACTICE.label)
        self._show_practice("")
        self._show_error("")
        self.add_class("-typing", "-practising")
        field.focus()

    def _show_practice(self, message: str) -> None:
        """The formula with its numbers, and under it what the last try was told."""
        lines = [] if self._attempt is None else [self._attempt.question.formula]
        if message:
            lines.append(message)
        self.query_one("#practice-text", Static).update("\n".join(lines))

    def apply_typed(self, setting: str, text: str) -> bool:
        if setting != PRACTICE.setting:
            return super().apply_typed(setting, text)
        attempt = self._attempt
        if attempt is None:
            return True
        if not text.strip():  # skipped: the step is shown and counts for nothing
            self.simulation.step()
            self._ask()
            return False
        feedback = attempt.answer(text)
        result = attempt.result(feedback)
        if result is None:
            self._show_practice(feedback.message)
            if feedback.outcome == "wrong":  # a new try starts empty; unreadable text stays
                self.query_one("#demo-input", Input).value = ""
            return False
        app = oppija_app(self.app)
        app.progress.record_practice(self.kind, result, self._as_unsolved())
        app.request_save()
        self.notify(feedback.message, timeout=8)
        self.simulation.step()
        self._ask()
        return False

    def _as_unsolved(self) -> UnsolvedStep:
        """The question asked now (the step's first), as ``oppija korda`` rebuilds it."""
        return unsolved_step(self.simulation, 0, timestamp())

    def _close_input(self) -> None:
        self._attempt = None
        self.query_one("#demo-input", Input).placeholder = ""
        self.remove_class("-practising")
        super()._close_input()
