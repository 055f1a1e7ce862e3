"""``oppija export`` on the command line: the files it writes, and one translated line (never a
traceback) for every way it can be refused."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from oppija.cli import main


def test_markdown_of_one_section_is_written_where_out_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "loeng.md"
    assert main(["export", "--format", "md", "--sections", "1", "--out", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Süvaõpe\n")
    assert "## 1. Sissejuhatus" in text and "## 2." not in text
    assert capsys.readouterr().out == f"Kirjutatud: {target}\n"
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o644)
    assert [path.name for path in tmp_path.iterdir()] == ["loeng.md"]  # no temporary file left


def test_the_default_file_name_says_the_language_and_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(
        ["export", "--format", "md", "--sections", "1", "--audience", "teacher", "--lang", "en"]
    )
    assert code == 0
    assert (
        (tmp_path / "oppija-en-teacher.md")
        .read_text(encoding="utf-8")
        .startswith("# Deep learning")
    )


def test_pdf_without_weasyprint_says_how_to_get_it_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # an import of it raises ImportError
    assert main(["export", "--format", "pdf", "--out", str(tmp_path / "x.pdf")]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert "pip install '.[pdf]'" in lines[0] and lines[0].startswith("oppija export: PDF-i")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--sections", "9"], "sektsiooni 9 pole: loengus on neid 8"),
        (["--sections", "kolm"], "„kolm“ pole sektsioonide numbrite loend"),
        (["--sections", "4-2"], "„4-2“ pole sektsioonide numbrite loend"),
        (["--format", "docx"], "lubamatu valik"),
    ],
)
def test_a_bad_argument_is_one_translated_line_and_status_2(
    arguments: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", *arguments]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert len(err.splitlines()) <= 3 and "Traceback" not in err


def test_a_file_that_cannot_be_written_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "puudub" / "loeng.md"
    assert main(["export", "--format", "md", "--sections", "1", "--out", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"oppija export: faili {target} ei saa kirjutada: sellist faili ega kausta pole\n"
    )
    assert main(["export", "--format", "md", "--sections", "1", "--out", str(tmp_path)]) == 1
    assert "see on kaust, mitte fail" in capsys.readouterr().err
