"""SIGTERM, SIGHUP and SIGQUIT end the app as `q` does: progress saved, the terminal given back.

Before, each killed the process on the spot: the terminal stayed in the app's alternate screen
with mouse tracking on and no cursor, and the moves of the last half second were lost.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import (
    FIRST_SCREEN,
    LEAVE_ALTERNATE_SCREEN,
    MOUSE_OFF,
    SHOW_CURSOR,
    TerminalApp,
)

RIGHT = b"\x1b[C"
SECOND_STEP_OF_THE_TITLE_SLIDE = "Loeng algas"


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT])
def test_a_stop_signal_saves_and_gives_the_terminal_back(
    terminal_app: Callable[..., TerminalApp], tmp_path: Path, number: signal.Signals
) -> None:
    app = terminal_app("--data-dir", str(tmp_path))
    assert app.read_until(lambda out: FIRST_SCREEN in out), app.output[-500:]
    app.press(RIGHT)  # a move, then the signal at once: well inside the half-second debounce
    app.wait_for(SECOND_STEP_OF_THE_TITLE_SLIDE)
    app.process.send_signal(number)

    assert app.finish() == 0
    after_the_last_frame = app.output[app.output.rindex(b"\x1b[1;1H") :]
    for sequence in (LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR, MOUSE_OFF):
        assert sequence in after_the_last_frame
    saved = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    assert (saved["slide_id"], saved["step"]) == ("title", 1)


def test_closing_the_terminal_window_saves_and_ends_the_app(
    terminal_app: Callable[..., TerminalApp], tmp_path: Path
) -> None:
    """The window closed: the kernel hangs up the terminal and sends SIGHUP. Nothing can be
    shown any more, but the last move is saved and the process ends instead of being killed."""
    app = terminal_app("--data-dir", str(tmp_path))
    assert app.read_until(lambda out: FIRST_SCREEN in out), app.output[-500:]
    app.press(RIGHT)
    app.wait_for(SECOND_STEP_OF_THE_TITLE_SLIDE)
    app.hang_up()

    assert app.process.wait(timeout=15) >= 0  # ended by itself, not killed by the signal
    saved = json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))
    assert (saved["slide_id"], saved["step"]) == ("title", 1)
