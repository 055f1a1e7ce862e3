"""The ``oppija`` command line's grammar: argparse, translated, one-line errors.

Imported only when there are arguments to read: a bare ``oppija`` starts the app without it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from oppija import __version__, i18n
from oppija.cli_options import add_data_dir_option, add_language_option
from oppija.cli_output import shown
from oppija.i18n import _
from oppija.notes.parser import add_notes_parser, add_presenter_options


def install_argparse_translations() -> None:
    """Let argparse's own words ('usage', 'options', its errors) speak the active language."""
    # argparse looks both names up in its module globals on every message; there is no hook.
    vars(argparse).update(_=i18n.gettext, ngettext=i18n.ngettext)


class Parser(argparse.ArgumentParser):
    """argparse with a one-line translated error and exit status 2, never a traceback."""

    def error(self, message: str) -> NoReturn:
        """One line; what the learner typed is echoed with its control characters escaped."""
        self.exit(
            2,
            _("%(prog)s: error: %(message)s\n")
            % {"prog": self.prog, "message": shown(message, limit=1000)},
        )


def build_parser() -> Parser:
    parser = Parser(
        prog="oppija",
        description=_("The deep learning lecture in a terminal, with live demos."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"oppija {__version__}",
        help=_("print the version and exit"),
    )
    add_language_option(parser)
    parser.add_argument("--slide", metavar="ID", help=_("start on the slide with this id"))
    _add_demo_setup_options(
        parser,
        dests=("slide_settings", "slide_steps"),
        set_help=_("with --slide: a setting of its demo, as for `oppija demo` (repeat for more)"),
        steps_help=_("with --slide: steps its demo runs first"),
    )
    add_data_dir_option(
        parser, _("where progress is saved (default: the user data folder; also OPPIJA_DATA_DIR)")
    )
    parser.add_argument(
        "--reset-progress",
        action="store_true",
        help=_("ask, then delete the saved progress"),
    )
    parser.add_argument(
        "--ascii",
        action="store_true",
        help=_("draw without braille and box-drawing characters"),
    )
    add_presenter_options(parser)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    check = commands.add_parser(
        "check", help=_("check lesson files and report every problem as file:line: message")
    )
    check.add_argument("paths", nargs="*", metavar=_("PATH"), help=_("files or folders"))
    commands.add_parser("list", help=_("print the table of contents"))
    _add_demo_parser(commands)
    from oppija.serve.arguments import add_serve_parser

    add_serve_parser(commands, _count)
    add_notes_parser(commands, _count)
    from oppija.report.command import add_report_parser

    add_report_parser(commands)
    from oppija.export.command import add_export_parser

    add_export_parser(commands)
    from oppija.practice.command import add_harjuta_parser

    add_harjuta_parser(commands, _count(0, 2**31 - 1))  # the range of every demo's seed
    from oppija.review.command import add_korda_parser

    add_korda_parser(commands)
    return parser


def _count(least: int, most: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``least`` to ``most``, refused in one line."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("“{text}” is not a whole number").format(text=text)
            ) from None
        if not least <= value <= most:
            raise argparse.ArgumentTypeError(
                _("{value} is not between {least} and {most}").format(
                    value=text, least=i18n.format_integer(least), most=i18n.format_integer(most)
                )
            )
        return value

    return parse


def _add_demo_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    """`oppija demo NAME`: a demo run headless; the names come from the simulation registry."""
    demo = commands.add_parser(
        "demo",
        help=_("run a demo without the app and print its picture or its state as JSON"),
    )
    demo.add_argument(
        "name", metavar=_("NAME"), help=_("the demo, e.g. gd1d (a wrong name lists them all)")
    )
    _add_demo_setup_options(
        demo,
        dests=("settings", "steps"),
        set_help=_('a setting, e.g. lr=0,1 or start="1 2" (repeat for more)'),
        steps_help=_("descent steps to run first (default: 0, the start)"),
        steps_default=0,
    )
    demo.add_argument(
        "--width", type=_count(20, 1000), default=80, metavar="W", help=_("width in columns")
    )
    demo.add_argument(
        "--height", type=_count(5, 500), default=24, metavar="H", help=_("height in rows")
    )
    demo.add_argument(
        "--ascii",
        dest="demo_ascii",
        action="store_true",
        help=_("draw without braille and box-drawing characters"),
    )
    demo.add_argument("--json", action="store_true", help=_("print the state as one JSON object"))


def _add_demo_setup_options(
    parser: Parser,
    *,
    dests: tuple[str, str],
    set_help: str,
    steps_help: str,
    steps_default: int | None = None,
) -> None:
    """``--set KEY=VALUE`` (repeatable) and ``--steps N``, stored in ``dests``: one grammar for
    ``oppija demo NAME`` and ``oppija --slide ID``, so a share line (demo_setup.share_line)
    reads as a demo's command line does."""
    settings_dest, steps_dest = dests
    parser.add_argument(
        "--set",
        dest=settings_dest,
        action="append",
        default=[],
        metavar=_("KEY=VALUE"),
        help=set_help,
    )
    parser.add_argument(
        "--steps",
        dest=steps_dest,
        type=_count(0, 1_000_000),
        default=steps_default,
        metavar="N",
        help=steps_help,
    )
