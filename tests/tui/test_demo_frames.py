"""A running demo's frame: a step repaints the picture and its numbers, never the screen's layout.

Laying the screen out again (and repainting every widget on it) cost a running demo several
times its picture: each step updated the readout and the status with ``Static.update``. Now
a step lays the screen out only when the readout or status needs another number of lines, and
the picture repaints only the lines that changed, which must still show exactly the scene.
"""

from __future__ import annotations

import pytest
from textual.screen import Screen

from oppija.content.model import Lecture
from oppija.sims.base import NumbersRow
from oppija.sims.demo import Demo
from oppija.sims.registry import DEMOS
from oppija.tui.app import OppijaApp
from oppija.tui.widgets.demo_panel import DemoPanel
from oppija.tui.widgets.demo_picture import DemoPicture
from tests.tui.conftest import AppFactory, open_demo, press, screen_text, settle

STEPS = 4


def first_slide(lecture: Lecture, kind: str) -> str:
    """The first slide that shows a demo of ``kind``."""
    return next(
        slide.id
        for section in lecture.sections
        for slide in section.slides
        if slide.demo is not None and slide.demo.kind == kind
    )


def text_heights(demo: DemoPanel[Demo]) -> tuple[int, int]:
    """How many lines the readout and the status take now."""
    readout, status = demo.query_one("#demo-readout"), demo.query_one("#demo-status")
    return readout.size.height, status.size.height


def picture_on_screen(app: OppijaApp, picture: DemoPicture) -> list[str]:
    """The picture's lines as the terminal shows them."""
    region = picture.content_region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]


def picture_drawn(demo: DemoPanel[Demo], picture: DemoPicture) -> list[str]:
    """The scene of the demo's current state, drawn whole at the picture's size."""
    width, height = picture.content_size
    rows = demo.draw(width, height, picture.mode, picture.styles_for_plot())
    return ["".join(segment.text for segment in row) for row in rows]


@pytest.mark.slow
async def test_a_step_repaints_without_laying_the_screen_out(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """Each demo kind on its first slide, stepped as its run's timer steps it. One app walks
    the kinds (an app each cost more than the steps): each demo starts anew on its slide."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        layouts: list[Screen[object]] = []
        app.screen.screen_layout_refresh_signal.subscribe(app, layouts.append, immediate=True)
        for kind in DEMOS:
            demo = await open_demo(pilot, first_slide(lecture_et, kind))
            picture = demo.query_one(DemoPicture)
            same_height_steps = 0
            for _step in range(STEPS):
                before = text_heights(demo)
                layouts.clear()
                # a step as the run's timer makes it; a run that ended starts over
                demo.action_step() if demo.simulation.status == "running" else demo.action_reset()
                await settle(pilot)
                if text_heights(demo) == before:
                    same_height_steps += 1
                    assert not layouts, f"{kind}: a step laid the screen out, no text grew"
                assert picture_on_screen(app, picture) == picture_drawn(demo, picture), kind
            assert same_height_steps >= STEPS // 2, kind


async def test_the_numbers_view_adds_only_the_new_steps_each_frame(make_app: AppFactory) -> None:
    """With the numbers view open, a step formats one row: it rebuilt the whole table of up to
    500 steps every frame (half a second a frame at step 300)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "lr-small")  # α = 0,01: hundreds of steps to go
        await press(pilot, "number_sign")
        simulation = demo.simulation
        simulation.run(300)
        demo.action_step()
        await settle(pilot)
        read: list[int] = []
        rows_from = simulation.numbers_rows

        def counted(start: int = 0) -> list[NumbersRow]:
            rows = rows_from(start)
            read.append(len(rows))
            return rows

        simulation.numbers_rows = counted  # type: ignore[method-assign]
        for _step in range(5):
            demo.action_step()
            await settle(pilot)
        assert read == [1] * 5
        lines = screen_text(app).splitlines()
        assert any(line.split()[-5:][:1] == ["306"] for line in lines if line.split())
