"""The lesson format's written subscript W~f~: found, drawn plain or as HTML, and its
underscore form (σ_g) found outside code."""

from __future__ import annotations

import pytest

from oppija.text.subscript_markup import (
    bare_subscript,
    html_subscripts,
    plain_subscripts,
    subscript_parts,
)


def test_a_written_subscript_is_cut_out_of_its_text() -> None:
    assert subscript_parts("σ~g~(W~f~ xₜ)") == [
        ("σ", False),
        ("g", True),
        ("(W", False),
        ("f", True),
        (" xₜ)", False),
    ]


@pytest.mark.parametrize("text", ["~~maha~~", "~a b~", "~", "a ~ b", ""])
def test_strikethrough_a_blank_or_a_lone_tilde_is_no_subscript(text: str) -> None:
    assert subscript_parts(text) == [(text, False)]


def test_plain_text_uses_unicode_where_it_has_the_letters() -> None:
    assert plain_subscripts("W~o~ + W~f~ + 𝓔~CE~") == "Wₒ + W~f~ + 𝓔~CE~"


def test_html_gets_sub_elements() -> None:
    assert html_subscripts("σ~g~(W~Q~x) ~~maha~~") == "σ<sub>g</sub>(W<sub>Q</sub>x) ~~maha~~"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("fₜ = σ_g(W_f xₜ)", "σ_g"),
        ("**𝓔_CE = −1/m**", "𝓔_CE"),
        ("θ̂ = argmin_θ 𝓔(θ)", "argmin_θ"),
        ("kood `W_f` ja [link](https://a.ee/W_f) ja W~f~", None),
        ("_rõhk_ ja __paks__", None),
        ("<https://a.ee/x_y>", None),
    ],
)
def test_an_underscore_subscript_is_found_outside_code_and_links(
    line: str, found: str | None
) -> None:
    assert bare_subscript(line) == found
