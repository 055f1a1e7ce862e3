"""``oppija report``: a class folder's answers counted per question and per learner."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from oppija import i18n
from oppija.cli import main
from oppija.content.model import Lecture
from oppija.progress import ProgressFormatError, read_progress
from oppija.report.reading import read_class
from oppija.report.tally import ClassTally, tally
from tests.report.conftest import Quizzes, add_learner

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["report", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def counted(class_dir: Path, lecture: Lecture) -> ClassTally:
    return tally(lecture, read_class(class_dir))


def test_each_question_counts_answers_right_ones_and_the_commonest_mistake(
    class_dir: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    report = counted(class_dir, lecture)
    by_id = {question.quiz_id: question for question in report.questions}
    assert [q.quiz_id for q in report.questions] == [q.id for q in lecture.quizzes]

    choice = by_id[quizzes.choice.id]
    assert (choice.answered, choice.right) == (2, 1)
    assert choice.common_wrong is not None
    assert choice.common_wrong.text == quizzes.choice.choices[quizzes.wrong_choice].text
    assert choice.common_wrong.count == 1

    number = by_id[quizzes.number.id]
    assert (number.answered, number.right) == (2, 1)
    assert number.common_wrong is not None
    assert number.common_wrong.text == i18n.format_decimal(quizzes.wrong_number, 4)
    assert "," in number.common_wrong.text  # Estonian: a decimal comma

    opened = by_id[quizzes.open.id]
    assert (opened.answered, opened.right, opened.common_wrong) == (1, None, None)
    answered = {quizzes.choice.id, quizzes.number.id, quizzes.open.id}
    others = [q for q in report.questions if q.quiz_id not in answered]
    assert {(q.answered, q.common_wrong) for q in others} == {(0, None)}
    assert {q.right for q in others if q.kind != "open"} == {0}


def test_each_learner_has_slides_seen_and_a_score_of_answered_and_of_all(
    class_dir: Path, lecture: Lecture
) -> None:
    report = counted(class_dir, lecture)
    rows = {learner.name: learner for learner in report.learners}
    assert list(rows) == ["Jüri", "Kati", "Mari Õunapuu"]  # folder order; Rikkis skipped
    checkable = sum(1 for quiz in lecture.quizzes if quiz.kind != "open")
    assert (report.slides, report.checkable) == (len(lecture.slides), checkable)
    # A slide id no longer in the lecture is not counted as seen.
    assert (rows["Jüri"].seen, rows["Jüri"].answered, rows["Jüri"].right) == (3, 2, 0)
    assert (rows["Kati"].seen, rows["Kati"].answered, rows["Kati"].right) == (2, 0, 0)
    # The open question is answered but has no right answer: it is in neither count.
    assert (rows["Mari Õunapuu"].seen, rows["Mari Õunapuu"].answered) == (5, 2)
    assert rows["Mari Õunapuu"].right == 2


def test_the_text_report_in_estonian_fits_80_columns(
    capsys: pytest.CaptureFixture[str], class_dir: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    status, out, _err = run(capsys, "--class-dir", str(class_dir))
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"Klassi aruanne: {lecture.title}"
    assert "3 õppijat" in lines
    assert lines[1] == f"Klassi kaust: {class_dir}"  # a path is never broken
    assert all(cell_len(line) <= 80 for line in lines[2:])
    mari = next(line for line in lines if line.startswith("Mari Õunapuu"))
    checkable = report_checkable(lecture)
    share = i18n.format_percent(2 / checkable)
    for cell in ("mari-ounapuu", "5 / 63", "2 / 2 (100 %)", f"2 / {checkable} ({share})"):
        assert cell in mari
    assert f"{i18n.format_decimal(quizzes.wrong_number, 4)} (1)" in out


def report_checkable(lecture: Lecture) -> int:
    return sum(1 for quiz in lecture.quizzes if quiz.kind != "open")


def test_the_text_report_in_english(
    capsys: pytest.CaptureFixture[str], class_dir: Path, quizzes: Quizzes
) -> None:
    status, out, err = run(capsys, "--class-dir", str(class_dir), "--lang", "en")
    assert status == 0
    assert out.startswith("Class report: Deep learning\n")
    assert "3 learners" in out
    assert "2 / 2 (100%)" in out
    assert f"{quizzes.wrong_number:g} (1)" in out  # a decimal point
    assert "skipped" in err


def test_a_corrupt_learner_is_one_line_on_stderr_and_the_rest_is_reported(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    (class_dir / "vana").mkdir()
    (class_dir / "vana" / "learner.json").write_text('["no name"]', encoding="utf-8")
    status, out, err = run(capsys, "--class-dir", str(class_dir))
    assert status == 0
    assert err.splitlines() == [
        f"oppija report: {class_dir / 'rikkis'} jäi vahele: failis progress.json ei ole "
        "salvestatud edenemist (not JSON: Expecting value: line 1 column 27 (char 26))",
        f"oppija report: {class_dir / 'vana'} jäi vahele: failis learner.json ei ole õppija "
        "nime ja võtit (not a JSON object)",
    ]
    assert "Rikkis" not in out
    assert "Kati" in out


def test_the_report_changes_no_byte_of_the_class_folder(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    (class_dir / "kaust").mkdir()
    (class_dir / "kaust" / "learner.json").write_text('{"name": "K", "token": "t"}', "utf-8")
    (class_dir / "kaust" / "progress.json").mkdir()  # no file but a folder: not moved aside

    def files() -> dict[str, bytes | None]:
        return {
            str(path.relative_to(class_dir)): path.read_bytes() if path.is_file() else None
            for path in sorted(class_dir.rglob("*"))
        }

    before = files()
    for output_format in ("text", "csv", "html"):
        assert run(capsys, "--class-dir", str(class_dir), "--format", output_format)[0] == 0
    assert files() == before


def test_a_missing_or_unreadable_class_folder_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "--class-dir", str(tmp_path / "puudub"))
    assert (status, out) == (1, "")
    assert err == f"oppija report: Klassi kausta {tmp_path / 'puudub'} ei ole olemas.\n"
    (tmp_path / "fail").write_text("x", encoding="utf-8")
    status, out, err = run(capsys, "--class-dir", str(tmp_path / "fail"), "--lang", "en")
    assert (status, out) == (1, "")
    assert err == (
        f"oppija report: The class folder {tmp_path / 'fail'} cannot be read: "
        "a part of the path is not a folder\n"
    )


def test_an_empty_class_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "klass").mkdir()
    status, out, err = run(capsys, "--class-dir", str(tmp_path / "klass"))
    assert (status, err) == (0, "")
    assert "0 õppijat" in out
    assert f"Klassi kaustas {tmp_path / 'klass'} ei ole veel ühtegi õppijat." in out
    status, out, err = run(capsys, "--class-dir", str(tmp_path / "klass"), "--format", "csv")
    assert status == 0 and "ei ole veel ühtegi õppijat" in err
    assert out.splitlines()[0].startswith("section,slide_id,")


def test_the_csv_holds_both_tables_and_parses_back(
    capsys: pytest.CaptureFixture[str], class_dir: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    add_learner(class_dir, "=HYPERLINK(1)", {}, set())
    status, out, _err = run(capsys, "--class-dir", str(class_dir), "--format", "csv")
    assert status == 0
    assert "\r\n" in out  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    questions = [row for row in rows if row["section"] == "question"]
    learners = {row["learner"]: row for row in rows if row["section"] == "learner"}
    assert len(rows) == len(questions) + len(learners)
    assert [row["quiz_id"] for row in questions] == [quiz.id for quiz in lecture.quizzes]
    choice = next(row for row in questions if row["quiz_id"] == quizzes.choice.id)
    assert choice["question"] == quizzes.choice.question  # commas and quotes survive
    assert (choice["answered"], choice["right"]) == ("2", "1")
    assert choice["most_common_wrong"] == quizzes.choice.choices[quizzes.wrong_choice].text
    assert choice["most_common_wrong_count"] == "1"
    opened = next(row for row in questions if row["quiz_id"] == quizzes.open.id)
    assert (opened["answered"], opened["right"]) == ("1", "")
    assert set(learners) == {"Jüri", "Kati", "Mari Õunapuu", "'=HYPERLINK(1)"}
    mari = learners["Mari Õunapuu"]
    assert (mari["folder"], mari["slides_seen"], mari["slides"]) == ("mari-ounapuu", "5", "63")
    assert (mari["score_right"], mari["score_answered"]) == ("2", "2")
    assert mari["questions"] == str(report_checkable(lecture))


def test_the_csv_is_utf8_on_a_terminal_that_is_not(class_dir: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "oppija",
            "report",
            "--class-dir",
            str(class_dir),
            "--format",
            "csv",
        ],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "Mari Õunapuu".encode() in done.stdout


def test_the_html_page_escapes_names_and_loads_nothing(
    capsys: pytest.CaptureFixture[str], class_dir: Path
) -> None:
    add_learner(class_dir, "<script>alert('x')</script>", {}, set())
    status, out, _err = run(capsys, "--class-dir", str(class_dir), "--format", "html")
    assert status == 0
    assert out.startswith('<!DOCTYPE html>\n<html lang="et">')
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in out
    assert "<script" not in out
    for loads_something in ("src=", "href=", "url(", "@import", "http:", "https:"):
        assert loads_something not in out
    assert "Mari Õunapuu" in out and "Sagedaseim vale vastus" in out


def test_ties_go_to_the_first_choice_and_equal_numbers_are_one_answer(
    tmp_path: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    wrong = [i for i, choice in enumerate(quizzes.choice.choices) if not choice.correct]
    assert len(wrong) >= 2
    folder = tmp_path / "klass"
    number = quizzes.number.id
    # Named so that folder order meets the later choice first: the tie must not depend on it.
    add_learner(folder, "a", {quizzes.choice.id: wrong[1], number: "0,5"}, set())
    add_learner(folder, "b", {quizzes.choice.id: wrong[0], number: 0.5}, set())
    add_learner(folder, "c", {number: 7.0}, set())
    report = counted(folder, lecture)
    by_id = {question.quiz_id: question for question in report.questions}
    assert by_id[quizzes.choice.id].common_wrong is not None
    assert by_id[quizzes.choice.id].common_wrong.text == quizzes.choice.choices[wrong[0]].text
    assert (by_id[number].common_wrong.text, by_id[number].common_wrong.count) == ("0,5", 2)


def test_reading_progress_for_a_report_never_moves_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "progress.json").write_bytes(b"\xff not utf-8")
    with pytest.raises(ProgressFormatError):
        read_progress(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["progress.json"]
    assert read_progress(tmp_path / "nobody") is None


def test_a_bad_format_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--format", "pdf")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and "pdf" in err


def test_a_choice_saved_as_a_fraction_is_not_shown_as_that_choices_text(
    tmp_path: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    """Only a whole number picks a choice (as the quiz checks it); a hand-edited 1.0 where the
    right choice is 1 is wrong, and must not read as the right choice's text."""
    right = quizzes.choice.correct_index
    assert right is not None
    add_learner(tmp_path / "klass", "a", {quizzes.choice.id: float(right)}, set())
    question = next(
        q for q in counted(tmp_path / "klass", lecture).questions if q.quiz_id == quizzes.choice.id
    )
    assert question.right == 0
    assert question.common_wrong is not None
    assert question.common_wrong.text == str(float(right))


def test_a_choice_the_lecture_no_longer_has_is_from_an_earlier_version(
    tmp_path: Path, lecture: Lecture, quizzes: Quizzes
) -> None:
    """A lesson file edited after the lesson may have lost a choice: the answer still shows,
    as given to an earlier version of the question rather than as a choice it has now."""
    gone = len(quizzes.choice.choices)
    add_learner(tmp_path / "klass", "a", {quizzes.choice.id: gone}, set())
    question = next(
        q for q in counted(tmp_path / "klass", lecture).questions if q.quiz_id == quizzes.choice.id
    )
    assert question.common_wrong is not None
    assert question.common_wrong.text == "valik küsimuse varasemast versioonist"


def test_the_html_page_of_an_empty_class_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "klass").mkdir()
    status, out, err = run(capsys, "--class-dir", str(tmp_path / "klass"), "--format", "html")
    assert (status, err) == (0, "")
    assert "ei ole veel ühtegi õppijat" in out and "<table>" not in out


def test_a_name_that_looks_like_markup_is_printed_as_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_learner(tmp_path / "klass", "[bold]Mari[/bold] :smile:", {}, set())
    status, out, _err = run(capsys, "--class-dir", str(tmp_path / "klass"))
    assert status == 0
    assert "[bold]Mari[/bold]" in out and ":smile:" in out  # the name wraps between the two
