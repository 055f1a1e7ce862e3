"""The whole suite: the slowest tests start first, so that the workers end together; Hypothesis
never times a test; the garbage collector does not walk the same objects again and again."""

from __future__ import annotations

import gc
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


# A test's app lives for seconds: long enough for its widgets, styles and drawn lines to reach
# the collector's oldest generation, where they become garbage together when the test ends.
# With Python's default thresholds (700, 10, 10) a full collection then ran every ten middle ones,
# each walking every object of the worker (the modules, the parsed lectures, Textual's caches):
# about a quarter of the TUI tests' CPU. Fewer, larger young collections keep the full ones rare;
# the app's own behaviour is the same, and a test of memory collects explicitly.
YOUNG_OBJECTS_PER_COLLECTION = 20_000


def pytest_configure(config: pytest.Config) -> None:
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, 10, 10)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded (modules, Hypothesis strategies, the test items) lives until the
    worker ends: frozen, no collection walks it again."""
    gc.collect()
    gc.freeze()


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
