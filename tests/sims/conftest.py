"""Shared fixtures: English messages unless a test chooses, and warnings are errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English (the msgids) unless a test switches; restored afterwards."""
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)
