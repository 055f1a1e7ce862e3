"""The descent demos in the app: where they appear, and every key a learner uses on them."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from oppija import i18n
from oppija.content.model import Lecture
from oppija.tui.widgets.demo_picture import DemoPicture
from oppija.tui.widgets.descent_demo import DescentDemo
from oppija.tui.widgets.gd2d_demo import GradientDescent2DDemo
from oppija.tui.widgets.live_text import LiveText
from oppija.tui.widgets.step_numbers import NumberLines
from tests.tui.conftest import AppFactory, open_demo, press, screen_text, show_demo


def static_text(demo: DescentDemo, selector: str) -> str:
    return str(demo.query_one(selector, Static).render())


def live_text(demo: DescentDemo, selector: str) -> str:
    """What the readout or the status shows."""
    return demo.query_one(selector, LiveText).text.plain


async def test_a_demo_shows_only_on_its_fully_revealed_slide(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    slide = lecture_et.slide("gd-1d")
    app = make_app(slide="gd-1d")
    async with app.run_test(size=(120, 40)) as pilot:
        area = app.screen.query_one("#demo-area")
        assert not area.display and not area.children  # step 1 of 3: text first
        demo = await show_demo(pilot, lambda: press(pilot, *["right"] * (slide.step_count - 1)))
        assert isinstance(demo, DescentDemo)
        assert area.display
        assert demo.has_focus  # its keys work at once
        assert demo.simulation.name == "gd1d"
        assert "𝓔′ = 1,8" in screen_text(app)  # the slide's tangent, drawn with its slope
        await press(pilot, "right")  # on to a slide without a demo: no demo area at all
        await pilot.pause()
        assert not area.display and not area.children


async def test_step_reset_and_learning_rate_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")  # 𝓔 = x², θ⁽⁰⁾ = 3, α = 0,1
        await press(pilot, "n")
        assert demo.simulation.theta[0] == pytest.approx(2.4)  # the slide's first step
        await press(pilot, "n")
        assert demo.simulation.theta[0] == pytest.approx(1.92)
        readout = live_text(demo, "#demo-readout")
        assert "k = 2" in readout and "θ = 1,920" in readout  # 4 significant digits
        await press(pilot, "plus")
        assert demo.simulation.lr == 0.2  # the 1–2–5 ladder: 0,1 → 0,2
        assert "α = 0,2" in live_text(demo, "#demo-readout")
        assert demo.simulation.step_count == 2  # α changed, the descent carries on
        await press(pilot, "n")
        assert demo.simulation.theta[0] == pytest.approx(1.92 * (1 - 2 * 0.2))
        await press(pilot, "minus", "minus")
        assert demo.simulation.lr == 0.05  # 0,2 → 0,1 → 0,05
        await press(pilot, "r")
        assert demo.simulation.step_count == 0
        assert demo.simulation.theta[0] == pytest.approx(3.0)


async def test_enter_runs_and_pauses(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "lr-small")  # α = 0,01: hundreds of steps to go
        await press(pilot, "left_square_bracket")  # slower
        await press(pilot, "enter")
        assert demo.playing
        await pilot.pause(0.5)
        await press(pilot, "enter")
        assert not demo.playing
        steps = demo.simulation.step_count
        assert steps > 0
        await pilot.pause(0.2)
        assert demo.simulation.step_count == steps  # paused means paused


async def test_a_typed_function_is_descended_by_the_engines_gradient(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "gd-1d")
        await press(pilot, "f")
        field = demo.query_one("#demo-input", Input)
        assert field.has_focus
        assert field.value == "x^2"  # the current function, ready to edit
        field.value = ""
        await press(pilot, *"x^4 - 3x^2 + x", "enter")
        assert demo.simulation.params.function.text == "x^4 - 3x^2 + x"
        assert demo.has_focus  # the field closes, the keys drive the demo again
        theta = float(demo.simulation.theta[0])
        await press(pilot, "n")
        derivative = 4 * theta**3 - 6 * theta + 1
        assert demo.simulation.theta[0] == pytest.approx(theta - 0.1 * derivative)
        await press(pilot, "s")
        demo.query_one("#demo-input", Input).value = ""
        await press(pilot, *"0,5", "enter")  # a second start: the first path stays drawn
        assert demo.simulation.theta[0] == pytest.approx(0.5)
        assert len(demo.simulation.earlier_paths) == 1


async def test_a_bad_formula_is_explained_and_changes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "gd-1d")
        await press(pilot, "n")
        await press(pilot, "f")
        demo.query_one("#demo-input", Input).value = ""
        await press(pilot, *"__import__('os')", "enter")
        error = static_text(demo, "#demo-input-error")
        assert "veerg" in error  # the engine's error, in Estonian, with where it is
        assert demo.simulation.params.function.text == "x^2"
        assert demo.simulation.step_count == 1  # the run goes on as it was
        assert demo.query_one("#demo-input", Input).has_focus  # to correct it
        await press(pilot, "escape")
        assert demo.has_focus
        assert not demo.has_class("-typing")


async def test_far_too_large_a_step_diverges_and_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "lr-large")  # the oscillating preset, α = 0,9
        for _ in range(3):
            await press(pilot, "plus")  # 0,9 → 1 → 2 → 5: past the limit of 1
        for _ in range(40):
            await press(pilot, "n")
        assert demo.simulation.status == "diverged"
        assert "hajus" in live_text(demo, "#demo-status")


async def test_the_numbers_view_lists_every_step(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")
        await press(pilot, "n", "n", "number_sign")
        assert demo.has_class("-numbers")
        await pilot.pause()
        rows = [line.split() for line in screen_text(app).splitlines()]
        thetas = [row[-4] for row in rows if len(row) >= 5 and row[-5] in {"0", "1", "2"}]
        assert thetas == ["3,000", "2,400", "1,920"]  # k, θ, 𝓔, ∇𝓔, |Δθ| per step
        await press(pilot, "number_sign")
        assert not demo.has_class("-numbers")


def table_rows_on_screen(app: object) -> list[int]:
    """The step numbers (k) of the `#` table's rows in sight, top to bottom."""
    rows = [line.split() for line in screen_text(app).splitlines()]  # type: ignore[arg-type]
    return [int(row[0]) for row in rows if len(row) == 5 and row[0].isdigit()]


async def test_the_numbers_table_follows_its_newest_row(make_app: AppFactory) -> None:
    """At 80×24 the `#` table has a dozen rows: opened after a run it showed the run's first
    rows; the newest stays in sight as steps come, unless the learner scrolled up."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "lr-small")  # α = 0,01: hundreds of steps to go
        demo.simulation.run(40)
        demo.action_step()
        await press(pilot, "number_sign")
        assert table_rows_on_screen(app)[-1] == demo.simulation.step_count == 41
        await press(pilot, "n", "n")
        assert table_rows_on_screen(app)[-1] == 43
        lines = demo.query_one(NumberLines)
        lines.scroll_home(animate=False, immediate=True)  # the learner reads the first steps
        await press(pilot, "n")
        assert table_rows_on_screen(app)[0] == 0  # left where the learner put it
        lines.scroll_end(animate=False, immediate=True)
        await press(pilot, "n")
        assert table_rows_on_screen(app)[-1] == 45  # back at the end: followed again


def heat_cells(demo: DescentDemo) -> int:
    """How many cells of the picture have a background colour of the heat map."""
    picture = demo.query_one(DemoPicture)
    base = picture.rich_style.bgcolor
    return sum(
        len(segment.text)
        for y in range(picture.content_size.height)
        for segment in picture.render_line(y)
        if segment.style is not None and segment.style.bgcolor not in (None, base)
    )


async def test_two_dimensions_heat_map_and_momentum(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "gd-2d")
        assert isinstance(demo, GradientDescent2DDemo)
        assert heat_cells(demo) == 0
        await press(pilot, "k")
        assert demo.heat
        await pilot.pause()
        assert heat_cells(demo) > 100  # the surface's height as background colours
        await press(pilot, "b")
        demo.query_one("#demo-input", Input).value = ""
        await press(pilot, *"0,5", "enter")
        assert demo.simulation.params.momentum == pytest.approx(0.5)
        await press(pilot, "s")
        demo.query_one("#demo-input", Input).value = ""
        await press(pilot, *"1; -1", "enter")
        assert list(demo.simulation.theta) == [1.0, -1.0]
        await press(pilot, "c")  # the next example: the long narrow valley
        assert demo.simulation.params.preset == "valley"
        await press(pilot, "c", "c")
        assert demo.simulation.params.preset == "bowl"


async def test_logistic_regression_switches_its_error_function(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "gd-logreg")
        assert demo.simulation.params.loss == "cross-entropy"
        assert "σ(θᵀx⁽ⁱ⁾) − y⁽ⁱ⁾" in screen_text(app)  # its update rule under the plot
        await press(pilot, "c")
        assert demo.simulation.params.loss == "mse"


async def test_the_demo_follows_a_language_switch(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "gd-algorithm")
        await press(pilot, "n")
        await press(pilot, "l")
        assert i18n.current_language() == "en"
        assert app.screen.query_one("#demo") is demo  # the same run, not a new one
        assert "θ = 2.4" in live_text(demo, "#demo-readout")
        assert "Run / pause" in screen_text(app)


async def test_closing_the_contents_gives_the_keys_back_to_the_demo(make_app: AppFactory) -> None:
    """t opens the contents and t again closes them: the next n steps the demo again."""
    app = make_app(slide="cnn-conv")
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "cnn-conv")
        contents = app.screen.query_one("ContentsList")
        if contents.display:  # open from 100 columns: close them first, then open and close
            await press(pilot, "t")
        await press(pilot, "t")
        await pilot.pause()
        assert contents.display and contents.has_focus
        await press(pilot, "t")
        await pilot.pause()
        assert demo.has_focus
        before = demo.simulation.step_count
        await press(pilot, "n")
        await pilot.pause()
        assert demo.simulation.step_count == before + 1


async def test_from_one_demo_straight_to_another(make_app: AppFactory) -> None:
    """End or the contents can jump from a shown demo to another slide's demo: the old one is
    removed first (both are "#demo"), and the new one is there, focused."""
    app = make_app(slide="cnn-conv")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_demo(pilot, "cnn-conv")
        demo = await open_demo(pilot, "attention-decoding")
        assert len(app.screen.query("#demo")) == 1
        assert demo.simulation.name == "attention"


async def test_the_linear_maps_readout_only_without_the_panel(make_app: AppFactory) -> None:
    """Beside the picture the panel lists the map, its matrix, t and p: the readout under the
    picture said them again on a row an 80×24 window needs; without the panel it says them."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "linearity-matrices")
        assert demo.query_one("#demo-readout").size.height == 0
        await pilot.resize_terminal(62, 24)  # too narrow for the panel
        await pilot.pause()
        readout = demo.query_one("#demo-readout", LiveText)
        assert readout.size.height >= 1 and "t = " in readout.text.plain
