"""The lists a learner goes through (their answers, their mistakes): one item reads as one."""

from __future__ import annotations

from pathlib import Path

from oppija.content.model import Lecture
from oppija.progress import Progress, ProgressStore, QuizAnswer
from tests.tui.conftest import AppFactory, press, screen_text


async def test_a_long_item_wraps_under_its_first_word_not_under_its_mark(
    make_app: AppFactory, data_dir: Path, lecture_et: Lecture
) -> None:
    """At 80×24 a question too long for one line goes on under its own first word, in the
    answers (v) and in the review of mistakes (V): the mark column stays clear, so the next
    item's mark is where the eye finds it."""
    quiz = next(q for q in lecture_et.quizzes if q.kind == "choice" and len(q.question) > 90)
    wrong = next(i for i in range(len(quiz.choices)) if not quiz.check(i))
    answer = QuizAnswer(value=wrong, correct=False, answered_at="2026-12-01T10:00")
    ProgressStore(data_dir).save(Progress(answers={quiz.id: answer}))
    app = make_app()
    first_words, last_words = quiz.question[:20], quiz.question.split()[-1]
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("v", "V"):
            await press(pilot, key)
            lines = screen_text(app).split("\n")
            first = next(k for k, line in enumerate(lines) if first_words in line)
            column = lines[first].index(first_words)
            following = next(line for line in lines[first + 1 :] if last_words in line)
            assert following[:column].strip(" ▊") == "", (key, following)
            assert following[column] != " ", (key, following)
            await press(pilot, "escape")
