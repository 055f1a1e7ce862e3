"""Files that are not regular files, made at ``path``: what a careless or hostile user may leave
where oppija expects a lesson, its progress or its cache."""

from __future__ import annotations

import os
import socket
from pathlib import Path


def link_loop(path: Path) -> None:
    path.symlink_to(path.name)


def a_folder(path: Path) -> None:
    path.mkdir()


def a_pipe(path: Path) -> None:
    os.mkfifo(path)


def dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def proc_mem(path: Path) -> None:
    """A file even root cannot read: /proc/self/mem fails with an I/O error at offset 0."""
    path.symlink_to("/proc/self/mem")


def unix_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    finally:
        server.close()
