"""Pace (issue 16 item 8): a training demo shows progress within 2 s of its start speed, and a
demo keeps its settings, steps and speed when the learner leaves its slide and comes back."""

from __future__ import annotations

import pytest

from oppija.content.model import Lecture
from oppija.sims import from_demo_block
from oppija.sims.demo import Demo
from oppija.tui.widgets.demo_host import widget_class
from oppija.tui.widgets.demo_panel import SPEEDS, DemoPanel
from tests.tui.conftest import AppFactory, open_demo, press, show_demo

SECONDS = 2  # a learner who pressed Enter and sees nothing change after this thinks it broke


def training_loss(simulation: Demo) -> float:
    """The loss the demo's picture and readout follow."""
    state = simulation.state()
    if "curves" in state:  # transfer: the fine-tuned network's
        return float(state["curves"]["fine_tuned"]["losses"][-1])
    if "losses" in state:
        return float(state["losses"][-1])
    return float(state["loss"])


@pytest.mark.parametrize("slide_id", ["networks-general", "transfer", "approximation"])
def test_a_training_demo_shows_progress_within_two_seconds(
    lecture_et: Lecture, slide_id: str
) -> None:
    """The steps its start speed runs in 2 s lower the loss by a tenth at least (the playground's
    XOR stayed within 6 % for the 16 steps of 8 steps/s, and looked stuck for 12 s)."""
    slide = lecture_et.slide(slide_id)
    assert slide.demo is not None
    simulation = from_demo_block(slide.demo.kind, slide.demo.as_dict())
    steps = SECONDS * SPEEDS[widget_class(slide.demo.kind).START_SPEED]
    before = training_loss(simulation)
    simulation.run(steps)
    assert training_loss(simulation) <= 0.9 * before


def test_attention_writes_a_word_within_two_seconds(lecture_et: Lecture) -> None:
    slide = lecture_et.slide("attention-decoding")
    assert slide.demo is not None
    simulation = from_demo_block(slide.demo.kind, slide.demo.as_dict())
    simulation.run(SECONDS * SPEEDS[widget_class("attention").START_SPEED])
    assert simulation.state()["output"]


async def test_a_demo_comes_back_as_the_learner_left_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "gd-2d")
        assert isinstance(demo, DemoPanel)
        await press(pilot, "plus", "n", "n", "n", "right_square_bracket")
        lr, speed = demo.simulation.settings["lr"], demo.speed
        assert demo.simulation.step_count == 3
        await press(pilot, "right")  # on to the next slide, and back
        back = await show_demo(pilot, lambda: press(pilot, "left"))
        assert isinstance(back, DemoPanel) and back is not demo
        assert back.simulation.step_count == 3
        assert back.simulation.settings["lr"] == lr
        assert back.speed == speed != demo.START_SPEED
