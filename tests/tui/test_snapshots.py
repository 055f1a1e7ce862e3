"""What a learner sees, pinned as SVG snapshots (update with --snapshot-update after a look)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension
from syrupy.assertion import SnapshotAssertion
from textual.pilot import Pilot

from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from tests.tui.conftest import burst, open_demo, shipped_lecture


def fresh_app(tmp_path: Path, slide: str | None = None) -> OppijaApp:
    """A first visit: no saved progress, so no notices; progress goes to a temporary folder."""
    return OppijaApp(shipped_lecture("et"), Progress(), ProgressStore(tmp_path), start_slide=slide)


def test_first_slide_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(80, 24))


def test_first_slide_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(120, 40))


def test_revealed_slide_with_quiz_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        fresh_app(tmp_path, slide="linreg"),
        terminal_size=(120, 40),
        press=["right", "right", "right"],  # every reveal step of the slide: its quizzes show
    )


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(100, 30), press=["question_mark"])


def test_glossary_screen(snap_compare, tmp_path: Path) -> None:
    async def search(pilot: Pilot[None]) -> None:
        await pilot.press("g")
        await pilot.press(*"gradient")

    assert snap_compare(fresh_app(tmp_path), terminal_size=(100, 30), run_before=search)


def test_too_small_message(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(fresh_app(tmp_path), terminal_size=(50, 12))


# Every demo a few steps in (seeded, so the same picture every time): the walk
# (test_demo_slides_walk.py) pins each demo slide as it opens; these pin what a learner sees once
# the demo has moved: a descent's path, a network that has learnt, a sequence part-way through.
# slide, steps; the network demos at a roomy size only, the others also at 80×24.
DESCENT_DEMOS = {"gd1d": ("gd-1d", 4), "gd2d": ("gd-2d", 8), "linreg": ("linreg", 10),
                 "logreg": ("gd-logreg", 10)}  # fmt: skip
NETWORK_DEMOS = {
    "backprop": ("backprop-hidden", 6),
    "activations": ("activation-functions", 4),
    "linear-maps": ("linearity-matrices", 10),
    "approximation": ("approximation", 20),
    "playground": ("networks-general", 170),  # past the XOR plateau: the regions show
    "transfer": ("transfer", 20),
    "graph": ("graph-computation", 2),
}
SEQUENCE_DEMOS = {
    "softmax": ("softmax-temperature", 5),
    "rnn": ("rnn-unroll", 4),  # the fourth letter: the two „s“ steps side by side
    "lstm": ("lstm", 3),
    "conv": ("cnn-conv", 14),
    "attention": ("attention-decoding", 3),
}
MID_RUN = {
    (80, 24): {**DESCENT_DEMOS, **SEQUENCE_DEMOS},
    (120, 40): {**DESCENT_DEMOS, **NETWORK_DEMOS, **SEQUENCE_DEMOS},
}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_every_demo_a_few_steps_in(
    tmp_path: Path, snapshot: SnapshotAssertion, size: tuple[int, int]
) -> None:
    """Each demo's slide fully revealed, the demo ready with the keys, then its steps typed at
    once (each handled, the picture drawn once at the end; the demos are seeded, so the
    picture is the one after as many presses drawn one by one), pinned per demo.

    One app per size walks the demos (an app each cost more than the steps): a slide's demo
    starts anew each time its slide opens, as in a new app.
    """
    svg = snapshot.use_extension(SVGImageExtension)
    changed: list[str] = []
    app = fresh_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        for name, (slide, steps) in MID_RUN[size].items():
            await open_demo(pilot, slide)
            await burst(pilot, *["n"] * steps)
            if svg(name=name) != app.export_screenshot():
                changed.append(name)
    assert not changed, "pictures changed (look, then --snapshot-update): " + ", ".join(changed)
