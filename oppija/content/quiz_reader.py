"""The ``key: value`` lines of one ``::: quiz`` block → a :class:`~oppija.content.model.Quiz`.

The keys decide the kind of question (choice, number or open); mixing them, leaving out what
the kind needs or giving a key twice is reported at the line it happens on.
"""

from __future__ import annotations

from dataclasses import dataclass

from oppija.content.model import Choice, Quiz, QuizKind
from oppija.content.reading import Reporter
from oppija.i18n import _, parse_number

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
                        key=key, keys=", ".join(QUIZ_KEYS)
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
            if self._once(key, number):
                try:
                    self.answer = parse_number(value)
                except ValueError as error:
                    r.add(number, str(error))
        elif key == "tolerance":
            if self._once(key, number):
                try:
                    self.tolerance = parse_number(value)
                except ValueError as error:
                    r.add(number, str(error))
                    return
                if self.tolerance < 0:
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
        key_lines = tuple(self.seen.items())
        if self.kind == "choice":
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
            choices = tuple(
                Choice(draft.text, draft.correct, draft.why or "", draft.line)
                for draft in self.choices
            )
            return Quiz(
                ident,
                "choice",
                self.values.get("question", ""),
                choices=choices,
                line=line,
                key_lines=key_lines,
            )
        if self.kind == "number":
            if "answer" not in self.seen:
                r.add(line, _("the number question has no “answer:”"))
            if why_line is None:
                r.add(
                    line,
                    _("the number question has no “why:” (the explanation shown after answering)"),
                )
            return Quiz(
                ident,
                "number",
                self.values.get("question", ""),
                answer=self.answer,
                tolerance=self.tolerance,
                explanation=self.values.get("why", ""),
                line=line,
                key_lines=key_lines,
            )
        if why_line is not None:
            r.add(
                why_line,
                _("an open question has no “why:”: write the model answer in “model:”"),
            )
        return Quiz(
            ident,
            "open",
            self.values.get("question", ""),
            model_answer=self.values.get("model", ""),
            line=line,
            key_lines=key_lines,
        )
