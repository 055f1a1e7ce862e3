"""A scene's cells as SVG, and the print palette: readable on paper, apart in grey-scale."""

from __future__ import annotations

import itertools
from xml.etree import ElementTree

from rich.color import Color
from rich.segment import Segment
from rich.style import Style

from oppija.export.print_palette import print_styles
from oppija.export.svg import CELL_WIDTH, rows_to_svg

SVG = "{http://www.w3.org/2000/svg}"


def lightness(style: str) -> float:
    """Relative luminance (0 black … 1 white) of a style's colour."""
    triplet = Color.parse(style.split()[-1]).get_truecolor()
    r, g, b = (channel / 255 for channel in triplet)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_cells_become_text_at_their_columns_with_colours_and_backgrounds() -> None:
    rows = [
        [Segment("x<1 ", Style(color="#1f4e96")), Segment("⣿⠀⡇", Style(color="black", bold=True))],
        [Segment("𝓔", None), Segment("ab", Style(bgcolor="#dce3ed")), Segment("    ")],
    ]
    tree = ElementTree.fromstring(rows_to_svg(rows, 7, "Pilt & <pealkiri>"))
    texts = [
        (t.get("x"), t.text, t.get("fill"), t.get("font-weight")) for t in tree.iter(f"{SVG}text")
    ]
    assert texts == [
        ("0.0", "x<1", "#1f4e96", None),
        (f"{4 * CELL_WIDTH:.1f}", "⣿", "#000000", "bold"),  # the empty braille cell draws nothing
        (f"{6 * CELL_WIDTH:.1f}", "⡇", "#000000", "bold"),
        ("0.0", "𝓔", "#000000", None),  # a character the font lacks stands at its own cell
        (f"{1 * CELL_WIDTH:.1f}", "ab", "#000000", None),
    ]
    assert any(rect.get("fill") == "#dce3ed" for rect in tree.iter(f"{SVG}rect"))
    assert tree.findtext(f"{SVG}title") == "Pilt & <pealkiri>"


def test_the_print_palette_is_dark_on_white_and_its_series_apart_in_grey() -> None:
    styles = print_styles()
    for part in (styles.curve, styles.path, styles.point, styles.current, styles.axis):
        assert lightness(part) < 0.45  # dark lines on white paper
    greys = [lightness(colour) for colour in styles.series[:5]]
    assert min(abs(a - b) for a, b in itertools.combinations(greys, 2)) > 0.05
    heat = [lightness(style.removeprefix("on ")) for style in styles.heat]
    assert heat == sorted(heat, reverse=True) and min(heat) > 0.25  # text on it stays readable
