"""The LSTM demo in the app: n steps through the sequence, p back, e to the end, its own keys."""

from __future__ import annotations

from textual.widgets import Input

from oppija.tui.widgets.lstm_demo import LSTMDemo
from tests.tui.conftest import AppFactory, open_demo, press, screen_text


async def test_lstm_steps_its_gates(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "lstm")
        assert isinstance(demo, LSTMDemo)
        assert demo.simulation.params.sequence == (1.0, 0.0, 0.0, 0.0, 1.0)
        assert demo.simulation.params.hidden == 2
        before = screen_text(app)
        await press(pilot, "n", "n")
        state = demo.simulation.state()
        assert state["step"] == 2 and len(state["gates"]) == 2
        await pilot.pause()
        after_two = screen_text(app)
        assert after_two != before
        await press(pilot, "p")
        assert demo.simulation.step_count == 1
        await press(pilot, "e")
        assert demo.simulation.status == "done"
        assert len(demo.simulation.state()["gates"]) == 5
        await press(pilot, "p")
        assert demo.simulation.step_count == 4

        await press(pilot, "full_stop")  # the equations of unit 2
        assert demo.unit == 1
        await press(pilot, "h")
        assert demo.simulation.params.hidden == 3 and demo.unit == 0
        seed = demo.simulation.params.seed
        await press(pilot, "c")
        assert demo.simulation.params.seed == seed + 1

        await press(pilot, "i")
        field = demo.query_one("#demo-input", Input)
        assert field.value == "1 0 0 0 1"
        field.value = ""
        await press(pilot, *"1; 1; 0", "enter")
        assert demo.simulation.params.sequence == (1.0, 1.0, 0.0)
        assert demo.simulation.step_count == 0
        await press(pilot, "r")
        assert demo.simulation.params.sequence == (1.0, 1.0, 0.0)
