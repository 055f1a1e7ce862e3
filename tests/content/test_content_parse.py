"""Good lesson files become the right objects; odd but valid input is accepted; any input is
survived."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oppija.content import (
    LessonError,
    Problem,
    load_lecture,
    parse_glossary,
    parse_lecture_meta,
    parse_section,
)
from oppija.expr import Formula
from tests.content.content_samples import ET

SPEC_EXAMPLE = """---
id: intro
title: Sissejuhatus
---

## Süvaõpe {#title}

Body in Markdown. Formulas in readable Unicode: θᵀx, σ(t) = 1/(1 + e⁻ᵗ), ∂𝓔/∂θⱼ, ∇𝓔, Σᵢ.

. . .

This paragraph appears at the second reveal step.

::: notes
Teacher notes: shown only in the notes view, never to the learner by default.
:::

::: demo gd1d
preset: good
lr: 0,1
start: 3
:::

::: quiz q-intro-1
question: Mis on õppimiskiirus?
choice: Võrgu kihtide arv.
why: Ei — kihtide arv on arhitektuuri osa, mitte õppimise samm.
choice*: Samm, mille võrra parameetreid gradiendi vastassuunas liigutatakse.
why: Õige: α korrutab gradienti uuenduses θ ← θ − α∇𝓔.
:::
"""


def parse_ok(text: str | bytes, name: str = "01-intro.md"):  # type: ignore[no-untyped-def]
    section, problems = parse_section(Path(name), text)
    assert problems == [], "\n".join(map(str, problems))
    assert section is not None
    return section


def test_the_spec_example() -> None:
    section = parse_ok(SPEC_EXAMPLE)
    assert (section.id, section.title, section.line) == ("intro", "Sissejuhatus", 2)
    (slide,) = section.slides
    assert (slide.id, slide.title, slide.section_id, slide.line) == ("title", "Süvaõpe", "intro", 6)
    assert slide.step_count == 2
    assert slide.steps[0].startswith("Body in Markdown.")
    assert slide.steps[1] == "This paragraph appears at the second reveal step."
    assert slide.notes.startswith("Teacher notes:")
    assert "Teacher notes" not in slide.markdown(1)
    assert slide.demo is not None
    assert slide.demo.kind == "gd1d"
    assert slide.demo.line == 18
    assert slide.demo.as_dict() == {"preset": "good", "lr": 0.1, "start": 3.0}
    assert slide.demo.line_of("lr") == 20
    (quiz,) = slide.quizzes
    assert (quiz.id, quiz.kind, quiz.line) == ("q-intro-1", "choice", 24)
    assert quiz.question == "Mis on õppimiskiirus?"
    assert [choice.correct for choice in quiz.choices] == [False, True]
    assert quiz.choices[0].explanation.startswith("Ei — kihtide arv")
    assert quiz.correct_index == 1
    assert quiz.check(1) is True
    assert quiz.check(0) is False
    assert quiz.check(True) is False  # a bool is no index


def test_markdown_of_steps_is_cumulative_and_clamped() -> None:
    slide = parse_ok(SPEC_EXAMPLE).slides[0]
    first, both = slide.markdown(0), slide.markdown(1)
    assert first == slide.steps[0]
    assert both == slide.steps[0] + "\n\n" + slide.steps[1]
    assert slide.markdown(-5) == first
    assert slide.markdown(99) == both


def test_every_quiz_kind_and_demo_types() -> None:
    section = parse_ok(ET["02-gd.md"], "02-gd.md")
    intro, step = section.slides
    demo = intro.demo
    assert demo is not None
    params = demo.as_dict()
    assert params["lr"] == 0.1 and isinstance(params["lr"], float)
    assert params["start"] == 3.0
    formula = params["function"]
    assert isinstance(formula, Formula)
    assert formula.variables == ("x",)
    assert float(formula.evaluate(x=2.0)) == pytest.approx(2**4 - 3 * 2**2 + 2)
    (number,) = step.quizzes
    assert (number.kind, number.answer, number.tolerance) == ("number", 2.4, 0.01)
    assert number.explanation == "3 − 0,1 · 6 = 2,4."
    assert number.check(2.4) and number.check("2,405") and number.check(2.395)
    assert not number.check(2.5)
    assert not number.check(None)
    with pytest.raises(ValueError):
        number.check("kaks")
    open_quiz = parse_ok(ET["01-intro.md"]).slides[1].quizzes[0]
    assert open_quiz.kind == "open"
    assert open_quiz.model_answer == "Lisab mittelineaarsuse."
    assert open_quiz.check("anything") is None
    assert open_quiz.correct_index is None


def test_zero_tolerance_still_forgives_float_rounding() -> None:
    text = ET["02-gd.md"].replace("tolerance: 0,01\n", "").replace("answer: 2,4", "answer: 0,3")
    quiz = parse_ok(text, "02-gd.md").slides[1].quizzes[0]
    assert quiz.tolerance == 0
    assert quiz.check(0.1 + 0.2)
    assert not quiz.check(0.31)


def test_integer_numbers_text_and_formula_params() -> None:
    text = """---
id: demos
title: Demod
---

## Softmax {#softmax}

::: demo softmax
logits: 2; 1,5 -0,5
temperature: 1
target: 0
:::

## RNN {#rnn}

::: demo rnn
word: tere
hidden: 4
mode: seeded
seed: 7
:::

## Kaks muutujat {#gd2d}

::: demo gd2d
function: x^2 + 10y^2
start: -2 1,5
momentum: 0,9
:::
"""
    softmax, rnn, gd2d = parse_ok(text).slides
    assert softmax.demo is not None and rnn.demo is not None and gd2d.demo is not None
    assert softmax.demo.as_dict() == {"logits": (2.0, 1.5, -0.5), "temperature": 1.0, "target": 0}
    assert isinstance(softmax.demo.as_dict()["target"], int)
    assert rnn.demo.as_dict() == {"word": "tere", "hidden": 4, "mode": "seeded", "seed": 7}
    params = gd2d.demo.as_dict()
    assert params["start"] == (-2.0, 1.5)
    assert getattr(params["function"], "variables", None) == ("x", "y")
    assert softmax.steps == ("",)  # a slide without text has one empty step
    assert softmax.markdown(0) == ""


def test_crlf_and_bom_are_accepted() -> None:
    plain = parse_ok(SPEC_EXAMPLE)
    crlf = parse_ok(SPEC_EXAMPLE.replace("\n", "\r\n").encode("utf-8"))
    bom = parse_ok(codecs.BOM_UTF8 + SPEC_EXAMPLE.encode("utf-8"))
    bom_text = parse_ok("\ufeff" + SPEC_EXAMPLE)
    assert plain == crlf == bom == bom_text


def test_code_blocks_may_hold_hashes_and_markers_text() -> None:
    text = """---
id: code
title: Kood
---

## Kood {#code}

```python
# a comment, not a heading
## neither is this
x = 1
```

### A small heading is fine

~~~
::: not a block either
~~~
"""
    (slide,) = parse_ok(text).slides
    assert "# a comment" in slide.steps[0]
    assert "::: not a block either" in slide.steps[0]


def test_continuation_lines_and_quoted_front_matter() -> None:
    text = """---
id: "quoted"
title: 'Jutumärgid'
---

## Küsimus {#question}

::: quiz q-long
question: Mis juhtub, kui õppimiskiirus on
  liiga suur?
model: Laskumine hakkab võnkuma
    või hajub.
:::
"""
    section = parse_ok(text)
    assert (section.id, section.title) == ("quoted", "Jutumärgid")
    quiz = section.slides[0].quizzes[0]
    assert quiz.question == "Mis juhtub, kui õppimiskiirus on liiga suur?"
    assert quiz.model_answer == "Laskumine hakkab võnkuma või hajub."


def test_lecture_meta_and_glossary() -> None:
    meta, problems = parse_lecture_meta(Path("lecture.md"), ET["lecture.md"])
    assert problems == []
    assert meta is not None
    assert (meta.title, meta.author, meta.date) == ("Süvaõpe", "Mark Fišel", "14. september 2022")
    terms, problems = parse_glossary(Path("glossary.md"), ET["glossary.md"], {"gd-intro"})
    assert problems == []
    first, second = terms
    assert (first.id, first.term, first.other, first.slide_id, first.line) == (
        "gradient-descent",
        "gradientlaskumine",
        "gradient descent",
        "gd-intro",
        1,
    )
    assert first.definition.endswith("väikeste sammudega gradiendi vastassuunas.")
    assert "\n" not in first.definition
    assert second.id == "learning-rate"


def test_lecture_meta_problems() -> None:
    meta, problems = parse_lecture_meta(Path("lecture.md"), "---\ntitel: Süvaõpe\n---\n\nTekst.\n")
    assert meta is None
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [
        (2, "unknown"),
        (1, "the"),
        (5, "lecture.md"),
    ]


def test_load_lecture(lessons: Path) -> None:
    lecture = load_lecture("et", lessons)
    assert (lecture.language, lecture.title, lecture.author) == ("et", "Süvaõpe", "Mark Fišel")
    assert [section.id for section in lecture.sections] == ["intro", "gradient"]
    assert [slide.id for slide in lecture.slides] == ["title", "neuron", "gd-intro", "gd-step"]
    assert lecture.slide_index("gd-intro") == 2
    assert lecture.section_of("gd-step").id == "gradient"
    assert [quiz.id for quiz in lecture.quizzes] == ["q-neuron", "q-lr", "q-step"]
    assert lecture.term("learning-rate").other == "learning rate"
    with pytest.raises(KeyError):
        lecture.slide_index("nope")
    with pytest.raises(KeyError):
        lecture.term("nope")
    english = load_lecture("en", lessons)
    assert [slide.id for slide in english.slides] == [slide.id for slide in lecture.slides]


def test_load_lecture_raises_with_every_problem(make_lessons) -> None:  # type: ignore[no-untyped-def]
    root = make_lessons()
    (root / "et" / "02-gd.md").write_text(
        ET["02-gd.md"].replace("lr: 0,1", "lr: 99").replace("preset: good", "preset: fast"),
        encoding="utf-8",
    )
    with pytest.raises(LessonError) as caught:
        load_lecture("et", root)
    lines = str(caught.value).splitlines()
    assert [problem.line for problem in caught.value.problems] == [11, 12]
    assert lines[0].endswith(
        "02-gd.md:11: unknown value “fast” for “preset”; choose one of: "
        "bowl, crawl, good, oscillate, diverge, two-minima"
    )
    with pytest.raises(LessonError) as missing:
        load_lecture("fr", root)
    assert "no lesson folder" in str(missing.value)


def test_problem_str_is_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert str(Problem(tmp_path / "et" / "01-a.md", 3, "x")) == "et/01-a.md:3: x"
    assert str(Problem(Path("/elsewhere/b.md"), 1, "y")) == "/elsewhere/b.md:1: y"


# -------------------------------------------------------------------------- never raising
LINES = [
    "---",
    "id: intro",
    "title: T",
    "## Slaid {#s}",
    "## Slaid {#s",
    "## {#}",
    "##",
    "# x",
    "text",
    "",
    "  indented",
    ". . .",
    ":::",
    "::: notes",
    "::: demo gd1d",
    "::: demo",
    "::: quiz q1",
    "::: quiz",
    "::: weird x y",
    "```",
    "~~~~",
    "question: q?",
    "choice: a",
    "choice*: b",
    "why: w",
    "answer: 1,5",
    "tolerance: -1",
    "model: m",
    "lr: 0,1",
    "function: x^^2",
    "start: 1e999",
    "other: o",
    "slide: s",
    "-----",
    "\ufeff",
    "\r",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40))
def test_parsers_never_raise_on_structured_junk(lines: list[str]) -> None:
    text = "\n".join(lines)
    section, problems = parse_section(Path("x.md"), text)
    assert all(isinstance(problem, Problem) and problem.line >= 1 for problem in problems)
    assert all(problem.line <= max(1, len(lines)) for problem in problems)
    if section is not None:
        for slide in section.slides:
            assert slide.step_count >= 1
    parse_glossary(Path("glossary.md"), text, {"s"})
    parse_lecture_meta(Path("lecture.md"), text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_parsers_never_raise_on_anything(data: str | bytes) -> None:
    parse_section(Path("x.md"), data)
    parse_glossary(Path("glossary.md"), data, ())
    parse_lecture_meta(Path("lecture.md"), data)


def test_a_huge_file_is_parsed_quickly() -> None:
    body = "".join(
        f"## Slaid {n} {{#s{n}}}\n\nTekst {n}.\n\n. . .\n\nVeel.\n\n" for n in range(3000)
    )
    section = parse_ok("---\nid: big\ntitle: Suur\n---\n\n" + body)
    assert len(section.slides) == 3000
    long_line = parse_section(Path("x.md"), "---\nid: a\ntitle: b\n---\n" + "x" * 1_000_000)
    assert long_line[1][0].line == 5


def test_a_reveal_marker_ends_the_text_right_above_it() -> None:
    """``. . .`` splits a slide even without blank lines around it, after a paragraph or the
    lazy line of a quote, as the format promises."""
    body = "teksti rida\n. . .\n> tsitaat\njätkub\n. . .\nlõpp\n"
    text = "---\nid: a\ntitle: b\n---\n\n## S {#s}\n\n" + body
    (slide,) = parse_ok(text).slides
    assert slide.steps == ("teksti rida", "> tsitaat\njätkub", "lõpp")


LONG_RUNS = """
import sys
from pathlib import Path
from oppija.content import parse_glossary, parse_section

spaces = " " * 100_000
text = (
    "---\\nid: a\\ntitle: b\\n---\\n\\n## " + spaces + "x" + spaces + "{#s}" + spaces + "\\n\\n"
    + "a" + spaces + "b\\n\\n" + ":::" + spaces + "demo" + spaces + "gd1d\\n" + "lr:" + spaces
    + "0,1\\n:::\\n\\n" + "#" * 3 + spaces + "\\n" + "." + spaces + ".\\n"
)
section, problems = parse_section(Path("x.md"), text)
assert section is not None and problems == [], problems
assert section.slides[0].title == "x"
assert section.slides[0].demo is not None
terms, problems = parse_glossary(Path("glossary.md"), "## " + spaces + "t {#t}" + spaces, ())
print("parsed", len(section.slides))
"""


def test_long_runs_of_spaces_are_parsed_in_linear_time() -> None:
    """A heading, a block line or a paragraph of a hundred thousand spaces must not make a
    backtracking pattern hang: the file is parsed (in a child, so that a hang cannot stall the
    suite; the bound is generous on purpose, a quadratic parse takes hours)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", LONG_RUNS],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "parsed 1"
