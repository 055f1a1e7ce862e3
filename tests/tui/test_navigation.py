"""Moving through the lecture with the keys a learner uses."""

from __future__ import annotations

import itertools

import pytest

from oppija.content.model import Lecture
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.lecture_header import LectureHeader
from tests.tui.conftest import AppFactory, press


def where(app) -> tuple[str, int]:
    screen = app.screen
    assert isinstance(screen, LectureScreen)
    return screen.lecture.slides[screen.position.slide].id, screen.position.step


def all_positions(lecture: Lecture) -> list[tuple[str, int]]:
    return [(slide.id, step) for slide in lecture.slides for step in range(slide.step_count)]


WALK_CHUNKS = 6  # the walk in stretches that xdist runs side by side


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


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(WALK_CHUNKS))
async def test_walks_every_slide_and_reveal_step_forward_and_back(
    make_app: AppFactory, lecture_et: Lecture, chunk: int
) -> None:
    expected = all_positions(lecture_et)
    start, end = walk_stretch(lecture_et, chunk)
    app = make_app(slide=expected[start][0])
    async with app.run_test(size=(100, 30)) as pilot:
        seen = [where(app)]
        for _ in range(end - start):
            await press(pilot, "right")
            seen.append(where(app))
        assert seen == expected[start : end + 1]
        if end == len(expected) - 1:
            await press(pilot, "right")  # past the end: stays on the last step
            assert where(app) == expected[-1]
        back = [where(app)]
        for _ in range(end - start):
            await press(pilot, "left")
            back.append(where(app))
        assert back == list(reversed(expected[start : end + 1]))


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


async def test_the_slide_after_the_last_step_is_the_next_slide(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    first = lecture_et.slides[0]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(first.step_count):
            await press(pilot, "right")
        assert where(app) == (lecture_et.slides[1].id, 0)
        await press(pilot, "left")  # back onto the previous slide, fully revealed
        assert where(app) == (first.id, first.step_count - 1)


async def test_home_and_end(make_app: AppFactory, lecture_et: Lecture) -> None:
    last = lecture_et.slides[-1]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "end")
        assert where(app) == (last.id, last.step_count - 1)
        await press(pilot, "home")
        assert where(app) == (lecture_et.slides[0].id, 0)


async def test_header_shows_position(make_app: AppFactory, lecture_et: Lecture) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "end")
        header = app.screen.query_one(LectureHeader)
        rendered = str(header.render())
        total = len(lecture_et.slides)
        assert f"Slaid {total}/{total}" in rendered
        assert lecture_et.title in rendered


async def test_start_slide_from_command_line(make_app: AppFactory, lecture_et: Lecture) -> None:
    target = lecture_et.slides[3].id
    app = make_app(slide=target)
    async with app.run_test(size=(100, 30)):
        assert where(app) == (target, 0)


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
        assert first.startswith("✓", 2)
        assert second.startswith("✓", 2)
        assert not third.startswith("✓", 2)
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
