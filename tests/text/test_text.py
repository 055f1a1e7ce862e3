"""One ASCII spelling and one sub-/superscript writer for the whole app.

ASCII mode keeps the learner's language (Estonian letters stay) and spells the maths so it can
still be read: these are the spellings every scene, plot and readout relies on.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oppija.text import ESTONIAN_LETTERS, ascii_spelling, subscript, superscript
from tests.layering import modules_loaded_by


@pytest.mark.parametrize(
    ("fancy", "plain"),
    [
        ("θ₀ ← θ₀ − α·∂𝓔/∂θ₀", "theta0 <- theta0 - alpha*dE/dtheta0"),
        ("𝓔 = x² + y²", "E = x^2 + y^2"),
        ("θ⁽⁰⁾ = 3", "theta(0) = 3"),
        ("y⁽ʳᵉᶠ⁾", "y(ref)"),
        ("2,4 · 10⁻¹¹", "2,4 * 10^-11"),
        ("0,25¹⁰ ≈ 9,5e-7", "0,25^10 ~ 9,5e-7"),
        ("hₜ₋₁ and xᵢ wⱼ", "h_t-1 and x_i w_j"),
        ("σ′(x) ≤ 0,25", "sigma'(x) <= 0,25"),
        ("(1; 0) ↦ (2; 1)", "(1; 0) -> (2; 1)"),
        ("1\u00a0000\u202f000", "1 000 000"),
        ("„jutumärgid“ ja “quotes”", '"jutumärgid" ja "quotes"'),
        ("3 × 3, √2 … ∞", "3 * 3, sqrt2 ... inf"),
    ],
)
def test_maths_is_spelt_in_ascii(fancy: str, plain: str) -> None:
    assert ascii_spelling(fancy) == plain


def test_estonian_letters_stay_and_other_marks_go() -> None:
    assert ascii_spelling("õun, äke, öö, üks, šokk, žürii") == "õun, äke, öö, üks, šokk, žürii"
    assert ascii_spelling("café ☃") == "cafe ?"


@given(st.text())
def test_any_text_becomes_ascii_but_the_estonian_letters(text: str) -> None:
    spelt = ascii_spelling(text)
    assert {char for char in spelt if not char.isascii()} <= ESTONIAN_LETTERS
    assert ascii_spelling(spelt) == spelt  # spelling twice changes nothing


def test_subscripts_and_superscripts() -> None:
    assert subscript(12) == "₁₂" and subscript("t-1") == "ₜ₋₁"
    assert superscript(-11) == "⁻¹¹" and superscript("(ref)") == "⁽ʳᵉᶠ⁾"
    assert superscript(2) == "²" and superscript("T") == "ᵀ"


@pytest.mark.parametrize("number", [0, 7, 10, 123, -45])
def test_small_numbers_read_back_as_the_number(number: int) -> None:
    """NFKC folds sub- and superscript digits back (the sign to a minus sign): the number."""
    number_text = str(number).replace("-", "\N{MINUS SIGN}")
    assert unicodedata.normalize("NFKC", subscript(number)) == number_text
    assert unicodedata.normalize("NFKC", superscript(number)) == number_text
    assert ascii_spelling(superscript(number)) == f"^{number}"


def test_the_text_layer_imports_nothing_heavy() -> None:
    """Plot, scenes, sims and the TUI all import it: it must stay free of NumPy and Rich."""
    assert modules_loaded_by("oppija.text", ("numpy", "rich", "textual", "babel")) == []


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1e-20, "1e−20"),
        (-3e-13, "−3e−13"),
        (6e-13, "6e−13"),  # not 0,000000000001
        (1.234e-4, "0,000123"),  # not 0,0001: the graph demo's 2 · 0,0001 = 0,000247
        (0.0006, "0,0006"),  # not 0,001
        (0.0004, "0,0004"),
        (0.622, "0,622"),
        (0.0, "0"),
    ],
)
def test_a_tiny_number_never_reads_as_zero(value: float, shown: str) -> None:
    """A gradient of 1e−20 was written 0, and 1 × 0 = 0 in the graph demo (issue 13)."""
    from oppija import i18n
    from oppija.text.numbers import short

    before = i18n.current_language()
    i18n.set_language("et")
    try:
        assert short(value) == shown
    finally:
        i18n.set_language(before)


@pytest.mark.parametrize(
    ("value", "shown", "decimals"),
    [
        (0.6225, "0,622", 3),
        (0.0123, "0,0123", 4),  # not 0,012: three significant digits below 1
        (0.00456, "0,00456", 5),
        (2.71828, "2,718", 3),
        (12.3456, "12,35", 2),  # not 12,346: four significant digits from 1 on
        (-123.456, "−123,5", 1),
        (9.99996, "10", 2),
    ],
)
def test_a_node_value_has_three_or_four_significant_digits(
    value: float, shown: str, decimals: int
) -> None:
    """The backprop and graph nodes write the number style's 3–4 significant digits, and a
    practice question's tolerance is half a unit of the last digit written."""
    from oppija import i18n
    from oppija.practice.question import tolerance_for
    from oppija.text.numbers import short

    before = i18n.current_language()
    i18n.set_language("et")
    try:
        assert short(value) == shown
        assert tolerance_for(value) == pytest.approx(0.5 * 10.0**-decimals)
    finally:
        i18n.set_language(before)
