"""A key press redraws what it changed, not the whole screen (benchmarks/navigation.py times it).

Each test wraps a method Textual itself calls on one widget (``render_line`` of the Line API,
``refresh``) on that widget alone, presses a key, and reads what was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.dom import DOMNode
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget

from oppija.content.model import Lecture
from oppija.content.navigation import Position
from oppija.tui.screens.help import HelpScreen
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.slide_text import SlideBody
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.slide_page import SlidePage
from oppija.tui.widgets.slide_view import SlideView
from tests.tui.conftest import AppFactory, open_demo, press, screen_text, settle


async def test_a_move_redraws_only_the_contents_lines_that_changed(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """From the first slide to the second, the contents redraw two lines: the first slide's
    (no longer current, and seen) and the second's (current now); the other 30-odd lines stay."""
    first, second = lecture_et.slides[:2]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, *["right"] * (first.step_count - 1))  # on the first slide's last step
        contents = app.screen.query_one(ContentsList)
        drawn: list[int] = []
        draw = contents.render_line

        def counted(y: int) -> object:
            drawn.append(y + contents.scroll_offset.y)
            return draw(y)

        contents.render_line = counted  # type: ignore[method-assign]
        await press(pilot, "right")
        assert sorted(set(drawn)) == [contents.row_of(first.id), contents.row_of(second.id)]
        lines = {row: contents.render_line(row).text for row in (0, 1, 2)}
        assert lines[1].startswith("  • ")  # the first slide: seen, no longer the cursor's
        assert lines[2].startswith("  • ") and second.title[:10] in lines[2]


def record_refreshes(widget: Widget, into: list[str]) -> None:
    """Note in ``into`` each refresh ``widget`` asks for: a layout, or a repaint of it all."""
    refresh: Callable[..., object] = widget.refresh

    def noted(*regions: Region, repaint: bool = True, layout: bool = False, **kw: bool) -> object:
        if layout:
            into.append(f"{widget.id or type(widget).__name__}: layout")
        elif repaint and not regions:
            into.append(f"{widget.id or type(widget).__name__}: repaint")
        return refresh(*regions, repaint=repaint, layout=layout, **kw)

    widget.refresh = noted  # type: ignore[method-assign]


async def test_keys_through_text_that_fits_lay_nothing_out(
    make_app: AppFactory, lecture_et: Lecture
) -> None:
    """→ through the first slides (reveal steps and a new slide, text that fits the view, no
    demo or quiz) lays the screen out not once: the page keeps its size and repaints, the
    header and the contents repaint what changed, the screen as a whole is not repainted.
    Layout passes are counted with the screen's public ``screen_layout_refresh_signal``."""
    first, second = lecture_et.slides[:2]
    assert not (first.demo or first.quizzes or second.demo)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        passes: list[Screen[object]] = []
        screen.screen_layout_refresh_signal.subscribe(app, passes.append, immediate=True)
        asked: list[str] = []
        record_refreshes(screen, asked)
        page = screen.query_one(SlidePage)
        record_refreshes(page, asked)
        for _ in range(first.step_count + 2):  # to the second slide's third step
            await press(pilot, "right")
            assert passes == []
        assert screen.position == Position(1, 2)
        assert set(asked) == {"slide-page: repaint"}
        text = screen_text(app)
        assert second.title in text
        last_line = second.markdown(2).strip().splitlines()[-1].split()[-1]
        assert last_line.strip("*_") in text  # the newest paragraph is on the screen


class CountedText:
    """A renderable that counts how often it is drawn."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drawn = 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.drawn += 1
        yield Text(self.text)


def test_a_slide_body_is_drawn_once_per_width() -> None:
    """Measuring a slide's height and drawing it (a key press does both, twice) draws its
    Markdown once at a width; another width draws it anew, wrapped to that width."""
    part = CountedText("sana " * 30)
    body = SlideBody(part)
    console = Console(width=80)
    first = list(console.render(body, console.options.update_width(60)))
    again = list(console.render(body, console.options.update_width(60)))
    assert again == first and part.drawn == 1
    narrow = list(console.render(body, console.options.update_width(30)))
    assert part.drawn == 2
    assert sum(segment.text.count("\n") for segment in narrow) == 5  # 150 characters in 30


async def test_the_slide_views_focus_restyles_the_view_alone(make_app: AppFactory) -> None:
    """A demo taking the keys from the slide view (or giving them back) restyles the view, not
    the page and every quiz card's parts inside it: their styles come out as a full restyle
    would make them."""
    app = make_app(slide="linreg")  # quiz cards and a demo on its last step
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(pilot, "linreg")
        view = app.screen.query_one(SlideView)
        inside = list(view.walk_children())
        assert len(inside) > 10  # the page, the quiz cards and their parts, the notes
        restyled: list[DOMNode] = []
        apply = app.stylesheet.apply

        def noted(node: DOMNode, **options: Any) -> None:
            restyled.append(node)
            apply(node, **options)

        app.stylesheet.apply = noted  # type: ignore[method-assign]
        view.focus()
        await settle(pilot)
        demo.focus()
        await settle(pilot)
        app.stylesheet.apply = apply  # type: ignore[method-assign]
        assert view in restyled
        assert not [node for node in restyled if node in inside]
        before = [node.styles.css for node in inside]
        app.update_styles(view)  # what Textual would have done: the view and all inside it
        assert [node.styles.css for node in inside] == before


async def test_in_a_short_window_tab_restyles_the_slide_column_alone(
    make_app: AppFactory,
) -> None:
    """Tab between a demo and the text in a short window gives the room to the other part: the
    slide's column is restyled, not the contents' rows, the header or the key bar (the class
    on the screen restyled all of them), and the room does change hands."""
    app = make_app(slide="linreg")
    async with app.run_test(size=(120, 24)) as pilot:
        demo = await open_demo(pilot, "linreg")
        screen = app.screen
        column = screen.query_one("#slide-column")
        outside = [
            node for node in screen.walk_children() if column not in node.ancestors_with_self
        ]
        assert any(isinstance(node, ContentsList) for node in outside)
        restyled: list[DOMNode] = []
        apply = app.stylesheet.apply

        def noted(node: DOMNode, **options: Any) -> None:
            restyled.append(node)
            apply(node, **options)

        demo_height = demo.size.height
        app.stylesheet.apply = noted  # type: ignore[method-assign]
        screen.query_one(SlideView).focus()
        await settle(pilot)
        app.stylesheet.apply = apply  # type: ignore[method-assign]
        assert column.has_class("-text-first")
        assert demo.size.height < demo_height  # the text has the room now
        assert column in restyled
        assert not [node for node in restyled if node in outside]


async def test_the_help_draws_its_table_of_keys_once_per_width(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the help drew its table of a hundred keys five times (its height, then its
    picture, with and without the scroll bar): most of the half second it took to open. Now
    once per width it is shown at, and the help still lists every key."""
    drawn: list[int] = []
    draw = Table.__rich_console__

    def counted(table: Table, console: Console, options: ConsoleOptions) -> RenderResult:
        drawn.append(options.max_width)
        return draw(table, console, options)

    monkeypatch.setattr(Table, "__rich_console__", counted)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert drawn and len(drawn) == len(set(drawn)), drawn
        text = screen_text(app)
        for keys, what in app.help_rows()[:3]:
            assert keys in text and what in text


@pytest.mark.parametrize(("size", "most"), [((120, 40), 0), ((80, 24), 2)], ids=["tall", "short"])
async def test_a_demo_slide_restyles_the_screen_only_where_its_room_changes(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], most: int
) -> None:
    """A class on the screen restyles every widget on it. A demo slide in a tall window has
    no room to give (the classes only matter in a short one): reaching it and leaving it
    restyled the screen twice for nothing. In a short window it restyled four times (the room
    for the demo, then for the text the focus had left, and back); once each way is enough.
    Tab through a slide without a demo restyled it for nothing too."""
    app = make_app(slide="gd-1d")
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        await press(pilot, "right")  # the slide before gd-1d's last step, no demo yet
        restyles: list[None] = []
        restyle = screen.update_node_styles

        def counted(animate: bool = True) -> None:
            restyles.append(None)
            restyle(animate=animate)

        monkeypatch.setattr(screen, "update_node_styles", counted)
        await open_demo(pilot, "gd-1d")
        await press(pilot, "left")  # the demo goes, the text has the keys
        await press(pilot, "tab", "tab")
        assert len(restyles) <= most, len(restyles)
