"""The command's text on any encoding, and what the learner typed echoed safely."""

from __future__ import annotations

import io

import pytest

from oppija.cli_output import SPELL_ERRORS, shown


def printed(text: str, encoding: str) -> str:
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=SPELL_ERRORS)
    stream.write(text)
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode(encoding)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("∂E/∂θ = 2θ — õige", "ascii", "dE/dtheta = 2theta - oige"),
        ("x² + θ₀ ≤ 3,5", "ascii", "x^2 + theta0 <= 3,5"),
        ("Süvaõpe — šž „jah“", "iso8859-15", 'Süvaõpe - šž "jah"'),
        ("Süvaõpe, šž σ", "iso8859-1", "Süvaõpe, sz sigma"),  # Latin-1 has õ but not š, ž
        ("日本", "ascii", "??"),
        ("Süvaõpe", "utf-8", "Süvaõpe"),
    ],
)
def test_what_an_encoding_cannot_hold_is_spelt(text: str, encoding: str, expected: str) -> None:
    assert printed(text, encoding) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\nb\tc\x07", "a\\x0ab\\x09c\\x07"),
        ("\u202eevil\u2066", "\\u202eevil\\u2066"),
        ("gd1d\udcff", "gd1d\\xff"),  # a byte of the command line that was not UTF-8
        ("\x9b2J", "\\x9b2J"),  # the one-byte CSI
        ("Süvaõpe „θ“", "Süvaõpe „θ“"),
    ],
)
def test_typed_text_is_shown_without_control_characters(text: str, expected: str) -> None:
    assert shown(text) == expected


def test_a_long_typed_text_is_shortened_in_the_middle() -> None:
    text = "a" * 50 + "b" * 10_000 + "c" * 50
    result = shown(text, limit=101)
    assert len(result) == 101
    assert result.startswith("a" * 50) and result.endswith("c" * 50) and "…" in result
