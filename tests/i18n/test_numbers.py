"""Numbers are written and read the way the active language writes them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from oppija import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def estonian() -> Iterator[None]:
    previous = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(previous)


@pytest.fixture
def english() -> Iterator[None]:
    previous = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(previous)


@pytest.mark.usefixtures("estonian")
def test_estonian_uses_decimal_comma_and_space_groups() -> None:
    assert i18n.format_decimal(0.01) == "0,01"
    assert i18n.format_decimal(12345.6) == "12\u00a0345,6"
    assert i18n.format_decimal(-1.8, 1) == "−1,8"
    assert i18n.format_fixed(3.14159, 3) == "3,142"
    assert i18n.format_integer(52) == "52"
    assert i18n.format_percent(0.126).replace("\u00a0", " ") == "13 %"


@pytest.mark.usefixtures("english")
def test_english_uses_decimal_point() -> None:
    assert i18n.format_decimal(0.01) == "0.01"
    assert i18n.format_decimal(12345.6) == "12,345.6"
    assert i18n.format_percent(0.126) == "13%"


def test_infinite_and_nan_are_words_not_crashes() -> None:
    assert i18n.format_decimal(float("inf")) == "∞"
    assert i18n.format_decimal(float("nan")) == "NaN"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,01", 0.01),
        ("0.01", 0.01),
        ("-1,5", -1.5),
        ("−2", -2.0),
        (" 3 ", 3.0),
        ("1e-3", 0.001),
        (",5", 0.5),
        ("–2", -2.0),  # a word processor's en dash for a minus (issue 13)
        ("1,5e−3", 0.0015),
        ("12\u2009345", 12345.0),  # thin space
        ("12\u202f345,5", 12345.5),  # narrow no-break space
    ],
)
def test_typed_numbers_accept_comma_or_point(text: str, value: float) -> None:
    assert i18n.parse_number(text) == pytest.approx(value)


@pytest.mark.usefixtures("estonian")
@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1..2", "nan", "inf", "1e999", "0x10"])
def test_bad_numbers_get_a_translated_message(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        i18n.parse_number(text)
    assert "arv" in str(caught.value) or "suur" in str(caught.value)


@pytest.mark.usefixtures("estonian")
def test_a_number_copied_from_the_screen_stays_one_number_in_a_list() -> None:
    """Babel writes 12 345 with a no-break space: in a list it was 12 and 345 (issue 13)."""
    shown = i18n.format_integer(12345)
    assert i18n.parse_numbers(f"{shown}; 2") == [12345.0, 2.0]
    assert i18n.parse_numbers(f"{shown} 2") == [12345.0, 2.0]
    assert i18n.parse_numbers("1\u2009000 −0,5") == [1000.0, -0.5]


def test_lists_are_separated_by_spaces_or_semicolons() -> None:
    assert i18n.parse_numbers("1 2,5 3") == [1.0, 2.5, 3.0]
    assert i18n.parse_numbers("1; 2,5;3") == [1.0, 2.5, 3.0]
    with pytest.raises(ValueError):
        i18n.parse_numbers("  ")


def test_estonian_is_the_default_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPPIJA_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert i18n.language_from_environment() == "et"
    monkeypatch.setenv("OPPIJA_LANG", "en")
    assert i18n.language_from_environment() == "en"
    monkeypatch.setenv("OPPIJA_LANG", "klingon")
    assert i18n.language_from_environment() == "et"


def test_switch_language_translates_strings() -> None:
    previous = i18n.current_language()
    try:
        i18n.set_language("et")
        assert i18n._("options") == "võtmed"
        i18n.set_language("en")
        assert i18n._("options") == "options"
    finally:
        i18n.set_language(previous)


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("et", 1e30, "1e30"),
        ("et", -2.5e40, "−2,5e40"),
        ("en", 1.234e300, "1.23e300"),
        ("et", 1e15, "1e15"),
    ],
)
def test_huge_numbers_are_written_with_a_power_of_ten(
    language: str, value: float, expected: str
) -> None:
    """A diverged descent reaches 10³⁰ and more: that must print, not raise."""
    previous = i18n.current_language()
    i18n.set_language(language)
    try:
        assert i18n.format_decimal(value) == expected
        assert i18n.format_fixed(value, 4) == expected
    finally:
        i18n.set_language(previous)


def reads_as(ours: str, babels: str) -> bool:
    """Babel's text, except that a number rounded to zero has no minus (−0,00 is 0,00)."""
    zero = not any(digit in babels for digit in "123456789")
    return ours == babels or (zero and ours == babels.lstrip("−-"))


def babel_writer(pattern: str, language: str) -> Callable[[float], str]:
    """Babel's ``format_decimal``/``format_percent`` with ``pattern`` in ``language``: both are
    ``parse_pattern(pattern).apply(value, Locale.parse(language))``; parsed once here, not for
    each of the 90 000 numbers (almost half of the test's time went to parsing them again)."""
    from babel import Locale
    from babel.numbers import parse_pattern

    apply, locale = parse_pattern(pattern).apply, Locale.parse(language)
    return lambda value: apply(value, locale)


@pytest.mark.parametrize("language", ["et", "en"])
def test_numbers_below_a_thousand_read_as_babel_writes_them(language: str) -> None:
    """Below 1000 the numbers are rounded without Babel (it is slow in a running demo's
    frame); they must read exactly as Babel writes them, ties and all, in both languages."""
    import random

    from babel.numbers import format_decimal as babel_decimal
    from babel.numbers import format_percent as babel_percent

    previous = i18n.current_language()
    i18n.set_language(language)
    rng = random.Random(27)
    ties = [0.125, 0.135, 2.5, 0.575, 0.0005, 999.4, 1e-7]
    values = ties + [rng.uniform(-999, 999) * 10 ** -rng.randint(0, 6) for _ in range(3000)]
    try:
        for digits in (0, 1, 2, 3, 6):
            decimals = "." + "0" * digits if digits else ""
            fixed_pattern = "#,##0" + decimals
            loose_pattern = "#,##0" + decimals.replace("0", "#")
            percent_pattern = "#,##0" + decimals + ("%" if language == "en" else " %")
            babel_fixed = babel_writer(fixed_pattern, language)
            babel_loose = babel_writer(loose_pattern, language)
            babel_percent_of = babel_writer(percent_pattern, language)
            for tie in ties:  # the writers are Babel's own functions, parsed ahead
                assert babel_fixed(tie) == babel_decimal(tie, format=fixed_pattern, locale=language)
                assert babel_loose(tie) == babel_decimal(tie, format=loose_pattern, locale=language)
                assert babel_percent_of(tie / 100) == babel_percent(
                    tie / 100, format=percent_pattern, locale=language
                )
            for value in values:
                fixed, loose, percent = (
                    babel_fixed(value),
                    babel_loose(value),
                    babel_percent_of(value / 100),
                )
                if language == "et":
                    fixed, loose, percent = (t.replace("-", "−") for t in (fixed, loose, percent))
                assert reads_as(i18n.format_fixed(value, digits), fixed), (value, digits)
                assert reads_as(i18n.format_decimal(value, digits), loose), (value, digits)
                assert reads_as(i18n.format_percent(value / 100, digits), percent), (value, digits)
    finally:
        i18n.set_language(previous)


@pytest.mark.usefixtures("estonian")
def test_a_number_that_rounds_to_zero_has_no_minus() -> None:
    assert i18n.format_fixed(-0.001, 2) == "0,00"
    assert i18n.format_decimal(-0.001, 2) == "0"
    assert i18n.format_fixed(-0.006, 2) == "−0,01"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_whole_numbers_are_grouped_as_babel_groups_them(language: str) -> None:
    from babel.numbers import format_decimal as babel_decimal

    values = [1000, 9999, 10_000, 123_456, 1_234_567, 10**12, 2**63, -1000, -12_345, -(10**9)]
    values += [7 * 13**k for k in range(3, 16)]
    previous = i18n.current_language()
    i18n.set_language(language)
    try:
        for value in values:
            assert i18n.format_integer(value) == babel_decimal(value, "#,##0", locale=language)
    finally:
        i18n.set_language(previous)


def test_grouping_a_whole_number_loads_no_babel() -> None:
    """Babel's locale data is megabytes in every learner's process: a readout's step count
    (10 000 steps) must not load it."""
    code = (
        "import sys; from oppija import i18n; i18n.set_language('et');"
        " assert i18n.format_integer(12345) == '12\\u00a0345';"
        " assert 'babel' not in sys.modules, 'Babel loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
