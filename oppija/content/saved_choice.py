"""Which current choice a saved choice answer names, if any.

A choice answer is saved as a position. When a lesson reorders or rewrites its choices, an
answer saved before then would point at another choice: the report would re-check it wrongly
and the app would mark a choice the learner never picked. So the answer also keeps what
identifies the choices it was given to (:func:`choices_seen`), and everything that reads a
saved position asks :func:`current_choice` first.
"""

from __future__ import annotations

import hashlib

from oppija.content.model import Quiz
from oppija.progress import QuizAnswer

_HASH_DIGITS = 16
"""Hex digits of the hash kept: short in the file, and two versions of one quiz's choices
sharing them by chance is out of the question."""


def choices_seen(quiz: Quiz, language: str) -> str:
    """What identifies ``quiz``'s choices, in their order, as shown in ``language``.

    The language is part of it: the English texts of the same choices hash differently, and
    an answer given in the other language is told apart from one given to other choices.
    """
    joined = "\x1f".join(choice.text for choice in quiz.choices)
    digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:_HASH_DIGITS]
    return f"{language}:{digest}"


def current_choice(quiz: Quiz, answer: QuizAnswer, language: str) -> int | None:
    """The index of the current choice ``answer`` picked, or None when it names none.

    None means the answer was given to an earlier version of the choices (or is no position
    at all): the caller takes its saved verdict and shows no current choice as the learner's.
    When the answer says which choices it was given to in ``language``, that decides. When it
    does not (a file from before, or an answer given in the other language), the position is
    trusted only where it agrees with the saved verdict; an answer whose position now gets
    another verdict was given to other choices.
    """
    value = answer.value
    if quiz.kind != "choice" or not isinstance(value, int) or not 0 <= value < len(quiz.choices):
        return None
    seen = answer.choices
    if seen is not None and seen.startswith(f"{language}:"):
        return value if seen == choices_seen(quiz, language) else None
    if answer.correct is not None and quiz.choices[value].correct != answer.correct:
        return None
    return value
