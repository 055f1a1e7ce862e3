"""The command palette (Ctrl+P): slides by title and text, and glossary terms."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from oppija.content.search import search
from oppija.i18n import _
from oppija.tui.oppija_app import oppija_app


class LectureCommands(Provider):
    """Finds slides and glossary terms of the lecture in the active language."""

    async def discover(self) -> Hits:
        app = oppija_app(self.app)
        lecture = app.lecture
        for slide in lecture.slides:
            section = lecture.section_of(slide.id).title
            yield DiscoveryHit(
                slide.title,
                partial(app.open_slide, slide.id),
                help=_("Slide · {section}").format(section=section),
            )

    async def search(self, query: str) -> Hits:
        app = oppija_app(self.app)
        hits = search(app.lecture, query, limit=20)
        best = max((hit.score for hit in hits), default=1.0) or 1.0
        matcher = self.matcher(query)
        for hit in hits:
            if hit.kind == "slide":
                command = partial(app.open_slide, hit.id)
                label = _("Slide: {title}").format(title=hit.title)
            else:
                command = partial(app.open_term, hit.id)
                label = _("Term: {title}").format(title=hit.title)
            yield Hit(
                score=0.5 + 0.5 * hit.score / best,
                match_display=matcher.highlight(label),
                command=command,
                text=label,
                help=hit.snippet,
            )
