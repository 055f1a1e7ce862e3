"""``oppija korda [--data-dir DIR]``: the quizzes answered wrong and the practice steps whose
answer was shown, asked again in the terminal.

Oldest mistakes first; a right answer is saved as the quiz's answer (the answers screen shows it
right from then on), a wrong one is saved with its new time, so it comes back last next time.
A practice step gets the app's three tries and hints; solved, it no longer comes back. An empty
line skips a question, the end of input (Ctrl+D) stops. The progress is saved the way
the app saves it (merged with whatever another copy saved meanwhile).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TextIO, TypeVar

from oppija.cli_options import add_data_dir_option
from oppija.content.model import Quiz
from oppija.i18n import _, format_integer, ngettext
from oppija.practice.attempt import Attempt
from oppija.practice.question import Question
from oppija.progress import Progress, QuizAnswer, timestamp
from oppija.progress_practice import UnsolvedStep
from oppija.text.subscript_markup import plain_subscripts

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def add_korda_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``korda`` subcommand's arguments (its ``--data-dir`` may also come before it)."""
    korda = commands.add_parser("korda", help=_("ask the questions you answered wrong again"))
    add_data_dir_option(
        korda, _("the folder of your progress (as for the lecture)"), after_command=True
    )


def run_korda(data_dir: str | None, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """Ask every quiz that is due; 0 when the progress was saved, 1 when it could not be."""
    from oppija.content.loader import load_lecture
    from oppija.progress import ProgressSaveError, ProgressStore, resolve_data_dir
    from oppija.review.due import nothing_due, quizzes_due
    from oppija.review.practice_due import askable_steps

    store = ProgressStore(resolve_data_dir(data_dir))
    loaded = store.load()
    if loaded.notice:
        err.write(loaded.notice + "\n")
    progress = loaded.progress
    lecture = load_lecture(progress.language)
    due = quizzes_due(lecture, progress.answers)
    askable = askable_steps(progress.practice)
    steps, unbuilt = askable.asked, askable.unbuilt
    if unbuilt:  # kept in the progress all the same: a later version may build them again
        err.write(
            ngettext(
                "{count} practice step cannot be asked again in this version of oppija: "
                "it stays in your progress.",
                "{count} practice steps cannot be asked again in this version of oppija: "
                "they stay in your progress.",
                unbuilt,
            ).format(count=format_integer(unbuilt))
            + "\n"
        )
    if not due and not steps:
        if not unbuilt:
            out.write(nothing_due(progress.answers, progress.practice) + "\n")
        return 0
    out.write(
        _("{count} answers to review, the oldest first. Enter skips, Ctrl+D stops.").format(
            count=format_integer(len(due) + len(steps))
        )
        + "\n"
    )
    right, number = 0, 0
    for quiz in due:
        number += 1
        out.write(f"\n{format_integer(number)}. {plain_subscripts(quiz.question)}\n")
        for index, choice in enumerate(quiz.choices, start=1):
            out.write(f"   {format_integer(index)}) {plain_subscripts(choice.text)}\n")
        line = _read(stdin, out)
        if line is None:
            break
        right += _answer(quiz, line, progress, out)
    else:
        for demo, step, question in steps:
            number += 1
            asked = plain_subscripts(f"{question.prompt}   {question.formula}")
            out.write(f"\n{format_integer(number)}. {asked}\n")
            solved = _practise(demo, step, question, stdin, progress, out)
            if solved is None:
                break
            right += solved
    try:
        store.save(progress)
    except ProgressSaveError as error:
        err.write(f"{error}\n")
        return 1
    out.write(
        "\n"
        + _("Right now: {right}. The others come back next time.").format(
            right=format_integer(right)
        )
        + "\n"
    )
    return 0


def _read(stdin: TextIO, out: TextIO) -> str | None:
    """One answer typed after the prompt, or None at the end of input."""
    out.write(_("Your answer: "))
    out.flush()
    line = stdin.readline()
    if not line:  # the end of input: stop here, keep what was answered
        out.write("\n")
        return None
    return line.strip()


def _practise(
    demo: str,
    step: UnsolvedStep,
    question: Question,
    stdin: TextIO,
    progress: Progress,
    out: TextIO,
) -> int | None:
    """Tries at one practice step, with the app's hints; 1 when solved, None at the end of
    input. Solved, it no longer comes back; shown again, it goes to the back."""
    attempt = Attempt(question)
    while True:
        line = _read(stdin, out)
        if line is None:
            return None
        if not line:
            out.write(_("Skipped.") + "\n")
            return 0
        feedback = attempt.answer(line)
        out.write(plain_subscripts(feedback.message) + "\n")
        result = attempt.result(feedback)
        if result is not None:
            again = replace(step, at=timestamp())
            progress.record_practice(demo, result, again)
            return 1 if feedback.outcome == "right" else 0


def _answer(quiz: Quiz, text: str, progress: Progress, out: TextIO) -> int:
    """Check one typed answer and keep it; 1 when it was right. Empty or unreadable text
    changes nothing (the question stays due)."""
    if not text:
        out.write(_("Skipped.") + "\n")
        return 0
    value: int | str = text
    if quiz.kind == "choice":
        if not text.isdigit() or not 1 <= int(text) <= len(quiz.choices):
            out.write(
                _("Type the number of a choice, 1 to {last}.").format(
                    last=format_integer(len(quiz.choices))
                )
                + "\n"
            )
            return 0
        value = int(text) - 1
    try:
        correct = bool(quiz.check(value))
    except ValueError as error:  # a number question's text that is no number: translated
        out.write(f"{error}\n")
        return 0
    progress.answers[quiz.id] = QuizAnswer(value=value, correct=correct, answered_at=timestamp())
    if correct:
        out.write(_("Right!") + "\n")
        return 1
    out.write(_("Not yet: this question comes back next time.") + "\n")
    return 0
