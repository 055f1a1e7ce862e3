"""One question being answered in the app: how many wrong tries so far, and how it ended.

The app's practice mode keeps one :class:`Attempt` per question; the judging itself is
:func:`~oppija.practice.question.respond`, the same for the app and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from oppija.practice.question import Feedback, Question, StepResult, respond, step_result


@dataclass
class Attempt:
    """The learner's tries at one question."""

    question: Question
    wrong: int = 0

    def answer(self, typed: str) -> Feedback:
        """Judge ``typed``; a wrong answer counts a try, unreadable text does not."""
        feedback = respond(self.question, typed, self.wrong)
        if feedback.outcome in ("wrong", "shown"):
            self.wrong += 1
        return feedback

    def result(self, feedback: Feedback) -> StepResult | None:
        """How the step counts once ``feedback`` ends it (None: the question is still open)."""
        if feedback.outcome == "right":
            return step_result(self.wrong, solved=True)
        if feedback.outcome == "shown":
            return step_result(self.wrong, solved=False)
        return None
