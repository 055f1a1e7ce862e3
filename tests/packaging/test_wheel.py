"""The wheel carries the lessons and catalogs: installed elsewhere, oppija still finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Building the wheel and its venv takes seconds: the whole file runs in one xdist worker (its
# group), which builds them once, and starts first.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built wheel in it (dependencies seen through a .pth file)."""
    pytest.importorskip("build")
    pytest.importorskip("hatchling")
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(work),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(work.glob("oppija-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies (textual, numpy, ...) come from the environment running the tests,
    # appended after the venv's own site-packages, so the wheel's oppija is the one imported.
    Path(target, "_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--no-deps",
            "--ignore-installed",  # the dependency path may hold another oppija already
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPPIJA_", "PYTHON"))}
    return subprocess.run(
        [str(venv / "bin" / "oppija"), *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_installed_wheel_reports_version(installed: Path, tmp_path: Path) -> None:
    from oppija import __version__

    result = _run(installed, "--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"oppija {__version__}"


def test_installed_wheel_imports_its_own_copy(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import oppija; print(oppija.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(installed) in result.stdout


def test_installed_wheel_reads_packaged_catalogs(installed: Path, tmp_path: Path) -> None:
    """Estonian help text can only come from the .mo file inside the wheel."""
    estonian = _run(installed, "--help", cwd=tmp_path)
    assert estonian.returncode == 0
    assert "kasutamine: oppija" in estonian.stdout
    english = _run(installed, "--lang", "en", "--help", cwd=tmp_path)
    assert "usage: oppija" in english.stdout


def test_installed_wheel_carries_the_served_page_and_its_fonts(
    installed: Path, tmp_path: Path
) -> None:
    """`oppija serve` sends these to browsers: without them a classroom page has no font."""
    result = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import oppija.serve, pathlib; print(pathlib.Path(oppija.serve.__file__).parent)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    served = Path(result.stdout.strip())
    assert str(installed) in str(served)
    fonts = served / "static" / "fonts"
    for name in ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"):
        assert (fonts / name).stat().st_size > 100_000
    assert "Bitstream" in (fonts / "LICENSE").read_text(encoding="utf-8")
    for page in ("base.html", "name.html", "page.html", "full.html"):
        assert (served / "templates" / page).is_file()


def test_installed_wheel_writes_the_html_class_report(installed: Path, tmp_path: Path) -> None:
    """The report's page template is data inside the package: the wheel must carry it."""
    (tmp_path / "klass").mkdir()
    result = _run(
        installed,
        "report",
        "--class-dir",
        str(tmp_path / "klass"),
        "--format",
        "html",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_installed_wheel_writes_a_handout(installed: Path, tmp_path: Path) -> None:
    """The handout's template and the pictures' font come from inside the installed package."""
    result = _run(
        installed, "export", "--sections", "1", "--out", str(tmp_path / "loeng.html"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "loeng.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "url(data:font/ttf;base64," in page and "Sissejuhatus" in page
