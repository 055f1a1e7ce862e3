"""Start-up: process start to the first slide painted (headless), oppija vs. a bare Textual app.

Run with ``python benchmarks/startup.py``. Each run is a fresh Python process; runs of the apps
alternate so that all see the same machine load. The child reports the wall-clock moment its
first screen was painted and its peak memory; the parent prints the medians and
``ratio oppija/bare`` (the budget of issue 12: at most 1.25). The bare app is the reference the
budget names: a Textual app that imports NumPy, with a Header (the title), one Static (the
slide's text) and a Footer (a key binding) painted, as oppija's slide screen has them. oppija
itself paints its first slide before NumPy is imported (each child reports whether NumPy was
loaded at its first paint), so the same bare app without NumPy is timed too and its ratio
printed beside the budget's (``ratio oppija/bare without NumPy``): the stricter floor, for
information. All are timed from spawning the process to the first frame that shows all of
their markers.

oppija is timed as a learner starts it again and again: with its data folder from an earlier
run, where the parsed lecture is cached (``oppija.content.lecture_cache``). A first start, which
parses the lessons with markdown-it, is timed too, with a new data folder every run
(``first start``, not part of the budget).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children note the moment of the first screen update in which their text is on the
# screen: Textual's compositor has just written a frame, and that frame shows the slide (for
# oppija: the first slide's title and body; for the bare app: its one Static). What either app
# does after that frame (more refreshes, saving progress) is not start-up. Timing a frame needs
# Textual's private `Screen._compositor_refresh` (the public Ready event and call_after_refresh
# come later than the frame, and reading the screen through the public screenshot costs more
# than the difference being measured); tests/tui/test_textual_private_api.py fails loudly when
# Textual renames it, and this is the one place outside oppija/ that uses a private name.
FIRST_PAINT = """
import resource, time
from textual.screen import Screen

_refresh = Screen._compositor_refresh
painted = 0.0
numpy_at_paint = False

def _watching_refresh(self):
    global painted, numpy_at_paint
    result = _refresh(self)
    now = time.time()
    if not painted:
        text = "\\n".join(strip.text for strip in self._compositor.render_strips())
        if all(marker in text for marker in MARKERS):
            painted = now
            numpy_at_paint = "numpy" in __import__("sys").modules
            self.app.call_later(self.app.exit)
    return result

Screen._compositor_refresh = _watching_refresh

def report():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {{"painted": painted, "peak_kib": peak, "numpy": numpy_at_paint}}
    print(__import__("json").dumps(report))
"""

BARE = (
    FIRST_PAINT
    + """
MARKERS = ("Tehisintellekt", "Süvaõpe", "Välju")  # the Header, the Static, the Footer
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    TITLE = "Tehisintellekt"
    BINDINGS = [("q", "quit", "Välju")]

    def compose(self):
        yield Header()
        yield Static("Süvaõpe")
        yield Footer()

Bare().run(headless=True, size=(100, 30))
report()
"""
).format()

# The budget's reference: the same bare app importing NumPy first, as a demo app must.
BARE_WITH_NUMPY = BARE.replace(
    "from textual.app import App", "import numpy\nfrom textual.app import App"
)

OPPIJA = (
    FIRST_PAINT
    + """
MARKERS = ("Slaid 1/", "Aine „Tehisintellekt“")  # the header and the first slide's body
import sys
sys.path.insert(0, {root!r})
import oppija.tui.app as app_module

class Timed(app_module.OppijaApp):
    def run(self, **kwargs):
        return super().run(headless=True, size=(100, 30))

app_module.OppijaApp = Timed
import oppija.cli
oppija.cli._on_a_terminal = lambda: True  # headless: the child's streams are pipes, not a terminal
oppija.cli.main([])
report()
"""
)


def run_once(code: str, env: dict[str, str]) -> tuple[float, float, bool]:
    """Seconds from spawning the process to its first paint, its peak memory in MiB, and
    whether NumPy was imported by then.

    The child notes the wall-clock time of the first frame that shows its text; what it does
    after that (more frames, saving progress, shutting down) is not start-up.
    """
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"child failed:\n{result.stderr[-2000:]}")
    last = json.loads([line for line in result.stdout.splitlines() if line.startswith("{")][-1])
    if not last["painted"]:
        raise SystemExit("child exited without painting")
    return last["painted"] - start, last["peak_kib"] / 1024, bool(last["numpy"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each app")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "OPPIJA_DATA_DIR": data, "OPPIJA_LANG": "et"}
        env.pop("NO_COLOR", None)
        # An installed app has its bytecode compiled (pip does it); a checkout gets it from the
        # untimed warm-up runs below, so that neither app pays for compiling its sources.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        names = ("oppija", "first start", "bare", "bare without NumPy")
        times: dict[str, list[float]] = {name: [] for name in names}
        peaks: dict[str, list[float]] = {name: [] for name in names}
        with_numpy: set[str] = set()
        oppija_code = OPPIJA.format(root=str(ROOT))
        run_once(BARE, env)  # warm the disk cache for all, untimed
        run_once(oppija_code, env)
        for run in range(args.runs):
            fresh = {**env, "OPPIJA_DATA_DIR": os.path.join(data, f"first-{run}")}
            for name, code, run_env in (
                ("oppija", oppija_code, env),
                ("first start", oppija_code, fresh),
                ("bare", BARE_WITH_NUMPY, env),
                ("bare without NumPy", BARE, env),
            ):
                seconds, peak, numpy_loaded = run_once(code, run_env)
                times[name].append(seconds)
                peaks[name].append(peak)
                if numpy_loaded:
                    with_numpy.add(name)
    print("process start to first slide painted (headless, 100×30), median of", args.runs)
    for name in names:
        print(
            f"  {name:<18} {statistics.median(times[name]) * 1000:8.0f} ms"
            f"   peak memory {statistics.median(peaks[name]):6.1f} MiB"
        )
    for name in names:
        loaded = "imported" if name in with_numpy else "not imported"
        print(f"  {name:<18} NumPy {loaded} at the first paint")
    bare = statistics.median(times["bare"])
    ratio = statistics.median(times["oppija"]) / bare
    first = statistics.median(times["first start"]) / bare
    memory = statistics.median(peaks["oppija"]) / statistics.median(peaks["bare"])
    print(f"ratio oppija/bare: {ratio:.2f}")
    strict = statistics.median(times["oppija"]) / statistics.median(times["bare without NumPy"])
    print(f"ratio oppija/bare without NumPy: {strict:.2f}")
    print(f"first start ratio oppija/bare: {first:.2f}")
    print(f"memory ratio oppija/bare: {memory:.2f}")


if __name__ == "__main__":
    main()
