"""Key presses: the CPU one → costs in oppija against a bare Textual app showing the same text.

Run with ``python benchmarks/navigation.py [--rounds N]``. Both apps run headless in this one
process (``App.run_test(size=(120, 40))``) and are walked with → from the first slide to the last,
every reveal step included (one press per step: 220 presses through the Estonian lecture):

- oppija: the real app as ``oppija`` starts it, its progress in a new temporary folder (nothing of
  the learner's is read or written): header, contents, the slide, the key bar, and on a demo slide
  its demo, mounted as the learner gets it; its garbage collector set as in a terminal once the
  first slide is painted (``oppija.collector``), and put back after the walk.
- bare: ``benchmarks/bare_app.py``, a Textual app with a ``Header``, one ``Static`` and a
  ``Footer`` whose → binding puts the next position's slide text (the same Markdown oppija shows
  at that step, from oppija's lecture loader) into the ``Static`` as Rich's ``Markdown``.

One press is timed by the process's CPU time (``time.process_time``, every thread, so a demo's
model trained in a thread counts) from posting the key, as the terminal driver does, until the
app has handled everything the key caused and the screen is painted: every message queue empty,
any worker done, the screen drawn (Pilot's ``wait_for_animation`` draws it at once), and again
while drawing queued more. Both apps are waited on in exactly the same way; waiting itself sleeps.

The apps take turns, a whole walk each (a new app every walk), round after round, so that both
see the same machine load. Printed: the median and 90th percentile of the CPU per press over all
rounds for each, the machine's load, and ``ratio oppija/bare per key`` (medians; goal ≤ 1.5);
then the same for the presses that change only text (that neither reach nor leave a slide's
last step with quiz cards or a demo, which oppija mounts there and the bare app does not have):
``ratio oppija/bare per key, text only``; then the medians by what a press brings or removes
(quiz cards, a demo, both, arriving or leaving), to show where oppija's time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bare_app import BareApp  # beside this file (the benchmarks folder is on sys.path)
from painted import until_painted
from textual import events
from textual.app import App

from oppija import i18n
from oppija.collector import prepare_for_session
from oppija.content.loader import load_lecture
from oppija.content.model import Lecture
from oppija.progress import ProgressStore
from oppija.threads import limit_blas_threads
from oppija.tui.app import OppijaApp

SIZE = (120, 40)


def slide_texts(lecture: Lecture) -> list[str]:
    """The Markdown shown at each position of a walk through ``lecture``, in order."""
    return [slide.markdown(step) for slide in lecture.slides for step in range(slide.step_count)]


def press_kinds(lecture: Lecture) -> list[str]:
    """What each press of the walk brings or removes besides text: "text", or what leaves and
    what arrives ("quiz leaves", "demo arrives", "quiz+demo arrives", both joined by ", ")."""
    shown = [
        "+".join(
            name
            for name, present in (("quiz", slide.quizzes), ("demo", slide.demo is not None))
            if present and step == slide.step_count - 1
        )
        for slide in lecture.slides
        for step in range(slide.step_count)
    ]
    kinds = []
    for before, after in pairwise(shown):
        parts = ([f"{before} leaves"] if before else []) + ([f"{after} arrives"] if after else [])
        kinds.append(", ".join(parts) or "text")
    return kinds


def text_only_presses(lecture: Lecture) -> list[bool]:
    """For each press of the walk: True if it neither reaches nor leaves a slide's last step
    with quiz cards or a demo (in oppija those mount or go; the bare app has none)."""
    widgets = [
        step == slide.step_count - 1 and bool(slide.quizzes or slide.demo)
        for slide in lecture.slides
        for step in range(slide.step_count)
    ]
    return [not (before or after) for before, after in pairwise(widgets)]


def oppija_app(data_dir: Path) -> OppijaApp:
    """oppija as ``oppija`` starts it, with its progress in ``data_dir``."""
    store = ProgressStore(data_dir)
    loaded = store.load()
    return OppijaApp(load_lecture("et"), loaded.progress, store, resumed=loaded.restored)


async def walk(app: App[None], presses: int) -> list[float]:
    """CPU seconds of each of ``presses`` → presses in ``app``, each until painted.

    oppija's collector is set as in a terminal once the first slide is painted (a headless app
    leaves it alone) and put back after the walk; the bare app runs with Python's defaults.
    """
    times: list[float] = []
    defaults = gc.get_threshold()
    async with app.run_test(size=SIZE) as pilot:
        await until_painted(pilot)
        if isinstance(app, OppijaApp):
            prepare_for_session()
        for _ in range(presses):
            key = events.Key("right", None)
            key.set_sender(app)
            start = time.process_time()
            app.post_message(key)
            await until_painted(pilot)
            times.append(time.process_time() - start)
    gc.unfreeze()
    gc.set_threshold(*defaults)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="walks of each app (default 2)")
    args = parser.parse_args()
    limit_blas_threads()
    i18n.set_language("et")
    lecture = load_lecture("et")
    texts = slide_texts(lecture)
    presses = len(texts) - 1
    plain = text_only_presses(lecture) * args.rounds
    contestants: dict[str, Callable[[Path], App[None]]] = {
        "oppija": oppija_app,
        "bare": lambda _folder: BareApp(texts),
    }
    times: dict[str, list[float]] = {name: [] for name in contestants}
    with tempfile.TemporaryDirectory(prefix="oppija-navigation-") as folder:
        for round_ in range(args.rounds):
            for name, make in contestants.items():
                data = Path(folder) / f"{name}-{round_}"
                times[name] += asyncio.run(walk(make(data), presses))
    load = ", ".join(f"{value:.2f}".replace(".", ",") for value in os.getloadavg())
    print(f"{presses} presses a walk, {args.rounds} walks each, {SIZE[0]}×{SIZE[1]}; load {load}")
    for name, values in times.items():
        median = statistics.median(values) * 1000
        high = percentile(values, 0.9) * 1000
        print(f"{name:>7}: median {median:6.2f} ms CPU a press, 90th percentile {high:6.2f} ms")
    ratio = statistics.median(times["oppija"]) / statistics.median(times["bare"])
    print(f"ratio oppija/bare per key: {ratio:.2f}")
    text_only = [
        statistics.median(t for t, kept in zip(values, plain, strict=True) if kept)
        for values in (times["oppija"], times["bare"])
    ]
    print(
        f"{sum(plain) // args.rounds} of the {presses} presses change only text (no quiz or demo"
        f" comes or goes): median {text_only[0] * 1000:.2f} against {text_only[1] * 1000:.2f} ms,"
        f" ratio oppija/bare per key, text only: {text_only[0] / text_only[1]:.2f}"
    )
    print("by what a press brings or removes (median ms CPU, oppija against bare):")
    kinds = press_kinds(lecture) * args.rounds
    for kind in sorted(set(kinds), key=lambda k: (k != "text", k)):
        medians = [
            statistics.median(t for t, k in zip(values, kinds, strict=True) if k == kind) * 1000
            for values in (times["oppija"], times["bare"])
        ]
        count = kinds.count(kind) // args.rounds
        print(f"  {kind:>32}: {count:3} presses, {medians[0]:7.1f} against {medians[1]:5.1f}")


if __name__ == "__main__":
    main()
