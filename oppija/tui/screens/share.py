"""The share line: the command that opens a slide with its demo as it is on screen now."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from oppija.i18n import N_, _
from oppija.tui.screens.dialog import DialogScreen


class ShareScreen(DialogScreen):
    """The line to write on the board or put in a handout; copied to the clipboard too."""

    DEFAULT_CSS = """
    ShareScreen > Vertical { width: 90; }
    ShareScreen #share-title { text-style: bold; margin-bottom: 1; }
    ShareScreen #share-line { color: $text; background: $boost; padding: 0 1; margin-bottom: 1; }
    ShareScreen #share-note { display: none; color: $warning; margin-top: 1; }
    ShareScreen #share-note.-shown { display: block; }
    ShareScreen #share-close { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape,enter,K,q", "close", N_("Close")),
        Binding("c", "copy", N_("Copy")),
    ]

    def __init__(
        self, line: str, check: Callable[[Callable[[], bool]], bool] | None = None
    ) -> None:
        """``check(stop)`` tells whether the line really reproduces the demo; it runs in a
        thread and gives up when ``stop()`` is true (the dialog closed)."""
        super().__init__()
        self.line = line
        self._check = check
        self.reproduces: bool | None = None
        """After the check: whether the line gives the same picture (None until known)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(id="share-title")
            yield Static(Text(self.line), id="share-line")
            yield Static(id="share-about")
            yield Static(id="share-note")
            yield Static(id="share-close")

    def relanguage(self) -> None:
        """Every word in the active language (the line itself is the same in both)."""
        self.query_one("#share-title", Static).update(Text(_("Share this demo"), style="bold"))
        self.query_one("#share-about", Static).update(
            _(
                "This command opens the slide with the demo as it is now: its settings and "
                "steps. It was copied to the clipboard, where the terminal allows it."
            )
        )
        self.query_one("#share-close", Static).update(_("c copies it again; Esc or Enter closes."))
        if self.reproduces is False:
            self.query_one("#share-note", Static).update(
                _(
                    "Note: part of this picture comes from changes made while the demo ran, "
                    "which a command line cannot hold. The command starts the demo over with "
                    "the settings of now and runs as many steps, so its picture may differ."
                )
            )

    def on_mount(self) -> None:
        self.relanguage()
        if self._check is not None:
            self._run_check(self._check)

    @work(thread=True, exclusive=True)
    def _run_check(self, check: Callable[[Callable[[], bool]], bool]) -> bool:
        worker = get_current_worker()
        return check(lambda: worker.is_cancelled)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The check is done: a line that would give another picture says so."""
        if event.state != WorkerState.SUCCESS or not isinstance(event.worker.result, bool):
            return
        self.reproduces = event.worker.result
        if not self.reproduces:
            self.relanguage()
            self.query_one("#share-note", Static).add_class("-shown")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.line)
        self.notify(_("Copied."), timeout=2)
