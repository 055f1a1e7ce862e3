"""The attention demo on its slide: n writes a word, p takes it back, e to the end, k the five
steps, + and − heads, , and . the head shown, c copy or reverse, i a typed sentence."""

from __future__ import annotations

from textual.widgets import Input

from oppija.sims.attention_model import END
from oppija.tui.widgets.attention_demo import AttentionDemo
from tests.tui.conftest import AppFactory, open_demo, press, screen_text

SLIDE = "attention-decoding"


async def test_the_slide_decodes_word_by_word_back_and_to_the_end(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, SLIDE)
        assert isinstance(demo, AttentionDemo)
        state = demo.simulation.state()
        assert (state["heads"], state["task"], state["view"]) == (2, "reverse", "decoding")
        before = screen_text(app)
        await press(pilot, "n")
        await pilot.pause()
        assert demo.simulation.state()["output"] == ["sisendlause"]
        assert screen_text(app) != before  # a row of the heat maps filled in
        await press(pilot, "n", "p")
        assert demo.simulation.state()["output"] == ["sisendlause"]
        await press(pilot, "e")
        await pilot.pause()
        state = demo.simulation.state()
        assert state["output"] == ["sisendlause", "meie", "on", "See", END]
        assert demo.simulation.status == "done"
        assert "⟨lõpp⟩" in screen_text(app)
        await press(pilot, "r")
        assert demo.simulation.step_count == 0


async def test_heads_view_task_and_a_typed_sentence(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, SLIDE)
        await press(pilot, "plus", "plus")
        await pilot.pause()
        assert demo.simulation.params.heads == 4
        await press(pilot, "minus", "minus", "minus", "minus")  # not below one head
        assert demo.simulation.params.heads == 1
        await press(pilot, "plus")
        shown = screen_text(app)
        await press(pilot, "full_stop")
        await pilot.pause()
        assert demo.simulation.head == 1
        await press(pilot, "k")
        await pilot.pause()
        assert demo.simulation.view == "steps"
        assert screen_text(app) != shown
        await press(pilot, "e")
        assert demo.simulation.stage == 5
        await press(pilot, "k", "c")
        await pilot.pause()
        assert demo.simulation.params.task == "copy"
        assert demo.simulation.view == "decoding"  # the view stays when the task changes
        await press(pilot, "i")
        field = demo.query_one("#demo-input", Input)
        assert field.value == "See on meie sisendlause"
        field.value = "üks kaks kolm"
        await press(pilot, "enter")
        await pilot.pause()
        await press(pilot, "e")
        assert demo.simulation.state()["output"] == ["üks", "kaks", "kolm", END]
