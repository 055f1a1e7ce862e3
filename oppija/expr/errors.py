"""Why a formula cannot be used: an error code, its parameters and the column it points at."""

from __future__ import annotations

from collections.abc import Mapping

# A parameter of a message: a name, a number, or a list of names (shown joined by ", ").
ParamValue = str | int | float | tuple[str, ...]

# Learner-facing messages in Estonian, one format string per error code: what ``str(error)``
# says. The interface shows the active language's version instead (oppija.content translates
# by ``code``, with English message ids in the gettext catalogs). ``{column}`` is the 1-based
# column in the learner's text; tuple parameters are shown joined by ", ".
MESSAGES: dict[str, str] = {
    "empty": "Valem on tühi.",
    "too_long": "Valem on liiga pikk (üle {limit} märgi).",
    "bad_character": "Märki „{char}“ ei saa valemis kasutada (veerg {column}).",
    "too_deep": "Valem on liiga sügavalt pesastatud (veerg {column}). "
    "Lubatud on kuni {limit} taset.",
    "too_complex": "Valem on liiga keeruline.",
    "syntax": "Süntaksiviga veerus {column}.",
    "syntax_somewhere": "Valemis on süntaksiviga.",
    "ambiguous": "Korrutis veerus {column} on kahemõtteline: kirjuta korrutusmärk ja sulud välja, "
    "näiteks 1/(2*x) või 2^(3*x).",
    "unknown_name": "Tundmatu nimi „{name}“ (veerg {column}). "
    "Lubatud muutujad: {variables}; konstandid: {constants}.",
    "unknown_function": "Tundmatu funktsioon „{name}“ (veerg {column}). "
    "Lubatud funktsioonid: {functions}.",
    "bare_function": "Funktsioon „{name}“ vajab argumenti sulgudes, näiteks {example} "
    "(veerg {column}).",
    "arity": "Funktsioon „{name}“ vajab täpselt ühte argumenti (veerg {column}).",
    "operator": "Tehet „{op}“ ei saa valemis kasutada (veerg {column}). Lubatud tehted: + - * / ^.",
    "not_allowed": "Seda ei saa valemis kasutada: „{what}“ (veerg {column}).",
    "missing_variable": "Muutujale „{name}“ pole väärtust antud.",
}


class FormulaError(Exception):
    """A formula that cannot be used: what went wrong (``code``, ``params``) and where.

    The code and the parameters let the interface explain the problem in any language;
    ``str()`` is the Estonian message from :data:`MESSAGES`.
    """

    def __init__(
        self,
        code: str,
        params: Mapping[str, ParamValue] | None = None,
        position: int | None = None,
    ) -> None:
        self.code = code
        self.params: dict[str, ParamValue] = dict(params or {})
        self.position = position  # 1-based column in the learner's text, or None
        super().__init__(self.message())

    def message(self, template: str | None = None) -> str:
        """The message filled in; pass a translated ``MESSAGES[code]`` to get another language."""
        values = {
            key: ", ".join(value) if isinstance(value, tuple) else value
            for key, value in self.params.items()
        }
        return (MESSAGES[self.code] if template is None else template).format(
            column=self.position, **values
        )

    def __reduce__(
        self,
    ) -> tuple[type[FormulaError], tuple[str, dict[str, ParamValue], int | None]]:
        """Pickle by code, parameters and position (the message is rebuilt from them)."""
        return (type(self), (self.code, self.params, self.position))
