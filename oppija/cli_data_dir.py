"""Whether the progress folder can be used, said in the learner's language before the app starts.

A folder named too long, a file where the folder should be, a read-only disk or a folder of
someone else's: each is found here, before a lesson is shown, and told in one sentence, instead of
an ``OSError`` traceback or a session whose every save fails.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from oppija.cli_output import shown
from oppija.i18n import _
from oppija.regular_files import os_error_reason


def data_dir_problem(directory: Path, *, create: bool) -> str | None:
    """Why progress cannot be kept in ``directory``, or None when it can.

    With ``create``, a missing folder is made (the app would make it at its first save anyway);
    without it (``--reset-progress``), a missing folder is no problem: there is nothing in it.
    """
    try:
        try:
            mode = os.stat(directory).st_mode
        except FileNotFoundError:
            if not create:
                return None
            directory.mkdir(parents=True, exist_ok=True)
            mode = os.stat(directory).st_mode
        if not stat.S_ISDIR(mode):
            return _problem(directory, _("it is a file, not a folder"))
        if create and not os.access(directory, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(directory))
    except OSError as error:
        return _problem(directory, os_error_reason(error))
    return None


def _problem(directory: Path, reason: str) -> str:
    return _(
        "Progress cannot be kept in the folder {path}: {reason}. "
        "Name another folder with --data-dir."
    ).format(path=shown(str(directory)), reason=reason)
