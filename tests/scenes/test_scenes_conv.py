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


@pytest.mark.parametrize(("width", "height", "step", "padding"), [(72, 14, 95, 2), (78, 10, 30, 0)])
def test_small_sizes_keep_the_digit_whole(width: int, height: int, step: int, padding: int) -> None:
    """A short window (78 × 10 is the picture of an 80×24 terminal) draws two pixel rows a
    line, so every row of the padded picture is there and the digit can be recognised."""
    demo = demo_at(step, padding=padding)
    text = text_of(draw_conv(demo, View(width, height, "braille", PlotStyles.plain())))
    rows, cols = demo.padded.shape
    picture = [line[:cols] for line in text.splitlines()[1 : 1 + (rows + 1) // 2]]
    drawn = ["".join("1" if c in "█▀▄" or c.isdigit() else "0" for c in line) for line in picture]
    for i in range(rows):  # each pixel row's lit pixels, read back from its half of the line
        wanted = "".join("1" if v >= 0.5 else "0" for v in demo.padded[i])
        halves = "█▀" if i % 2 == 0 else "█▄"
        got = "".join("1" if c in halves else "0" for c in picture[i // 2].ljust(cols))
        inside_window = [j for j in range(cols) if demo.window[1] <= j < demo.window[1] + 3]
        assert [got[j] for j in range(cols) if j not in inside_window] == [
            wanted[j] for j in range(cols) if j not in inside_window
        ], (i, picture)
    assert any("1" in line for line in drawn)
    assert "·" in "".join(picture)  # the kernel's window shows where the picture is dark
    assert "┌" in text and "└" in text  # the feature map, framed, whole


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
