"""A demo as a handout shows it: run to the lesson's ``export-steps``, drawn by the app's scene.

The picture is the one the app draws (the same scene, the same simulation and seed), in the
print palette, at a fixed size that fits a printed page; the caption is the command line that
opens the slide with the demo in exactly this state, so a student can go on from the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment

from oppija.content.model import Slide
from oppija.demo_setup import share_line
from oppija.export.print_palette import print_styles
from oppija.scenes import draw_scene
from oppija.scenes.rows import to_text
from oppija.scenes.words import readout_lines
from oppija.sims import from_demo_block

WIDTH = 96
HEIGHT = 24


@dataclass(frozen=True)
class DemoPicture:
    """One demo's picture: the cells, the lines under it, and the command that reproduces it."""

    kind: str
    rows: list[list[Segment]]
    readout: tuple[str, ...]
    command: str
    width: int = WIDTH

    def text_lines(self) -> list[str]:
        """The picture as plain text lines (for Markdown), the readout under it."""
        return [*to_text(self.rows), "", *self.readout]


def demo_picture(slide: Slide) -> DemoPicture | None:
    """The picture of ``slide``'s demo (None for a slide without one)."""
    if slide.demo is None:
        return None
    simulation = from_demo_block(slide.demo.kind, slide.demo.as_dict())
    simulation.run(slide.demo.export_steps)
    rows = draw_scene(simulation, WIDTH, HEIGHT, "braille", print_styles())
    return DemoPicture(
        kind=slide.demo.kind,
        rows=rows,
        readout=tuple(readout_lines(simulation)),
        command=share_line(slide.id, {}, slide.demo.export_steps),
    )
