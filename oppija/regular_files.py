"""Reading a file that a learner or an author controls, without hanging or exhausting memory.

``progress.json``, the lecture cache and lesson files are named by paths anyone can point
elsewhere: at a named pipe (opening it waits for a writer forever), at ``/dev/zero`` (reading
never ends), at a folder, or at a file of gigabytes. :func:`read_regular_file` looks before it
reads: only a regular file of at most ``limit`` bytes is read, and the pipe that appears
between the look and the read cannot block either (it is opened without waiting).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from oppija.i18n import _

_CHUNK = 1 << 20


class NotRegularFile(OSError):
    """The path names a folder, a pipe, a device or a socket (``mode`` says which)."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(errno.EINVAL, kind_of_file(mode), str(path))
        self.mode = mode


class FileTooLarge(OSError):
    """The file holds more than ``limit`` bytes (``size`` is what was found, at least)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, "file too large", str(path))
        self.size = size
        self.limit = limit


def kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is, in the active language."""
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISLNK(mode):
        return _("a loop of symbolic links")
    return _("a special file")


def os_error_reason(error: OSError) -> str:
    """Why the system refused, in the active language (its own ``strerror`` is English)."""
    if isinstance(error, NotRegularFile):
        return _("this is not a regular file but {kind}").format(kind=kind_of_file(error.mode))
    if isinstance(error, FileTooLarge):
        return _("the file is too large")
    reasons = {
        errno.ENOENT: _("no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.EISDIR: _("this is a folder, not a file"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.ELOOP: _("too many symbolic links"),
        errno.EIO: _("input/output error (the disk or the file system failed)"),
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the file system is read-only"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.ENXIO: _("no such device (a socket or a device that is not there)"),
    }
    quota = getattr(errno, "EDQUOT", None)
    if quota is not None:
        reasons[quota] = _("the disk quota is used up")
    return reasons.get(error.errno or 0) or error.strerror or str(error)


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is (or links to) a regular file of at most ``limit`` bytes.

    Raises:
        FileNotFoundError: nothing is there (or a link leads nowhere).
        NotRegularFile: a folder, a pipe, a device, a socket; also a loop of links.
        FileTooLarge: more than ``limit`` bytes (nothing beyond ``limit + 1`` is read).
        OSError: anything else the system refuses (permissions, I/O errors).
    """
    try:
        info = os.stat(path)  # look first: even opening some devices does something
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotRegularFile(path, stat.S_IFLNK) from None
        raise
    _check(path, info, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        _check(path, os.fstat(fd), limit)  # the file may have been swapped since the look
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise FileTooLarge(path, size, limit)
    return b"".join(chunks)


def _check(path: Path, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, info.st_mode)
    if info.st_size > limit:
        raise FileTooLarge(path, info.st_size, limit)
