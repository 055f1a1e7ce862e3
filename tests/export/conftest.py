"""The shipped lecture's handouts, built once per test session and language (a handout runs
every demo to its ``export-steps``: a few seconds)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from oppija import i18n
from oppija.content.loader import load_lecture
from oppija.export.handout import Audience, Handout, collect


@pytest.fixture(autouse=True)
def _language_back() -> Iterator[None]:
    """Each test leaves the language as it found it."""
    before = i18n.current_language()
    yield
    i18n.set_language(before)


class Handouts:
    """One collected handout per language; the other audience is the same slides, relabelled."""

    def __init__(self) -> None:
        self._built: dict[str, Handout] = {}

    def get(self, language: str, audience: Audience) -> Handout:
        i18n.set_language(language)
        if language not in self._built:
            self._built[language] = collect(load_lecture(language), "student")
        return dataclasses.replace(self._built[language], audience=audience)


@pytest.fixture(scope="session")
def handouts() -> Handouts:
    return Handouts()
