"""The slide Markdown renderer: each construct by hand, the shipped lessons, any input.

The renderer draws markdown-it's tokens itself instead of through rich.markdown (no pygments,
one renderable per slide), so besides hand-made cases it is compared with rich.markdown on the
real lessons: a learner should not see a difference.
"""

from __future__ import annotations

import io
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from oppija.content.model import Lecture
from oppija.tui.slide_text import BlankLine, inline_text, render_slide_markdown, subscripted
from tests.layering import ROOT, modules_loaded_by


def render_lines(markdown: str, width: int = 40) -> list[str]:
    """The rendered text, one string per terminal line, trailing spaces dropped."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(render_slide_markdown(markdown))
    return [line.rstrip() for line in console.export_text().splitlines()]


def styles_at(text: Text, offset: int) -> set[str]:
    return {str(span.style) for span in text.spans if span.start <= offset < span.end}


def column_texts(table: Table) -> list[list[Text]]:
    """Each column's header and cells, as the Text objects the renderer made."""
    columns = []
    for column in table.columns:
        texts = [column.header, *column.cells]
        assert all(isinstance(text, Text) for text in texts)
        columns.append([text for text in texts if isinstance(text, Text)])
    return columns


def blocks_of(markdown: str) -> list[RenderableType]:
    group = render_slide_markdown(markdown)
    assert isinstance(group, Group)
    return [block for block in group.renderables if not isinstance(block, BlankLine)]


# --- blocks -----------------------------------------------------------------------------------


def test_paragraph_lines_are_joined_and_wrapped_to_the_width() -> None:
    source = "Esimene rida\nteine rida, mis on pikk ja mis tuleb murda"
    assert render_lines(source, width=30) == [
        "Esimene rida teine rida, mis",
        "on pikk ja mis tuleb murda",
    ]


def test_blank_lines_separate_paragraphs_by_one_blank_line() -> None:
    assert render_lines("üks\n\n\n\nkaks") == ["üks", "", "kaks"]


def test_heading_one_is_centred_and_lower_ones_are_left_aligned() -> None:
    console = Console(width=20, file=io.StringIO(), record=True, color_system=None)
    console.print(render_slide_markdown("# Title\n\n### Small"))
    lines = console.export_text().splitlines()
    assert lines == [" " * 7 + "Title" + " " * 8, "", "Small" + " " * 15]


def test_heading_levels_carry_their_rich_style_names() -> None:
    for level in range(1, 7):
        (heading,) = blocks_of("#" * level + " Pealkiri **paks** ##")
        assert isinstance(heading, Text)
        assert heading.plain == "Pealkiri paks"
        assert f"markdown.h{level}" in styles_at(heading, 0)
        assert {f"markdown.h{level}", "markdown.strong"} <= styles_at(heading, 9)


def test_seven_hashes_and_a_hash_without_space_are_text() -> None:
    assert render_lines("####### seitse\n\n#silt") == ["####### seitse", "", "#silt"]


def test_setext_underlines_make_headings() -> None:
    first, second = blocks_of("Suur\n===\n\nVäiksem\n---")
    assert isinstance(first, Text) and isinstance(second, Text)
    assert (first.plain, second.plain) == ("Suur", "Väiksem")
    assert "markdown.h1" in styles_at(first, 0) and "markdown.h2" in styles_at(second, 0)


def test_bullet_lists_with_continuation_lines_and_nesting() -> None:
    source = "- üks\n  jätkub\n  - sees\n    ka\n* tärn\n+ pluss"
    # rich.markdown puts a blank line before a list; each bullet character is its own list.
    assert render_lines(source) == [
        "",
        " • üks jätkub",
        "    • sees ka",
        "",
        " • tärn",
        "",
        " • pluss",
    ]


def test_a_list_item_wraps_under_its_text_not_under_the_bullet() -> None:
    assert render_lines("- aaa bbb ccc ddd", width=12) == ["", " • aaa bbb", "   ccc ddd"]


def test_numbered_lists_keep_their_numbers() -> None:
    source = "0. null\n1. üks\n2. kaks\n   - a. alam"
    assert render_lines(source) == ["", " 0 null", " 1 üks", " 2 kaks", "    • a. alam"]


def test_numbers_are_right_aligned_in_a_column_as_in_rich() -> None:
    source = "\n".join(f"{n}. rida {n}" for n in range(8, 12))
    assert render_lines(source) == ["", "  8 rida 8", "  9 rida 9", " 10 rida 10", " 11 rida 11"]


def test_a_year_inside_a_paragraph_does_not_start_a_list() -> None:
    assert render_lines("Juhtus\n2023. aastal") == ["Juhtus 2023. aastal"]


def test_block_quote_with_a_lazy_line() -> None:
    assert render_lines("> tsitaat **paks**\njätkub\n\npärast") == [
        "",
        "▌ tsitaat paks jätkub",
        "",
        "pärast",
    ]


def test_fenced_code_is_verbatim_and_padded() -> None:
    source = "```python\nx  = a**2  # `kood`\n    sees\n```\n\n~~~\n[a](b)\n~~~"
    assert render_lines(source) == [
        "",
        " x  = a**2  # `kood`",
        "     sees",
        "",
        "",
        "",
        " [a](b)",
        "",
    ]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    assert render_lines("```\nkood\n\n*ei ole kaldkiri*") == [
        "",
        " kood",
        "",
        " *ei ole kaldkiri*",
        "",
    ]


def test_indented_code_block_after_a_blank_line() -> None:
    assert render_lines("tekst\n\n    kood  *x*\n      sees") == [
        "tekst",
        "",
        "",
        " kood  *x*",
        "   sees",
        "",
    ]


def test_an_indented_line_inside_a_paragraph_continues_it() -> None:
    assert render_lines("tekst\n    jätkub") == ["tekst jätkub"]


def test_horizontal_rules_span_the_width() -> None:
    assert render_lines("üks\n\n---\n\n* * *\n\nkaks", width=10) == [
        "üks",
        "",
        "-" * 10,
        "",
        "-" * 10,
        "",
        "kaks",
    ]


def test_a_table_becomes_a_rich_table_with_cells_and_alignment() -> None:
    source = "| sisend | väljund y₁ | y₂ |\n| --- | :---: | ---: |\n| x₀ | **−1** | 0 |\n| x₁ | 2"
    (table,) = blocks_of(source)
    assert isinstance(table, Table)
    columns = column_texts(table)
    assert [[text.plain for text in column] for column in columns] == [
        ["sisend", "x₀", "x₁"],
        ["väljund y₁", "−1", "2"],
        ["y₂", "0", ""],
    ]
    assert {"markdown.table.header", "table.header"} <= styles_at(columns[0][0], 0)
    assert "markdown.strong" in styles_at(columns[1][1], 0)
    assert [column[1].justify for column in columns] == ["default", "center", "right"]


def test_a_table_row_keeps_escaped_pipes_and_drops_extra_cells() -> None:
    (table,) = blocks_of("a | b\n--|--\n`x` \\| y | z | liigne")
    assert isinstance(table, Table)
    assert [column[1].plain for column in column_texts(table)] == ["x | y", "z"]


def test_a_table_is_drawn_like_rich_markdown_draws_it() -> None:
    assert render_lines("| a | b |\n| - | - |\n| c | dd |") == [
        "",
        "",
        " a  b",
        " ─────",
        " c  dd",
        "",
    ]


def test_a_pipe_without_a_delimiter_row_is_text() -> None:
    assert render_lines("a | b\nc | d") == ["a | b c | d"]


# --- inline -----------------------------------------------------------------------------------


def test_bold_spans_carry_the_strong_style() -> None:
    text = inline_text("a **paks** ja __ka paks__")
    assert text.plain == "a paks ja ka paks"
    assert "markdown.strong" in styles_at(text, 2)
    assert "markdown.strong" not in styles_at(text, 7)
    assert "markdown.strong" in styles_at(text, 10)


def test_italic_with_stars_and_underscores_and_both_together() -> None:
    text = inline_text("*üks* _kaks_ ***kolm***")
    assert text.plain == "üks kaks kolm"
    assert styles_at(text, 0) == {"markdown.em"}
    assert styles_at(text, 4) == {"markdown.em"}
    assert styles_at(text, 9) == {"markdown.em", "markdown.strong"}


def test_nested_emphasis() -> None:
    text = inline_text("**paks *ja kald* paks**")
    assert text.plain == "paks ja kald paks"
    assert styles_at(text, 0) == {"markdown.strong"}
    assert styles_at(text, 5) == {"markdown.strong", "markdown.em"}


def test_underscores_inside_words_and_lone_stars_stay_text() -> None:
    text = inline_text("snake_case_nimi ja 2 * 3 * 4")
    assert text.plain == "snake_case_nimi ja 2 * 3 * 4"
    assert text.spans == []


def test_unbalanced_markers_are_shown_as_text() -> None:
    assert inline_text("**pooleli ja *ka").plain == "**pooleli ja *ka"
    assert inline_text("`pooleli").plain == "`pooleli"
    assert inline_text("[pooleli](url").plain == "[pooleli](url"


def test_inline_code_is_literal_and_styled() -> None:
    text = inline_text("vajuta `n` või ``a `*b*` c``")
    assert text.plain == "vajuta n või a `*b*` c"
    assert styles_at(text, 7) == {"markdown.code"}
    assert styles_at(text, 13) == {"markdown.code"}


def test_links_show_their_text_only() -> None:
    text = inline_text('vaata [seda **lehte**](https://example.org "pealkiri") ja <https://a.ee/x>')
    assert text.plain == "vaata seda lehte ja https://a.ee/x"
    assert "markdown.link" in styles_at(text, 6)
    assert {"markdown.link", "markdown.strong"} <= styles_at(text, 11)


def test_backslash_escapes() -> None:
    assert inline_text(r"\*ei\* \_ka\_ \` \\ \a").plain == r"*ei* _ka_ ` \ \a"


def test_strikethrough_and_entities() -> None:
    text = inline_text("~~maha~~ &amp; &#955; &#x3B8; &eitea;")
    assert text.plain == "maha & λ θ &eitea;"
    assert styles_at(text, 0) == {"markdown.s"}


def test_a_written_subscript_is_drawn_underlined_without_its_tildes() -> None:
    text = inline_text("σ~g~(W~f~ xₜ) ~~maha~~ ~a b~")
    assert text.plain == "σg(Wf xₜ) maha ~a b~"
    assert styles_at(text, 1) == {"underline"}
    assert styles_at(text, 4) == {"underline"}
    assert styles_at(text, 0) == styles_at(text, 3) == set()
    assert styles_at(text, 10) == {"markdown.s"}


def test_plain_lesson_lines_draw_their_subscripts_as_slides_do() -> None:
    """A quiz's question or a glossary definition is not Markdown, but its W~Q~ is drawn."""
    text = subscripted("maatriks W~O~ ja *see* jääb")
    assert text.plain == "maatriks WO ja *see* jääb"
    assert styles_at(text, 10) == {"underline"}
    assert styles_at(text, 9) == set()


def test_hard_line_breaks_with_two_spaces_or_a_backslash() -> None:
    assert render_lines("üks  \nkaks\\\nkolm\nneli") == ["üks", "kaks", "kolm neli"]


def test_unicode_formulas_pass_through() -> None:
    source = "θᵀx = Σᵢ θᵢxᵢ, ∂𝓔/∂θⱼ, x⁽ⁱ⁾ ← 漢字"
    assert inline_text(source).plain == source
    assert render_lines(source, width=80) == [source]


def test_control_characters_and_carriage_returns_are_dropped() -> None:
    assert render_lines("a\x1b[31mb\x00\r\nc\x07") == ["a[31mb c"]


# --- the shipped lessons ----------------------------------------------------------------------

LEFTOVER_MARKUP = re.compile(r"\*\*|`[^`\n]*`|\]\(|~[^~\s]+~")
# The lesson format's subscript W~f~, which rich.markdown does not know: it shows W~f~.
WRITTEN_SUBSCRIPT = re.compile(r"(?<!~)~([^~\s]+)~(?!~)")


def slide_bodies(lecture: Lecture) -> list[tuple[str, str]]:
    bodies = []
    for slide in lecture.slides:
        bodies.append((slide.id, slide.markdown(slide.step_count - 1)))
        if slide.notes:
            bodies.append((f"{slide.id} notes", slide.notes))
    return bodies


def source_words(markdown: str) -> set[str]:
    """The words a reader sees in ``markdown``: no link targets, no code-fence info strings."""
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)
    markdown = WRITTEN_SUBSCRIPT.sub(r"\1", markdown)  # 𝓔~CE~ is read as one word, 𝓔CE
    markdown = re.sub(r"(?m)^\s*(```|~~~).*$", "", markdown)
    return set(re.findall(r"\w+", markdown))


@pytest.mark.parametrize("language", ["et", "en"])
def test_every_shipped_slide_renders_without_leftover_markup(
    language: str, lecture_et: Lecture, lecture_en: Lecture
) -> None:
    lecture = lecture_et if language == "et" else lecture_en
    bodies = slide_bodies(lecture)
    assert len(bodies) > 60
    for name, body in bodies:
        output = "\n".join(render_lines(body, width=200))
        assert not LEFTOVER_MARKUP.search(output), name
        missing = source_words(body) - set(re.findall(r"\w+", output))
        assert not missing, (name, missing)


@pytest.mark.parametrize("language", ["et", "en"])
def test_shipped_slides_look_as_they_did_with_rich_markdown(
    language: str, lecture_et: Lecture, lecture_en: Lecture
) -> None:
    """Same text, line for line, at a slide's usual width (autolinks aside: rich doubles them)."""
    from rich.markdown import Markdown

    lecture = lecture_et if language == "et" else lecture_en
    compared = 0
    for name, body in slide_bodies(lecture):
        if "<http" in body:
            continue
        console = Console(width=76, file=io.StringIO(), record=True, color_system=None)
        console.print(Markdown(WRITTEN_SUBSCRIPT.sub(r"\1", body), hyperlinks=False))
        expected = [line.rstrip() for line in console.export_text().splitlines()]
        assert render_lines(body, width=76) == expected, name
        compared += 1
    assert compared > 60


# --- any input --------------------------------------------------------------------------------

MARKDOWN_PIECES = st.sampled_from(
    ["*", "**", "_", "~~", "`", "```", "~~~", "[", "]", "(", ")", "![", "<", ">", "&", "#", "|",
     "-", "+", "1.", "2)", ":", "\\", "\n", "\n\n", "  ", "    ", "\t", "| --- |", "> ", "- ",
     "&amp;", "<http://x>", "\x00", "\x1b", "\r", "a", "θᵀ", "𝓔", "漢", " "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(MARKDOWN_PIECES, max_size=60).map("".join)),
    st.sampled_from([1, 3, 20, 80]),
)
def test_any_text_renders_without_raising(source: str, width: int) -> None:
    console = Console(width=width, file=io.StringIO(), color_system="truecolor")
    console.print(render_slide_markdown(source))


def test_deep_nesting_and_long_runs_stay_text_and_do_not_raise() -> None:
    assert render_lines("[" * 5000, width=20)[0] == "[" * 20
    deep = render_lines("> " * 200 + "x", width=80)
    assert deep[-1].endswith("> > x")
    assert render_lines("*" * 4 + "a", width=20) == ["****a"]


# --- start-up cost ----------------------------------------------------------------------------

HEAVY = ("rich.markdown", "rich.syntax", "pygments", "textual")


def heavy_modules_loaded_by(module: str) -> list[str]:
    """The modules of ``HEAVY`` that importing ``module`` loads in a fresh interpreter."""
    return modules_loaded_by(module, HEAVY)


def test_importing_the_renderer_loads_no_rich_markdown_pygments_or_textual() -> None:
    assert heavy_modules_loaded_by("oppija.tui.slide_text") == []


def test_the_import_check_can_fail() -> None:
    assert "pygments" in heavy_modules_loaded_by("rich.markdown")


def test_images_show_their_alt_text_and_html_stays_text() -> None:
    assert render_lines("![kass *musta*](pildid/kass.png) ja ![](pildid/koer.png)") == [
        "🌆 kass musta  ja 🌆 koer.png"
    ]
    assert render_lines("a <b>paks</b> c") == ["a <b>paks</b> c"]


LONG_RUNS = """
import io
from rich.console import Console
from oppija.tui.slide_text import render_slide_markdown

spaces = " " * 100_000
for source in (
    "#" + spaces + "x" + spaces + "#",
    "a" + spaces + "b" + spaces + "\\n" + spaces + "c",
    "- " + spaces + "x",
    "> " + spaces + "*" + spaces + "*",
    "| a" + spaces + "|\\n|---|\\n| b" + spaces + "|",
):
    console = Console(width=80, file=io.StringIO())
    console.print(render_slide_markdown(source))
print("drawn")
"""


def test_long_runs_of_spaces_are_drawn_in_linear_time() -> None:
    """A heading or a line of a hundred thousand spaces is drawn, not hung on (in a child
    process with a generous bound: a quadratic pattern would take hours)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", LONG_RUNS],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's oppija, not an installed one
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "drawn"
