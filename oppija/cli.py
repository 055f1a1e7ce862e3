"""The ``oppija`` command: the lecture in a terminal (default) and its helper subcommands.

Every message goes through gettext, argparse's own included; bad arguments exit with status 2
and one line in the active language. Textual is imported only when the app really starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from oppija import i18n
from oppija.i18n import _
from oppija.threads import limit_blas_threads

if TYPE_CHECKING:
    import argparse


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
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().lower() in {_("y"), _("yes"), "y", "yes", "j", "jah"}


def _reset_progress(data_dir: str | None) -> int:
    from oppija.progress import ProgressSaveError, ProgressStore, resolve_data_dir

    store = ProgressStore(resolve_data_dir(data_dir))
    if not store.path.exists():
        print(_("There is no saved progress in {path}.").format(path=store.path))
        return 0
    if not _confirm(_("Delete the saved progress in {path}? [y/N] ").format(path=store.path)):
        print(_("Nothing was deleted."))
        return 0
    try:
        store.reset()
    except ProgressSaveError as error:
        print(error, file=sys.stderr)
        return 1
    print(_("The saved progress was deleted."))
    return 0


def _ascii_wanted(flag: bool) -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return flag or encoding not in {"utf8", "utf8sig"}


def _run_app(
    data_dir: str | None, slide: str | None, ascii_flag: bool, language_chosen: bool
) -> int:
    from oppija.content.loader import LessonError, load_lecture
    from oppija.progress import ProgressStore, resolve_data_dir

    store = ProgressStore(resolve_data_dir(data_dir))
    loaded = store.load()
    progress = loaded.progress
    if not language_chosen and loaded.restored:
        i18n.set_language(progress.language)
    try:
        lecture = load_lecture(i18n.current_language(), cache_dir=store.directory)
    except LessonError as error:
        print(_("The lesson files have problems:"), file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    if slide:
        try:
            lecture.slide_index(slide)
        except KeyError:
            print(
                _("There is no slide “{id}”. `oppija list` shows them all.").format(id=slide),
                file=sys.stderr,
            )
            return 2

    from oppija.tui.app import OppijaApp

    app = OppijaApp(
        lecture,
        progress,
        store,
        start_slide=slide,
        notices=[loaded.notice] if loaded.notice else [],
        resumed=loaded.restored,
        ascii_mode=_ascii_wanted(ascii_flag),
    )
    app.run()
    return 0


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
    from oppija.sims import DemoSettingError, create_simulation

    try:
        simulation = create_simulation(args.name, _demo_settings(args.settings))
    except (DemoSettingError, ValueError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(
            _("%(prog)s: error: %(message)s\n") % {"prog": "oppija demo", "message": message},
            end="",
            file=sys.stderr,
        )
        return 2
    simulation.run(args.steps)
    if args.json:
        import json

        print(json.dumps(simulation.to_json(), ensure_ascii=False, allow_nan=False))
        return 0
    ascii_only = _ascii_wanted(args.ascii or args.demo_ascii)
    from oppija.scenes import render_frame

    print(render_frame(simulation, args.width, args.height, ascii_only))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    limit_blas_threads()
    try:
        status = _main(argv)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
        return status
    except BrokenPipeError:  # `oppija list | head`: the reader left, which is no error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush stays quiet
        return 0


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
    if args.command == "check":
        from oppija.content.commands import run_check

        return run_check(args.paths, sys.stdout, sys.stderr)
    if args.command == "list":
        from oppija.content.commands import run_list

        return run_list(i18n.current_language(), sys.stdout)
    if args.command == "demo":
        return _run_demo(args)
    if args.reset_progress:
        return _reset_progress(args.data_dir)
    return _run_app(args.data_dir, args.slide, args.ascii, language_chosen=chosen is not None)
