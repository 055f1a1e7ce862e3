"""Shared fixtures: English messages in every test, and the sample lecture written to disk."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from oppija import i18n
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture
from tests.content.content_samples import EN, ET, Edits, write_language
from tests.content.shipped import LESSONS

MakeLessons = Callable[..., Path]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English (the msgids), whatever OPPIJA_LANG says; restored afterwards."""
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def make_lessons(tmp_path: Path) -> MakeLessons:
    """A function writing the good lecture to ``tmp_path/lessons`` (et and en) and returning
    that root; ``en_edits`` replaces text in English files, ``en_remove`` leaves files out."""

    def make(en_edits: Edits | None = None, en_remove: Sequence[str] = ()) -> Path:
        root = tmp_path / "lessons"
        write_language(root / "et", ET)
        write_language(
            root / "en",
            {name: text for name, text in EN.items() if name not in en_remove},
            en_edits,
        )
        return root

    return make


@pytest.fixture
def lessons(make_lessons: MakeLessons) -> Path:
    """The good lecture, unchanged."""
    return make_lessons()


@pytest.fixture(scope="session")
def et() -> Lecture:
    """The shipped lecture in Estonian, read once per test process."""
    return load_lecture("et", LESSONS)


@pytest.fixture(scope="session")
def en() -> Lecture:
    """The shipped lecture in English, read once per test process."""
    return load_lecture("en", LESSONS)
