"""``oppija serve``: check what was asked, start the classroom server, say where to open it."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from oppija.cli_output import shown
from oppija.i18n import _
from oppija.serve.addresses import addresses_to_open


def run_serve(
    host: str,
    port: int,
    class_dir: str | None,
    max_learners: int,
    language: str | None,
    teacher_name: str | None = None,
) -> int:
    """Serve the lecture until Ctrl+C; 1 (one line, no traceback) when it cannot start."""
    from oppija.classroom import default_class_dir
    from oppija.cli_data_dir import data_dir_problem

    folder = Path(class_dir) if class_dir else default_class_dir()
    problem = data_dir_problem(folder, create=True)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        from oppija.serve.server import ClassroomServer, ServeSettings
    except ImportError as error:
        print(
            _("oppija serve needs textual-serve, which is not installed ({reason}).").format(
                reason=shown(str(error))
            ),
            file=sys.stderr,
        )
        return 1
    from oppija.classroom import clean_name

    teacher = clean_name(teacher_name) if teacher_name else None
    settings = ServeSettings(host, port, folder.resolve(), max_learners, language, teacher or None)
    if settings.teacher_name:
        settings.position_file.parent.mkdir(exist_ok=True)
    server = ClassroomServer(settings)

    def announce() -> None:
        print(_("The lecture is served. Learners open in their browsers:"))
        for address in addresses_to_open(host, port):
            print(f"  {address}")
        if settings.teacher_name:
            print(
                _(
                    "The teacher opens the page first and gives the name {name}; the students "
                    "follow the teacher's slide with the j key."
                ).format(name=shown(settings.teacher_name))
            )
        print(
            _("Progress is kept in {path}. Ctrl+C stops the server.").format(
                path=shown(str(settings.class_dir))
            )
        )
        sys.stdout.flush()

    server.on_listening = announce
    try:
        server.serve()
    except OSError as error:
        reason = listen_reason(error)
        print(
            _("oppija serve cannot listen on {host}:{port}: {reason}").format(
                host=shown(host), port=port, reason=shown(reason)
            ),
            file=sys.stderr,
        )
        return 1
    print(_("The server has stopped."))
    return 0


def listen_reason(error: OSError) -> str:
    """Why the address could not be had, in the active language."""
    import socket

    from oppija.regular_files import os_error_reason

    if isinstance(error, socket.gaierror):  # its own words are English
        return _("there is no such host name (give an address, e.g. 127.0.0.1 or 0.0.0.0)")
    if error.errno == errno.EADDRINUSE:
        return _("the port is in use (is another server running? choose one with --port)")
    if error.errno == errno.EADDRNOTAVAIL:
        return _("this machine has no such address (try --host 0.0.0.0)")
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("permission denied (ports below 1024 need administrator rights)")
    return os_error_reason(error)
