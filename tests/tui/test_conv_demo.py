"""The convolution demo on its slide: n moves the kernel, p back, e the whole map, and the
keys for the kernel, the picture, stride, padding and typed weights."""

from __future__ import annotations

from textual.widgets import Input

from oppija.tui.widgets.conv_demo import ConvDemo
from tests.tui.conftest import AppFactory, open_demo, press, screen_text

SLIDE = "cnn-conv"


async def test_n_moves_the_kernel_p_back_and_end_fills_the_map(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, SLIDE)
        assert isinstance(demo, ConvDemo)
        state = demo.simulation.state()
        assert (state["image"], state["kernel"]) == ("digit", "edge")  # the slide's block
        assert state["position"] == [0, 0]
        before = screen_text(app)
        await press(pilot, "n", "n", "n")
        await pilot.pause()
        state = demo.simulation.state()
        assert state["position"] == [0, 3] and state["computed"] == 4
        assert state["feature_map"][0][3] == -3.0 and state["feature_map"][0][4] is None
        assert screen_text(app) != before  # the window and the map moved
        await press(pilot, "p")
        assert demo.simulation.state()["position"] == [0, 2]
        await press(pilot, "e")
        state = demo.simulation.state()
        assert demo.simulation.status == "done"
        assert all(value is not None for row in state["feature_map"] for value in row)
        await press(pilot, "r")
        assert demo.simulation.state()["computed"] == 1


async def test_kernel_picture_stride_padding_and_typed_weights(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, SLIDE)
        await press(pilot, "c")
        assert demo.simulation.state()["kernel"] == "blur"
        await press(pilot, "d")
        assert demo.simulation.state()["image"] == "letter"
        await press(pilot, "plus")
        assert demo.simulation.state()["stride"] == 2
        await press(pilot, "full_stop", "full_stop", "full_stop")  # 0 → 1 → 2 → 0
        assert demo.simulation.state()["padding"] == 0
        await press(pilot, "full_stop")
        state = demo.simulation.state()
        assert state["padding"] == 1 and state["output_shape"] == [5, 5]  # (10 + 2 − 3)//2 + 1
        before = screen_text(app)
        await press(pilot, "w")
        field = demo.query_one("#demo-input", Input)
        assert field.value.startswith("0,1111")  # the blur kernel's weights, to edit
        field.value = ""
        await press(pilot, *"1 0 -1; 1 0 -1; 1 0 -1", "enter")
        state = demo.simulation.state()
        assert state["kernel"] == "typed"
        assert state["weights"] == [[1.0, 0.0, -1.0]] * 3
        assert (state["image"], state["stride"], state["padding"]) == ("letter", 2, 1)
        await pilot.pause()
        assert screen_text(app) != before
        await press(pilot, "w")
        field.value = ""
        await press(pilot, *"1 2 3", "enter")  # too few: refused, nothing changes
        assert demo.simulation.state()["weights"] == [[1.0, 0.0, -1.0]] * 3
        await press(pilot, "escape")
        await press(pilot, "c")  # the next named kernel replaces the typed weights
        assert demo.simulation.state()["kernel"] == "sharpen"
