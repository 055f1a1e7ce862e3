"""Python's garbage collector set for a long session in the terminal: no long pause on a key.

A key press builds the next slide's widgets, styles and drawn lines, and they live until a later
press: long enough for the collector to move them to its oldest generation. With Python's
default thresholds (700, 10, 10) a full collection then came every ten middle ones, each walking
everything the process holds (Textual, Rich, the parsed lecture). ``benchmarks/collector.py``
walks the lecture there and back twice (880 presses): 105 full collections, the longest 299 ms,
and collecting took a third of the CPU; set as here, 10 full collections, the longest 98 ms.
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS = 5_000
"""New objects between two young collections (Python's default is 700): a press makes thousands,
and most of them are gone by the next press, before a collection has to look at them."""


def prepare_for_session() -> None:
    """Freeze what the process holds once the first slide is drawn (modules, the lecture, the
    screen's widgets: they live as long as the session) and collect young objects in larger
    batches.

    A long-lived object that becomes garbage later is not freed, so only a process that runs one
    app for its whole life calls this: ``oppija`` in a terminal, not a test or benchmark that
    starts one app after another.
    """
    gc.collect()
    gc.freeze()
    _young, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, middle, oldest)
