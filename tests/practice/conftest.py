"""Practice questions are read in Estonian first, as a learner meets them."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def estonian(in_estonian: None) -> None:
    """Each test starts in Estonian and leaves the language as it found it."""
