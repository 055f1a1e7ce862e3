"""``oppija report [--class-dir DIR] [--format text|csv|html]``: the class's answers, counted.

Exit status 0 whenever the class folder could be read, also when some learners' files could
not (each is one line on stderr, and the report goes on without them); 1 when the folder
itself is missing or unreadable, or the lesson files are broken.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO, TypeVar

from oppija.cli_options import add_class_dir_option, add_language_option
from oppija.cli_output import shown
from oppija.i18n import _

FORMATS = ("text", "csv", "html")

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def add_report_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``report`` subcommand's arguments (its ``--lang`` may also follow the command)."""
    report = commands.add_parser(
        "report",
        help=_("count a class's answers: per question and per learner"),
    )
    add_class_dir_option(
        report,
        _("the class folder `oppija serve` keeps (default: klass in the user data folder)"),
    )
    report.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=_("text (default), csv (one file with both tables) or html (one page)"),
    )
    add_language_option(report, after_command=True)


def run_report(class_dir: str | None, output_format: str, out: TextIO, err: TextIO) -> int:
    """Read the class folder, count, print the report to ``out`` and problems to ``err``."""
    from oppija.classroom import default_class_dir
    from oppija.cli_lecture import lecture_or_problems
    from oppija.report.reading import ClassFolderError, read_class
    from oppija.report.tally import tally

    folder = Path(class_dir) if class_dir else default_class_dir()
    try:
        reading = read_class(folder)
    except ClassFolderError as error:
        print(shown(f"oppija report: {error}", limit=1000), file=err)
        return 1
    lecture = lecture_or_problems(err)
    if lecture is None:
        return 1
    for skipped in reading.skipped:
        line = _("oppija report: skipped {folder}: {reason}").format(
            folder=skipped.folder, reason=skipped.reason
        )
        print(shown(line, limit=1000), file=err)
    report = tally(lecture, reading)
    if output_format == "csv":
        from oppija.report.csv_report import render_csv

        if not report.learners:
            from oppija.report.text_report import empty_class_line

            print(shown(empty_class_line(report), limit=1000), file=err)
        _write_utf8(render_csv(report), out)
    elif output_format == "html":
        from oppija.report.html_report import render_html

        _write_utf8(render_html(report), out)
    else:
        from oppija.report.text_report import render_text

        out.write(render_text(report))
    return 0


def _write_utf8(text: str, out: TextIO) -> None:
    """A file format's bytes are UTF-8 whatever the terminal's encoding (a pipe into a file)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
