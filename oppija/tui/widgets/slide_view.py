"""One slide: its Markdown up to the current reveal step, and what comes next."""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from oppija.content.model import Slide
from oppija.i18n import _
from oppija.progress import QuizAnswer
from oppija.tui.widgets.quiz_card import QuizCard


def render_markdown(text: str) -> RichMarkdown:
    """A slide's Markdown as one Rich renderable: one widget, not one per paragraph, so that
    moving between slides costs one layout instead of dozens of mounts."""
    return RichMarkdown(text, hyperlinks=False)


class SlideView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The slide's text; ↑/↓ scroll it, the screen's keys (→ ← PgDn PgUp Home End) move
    between slides, so the scroll container's own bindings for those keys are not inherited."""

    BINDINGS = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
    ]

    DEFAULT_CSS = """
    SlideView {
        padding: 0 2;
        height: 1fr;
    }
    SlideView #slide-title {
        text-style: bold;
        color: $primary;
        margin: 1 0 0 0;
    }
    SlideView #slide-body {
        margin: 1 0 0 0;
    }
    SlideView #slide-more {
        color: $text-muted;
        margin: 0 0 1 0;
    }
    SlideView #slide-quizzes { height: auto; }
    SlideView #slide-notes {
        border-left: thick $warning;
        padding: 0 1;
        margin: 1 0;
        display: none;
    }
    SlideView.-show-notes #slide-notes { display: block; }
    SlideView.-ascii #slide-notes { border-left: ascii $warning; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="slide-title")
        yield Static(id="slide-body")
        yield Static(id="slide-more")
        yield Vertical(id="slide-quizzes")
        yield Static(id="slide-notes")

    def show(self, slide: Slide, step: int, answers: dict[str, QuizAnswer] | None = None) -> None:
        """Show ``slide`` revealed up to ``step`` (0-based); its quizzes once fully revealed."""
        self.query_one("#slide-title", Static).update(slide.title)
        self.query_one("#slide-body", Static).update(render_markdown(slide.markdown(step)))
        more = self.query_one("#slide-more", Static)
        remaining = slide.step_count - 1 - step
        if remaining > 0:
            more.update(_("→ shows more ({n} more)").format(n=remaining))
            more.display = True
        else:
            more.display = False
        quizzes = self.query_one("#slide-quizzes", Vertical)
        shown = [card.quiz.id for card in quizzes.query(QuizCard)]
        wanted = [quiz.id for quiz in slide.quizzes] if remaining == 0 else []
        if shown != wanted:
            quizzes.remove_children()
            answers = answers or {}
            ascii_mode = self.has_class("-ascii")
            quizzes.mount_all(
                QuizCard(quiz, answers.get(quiz.id), ascii_mode)
                for quiz in slide.quizzes
                if quiz.id in wanted
            )
        notes = self.query_one("#slide-notes", Static)
        notes.update(
            render_markdown(f"**{_('Teacher notes')}**\n\n{slide.notes}") if slide.notes else ""
        )
        self.set_class(bool(slide.notes), "-has-notes")
        if step == 0:
            self.scroll_home(animate=False)
        else:
            self.scroll_end(animate=False)
