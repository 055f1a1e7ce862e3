"""The English folder must mirror the Estonian one; each difference is reported at the English
file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from oppija.content import check_paths
from tests.content.conftest import MakeLessons
from tests.content.content_samples import EN


def problems_of(root: Path, *paths: Path) -> list[tuple[str, int, str]]:
    report = check_paths(list(paths) or [root])
    return [
        (
            problem.path.resolve().relative_to(root.resolve()).as_posix(),
            problem.line,
            problem.message,
        )
        for problem in report.problems
    ]


def test_the_good_lecture_has_parity(lessons: Path) -> None:
    """Written differently but parsed the same (0,1 vs 0.1, x^4 vs x**4) is the same."""
    report = check_paths([lessons])
    assert report.problems == []
    assert set(report.counts) == {"et", "en"}
    assert report.counts["et"] == report.counts["en"]
    counts = report.counts["et"]
    assert (
        counts.sections,
        counts.slides,
        counts.demos,
        counts.quizzes,
        counts.glossary_terms,
    ) == (
        2,
        4,
        2,
        3,
        2,
    )


@pytest.mark.parametrize(
    ("edits", "remove", "expected"),
    [
        pytest.param(
            {"02-gd.md": [("{#gd-step}", "{#one-step}")]},
            (),
            [("en/02-gd.md", 25, "slide id “one-step” where the Estonian section has “gd-step”")],
            id="slide-id",
        ),
        pytest.param(
            {"02-gd.md": [("lr: 0.1", "lr: 0.2")]},
            (),
            [("en/02-gd.md", 12, "demo parameter “lr” is “0.2” here but “0.1” in the Estonian")],
            id="demo-param",
        ),
        pytest.param(
            {"02-gd.md": [("start: 3\n", "")]},
            (),
            [("en/02-gd.md", 10, "demo parameter “start” is missing; the Estonian demo has “3”")],
            id="demo-param-missing",
        ),
        pytest.param(
            {"02-gd.md": [("lr: 0.1\n", "lr: 0.1\nexport-steps: 40\n")]},
            (),
            [("en/02-gd.md", 10, "demo parameter “export-steps” is “40” here but “0” in the")],
            id="demo-export-steps",
        ),
        pytest.param(
            {"02-gd.md": [("function: x**4 - 3*x**2 + x", "function: x**4 - 3*x**2")]},
            (),
            [("en/02-gd.md", 14, "demo parameter “function” is “x**4 - 3*x**2” here but")],
            id="demo-formula",
        ),
        pytest.param(
            {"01-intro.md": [("::: demo activations", "::: demo softmax\n:::\n\n::: notes")]},
            (),
            [("en/01-intro.md", 22, "demo “softmax” where the Estonian slide has “activations”")],
            id="demo-kind",
        ),
        pytest.param(
            {},
            ("02-gd.md",),
            [
                # the glossary points at a slide of the missing section
                ("en/glossary.md", 3, "unknown slide “gd-intro”"),
                ("en/glossary.md", 9, "unknown slide “gd-intro”"),
                ("en/02-gd.md", 1, "section file missing: the Estonian folder has "),
            ],
            id="missing-section",
        ),
        pytest.param(
            {"02-gd.md": [("answer: 2.4", "answer: 2.5")]},
            (),
            [("en/02-gd.md", 31, "“answer:” is 2.5 here but 2.4 in Estonian")],
            id="quiz-answer",
        ),
        pytest.param(
            {"02-gd.md": [("tolerance: 0.01", "tolerance: 0.1")]},
            (),
            [("en/02-gd.md", 32, "“tolerance:” is 0.1 here but 0.01 in Estonian")],
            id="quiz-tolerance",
        ),
        pytest.param(
            {
                "02-gd.md": [
                    ("choice: The number", "choice*: The number"),
                    ("choice*: The step", "choice: The step"),
                ]
            },
            (),
            [("en/02-gd.md", 19, "the right answer is choice 1 here but choice 2 in Estonian")],
            id="right-choice",
        ),
        pytest.param(
            {"01-intro.md": [("model: It adds non-linearity.", "answer: 1\nwhy: Because.")]},
            (),
            [("en/01-intro.md", 27, "is a different kind of question than in Estonian")],
            id="quiz-kind",
        ),
        pytest.param(
            {"02-gd.md": [("::: quiz q-step", "::: quiz q-one-step")]},
            (),
            [
                ("en/02-gd.md", 25, "the Estonian quiz “q-step”"),
                ("en/02-gd.md", 29, "quiz “q-one-step” is not in the Estonian slide"),
            ],
            id="quiz-id",
        ),
        pytest.param(
            {"01-intro.md": [(". . .\n\nDeep networks", "Deep networks")]},
            (),
            [("en/01-intro.md", 6, "this slide has 1 reveal step but the Estonian one has 2")],
            id="reveal-steps",
        ),
        pytest.param(
            {"02-gd.md": [(EN["02-gd.md"][EN["02-gd.md"].index("## One step") :], "")]},
            (),
            [("en/02-gd.md", 6, "the Estonian slide “gd-step”")],
            id="slide-missing",
        ),
        pytest.param(
            {"01-intro.md": [("id: intro", "id: introduction")]},
            (),
            [("en/01-intro.md", 2, "section id “introduction” where the Estonian section has")],
            id="section-id",
        ),
        pytest.param(
            {"glossary.md": [("{#learning-rate}", "{#step-size}")]},
            (),
            [
                ("en/glossary.md", 1, "the Estonian glossary term “learning-rate”"),
                ("en/glossary.md", 7, "glossary term “step-size” is not in the Estonian glossary"),
            ],
            id="glossary-id",
        ),
        pytest.param(
            {},
            ("glossary.md",),
            [("en/glossary.md", 1, "glossary missing: the Estonian folder has ")],
            id="glossary-missing",
        ),
    ],
)
def test_each_mismatch_is_reported_in_the_english_file(
    make_lessons: MakeLessons,
    edits: dict[str, list[tuple[str, str]]],
    remove: tuple[str, ...],
    expected: list[tuple[str, int, str]],
) -> None:
    root = make_lessons(en_edits=edits, en_remove=remove)
    found = problems_of(root)
    assert [(path, line) for path, line, _message in found] == [
        (path, line) for path, line, _fragment in expected
    ], found
    for (_path, _line, message), (_p, _l, fragment) in zip(found, expected, strict=True):
        assert fragment in message


def test_an_extra_english_section_file(make_lessons: MakeLessons) -> None:
    root = make_lessons()
    (root / "en" / "03-extra.md").write_text(
        "---\nid: extra\ntitle: Extra\n---\n\n## Extra {#extra}\n\nText.\n", encoding="utf-8"
    )
    assert problems_of(root) == [
        (
            "en/03-extra.md",
            1,
            f"there is no such section file in the Estonian folder ({root / 'et'})",
        )
    ]


def test_parity_when_both_folders_are_given(make_lessons: MakeLessons) -> None:
    root = make_lessons(en_edits={"02-gd.md": [("lr: 0.1", "lr: 0.2")]})
    assert [line for _path, line, _message in problems_of(root, root / "et", root / "en")] == [12]


def test_no_parity_for_one_folder_or_one_file(make_lessons: MakeLessons) -> None:
    root = make_lessons(en_edits={"02-gd.md": [("lr: 0.1", "lr: 0.2")]})
    assert problems_of(root, root / "en") == []
    assert problems_of(root, root / "en" / "02-gd.md") == []


def test_a_broken_file_is_not_compared(make_lessons: MakeLessons) -> None:
    """A mistake in a file is reported once, not again as a parity mismatch."""
    root = make_lessons(en_edits={"02-gd.md": [("lr: 0.1", "lr: 100")]})
    found = problems_of(root)
    assert [(path, line) for path, line, _message in found] == [("en/02-gd.md", 12)]
    assert "must be between" in found[0][2]
