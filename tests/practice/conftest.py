"""Practice questions are read in Estonian first, as a learner meets them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n


@pytest.fixture(autouse=True)
def estonian() -> Iterator[None]:
    """Each test starts in Estonian and leaves the language as it found it."""
    previous = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(previous)
