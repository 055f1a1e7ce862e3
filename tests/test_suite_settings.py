"""The suite's own settings: what every test module gets without asking."""

from __future__ import annotations

import gc

from hypothesis import HealthCheck, settings

from tests.conftest import YOUNG_OBJECTS_PER_COLLECTION


def test_property_tests_are_never_timed() -> None:
    """A property test written with only its example count (as ``test_disk_round_trip_property``
    is) runs without a deadline and without the "too slow" health check: on a busy machine one
    example of it took 408 ms against Hypothesis' default deadline of 200 ms and failed the
    suite, though its property held."""
    written_in_a_test = settings(max_examples=50)
    assert written_in_a_test.deadline is None
    assert HealthCheck.too_slow in written_in_a_test.suppress_health_check


def test_the_collector_is_set_for_a_suite_of_apps() -> None:
    """Young collections every 20 000 objects, and what collection loaded frozen (the settings
    that kept full collections from taking a quarter of the TUI tests' CPU)."""
    assert gc.get_threshold()[0] == YOUNG_OBJECTS_PER_COLLECTION
    assert gc.get_freeze_count() > 10_000
