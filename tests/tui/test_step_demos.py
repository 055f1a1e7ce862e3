"""The network demos in the app: backprop stepped through, activations, linear maps,
approximation."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from oppija.tui.widgets.demo_panel import DemoPanel
from tests.tui.conftest import AppFactory, open_demo, press, screen_text

SLIDES = {
    "backprop": "backprop-hidden",
    "activations": "activation-functions",
    "linear-maps": "linearity-matrices",
    "approximation": "approximation",
    "playground": "networks-general",
    "transfer": "transfer",
    "graph": "graph-computation",
}


async def test_each_demo_steps_resets_and_shows_its_picture(make_app: AppFactory) -> None:
    """Each network demo on its slide: two steps move the picture, ``r`` starts over. One app
    walks the demos (an app each cost more than the demos): each starts anew on its slide."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for kind, slide in SLIDES.items():
            demo = await open_demo(pilot, slide)
            assert isinstance(demo, DemoPanel)
            assert demo.simulation.name == kind
            assert demo.simulation.step_count == 0, kind
            before = screen_text(app)
            await press(pilot, "n", "n")
            assert demo.simulation.step_count == 2, kind
            assert screen_text(app) != before, kind  # the picture moved
            await press(pilot, "r")
            assert demo.simulation.step_count == 0, kind


async def test_backprop_steps_back_and_to_the_end_with_the_engines_numbers(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "backprop-hidden")
        await press(pilot, "n", "n", "n")
        assert demo.simulation.step_count == 3
        assert "y = 0,555" in screen_text(app)  # the slide's forward pass, computed
        await press(pilot, "p")
        assert demo.simulation.step_count == 2
        await press(pilot, "e")
        state = demo.simulation.state()
        assert state["phase"] == "update"
        for name in ("V", "U"):  # the check panel's two columns agree
            for engine_row, numeric_row in zip(
                state["gradients"][name], state["numeric_gradients"][name], strict=True
            ):
                assert engine_row == pytest.approx(numeric_row, abs=1e-6)
        await press(pilot, "k")  # 120 columns with the contents: the panel is not beside the net
        await pilot.pause()
        assert "Kontroll: ∂𝓔/∂w" in screen_text(app)
        await press(pilot, "k")
        await press(pilot, "h")
        assert demo.simulation.params.hidden == 3
        assert len(demo.simulation.state()["gradients"]["U"]) == 3
        await press(pilot, "c")
        assert demo.simulation.params.activation == "tanh"
        await press(pilot, "h")
        await press(pilot, "x")
        field = demo.query_one("#demo-input", Input)
        field.value = ""
        await press(pilot, *"0; 1", "enter")
        assert demo.simulation.state()["inputs"] == [0.0, 1.0]
        assert demo.simulation.step_count == 0  # a new walk with the typed inputs


async def test_activations_move_x_and_change_function(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "activation-functions")  # tanh at x = 0
        await press(pilot, "full_stop", "full_stop")
        assert demo.simulation.state()["x"] == pytest.approx(0.5)
        await press(pilot, "comma")
        assert demo.simulation.state()["x"] == pytest.approx(0.25)
        await press(pilot, "c")
        assert demo.simulation.state()["function"] != "tanh"


async def test_linear_maps_next_map_and_a_typed_matrix(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "linearity-matrices")
        await press(pilot, "e")
        assert demo.simulation.status == "done"
        await press(pilot, "c")
        assert demo.simulation.state()["preset"] == "shear"
        await press(pilot, "w")
        demo.query_one("#demo-input", Input).value = ""
        await press(pilot, *"2 0; 0 3", "enter")
        await press(pilot, "e")
        assert demo.simulation.state()["matrix"] == [[2.0, 0.0], [0.0, 3.0]]


async def test_approximation_units_up_and_down(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "approximation")
        await press(pilot, "plus")
        assert demo.simulation.state()["units"] == 6
        await press(pilot, "minus", "minus")
        assert demo.simulation.state()["units"] == 4


async def test_playground_trains_and_changes_its_network(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "networks-general")
        await press(pilot, "n", "n", "n")
        assert demo.simulation.state()["epoch"] == 3
        await press(pilot, "h")  # 2 hidden layers -> 3
        assert demo.simulation.params.layers == 3
        await press(pilot, "f")
        assert demo.simulation.params.activation != "tanh"
        await press(pilot, "c")
        assert demo.simulation.params.dataset == "circle"
        await press(pilot, "d")  # new points, same settings
        assert demo.simulation.params.dataset == "circle"


async def test_transfer_switches_between_all_layers_and_the_last(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(pilot, "transfer")
        assert demo.simulation.params.mode == "last"
        await press(pilot, "c")
        assert demo.simulation.params.mode == "all"
