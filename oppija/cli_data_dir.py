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


def os_error_text(error: OSError) -> str:
    """The reason of an ``OSError`` in the active language (the C library's words otherwise)."""
    reasons = {
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.ENOTDIR: _("a part of the path is a file, not a folder"),
        errno.EEXIST: _("a file of that name is in the way"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.ENOENT: _("no such file or folder"),
        errno.ELOOP: _("too many symbolic links"),
        errno.EIO: _("input/output error"),
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return error.strerror or str(error) or type(error).__name__


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
        return _problem(directory, os_error_text(error))
    return None


def _problem(directory: Path, reason: str) -> str:
    return _(
        "Progress cannot be kept in the folder {path}: {reason}. "
        "Name another folder with --data-dir."
    ).format(path=shown(str(directory)), reason=reason)
