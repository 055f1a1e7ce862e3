"""The one number style of the demos' readouts and tables, and α's 1–2–5 ladder.

A learner reads 𝓔(θ) beside θ and down the ``#`` table: the same digits, the same ×10⁻ⁿ, the
decimal signs under each other, and + on α lands on round numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from oppija import i18n
from oppija.text.number_style import aligned, ladder_step, significant


@pytest.fixture(params=["et", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = i18n.current_language()
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language(before)


# value, Estonian, English
TABLE = [
    (0.0006417481, "6,417·10⁻⁴", "6.417·10⁻⁴"),
    (0.0253, "0,02530", "0.02530"),
    (-0.1676, "−0,1676", "-0.1676"),
    (-0.17, "−0,1700", "-0.1700"),  # trailing zeros kept: as wide as −0,1676
    (0.9, "0,9000", "0.9000"),
    (1.9661, "1,966", "1.966"),
    (12.3456, "12,35", "12.35"),
    (9.99996, "10,00", "10.00"),  # rounding up to the next power of ten keeps 4 digits
    (-6.4e-6, "−6,400·10⁻⁶", "-6.400·10⁻⁶"),
    (3e-20, "3,000·10⁻²⁰", "3.000·10⁻²⁰"),
    (0.001, "0,001000", "0.001000"),
    (1046666.87, "1,047·10⁶", "1.047·10⁶"),
    (0.0, "0", "0"),
    (-0.0, "0", "0"),  # never −0, which reads as below zero
    (math.nan, "NaN", "NaN"),
    (-math.inf, "−∞", "−∞"),
]


@pytest.mark.parametrize(("value", "et", "en"), TABLE)
def test_significant_digits_and_times_ten(language: str, value: float, et: str, en: str) -> None:
    assert significant(value) == (et if language == "et" else en)


def test_settings_drop_trailing_zeros(language: str) -> None:
    point = "," if language == "et" else "."
    assert significant(0.02, trailing_zeros=False) == f"0{point}02"
    assert significant(0.1, trailing_zeros=False) == f"0{point}1"
    assert significant(5e-4, trailing_zeros=False) == "5·10⁻⁴"
    assert significant(2.0, trailing_zeros=False) == "2"


def test_a_column_aligns_its_decimal_signs(language: str) -> None:
    values = [0.0006417481, 0.0253, -0.1676, 12.3456, 0.0, -1234.5]
    column = aligned([significant(v) for v in values])
    point = "," if language == "et" else "."
    assert len({len(text) for text in column}) == 1  # all as wide
    signs = {text.index(point) for text in column if point in text}
    assert len(signs) == 1  # every decimal sign in one column
    sign = signs.pop()
    for text in column:  # 0 and −1 234 have no sign: their last digit stands just before it
        if point not in text:
            assert len(text.rstrip()) == sign
    assert column[2].index("0") == sign - 1  # −0,1676: its whole part ends where the others do


@pytest.mark.parametrize(
    ("start", "ups"),
    [
        (0.01, [0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0]),
        (0.3815, [0.5, 1.0, 2.0]),  # off the ladder: the next rung up
        (0.0004, [0.0005, 0.001, 0.002]),
    ],
)
def test_alpha_climbs_the_one_two_five_ladder(start: float, ups: list[float]) -> None:
    value = start
    for expected in ups:
        value = ladder_step(value, 1)
        assert value == expected  # exactly: 0.1, never 0.30000000000000004 or 0.3815


@pytest.mark.parametrize(
    ("start", "downs"),
    [(1.0, [0.5, 0.2, 0.1, 0.05, 0.02, 0.01]), (0.3815, [0.2, 0.1]), (0.12, [0.1, 0.05])],
)
def test_alpha_descends_the_ladder(start: float, downs: list[float]) -> None:
    value = start
    for expected in downs:
        value = ladder_step(value, -1)
        assert value == expected
