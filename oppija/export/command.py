"""``oppija export --format html|pdf|md [--audience …] [--sections 3,4] [--out PATH]``.

Exit status 0 when the file was written; 1 when the lesson files are broken or the file cannot
be written; 2 for a bad argument (a section the lecture does not have) and for ``--format pdf``
without WeasyPrint (one line says how to get it). The file is written whole or not at all: a
temporary file beside it replaces it at the end, so a failed export never leaves half a page.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from oppija.cli_options import add_language_option
from oppija.cli_output import shown
from oppija.i18n import _, current_language, format_integer

FORMATS = ("html", "pdf", "md")
SUFFIXES = {"html": ".html", "pdf": ".pdf", "md": ".md"}

if TYPE_CHECKING:
    from oppija.export.handout import Handout

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def _section_numbers(text: str) -> tuple[int, ...]:
    """``3,4`` or ``2-5`` (or both, ``1,3-4``): section numbers as ``oppija list`` shows them."""
    numbers: list[int] = []
    for part in text.replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        try:
            low = int(first)
            high = int(last) if dash else low
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("“{text}” is not a list of section numbers like 3,4 or 2-5").format(text=text)
            ) from None
        if low < 1 or high < low:
            raise argparse.ArgumentTypeError(
                _("“{text}” is not a list of section numbers like 3,4 or 2-5").format(text=text)
            )
        numbers.extend(range(low, min(high, low + 1000) + 1))
    return tuple(numbers)


def add_export_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``export`` subcommand's arguments (its ``--lang`` may also follow the command)."""
    export = commands.add_parser(
        "export",
        help=_("write the lecture as a handout: a web page, a PDF or Markdown"),
    )
    export.add_argument(
        "--format",
        dest="export_format",
        choices=FORMATS,
        default="html",
        help=_("html (default: one file that opens offline), pdf (A4) or md (plain Markdown)"),
    )
    export.add_argument(
        "--audience",
        choices=("student", "teacher"),
        default="student",
        help=_("student (default: questions without answers) or teacher (answers and notes)"),
    )
    export.add_argument(
        "--sections",
        type=_section_numbers,
        default=(),
        metavar="3,4",
        help=_("only these sections, numbered as `oppija list` shows them (default: all)"),
    )
    export.add_argument(
        "--out",
        metavar=_("PATH"),
        help=_("the file to write (default: oppija-LANGUAGE-AUDIENCE.html, .pdf or .md here)"),
    )
    add_language_option(export, after_command=True)


def default_path(output_format: str, audience: str) -> Path:
    """``oppija-et-student.html``: the language and the copy in the name, in this folder."""
    return Path(f"oppija-{current_language()}-{audience}{SUFFIXES[output_format]}")


def run_export(
    output_format: str,
    audience: str,
    sections: Sequence[int],
    out_path: str | None,
    out: TextIO,
    err: TextIO,
) -> int:
    """Collect the lecture, render it, write the file, say where it is."""
    from oppija.cli_lecture import lecture_or_problems
    from oppija.export.handout import collect

    if output_format == "pdf":
        from oppija.export.pdf import PdfUnavailable, pdf_support

        try:
            pdf_support()
        except PdfUnavailable as error:
            print(shown(f"oppija export: {error}", limit=1000), file=err)
            return 2
    lecture = lecture_or_problems(err)
    if lecture is None:
        return 1
    count = len(lecture.sections)
    missing = sorted({number for number in sections if number > count})
    if missing:
        line = _("oppija export: there is no section {number}: the lecture has {count}").format(
            number=format_integer(missing[0]), count=format_integer(count)
        )
        print(shown(line, limit=1000), file=err)
        return 2
    handout = collect(lecture, "teacher" if audience == "teacher" else "student", sections)
    data = _render(handout, output_format)
    path = Path(out_path) if out_path else default_path(output_format, audience)
    try:
        _write_whole(path, data)
    except OSError as error:
        from oppija.regular_files import os_error_reason

        line = _("oppija export: cannot write {path}: {reason}").format(
            path=path, reason=os_error_reason(error)
        )
        print(shown(line, limit=1000), file=err)
        return 1
    print(shown(_("Wrote {path}").format(path=path), limit=1000), file=out)
    return 0


def _render(handout: Handout, output_format: str) -> bytes:
    if output_format == "pdf":
        from oppija.export.pdf import render_pdf

        return render_pdf(handout)
    if output_format == "md":
        from oppija.export.markdown_text import render_markdown

        return render_markdown(handout).encode("utf-8")
    from oppija.export.html import render_html

    return render_html(handout).encode("utf-8")


def _write_whole(path: Path, data: bytes) -> None:
    """``data`` into ``path`` through a temporary file beside it (never half a file)."""
    import errno

    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    partial: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            partial = handle.name
            handle.write(data)
        os.chmod(partial, 0o644)  # a handout is for sharing; the temporary file was 0600
        os.replace(partial, path)
        partial = None
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
