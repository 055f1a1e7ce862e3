"""The softmax picture: sizes and modes, the slide's numbers, the target and the chosen logit."""

from __future__ import annotations

import math

import pytest
from rich.segment import Segment

from oppija.plot import PlotStyles
from oppija.scenes.softmax import draw_softmax
from oppija.scenes.view import View
from oppija.sims.softmax import Softmax

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def test_the_slide_numbers_are_drawn() -> None:
    text = text_of(draw_softmax(Softmax(), View(160, 48, "braille", PlotStyles.plain())))
    for number in ("0,659", "0,242", "0,099", "0,417", "2,00", "1,00", "0,10"):
        assert number in text
    assert "Σp = 1,000" in text
    assert "−ln 0,659 = 0,417" in text
    assert "(−0,341; 0,242; 0,099)" in text  # the gradient
    assert "exp(zᵢ/T) / Σⱼ exp(zⱼ/T)" in text  # the formula
    assert "◀ 1" in text  # the one-hot target marked
    assert "▶z₀" in text  # the logit that u and d move
    for row in ("0,864; 0,117; 0,019", "0,502; 0,304; 0,194", "0,400; 0,327; 0,273"):
        assert row in text  # the slide's temperature table, computed


def test_the_picture_follows_the_controls() -> None:
    demo = Softmax()
    first = text_of(draw_softmax(demo, View(120, 40, "braille", PlotStyles.plain())))
    demo.next_target()
    demo.choose_logit(1)
    second = text_of(draw_softmax(demo, View(120, 40, "braille", PlotStyles.plain())))
    assert second != first
    assert "▶z₁" in second and "−ln p₁" in second
    demo.warmer(1)
    third = text_of(draw_softmax(demo, View(120, 40, "braille", PlotStyles.plain())))
    assert "T = 2" in third and "0,502" in third


def test_ascii_frame_spells_the_symbols() -> None:
    text = text_of(draw_softmax(Softmax(), View(100, 30, "ascii", PlotStyles.plain())))
    assert "sum p = 1,000" in text
    assert "-ln 0,659 = 0,417" in text
    assert "< 1" in text and ">z0" in text


def shown_equation(demo: Softmax) -> tuple[float, float]:
    """The p and the 𝓔 of "−ln p = 𝓔" as the picture writes them, read back as numbers."""
    text = text_of(draw_softmax(demo, View(200, 48, "braille", PlotStyles.plain())))
    line = next(row for row in text.splitlines() if "−Σᵢ yᵢ·ln pᵢ" in row)
    p_text, error_text = line.split("−ln ")[-1].split(" = ")
    p_text = p_text.replace(",", ".")
    if "·10" in p_text:
        mantissa, power = p_text.split("·10")
        exponent = int(power.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")))
        log_p = math.log(float(mantissa)) + exponent * math.log(10.0)
    else:
        log_p = math.log(float(p_text))
    return -log_p, float(
        error_text.strip().replace("\N{NO-BREAK SPACE}", "").replace(" ", "").replace(",", ".")
    )


@pytest.mark.parametrize(
    ("logits", "temperature"),
    [
        ("2; 1; 0,1", 1.0),  # the slide: −ln 0,659 = 0,417
        ("0; 7,6; 0", 1.0),  # p ≈ 0,0005: "0,000" or "0,001" would be false
        ("0; 3; 0", 1.0),  # p ≈ 0,047
        ("0; 1000; 0", 0.01),  # p underflows to 0 in float64: 𝓔 = 100 000
        ("0; 7,6; 0", 0.01),  # 𝓔 = 760
        ("0; 2; 0", 0.02),  # 𝓔 = 100
    ],
)
def test_minus_ln_p_equals_the_error_as_written(logits: str, temperature: float) -> None:
    """ "−ln 0,000 = 200 000" was shown for an underflowing p (issue 13): whatever p is, the
    written p gives the written 𝓔 to its three decimals."""
    demo = Softmax(logits=logits, temperature=temperature)
    minus_ln_p, error = shown_equation(demo)
    assert abs(minus_ln_p - error) <= 0.0005 + 1e-9 * error
