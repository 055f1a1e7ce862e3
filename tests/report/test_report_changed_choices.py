"""A choice answer keeps its meaning when the lesson's choices change after it was given.

A choice is saved as a position; a lesson that reorders its choices makes that position name
another choice. The report then takes the saved verdict and names no current choice for it,
while an answer to the very choices the lecture has now is still checked against today's key.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from oppija.classroom import claim_folder
from oppija.content.model import Lecture
from oppija.content.saved_choice import choices_seen
from oppija.progress import Progress, ProgressStore, QuizAnswer
from oppija.report.reading import read_class
from oppija.report.tally import QuestionTally, tally
from tests.report.conftest import ANSWERED_AT, Quizzes

EARLIER = "valik küsimuse varasemast versioonist"


def _learner(class_dir: Path, name: str, quiz_id: str, answer: QuizAnswer) -> None:
    learner = claim_folder(class_dir, name, f"token-{name}")
    ProgressStore(learner.folder).save(Progress(answers={quiz_id: answer}))


def _question(class_dir: Path, lecture: Lecture, quiz_id: str) -> QuestionTally:
    report = tally(lecture, read_class(class_dir))
    return next(q for q in report.questions if q.quiz_id == quiz_id)


def test_an_answer_saved_before_a_reorder_counts_by_its_saved_verdict(
    tmp_path: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    quiz = quizzes.choice
    count = len(quiz.choices)
    right = quiz.correct_index
    assert right is not None and count >= 3
    # The earlier version listed the same choices one place further on.
    earlier = replace(quiz, choices=tuple(quiz.choices[(i + 1) % count] for i in range(count)))
    seen = choices_seen(earlier, "et")
    was_right = (right - 1) % count  # the right one then; a wrong one's place now
    was_wrong = next(i for i in range(count) if i not in (right, (right - 1) % count))
    assert not quiz.choices[was_right].correct and not earlier.choices[was_wrong].correct
    folder = tmp_path / "klass"
    _learner(folder, "Mari", quiz.id, QuizAnswer(was_right, True, ANSWERED_AT, seen))
    _learner(folder, "Jüri", quiz.id, QuizAnswer(was_wrong, False, ANSWERED_AT, seen))
    question = _question(folder, lecture, quiz.id)
    assert (question.answered, question.right) == (2, 1)
    assert question.common_wrong is not None
    assert question.common_wrong.text == EARLIER
    assert all(question.common_wrong.text != choice.text for choice in quiz.choices)
    learners = {
        learner.name: learner.right for learner in tally(lecture, read_class(folder)).learners
    }
    assert learners == {"Mari": 1, "Jüri": 0}


def test_a_fixed_answer_key_still_counts_the_fixed_way(
    tmp_path: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    """Same choices, another right one: the answer is checked against the key as it is now."""
    quiz = quizzes.choice
    wrong = quizzes.wrong_choice
    seen = choices_seen(quiz, "et")
    folder = tmp_path / "klass"
    # Saved as right while the lesson's key wrongly named this choice.
    _learner(folder, "Mari", quiz.id, QuizAnswer(wrong, True, ANSWERED_AT, seen))
    question = _question(folder, lecture, quiz.id)
    assert (question.answered, question.right) == (1, 0)
    assert question.common_wrong is not None
    assert question.common_wrong.text == quiz.choices[wrong].text


def test_an_old_answer_whose_place_now_gets_another_verdict_is_from_an_earlier_version(
    tmp_path: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    """A file from before answers kept their choices: a wrong answer whose place is now the
    right choice was given to other choices, and is not counted right."""
    quiz = quizzes.choice
    right = quiz.correct_index
    assert right is not None
    folder = tmp_path / "klass"
    _learner(folder, "Jüri", quiz.id, QuizAnswer(right, False, ANSWERED_AT))
    question = _question(folder, lecture, quiz.id)
    assert (question.answered, question.right) == (1, 0)
    assert question.common_wrong is not None and question.common_wrong.text == EARLIER
