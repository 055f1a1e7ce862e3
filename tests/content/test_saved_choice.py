"""Which current choice a saved choice answer names, in the lecture's language or the other."""

from __future__ import annotations

from dataclasses import replace

from oppija.content.model import Choice, Quiz
from oppija.content.saved_choice import choices_seen, current_choice
from oppija.progress import QuizAnswer

AT = "2026-12-07T09:00:00+00:00"
QUIZ = Quiz(
    id="q",
    kind="choice",
    question="Millistel andmetel mudeleid võrrelda?",
    choices=(
        Choice("Treeningandmetel.", False, "Ei."),
        Choice("Arendusandmetel.", True, "Jah."),
        Choice("Testandmetel.", False, "Ei."),
    ),
)
REORDERED = replace(QUIZ, choices=(QUIZ.choices[1], QUIZ.choices[0], QUIZ.choices[2]))


def test_the_answer_to_these_very_choices_names_its_choice_whatever_the_key_says() -> None:
    seen = choices_seen(QUIZ, "et")
    assert current_choice(QUIZ, QuizAnswer(0, True, AT, seen), "et") == 0  # a key fixed since


def test_an_answer_to_reordered_choices_names_none() -> None:
    seen = choices_seen(REORDERED, "et")
    assert seen != choices_seen(QUIZ, "et")
    assert current_choice(QUIZ, QuizAnswer(2, False, AT, seen), "et") is None


def test_the_language_is_part_of_what_identifies_the_choices() -> None:
    assert choices_seen(QUIZ, "et") != choices_seen(QUIZ, "en")


def test_without_choices_of_this_language_the_place_counts_where_the_verdict_agrees() -> None:
    """A file from before, or an answer given in the other language: the position is trusted
    only where today's choice at that place gets the verdict the answer was saved with."""
    english = choices_seen(QUIZ, "en")
    for seen in (None, english):
        assert current_choice(QUIZ, QuizAnswer(1, True, AT, seen), "et") == 1
        assert current_choice(QUIZ, QuizAnswer(2, False, AT, seen), "et") == 2
        assert current_choice(QUIZ, QuizAnswer(1, False, AT, seen), "et") is None
        assert current_choice(QUIZ, QuizAnswer(0, True, AT, seen), "et") is None


def test_no_position_of_a_current_choice_names_none() -> None:
    for value in (3, -1, "1", 1.0):
        assert current_choice(QUIZ, QuizAnswer(value, None, AT), "et") is None
    number = Quiz(id="n", kind="number", question="Mitu?", answer=1.0)
    assert current_choice(number, QuizAnswer(1, True, AT), "et") is None
