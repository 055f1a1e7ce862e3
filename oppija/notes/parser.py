"""The command line of ``oppija notes`` and the app's hidden classroom options."""

from __future__ import annotations

import argparse
from typing import TypeVar

from oppija.i18n import _

P = TypeVar("P", bound=argparse.ArgumentParser)

MAX_MINUTES = 24 * 60


def add_presenter_options(parser: argparse.ArgumentParser) -> None:
    """``--present`` and, hidden (for ``oppija serve``), ``--position-file`` and ``--follow``."""
    parser.add_argument(
        "--present",
        action="store_true",
        help=_("the projector view: no contents, the demo large, notes on `oppija notes`"),
    )
    parser.add_argument("--position-file", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--follow", metavar="PATH", help=argparse.SUPPRESS)


def _minutes(text: str) -> int:
    """An argparse type: the talk's length in whole minutes, 1 to a day."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a whole number").format(text=text)
        ) from None
    if not 1 <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            _("{value} is not between {least} and {most}").format(
                value=text, least=1, most=MAX_MINUTES
            )
        )
    return value


def add_notes_parser(commands: argparse._SubParsersAction[P]) -> None:
    """``oppija notes [--minutes N] [--data-dir DIR]``."""
    notes = commands.add_parser(
        "notes",
        help=_("the teacher notes of the slide `oppija --present` shows, with a clock and a timer"),
    )
    notes.add_argument(
        "--minutes",
        type=_minutes,
        metavar="N",
        help=_("count down from N minutes instead of counting the time up"),
    )
    notes.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        default=argparse.SUPPRESS,  # else it would hide a --data-dir given before `notes`
        help=_("the presenter's data folder (default: the user data folder)"),
    )
