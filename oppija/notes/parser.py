"""The command line of ``oppija notes`` and the app's hidden classroom options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from oppija.cli_options import add_data_dir_option
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


def add_notes_parser(
    commands: argparse._SubParsersAction[P], count: Callable[[int, int], Callable[[str], int]]
) -> None:
    """``oppija notes [--minutes N] [--data-dir DIR]``; ``count`` is the parser's whole-number
    type (the talk's length: 1 minute to a day)."""
    notes = commands.add_parser(
        "notes",
        help=_("the teacher notes of the slide `oppija --present` shows, with a clock and a timer"),
    )
    notes.add_argument(
        "--minutes",
        type=count(1, MAX_MINUTES),
        metavar="N",
        help=_("count down from N minutes instead of counting the time up"),
    )
    add_data_dir_option(
        notes, _("the presenter's data folder (default: the user data folder)"), after_command=True
    )
