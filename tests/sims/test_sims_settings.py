"""The demos' settings schema and the translated messages for values that do not fit it."""

from __future__ import annotations

import re

import pytest

from oppija import expr, i18n
from oppija.expr import FormulaError, parse_formula
from oppija.sims.formula_messages import FORMULA_MESSAGES, describe_formula_error
from oppija.sims.settings import parse_param


@pytest.mark.parametrize(
    ("kind", "key", "text", "value"),
    [
        ("gd1d", "lr", "0,01", 0.01),
        ("gd1d", "lr", " 1e-3 ", 0.001),
        ("gd1d", "start", "−2,5", -2.5),
        ("gd1d", "steps", "100", 100),
        ("gd1d", "steps", "1e3", 1000),
        ("gd1d", "preset", "two-minima", "two-minima"),
        ("gd2d", "start", "1; -2", (1.0, -2.0)),
        ("linear-maps", "matrix", "1 0 0 1", (1.0, 0.0, 0.0, 1.0)),
        ("linreg", "seed", "2147483647", 2147483647),
        ("softmax", "logits", "3", (3.0,)),
        ("rnn", "word", "tere", "tere"),
        ("attention", "sentence", "kass istub matil", "kass istub matil"),
    ],
)
def test_good_values(kind: str, key: str, text: str, value: object) -> None:
    parsed = parse_param(kind, key, text)
    assert parsed == value
    assert type(parsed) is type(value)


@pytest.mark.parametrize(
    ("kind", "key", "text", "message"),
    [
        ("gd3d", "lr", "1", "unknown demo kind “gd3d”; known kinds: gd1d, gd2d, linreg"),
        ("gd1d", "rate", "1", "unknown parameter “rate” for demo “gd1d”; known parameters: preset"),
        ("gd1d", "lr", "", "“lr” has no value"),
        ("gd1d", "lr", "0", "“lr” must be between 0.0001 and 10, not 0"),
        ("gd1d", "steps", "2,5", "“2,5” is not a whole number"),
        ("gd1d", "steps", "0", "“steps” must be between 1 and 10,000, not 0"),
        ("linreg", "seed", "2147483648", "“seed” must be between 0 and 2,147,483,647"),
        ("gd1d", "preset", "Good", "unknown value “Good” for “preset”; choose one of: bowl"),
        ("gd2d", "start", "1 2 3", "“start” needs exactly 2 numbers, not 3"),
        ("gd2d", "start", "1 200", "“start” must be between -100 and 100, not 200"),
        ("lstm", "sequence", " ".join(["1"] * 13), "“sequence” needs from 1 to 12 numbers, not 13"),
        ("rnn", "word", "x" * 13, "“word” can be at most 12 characters long"),
        ("gd1d", "function", "__import__('os')", "bad formula in “function”: The character “'”"),
        ("gd1d", "function", "y", "Unknown name “y” (column 1). Allowed variables: x;"),
        ("gd1d", "function", "x +", "Syntax error at column"),
        ("gd1d", "function", "x" * 400, "The formula is too long (more than 300 characters)."),
    ],
)
def test_bad_values(kind: str, key: str, text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_param(kind, key, text)
    assert message in str(caught.value)


def test_hostile_formulas_never_run() -> None:
    for text in (
        "__import__('os').system('ls')",
        "().__class__",
        "x.__class__",
        "[x]",
        "lambda: 1",
    ):
        with pytest.raises(ValueError, match="bad formula"):
            parse_param("gd1d", "function", text)


def test_ranges_use_the_active_language() -> None:
    i18n.set_language("et")
    with pytest.raises(ValueError) as caught:
        parse_param("gd1d", "lr", "50")
    assert "0,0001" in str(caught.value)


def test_every_formula_error_code_has_a_message() -> None:
    assert set(FORMULA_MESSAGES) == set(expr.MESSAGES)
    for code, engine_message in expr.MESSAGES.items():
        placeholders = set(re.findall(r"{(\w+)}", engine_message))
        assert set(re.findall(r"{(\w+)}", FORMULA_MESSAGES[code])) == placeholders, code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x" * 301,
        "x $ 2",
        "(" * 50 + "x",
        "x +",
        "2/3x",
        "q",
        "foo(x)",
        "sin",
        "sin(x, x)",
        "x % 2",
        "[x]",
    ],
)
def test_describe_formula_error_fills_every_placeholder(text: str) -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula(text, ("x",))
    message = describe_formula_error(caught.value)
    assert "{" not in message and message.endswith(".")
    i18n.set_language("et")
    assert describe_formula_error(caught.value)


def test_an_unknown_code_falls_back_to_the_engine_text() -> None:
    error = FormulaError("empty")
    error.code = "something-new"
    assert describe_formula_error(error) == str(error)
