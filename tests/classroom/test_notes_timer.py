"""The notes screen's timer: counting up, down, the last five minutes, overtime."""

from __future__ import annotations

from oppija.notes.timer import Phase, TimerReading, duration_text, read_timer


def test_durations_read_as_a_clock() -> None:
    assert duration_text(0) == "0:00"
    assert duration_text(59.9) == "0:59"
    assert duration_text(754) == "12:34"
    assert duration_text(3723) == "1:02:03"
    assert duration_text(-5) == "0:00"


def test_without_a_length_the_timer_counts_up() -> None:
    assert read_timer(754.2, None) == TimerReading(Phase.ELAPSED, "12:34")


def test_a_countdown_turns_to_warning_in_the_last_five_minutes_then_to_overtime() -> None:
    assert read_timer(0, 90) == TimerReading(Phase.REMAINING, "1:30:00")
    assert read_timer(60.5, 90) == TimerReading(Phase.REMAINING, "1:29:00")  # 88:59,5 left
    assert read_timer(85 * 60 - 1, 90) == TimerReading(Phase.REMAINING, "5:01")
    assert read_timer(85 * 60, 90) == TimerReading(Phase.ENDING, "5:00")
    assert read_timer(90 * 60, 90) == TimerReading(Phase.ENDING, "0:00")
    assert read_timer(90 * 60 + 192, 90) == TimerReading(Phase.OVERTIME, "+3:12")
