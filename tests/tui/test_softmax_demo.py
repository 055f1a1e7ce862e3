"""The softmax demo in the app: typed logits and T, + and −, a logit nudged, the target moved."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from oppija.tui.widgets.softmax_demo import SoftmaxDemo
from tests.tui.conftest import AppFactory, open_demo, press, screen_text


async def test_softmax_reacts_to_every_change(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "softmax-temperature")
        assert isinstance(demo, SoftmaxDemo)
        sim = demo.simulation
        assert sim.state()["probabilities"] == pytest.approx([0.659, 0.242, 0.099], abs=5e-4)
        assert "0,659" in screen_text(app)

        before = screen_text(app)
        await press(pilot, "i")  # type new logits, as the slide says
        field = demo.query_one("#demo-input", Input)
        assert field.has_focus
        field.value = ""
        await press(pilot, *"3 1 0,1", "enter")
        await pilot.pause()
        sim = demo.simulation
        assert sim.state()["probabilities"][0] == pytest.approx(0.840, abs=5e-4)
        assert sim.state()["cross_entropy"] == pytest.approx(0.174, abs=5e-4)
        assert demo.has_focus
        assert screen_text(app) != before

        await press(pilot, "T")  # the temperature typed; the logits stay
        field.value = ""
        await press(pilot, *"0,5", "enter")
        assert demo.simulation.temperature == 0.5
        assert demo.simulation.logits.tolist() == [3.0, 1.0, 0.1]

        await press(pilot, "plus")
        assert demo.simulation.temperature == 1.0
        await press(pilot, "plus", "plus")
        assert demo.simulation.temperature == 5.0
        await press(pilot, "minus")
        assert demo.simulation.temperature == 2.0

        await press(pilot, "full_stop", "greater_than_sign")  # the second logit up by 0,5
        assert demo.simulation.logits.tolist() == [3.0, 1.5, 0.1]
        await press(pilot, "less_than_sign", "less_than_sign")
        assert demo.simulation.logits.tolist() == [3.0, 0.5, 0.1]

        await press(pilot, "c")
        assert demo.simulation.target == 1
        before = screen_text(app)
        p_right = demo.simulation.probabilities[1]
        await press(pilot, "n")  # one descent step: the right class's probability rises
        assert demo.simulation.step_count == 1
        assert demo.simulation.probabilities[1] > p_right
        await pilot.pause()
        assert screen_text(app) != before

        await press(pilot, "r")
        assert demo.simulation.step_count == 0
        assert demo.simulation.logits.tolist() == [3.0, 1.0, 0.1]  # the typed start


async def test_a_bad_typed_value_changes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "softmax-temperature")
        await press(pilot, "i")
        field = demo.query_one("#demo-input", Input)
        field.value = ""
        await press(pilot, *"1 x", "enter")
        assert field.has_focus  # the field stays open with the message
        assert demo.simulation.logits.tolist() == [2.0, 1.0, 0.1]
        await press(pilot, "escape")
        await press(pilot, "T")
        field.value = ""
        await press(pilot, *"1000", "enter")
        assert demo.simulation.temperature == 1.0
