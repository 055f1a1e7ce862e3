"""The suite's own settings: what every test module gets without asking."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def test_property_tests_are_never_timed() -> None:
    """A property test written with only its example count (as ``test_disk_round_trip_property``
    is) runs without a deadline and without the "too slow" health check: on a busy machine one
    example of it took 408 ms against Hypothesis' default deadline of 200 ms and failed the
    suite, though its property held."""
    written_in_a_test = settings(max_examples=50)
    assert written_in_a_test.deadline is None
    assert HealthCheck.too_slow in written_in_a_test.suppress_health_check
