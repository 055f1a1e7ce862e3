"""Memory a learner's process holds: oppija after one and two walks through the whole lecture
against the bare Textual app of ``benchmarks/navigation.py`` after one walk.

Run with ``python benchmarks/memory.py [--rounds N]``. What is compared is the resident set
size (RSS, ``VmRSS`` of ``/proc/self/status``: every page the process holds in RAM, Python
objects, NumPy arrays, imported code, the interpreter itself), read after ``gc.collect()``
while the app is still running, as a classroom server's process holds it between key presses.
Each app runs headless (``App.run_test(size=(120, 40))``) in a process of its own, started
fresh for every measurement, so that neither inherits the other's heap or imports:

- oppija: the real app as ``oppija`` starts it, its progress in a new temporary folder, its
  garbage collector set as in a terminal once the first slide is painted. It is
  walked with → from the first slide to the last, every reveal step (220 presses through the
  Estonian lecture), so every slide, quiz card and demo is shown once as the learner gets it;
  RSS after that walk. Then Home and the same walk again in the same process: RSS after the
  second walk, whose growth over the first is what a learner going over the lecture again adds.
- bare: a ``Header``, one ``Static`` and a ``Footer`` (``benchmarks/bare_app.py``; Textual and
  Rich only, no oppija and no NumPy) walked through the same slide texts as Rich Markdown; RSS
  after one walk. The texts are computed by this parent process and handed over in a file.
- bare with NumPy: the same bare app in a process that has imported NumPy (``numpy`` and
  ``numpy.linalg``) before its walk: the reference of the design's budgets (as in
  ``benchmarks/startup.py``), since any app computing its demos with NumPy holds NumPy's code
  and its BLAS library (about 15 MiB of RSS here) before it draws anything.

Printed: the median RSS of each over the rounds, then
``memory: oppija/bare after a walk R, second walk +X MiB`` (goal: R ≤ 1.5, X < 5) and the same
ratio against the bare app with NumPy, ``memory: oppija/bare with NumPy after a walk R``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
MIB = 1024 * 1024


def resident_bytes() -> int:
    """This process's resident set size now (``VmRSS``), in bytes."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def settled_resident_bytes() -> int:
    """RSS after every collectable cycle is gone."""
    gc.collect()
    return resident_bytes()


async def walk(
    app: App[None], presses: int, walks: int, painted: Callable[[], None] | None = None
) -> list[int]:
    """RSS after each of ``walks`` walks of ``app`` (Home, then ``presses`` → presses);
    ``painted`` is called once the first frame is painted."""
    from painted import until_painted  # beside this file; Textual only, like the bare app

    sizes: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        await until_painted(pilot)
        if painted is not None:
            painted()
        for _ in range(walks):
            await pilot.press("home")
            await until_painted(pilot)
            for _ in range(presses):
                await pilot.press("right")
                await until_painted(pilot)
            sizes.append(settled_resident_bytes())
    return sizes


def child(which: str, texts_file: Path, walks: int) -> None:
    """In a fresh process: walk one app, print the RSS after each walk as JSON."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    texts: list[str] = json.loads(texts_file.read_text(encoding="utf-8"))
    if which in ("bare", "bare-numpy"):
        if which == "bare-numpy":
            import numpy.linalg  # noqa: F401  (its code and BLAS library, as an app using it)
        from bare_app import BareApp

        sizes = asyncio.run(walk(BareApp(texts), len(texts) - 1, walks))
    else:
        sys.path.insert(0, str(ROOT))
        from oppija import i18n
        from oppija.collector import prepare_for_session
        from oppija.threads import limit_blas_threads

        limit_blas_threads()
        i18n.set_language("et")
        with tempfile.TemporaryDirectory(prefix="oppija-memory-") as folder:
            from navigation import oppija_app

            app = oppija_app(Path(folder))
            sizes = asyncio.run(walk(app, len(texts) - 1, walks, prepare_for_session))
    print(json.dumps(sizes))


def measure(which: str, texts_file: Path, walks: int) -> list[int]:
    """RSS after each walk, from a new process running ``which``."""
    command = [sys.executable, __file__, "--child", which, "--texts", str(texts_file)]
    command += ["--walks", str(walks)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    sizes: list[int] = json.loads(done.stdout.strip().splitlines()[-1])
    return sizes


def lecture_texts() -> list[str]:
    """The Markdown at each position of a walk through the Estonian lecture."""
    sys.path.insert(0, str(ROOT))
    from oppija import i18n
    from oppija.content.loader import load_lecture

    i18n.set_language("et")
    lecture = load_lecture("et")
    return [slide.markdown(step) for slide in lecture.slides for step in range(slide.step_count)]


def mib(value: float) -> str:
    return f"{value / MIB:.1f}".replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="processes of each app (default 2)")
    parser.add_argument("--child", choices=["oppija", "bare", "bare-numpy"], help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--walks", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.texts, args.walks)
        return
    with tempfile.TemporaryDirectory(prefix="oppija-memory-") as folder:
        texts_file = Path(folder) / "texts.json"
        texts_file.write_text(json.dumps(lecture_texts()), encoding="utf-8")
        oppija: list[list[int]] = []
        bare: list[int] = []
        with_numpy: list[int] = []
        for _round in range(args.rounds):  # the apps take turns: all see the same machine
            oppija.append(measure("oppija", texts_file, 2))
            bare.append(measure("bare", texts_file, 1)[0])
            with_numpy.append(measure("bare-numpy", texts_file, 1)[0])
    first = statistics.median(sizes[0] for sizes in oppija)
    second = statistics.median(sizes[1] - sizes[0] for sizes in oppija)
    reference = statistics.median(bare)
    reference_numpy = statistics.median(with_numpy)
    load = ", ".join(f"{value:.2f}".replace(".", ",") for value in os.getloadavg())
    print(f"RSS, median of {args.rounds} processes each, {SIZE[0]}×{SIZE[1]}; load {load}")
    print(f" oppija: {mib(first)} MiB after a walk, {mib(first + second)} MiB after two")
    print(f"   bare: {mib(reference)} MiB after a walk, with NumPy {mib(reference_numpy)} MiB")
    ratio = f"{first / reference:.2f}".replace(".", ",")
    print(f"memory: oppija/bare after a walk {ratio}, second walk +{mib(second)} MiB")
    ratio_numpy = f"{first / reference_numpy:.2f}".replace(".", ",")
    print(f"memory: oppija/bare with NumPy after a walk {ratio_numpy}")


if __name__ == "__main__":
    main()
