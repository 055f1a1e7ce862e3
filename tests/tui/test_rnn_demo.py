"""The RNN demo on its slide: unrolling with n, back with p, e to the end, W scaled, hidden,
mode, word."""

from __future__ import annotations

import numpy as np
import pytest
from textual.widgets import Input

from oppija.tui.widgets.rnn_demo import RNNDemo
from tests.tui.conftest import AppFactory, open_demo, press, screen_text


async def test_the_slide_unrolls_step_by_step_and_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "rnn-unroll")
        assert isinstance(demo, RNNDemo)
        state = demo.simulation.state()
        assert (state["word"], state["hidden_units"], state["mode"]) == ("kass", 3, "seeded")
        assert state["phase"] == "rolled"
        rolled = screen_text(app)
        await press(pilot, "n")
        await pilot.pause()
        assert demo.simulation.state()["phase"] == "forward"
        assert screen_text(app) != rolled  # the chain replaced the rolled cell
        await press(pilot, "n", "n", "n")
        await pilot.pause()
        state = demo.simulation.state()
        assert len(state["hidden"]) == 4
        assert state["inputs"][2] == state["inputs"][3]  # the slide's two "s" steps …
        assert state["hidden"][2] != state["hidden"][3]  # … with a different h
        h4 = state["hidden"][3][0]
        assert f"{h4:.3f}".rstrip("0").replace(".", ",") in screen_text(app)
        await press(pilot, "p")
        assert len(demo.simulation.state()["hidden"]) == 3
        await press(pilot, "e")
        await pilot.pause()
        state = demo.simulation.state()
        assert state["phase"] == "backward" and len(state["gradient_norms"]) == 4
        assert "‖∂h₄/∂h₁‖" in screen_text(app)
        await press(pilot, "r")
        assert demo.simulation.step_count == 0


async def test_w_scale_hidden_units_mode_and_a_typed_word(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "rnn-unroll")
        await press(pilot, "e")
        before = demo.simulation.state()["gradient_norms"]
        shown = screen_text(app)
        await press(pilot, "plus")
        await pilot.pause()
        state = demo.simulation.state()
        assert state["w_scale"] == 2.0 and state["phase"] == "backward"
        assert state["gradient_norms"][0] != pytest.approx(before[0])
        assert screen_text(app) != shown
        await press(pilot, "minus", "minus")
        assert demo.simulation.w_scale == 0.5
        await press(pilot, "h")
        assert demo.simulation.params.hidden == 4
        assert np.array(demo.simulation.state()["weights"]["W"]).shape == (4, 4)
        await press(pilot, "c")
        assert demo.simulation.params.mode == "trained"
        assert demo.simulation.predictions()[:3] == ["a", "s", "s"]
        await press(pilot, "c")
        assert demo.simulation.params.mode == "seeded"
        await press(pilot, "i")
        field = demo.query_one("#demo-input", Input)
        assert field.value == "kass"
        field.value = ""
        await press(pilot, *"tere", "enter")
        state = demo.simulation.state()
        assert state["word"] == "tere" and state["letters"] == ["e", "r", "t"]
        assert demo.simulation.step_count == 0
