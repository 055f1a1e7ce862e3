"""The whole suite: the slowest tests start first, so that the workers end together; Hypothesis
never times a test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from oppija import i18n

# A property test checks what is true of every example, not how fast one runs: on a busy machine
# (CI, several jobs on two cores) an example may take ten times as long, and a deadline or the
# "too slow" health check then fails a test whose property holds. Tests may still set their own
# example counts; loaded here, before any test module is imported, every ``@settings`` inherits it.
settings.register_profile("oppija", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("oppija")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` go to the front (xdist hands tests out in this order): started
    last, one of them would keep a worker busy long after the other has finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture
def in_estonian() -> Iterator[None]:
    """The test runs in Estonian and leaves the language as it found it (the layers that
    write what a learner reads make their conftest's autouse ``estonian`` ask for it)."""
    previous = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(previous)
