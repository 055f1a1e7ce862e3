"""A class folder as ``oppija serve`` leaves it: learners claimed by name, progress saved."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from oppija import i18n
from oppija.classroom import claim_folder
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture, Quiz
from oppija.progress import Progress, ProgressStore, QuizAnswer

ANSWERED_AT = "2026-12-07T09:00:00+00:00"


@pytest.fixture(autouse=True)
def _language_back() -> Iterator[None]:
    """Each test starts in Estonian and leaves the language as it found it."""
    before = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(before)


@dataclass(frozen=True)
class Quizzes:
    """The questions the class answered: a choice, a number and an open one."""

    choice: Quiz
    number: Quiz
    open: Quiz

    @property
    def wrong_choice(self) -> int:
        """The first choice that is not the right one."""
        return next(i for i, choice in enumerate(self.choice.choices) if not choice.correct)

    @property
    def wrong_number(self) -> float:
        """A number far from the right one, with decimals that show the decimal sign."""
        assert self.number.answer is not None
        return self.number.answer + 10.25


@pytest.fixture(scope="session")
def lecture() -> Lecture:
    return load_lecture("et")


@pytest.fixture(scope="session")
def quizzes(lecture: Lecture) -> Quizzes:
    by_kind = {
        kind: [q for q in lecture.quizzes if q.kind == kind] for kind in ("choice", "number")
    }
    opened = next(q for q in lecture.quizzes if q.kind == "open")
    choice = next(q for q in by_kind["choice"] if len(q.choices) >= 3)
    return Quizzes(choice=choice, number=by_kind["number"][0], open=opened)


def add_learner(
    class_dir: Path, name: str, answers: dict[str, int | float | str], seen: set[str]
) -> Path:
    """A learner who typed ``name`` in the browser and then answered and saw these."""
    learner = claim_folder(class_dir, name, f"token-{name}")
    progress = Progress(
        seen=seen,
        answers={
            quiz: QuizAnswer(value=value, correct=None, answered_at=ANSWERED_AT)
            for quiz, value in answers.items()
        },
    )
    ProgressStore(learner.folder).save(progress)
    return learner.folder


@pytest.fixture
def class_dir(tmp_path: Path, lecture: Lecture, quizzes: Quizzes) -> Path:
    """Mari answered right, Jüri wrong, Kati nothing; a fourth learner's progress is corrupt."""
    folder = tmp_path / "klass"
    slides = [slide.id for slide in lecture.slides]
    right_choice = quizzes.choice.correct_index
    assert right_choice is not None and quizzes.number.answer is not None
    add_learner(
        folder,
        "Mari Õunapuu",
        {
            quizzes.choice.id: right_choice,
            quizzes.number.id: quizzes.number.answer,
            quizzes.open.id: "Sest see on nii.",
        },
        set(slides[:5]),
    )
    add_learner(
        folder,
        "Jüri",
        {quizzes.choice.id: quizzes.wrong_choice, quizzes.number.id: quizzes.wrong_number},
        set(slides[:3]) | {"a-slide-that-is-gone"},
    )
    add_learner(folder, "Kati", {}, set(slides[:2]))
    broken = claim_folder(folder, "Rikkis", "token-rikkis").folder
    (broken / "progress.json").write_bytes(b'{"version": 1, "answers": ')
    return folder
