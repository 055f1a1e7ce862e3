"""The attention demo on its slide: n writes a word, p takes it back, End, w the five steps,
+ and − heads, , and . the head shown, c copy or reverse, s a typed sentence."""

from __future__ import annotations

from textual.widgets import Input

from oppija.sims.attention_model import END
from oppija.tui.widgets.attention_demo import AttentionDemo
from tests.tui.conftest import AppFactory, open_demo, screen_text

SLIDE = "attention-decoding"


async def test_the_slide_decodes_word_by_word_back_and_to_the_end(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, SLIDE)
        assert isinstance(demo, AttentionDemo)
        state = demo.simulation.state()
        assert (state["heads"], state["task"], state["view"]) == (2, "reverse", "decoding")
        before = screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert demo.simulation.state()["output"] == ["sisendlause"]
        assert screen_text(app) != before  # a row of the heat maps filled in
        await pilot.press("n", "p")
        assert demo.simulation.state()["output"] == ["sisendlause"]
        await pilot.press("end")
        await pilot.pause()
        state = demo.simulation.state()
        assert state["output"] == ["sisendlause", "meie", "on", "See", END]
        assert demo.simulation.status == "done"
        assert "⟨lõpp⟩" in screen_text(app)
        await pilot.press("r")
        assert demo.simulation.step_count == 0


async def test_heads_view_task_and_a_typed_sentence(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, SLIDE)
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert demo.simulation.params.heads == 4
        await pilot.press("minus", "minus", "minus", "minus")  # not below one head
        assert demo.simulation.params.heads == 1
        await pilot.press("plus")
        shown = screen_text(app)
        await pilot.press("full_stop")
        await pilot.pause()
        assert demo.simulation.head == 1
        await pilot.press("w")
        await pilot.pause()
        assert demo.simulation.view == "steps"
        assert screen_text(app) != shown
        await pilot.press("end")
        assert demo.simulation.stage == 5
        await pilot.press("w", "c")
        await pilot.pause()
        assert demo.simulation.params.task == "copy"
        assert demo.simulation.view == "decoding"  # the view stays when the task changes
        await pilot.press("s")
        field = demo.query_one("#demo-input", Input)
        assert field.value == "See on meie sisendlause"
        field.value = "üks kaks kolm"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end")
        assert demo.simulation.state()["output"] == ["üks", "kaks", "kolm", END]
