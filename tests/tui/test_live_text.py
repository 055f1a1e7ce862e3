"""LiveText: a demo's readout repaints in place; the screen is laid out only for a new height."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from oppija.tui.widgets.live_text import LiveText
from tests.tui.conftest import settle

LONG = "k = 12  θ = 1,234  𝓔(θ) = 0,0123  ∇𝓔 = 2,34  |Δθ| = 0,003  α = 0,1  " * 2
SHORT = "k = 13  θ = 1,2"


class Readout(App[None]):
    """A LiveText 40 cells wide under a line of text, as a demo's readout sits under its picture."""

    CSS = "LiveText { width: 40; }"

    def __init__(self, *, steady: bool) -> None:
        super().__init__()
        self.steady = steady

    def compose(self) -> ComposeResult:
        yield Static("picture")
        yield LiveText(steady=self.steady, id="readout")


async def test_new_numbers_of_the_same_height_are_painted_without_a_layout() -> None:
    app = Readout(steady=False)
    async with app.run_test(size=(60, 10)) as pilot:
        readout = app.query_one(LiveText)
        readout.show(LONG)
        await settle(pilot)
        assert readout.size.height == 4
        layouts: list[Screen[object]] = []
        app.screen.screen_layout_refresh_signal.subscribe(app, layouts.append, immediate=True)
        readout.show(LONG.replace("12", "99"))
        await settle(pilot)
        assert not layouts
        assert "k = 99" in readout.text.plain
        readout.show(SHORT)  # fewer lines: the screen is laid out, the text takes one line
        await settle(pilot)
        assert layouts
        assert readout.size.height == 1


async def test_a_steady_readout_keeps_its_lines_until_released() -> None:
    app = Readout(steady=True)
    async with app.run_test(size=(60, 10)) as pilot:
        readout = app.query_one(LiveText)
        readout.show(LONG)
        await settle(pilot)
        layouts: list[Screen[object]] = []
        app.screen.screen_layout_refresh_signal.subscribe(app, layouts.append, immediate=True)
        readout.show(SHORT)  # the next step's numbers are shorter: the picture stays put
        await settle(pilot)
        assert not layouts
        assert readout.size.height == 4
        readout.release()  # a new run
        readout.show(SHORT + " ")
        await settle(pilot)
        assert layouts
        assert readout.size.height == 1


async def test_a_readout_grid_keeps_its_cells_in_place_and_whole() -> None:
    """Cells of a readout break only between each other ("α =" never ends a line) and keep
    their columns when a number loses a digit, until released."""
    app = Readout(steady=True)
    async with app.run_test(size=(60, 10)) as pilot:
        readout = app.query_one(LiveText)
        wide = ["k = 10", "θ = −12,35", "𝓔(θ) = 6,417·10⁻⁴", "α = 0,1"]
        readout.show_cells(wide)
        await settle(pilot)
        lines = [readout.render_line(y).text.rstrip() for y in range(readout.size.height)]
        assert lines == ["k = 10  θ = −12,35  𝓔(θ) = 6,417·10⁻⁴", "α = 0,1"]  # 40 cells wide
        readout.show_cells(["k = 9", "θ = 1,920", "𝓔(θ) = 0,9664", "α = 0,1"])
        await settle(pilot)
        lines = [readout.render_line(y).text.rstrip() for y in range(readout.size.height)]
        assert lines == ["k = 9   θ = 1,920   𝓔(θ) = 0,9664", "α = 0,1"]  # nothing moved
        readout.release()
        readout.show_cells(["k = 9", "θ = 1,9", "α = 0,1"])
        await settle(pilot)
        assert readout.render_line(0).text.rstrip() == "k = 9  θ = 1,9  α = 0,1"
