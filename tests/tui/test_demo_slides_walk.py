"""Every demo slide at 80×24 and 120×40, walked in one app per size: what a learner must see
(the slide's title, what to do, the keys that move on and help) and the picture, pinned as an SVG
snapshot per slide (update with --snapshot-update after looking at the pictures); a demo of each
kind also a few steps in, pinned as a second picture.

One app per size, not one per slide: 32 demo slides × 2 sizes as separate apps would cost more
than the rest of the TUI tests together.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension
from syrupy.assertion import SnapshotAssertion

from oppija.content.model import Slide
from oppija.progress import Progress, ProgressStore
from oppija.tui.app import OppijaApp
from oppija.tui.screens.lecture import LectureScreen
from oppija.tui.widgets.key_bar import KeyBar
from tests.tui.conftest import burst, open_demo, screen_text, shipped_lecture

# A slide per demo kind, a few steps in (seeded, so the same picture every time): a descent's
# path, a network that has learnt, a sequence part-way through. The network demos at 120×40 only.
DESCENT_STEPS = {"gd-1d": 4, "gd-2d": 8, "linreg": 10, "gd-logreg": 10}
NETWORK_STEPS = {
    "backprop-hidden": 6,
    "activation-functions": 4,
    "linearity-matrices": 10,
    "approximation": 20,
    "networks-general": 170,  # past the XOR plateau: the regions show
    "transfer": 20,
    "graph-computation": 2,
}
SEQUENCE_STEPS = {
    "softmax-temperature": 5,
    "rnn-unroll": 4,  # the fourth letter: the two „s“ steps side by side
    "lstm": 3,
    "cnn-conv": 14,
    "attention-decoding": 3,
}
STEPS_IN = {
    (80, 24): {**DESCENT_STEPS, **SEQUENCE_STEPS},
    (120, 40): {**DESCENT_STEPS, **NETWORK_STEPS, **SEQUENCE_STEPS},
}
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
DEMO_SLIDES = [slide for slide in shipped_lecture("et").slides if slide.demo is not None]


def instruction_start(slide: Slide) -> str:
    """The first words of the demo's instruction (the slide's newest step) as drawn: up to the
    first inline code or line end, emphasis marks dropped, at most 20 characters."""
    first = slide.steps[-1].strip().split("\n")[0]
    plain = first.split("`")[0].replace("**", "").replace("*", "")
    return re.sub(r"\s+", " ", plain).strip()[:20].strip()


def repeated_lines(app: OppijaApp, lines: list[str]) -> set[str]:
    """Lines of words the demo shows twice (the readout under the picture said again what the
    picture's own words said: two rows a small window needs for the picture)."""
    demo = app.screen.query_one("#demo").region
    worded = [
        line.strip()
        for line in lines[demo.y : demo.bottom]
        if sum(char.isalpha() for char in line) >= 8
    ]
    return {line for line in worded if worded.count(line) > 1}


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
async def test_every_demo_slide_shows_its_title_instruction_and_keys(
    tmp_path: Path, snapshot: SnapshotAssertion, size: tuple[int, int]
) -> None:
    """On every demo slide, its demo ready and having the keys: the slide's title (in the
    header) and the start of what to do are on screen, no line of words shows twice, each
    picture matches its snapshot, and the key bar shows → (next) and ? (help). Then a slide of
    each kind a few steps in (typed at once, each handled, drawn once: the same picture as
    after as many presses drawn one by one) matches its snapshot too."""
    svg = snapshot.use_extension(SVGImageExtension)
    app = OppijaApp(shipped_lecture("et"), Progress(), ProgressStore(tmp_path))
    missing: list[str] = []
    pictures: list[str] = []
    keys: list[str] = []
    async with app.run_test(size=size) as pilot:
        assert isinstance(app.screen, LectureScreen)
        for slide in DEMO_SLIDES:
            await open_demo(pilot, slide.id)
            text = screen_text(app)
            lines = text.split("\n")
            section = app.screen.lecture.section_of(slide.id)
            if slide.title not in lines[0] and section.contents_title(slide) not in lines[0]:
                missing.append(f"{slide.id}: title")
            start = instruction_start(slide)
            if start not in text:
                missing.append(f"{slide.id}: instruction “{start}”")
            if svg(name=slide.id) != app.export_screenshot():
                pictures.append(slide.id)
            missing += [f"{slide.id}: twice “{line}”" for line in repeated_lines(app, lines)]
            bar = app.screen.query_one(KeyBar).region  # its line(s) as the terminal shows them
            shown = "\n".join(lines[bar.y : bar.bottom])
            keys += [f"{slide.id}: {key}" for key in ("→", "?") if key not in shown]
            steps = STEPS_IN[size].get(slide.id)
            if steps is not None:
                await burst(pilot, *["n"] * steps)
                if svg(name=f"{slide.id}-a-few-steps-in") != app.export_screenshot():
                    pictures.append(f"{slide.id} a few steps in")
    assert set(STEPS_IN[size]) <= {slide.id for slide in DEMO_SLIDES}
    assert not missing
    assert not pictures, "pictures changed (look, then --snapshot-update): " + ", ".join(pictures)
    assert not keys, "the key bar drops → or ? on " + ", ".join(keys)
