"""Practice mode on the backprop slide: the learner computes the next number, is told where a
wrong answer went wrong (differently on the second try), and the step counts in the progress."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, Static

from oppija.content.model import Lecture
from oppija.practice.exercises import (
    practice_kinds,
    questions,
    shows_its_answers,
    started_over_to_ask,
)
from oppija.practice.question import Question
from oppija.progress import Progress, ProgressStore
from oppija.progress_practice import PracticeResult
from oppija.sims.demo import Demo
from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LAST_STEP, LectureScreen
from oppija.tui.slide_text import subscripted
from oppija.tui.widgets.demo_panel import DemoPanel
from oppija.tui.widgets.demo_picture import DemoPicture
from oppija.tui.widgets.practice_mode import steps_to_next_question
from tests.tui.conftest import AppFactory, open_demo, press, settle


async def answer(pilot: object, field: Input, text: str) -> None:
    field.value = text
    await press(pilot, "enter")  # type: ignore[arg-type]


async def test_two_wrong_tries_get_different_hints_then_the_right_answer_steps_on(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "backprop-hidden")
        assert isinstance(demo, DemoPanel) and demo.practice is not None
        await press(pilot, "P")
        field = demo.query_one("#demo-input", Input)
        shown = demo.query_one("#practice-text", Static)
        assert field.has_focus and demo.practice.asking
        assert str(shown.render()) == "h₁ = σ(z₁), z₁ = 0,5 · 1 + 0,3 · 0"

        await answer(pilot, field, "0,5")  # the weighted sum, not yet σ of it
        first = str(shown.render())
        assert "0,5 on kaalutud summa z₁" in first
        await answer(pilot, field, "0,7")
        second = str(shown.render())
        assert "h₁ = σ(0,5) = ?" in second and second != first
        assert demo.simulation.step_count == 0 and field.value == ""

        await answer(pilot, field, "0,622")
        assert demo.simulation.step_count == 1  # the step the learner computed is shown
        assert app.progress.practice == {"backprop": PracticeResult(with_hints=1)}
        assert str(shown.render()).startswith("h₂ = σ(z₂)")  # the next number is asked

        await answer(pilot, field, "0.401")  # at the first try, with a decimal point
        assert app.progress.practice["backprop"] == PracticeResult(first_try=1, with_hints=1)
        await answer(pilot, field, "")  # skipped: shown, counted for nothing
        assert demo.simulation.step_count == 3
        assert sum(app.progress.practice["backprop"].counts().values()) == 2

        for wrong in ("1", "2", "3"):  # 𝓔: after the third try the answer is shown
            await answer(pilot, field, wrong)
        assert demo.simulation.step_count == 4
        (unsolved,) = app.progress.practice["backprop"].unsolved  # `oppija korda` asks it again
        assert unsolved.step == 3 and app.progress.practice["backprop"].shown == 1

        await press(pilot, "escape")
        assert not demo.practice.asking and demo.has_focus
        await press(pilot, "E")
        assert demo.simulation.step_count == 0
        assert isinstance(demo.simulation.settings.get("seed"), int)  # a fresh network

        await press(pilot, "v")  # the answers screen counts the practice beside the quizzes
        summary = str(app.screen.query_one("#results-summary", Static).render())
        assert (
            "Tagasilevi: harjutatud 3 sammu, esimesel katsel 1, vihjetega 1, näidatud 1" in summary
        )


async def test_the_graph_asks_each_gradient_and_a_fresh_exercise_keeps_practising(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "graph-computation")
        assert isinstance(demo, DemoPanel) and demo.practice is not None
        await press(pilot, "P")
        field = demo.query_one("#demo-input", Input)
        assert demo.query_one("#demo-input-label").render().plain == "∂f/∂(x·y) = ?"
        await answer(pilot, field, "1")
        assert demo.simulation.step_count == 1
        assert app.progress.practice == {"graph": PracticeResult(first_try=1)}
        await press(pilot, "E")  # the field has the keys: E is typed, not a fresh exercise
        assert field.value == "E" and demo.practice.asking
        field.value = ""
        await press(pilot, "P")  # P leaves practice from its field, as it entered it
        assert not demo.practice.asking and field.value == "" and demo.has_focus
        await press(pilot, "P", "escape", "E")
        assert demo.simulation.step_count == 0 and not demo.practice.asking
        await press(pilot, "f", "P")  # in a typed value's field P is a letter
        assert field.value.endswith("P") and not demo.practice.asking


def first_question(simulation: Demo) -> Question:
    """What P should ask: the practice questions of the step ahead that asks, or, for a demo
    that asks only in one view (attention), of that view's start."""
    probe = copy.deepcopy(simulation)
    if not questions(probe) and (ahead := steps_to_next_question(probe)):
        probe.run(ahead)
    started = None if questions(probe) else started_over_to_ask(probe)
    return questions(started or probe)[0]


async def test_every_practice_demo_asks_the_engines_next_number_and_a_right_answer_moves_on(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """One app walks every demo kind with practice questions (those added later too, with no
    code of their own): P asks the number the practice questions give for the step ahead,
    with its formula, and typing it as the demo writes it counts at the first try and moves
    on."""
    slides: dict[str, str] = {}
    for slide in lecture_et.slides:
        if slide.demo is not None:
            slides.setdefault(slide.demo.kind, slide.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for kind in practice_kinds():
            demo = await open_demo(pilot, slides[kind])
            assert isinstance(demo, DemoPanel) and demo.practice is not None, kind
            expected = first_question(demo.simulation)
            await press(pilot, "P")
            field = demo.query_one("#demo-input", Input)
            assert field.has_focus and demo.practice.asking, kind
            label = demo.query_one("#demo-input-label").render()
            assert label.plain == subscripted(expected.prompt).plain, kind
            formula = demo.query_one("#practice-text", Static).render()
            # as the slides write it: W~f~ drawn as W with an underlined f, no tildes
            assert formula.plain == subscripted(expected.formula).plain, kind
            # a picture that writes the answer already (softmax's p) is hidden while asking
            assert demo.query_one(DemoPicture).display is not shows_its_answers(kind), kind
            before = (demo.simulation.step_count, demo.practice.index)
            await answer(pilot, field, expected.shown)
            assert app.progress.practice[kind] == PracticeResult(first_try=1), kind
            assert (demo.simulation.step_count, demo.practice.index) > before, kind
            await press(pilot, "escape")
            assert not demo.practice.asking and demo.query_one(DemoPicture).display, kind


async def test_a_lesson_demo_with_practice_on_opens_asking(
    data_dir: Path, lecture_et: Lecture
) -> None:
    """``practice: on`` in a demo block: the demo opens with its first question in the field."""
    sections = tuple(
        replace(
            section,
            slides=tuple(
                replace(slide, demo=replace(slide.demo, practice=True))
                if slide.id == "gd-1d" and slide.demo is not None
                else slide
                for slide in section.slides
            ),
        )
        for section in lecture_et.sections
    )
    app = OppijaApp(replace(lecture_et, sections=sections), Progress(), ProgressStore(data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        screen.go_to("gd-1d", LAST_STEP)
        await app.workers.wait_for_complete()
        await settle(pilot)
        demo = screen.query_one("#demo", DemoPanel)
        assert demo.practice is not None and demo.practice.asking
        assert demo.query_one("#demo-input-label").render().plain == "θ₁ = ?"
        assert demo.query_one("#demo-input", Input).has_focus
