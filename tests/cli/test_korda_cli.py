"""`oppija korda`: the quizzes answered wrong come back, oldest mistake first; a right answer is
kept as right, a wrong one goes to the back; nothing due is said in one line."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from oppija import i18n
from oppija.cli import main
from oppija.content.loader import load_lecture
from oppija.content.model import Quiz
from oppija.progress import Progress, ProgressStore, QuizAnswer
from oppija.progress_practice import PracticeResult, UnsolvedStep
from oppija.review.due import quizzes_due


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    previous = i18n.current_language()
    yield
    i18n.set_language(previous)


def two_quizzes() -> tuple[Quiz, Quiz]:
    quizzes = [q for q in load_lecture("et").quizzes if q.kind != "open"]
    number = next(q for q in quizzes if q.kind == "number")
    choice = next(q for q in quizzes if q.kind == "choice")
    return number, choice


def wrong(at: str) -> QuizAnswer:
    return QuizAnswer(value=-999, correct=False, answered_at=at)


def korda(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folder: Path, typed: str
) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert main(["korda", "--data-dir", str(folder)]) == 0
    return capsys.readouterr().out


def test_the_oldest_mistake_comes_first_and_a_right_answer_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    number, choice = two_quizzes()
    assert number.answer is not None and choice.correct_index is not None
    answers = {
        number.id: wrong("2026-12-01T10:00:00+00:00"),
        choice.id: wrong("2026-11-30T10:00:00+00:00"),  # older: asked first
        "q-right": QuizAnswer(value=1, correct=True, answered_at="2026-11-01T10:00:00+00:00"),
    }
    ProgressStore(tmp_path).save(Progress(answers=answers))
    wrong_choice = (choice.correct_index + 1) % len(choice.choices) + 1
    right_number = i18n.format_decimal(number.answer, 6)
    out = korda(monkeypatch, capsys, tmp_path, f"{wrong_choice}\n{right_number}\n")
    assert out.index(choice.question) < out.index(number.question)
    assert "1) " in out
    saved = ProgressStore(tmp_path).load().progress
    assert saved.answers[number.id].correct is True
    assert saved.answers[choice.id].correct is False
    assert saved.answers[choice.id].answered_at > "2026-12-01"  # to the back of the queue
    assert [q.id for q in quizzes_due(load_lecture("et"), saved.answers)] == [choice.id]


def test_unreadable_or_empty_answers_change_nothing_and_nothing_due_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    number, _choice = two_quizzes()
    answers = {number.id: wrong("2026-12-01T10:00:00+00:00")}
    ProgressStore(tmp_path).save(Progress(answers=answers))
    out = korda(monkeypatch, capsys, tmp_path, "viis\n")
    assert "„viis“ ei ole arv" in out
    assert ProgressStore(tmp_path).load().progress.answers == answers
    korda(monkeypatch, capsys, tmp_path, "\n")
    assert ProgressStore(tmp_path).load().progress.answers == answers
    fresh = korda(monkeypatch, capsys, tmp_path / "fresh", "")
    assert fresh.strip().count("\n") == 0
    assert fresh.startswith("Veel pole midagi korrata")  # no praise for answers never given


def test_a_shown_practice_step_comes_back_with_hints_until_solved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lecture's network before its fourth step asks 𝓔 = (1 − 0,555)² ≈ 0,198."""
    shown = UnsolvedStep(settings={"hidden": 2}, step=3, at="2026-12-01T10:00:00+00:00")
    practice = {"backprop": PracticeResult(shown=1, unsolved=(shown,))}
    ProgressStore(tmp_path).save(Progress(practice=practice))
    out = korda(monkeypatch, capsys, tmp_path, "0,445\n0,198\n")
    assert "𝓔 = ?" in out and "0,445" in out  # the difference, named as the slip
    saved = ProgressStore(tmp_path).load().progress.practice["backprop"]
    assert saved.unsolved == () and saved.with_hints == 1
    assert "Pole midagi korrata" in korda(monkeypatch, capsys, tmp_path, "")


def test_a_practice_step_shown_again_goes_to_the_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = UnsolvedStep(settings={}, step=0, at="2026-12-01T10:00:00+00:00")
    ProgressStore(tmp_path).save(
        Progress(practice={"backprop": PracticeResult(shown=1, unsolved=(shown,))})
    )
    out = korda(monkeypatch, capsys, tmp_path, "1\n2\n3\n")
    assert "0,622" in out  # the answer and its derivation after the third try
    (again,) = ProgressStore(tmp_path).load().progress.practice["backprop"].unsolved
    assert again.step == 0 and again.at > shown.at
