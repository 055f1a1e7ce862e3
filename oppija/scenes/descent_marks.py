"""The marks both descents' pictures draw, named alike in their legends."""

from __future__ import annotations

from oppija.i18n import _
from oppija.plot.legend import LegendEntry, mark_entry
from oppija.scenes.view import View


def descent_marks(view: View, arrow: str) -> list[LegendEntry]:
    """θ now, the path so far, and the arrow of the way down (``arrow``, the descent's words
    for it): the first entries of the legend of the 1-D and the 2-D descent alike."""
    styles, spell = view.styles, view.spell
    return [
        mark_entry("o" if view.ascii_only else "●", styles.current, spell(_("θ now"))),
        mark_entry(spell("•"), styles.path, _("path")),
        mark_entry(spell("→"), styles.arrow, spell(arrow)),
    ]
