"""Multiple-choice questions that cannot be answered by their shape: the right choice is not
mostly in one place and not mostly the longest, in either language."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from oppija.content.loader import load_lecture
from oppija.content.model import Quiz

LESSONS = Path(__file__).resolve().parents[2] / "lessons"


def choice_quizzes(language: str) -> list[Quiz]:
    return [q for q in load_lecture(language, LESSONS).quizzes if q.kind == "choice"]


@pytest.mark.parametrize("language", ["et", "en"])
def test_the_right_choice_is_spread_over_the_positions(language: str) -> None:
    quizzes = choice_quizzes(language)
    positions = Counter(q.correct_index for q in quizzes)
    for position in range(3):  # every question has at least three choices
        assert len(quizzes) / 5 <= positions[position] <= len(quizzes) * 0.4, positions


@pytest.mark.parametrize("language", ["et", "en"])
def test_the_right_choice_is_rarely_the_longest(language: str) -> None:
    quizzes = choice_quizzes(language)
    longest = [
        q.id
        for q in quizzes
        if q.correct_index is not None
        and len(q.choices[q.correct_index].text) == max(len(c.text) for c in q.choices)
    ]
    assert len(longest) <= len(quizzes) / 3, longest
