"""``oppija check`` and ``oppija list`` as functions: what they print and return, on good
lessons, broken ones, missing or unreadable paths and random bytes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppija import i18n
from oppija.content import commands, run_check, run_list
from oppija.content.loader import LanguageCounts
from tests.content.conftest import MakeLessons


def check(*paths: str | Path) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_check([str(path) for path in paths], out, err)
    return status, out.getvalue().splitlines(), err.getvalue()


def test_good_lessons_give_a_one_line_summary(lessons: Path) -> None:
    status, lines, err = check(lessons)
    assert (status, err) == (0, "")
    assert lines == [
        "et: 2 sections, 4 slides, 2 demos, 3 quizzes, 2 glossary terms; "
        "en: 2 sections, 4 slides, 2 demos, 3 quizzes, 2 glossary terms"
    ]


def test_summary_uses_singulars_and_grouping() -> None:
    counts = {"et": LanguageCounts(sections=1, slides=1, quizzes=1, glossary_terms=1, demos=1)}
    assert commands.summary(counts) == "et: 1 section, 1 slide, 1 demo, 1 quiz, 1 glossary term"
    i18n.set_language("et")
    big = commands.describe_counts(LanguageCounts(slides=12345))
    assert "12\N{NO-BREAK SPACE}345" in big or "12 345" in big


def test_with_no_paths_the_bundled_lessons_are_checked(
    lessons: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "lessons_dir", lambda: lessons)
    status, lines, _err = check()
    assert status == 0
    assert lines[0].startswith("et: 2 sections")


def test_a_missing_path_is_a_problem_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    status, lines, err = check(missing)
    assert (status, err) == (1, "")
    assert lines == [f"{missing}:1: no such file or folder"]


def test_an_empty_folder_has_nothing_to_check(tmp_path: Path) -> None:
    status, lines, _err = check(tmp_path)
    assert status == 1
    assert lines == [f"{tmp_path}:1: no lesson files here"]


def test_a_folder_where_a_file_was_expected(lessons: Path) -> None:
    (lessons / "et" / "03-folder.md").mkdir()
    status, lines, _err = check(lessons / "et")
    assert status == 1
    assert lines == [f"{lessons / 'et' / '03-folder.md'}:1: this is a folder, not a file"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_an_unreadable_file(lessons: Path) -> None:
    target = lessons / "et" / "02-gd.md"
    target.chmod(0)
    try:
        status, lines, _err = check(target)
    finally:
        target.chmod(0o644)
    assert status == 1
    assert lines == [f"{target}:1: cannot read the file: permission denied"]


def test_an_unreadable_file_via_oserror(lessons: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """However reading fails, the failure becomes a problem line (also when run as root)."""
    real_open = os.open

    def failing_open(path: object, *args: object, **kwargs: object) -> int:
        if os.fspath(path).endswith("02-gd.md"):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", failing_open)
    status, lines, _err = check(lessons)
    assert status == 1
    assert f"{lessons / 'et' / '02-gd.md'}:1: cannot read the file: permission denied" in lines


def test_a_huge_file(tmp_path: Path) -> None:
    target = tmp_path / "01-huge.md"
    with target.open("wb") as handle:
        handle.truncate(3_000_000)
    status, lines, _err = check(target)
    assert status == 1
    assert lines == [f"{target}:1: the file is too large (more than 2 MB)"]


def test_control_characters_in_paths_are_not_printed_raw(tmp_path: Path) -> None:
    target = tmp_path / "bad\x1b[31mname.md"
    target.write_text("no front matter\n", encoding="utf-8")
    status, lines, _err = check(target)
    assert status == 1
    assert "\x1b" not in lines[0]
    assert "\\x1b[31m" in lines[0]


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=2000), name=st.sampled_from(["01-x.md", "x.md", "glossary.md"]))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(data)
    status, lines, err = check(target)
    assert status in (0, 1)
    assert err == ""
    assert lines


def test_list_prints_the_table_of_contents(lessons: Path) -> None:
    out = io.StringIO()
    assert run_list("et", out, root=lessons) == 0
    assert out.getvalue().splitlines() == [
        "Süvaõpe — ehk sügavõpe / deep learning",
        "",
        "1. Sissejuhatus",
        "   title     Süvaõpe",
        "   neuron    Neuron",
        "",
        "2. Gradientlaskumine",
        "   gd-intro  Gradientlaskumine",
        "   gd-step   Samm",
    ]


def test_list_of_a_broken_lecture_prints_its_problems(make_lessons: MakeLessons) -> None:
    root = make_lessons(en_edits={"02-gd.md": [("lr: 0.1", "lr: 100")]})
    out = io.StringIO()
    assert run_list("en", out, root=root) == 1
    (line,) = out.getvalue().splitlines()
    assert line.endswith("02-gd.md:12: “lr” must be between 0.0001 and 10, not 100")
    out = io.StringIO()
    assert run_list("fr", out, root=root) == 1
    assert "no lesson folder" in out.getvalue()
