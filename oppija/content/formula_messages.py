"""What a :class:`~oppija.expr.FormulaError` means, in the active language.

The engine reports a formula error as a code with parameters; this table turns it into a
sentence through gettext, so that lesson checks and the interface explain it the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oppija.i18n import N_, _

if TYPE_CHECKING:
    from oppija.expr import FormulaError

# One English message id per FormulaError code. ``{column}`` is the 1-based column in the
# formula's text; tuple parameters are joined by ", ".
FORMULA_MESSAGES: dict[str, str] = {
    "empty": N_("The formula is empty."),
    "too_long": N_("The formula is too long (more than {limit} characters)."),
    "bad_character": N_("The character “{char}” cannot be used in a formula (column {column})."),
    "too_deep": N_("The formula is nested too deeply (column {column}); at most {limit} levels."),
    "too_complex": N_("The formula is too complex."),
    "syntax": N_("Syntax error at column {column}."),
    "syntax_somewhere": N_("The formula has a syntax error."),
    "ambiguous": N_(
        "The product at column {column} is ambiguous: write out the multiplication and the "
        "parentheses, for example 1/(2*x) or 2^(3*x)."
    ),
    "unknown_name": N_(
        "Unknown name “{name}” (column {column}). Allowed variables: {variables}; "
        "constants: {constants}."
    ),
    "unknown_function": N_(
        "Unknown function “{name}” (column {column}). Allowed functions: {functions}."
    ),
    "bare_function": N_(
        "The function “{name}” needs an argument in parentheses, for example {example} "
        "(column {column})."
    ),
    "arity": N_("The function “{name}” takes exactly one argument (column {column})."),
    "operator": N_(
        "The operation “{op}” cannot be used in a formula (column {column}). "
        "Allowed operations: + - * / ^."
    ),
    "not_allowed": N_("This cannot be used in a formula: “{what}” (column {column})."),
    "missing_variable": N_("The variable “{name}” has no value."),
}


def describe_formula_error(error: FormulaError) -> str:
    """The error as one translated sentence (the engine's own text for an unknown code)."""
    template = FORMULA_MESSAGES.get(error.code)
    if template is None:
        return str(error)
    try:
        return error.message(_(template))
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder
        try:
            return error.message(template)
        except (KeyError, IndexError, ValueError):
            return str(error)
