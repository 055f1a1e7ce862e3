"""The ``oppija`` command: the lecture in a terminal (default) and its helper subcommands.

Every message goes through gettext, argparse's own included; bad arguments exit with status 2
and one line in the active language. Textual is imported only when the app really starts.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from oppija import i18n
from oppija.cli_output import (
    drop_output_if_unwritable,
    fit_streams_to_encoding,
    let_reader_go,
    shown,
)
from oppija.i18n import _
from oppija.threads import limit_blas_threads

if TYPE_CHECKING:
    import argparse

    from oppija.progress import Progress

INTERRUPTED = 130
"""The exit status of a command stopped with Ctrl+C (128 + SIGINT), as shells expect."""


def _pre_language(argv: Sequence[str]) -> str | None:
    """The language asked for on the command line or in OPPIJA_LANG, before parsing."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return i18n.normalise_language(argv[i + 1])
        if arg.startswith("--lang="):
            return i18n.normalise_language(arg.split("=", 1)[1])
    return i18n.normalise_language(os.environ.get("OPPIJA_LANG"))


def _confirm(question: str) -> bool:
    """A yes/no question on the terminal; anything but yes (or no terminal at all) is no."""
    try:
        answer = input(question)
    except (EOFError, KeyboardInterrupt, RuntimeError):  # RuntimeError: stdin was closed
        print()
        return False
    return answer.strip().lower() in {_("y"), _("yes"), "y", "yes", "j", "jah"}


def _reset_progress(data_dir: str | None) -> int:
    from oppija.cli_data_dir import data_dir_problem
    from oppija.progress import ProgressSaveError, ProgressStore, resolve_data_dir

    store = ProgressStore(resolve_data_dir(data_dir))
    problem = data_dir_problem(store.directory, create=False)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    path = shown(str(store.path))
    if not os.path.lexists(store.path):
        print(_("There is no saved progress in {path}.").format(path=path))
        return 0
    if not _confirm(_("Delete the saved progress in {path}? [y/N] ").format(path=path)):
        print(_("Nothing was deleted."))
        return 0
    try:
        store.reset()
    except ProgressSaveError as error:
        print(shown(str(error), limit=1000), file=sys.stderr)
        return 1
    print(_("The saved progress was deleted."))
    return 0


def _ascii_wanted(flag: bool) -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return flag or encoding not in {"utf8", "utf8sig"}


def _run_app(
    data_dir: str | None,
    slide: str | None,
    ascii_flag: bool,
    language_chosen: bool,
    demo_args: tuple[list[str], int | None] = ([], None),
    classroom: argparse.Namespace | None = None,
) -> int:
    """The lecture; ``demo_args`` are ``--set`` and ``--steps`` for the demo of ``slide``,
    ``classroom`` the parsed --present, --position-file and --follow."""
    from oppija.cli_data_dir import data_dir_problem
    from oppija.cli_lecture import lecture_or_problems
    from oppija.progress import ProgressStore, resolve_data_dir

    pairs, steps = demo_args
    if (pairs or steps is not None) and not slide:
        return _usage_error(_("--set and --steps need --slide ID: they set up one slide's demo"))
    store = ProgressStore(resolve_data_dir(data_dir))
    problem = data_dir_problem(store.directory, create=True)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    loaded = store.load()
    progress = loaded.progress
    if not language_chosen and loaded.restored:
        i18n.set_language(progress.language)
    lecture = lecture_or_problems(sys.stderr, cache_dir=store.directory)
    if lecture is None:
        return 1
    if slide:
        try:
            lecture.slide_index(slide)
        except KeyError:
            print(
                _("There is no slide “{id}”. `oppija list` shows them all.").format(
                    id=shown(slide)
                ),
                file=sys.stderr,
            )
            return 2
        if pairs or steps is not None:
            from oppija.demo_setup import set_slide_demo

            try:
                set_slide_demo(lecture, slide, _demo_settings(pairs), progress)
            except ValueError as error:
                return _usage_error(str(error))
    if not _on_a_terminal():
        print(
            _(
                "oppija: the lecture needs a terminal (its input and output are not one); "
                "`oppija list` and `oppija demo` work without."
            ),
            file=sys.stderr,
        )
        return 2

    from oppija.tui.app import OppijaApp

    present = bool(classroom and classroom.present)
    position_file = classroom.position_file if classroom else None
    follow = classroom.follow if classroom else None
    if present and not position_file:
        from oppija.presenter_state import default_position_file

        position_file = str(default_position_file(store.directory))
    app = OppijaApp(
        lecture,
        progress,
        store,
        start_slide=slide,
        start_steps=(steps or 0) if pairs or steps is not None else None,
        notices=[loaded.notice] if loaded.notice else [],
        resumed=loaded.restored,
        ascii_mode=_ascii_wanted(ascii_flag),
        presenting=present,
        position_file=Path(position_file) if position_file else None,
        follow_file=Path(follow) if follow else None,
    )
    app.run()
    if app.save_failure is not None:
        _tell_unsaved(app.save_failure, app.progress)
        return 1
    return app.return_code or 0


def _usage_error(message: str) -> int:
    """A bad command line: one line, whole and escaped, status 2."""
    print(
        _("%(prog)s: error: %(message)s\n")
        % {"prog": "oppija", "message": shown(message, limit=1000)},
        end="",
        file=sys.stderr,
    )
    return 2


def _on_a_terminal() -> bool:
    """Whether the app can talk with a learner: keys from a terminal, the screen to one.

    Textual draws on stderr, so a redirected stderr would swallow the screen as well. Started
    by ``oppija serve``, the pipes are the browser's terminal and the web driver draws into them.
    """
    from oppija.serve.web_driver import served_to_a_browser

    if served_to_a_browser():
        return True
    streams = (sys.stdin, sys.stdout, sys.stderr)
    try:
        return all(stream is not None and stream.isatty() for stream in streams)
    except (ValueError, OSError):  # a closed stream
        return False


def _tell_unsaved(reason: str, progress: Progress) -> None:
    """The save at exit failed: say so, and keep this session's progress in a spare folder."""
    import tempfile

    from oppija.progress import ProgressError, ProgressStore

    print(shown(reason, limit=1000), file=sys.stderr)  # it names the folder the learner typed
    try:
        spare = ProgressStore(Path(tempfile.mkdtemp(prefix="oppija-progress-")))
        spare.save(progress)
    except (OSError, ProgressError):
        print(_("This session's progress could not be kept anywhere."), file=sys.stderr)
        return
    print(
        _(
            "This session's progress was kept in {path}; `oppija --data-dir {folder}` "
            "continues from it."
        ).format(path=shown(str(spare.path)), folder=shown(str(spare.directory))),
        file=sys.stderr,
    )


def _demo_settings(pairs: Sequence[str]) -> dict[str, str]:
    """``["lr=0,1", "start=3"]`` as a dict; the last of a repeated key wins."""
    settings: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip():
            raise ValueError(_("“{text}” is not KEY=VALUE").format(text=pair))
        settings[key.strip()] = value
    return settings


def _run_demo(args: argparse.Namespace) -> int:
    """Build the demo from its settings (refusing bad ones before running anything), run it,
    print the frame or the JSON state."""
    from oppija.practice.command import practice_json, practice_switch
    from oppija.sims import DemoSettingError, create_simulation

    try:
        settings = _demo_settings(args.settings)
        practice = practice_switch(settings)
        simulation = create_simulation(args.name, settings)
    except (DemoSettingError, ValueError) as error:
        # Whole and escaped: a name typed with a line break in it stays on the one line.
        message = shown(str(error) or type(error).__name__, limit=1000)
        print(
            _("%(prog)s: error: %(message)s\n") % {"prog": "oppija demo", "message": message},
            end="",
            file=sys.stderr,
        )
        return 2
    simulation.run(args.steps)
    if args.json:
        import json

        # On a terminal that cannot show θ, JSON's own \u escapes keep the data exact.
        ascii_json = _ascii_wanted(False)
        document = simulation.to_json()
        if practice:
            from oppija.sims.base import plain

            document["practice"] = plain(practice_json(simulation))
        print(json.dumps(document, ensure_ascii=ascii_json, allow_nan=False))
        return 0
    ascii_only = _ascii_wanted(args.ascii or args.demo_ascii)
    from oppija.scenes import render_frame

    print(render_frame(simulation, args.width, args.height, ascii_only))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Whatever the command, Ctrl+C exits 130 with one line, a reader that leaves the pipe
    (`oppija check | head`) exits 0 quietly, and output never fails on the terminal's encoding.
    """
    limit_blas_threads()
    fit_streams_to_encoding()
    try:
        status = _main(argv)
        if sys.stdout is not None:  # None when started with stdout closed (`oppija list >&-`)
            sys.stdout.flush()  # here, where a closed pipe can still be handled
        return status
    except BrokenPipeError:  # the reader left, which is no error
        let_reader_go()
        return 0
    except KeyboardInterrupt:
        _say(_("oppija: interrupted"))
        return INTERRUPTED
    except OSError as error:  # the last line of defence for files and folders
        from oppija.regular_files import os_error_reason

        where = f" ({shown(str(error.filename))})" if error.filename else ""
        _say(f"oppija: {os_error_reason(error)}{where}")
        drop_output_if_unwritable()
        return 1


def _say(line: str) -> None:
    """One line to stderr, even if stderr itself is gone."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    chosen = _pre_language(args_list)
    i18n.set_language(chosen or i18n.DEFAULT_LANGUAGE)
    if not args_list:  # plain `oppija`: straight to the lecture, argparse is not needed
        return _run_app(None, None, ascii_flag=False, language_chosen=chosen is not None)
    from oppija.cli_parser import build_parser, install_argparse_translations

    install_argparse_translations()
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:
        return int(stop.code or 0) if isinstance(stop.code, int | None) else 2
    if args.lang:
        i18n.set_language(args.lang)
    if (args.slide_settings or args.slide_steps is not None) and (
        args.command or args.reset_progress
    ):
        return _usage_error(
            _(
                "--set and --steps belong to the lecture (with --slide); a command takes its own "
                "after its name"
            )
        )
    if args.command == "check":
        from oppija.content.commands import run_check

        return run_check(args.paths, sys.stdout, sys.stderr)
    if args.command == "list":
        from oppija.content.commands import run_list

        return run_list(i18n.current_language(), sys.stdout)
    if args.command == "demo":
        return _run_demo(args)
    if args.command == "harjuta":
        from oppija.practice.command import run_harjuta

        return run_harjuta(args.name, args.seed, args.json, sys.stdout, sys.stderr)
    if args.command == "korda":
        from oppija.review.command import run_korda

        return run_korda(args.data_dir, sys.stdin, sys.stdout, sys.stderr)
    if args.command == "serve":
        from oppija.serve.command import run_serve

        language = args.serve_lang or args.lang
        return run_serve(
            args.host, args.port, args.class_dir, args.max_learners, language, args.teacher_name
        )
    if args.command == "notes":
        from oppija.notes.command import run_notes

        return run_notes(args, _on_a_terminal(), _ascii_wanted(args.ascii))
    if args.command == "report":
        from oppija.report.command import run_report

        return run_report(args.class_dir, args.format, sys.stdout, sys.stderr)
    if args.command == "export":
        from oppija.export.command import run_export

        return run_export(
            args.export_format, args.audience, args.sections, args.out, sys.stdout, sys.stderr
        )
    if args.reset_progress:
        return _reset_progress(args.data_dir)
    return _run_app(
        args.data_dir,
        args.slide,
        args.ascii,
        language_chosen=chosen is not None,
        demo_args=(args.slide_settings, args.slide_steps),
        classroom=args,
    )
