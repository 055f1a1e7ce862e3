"""``oppija check`` and ``oppija list``: lesson files checked and listed; text, never tracebacks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from oppija.content.loader import LanguageCounts, LessonError, check_paths, load_lecture
from oppija.i18n import _, format_integer, ngettext
from oppija.resources import lessons_dir

_UNPRINTABLE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters shown as ``\\xNN``."""
    return _UNPRINTABLE_RE.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def describe_counts(counts: LanguageCounts) -> str:
    """'3 sections, 12 slides, 4 demos, 5 quizzes, 14 glossary terms' in the active language."""
    parts = [
        ngettext("{n} section", "{n} sections", counts.sections),
        ngettext("{n} slide", "{n} slides", counts.slides),
        ngettext("{n} demo", "{n} demos", counts.demos),
        ngettext("{n} quiz", "{n} quizzes", counts.quizzes),
        ngettext("{n} glossary term", "{n} glossary terms", counts.glossary_terms),
    ]
    numbers = (
        counts.sections,
        counts.slides,
        counts.demos,
        counts.quizzes,
        counts.glossary_terms,
    )
    return ", ".join(
        part.format(n=format_integer(n)) for part, n in zip(parts, numbers, strict=True)
    )


def summary(counts: dict[str, LanguageCounts]) -> str:
    """One line: what was checked, per language."""
    return "; ".join(
        _("{language}: {counts}").format(language=language, counts=describe_counts(value))
        for language, value in counts.items()
    )


def run_check(paths: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Check lesson files; print each problem as ``file:line: message`` to ``out``.

    With no paths, the lessons that come with oppija are checked. Returns 1 if there are
    problems, else 0 after a one-line summary; 2 only if the check itself failed.
    """
    try:
        targets = [Path(path) for path in paths] or [lessons_dir()]
        report = check_paths(targets)
        if report.problems:
            for problem in report.problems:
                print(printable(str(problem)), file=out)
            return 1
        print(printable(summary(report.counts)), file=out)
        return 0
    except OSError:  # writing the report failed (a reader that left, a full disk): `main` says
        raise
    except Exception as error:  # the last line of defence: a message, never a traceback
        print(
            printable(_("oppija: internal error while checking: {error}").format(error=error)),
            file=err,
        )
        return 2


def run_list(language: str, out: TextIO, root: Path | None = None) -> int:
    """Print the table of contents of the lecture in ``language``: sections and slide ids.

    A lecture with mistakes is not listed: its problems are printed instead (status 1).
    """
    try:
        lecture = load_lecture(language, root)
    except LessonError as error:
        for problem in error.problems:
            print(printable(str(problem)), file=out)
        return 1
    except Exception as error:  # pragma: no cover - the loader does not raise anything else
        print(
            printable(_("oppija: internal error while checking: {error}").format(error=error)),
            file=out,
        )
        return 2
    title = lecture.title + (f" — {lecture.subtitle}" if lecture.subtitle else "")
    print(printable(title), file=out)
    width = max((len(slide.id) for slide in lecture.slides), default=0)
    for number, section in enumerate(lecture.sections, start=1):
        print(file=out)
        print(printable(f"{format_integer(number)}. {section.title}"), file=out)
        for slide in section.slides:
            print(printable(f"   {slide.id.ljust(width)}  {slide.title}"), file=out)
    return 0
