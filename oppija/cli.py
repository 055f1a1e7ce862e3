"""The ``oppija`` command: the lecture in a terminal (default) and its helper subcommands.

Every message goes through gettext, argparse's own included; bad arguments exit with status 2
and one line in the active language. Textual is imported only when the app really starts.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from oppija import __version__, i18n
from oppija.i18n import _


def _install_argparse_translations() -> None:
    """Let argparse's own words ('usage', 'options', its errors) speak the active language."""
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """argparse with a one-line translated error and exit status 2, never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, _("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})


def _pre_language(argv: Sequence[str]) -> str | None:
    """The language asked for on the command line or in OPPIJA_LANG, before parsing."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return i18n.normalise_language(argv[i + 1])
        if arg.startswith("--lang="):
            return i18n.normalise_language(arg.split("=", 1)[1])
    return i18n.normalise_language(os.environ.get("OPPIJA_LANG"))


def build_parser() -> Parser:
    parser = Parser(
        prog="oppija",
        description=_("The deep learning lecture in a terminal, with live demos."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"oppija {__version__}",
        help=_("print the version and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        help=_("language of the lecture and the interface (default: et)"),
    )
    parser.add_argument("--slide", metavar="ID", help=_("start on the slide with this id"))
    parser.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        help=_("where progress is saved (default: the user data folder; also OPPIJA_DATA_DIR)"),
    )
    parser.add_argument(
        "--reset-progress",
        action="store_true",
        help=_("ask, then delete the saved progress"),
    )
    parser.add_argument(
        "--ascii",
        action="store_true",
        help=_("draw without braille and box-drawing characters"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    check = commands.add_parser(
        "check", help=_("check lesson files and report every problem as file:line: message")
    )
    check.add_argument("paths", nargs="*", metavar=_("PATH"), help=_("files or folders"))
    commands.add_parser("list", help=_("print the table of contents"))
    _add_demo_parser(commands)
    return parser


def _count(least: int, most: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``least`` to ``most``, refused in one line."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("“{text}” is not a whole number").format(text=text)
            ) from None
        if not least <= value <= most:
            raise argparse.ArgumentTypeError(
                _("{value} is not between {least} and {most}").format(
                    value=text, least=i18n.format_integer(least), most=i18n.format_integer(most)
                )
            )
        return value

    return parse


def _add_demo_parser(commands: argparse._SubParsersAction) -> None:
    """`oppija demo NAME`: a demo run headless; the names come from the simulation registry."""
    demo = commands.add_parser(
        "demo",
        help=_("run a demo without the app and print its picture or its state as JSON"),
    )
    demo.add_argument(
        "name", metavar=_("NAME"), help=_("the demo, for example gd1d, gd2d, linreg or logreg")
    )
    demo.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar=_("KEY=VALUE"),
        help=_('a setting, e.g. lr=0,1 or start="1 2" (repeat for more)'),
    )
    demo.add_argument(
        "--steps",
        type=_count(0, 1_000_000),
        default=0,
        metavar="N",
        help=_("descent steps to run first (default: 0, the start)"),
    )
    demo.add_argument(
        "--width", type=_count(20, 1000), default=80, metavar="W", help=_("width in columns")
    )
    demo.add_argument(
        "--height", type=_count(5, 500), default=24, metavar="H", help=_("height in rows")
    )
    demo.add_argument(
        "--ascii",
        dest="demo_ascii",
        action="store_true",
        help=_("draw without braille and box-drawing characters"),
    )
    demo.add_argument("--json", action="store_true", help=_("print the state as one JSON object"))


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


def _run_app(args: argparse.Namespace, language_chosen: bool) -> int:
    from oppija.content.loader import LessonError, load_lecture
    from oppija.progress import ProgressStore, resolve_data_dir

    store = ProgressStore(resolve_data_dir(args.data_dir))
    loaded = store.load()
    progress = loaded.progress
    if not language_chosen and loaded.restored:
        i18n.set_language(progress.language)
    try:
        lecture = load_lecture(i18n.current_language())
    except LessonError as error:
        print(_("The lesson files have problems:"), file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    if args.slide:
        try:
            lecture.slide_index(args.slide)
        except KeyError:
            print(
                _("There is no slide “{id}”. `oppija list` shows them all.").format(id=args.slide),
                file=sys.stderr,
            )
            return 2

    from oppija.tui.app import OppijaApp

    app = OppijaApp(
        lecture,
        progress,
        store,
        start_slide=args.slide,
        notices=[loaded.notice] if loaded.notice else [],
        resumed=loaded.restored,
        ascii_mode=_ascii_wanted(args.ascii),
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
    _install_argparse_translations()
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
    return _run_app(args, language_chosen=chosen is not None)
