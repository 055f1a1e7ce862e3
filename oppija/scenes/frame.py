"""Which scene draws which demo (its spec in the registry says), and the whole text frame
``oppija demo`` prints."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol, cast

from oppija.plot import Mode, PlotStyles
from oppija.scenes.rows import Rows, to_text
from oppija.scenes.view import View
from oppija.scenes.words import readout_lines
from oppija.sims.registry import DEMOS, resolve

if TYPE_CHECKING:
    from oppija.sims.demo import Demo


class Scene(Protocol):
    """``draw(simulation, view)``: exactly ``view.height`` rows of ``view.width`` cells.

    Each scene takes its own simulation class and reads its own ``view.options`` (``heat``,
    ``check``, ``unit``); the registry pairs them, so callers see this one shape.
    """

    def __call__(self, simulation: Demo, view: View, /) -> Rows: ...


def scene_of(kind: str) -> Scene:
    """The scene function of demo ``kind``, imported on first use (a KeyError if no such kind)."""
    found = resolve(DEMOS[kind].scene)
    if not callable(found):
        raise TypeError(f"{DEMOS[kind].scene} (demo {kind}) is not a scene function")
    return cast(Scene, found)


def draw_scene(
    simulation: Demo,
    width: int,
    height: int,
    mode: Mode = "braille",
    styles: PlotStyles | None = None,
    **options: object,
) -> Rows:
    """The picture of ``simulation`` in exactly ``height`` rows of ``width`` cells."""
    scene = scene_of(simulation.name)
    return scene(simulation, View(width, height, mode, styles or PlotStyles.default(), options))


def render_frame(simulation: Demo, width: int, height: int, ascii_only: bool) -> str:
    """The picture and the readout as plain text, for ``oppija demo`` without ``--json``."""
    mode: Mode = "ascii" if ascii_only else "braille"
    readout = readout_lines(simulation, ascii_only)
    picture_height = max(height - len(readout) - 1, 6)
    styles = PlotStyles.plain() if os.environ.get("NO_COLOR") else PlotStyles.default()
    rows = draw_scene(simulation, width, picture_height, mode, styles)
    return "\n".join([*to_text(rows), "", *readout])
