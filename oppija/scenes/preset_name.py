"""The name of the example a demo shows ("kauss", "pikk kitsas org"), for its picture's title.

A preset is named only while the settings that make it what it is are still the preset's: a
learner who typed another function no longer looks at "a bowl".
"""

from __future__ import annotations

from collections.abc import Sequence

from oppija.i18n import _
from oppija.sims.demo import Demo
from oppija.sims.plain import plain
from oppija.sims.registry import DEMOS


def preset_name(simulation: Demo, defining: Sequence[str]) -> str | None:
    """The current preset's name in the active language, or None when the settings named in
    ``defining`` (the function, α …) differ from the preset's own."""
    spec = DEMOS[simulation.name]
    if spec.cycled is None:
        return None
    params = simulation.params
    chosen = getattr(params, spec.cycled, None)
    label = spec.presets.get(str(chosen))
    if label is None:
        return None
    own = type(simulation).build_params({spec.cycled: chosen})
    if any(plain(getattr(params, k, None)) != plain(getattr(own, k, None)) for k in defining):
        return None
    return _(label)
