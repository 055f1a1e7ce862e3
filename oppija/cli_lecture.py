"""The lecture a command needs, or the lesson files' problems said on stderr instead.

``oppija``, ``oppija export`` and ``oppija report`` cannot go on without the lecture; each says
the same when the lesson files are broken, and exits with status 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from oppija.cli_output import shown
from oppija.i18n import _, current_language

if TYPE_CHECKING:
    from oppija.content.model import Lecture


def lecture_or_problems(err: TextIO, cache_dir: Path | None = None) -> Lecture | None:
    """The lecture in the active language; None when its lesson files have problems, after
    printing each to ``err`` (escaped: a problem may quote a lesson's text)."""
    from oppija.content.loader import LessonError, load_lecture

    try:
        return load_lecture(current_language(), cache_dir=cache_dir)
    except LessonError as error:
        print(_("The lesson files have problems:"), file=err)
        for problem in error.problems:
            print(shown(str(problem), limit=1000), file=err)
        return None
