"""A self-check question at the end of a slide: pick a choice, type a number, or read the model."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from oppija.content.model import Quiz
from oppija.content.saved_choice import current_choice
from oppija.i18n import _, current_language, format_decimal
from oppija.progress import QuizAnswer
from oppija.tui.slide_text import subscripted


class QuizCard(Vertical):
    """Shows one quiz and its feedback; the screen decides what is right and keeps the answer."""

    DEFAULT_CSS = """
    QuizCard {
        height: auto;
        border: round $secondary;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    QuizCard.-ascii { border: ascii $secondary; }
    QuizCard .quiz-label { color: $secondary; text-style: bold; }
    QuizCard OptionList { height: auto; max-height: 12; border: none; padding: 0; }
    QuizCard Input { width: 30; }
    QuizCard .quiz-feedback { margin: 1 0 0 0; }
    QuizCard .quiz-feedback.-right { color: $success; }
    QuizCard .quiz-feedback.-wrong { color: $warning; }
    QuizCard Button { margin: 1 0 0 0; }
    """

    class Answered(Message):
        """The learner answered: a choice index, typed text, or 'shown' for an open question."""

        def __init__(self, card: QuizCard, value: int | str) -> None:
            self.card = card
            self.quiz = card.quiz
            """The quiz answered (the card may show another one by the time this arrives)."""
            self.value = value
            super().__init__()

    def __init__(self, quiz: Quiz, answer: QuizAnswer | None, ascii_mode: bool = False) -> None:
        super().__init__(classes="-ascii" if ascii_mode else "")
        self.quiz = quiz
        self._answer = answer
        self._parts_mounted = False  # until then show_quiz only notes what to show
        self._composed = quiz  # the quiz the parts were made for
        self._retried = False  # a number quiz's one free try was used

    def compose(self) -> ComposeResult:
        """Every kind's input, only the quiz's own displayed: the card can then show a quiz of
        any kind later (``show_quiz``) without mounting anything."""
        self._composed = self.quiz
        kind = self.quiz.kind
        yield Static(_("Check yourself"), classes="quiz-label")
        yield Static(self.quiz.question, classes="quiz-question")
        choices = OptionList(*self._options(), classes="quiz-choices")
        choices.highlighted = None  # nothing looks chosen before the learner moves (↓ picks 1)
        choices.display = kind == "choice"
        yield choices
        field = Input(placeholder=_("a number, then Enter"), classes="quiz-input")
        field.display = kind == "number"
        yield field
        button = Button(_("Show the model answer"), classes="quiz-show")
        button.display = kind not in ("choice", "number")
        yield button
        yield Static(classes="quiz-feedback")

    def _options(self) -> list[Option]:
        return [
            Option(Text(f"{n}) ").append_text(subscripted(choice.text)), id=str(n - 1))
            for n, choice in enumerate(self.quiz.choices, start=1)
        ]

    def on_mount(self) -> None:
        self._parts_mounted = True
        answer, self._answer = self._answer, None
        if self.quiz is not self._composed:  # another quiz came before the parts were mounted
            self._fill(answer)
        elif answer is not None:
            self.show_answer(answer)

    def show_quiz(self, quiz: Quiz, answer: QuizAnswer | None) -> None:
        """Show ``quiz`` (and ``answer``, if given) in this card as a new card would.

        The cards stay mounted from slide to slide and only their content changes: mounting a
        card's half a dozen widgets laid the screen out three or four times per key press.
        """
        if quiz is self.quiz and answer is self._answer:
            return
        self.quiz = quiz
        if not self._parts_mounted:  # composed from self.quiz, filled when mounted
            self._answer = answer
            return
        self._answer = None
        self._retried = False
        self._fill(answer)

    def _fill(self, answer: QuizAnswer | None) -> None:
        """The parts show ``self.quiz`` as a new card would, then ``answer`` if there is one."""
        quiz = self.quiz
        kind = quiz.kind
        self._update(self.query_one(".quiz-label", Static), _("Check yourself"))
        self._update(self.query_one(".quiz-question", Static), subscripted(quiz.question))
        choices = self.query_one(OptionList)
        choices.display = kind == "choice"
        choices.set_options(self._options() if kind == "choice" else [])
        field = self.query_one(Input)
        field.display = kind == "number"
        field.value = ""
        field.placeholder = _("a number, then Enter")
        button = self.query_one(Button)
        button.display = kind not in ("choice", "number")
        label = _("Show the model answer")
        if str(button.label) != label:
            button.label = label
        feedback = self.query_one(".quiz-feedback", Static)
        feedback.set_classes("quiz-feedback")
        self._update(feedback, "")
        if answer is not None:
            self.show_answer(answer)

    @staticmethod
    def _update(static: Static, text: str | Text) -> None:
        """Update ``static`` only if its text changes (an update lays the screen out)."""
        if static.content != text:
            static.update(text)

    # ---------------------------------------------------------------- input
    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Answered(self, int(event.option.id)))

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered(self, event.value))

    @on(Button.Pressed)
    def _shown(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Answered(self, "shown"))

    # --------------------------------------------------------------- output
    def bring_feedback_into_view(self) -> None:
        """Scroll the slide so that the feedback just given is seen: below the fold an answer
        seemed to do nothing. The whole card if it fits, else its feedback and what is above."""
        feedback = self.query_one(".quiz-feedback", Static)
        self.scroll_visible(animate=False, immediate=True)
        feedback.scroll_visible(animate=False, immediate=True)

    def grants_retry(self) -> bool:
        """Whether a wrong number may be tried again before the answer is shown: once, and only
        while this card has not shown an answer yet."""
        if self._answer is not None or self._retried:
            return False
        self._retried = True
        return True

    def show_retry(self) -> None:
        """A wrong number on the first try: say so without giving the answer away."""
        feedback = self.query_one(".quiz-feedback", Static)
        feedback.set_classes("quiz-feedback -wrong")
        feedback.update(_("Not quite. Try once more; the next answer shows the solution."))

    def show_error(self, message: str) -> None:
        """A typed answer that is no number: say so, keep what was typed."""
        feedback = self.query_one(".quiz-feedback", Static)
        feedback.set_classes("quiz-feedback -wrong")
        feedback.update(message)

    def show_answer(self, answer: QuizAnswer) -> None:
        """Right or wrong, and why — for every kind of question."""
        self._answer = answer
        quiz = self.quiz
        feedback = self.query_one(".quiz-feedback", Static)
        text = Text()
        if quiz.kind == "open":
            text.append(_("Model answer: "), style="bold")
            text.append_text(subscripted(quiz.model_answer))
            feedback.set_classes("quiz-feedback")
            self.query_one(Button).display = False
        else:
            verdict = _("Right!") if answer.correct else _("Not quite.")
            text.append(verdict + " ", style="bold")
            if quiz.kind == "choice" and isinstance(answer.value, int):
                index = current_choice(quiz, answer, current_language())
                chosen = quiz.choices[index] if index is not None else None
                right = quiz.correct_index
                if chosen is not None:
                    text.append_text(subscripted(chosen.explanation))
                else:  # given to choices the lesson has since changed: no current one is it
                    text.append(_("You answered an earlier version of these choices."))
                if (not answer.correct or chosen is None) and right is not None:
                    text.append("\n")
                    text.append(_("The right answer: "), style="bold")
                    text.append(f"{right + 1}) ").append_text(subscripted(quiz.choices[right].text))
                    text.append(" — ").append_text(subscripted(quiz.choices[right].explanation))
                choices = self.query_one(OptionList)
                choices.highlighted = index
            else:
                if not answer.correct and quiz.answer is not None:
                    text.append(
                        _("The answer is {value}.").format(value=format_decimal(quiz.answer, 6))
                    )
                    text.append(" ")
                text.append_text(subscripted(quiz.explanation))
                field = self.query_one(Input)
                if not field.value and isinstance(answer.value, int | float):
                    field.value = format_decimal(float(answer.value), 6, group=False)
            feedback.set_classes("quiz-feedback " + ("-right" if answer.correct else "-wrong"))
        feedback.update(text)
