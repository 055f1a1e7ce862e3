"""A practice question and how a typed answer is judged against it.

The answer is exactly the number the demo reveals next; the tolerance is half a unit of the last
digit the demo shows, around the answer and around the number as shown, so the demo's own
rounding is accepted and a number one off in that digit is not. Hints come in a fixed order: a
targeted one on the first wrong try, the formula with every other number filled in on the
second, the answer with its derivation after the third.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from oppija.i18n import _, format_fixed, parse_number
from oppija.text.excerpt import excerpt
from oppija.text.numbers import short, short_decimals

TRIES = 3  # wrong answers before the answer and its derivation are shown
TINY = 1e-10  # below this `short` writes 3e−20: the tolerance is then relative to the value

Outcome = Literal["right", "wrong", "shown", "unreadable"]
StepResult = Literal["first_try", "with_hints", "shown"]  # as oppija.progress_practice counts


def shown_decimals(value: float) -> int:
    """How many decimals the demo writes for ``value`` (the rule of :func:`short`)."""
    return short_decimals(value)


def tolerance_for(value: float) -> float:
    """Half a unit of the last shown digit: every number that rounds to what the demo shows."""
    if value != 0 and abs(value) < TINY:
        return abs(value) * 5e-3
    return 0.5 * 10.0 ** -shown_decimals(value)


@dataclass(frozen=True)
class Question:
    """One number to compute, with what the learner needs to compute it.

    ``diagnoses`` pairs numbers a typical slip gives with the hint that names the slip (a
    forgotten factor, a wrong sign); ``hint`` is the targeted hint when no slip matches and
    ``filled`` the formula with every other number in it, ending in ``= ?``.
    """

    prompt: str
    formula: str
    answer: float
    hint: str
    filled: str
    derivation: str = ""
    """How the answer comes. Left empty it is the usual one, ``filled`` with the answer as the
    demo writes it for its ``?``: written once, the two cannot disagree."""
    diagnoses: tuple[tuple[float, str], ...] = ()
    decimals: int | None = None
    """Fixed decimals where the demo writes the number so (0,659), None for :func:`short`."""
    written: str = ""
    """The answer exactly as the demo writes it, where that is not ``decimals`` fixed (2,4)."""

    def __post_init__(self) -> None:
        """Fill in the usual derivation, so that a question need not write its numbers twice."""
        if not self.derivation:
            object.__setattr__(self, "derivation", self.filled.removesuffix("?") + self.shown)

    @property
    def tolerance(self) -> float:
        if self.decimals is not None:
            return 0.5 * 10.0**-self.decimals
        return tolerance_for(self.answer)

    @property
    def shown(self) -> str:
        """The answer as the demo writes it."""
        if self.written:
            return self.written
        if self.decimals is not None:
            return format_fixed(self.answer, self.decimals)
        return short(self.answer)

    def accepts(self, value: float) -> bool:
        """Whether ``value`` is the answer within the demo's precision: closer to the answer
        than the tolerance, or within it of the number as shown (so −ln 0,724 = 0,32296 is
        0,323 as the demo writes 0,32348). One off in the last shown digit is neither."""
        if abs(value - self.answer) < self.tolerance:
            return True
        try:
            shown = parse_number(self.shown)
        except ValueError:
            return False
        return abs(value - shown) <= self.tolerance * (1 + 1e-9)

    def to_dict(self) -> dict[str, object]:
        return {
            "prompt": self.prompt,
            "formula": self.formula,
            "answer": self.answer,
            "tolerance": self.tolerance,
            "shown": self.shown,
            "hints": [self.hint, self.filled],
            "derivation": self.derivation,
        }


@dataclass(frozen=True)
class Feedback:
    """What the learner is told after one try."""

    outcome: Outcome
    message: str


def respond(question: Question, typed: str, wrong_before: int) -> Feedback:
    """Judge one typed answer; ``wrong_before`` is how many wrong tries came before it.

    Unreadable text costs no try: it gets the translated reason and nothing else.
    """
    try:
        value = parse_number(typed)
    except ValueError as error:
        if _looks_like_a_calculation(typed.strip()):
            return Feedback("unreadable", _calculation_typed(typed))
        return Feedback("unreadable", str(error))
    if question.accepts(value):
        return Feedback("right", _("Right: {answer}").format(answer=question.shown))
    wrong = wrong_before + 1
    if wrong >= TRIES:
        return Feedback(
            "shown",
            _("The answer is {answer}: {derivation}").format(
                answer=question.shown, derivation=question.derivation
            ),
        )
    if wrong == 1:
        return Feedback("wrong", _targeted(question, value))
    return Feedback(
        "wrong",
        _("Not yet. With every number filled in: {formula}").format(formula=question.filled),
    )


def _looks_like_a_calculation(text: str) -> bool:
    """Arithmetic on numbers alone, as the formula language reads it ("0,9 − 0,1 · 1,8",
    "(1 − 0,8)²"): a formula without variables."""
    from oppija.expr import FormulaError, parse_formula

    try:
        parse_formula(text, ())
    except FormulaError:
        return False
    return True


def _calculation_typed(typed: str) -> str:
    """Why a calculation is not taken: the learner works the number out, the app checks it."""
    return _("“{text}” is a calculation: work it out and type the number it gives").format(
        text=excerpt(typed.strip())
    )


def step_result(wrong_tries: int, solved: bool) -> StepResult:
    """How a finished step counts in the learner's progress."""
    if not solved:
        return "shown"
    return "first_try" if wrong_tries == 0 else "with_hints"


def _targeted(question: Question, value: float) -> str:
    """The first hint: the slip this answer shows, else what the formula is made of."""
    for slipped, hint in question.diagnoses:
        near = max(tolerance_for(slipped), question.tolerance)
        if abs(value - slipped) < near and not question.accepts(slipped):
            return _("Not yet: {hint}").format(hint=hint)
    return _("Not yet: {hint}").format(hint=question.hint)
