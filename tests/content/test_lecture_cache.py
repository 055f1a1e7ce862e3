"""The lecture cache: the same lecture as parsing gives, no parser on a warm start, and never a
stale or broken cache used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from oppija.content import LessonError, load_lecture
from oppija.content.lecture_cache import cache_file, fingerprint
from oppija.content.model import Lecture
from oppija.sims.settings import comparable
from tests.content.content_samples import ET
from tests.layering import ROOT


def comparable_lecture(lecture: Lecture) -> object:
    """Everything a lecture holds, with formulas compared by their parsed tree."""
    slides = []
    for section in lecture.sections:
        for slide in section.slides:
            demo = slide.demo
            slides.append(
                (
                    section.id, section.title, section.path, section.line, slide,
                    tuple(quiz.key_lines for quiz in slide.quizzes),
                    tuple(choice.line for quiz in slide.quizzes for choice in quiz.choices),
                    demo and (demo.kind, demo.line, demo.param_lines),
                    demo and (demo.export_steps, demo.practice),
                    demo and tuple((k, comparable(v), type(v)) for k, v in demo.params),
                )
            )  # fmt: skip
    meta = (lecture.title, lecture.subtitle, lecture.course, lecture.author, lecture.date)
    return lecture.language, meta, slides, lecture.glossary


def slide_objects_without_demos(lecture: Lecture) -> list[object]:
    return [slide for slide in lecture.slides if slide.demo is None]


@pytest.mark.parametrize("language", ["et", "en"])
def test_the_shipped_lecture_comes_back_from_the_cache_unchanged(
    language: str, tmp_path: Path
) -> None:
    parsed = load_lecture(language, cache_dir=tmp_path)
    assert cache_file(tmp_path, language).is_file()
    cached = load_lecture(language, cache_dir=tmp_path)
    assert cached is not parsed
    assert comparable_lecture(cached) == comparable_lecture(parsed)
    assert slide_objects_without_demos(cached) == slide_objects_without_demos(parsed)
    assert any(slide.demo is not None for slide in cached.slides)


WARM_START = """
import sys
from pathlib import Path
from oppija.content.loader import load_lecture

lecture = load_lecture("et", cache_dir=Path(sys.argv[1]))
print(len(lecture.slides), "markdown_it" in sys.modules, "mdit_py_plugins" in sys.modules)
"""


def test_a_warm_start_imports_no_markdown_parser(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", WARM_START, str(tmp_path)],
            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=True,
        ).stdout.split()
        for _ in range(2)
    ]  # fmt: skip
    slides = str(len(load_lecture("et").slides))
    assert runs == [[slides, "True", "True"], [slides, "False", "False"]]


def test_an_edited_lesson_file_is_parsed_again(lessons: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = load_lecture("et", lessons, cache_dir=data)
    section = lessons / "et" / "02-gd.md"
    section.write_text(ET["02-gd.md"].replace("title: ", "title: Uus ", 1), encoding="utf-8")
    stat = section.stat()
    os.utime(section, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = load_lecture("et", lessons, cache_dir=data)
    assert second.sections[1].title == "Uus " + first.sections[1].title


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff not json",
        b"[]",
        b'{"fingerprint": 3}',
        b'{"fingerprint": [], "lecture": {}}',
    ],
)
def test_a_broken_cache_file_is_ignored_and_replaced(
    content: bytes, lessons: Path, tmp_path: Path
) -> None:
    expected = comparable_lecture(load_lecture("et", lessons))
    path = cache_file(tmp_path, "et")
    path.write_bytes(content)
    assert comparable_lecture(load_lecture("et", lessons, cache_dir=tmp_path)) == expected
    assert json.loads(path.read_text(encoding="utf-8"))["fingerprint"]


def test_a_cache_with_the_right_fingerprint_but_wrong_shapes_is_ignored(
    lessons: Path, tmp_path: Path
) -> None:
    expected = comparable_lecture(load_lecture("et", lessons, cache_dir=tmp_path))
    path = cache_file(tmp_path, "et")
    good = json.loads(path.read_text(encoding="utf-8"))
    for broken in (
        {"language": "et"},
        {**good["lecture"], "meta": ["only a title"]},
        {**good["lecture"], "sections": [{"id": 1}]},
        {**good["lecture"], "glossary": [["too", "short"]]},
    ):
        path.write_text(json.dumps({**good, "lecture": broken}), encoding="utf-8")
        assert comparable_lecture(load_lecture("et", lessons, cache_dir=tmp_path)) == expected


def test_a_lecture_with_problems_is_not_cached(lessons: Path, tmp_path: Path) -> None:
    (lessons / "et" / "02-gd.md").write_text(
        ET["02-gd.md"].replace("lr: 0,1", "lr: 99"), encoding="utf-8"
    )
    with pytest.raises(LessonError):
        load_lecture("et", lessons, cache_dir=tmp_path)
    assert not cache_file(tmp_path, "et").exists()


def test_a_folder_that_cannot_be_written_still_gives_the_lecture(
    lessons: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    lecture = load_lecture("et", lessons, cache_dir=blocked)
    assert lecture.slides


def test_the_fingerprint_covers_the_lessons_and_the_code_that_reads_them(lessons: Path) -> None:
    names = {Path(str(entry[0])).name for entry in fingerprint(lessons / "et")[1:]}
    assert {"lecture.md", "01-intro.md", "02-gd.md", "glossary.md"} <= names
    assert {"sections.py", "markdown.py", "settings.py", "registry.py"} <= names  # parsers, schema
    assert {"gd1d.py", "formula.py"} <= names  # the demos' settings, the formula language
