"""What a learner sees, pinned as SVG snapshots (update with --snapshot-update after a look)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from tests.tui.conftest import burst, press, shipped_lecture, show_demo


def fresh_app(tmp_path: Path, slide: str | None = None) -> OppijaApp:
    """A first visit: no saved progress, so no notices; progress goes to a temporary folder."""
    return OppijaApp(shipped_lecture("et"), Progress(), ProgressStore(tmp_path), start_slide=slide)


def reveal_and_step(reveals: int, steps: int):  # type: ignore[no-untyped-def]
    """Reveal the slide, wait until its demo has the focus, then step it: a key pressed while
    the demo is still mounting would go elsewhere and the picture would depend on timing. The
    steps are typed at once (each handled, the picture drawn once at the end): the demos are
    seeded, so the picture is the same as after ``steps`` presses drawn one by one."""

    async def run_before(pilot: Pilot[None]) -> None:
        await show_demo(pilot, lambda: press(pilot, *["right"] * (reveals - 1)))
        await burst(pilot, *["n"] * steps)

    return run_before


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


# The descent demos mid-run: the slide fully revealed, then a few steps (seeded, so the same
# picture every time). Each at a roomy size and at 80×24.
DEMO_SLIDES = {
    "gd1d": ("gd-1d", 3, 4),  # slide, reveal steps to press, descent steps
    "gd2d": ("gd-2d", 3, 8),
    "linreg": ("linreg", 4, 10),
    "logreg": ("gd-logreg", 4, 10),
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("demo", sorted(DEMO_SLIDES))
def test_demo_mid_run(snap_compare, tmp_path: Path, demo: str, size: tuple[int, int]) -> None:
    slide, reveals, steps = DEMO_SLIDES[demo]
    assert snap_compare(
        fresh_app(tmp_path, slide=slide),
        terminal_size=size,
        run_before=reveal_and_step(reveals, steps),
    )


# The network demos, a few steps in, at a roomy size.
STEP_DEMO_SLIDES = {
    "backprop": ("backprop-hidden", 4, 6),
    "activations": ("activation-functions", 4, 4),
    "linear-maps": ("linearity-matrices", 4, 10),
    "approximation": ("approximation", 4, 20),
    "playground": ("networks-general", 4, 170),  # past the XOR plateau: the regions show
    "transfer": ("transfer", 4, 20),
    "graph": ("graph-computation", 3, 2),
}


@pytest.mark.parametrize("demo", sorted(STEP_DEMO_SLIDES))
def test_network_demo(snap_compare, tmp_path: Path, demo: str) -> None:
    slide, reveals, steps = STEP_DEMO_SLIDES[demo]
    assert snap_compare(
        fresh_app(tmp_path, slide=slide),
        terminal_size=(120, 40),
        run_before=reveal_and_step(reveals, steps),
    )


# The demos of probabilities and sequences, a few steps in, roomy and at 80×24.
SEQUENCE_DEMO_SLIDES = {
    "softmax": ("softmax-temperature", 3, 5),
    "rnn": ("rnn-unroll", 4, 4),  # the fourth letter: the two „s“ steps side by side
    "lstm": ("lstm", 8, 3),
    "conv": ("cnn-conv", 5, 14),
    "attention": ("attention-decoding", 5, 3),
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("demo", sorted(SEQUENCE_DEMO_SLIDES))
def test_sequence_demo(snap_compare, tmp_path: Path, demo: str, size: tuple[int, int]) -> None:
    slide, reveals, steps = SEQUENCE_DEMO_SLIDES[demo]
    assert snap_compare(
        fresh_app(tmp_path, slide=slide),
        terminal_size=size,
        run_before=reveal_and_step(reveals, steps),
    )
