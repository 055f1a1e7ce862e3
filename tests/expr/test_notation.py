"""A typed formula written back as the lecture writes maths: θ⁴ − 3θ² + θ, x·y, never x^2 or *."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oppija import i18n
from oppija.expr import parse_formula
from oppija.expr.notation import written


@pytest.fixture(autouse=True)
def estonian() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("et")
    yield
    i18n.set_language(before)


AXES = {"x": "θ₁", "y": "θ₂"}


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("x^2 + y^2", "θ₁² + θ₂²"),
        ("x^2 + 3*y^2", "θ₁² + 3θ₂²"),
        ("x^4 - 3*x^2 + x", "θ₁⁴ − 3θ₁² + θ₁"),
        ("x^4/4 - x^2 + y^2", "θ₁⁴/4 − θ₁² + θ₂²"),
        ("x*y + x^2", "θ₁·θ₂ + θ₁²"),
        ("0,5x^2", "0,5θ₁²"),
        ("x - -y", "θ₁ − (−θ₂)"),
        ("x - (y + 1)", "θ₁ − (θ₂ + 1)"),
        ("-(x + 1)^2", "−(θ₁ + 1)²"),
        ("(x + 1)^-1", "(θ₁ + 1)⁻¹"),
        ("x^0.5", "√θ₁"),
        ("x/(2y)", "θ₁/(2θ₂)"),
        ("2*sin(x)", "2sin(θ₁)"),
        ("sigmoid(x*y) / (y^2 + 1)", "σ(θ₁·θ₂)/(θ₂² + 1)"),
        ("abs(x)", "|θ₁|"),
        ("pi*x", "πθ₁"),
        ("e^x", "exp(θ₁)"),
        ("x^1.5", "exp(1,5·log(θ₁))"),  # no superscript comma: what x^1,5 means
    ],
)
def test_formulas_read_as_the_slides_write_them(typed: str, shown: str) -> None:
    assert written(parse_formula(typed).tree, AXES) == shown


def test_names_stay_when_not_renamed_and_letters_rise_where_unicode_has_them() -> None:
    assert written(parse_formula("x*y + x^2").tree) == "x·y + x²"
    assert written(parse_formula("x^y").tree) == "xʸ"
