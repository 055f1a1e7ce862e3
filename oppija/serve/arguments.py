"""``oppija serve``'s arguments (kept here so that cli_parser.py gains only a line)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from oppija import i18n
from oppija.cli_options import add_class_dir_option
from oppija.i18n import _

if TYPE_CHECKING:
    from oppija.cli_parser import Parser

DEFAULT_PORT = 8000
DEFAULT_MAX_LEARNERS = 30


def add_serve_parser(
    commands: argparse._SubParsersAction[Parser], count: Callable[[int, int], Callable[[str], int]]
) -> None:
    """`oppija serve`: the lecture for a room of browsers."""
    serve = commands.add_parser(
        "serve",
        help=_("serve the lecture to a room of browsers, a learner and a progress folder each"),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=_("ADDRESS"),
        help=_("the address to listen on; 0.0.0.0 opens it to the room (default: 127.0.0.1)"),
    )
    serve.add_argument(
        "--port",
        type=count(1, 65535),
        default=DEFAULT_PORT,
        metavar=_("PORT"),
        help=_("the port to listen on (default: %(default)s)"),
    )
    add_class_dir_option(
        serve,
        _("where each learner's progress is kept (default: klass in the user data folder)"),
    )
    serve.add_argument(
        "--max-learners",
        type=count(1, 1000),
        default=DEFAULT_MAX_LEARNERS,
        metavar="N",
        help=_("at most this many browsers at once (default: %(default)s)"),
    )
    serve.add_argument(
        "--lang",
        dest="serve_lang",
        choices=i18n.LANGUAGES,
        help=_("language of the pages and of every learner's lecture (default: each their own)"),
    )
    serve.add_argument(
        "--teacher-name",
        metavar=_("NAME"),
        help=_(
            "the teacher's name: whoever gives it first on the name page is the teacher, and the "
            "students can follow the teacher's slide with the j key"
        ),
    )
