"""What the progress tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n


@pytest.fixture
def english() -> Iterator[None]:
    """English for the test (the notices are checked in English), the language before it after."""
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)
