"""A demo's picture: its simulation drawn with the plot layer, the same for the app and the CLI.

Each scene is a function ``draw(simulation, view)`` returning exactly ``view.height`` rows of
Rich Segments, each ``view.width`` cells wide (:class:`~oppija.scenes.view.View` also carries
the plot mode, the styles and the widget's options). The Textual widgets turn the rows into
Strips; ``oppija demo`` prints them as text. Imports NumPy, Rich, the plot layer and the
simulations — never Textual.
"""

from __future__ import annotations

from oppija.scenes.frame import draw_scene, render_frame, scene_of

__all__ = ["draw_scene", "render_frame", "scene_of"]
