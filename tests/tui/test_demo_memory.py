"""A demo that leaves the screen lets go of what it held: a classroom server keeps one process
per learner, and a walk through the lecture must not leave every demo's simulation behind."""

from __future__ import annotations

import gc
import weakref

import pytest

from oppija.sims.demo import Demo
from oppija.tui.widgets.demo_panel import DemoPanel
from tests.tui.conftest import AppFactory, open_demo, press


@pytest.mark.parametrize(
    "slide_id",
    [
        "gd-1d",  # built on the event loop
        "rnn-unroll",  # its model trains first, in a worker thread
    ],
)
async def test_a_demo_that_leaves_drops_its_simulation(make_app: AppFactory, slide_id: str) -> None:
    app = make_app(slide=slide_id)
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, slide_id)
        assert isinstance(demo, DemoPanel)
        simulation: weakref.ref[Demo] = weakref.ref(demo.simulation)
        del demo
        await press(pilot, "right")  # on to the next slide: the demo goes
        assert not app.screen.query("#demo")
        gc.collect()  # Textual may still hold the removed widget itself for a while
        assert simulation() is None
