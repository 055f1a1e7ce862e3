"""Running ``oppija notes``: check the data folder, then start the notes app in the terminal."""

from __future__ import annotations

import argparse
import sys

from oppija.i18n import _


def run_notes(args: argparse.Namespace, on_a_terminal: bool, ascii_mode: bool) -> int:
    """Follow the presenter whose data folder is ``args.data_dir`` (default: the user's);
    ``ascii_mode``: without box drawing (``--ascii`` or a terminal that is not UTF-8)."""
    from oppija.cli_data_dir import data_dir_problem
    from oppija.presenter_state import default_position_file
    from oppija.progress import resolve_data_dir

    directory = resolve_data_dir(getattr(args, "data_dir", None))
    problem = data_dir_problem(directory, create=True)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if not on_a_terminal:
        print(_("oppija notes: the notes screen needs a terminal."), file=sys.stderr)
        return 2
    from oppija.tui.notes_app import NotesApp

    NotesApp(default_position_file(directory), args.minutes, ascii_mode=ascii_mode).run()
    return 0
