"""Review tests read Estonian first, as a learner meets them, and parse the lecture once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from oppija.content import loader
from oppija.content.model import Lecture

_load_lecture = loader.load_lecture


@cache
def shipped_lecture(language: str) -> Lecture:
    """The shipped lecture, parsed once a test process (a parse takes most of a second)."""
    return _load_lecture(language)


@pytest.fixture(autouse=True)
def estonian(in_estonian: None) -> None:
    """Each test starts in Estonian and leaves the language as it found it."""


@pytest.fixture(autouse=True)
def lecture_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``oppija korda`` reads the shipped lecture (it asks its quizzes too): the parsed one."""

    def load_lecture(
        language: str, root: Path | None = None, cache_dir: Path | None = None
    ) -> Lecture:
        if root is None:
            return shipped_lecture(language)
        return _load_lecture(language, root, cache_dir)

    monkeypatch.setattr(loader, "load_lecture", load_lecture)
