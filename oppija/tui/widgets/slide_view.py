"""One slide: its Markdown up to the current reveal step, and what comes next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from oppija.content.model import Slide
from oppija.i18n import _
from oppija.progress import QuizAnswer
from oppija.tui.slide_text import render_slide_markdown
from oppija.tui.widgets.slide_page import SlidePage

if TYPE_CHECKING:
    from oppija.tui.widgets.quiz_card import QuizCard

KEPT_BODIES = 32  # drawn slide texts kept for steps back (a few slides' worth)


def render_markdown(text: str) -> RenderableType:
    """A slide's Markdown as one Rich renderable: one widget, not one per paragraph, so that
    moving between slides costs one layout instead of dozens of mounts."""
    return render_slide_markdown(text)


class SlideView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The slide's text; ↑/↓ scroll it, the screen's keys (→ ← PgDn PgUp Home End) move
    between slides (PgDn/PgUp after a page of text, :meth:`scroll_page`), so the scroll
    container's own bindings for those keys are not inherited.

    The page (title, text, "more" line) is at least as tall as the view unless quiz cards or
    the teacher notes follow it: a reveal step whose text still fits then changes no size, and
    a key press costs a repaint instead of two layouts of the screen.
    """

    BINDINGS = [
        Binding("up", "scroll_lines(-1)", show=False),
        Binding("down", "scroll_lines(1)", show=False),
    ]

    DEFAULT_CSS = """
    SlideView {
        padding: 0 2;
        height: 1fr;
        align-horizontal: center;
    }
    /* A reading width: in a wide window (a projector at 160 columns) lines of 120 characters
       were hard to follow from one to the next; the text stands in the middle instead. */
    SlideView #slide-page, SlideView #slide-quizzes, SlideView #slide-notes { max-width: 100; }
    SlideView #slide-page { min-height: 100%; }
    SlideView #slide-page.-before-quizzes, SlideView.-show-notes #slide-page { min-height: 0; }
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

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._first: tuple[Slide, int, dict[str, QuizAnswer]] | None = None
        self._at_start = True  # on the slide's first step (scrolled to the top)
        self._earlier = ""  # on a demo's step: the Markdown above the newest step (its instruction)
        self._following = False  # the scroll follows layout changes until the learner scrolls
        self._newest_at: tuple[tuple[str, int], int] = (("", 0), 0)  # (text, width) -> its line
        self._notes_shown: str | None = None  # the notes' Markdown shown
        self.has_notes = False
        """The slide has teacher notes (a plain attribute: a CSS class would restyle the view)."""
        self._bodies: dict[str, RenderableType] = {}  # Markdown -> drawn, the newest last

    def watch_has_focus(self, _has_focus: bool) -> None:
        """The view's focus restyles the view (and its scrollbars) alone.

        Textual restyles a widget's every descendant when its focus changes; no rule styles the
        view's contents by the view's focus, and that restyled the page and every quiz card's
        parts, hidden ones too, each time a demo took the keys or gave them back (about 25 ms of
        such a key press). tests/tui/test_key_press_cost.py checks the contents' styles.
        """
        self.app.stylesheet.update_nodes([self], animate=True)

    def compose(self) -> ComposeResult:
        """The first slide is built into the widgets themselves, so that the first frame
        already shows it (no second layout right after the first)."""
        page = SlidePage(id="slide-page")
        if self._first is None:
            yield page
            yield Vertical(id="slide-quizzes")
            yield Static(id="slide-notes")
            return
        slide, step, answers = self._first
        cards = self._cards(slide, step, answers)
        page.set_class(bool(cards), "-before-quizzes")
        more = self._more_text(slide, step)
        page.show(slide.title, self._body(slide.markdown(step)), more, fills=False)
        self._notes_shown = self._notes(slide)
        self.has_notes = bool(slide.notes)
        yield page
        quizzes = Vertical(*cards, id="slide-quizzes")
        quizzes.display = bool(cards)
        yield quizzes
        yield Static(self._notes_content(self._notes_shown), id="slide-notes")

    @staticmethod
    def _more_text(slide: Slide, step: int) -> str:
        remaining = slide.step_count - 1 - step
        return _("→ shows more ({n} more)").format(n=remaining) if remaining > 0 else ""

    def _cards(self, slide: Slide, step: int, answers: dict[str, QuizAnswer]) -> list[QuizCard]:
        if not self._quizzes_shown(slide, step):
            return []
        from oppija.tui.widgets.quiz_card import QuizCard  # with the first slide that has one

        ascii_mode = self.has_class("-ascii")
        return [QuizCard(quiz, answers.get(quiz.id), ascii_mode) for quiz in slide.quizzes]

    @staticmethod
    def _quizzes_shown(slide: Slide, step: int) -> bool:
        return step == slide.step_count - 1 and bool(slide.quizzes)

    def _show_quizzes(self, slide: Slide, step: int, answers: dict[str, QuizAnswer]) -> bool:
        """The slide's quiz cards once it is fully revealed; True if any are shown.

        The cards stay mounted, hidden when not needed, and show the next slide's quizzes in
        place: one layout of the screen per key press instead of one per mounted widget.
        """
        quizzes = self.query_one("#slide-quizzes", Vertical)
        wanted = slide.quizzes if self._quizzes_shown(slide, step) else ()
        if not quizzes.children and not wanted:
            return False  # no card was ever needed: the quiz module is not even loaded
        from oppija.tui.widgets.quiz_card import QuizCard

        cards = list(quizzes.query_children(QuizCard))
        kept = [card for card, quiz in zip(cards, wanted, strict=False) if card.quiz.id == quiz.id]
        focused = self.screen.focused
        held = focused.ancestors if focused is not None else []
        if quizzes in held and not any(card in held and card.display for card in kept):
            self.focus()  # its card is hidden or shows another quiz: the focus goes back
        for card, quiz in zip(cards, wanted, strict=False):
            card.show_quiz(quiz, answers.get(quiz.id))
            card.display = True
        for card in cards[len(wanted) :]:
            card.display = False
        extra = [
            QuizCard(quiz, answers.get(quiz.id), self.has_class("-ascii"))
            for quiz in wanted[len(cards) :]
        ]
        if extra:
            quizzes.mount_all(extra)
        quizzes.display = bool(wanted)
        return bool(wanted)

    @staticmethod
    def _notes(slide: Slide) -> str:
        """The teacher notes' Markdown, headed, in the active language ("" if none)."""
        return f"**{_('Teacher notes')}**\n\n{slide.notes}" if slide.notes else ""

    def _notes_content(self, notes: str) -> RenderableType | str:
        return self._body(notes) if notes else ""

    def _body(self, markdown: str) -> RenderableType:
        """``markdown`` drawn; a slide's Markdown is drawn once: a step back reuses it."""
        body = self._bodies.pop(markdown, None) or render_markdown(markdown)
        self._bodies[markdown] = body  # the newest last: the oldest is dropped first
        while len(self._bodies) > KEPT_BODIES:
            del self._bodies[next(iter(self._bodies))]
        return body

    def show(self, slide: Slide, step: int, answers: dict[str, QuizAnswer] | None = None) -> None:
        """Show ``slide`` revealed up to ``step`` (0-based); its quizzes once fully revealed."""
        answers = answers or {}
        self._at_start = step == 0
        demo_step = slide.demo is not None and step == slide.step_count - 1 and step > 0
        self._earlier = slide.markdown(step - 1) if demo_step else ""
        self._following = True  # the first slide too: `--slide` or a resumed demo step
        if not self.is_mounted:  # before the first frame: compose builds it in
            self._first = (slide, step, answers)
            return
        shown = self._show_quizzes(slide, step, answers)
        page = self.query_one("#slide-page", SlidePage)
        page.set_class(shown, "-before-quizzes")  # on the page: a class on the view restyled
        self.has_notes = bool(slide.notes)  # every widget in it, the cards' too, on each press
        fills = not (shown or self.has_class("-show-notes"))
        page.show(
            slide.title, self._body(slide.markdown(step)), self._more_text(slide, step), fills=fills
        )
        notes = self._notes(slide)
        if notes != self._notes_shown:
            self._notes_shown = notes
            shown_notes = self.has_class("-show-notes")  # hidden notes need no layout
            self.query_one("#slide-notes", Static).update(
                self._notes_content(notes), layout=shown_notes
            )
        self.settle_scroll()
        self.call_after_refresh(self.settle_scroll)  # again once quiz cards and demo are laid out

    def action_scroll_lines(self, direction: int) -> None:
        """↑/↓: the learner scrolls; the view no longer puts the newest text back on its own."""
        self.hold_scroll()
        if direction < 0:
            self.scroll_up(animate=False)
        else:
            self.scroll_down(animate=False)

    def scroll_page(self, direction: int) -> bool:
        """A page of text down (``direction`` > 0) or up; False, and no scroll, if the text is
        already at that end (or fits the view)."""
        page = max(1, self.scrollable_content_region.height - 1)  # a line kept to find one's place
        target = self.scroll_y + direction * page
        target = max(0, min(self.max_scroll_y, target))
        if round(target) == round(self.scroll_y):
            return False
        self.hold_scroll()
        self.scroll_to(y=target, animate=False, immediate=True)
        return True

    def hold_scroll(self) -> None:
        """Keep the scroll where it is from now on (until the next slide or step)."""
        self._following = False

    def on_resize(self) -> None:
        """A demo mounting, a scroll bar coming or a window resized changes where the newest
        step's lines are: they are brought back into view, unless the learner has scrolled."""
        if self._following and self._earlier:
            self.settle_scroll()

    def settle_scroll(self) -> None:
        """The top of a slide's first step, the end (the newest text) of a later one.

        Called again once the layout has settled: a demo mounting below shrinks this view, and
        scrolling before that would leave the newest lines just out of sight.
        """
        if self._at_start:
            self.scroll_home(animate=False, immediate=True)
        elif self._earlier:
            self.scroll_to(y=self._newest_top(), animate=False, immediate=True)
        else:
            self.scroll_end(animate=False, immediate=True)

    def _newest_top(self) -> int:
        """The line where a demo slide's newest step begins: the demo's instruction ("Vajuta
        tühikut…") is there, and below it come the quizzes. Scrolling to the end showed a quiz
        card cut off and hid what to do; the text above is a ↑ away."""
        width = self.query_one("#slide-page", SlidePage).content_size.width
        if width <= 0:
            return 0
        key = (self._earlier, width)
        if self._newest_at[0] != key:  # measured once per text and width: settling repeats
            console = self.app.console
            options = console.options.update_width(width)
            above = len(console.render_lines(self._body(self._earlier), options, pad=False))
            self._newest_at = (key, 3 + above + 1)  # blank, title, blank; a blank between
        return self._newest_at[1]
