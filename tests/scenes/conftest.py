"""Shared setup of the scene tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n


@pytest.fixture(autouse=True)
def estonian() -> Iterator[None]:
    """Estonian: its words are the longest, and its letters are allowed in ASCII mode."""
    before = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(before)
