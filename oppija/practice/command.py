"""``oppija harjuta [NAME] [--seed N] [--json]``: a fresh exercise with its worked solution.

Without ``--json`` it prints a worksheet to read or hand out: the exercise's numbers, the
questions in order, then the solution. With ``--json`` one object a teacher's script can use to
check a student's numbers: each question's answer and the tolerance the demo's rounding allows.
Also the ``practice`` part of ``oppija demo NAME --set practice=on --json``.
"""

from __future__ import annotations

import argparse
import json
import random
from typing import TYPE_CHECKING, TextIO, TypeVar

from oppija.i18n import _, format_integer
from oppija.practice.question import Question
from oppija.text.subscript_markup import plain_subscripts

if TYPE_CHECKING:
    from oppija.sims.demo import Demo

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)
SEEDS = 2**31  # every demo's seed is below this (oppija.sims.params.SEED_MAX)
SWITCH = {"on": True, "off": False}  # the values of the demo setting ``practice``


def add_harjuta_parser(commands: argparse._SubParsersAction[_Parser], seed_type: object) -> None:
    """The ``harjuta`` subcommand's arguments; ``seed_type`` checks a whole number's range."""
    harjuta = commands.add_parser(
        "harjuta", help=_("a fresh practice exercise with its worked solution")
    )
    harjuta.add_argument(
        "name",
        nargs="?",
        default="backprop",
        metavar=_("NAME"),
        help=_("the demo (default: backprop)"),
    )
    harjuta.add_argument(
        "--seed",
        type=seed_type,  # type: ignore[arg-type]  # an argparse type function
        help=_("the exercise's number: the same seed gives the same exercise"),
    )
    harjuta.add_argument(
        "--json", action="store_true", help=_("print the exercise and its solution as JSON")
    )


def run_harjuta(name: str, seed: int | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    """Print the exercise; a demo without exercises is refused in one line, status 2."""
    from oppija.cli_output import shown
    from oppija.practice.exercises import exercise, given_lines, worked_solution
    from oppija.sims import DemoSettingError
    from oppija.sims.base import plain

    chosen = random.SystemRandom().randrange(SEEDS) if seed is None else seed
    try:
        simulation = exercise(name, chosen)
    except DemoSettingError as error:
        message = shown(str(error), limit=1000)
        err.write(
            _("%(prog)s: error: %(message)s\n") % {"prog": "oppija harjuta", "message": message}
        )
        return 2
    start = plain(simulation.state().get("start_weights"))
    given = given_lines(simulation)
    solution = worked_solution(simulation)
    if as_json:
        document = {
            "demo": name,
            "seed": chosen,
            "settings": plain(simulation.settings),
            "start_weights": start,
            "questions": [{"step": step, **question.to_dict()} for question, step in solution],
        }
        out.write(json.dumps(document, ensure_ascii=False, allow_nan=False) + "\n")
        return 0
    out.write(plain_subscripts(_worksheet(name, chosen, given, solution)))
    return 0


def _worksheet(
    name: str,
    seed: int,
    given: list[str],
    solution: list[tuple[Question, int]],
) -> str:
    """The exercise's numbers, its questions, then their derivations."""
    from oppija.sims.registry import DEMOS

    title = f"{_(DEMOS[name].title)} ({name})" if name in DEMOS else name
    lines = [
        _("Practice exercise: {name}, seed {seed}").format(name=title, seed=seed),
        "",
        *given,
    ]
    lines += ["", _("Compute each number in turn:")]
    questions = [question for question, _step in solution]
    width = len(format_integer(len(questions)))
    for number, question in enumerate(questions, start=1):
        lines.append(f"{format_integer(number):>{width}}. {question.prompt}   {question.formula}")
    lines += ["", _("Solution:")]
    for number, question in enumerate(questions, start=1):
        lines.append(f"{format_integer(number):>{width}}. {question.derivation}")
    return "\n".join(lines) + "\n"


def practice_switch(settings: dict[str, str]) -> bool:
    """Take the ``practice`` setting out of ``oppija demo``'s settings: on, off or absent.

    Raises:
        ValueError: translated, for a value other than on or off.
    """
    value = settings.pop("practice", "off").strip()
    if value not in SWITCH:
        raise ValueError(_("“practice” is on or off, not “{value}”").format(value=value))
    return SWITCH[value]


def practice_json(simulation: Demo) -> dict[str, object] | None:
    """The next question of a running demo as ``oppija demo --json`` gives it (None: none)."""
    from oppija.practice.exercises import next_question

    question = next_question(simulation)
    if question is None:
        return None
    return {
        "prompt": question.prompt,
        "formula": question.formula,
        "answer": question.answer,
        "tolerance": question.tolerance,
        "shown": question.shown,
    }
