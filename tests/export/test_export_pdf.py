"""The PDF handout, where WeasyPrint is installed (CI installs the ``pdf`` extra and Pango):
its text, its fonts and one page looked at (issue 17, item 5). Built once, for one section
with a demo: WeasyPrint lays out the whole lecture in about a minute on the CI's two cores,
and every page is made from the same HTML that test_export_html checks slide by slide."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from oppija.cli import main
from oppija.content.loader import load_lecture

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("pdf"),  # one worker builds the PDF and runs its three tests
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is missing"),
]

SECTION = 2  # Lineaarne ja logistiline regressioon: two demos, Estonian letters in every title


def poppler(*words: str) -> str:
    return subprocess.run(words, check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Asked here, not as the module is collected: WeasyPrint takes about a second to import,
    # and only the worker that runs these tests needs it.
    pytest.importorskip("weasyprint", reason="the pdf extra is not installed: pip install '.[pdf]'")
    target = tmp_path_factory.mktemp("pdf") / "loeng.pdf"
    code = main(
        ["export", "--format", "pdf", "--audience", "teacher", "--sections", str(SECTION),
         "--out", str(target)]
    )  # fmt: skip
    assert code == 0
    return target


def test_the_text_has_estonian_letters_and_every_slide_title(pdf: Path) -> None:
    text = re.sub(r"\s+", " ", poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    assert all(letter in text for letter in "õäÕš")
    section = load_lecture("et").sections[SECTION - 1]
    assert [slide.title for slide in section.slides if slide.title not in text] == []
    assert "Õpetaja märkmed" in text  # the teacher's copy


def test_every_font_is_embedded(pdf: Path) -> None:
    rows = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "the PDF has text"
    # Columns: name, type, encoding, emb, sub, uni, object, generation (the name has no spaces).
    assert [row for row in rows if row.split()[-5] != "yes"] == []


def test_the_page_with_a_demo_shows_its_picture(pdf: Path, tmp_path: Path) -> None:
    from PIL import Image  # WeasyPrint's own dependency

    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)))[1])  # type: ignore[index]
    page = next(
        number
        for number in range(1, pages + 1)
        if "oppija --slide linreg"
        in poppler("pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-")
    )
    prefix = tmp_path / "page"
    poppler(
        "pdftoppm", "-f", str(page), "-l", str(page), "-r", "100", "-png", str(pdf), str(prefix)
    )
    (png,) = tmp_path.glob("page*.png")
    pixels = np.asarray(Image.open(png).convert("RGB"), dtype=np.int16)
    # The demo's series are drawn in the print palette's colours; the text is black or grey
    # (a page of text alone has no such pixel at all).
    coloured = int(((pixels.max(axis=2) - pixels.min(axis=2)) > 60).sum())
    assert coloured > 300
