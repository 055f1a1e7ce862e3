"""A demo removed in the same moment it is mounted (keys faster than the demo appears)."""

from __future__ import annotations

from textual.containers import Vertical

from oppija.content.model import Lecture
from oppija.tui.widgets.demo_host import widget_class
from tests.tui.conftest import AppFactory, burst, settle


async def test_a_demo_removed_as_it_is_mounted(make_app: AppFactory, lecture_et: Lecture) -> None:
    """The lecture mounts a demo and the next key (Home, ←, a language switch) removes it before
    its parts were mounted: the demo's mount handler filled parts that never came (NoMatches
    '#demo-readout', found by a storm of key bursts). Nothing is left over, nothing raises."""
    demo = lecture_et.slide("gd-1d").demo
    assert demo is not None
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        area = app.screen.query_one("#demo-area", Vertical)
        widget = widget_class(demo.kind)(demo.kind, demo.as_dict(), id="demo")
        area.mount(widget)  # as the lecture does, and in the same moment, as the next key does:
        widget.remove()
        await settle(pilot)
        assert app.is_running
        assert not app.screen.query("#demo")


async def test_back_to_a_demo_slide_before_its_demo_came_shows_one_demo(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """→ then ← typed at once on a demo's slide: the demo is asked for, dropped and asked for
    again before the first one is mounted. One demo comes (two with the same id crashed the
    app: DuplicateIds, found by the key storm)."""
    slide = lecture_et.slide("gd-1d")
    app = make_app(slide="gd-1d")
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, *["right"] * (slide.step_count - 1), "right", "left")
        assert app.is_running
        assert len(app.screen.query("#demo")) == 1
