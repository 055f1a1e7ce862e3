"""One key map (issue 16): docs/keys.md against the bindings, space on every demo slide, the
key bar that keeps → ← ? q, and the help that starts with the demo on screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widgets import OptionList

from oppija.content.model import Lecture
from oppija.sims.registry import DEMOS
from oppija.tui.app import KEY_NAMES, OppijaApp
from oppija.tui.screens.help import HelpScreen
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.contents import ContentsList
from oppija.tui.widgets.demo_host import widget_class
from oppija.tui.widgets.demo_panel import DemoPanel
from oppija.tui.widgets.key_bar import KeyBar
from oppija.tui.widgets.quiz_card import QuizCard
from oppija.tui.widgets.slide_view import SlideView
from tests.tui.conftest import AppFactory, open_demo, press, settle, shipped_lecture

KEY_MAP = Path(__file__).parents[2] / "docs" / "keys.md"
SIZES = [(80, 24), (120, 40)]
PROJECTOR = (160, 48)  # a classroom's projector


def declared_keys(cls: type[object]) -> set[str]:
    """The keys ``cls`` itself binds (a demo's typed values too, added to its BINDINGS)."""
    return {
        key.strip()
        for binding in vars(cls).get("BINDINGS", ())
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }


def bound_keys() -> set[str]:
    """Every key of the lecture: the app's, the lecture screen's and its widgets', every
    demo's, and Textual's Tab and Shift+Tab between the parts."""
    keys = {k for b in Screen.BINDINGS if b.action.startswith("app.focus") for k in [b.key]}
    for cls in (OppijaApp, LectureScreen, SlideView, ContentsList):
        keys |= declared_keys(cls)
    for spec in DEMOS.values():
        for klass in widget_class(spec.kind).__mro__:
            if isinstance(klass, type) and issubclass(klass, DemoPanel):
                keys |= declared_keys(klass)
    return keys


def shown(key: str) -> str:
    """A key as docs/keys.md writes it: → for right, + for plus, Space for space."""
    if key == "space":
        return "Space"
    return KEY_NAMES.get(key) or key_to_character(key) or key


def listed_keys() -> list[str]:
    """The keys in the first column of every table row of docs/keys.md, as written."""
    keys: list[str] = []
    for line in KEY_MAP.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            keys += re.findall(r"`([^`]+)`", line.split("|")[1])
    return keys


def test_the_key_map_lists_every_bound_key_and_no_other() -> None:
    listed = set(listed_keys())
    bound = {shown(key) for key in bound_keys()}
    assert bound - listed == set(), "bound, not in docs/keys.md"
    assert listed - bound == set(), "in docs/keys.md, bound nowhere"


def test_each_key_has_one_row_in_the_key_map() -> None:
    """Enter is the one key with a meaning per place (run a demo, open, confirm): one row in the
    lecture's table and the demo's run/pause; every other key is in one row only."""
    keys = listed_keys()
    repeated = {key for key in keys if keys.count(key) > 1}
    assert repeated == {"Enter"}


def test_no_demo_binds_a_key_of_the_lecture() -> None:
    """Space, arrows, q, ?, m, t, g, l, Ctrl+P, Home, End keep their lecture meaning in a demo."""
    lecture = declared_keys(OppijaApp) | declared_keys(LectureScreen)
    for spec in DEMOS.values():
        demo = set().union(
            *(declared_keys(k) for k in widget_class(spec.kind).__mro__ if isinstance(k, type))
        )
        assert demo & lecture == set(), spec.kind


def key_bar_line(app: OppijaApp, width: int | None = None) -> str:
    bar = app.screen.query_one(KeyBar)
    return bar.line(bar.size.width if width is None else width).plain


def first_slide_of_each_demo(lecture: Lecture) -> dict[str, str]:
    """A slide per demo kind: the slides of one kind have one widget and the same keys."""
    slides: dict[str, str] = {}
    for slide in lecture.slides:
        if slide.demo is not None:
            slides.setdefault(slide.demo.kind, slide.id)
    return slides


@pytest.mark.slow
async def test_every_demo_keeps_the_lecture_keys(make_app: AppFactory, lecture_et: Lecture) -> None:
    """With each demo focused: the key bar at 80, 120 and 160 columns shows → ← ? q within its
    width, and space goes on to the next slide (a presenter walks the lecture with space).

    One app walks a slide of each demo kind (an app each cost more than the checks)."""
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        for kind, slide_id in sorted(first_slide_of_each_demo(lecture_et).items()):
            demo = await open_demo(pilot, slide_id)
            for width, _height in [*SIZES, PROJECTOR]:
                line = key_bar_line(app, width)
                assert len(line) <= width, (kind, line)
                for entry in ("→ Edasi", "← Tagasi", "? Abi", "q Välju"):
                    assert entry in line, (kind, width, line)
            assert demo.has_focus, kind
            await press(pilot, "space")
            screen = app.screen
            assert isinstance(screen, LectureScreen)
            assert screen.position.slide == lecture_et.slide_index(slide_id) + 1, kind
            assert screen.position.step == 0, kind


async def test_a_demo_field_and_a_quiz_show_their_enter_and_esc(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        await open_demo(pilot, "gd-algorithm")
        await press(pilot, "a")
        assert key_bar_line(app).split() == ["Enter", "Kinnita", "Esc", "Loobu"]
        await press(pilot, "escape")
        assert "Enter Käivita / peata" in key_bar_line(app)
        screen = app.screen
        assert isinstance(screen, LectureScreen)
        slide = next(s for s in screen.lecture.slides if any(q.kind == "choice" for q in s.quizzes))
        screen.go_to(slide.id, slide.step_count - 1)
        await settle(pilot)
        screen.query_one(QuizCard).query_one(OptionList).focus()
        await settle(pilot)
        assert key_bar_line(app).startswith("Enter Vasta ↑ ↓ Vali Esc Tagasi slaidile → Edasi")


async def test_help_on_a_demo_slide_starts_with_that_demos_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZES[1]) as pilot:
        await open_demo(pilot, "softmax-temperature")
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.help_rows()
        assert rows[0] == ("See demo: Softmax", "")
        first = [keys for keys, _what in rows[1 : rows.index(("Loeng", ""))]]
        assert first[:2] == ["+/-", ", ."]  # its own keys, from its bindings …
        assert "Enter" in first and "n" in first  # … then those every demo has
        assert "i" in first and "T" in first


KEY_IN_TEXT = re.compile(r"`([^`\s]{1,2})`")  # `n`, `+`, `T`: a key the text names


def keys_named(text: str) -> set[str]:
    """The keys a slide's text names: single characters in backticks, and Enter."""
    named = set(KEY_IN_TEXT.findall(text))
    if re.search(r"\bEnter", text):
        named.add("Enter")
    return named


def keys_on_slide(kind: str) -> set[str]:
    """Every key that works with this demo on screen, written as the texts write them (P and
    E, bound on every demo, work only where the demo has practice questions)."""
    keys = declared_keys(OppijaApp) | declared_keys(LectureScreen)
    for klass in widget_class(kind).__mro__:
        if isinstance(klass, type):
            keys |= declared_keys(klass)
    if not DEMOS[kind].practice:
        keys -= {"P", "E"}
    return {shown(key) for key in keys}


@pytest.mark.parametrize("language", ["et", "en"])
def test_every_key_a_demo_slide_names_is_bound_there(language: str) -> None:
    """ "Press `e`", "`s` types a sentence": each key a demo slide's text or notes name works on
    that slide (the texts had said space, End, `e`, `s`, `u` after the keys had moved)."""
    lecture = shipped_lecture(language)
    wrong = {
        (slide.id, key)
        for slide in lecture.slides
        if slide.demo is not None
        for key in keys_named("\n".join((*slide.steps, slide.notes)))
        if key not in keys_on_slide(slide.demo.kind)
    }
    assert wrong == set()


@pytest.mark.parametrize("language", ["et", "en"])
def test_every_slide_with_a_practice_demo_invites_the_learner_to_compute_with_p(
    language: str,
) -> None:
    """Issue 19: a slide whose demo has practice questions says, with the key, that the learner
    can compute its numbers."""
    lecture = shipped_lecture(language)
    silent = {
        slide.id
        for slide in lecture.slides
        if slide.demo is not None
        and DEMOS[slide.demo.kind].practice
        and "P" not in keys_named("\n".join(slide.steps))
    }
    assert silent == set()


SPACE_OR_BLOCK = re.compile(
    r"tühik|[Pp]ress\s+space|space again|with space|Space or|demo plokis|demo block|mode: "
)


@pytest.mark.parametrize("language", ["et", "en"])
def test_no_demo_slide_sends_the_learner_to_space_or_the_demo_block(language: str) -> None:
    """Space goes to the next slide, and a learner has no demo block to edit."""
    lecture = shipped_lecture(language)
    said = {
        slide.id
        for slide in lecture.slides
        if slide.demo is not None
        and re.search(SPACE_OR_BLOCK, " ".join((*slide.steps, slide.notes)))
    }
    assert said == set()
