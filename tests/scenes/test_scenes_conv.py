"""The convolution picture: sizes and modes, the window, the map filling in, ASCII, numbers."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from oppija import i18n
from oppija.plot import PlotStyles
from oppija.scenes import draw_scene, render_frame
from oppija.scenes.conv import draw_conv, shown_rows, wrapped_sum
from oppija.scenes.view import View
from oppija.sims.conv import Convolution

pytestmark = pytest.mark.filterwarnings("error")

ESTONIAN_LETTERS = set("õäöüšžÕÄÖÜŠŽ")


def text_of(rows: list[list[Segment]]) -> str:
    return "\n".join("".join(segment.text for segment in row) for row in rows)


def demo_at(steps: int, **settings: object) -> Convolution:
    demo = Convolution(**settings)
    demo.run(steps)
    return demo


@pytest.mark.parametrize("size", [(160, 48), (88, 20), (40, 12)])
def test_ascii_mode_uses_ascii_and_estonian_letters_only(size: tuple[int, int]) -> None:
    width, height = size
    demo = demo_at(5, image="cross", weights=(-1, -0.5, 0, 0, 1, 0, 0, 0.5, 1), stride=2)
    text = text_of(draw_conv(demo, View(width, height, "ascii", PlotStyles.plain())))
    assert {char for char in text if not char.isascii()} <= ESTONIAN_LETTERS
    frame = render_frame(demo, width, height, ascii_only=True)
    assert {char for char in frame if not char.isascii()} <= ESTONIAN_LETTERS


def test_the_window_is_framed_and_the_sum_written_out_at_160_by_48() -> None:
    """The slide's patch (0 1 1 in every row) at output (5, 6): bars around the window, the
    products and their sum 3, the map filled up to the current cell in brackets."""
    demo = demo_at(56)
    text = text_of(draw_conv(demo, View(160, 48, "braille", PlotStyles.plain())))
    lines = text.splitlines()
    picture = [line[: line.index("Σ") if "Σ" in line else 40] for line in lines]
    window_rows = [line for line in picture if line.count("│") == 2 and "│ 0  1  1│" in line]
    assert len(window_rows) == 3  # the three rows under the kernel, framed on both sides
    assert "0·(−1) + 1·(−1) + 1·(−1) + 0·(−1) + 1·8 + 1·(−1) + 0·(−1) + 1·(−1) + 1·(−1) = 3" in text
    assert "Σ = 3" in text
    assert "[  3]" in text  # the current cell of the map
    assert "(12 + 2·0 − 3)/1 + 1 = 10" in text
    assert "144 · 100 + 100 = 14 500" in text.replace("\u00a0", " ")


def test_cells_not_yet_computed_are_blank_and_fill_in_as_it_steps() -> None:
    demo = Convolution()

    def map_cells(text: str) -> list[str]:
        """The inside of the framed map, one string per map row (blank rows between skipped)."""
        lines = text.splitlines()
        top = next(k for k, line in enumerate(lines) if "┌" in line)
        left, right = lines[top].index("┌"), lines[top].index("┐")
        bottom = next(k for k, line in enumerate(lines) if "└" in line)
        inside = [line[left + 1 : right] for line in lines[top + 1 : bottom]]
        return inside[::2]  # the spacious layout leaves a blank row under each map row

    first = map_cells(text_of(draw_conv(demo, View(160, 48, "braille", PlotStyles.plain()))))
    assert len(first) == 10
    assert first[0].split() == ["[", "−1]"]  # only the first cell, and it is the current one
    assert all(row.strip() == "" for row in first[1:])
    demo.step()
    second = map_cells(text_of(draw_conv(demo, View(160, 48, "braille", PlotStyles.plain()))))
    assert second[0].split() == ["−1[", "−2]"]
    demo.to_end()
    done = map_cells(text_of(draw_conv(demo, View(160, 48, "braille", PlotStyles.plain()))))
    assert [len(row.replace("[", " ").replace("]", " ").split()) for row in done] == [10] * 10
    assert done[2].split()[2:8] == ["0"] * 6  # inside the 7's bar: all ones give 0


def test_small_sizes_show_shades_and_keep_the_window_in_view() -> None:
    demo = demo_at(95, padding=2)  # near the bottom of a 14 × 14 padded picture
    text = text_of(draw_conv(demo, View(72, 14, "braille", PlotStyles.plain())))
    assert "█" in text  # the picture as shades
    picture = [line[:28] for line in text.splitlines()[1:12]]
    framed = [line for line in picture if "[" in line and "]" in line]
    assert len(framed) == 3  # the window's three rows, bracketed, are in view
    assert "[]" in text  # the map's current cell


def test_numbers_use_the_active_language() -> None:
    demo = demo_at(3, kernel="blur")
    text = text_of(draw_conv(demo, View(160, 48, "braille", PlotStyles.plain())))
    assert "0,11" in text and "0.11" not in text
    i18n.set_language("en")
    text = text_of(draw_conv(demo, View(160, 48, "braille", PlotStyles.plain())))
    assert "0.11" in text and "0,11" not in text


def test_registered_for_oppija_demo() -> None:
    demo = demo_at(2)
    rows = draw_scene(demo, 100, 30, "braille", PlotStyles.default())
    assert len(rows) == 30
    frame = render_frame(demo, 100, 30, ascii_only=False)
    assert "Σ = −3" in frame or "= −3" in frame


def test_shown_rows_hold_the_focus() -> None:
    assert shown_rows(10, 20, (3, 5)) == range(10)
    assert shown_rows(14, 5, (0, 2)) == range(0, 5)
    assert shown_rows(14, 5, (11, 13)) == range(9, 14)
    rows = shown_rows(14, 4, (6, 8))
    assert rows.start <= 6 and rows.stop >= 9 and len(rows) == 4


def test_a_long_sum_wraps_between_terms_and_is_shortened_when_too_long() -> None:
    terms = [f"{k}·(−1)" for k in range(9)]
    lines = wrapped_sum("Rida 1, veerg 1:", terms, " = −36", 40)
    assert len(lines) <= 3
    assert all(len(line) <= 40 for line in lines)
    assert " + ".join(terms) in " ".join(line.strip() for line in lines).replace("+ +", "+")
    short = wrapped_sum("Rida 1, veerg 1:", terms, " = −36", 20)
    assert short == ["Rida 1, veerg 1: 0·(−1) + … + 8·(−1) = −36"]
