"""The learner's practice results in words, per demo, for the answers screen (``v``)."""

from __future__ import annotations

from collections.abc import Mapping

from oppija.i18n import _, format_integer
from oppija.progress_practice import PracticeResult
from oppija.sims.registry import DEMOS


def practice_lines(practice: Mapping[str, PracticeResult]) -> list[str]:
    """'Backpropagation: 5 steps computed, 3 at the first try, 1 with hints, 1 shown', one
    line per demo practised, in the lecture's order of demos."""
    lines = []
    for kind, spec in DEMOS.items():
        result = practice.get(kind)
        if result is None:
            continue
        total = result.first_try + result.with_hints + result.shown
        lines.append(
            _(
                "{demo}: {total} steps practised, {first} at the first try, {hinted} with "
                "hints, {shown} shown"
            ).format(
                demo=_(spec.title),
                total=format_integer(total),
                first=format_integer(result.first_try),
                hinted=format_integer(result.with_hints),
                shown=format_integer(result.shown),
            )
        )
    return lines
