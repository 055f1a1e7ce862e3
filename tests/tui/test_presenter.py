"""The classroom's presenter: the projector view, the notes screen following it, a learner
following the teacher. Presenter and follower run as two apps in one test, sharing a folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from oppija.content.model import Lecture
from oppija.presenter_state import (
    PresenterState,
    default_position_file,
    read_state,
    write_state,
)
from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from oppija.tui.notes_app import NotesApp
from oppija.tui.screens.notes import NotesScreen
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.key_bar import KeyBar
from oppija.tui.widgets.slide_view import SlideView
from tests.tui.conftest import open_demo, press, screen_text, settle, show_demo

START = 1_800_000_000.0  # a fixed "now" for the notes' clock and timer


def presenter(lecture: Lecture, data: Path, slide: str | None = None) -> OppijaApp:
    return OppijaApp(
        lecture,
        Progress(),
        ProgressStore(data),
        start_slide=slide,
        presenting=True,
        position_file=default_position_file(data),
    )


def learner(lecture: Lecture, data: Path, teacher_file: Path) -> OppijaApp:
    return OppijaApp(lecture, Progress(), ProgressStore(data), follow_file=teacher_file)


async def next_publication(
    pilot: Pilot[None], signal_owner: NotesScreen | OppijaApp, action: object
) -> object:
    """Run ``action`` (a coroutine) and return what ``signal_owner.followed`` publishes next."""
    published: asyncio.Future[object] = asyncio.get_running_loop().create_future()

    def seen(value: object) -> None:
        if not published.done():
            published.set_result(value)

    signal_owner.followed.subscribe(pilot.app, seen, immediate=True)
    try:
        await action  # type: ignore[misc]
        value = await asyncio.wait_for(published, 10)
    finally:
        signal_owner.followed.unsubscribe(pilot.app)
    await settle(pilot)
    return value


async def test_right_in_the_presenter_moves_the_notes_screen(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    teacher = presenter(lecture_et, data)
    notes = NotesApp(default_position_file(data), 90)
    async with teacher.run_test(size=(120, 40)) as shown, notes.run_test(size=(100, 30)) as side:
        await settle(side)
        text = screen_text(notes)  # type: ignore[arg-type]
        assert "Slaid 1/63 · samm 1/2" in text
        assert "Järgmine: Eelmine loeng" in text
        assert "Algne loeng avati DALL·E" in text  # the first slide's teacher notes
        state = await next_publication(side, notes.notes_screen, press(shown, "right"))
        assert isinstance(state, PresenterState) and (state.slide_id, state.step) == ("title", 1)
        assert "Slaid 1/63 · samm 2/2" in screen_text(notes)  # type: ignore[arg-type]
        state = await next_publication(side, notes.notes_screen, press(shown, "right"))
        assert state == read_state(default_position_file(data))
        assert isinstance(state, PresenterState) and (state.slide_id, state.step) == ("recap", 0)
        text = screen_text(notes)  # type: ignore[arg-type]
        assert "Slaid 2/63 · samm 1/6" in text
        assert "Eelmine loeng" in text and "Järgmine: Tänane loeng" in text
        assert "Küsi kuulajatelt: miks ei tohi" in text
        assert "Algne loeng avati" not in text


async def test_notes_before_any_presenter_say_how_to_start_one(tmp_path: Path) -> None:
    notes = NotesApp(tmp_path / "presenter.json", 90)
    async with notes.run_test(size=(80, 24)) as side:
        await settle(side)
        text = screen_text(notes)  # type: ignore[arg-type]
        assert "Esitlust veel pole" in text
        assert "oppija --present" in text
        assert notes.notes_screen.timer_text == ""  # no timer before a presentation began


async def test_the_countdown_warns_in_the_last_minutes_and_counts_overtime(
    tmp_path: Path, utc: None
) -> None:
    path = tmp_path / "presenter.json"
    write_state(path, PresenterState("linreg", 1, "et", START))
    clock = [START + 60]
    notes = NotesApp(path, 10, now=lambda: clock[0])
    async with notes.run_test(size=(80, 24)) as side:
        await settle(side)
        screen = notes.notes_screen
        timer = screen.query_one("#notes-timer")
        assert screen.timer_text == "Aega jäänud 9:00"
        assert not timer.has_class("-ending")
        clock[0] = START + 6 * 60
        screen.tick()
        assert screen.timer_text == "Aega jäänud 4:00"
        assert timer.has_class("-ending")
        clock[0] = START + 11 * 60 + 5
        screen.tick()
        assert screen.timer_text == "Üle aja +1:05"
        assert timer.has_class("-overtime") and not timer.has_class("-ending")
        assert screen.query_one("#notes-clock").value == "08:11:05"  # type: ignore[attr-defined]


async def test_a_corrupt_position_file_is_no_presenter_not_a_crash(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    path = tmp_path / "presenter.json"
    write_state(path, PresenterState("linreg", 0, "et", START))
    notes = NotesApp(path, None)
    async with notes.run_test(size=(80, 24)) as side:
        await settle(side)
        assert "Lineaarregressioon" in screen_text(notes)  # type: ignore[arg-type]

        async def corrupt() -> None:
            path.write_bytes(b'{"version": 1, "slide": ')

        assert await next_publication(side, notes.notes_screen, corrupt()) is None
        text = screen_text(notes)  # type: ignore[arg-type]
        assert "Esitlust veel pole" in text and "Lineaarregressioon" not in text

        async def unknown_slide() -> None:  # another version of the lessons: not shown either
            write_state(path, PresenterState("no-such-slide", 0, "et", START))

        await next_publication(side, notes.notes_screen, unknown_slide())
        assert "Esitlust veel pole" in screen_text(notes)  # type: ignore[arg-type]
        assert notes.is_running


async def test_the_learner_follows_the_teacher_until_moving_by_themselves(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    teacher_file = tmp_path / "teacher" / "presenter.json"
    write_state(teacher_file, PresenterState("linreg", 2, "et", START))
    app = learner(lecture_et, tmp_path / "learner", teacher_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        keys = [entry[2] for entry in app.screen.query_one(KeyBar).entries()]
        assert "Järgi õpetajat" in keys and "Lõpeta järgimine" not in keys
        assert app.progress.slide_id == "title"  # nothing moves before the key

        position = await next_publication(pilot, app, press(pilot, "j"))
        assert app.progress.slide_id == "linreg" and app.progress.step == 2
        keys = [entry[2] for entry in app.screen.query_one(KeyBar).entries()]
        assert "Lõpeta järgimine" in keys and "Järgi õpetajat" not in keys

        async def teacher_moves() -> None:
            write_state(teacher_file, PresenterState("plan", 1, "et", START))

        assert position != await next_publication(pilot, app, teacher_moves())
        assert (app.progress.slide_id, app.progress.step) == ("plan", 1)

        await press(pilot, "right")  # the learner's own move: following ends
        assert app.follower is not None and not app.follower.on
        assert (app.progress.slide_id, app.progress.step) == ("plan", 2)
        write_state(teacher_file, PresenterState("linreg", 0, "et", START))
        app.follow_teacher()  # what the timer calls
        await settle(pilot)
        assert (app.progress.slide_id, app.progress.step) == ("plan", 2)

        await next_publication(pilot, app, press(pilot, "j"))  # on again: to the teacher at once
        assert (app.progress.slide_id, app.progress.step) == ("linreg", 0)
        await press(pilot, "j")  # and off with the key
        assert not app.follower.on


async def test_without_follow_the_key_does_nothing(lecture_et: Lecture, tmp_path: Path) -> None:
    app = OppijaApp(lecture_et, Progress(), ProgressStore(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "j")
        keys = [entry[2] for entry in app.screen.query_one(KeyBar).entries()]
        assert "Järgi õpetajat" not in keys
        assert app.progress.slide_id == "title"


async def test_present_hides_contents_and_notes_and_publishes_its_position(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    app = presenter(lecture_et, data, slide="gd-1d")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(ContentsList).display  # wide, yet no contents
        assert app.screen.has_class("-present")
        assert read_state(default_position_file(data)) == PresenterState(
            "gd-1d",
            0,
            "et",
            read_state(default_position_file(data)).started_at,  # type: ignore[union-attr]
        )
        await press(pilot, "m")
        assert not app.screen.query_one(SlideView).has_class("-show-notes")
        text = screen_text(app)
        assert "Joonista tahvlile" not in text  # the notes, never on the projector
        assert any("oppija notes" in n.message for n in app._notifications)  # where they are
        demo = await open_demo(pilot, "gd-1d")
        state = read_state(default_position_file(data))
        assert state is not None and (state.slide_id, state.step) == ("gd-1d", 2)
        assert demo.region.height > app.size.height // 2  # the demo has most of the screen
        lines = screen_text(app).splitlines()  # at a projector's 160×48, what the class reads:
        assert "Ühemõõtmeline gradient" in lines[0]  # the title,
        assert "Demos on sama pilt. Vajuta n" in "\n".join(lines)  # what to do,
        assert "→ Edasi" in lines[-1] and "? Abi" in lines[-1]  # the keys,
        page = app.screen.query_one(SlideView).query_one("#slide-page")
        assert page.size.width <= 100 < app.size.width - 40  # and lines short enough to follow
        for _press in range(8):  # a remote's PgDn pages the slide's short text, then moves on
            await press(pilot, "pagedown")
            if app.progress.slide_id != "gd-1d":
                break
        state = read_state(default_position_file(data))
        assert state is not None and (state.slide_id, state.step) == ("gd-2d", 0)


async def test_a_position_file_that_cannot_be_written_is_told_once(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    (tmp_path / "a file").write_text("not a folder")
    app = OppijaApp(
        lecture_et,
        Progress(),
        ProgressStore(tmp_path / "data"),
        position_file=tmp_path / "a file" / "presenter.json",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "right", "right", "right")
        told = [n.message for n in app._notifications if "märkmete ekraanile" in n.message.lower()]
        assert len(told) == 1 and "a file" in told[0]
        assert app.progress.slide_id == "recap"  # the lecture goes on


async def test_ascii_notes_draw_no_box_characters(tmp_path: Path, utc: None) -> None:
    path = tmp_path / "presenter.json"
    write_state(path, PresenterState("linreg", 0, "et", START))
    notes = NotesApp(path, 90, now=lambda: START + 125, ascii_mode=True)
    async with notes.run_test(size=(80, 24)) as side:
        await settle(side)
        text = screen_text(notes)  # type: ignore[arg-type]
        assert "08:02:05" in text and "1:27:55" in text
        assert not any(0x2500 <= ord(char) <= 0x259F for char in text), text


async def test_following_before_the_teacher_begins_waits_for_them(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    teacher_file = tmp_path / "teacher" / "presenter.json"
    app = learner(lecture_et, tmp_path / "learner", teacher_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "j")
        assert any("pole veel alustanud" in n.message for n in app._notifications)
        assert app.progress.slide_id == "title"
        assert app.follower is not None and app.follower.on

        async def teacher_begins() -> None:
            write_state(teacher_file, PresenterState("plan", 0, "et", START))

        await next_publication(pilot, app, teacher_begins())
        assert app.progress.slide_id == "plan"
        help_keys = [key for key, _what in app.help_rows()]
        assert help_keys.count("j") == 1  # one row for the toggle


async def test_notes_show_the_lecture_in_the_presenters_language(tmp_path: Path) -> None:
    path = tmp_path / "presenter.json"
    write_state(path, PresenterState("linreg", 0, "en", START))
    notes = NotesApp(path, None)
    async with notes.run_test(size=(100, 30)) as side:
        await settle(side)
        text = screen_text(notes)  # type: ignore[arg-type]
        assert "Linear regression" in text and "Lineaarregressioon" not in text
        assert "Õpetaja märkmed" in text  # the screen's own words stay in its language


async def test_following_onto_a_demo_and_leaving_with_the_key_while_the_demo_has_it(
    lecture_et: Lecture, tmp_path: Path
) -> None:
    teacher_file = tmp_path / "teacher" / "presenter.json"
    write_state(teacher_file, PresenterState("gd-1d", 2, "et", START))
    app = learner(lecture_et, tmp_path / "learner", teacher_file)
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await show_demo(pilot, lambda: press(pilot, "j"))
        assert demo.has_focus and app.progress.slide_id == "gd-1d"
        await press(pilot, "j")  # the demo has the keys; j is still the app's
        assert app.follower is not None and not app.follower.on
        assert demo.has_focus
