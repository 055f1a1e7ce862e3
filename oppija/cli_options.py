"""The options more than one of ``oppija``'s parsers takes, each declared here once.

Several commands repeat an option of the whole program after their own name (``oppija export
--lang en``, ``oppija korda --data-dir DIR``); ``after_command`` declares such a repetition
unset unless given, so that the same option given before the command's name is not overwritten
with nothing. The commands' own modules call these (not cli_parser.py, which calls them).
"""

from __future__ import annotations

import argparse

from oppija.i18n import LANGUAGES, _


def add_language_option(parser: argparse.ArgumentParser, *, after_command: bool = False) -> None:
    """``--lang``: the language of the lecture and the interface, the same for every command."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=_unset_after_command(after_command),
        help=_("language of the lecture and the interface (default: et)"),
    )


def add_data_dir_option(
    parser: argparse.ArgumentParser, help_text: str, *, after_command: bool = False
) -> None:
    """``--data-dir FOLDER``: a learner's (or the presenter's) progress folder."""
    parser.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        default=_unset_after_command(after_command),
        help=help_text,
    )


def add_class_dir_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--class-dir FOLDER``: the class folder that ``serve`` writes and ``report`` reads."""
    parser.add_argument("--class-dir", metavar=_("FOLDER"), help=help_text)


def _unset_after_command(after_command: bool) -> str | None:
    """The default that leaves an option given before the command's name as it was."""
    return argparse.SUPPRESS if after_command else None
