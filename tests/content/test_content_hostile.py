"""A hostile corpus of lesson folders: broken and extreme files, generated here (large ones
are never stored), each reported as ``file:line: message`` or checked within a bounded time.

What could hang before (a pattern that backtracks, a walk that follows links to ``.``, a diff
of two long sections, a search over a pathological slide) runs in a child process with a
generous timeout: the inputs took minutes or hours before, seconds now.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from oppija.content import check_paths
from oppija.content import loader as loader_module
from oppija.content.model import display_path
from tests.content.content_samples import ET
from tests.special_files import a_folder, a_pipe, dev_zero, link_loop, proc_mem

ROOT = Path(__file__).resolve().parents[2]
LECTURE = ET["lecture.md"].encode()
HEAD = "---\nid: a\ntitle: b\n---\n\n## S {#s}\n\nTekst.\n\n"  # the next line is line 10
GOOD = (HEAD + "Veel teksti.\n").encode()


def section(body: str) -> bytes:
    return (HEAD + body).encode()


def demo(lines: str, kind: str = "gd1d") -> bytes:
    return section(f"::: demo {kind}\n{lines}\n:::\n")


def quiz(lines: str) -> bytes:
    return section(f"::: quiz q\nquestion: Mis?\n{lines}\n:::\n")


def write_folder(root: Path, files: dict[str, bytes]) -> Path:
    folder = root / "et"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in {"lecture.md": LECTURE, **files}.items():
        (folder / name).write_bytes(data)
    return folder


# name -> (the bytes of et/01-a.md, [(line, a fragment of the message)]); [] means no problem.
Case = tuple[bytes, list[tuple[int, str]]]
CASES: dict[str, Case] = {
    "empty file": (b"", [(1, "must start with front matter")]),
    "only a byte order mark": (b"\xef\xbb\xbf", [(1, "must start with front matter")]),
    "binary garbage": (bytes(range(256)) * 8, [(2, "not UTF-8")]),  # byte 10 ends line 1
    "garbage without NUL": (bytes(range(128, 256)) * 8, [(1, "not UTF-8")]),
    "invalid utf-8 on line 11": (
        section("a\n\xff\n").replace(b"\xc3\xbf", b"\xff"),
        [(11, "not UTF-8")],
    ),
    "utf-16": (GOOD.decode().encode("utf-16"), [(1, "not UTF-8")]),
    "byte order mark": (b"\xef\xbb\xbf" + GOOD, []),
    "windows line endings": (GOOD.replace(b"\n", b"\r\n"), []),
    "old mac line endings": (GOOD.replace(b"\n", b"\r"), []),
    "mixed line endings with a mistake on line 10": (
        section(":::\n").replace(b"\n", b"\r\n", 3),
        [(10, "closes nothing")],
    ),
    "NUL byte on line 10": (section("a\x00b\n"), [(10, "NUL byte")]),
    "terminal escape on line 10": (section("\x1b[2J\x1b]0;hacked\x07\n"), [(10, "U+001B")]),
    "C1 control on line 11": (section("a\n\u009b31m\n"), [(11, "U+009B")]),
    "exactly 2 MB": (GOOD + b"x" * (2_000_000 - len(GOOD)), []),
    "2 MB and one byte": (GOOD + b"x" * (2_000_001 - len(GOOD)), [(1, "too large")]),
    "unterminated notes": (section("::: notes\nTervita.\n"), [(10, "is not closed")]),
    "unterminated quiz at the end": (section("::: quiz q\nquestion: a"), [(10, "is not closed")]),
    "a stray closing line": (section(":::\n"), [(10, "closes nothing")]),
    "duplicate slide ids": (section("## S {#s}\n\nx\n"), [(10, "duplicate slide id “s”")]),
    "duplicate quiz ids": (
        section(
            "::: quiz q\nquestion: a\nmodel: b\n:::\n\n::: quiz q\nquestion: c\nmodel: d\n:::\n"
        ),
        [(15, "duplicate quiz id “q”")],
    ),
    "a huge number in a demo": (demo("lr: " + "9" * 5000), [(11, "is too large")]),
    "a huge whole number in a demo": (
        demo("seed: " + "9" * 5000, "rnn"),
        [(11, "is not a whole number")],
    ),
    "NaN in a demo": (demo("lr: NaN"), [(11, "“NaN” is not a number")]),
    "inf in a demo": (demo("lr: inf"), [(11, "“inf” is not a number")]),
    "1e999 in a demo": (demo("lr: 1e999"), [(11, "is too large")]),
    "a million numbers in a demo": (
        demo("start: " + "1; " * 300_000, "gd2d"),
        [(11, "needs exactly 2")],
    ),
    "NaN as a quiz answer": (quiz("answer: nan\nwhy: x"), [(12, "is not a number")]),
    "negative tolerance": (quiz("answer: 1\ntolerance: -1\nwhy: x"), [(13, "must be 0 or more")]),
    "a Cyrillic letter in an id": (section("## T {#gd-іntro}\n\nx\n"), [(10, "invalid id")]),
    "a Cyrillic letter in a block kind": (
        section("::: dеmo gd1d\n:::\n"),
        [(10, "unknown block kind")],
    ),
    "a fullwidth colon": (demo("lr： 0,1"), [(11, "expected “key: value”")]),
    "a Cyrillic letter in a formula": (demo("function: х^2"), [(11, "Unknown name “х”")]),
    "a formula nested 100 000 deep": (
        demo("function: " + "(" * 100_000 + "x" + ")" * 100_000),
        [(11, "too long")],
    ),
    "a heading of 100 000 spaces": (section("## " + " " * 100_000 + "T {#t}\n\nx\n"), []),
    "a heading of 100 000 braces": (
        section("## T " + "{" * 100_000 + "\n\nx\n"),
        [(10, "slide has no id")],
    ),
    "an id of 100 000 characters": (section("## T {#" + "a" * 100_000 + "}\n\nx\n"), []),
    "a bad id of 100 000 characters": (
        section("## T {#" + "Ä" * 100_000 + "}\n\nx\n"),
        [(10, "invalid id")],
    ),
    "a line of 100 000 colons": (section(":" * 100_000 + "\n"), [(10, "closes nothing")]),
    "a line of 100 000 hashes": (section("#" * 100_000 + "\n"), []),
    "100 000 tabs": (section("\t" * 100_000 + "x\n"), []),
    "100 000 backslashes": (section("\\" * 100_000 + "\n"), []),
    "100 000 nested brackets": (section("[" * 100_000 + "]" * 100_000 + "\n"), []),
    "a run of reveal dots": (section(". " * 100_000 + "\n"), []),
    "lists nested 5000 deep": (section("".join(" " * k + "- a\n" for k in range(0, 1000))), []),
    "quotes nested 100 000 deep": (section(">" * 100_000 + " a\n"), []),
    "10 000 slides": (section("".join(f"## T{k} {{#s{k}}}\n\nx\n\n" for k in range(10_000))), []),
    "a key of 100 000 letters": (
        quiz("q" * 100_000 + ": x"),
        [(10, "the quiz has no answer"), (12, "unknown quiz key")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_section_file_is_reported_at_its_line(tmp_path: Path, name: str) -> None:
    data, expected = CASES[name]
    folder = write_folder(tmp_path, {"01-a.md": data})
    report = check_paths([folder])
    found = [(problem.line, problem.message) for problem in report.problems]
    assert len(found) == len(expected), "\n".join(map(str, report.problems))
    for (line, message), (want_line, fragment) in zip(found, expected, strict=True):
        assert line == want_line and fragment in message, (line, message)
    for problem in report.problems:
        assert problem.path.name == "01-a.md"
        assert str(problem).startswith(f"{display_path(problem.path)}:{problem.line}: ")
        assert len(problem.message) < 500  # a long value is quoted cut short


# ------------------------------------------------------------------ special files in a folder
SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "a link to itself": (link_loop, "too many symbolic links"),
    "a folder": (a_folder, "this is a folder, not a file"),
    "a named pipe": (a_pipe, "not a regular file but a named pipe"),
    "a link to /dev/zero": (dev_zero, "not a regular file but a device"),
    "an unreadable file": (proc_mem, "cannot read the file: input/output error"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
@pytest.mark.parametrize("name", sorted(SPECIAL))
def test_a_special_file_in_a_lesson_folder_is_reported(tmp_path: Path, name: str) -> None:
    make, fragment = SPECIAL[name]
    folder = write_folder(tmp_path, {"01-a.md": GOOD})
    if name == "an unreadable file" and not Path("/proc/self/mem").exists():
        pytest.skip("no /proc")
    make(folder / "02-b.md")
    lines = check_in_child(folder)
    assert lines == [f"{folder / '02-b.md'}:1: {lines[0].split(': ', 1)[1]}"]
    assert fragment in lines[0]


def check_in_child(*paths: Path, timeout: float = 60) -> list[str]:
    """``oppija check`` in a child process (a hang fails the test instead of stalling it)."""
    done = subprocess.run(
        [sys.executable, "-m", "oppija", "--lang", "en", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    return [line for line in lines if ":" in line and not line.startswith(("et:", "en:"))]


# ------------------------------------------------------------------ walks
def test_links_to_the_folder_itself_do_not_fan_out(tmp_path: Path) -> None:
    """Six links to "." made the walk exponential and reported each file under every path."""
    root = tmp_path / "kursus"
    write_folder(root / "draft", {"01-a.md": section(":::\n")})
    for k in range(6):
        (root / f"loop{k}").symlink_to(".")
        (root / "draft" / f"up{k}").symlink_to("..")
    lines = check_in_child(root, timeout=30)
    assert lines == [
        f"{root / 'draft' / 'et' / '01-a.md'}:10: “:::” closes nothing: no block is open here"
    ]


def test_the_same_file_named_twice_is_reported_once(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "lessons", {"01-a.md": section(":::\n")})
    (tmp_path / "alias").symlink_to(folder)
    report = check_paths([folder, tmp_path / "alias", folder / "01-a.md", tmp_path / "lessons"])
    assert [(problem.line, problem.path.name) for problem in report.problems] == [(10, "01-a.md")]


def test_only_lesson_files_count_on_a_walk(tmp_path: Path) -> None:
    """README.md, notes.md, CHANGELOG.md are not lesson files; a section file is."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("README.md", "notes.md", "CHANGELOG.md", "index.md"):
        (docs / name).write_text("# Not a lesson\n")
    assert [str(p) for p in check_paths([docs]).problems] == [f"{docs}:1: no lesson files here"]
    (docs / "07-draft.md").write_bytes(section(":::\n"))
    assert [p.line for p in check_paths([docs]).problems] == [10]


def test_a_walk_stops_after_its_budget_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader_module, "MAX_ENTRIES", 50)
    for k in range(30):
        sub = tmp_path / f"d{k:02d}"
        sub.mkdir()
        for j in range(3):
            (sub / f"f{j}.txt").write_text("x")
    problems = check_paths([tmp_path]).problems
    assert len(problems) == 1 and "stopped looking after 50 files and folders" in str(problems[0])


def test_a_deep_tree_is_not_searched_without_end(tmp_path: Path) -> None:
    deep = tmp_path
    for _k in range(40):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "01-a.md").write_bytes(section(":::\n"))
    assert [str(p) for p in check_paths([tmp_path]).problems] == [
        f"{tmp_path}:1: no lesson files here"
    ]


# ------------------------------------------------------------------ parity and search
PARITY = """
import sys
from pathlib import Path
from oppija import i18n
from oppija.content.loader import _section_parity
from oppija.content.model import Section, Slide
i18n.set_language("en")

def section(language, ids):
    path = Path(language) / "01-a.md"
    slides = tuple(
        Slide(id=ident, title="T", section_id="a", steps=("x",), notes="", demo=None,
              quizzes=(), path=path, line=6 + 4 * k)
        for k, ident in enumerate(ids)
    )
    return Section("a", "b", path, slides, line=1)

order = [f"s{k}" for k in range(50_000)]
swapped = [x for pair in zip(order[1::2], order[::2]) for x in pair]
for problem in _section_parity(section("et", order), section("en", swapped)):
    print(problem)
"""


def test_two_long_sections_in_another_order_are_compared_quickly() -> None:
    """Pairs of slides swapped in a 50 000-slide section made the diff take many minutes."""
    done = subprocess.run(
        [sys.executable, "-c", PARITY],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and "“s1” is not where the Estonian section has it" in lines[0]
    assert lines[0].startswith(f"{Path('en') / '01-a.md'}:6: ")


SEARCH = """
import sys
from pathlib import Path
from oppija.content.loader import load_lecture
from oppija.content.search import search
lecture = load_lecture("et", Path(sys.argv[1]))
print(len(search(lecture, "needle")), len(search(lecture, "a" * 100_000)))
"""


@pytest.mark.parametrize(
    "body",
    ["](" * 200_000, "a\n" + "\n" * 200_000 + "b", "a\n" + " \n" * 150_000 + "b"],
    ids=["a run of ](", "200 000 blank lines", "lines of one space"],
)
def test_search_over_a_pathological_slide_is_linear(tmp_path: Path, body: str) -> None:
    write_folder(tmp_path, {"01-a.md": section(body + "\n\n## N {#n}\n\nneedle\n")})
    done = subprocess.run(
        [sys.executable, "-c", SEARCH, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1", "0"]


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + len(SPECIAL) >= 40
