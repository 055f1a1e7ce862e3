"""Every broken lesson file in ``broken/`` is reported at the right ``file:line`` with the right
message, and nothing else is reported for it (each file holds exactly one mistake)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from oppija.content import check_paths, run_check
from oppija.content.model import display_path

BROKEN = Path(__file__).parent / "broken"
# Files that are not UTF-8 do not end in .md: ruff (≥ 0.16) formats the Python code blocks of
# Markdown files and stops at bytes it cannot read. A folder walk checks only lesson files
# (lecture.md, glossary.md and section files NN-name.md), so the loose ones are named 00-….
NOT_MARKDOWN = {"invalid-utf8.md.bin", "binary-junk.bin"}

# file (relative to broken/) → (line, a stable fragment of the message)
CASES: dict[str, tuple[int, str]] = {
    "00-unknown-demo-kind.md": (10, "unknown demo kind “gradient”; known kinds: gd1d, gd2d"),
    "00-unknown-demo-param.md": (12, "unknown parameter “speed” for demo “gd1d”"),
    "00-out-of-range-param.md": (12, "“lr” must be between 0.0001 and 10, not 50"),
    "00-bad-number.md": (11, "“kolm” is not a number"),
    "00-bad-formula.md": (11, "bad formula in “function”: The character “'” cannot be used"),
    "00-unknown-choice.md": (11, "unknown value “steep” for “preset”; choose one of: bowl,"),
    "00-wrong-count.md": (12, "“start” needs exactly 2 numbers, not 1"),
    "00-duplicate-slide-id.md": (10, "duplicate slide id “gd-intro” (first at "),
    # the contents list shows "Masintõlge" for both: the section's title is dropped there
    "00-same-contents-title.md": (10, "two slides of this section are “Masintõlge” in the"),
    "dup-across/02-second.md": (10, "duplicate slide id “gd-intro” (first at "),
    "00-missing-slide-title.md": (10, "slide has no title"),
    "00-missing-slide-id.md": (10, "slide has no id"),
    "00-bad-id-characters.md": (10, "invalid id “Õppimis_kiirus”"),
    "00-marker-first.md": (8, "reveal marker “. . .” with nothing before it"),
    "00-marker-last.md": (10, "reveal marker “. . .” with nothing after it"),
    "00-marker-double.md": (12, "reveal marker “. . .” right after another one"),
    "00-marker-in-block.md": (13, "reveal marker “. . .” inside a “:::” block"),
    "00-marker-in-fence.md": (12, "reveal marker “. . .” inside a code block"),
    "00-unclosed-block.md": (10, "block “::: notes” is not closed"),
    "00-unclosed-fence.md": (10, "code block “```” is not closed"),
    "00-unknown-block-kind.md": (10, "unknown block kind “warning”"),
    "00-two-demos.md": (14, "only one demo (the first is at line 10)"),
    "00-quiz-no-question.md": (10, "the quiz has no “question:”"),
    "00-choice-without-why.md": (12, "this choice has no “why:” line"),
    "00-no-right-answer.md": (10, "no right answer"),
    "00-two-right-answers.md": (14, "a second right answer (the first is at line 12)"),
    "00-mixed-quiz-kinds.md": (16, "“answer:” cannot be mixed with “choice:” (line 12)"),
    "00-number-quiz-no-why.md": (10, "the number question has no “why:”"),
    "00-number-quiz-bad-answer.md": (12, "“umbes 2,4” is not a number"),
    "00-duplicate-quiz-id.md": (17, "duplicate quiz id “q-gd-1” (first at "),
    "invalid-utf8.md.bin": (10, "not UTF-8"),
    "00-nul-byte.md": (10, "NUL byte"),
    "binary-junk.bin": (3, "not UTF-8"),
    "00-no-front-matter.md": (1, "the file must start with front matter"),
    "00-front-matter-no-id.md": (1, "the front matter has no “id:”"),
    "00-text-before-first-slide.md": (6, "text before the first slide"),
    "00-heading-in-body.md": (10, "heading inside a slide"),
    "00-underlined-heading.md": (11, "underlines the line above into a heading"),
    # a code span's and a link target's underscores and a W~f~ on the lines before are allowed
    "00-underscore-subscript.md": (10, "“σ_g”: write the subscript as “σ~g~”, not with “_”"),
    "glossary-no-other/glossary.md": (6, "glossary entry has no “other:” line"),
    "glossary-underscore-subscript/glossary.md": (5, "“σ_c”: write the subscript as “σ~c~”"),
    "glossary-unknown-slide/glossary.md": (8, "unknown slide “learning-rate”"),
}


def test_there_are_enough_broken_files() -> None:
    assert len(CASES) >= 20
    on_disk = {
        path.relative_to(BROKEN).as_posix()
        for path in BROKEN.rglob("*")
        if path.is_file() and path.name not in ("lecture.md", "01-first.md", "01-gradient.md")
    }
    assert on_disk == set(CASES)


def test_binary_files_can_be_checked_together_with_markdown() -> None:
    report = check_paths([BROKEN / name for name in sorted(NOT_MARKDOWN)] + [BROKEN])
    assert len(report.problems) == len(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_is_reported_at_its_line(name: str) -> None:
    """Checked on its own, each broken file gives exactly its one problem."""
    line, fragment = CASES[name]
    path = BROKEN / name
    report = check_paths([path])
    assert len(report.problems) == 1, "\n".join(map(str, report.problems))
    problem = report.problems[0]
    assert problem.path.resolve() == path.resolve()
    assert problem.line == line, str(problem)
    assert fragment in problem.message
    assert str(problem) == f"{display_path(problem.path)}:{line}: {problem.message}"


def test_the_whole_folder_reports_exactly_the_cases() -> None:
    """Checking broken/ as a whole finds the same problems: one per file, no more."""
    report = check_paths([BROKEN])
    found = {
        (problem.path.resolve().relative_to(BROKEN.resolve()).as_posix(), problem.line)
        for problem in report.problems
    }
    expected = {name: line for name, (line, _fragment) in CASES.items() if name not in NOT_MARKDOWN}
    assert found == set(expected.items())
    assert len(report.problems) == len(expected)


def test_run_check_prints_one_line_per_problem() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_check([str(BROKEN)], out, err) == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == len(CASES) - len(NOT_MARKDOWN)
    assert all(re.match(r"^\S.*:\d+: \S", line) for line in lines), lines
    assert err.getvalue() == ""


def test_crlf_keeps_line_numbers(tmp_path: Path) -> None:
    """The same mistakes with Windows line endings are reported at the same lines."""
    for name in ("00-unknown-demo-param.md", "00-marker-double.md", "00-two-right-answers.md"):
        target = tmp_path / name
        target.write_bytes((BROKEN / name).read_bytes().replace(b"\n", b"\r\n"))
        report = check_paths([target])
        assert [problem.line for problem in report.problems] == [CASES[name][0]]
