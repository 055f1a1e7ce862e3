"""The ``key: value`` lines of one ``::: quiz`` block → a :class:`~oppija.content.model.Quiz`.

The keys decide the kind of question (choice, number or open); mixing them, leaving out what
the kind needs or giving a key twice is reported at the line it happens on.
"""

from __future__ import annotations

from dataclasses import dataclass

from oppija.content.model import Choice, Quiz, QuizKind
from oppija.content.reading import Reporter
from oppija.i18n import _, parse_number
from oppija.text.excerpt import excerpt

QUIZ_KEYS = ("question", "choice", "choice*", "why", "answer", "tolerance", "model")
_QUIZ_KIND_OF: dict[str, QuizKind] = {
    "choice": "choice",
    "choice*": "choice",
    "answer": "number",
    "tolerance": "number",
    "model": "open",
}


@dataclass
class _Draft:
    text: str
    correct: bool
    line: int
    why: str | None = None
    why_line: int = 0


class QuizReader:
    """The ``key: value`` lines of one ``::: quiz`` block → a :class:`Quiz` (or problems)."""

    def __init__(self, reporter: Reporter, line: int, lines: list[tuple[int, str]]) -> None:
        self.r = reporter
        self.line = line
        self.lines = lines
        self.seen: dict[str, int] = {}
        self.kind: QuizKind | None = None
        self.kind_key = ""
        self.kind_line = 0
        self.choices: list[_Draft] = []
        self.values: dict[str, str] = {}
        self.answer: float | None = None
        self.tolerance = 0.0

    def _once(self, key: str, number: int) -> bool:
        if key in self.seen:
            self.r.add(
                number,
                _("“{key}:” is given twice (first at line {line})").format(
                    key=key, line=self.seen[key]
                ),
            )
            return False
        self.seen[key] = number
        return True

    def _number(self, key: str, value: str, number: int) -> float | None:
        """The number written once at line ``number``; None (and a problem) otherwise."""
        if not self._once(key, number):
            return None
        try:
            return parse_number(value)
        except ValueError as error:
            self.r.add(number, str(error))
            return None

    def _not_empty(self, key: str, value: str, number: int) -> bool:
        if value:
            return True
        self.r.add(number, _("“{key}:” is empty").format(key=key))
        return False

    def read(self, ident: str) -> Quiz | None:
        """The quiz with id ``ident``, or None when it has no answer of any kind."""
        r, line = self.r, self.line
        for key, value, number in r.fields(self.lines):
            if key not in QUIZ_KEYS:
                r.add(
                    number,
                    _("unknown quiz key “{key}”; known keys: {keys}").format(
                        key=excerpt(key), keys=", ".join(QUIZ_KEYS)
                    ),
                )
                continue
            kind = _QUIZ_KIND_OF.get(key)
            if kind is not None:
                if self.kind is None:
                    self.kind, self.kind_key, self.kind_line = kind, key, number
                elif kind != self.kind:
                    r.add(
                        number,
                        _(
                            "“{key}:” cannot be mixed with “{other}:” (line {line}): a quiz is "
                            "either a choice, a number or an open question"
                        ).format(key=key, other=self.kind_key, line=self.kind_line),
                    )
                    continue
            self._field(key, value, number)
        return self._build(ident, line)

    def _field(self, key: str, value: str, number: int) -> None:
        r = self.r
        if key in ("choice", "choice*"):
            self._not_empty(key, value, number)
            self.choices.append(_Draft(value, key == "choice*", number))
        elif key == "why" and self.choices:
            last = self.choices[-1]
            if last.why is not None:
                r.add(
                    number,
                    _(
                        "this choice already has a “why:” (line {line}); "
                        "each choice has exactly one"
                    ).format(line=last.why_line),
                )
            elif self._not_empty(key, value, number):
                last.why, last.why_line = value, number
        elif key == "answer":
            answer = self._number(key, value, number)
            if answer is not None:
                self.answer = answer
        elif key == "tolerance":
            tolerance = self._number(key, value, number)
            if tolerance is not None:
                self.tolerance = tolerance
                if tolerance < 0:
                    r.add(number, _("“tolerance:” must be 0 or more"))
        elif self._once(key, number) and self._not_empty(key, value, number):
            self.values[key] = value  # question, model, or the why of a number question

    def _build(self, ident: str, line: int) -> Quiz | None:
        r = self.r
        if "question" not in self.seen:
            r.add(line, _("the quiz has no “question:”"))
        if self.kind is None:
            r.add(
                line, _("the quiz has no answer: add “choice:” lines, an “answer:” or a “model:”")
            )
            return None
        why_line = self.seen.get("why")
        if self.kind == "choice":
            self._check_choices(line, why_line)
        elif self.kind == "number":
            self._check_number(line, why_line)
        elif why_line is not None:
            r.add(
                why_line,
                _("an open question has no “why:”: write the model answer in “model:”"),
            )
        # Keys of another kind never got here, so each kind's fields are empty for the others.
        return Quiz(
            ident,
            self.kind,
            self.values.get("question", ""),
            choices=tuple(
                Choice(draft.text, draft.correct, draft.why or "", draft.line)
                for draft in self.choices
            ),
            answer=self.answer,
            tolerance=self.tolerance,
            explanation=self.values.get("why", "") if self.kind == "number" else "",
            model_answer=self.values.get("model", ""),
            line=line,
            key_lines=tuple(self.seen.items()),
        )

    def _check_choices(self, line: int, why_line: int | None) -> None:
        r = self.r
        if why_line is not None:
            r.add(why_line, _("“why:” must follow a “choice:” line"))
        if len(self.choices) < 2:
            r.add(line, _("a choice question needs at least two choices"))
        for draft in self.choices:
            if draft.why is None:
                r.add(
                    draft.line,
                    _(
                        "this choice has no “why:” line after it "
                        "(the explanation shown after answering)"
                    ),
                )
        right = [draft for draft in self.choices if draft.correct]
        if not right:
            r.add(line, _("no right answer: mark exactly one choice with “choice*:”"))
        elif len(right) > 1:
            r.add(
                right[1].line,
                _(
                    "a second right answer (the first is at line {line}): mark exactly one "
                    "choice with “choice*:”"
                ).format(line=right[0].line),
            )

    def _check_number(self, line: int, why_line: int | None) -> None:
        if "answer" not in self.seen:
            self.r.add(line, _("the number question has no “answer:”"))
        if why_line is None:
            self.r.add(
                line,
                _("the number question has no “why:” (the explanation shown after answering)"),
            )
