"""Ticks fall on round numbers and their labels follow the active language."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from oppija.i18n import current_language, set_language
from oppija.plot import data_range, nice_ticks, sane_range, tick_labels, tick_step


@pytest.fixture
def estonian() -> Iterator[None]:
    before = current_language()
    set_language("et")
    yield
    set_language(before)


@pytest.fixture
def english() -> Iterator[None]:
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def test_nice_ticks_by_hand() -> None:
    assert nice_ticks(0.0, 1.0, 6) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(-1.3, 1.3, 7) == [-1.0, -0.5, 0.0, 0.5, 1.0]
    assert nice_ticks(0.0, 10.0, 12) == [float(k) for k in range(11)]
    assert nice_ticks(0.0, 10.0, 3) == [0.0, 5.0, 10.0]
    assert nice_ticks(0.0, 10.0, 2) == [0.0, 10.0]
    assert nice_ticks(-0.013, 0.021, 5) == [-0.01, 0.0, 0.01, 0.02]
    assert nice_ticks(1200.0, 4700.0, 5) == [2000.0, 3000.0, 4000.0]


def test_degenerate_ranges_do_not_raise() -> None:
    assert nice_ticks(3.0, 3.0, 5) == [3.0]
    assert nice_ticks(math.nan, 1.0, 5) == [1.0]
    assert nice_ticks(math.nan, math.inf, 5) == []
    assert nice_ticks(1.0, 0.0, 3) == [0.0, 0.5, 1.0]


@given(
    st.floats(-1e12, 1e12, allow_nan=False),
    st.floats(1e-9, 1e12, allow_nan=False),
    st.integers(2, 30),
)
@example(lo=0.0, span=1.000000001, most=3)  # a span a hair over two steps of 0,5
def test_ticks_are_few_inside_and_evenly_spaced(lo: float, span: float, most: int) -> None:
    assume(span >= abs(lo) * 1e-6)  # a span that float64 can still divide into steps
    hi = lo + span
    ticks = nice_ticks(lo, hi, most)
    assert 1 <= len(ticks) <= most
    slack = span * 1e-6
    assert all(lo - slack <= t <= hi + slack for t in ticks)
    if len(ticks) >= 2:  # evenly spaced by 1, 2 or 5 × 10^k
        step = ticks[1] - ticks[0]
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert min(abs(mantissa - m) for m in (1.0, 2.0, 5.0, 10.0)) < 1e-6
        for before, after in itertools.pairwise(ticks):
            assert abs((after - before) - step) <= 1e-6 * step
    first = tick_step(lo, hi, most)  # the step tried first: the finest that allows `most` ticks
    # ... to the relative 1e-9 by which a step may fall short of span/(most − 1) (float noise)
    assert span / first <= (most - 1) / (1 - 1e-9) * (1 + 1e-12)


def test_estonian_labels_have_a_decimal_comma_and_a_minus_sign(estonian: None) -> None:
    assert tick_labels([-1.0, -0.5, 0.0, 0.5, 1.0]) == ["−1", "−0,5", "0", "0,5", "1"]
    assert tick_labels([0.0, 5000.0, 10000.0]) == ["0", "5\xa0000", "10\xa0000"]
    assert tick_labels([0.05, 0.1, 0.15]) == ["0,05", "0,1", "0,15"]


def test_english_labels_have_a_decimal_point(english: None) -> None:
    assert tick_labels([-1.0, -0.5, 0.0, 0.5, 1.0]) == ["-1", "-0.5", "0", "0.5", "1"]


def test_labels_follow_a_language_switch(estonian: None) -> None:
    assert tick_labels([0.0, 0.25]) == ["0", "0,25"]
    set_language("en")
    assert tick_labels([0.0, 0.25]) == ["0", "0.25"]


def test_ranges_are_made_usable() -> None:
    assert sane_range(0.0, 1.0) == (0.0, 1.0)
    assert sane_range(2.0, 1.0) == (1.0, 2.0)
    assert sane_range(5.0, 5.0) == (4.5, 5.5)
    assert sane_range(0.0, 0.0) == (-1.0, 1.0)
    assert sane_range(math.nan, math.inf) == (0.0, 1.0)
    assert sane_range(math.nan, 2.0) == (1.8, 2.2)
    lo, hi = sane_range(-math.inf, math.inf)
    assert math.isfinite(hi - lo) and lo < hi


def test_data_ranges_ignore_non_finite_values() -> None:
    assert data_range([1.0, math.nan, 3.0, math.inf]) == (1.0, 3.0)
    assert data_range([0.0, 10.0], pad_fraction=0.1) == (-1.0, 11.0)
    assert data_range([]) == (0.0, 1.0)
    assert data_range([math.nan]) == (0.0, 1.0)
