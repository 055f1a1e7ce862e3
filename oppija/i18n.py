"""The active language: gettext for UI strings, Babel for numbers, parsing of typed numbers.

Estonian is the default whatever the system locale says; ``--lang`` or ``OPPIJA_LANG`` choose
another. Strings in the code are English message ids; the ``et`` catalog holds their Estonian.
"""

from __future__ import annotations

import gettext as _gettext
import math
import os
import re
from collections.abc import Callable

from oppija.resources import locales_dir
from oppija.text.excerpt import excerpt

DOMAIN = "oppija"
LANGUAGES = ("et", "en")
DEFAULT_LANGUAGE = "et"

_translations: dict[str, _gettext.NullTranslations] = {}
_language = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def _catalog(language: str) -> _gettext.NullTranslations:
    if language not in _translations:
        _translations[language] = _gettext.translation(
            DOMAIN, localedir=str(locales_dir()), languages=[language], fallback=True
        )
    return _translations[language]


def normalise_language(value: str | None) -> str | None:
    """'ET', 'et_EE.UTF-8' and 'et' are all Estonian; None when the value is no known language."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else None


def language_from_environment() -> str:
    """``OPPIJA_LANG`` if it names a known language, else Estonian (never the system locale)."""
    return normalise_language(os.environ.get("OPPIJA_LANG")) or DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Switch every later string and number to ``language`` ('et' or 'en')."""
    global _language
    code = normalise_language(language)
    if code is None:
        raise ValueError(language)
    _language = code
    for listener in list(_listeners):
        listener(code)


def current_language() -> str:
    return _language


def on_language_change(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener(language)`` after every switch (the TUI re-renders on it), until the
    returned function is called: an app that has ended must not be asked to re-render."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


def gettext(message: str) -> str:
    """The message in the active language."""
    return _catalog(_language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for the count ``n``, in the active language."""
    return _catalog(_language).ngettext(singular, plural, n)


def N_(message: str) -> str:  # the gettext convention: mark now, translate later
    """Mark a string for extraction without translating it yet."""
    return message


_ = gettext


# ------------------------------------------------------------------- numbers
HUGE = 1e15  # from here on numbers are written 1,23e40: all those digits would say nothing


def format_scientific(value: float) -> str:
    """'1,23e40' in Estonian, '1.23e40' in English (a diverged descent reaches such numbers)."""
    mantissa, exponent = f"{value:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    text = f"{mantissa}e{int(exponent)}"
    if _language == "et":
        return text.replace(".", ",").replace("-", "−")
    return text


def _quick_fixed(value: float, digits: int, percent: bool = False) -> str | None:
    """``value`` with exactly ``digits`` decimals without Babel, or None where Babel is needed.

    Babel costs tens of microseconds a number and a running demo writes dozens each frame.
    Below 1000 nothing is grouped, so the number is rounded as Babel rounds it (half to even,
    on the shortest decimal) and given the language's decimal sign and minus. A number that
    rounds to zero has no sign: −0,00 would read as a number below zero.
    """
    if not 0 <= digits < len(_QUANTA) or not abs(value * 100 if percent else value) < 999.5:
        return None
    from decimal import ROUND_HALF_EVEN, Decimal

    exact = Decimal(repr(float(value) + 0.0))
    if percent:
        exact = exact.scaleb(2)  # ×100 exactly, as Babel does: 0,575 is 57,5 %, not 57,49…
    text = format(exact.quantize(Decimal(_QUANTA[digits]), ROUND_HALF_EVEN), "f")
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return text.replace(".", ",").replace("-", "−") if _language == "et" else text


_QUANTA = tuple(f"1e-{digits}" for digits in range(13))  # quantize to 0 … 12 decimals


def format_decimal(value: float, digits: int = 2, group: bool = True) -> str:
    """A number with at most ``digits`` decimals in the active language: 0,01 and 12 345,6."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if abs(value) >= HUGE:
        return format_scientific(value)
    quick = _quick_fixed(value, digits)
    if quick is not None:
        return quick.rstrip("0").rstrip(".,") if "." in quick or "," in quick else quick
    from babel.numbers import format_decimal as babel_decimal

    pattern = ("#,##0" if group else "0") + ("." + "#" * digits if digits > 0 else "")
    text = babel_decimal(value, format=pattern, locale=_language, group_separator=group)
    return text.replace("-", "−") if _language == "et" else text


def format_fixed(value: float, digits: int = 2) -> str:
    """A number with exactly ``digits`` decimals (for columns of numbers that line up)."""
    if not math.isfinite(value) or abs(value) >= HUGE:
        return format_decimal(value)
    quick = _quick_fixed(value, digits)
    if quick is not None:
        return quick
    from babel.numbers import format_decimal as babel_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    text = babel_decimal(value, format=pattern, locale=_language)
    return text.replace("-", "−") if _language == "et" else text


def format_percent(fraction: float, digits: int = 0) -> str:
    """A fraction as a percentage in the active language (Estonian: '12 %')."""
    quick = _quick_fixed(fraction, digits, percent=True) if math.isfinite(fraction) else None
    if quick is not None:
        return quick + ("%" if _language == "en" else " %")
    from babel.numbers import format_percent as babel_percent

    pattern = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    if _language == "en":
        pattern = pattern.replace(" %", "%")
    return babel_percent(fraction, format=pattern, locale=_language)


# How Babel (CLDR) groups a whole number's digits in each language: every three, with this sign.
_GROUP_SIGNS = {"et": "\u00a0", "en": ","}


def format_integer(value: int) -> str:
    """A whole number with the active language's digit grouping (Estonian: 12 345).

    Grouped here as Babel groups it (tests/i18n compare the two), every digit exact however
    long the number: loading Babel's locale data for a readout's step count held some 4 MiB in
    every learner's process.
    """
    if -1000 < value < 1000:  # no grouping in either language
        return str(value).replace("-", "−") if _language == "et" else str(value)
    sign = _GROUP_SIGNS.get(_language)
    if sign is not None:
        return f"{value:,}".replace(",", sign)
    import decimal

    from babel.numbers import format_decimal as babel_decimal

    with decimal.localcontext() as context:  # Babel rounds in the context: 28 digits by default
        context.prec = max(context.prec, len(str(abs(value))) + 1)
        return babel_decimal(value, format="#,##0", locale=_language)


_NUMBER = re.compile(r"^[+\-−]?(\d+([.,]\d*)?|[.,]\d+)([eE][+\-−]?\d+)?$")
# Spaces that group digits (Babel writes 12 345 with a no-break space; thin, narrow no-break and
# figure spaces come in pasted text): inside one number, never between two numbers.
_GROUPING_SPACES = "\u00a0\u2007\u2009\u202f"
_LIST_SEPARATORS = re.compile(rf"(?:;|[^\S{_GROUPING_SPACES}])+")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})  # minus sign; a word processor's dash


def parse_number(text: str) -> float:
    """A number typed with a decimal comma or point ('0,01', '-1.5', '1e-3').

    Raises:
        ValueError: with a translated message when the text is not a finite number.
    """
    cleaned = re.sub(rf"[ {_GROUPING_SPACES}]", "", text.strip()).translate(_MINUS_SIGNS)
    if not _NUMBER.match(cleaned):
        raise ValueError(_("“{text}” is not a number").format(text=excerpt(text.strip())))
    value = float(cleaned.replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(_("“{text}” is too large").format(text=excerpt(text.strip())))
    return value


def parse_numbers(text: str) -> list[float]:
    """A list of numbers separated by spaces or ';' ('1 2,5 3' or '1; 2,5; 3').

    A no-break or thin space groups digits instead ('12 345' as Babel writes it is one number).
    """
    parts = [p for p in _LIST_SEPARATORS.split(text.strip()) if p.strip(_GROUPING_SPACES)]
    if not parts:
        raise ValueError(_("Type at least one number"))
    return [parse_number(p) for p in parts]
