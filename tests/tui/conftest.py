"""Shared set-up for the TUI tests: the real lecture, progress in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oppija import i18n
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture
from oppija.progress import ProgressStore
from oppija.tui.app import OppijaApp

AppFactory = Callable[..., OppijaApp]


@pytest.fixture(autouse=True)
def estonian() -> Iterator[None]:
    """Every test starts in Estonian and leaves the language as it found it."""
    previous = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(previous)


@pytest.fixture(scope="session")
def lecture_et() -> Lecture:
    return load_lecture("et")


@pytest.fixture(scope="session")
def lecture_en() -> Lecture:
    return load_lecture("en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir: Path) -> AppFactory:
    """An app as `oppija` starts it: progress loaded from (and saved to) ``data_dir``."""

    def factory(*, slide: str | None = None, ascii_mode: bool = False) -> OppijaApp:
        store = ProgressStore(data_dir)
        loaded = store.load()
        if loaded.restored:
            i18n.set_language(loaded.progress.language)
        return OppijaApp(
            load_lecture(i18n.current_language()),
            loaded.progress,
            store,
            start_slide=slide,
            notices=[loaded.notice] if loaded.notice else [],
            resumed=loaded.restored,
            ascii_mode=ascii_mode,
        )

    return factory


def screen_text(app: OppijaApp) -> str:
    """What the terminal shows right now, as plain lines of text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
