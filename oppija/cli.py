"""The ``oppija`` command: the lecture in a terminal (default) and its helper subcommands.

Every message goes through gettext, argparse's own included, and bad arguments exit with
status 2 and one line in the active language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from oppija import __version__, i18n
from oppija.i18n import _


def _install_argparse_translations() -> None:
    """Let argparse's own words ('usage', 'options', its errors) speak the active language."""
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """argparse with a one-line translated error and exit status 2, never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, _("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})


def _pre_language(argv: Sequence[str]) -> str:
    """The language asked for on the command line, read before the parser is built."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return i18n.normalise_language(argv[i + 1]) or i18n.language_from_environment()
        if arg.startswith("--lang="):
            return i18n.normalise_language(arg.split("=", 1)[1]) or i18n.language_from_environment()
    return i18n.language_from_environment()


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
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        help=_("language of the lecture and the interface (default: et)"),
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_pre_language(args_list))
    _install_argparse_translations()
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:
        return int(stop.code or 0)
    if args.lang:
        i18n.set_language(args.lang)
    parser.print_help()
    return 0
