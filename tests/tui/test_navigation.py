"""Moving through the lecture with the keys a learner uses."""

from __future__ import annotations

import itertools

import pytest

from oppija.content.model import Lecture
from oppija.content.navigation import Position
from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.lecture_header import LectureHeader
from oppija.tui.widgets.slide_view import SlideView
from tests.tui.conftest import AppFactory, burst, open_demo, press


def where(app) -> tuple[str, int]:
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    return screen.lecture.slides[screen.position.slide].id, screen.position.step


def all_positions(lecture: Lecture) -> list[tuple[str, int]]:
    return [(slide.id, step) for slide in lecture.slides for step in range(slide.step_count)]


WALK_CHUNKS = 3  # the walk in stretches that xdist runs side by side


def walk_stretch(lecture: Lecture, chunk: int) -> tuple[int, int]:
    """The positions ``[start, end]`` of one stretch of the walk: it starts on a slide's first
    step and ends on the next stretch's first position, so that every step across a border is
    walked too, forward and back."""
    positions = all_positions(lecture)
    starts = [k for k, (_slide, step) in enumerate(positions) if step == 0]
    cuts = [0]
    for start in starts:
        if start >= len(positions) * len(cuts) / WALK_CHUNKS:
            cuts.append(start)
    cuts = [*cuts[:WALK_CHUNKS], len(positions) - 1]
    return cuts[chunk], cuts[chunk + 1]


def header_position(app: OppijaApp) -> str:
    """The header's 'Slaid 7/52 · samm 2/3', as the learner reads it."""
    text = str(app.screen.query_one(LectureHeader).render())
    return text[text.rindex("Slaid ") :]


def header_for(lecture: Lecture, slide_id: str, step: int) -> str:
    index = next(k for k, slide in enumerate(lecture.slides) if slide.id == slide_id)
    steps = lecture.slides[index].step_count
    shown = f"Slaid {index + 1}/{len(lecture.slides)}"
    return shown + (f" · samm {step + 1}/{steps}" if steps > 1 else "")


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(WALK_CHUNKS))
async def test_walks_every_slide_and_reveal_step_forward_and_back(
    make_app: AppFactory, lecture_et: Lecture, chunk: int
) -> None:
    """Each stretch opens on its first slide as ``oppija --slide ID`` does. → one key at a
    time: each press reveals the next step or, after a slide's last step, opens the next slide,
    drawn (demos too) and numbered in the header before the next key. ← as fast as a learner
    holds the key (every press queued before the first is handled, the screen drawn once): each
    press still goes exactly one step back, onto the slide before fully revealed, through the
    same positions in reverse."""
    expected = all_positions(lecture_et)
    start, end = walk_stretch(lecture_et, chunk)
    app = make_app(slide=expected[start][0])
    async with app.run_test(size=(100, 16)) as pilot:  # the contents shown, the fewest rows allowed
        seen = [where(app)]
        for _ in range(end - start):
            await press(pilot, "right")
            seen.append(where(app))
            assert header_position(app) == header_for(lecture_et, *seen[-1])
        assert seen == expected[start : end + 1]
        if end == len(expected) - 1:
            await press(pilot, "right")  # past the end: stays on the last step
            assert where(app) == expected[-1]
        screen = app.screen
        back = [where(app)]

        def moved(position: Position) -> None:
            back.append((lecture_et.slides[position.slide].id, position.step))

        screen.watch(screen, "position", moved, init=False)
        await burst(pilot, *["left"] * (end - start))
        assert back == list(reversed(expected[start : end + 1]))
        assert where(app) == expected[start]
        assert header_position(app) == header_for(lecture_et, *expected[start])


async def test_held_left_arrow_leaves_a_slide_with_a_demo_and_questions_step_by_step(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """← typed faster than the app handles it, from a demo that has the keys on a slide with
    questions: every press goes one step back; none is lost to the demo being removed (they went
    to it, or to a question card about to go with it)."""
    expected = all_positions(lecture_et)
    slide = next(slide for slide in lecture_et.slides if slide.demo and slide.quizzes)
    app = make_app(slide=slide.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_demo(pilot, slide.id)
        at = expected.index(where(app))
        await burst(pilot, "left", "left", "left")
        assert where(app) == expected[at - 3]
        assert app.screen.focused is app.screen.query_one(SlideView)


def test_the_walks_stretches_cover_the_lecture(lecture_et: Lecture) -> None:
    stretches = [walk_stretch(lecture_et, chunk) for chunk in range(WALK_CHUNKS)]
    assert stretches[0][0] == 0
    assert stretches[-1][1] == len(all_positions(lecture_et)) - 1
    assert all(a[1] == b[0] for a, b in itertools.pairwise(stretches))
    assert all(start < end for start, end in stretches)


async def test_space_and_page_keys_move_like_arrows(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    expected = all_positions(lecture_et)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "space")
        assert where(app) == expected[1]
        await press(pilot, "pagedown")
        assert where(app) == expected[2]
        await press(pilot, "pageup")
        assert where(app) == expected[1]


async def page_until_moved(pilot, app: OppijaApp, key: str) -> int:
    """Press ``key`` until the position changes; each press before must scroll the slide's
    text. Returns the number of presses."""
    view = app.screen.query_one(SlideView)
    start = where(app)
    for presses in range(1, 12):
        before = view.scroll_y
        await press(pilot, key)
        if where(app) != start:
            return presses
        assert view.scroll_y != before, (key, presses)  # a press that did nothing
    raise AssertionError(f"{key} never left {start}")


async def test_page_keys_scroll_a_long_slide_then_move_on(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """PgDn/PgUp, as a presenter's remote sends them: a page of the slide's text, and at its
    end (top) the next (previous) step, whether the text or a demo has the keys."""
    expected = all_positions(lecture_et)
    app = make_app(slide="error-mse")
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SlideView)
        assert view.max_scroll_y > 0 and view.scroll_y == 0
        assert await page_until_moved(pilot, app, "pagedown") >= 2  # pages, then the step
        assert where(app) == ("error-mse", 1)
        await press(pilot, "left")
        assert view.scroll_y == 0
        assert await page_until_moved(pilot, app, "pageup") == 1  # at the top: back at once
        assert where(app) == expected[expected.index(("error-mse", 0)) - 1]
        demo = await open_demo(pilot, "gd-algorithm")
        top = view.scroll_y
        await press(pilot, "pagedown")
        assert where(app)[0] == "gd-algorithm" and view.scroll_y > top
        assert demo.has_focus  # the demo keeps the keys
        await page_until_moved(pilot, app, "pagedown")
        assert where(app) == expected[expected.index(("gd-algorithm", 2)) + 1]


async def test_home_and_end(make_app: AppFactory, lecture_et: Lecture) -> None:
    last = lecture_et.slides[-1]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "end")
        assert where(app) == (last.id, last.step_count - 1)
        await press(pilot, "home")
        assert where(app) == (lecture_et.slides[0].id, 0)


async def test_header_shows_position(make_app: AppFactory, lecture_et: Lecture) -> None:
    """'Tõenäosused ja kokkuvõte · Küsimused      Slaid 63/63 · samm 1/2'."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "end")
        header = app.screen.query_one(LectureHeader)
        rendered = str(header.render())
        total = len(lecture_et.slides)
        assert f"Slaid {total}/{total}" in rendered
        last = lecture_et.slides[-1]  # where the learner is: the slide's own title, its section
        assert last.title in rendered
        assert lecture_et.section_of(last.id).title in rendered


async def test_clicking_a_slide_in_the_contents_opens_it(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    target = lecture_et.slides[2]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.screen.query_one(ContentsList)
        row = tree.row_of(target.id)
        assert row is not None
        await pilot.click(ContentsList, offset=(6, row - tree.scroll_offset.y))
        await pilot.pause()
        assert where(app)[0] == target.id


async def test_contents_toggle_and_start_hidden_when_narrow(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.screen.query_one(ContentsList)
        assert not tree.display  # narrow: the slide gets the room
        await press(pilot, "t")
        assert tree.display
        assert tree.has_focus
        await press(pilot, "down", "down", "enter")  # a slide picked with the keyboard
        assert where(app)[0] != "title"
        await pilot.pause()
        assert not tree.display  # narrow: the contents step aside again
    wide = make_app()
    async with wide.run_test(size=(120, 40)) as pilot:
        tree = wide.screen.query_one(ContentsList)
        assert tree.display
        await press(pilot, "t")
        assert not tree.display


async def test_seen_slides_are_marked_in_the_contents(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(lecture_et.slides[0].step_count):
            await press(pilot, "right")
        tree = app.screen.query_one(ContentsList)
        first, second, third = (contents_line(tree, s.id) for s in lecture_et.slides[:3])
        assert first.startswith("•", 2)
        assert second.startswith("•", 2)
        assert not third.startswith("•", 2)
        assert third.strip().startswith(lecture_et.slides[2].title[:20])


def contents_line(tree: ContentsList, slide_id: str) -> str:
    """The contents' line of a slide as the learner sees it."""
    row = tree.row_of(slide_id)
    assert row is not None
    return tree.render_line(row - tree.scroll_offset.y).text


async def test_sections_fold_and_unfold_in_the_contents(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "t", "t")  # wide: the contents are open; hide, then show with focus
        tree = app.screen.query_one(ContentsList)
        assert tree.has_focus
        section = lecture_et.sections[0]
        visible = len(tree.rows)
        await press(pilot, "left")  # the cursor is on the first slide: its section folds
        assert tree.is_folded(section.id)
        assert len(tree.rows) == visible - len(section.slides)
        assert tree.row_of(section.slides[0].id) is None
        assert tree.render_line(0).text.startswith("▶ " + section.title)
        await press(pilot, "enter")  # Enter on a section unfolds it again
        assert not tree.is_folded(section.id)
        assert len(tree.rows) == visible
        await pilot.click(ContentsList, offset=(2, 0))  # so does a click
        assert tree.is_folded(section.id)
        await press(pilot, "escape", "right")  # moving on unfolds the open slide's section
        assert where(app)[0] == section.slides[0].id
        assert not tree.is_folded(section.id)
