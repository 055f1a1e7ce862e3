"""Checking a demo's settings against its schema in the registry.

Typed text (``--set lr=0,1``, a lesson's ``lr: 0,1``, a value typed into a widget) and values
that are already typed (a widget's ``+`` key) both go through :func:`check_param`, so the
command line, the lessons and the widgets accept and refuse the same things with the same
translated messages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from oppija.i18n import _, format_decimal, format_integer, ngettext, parse_number, parse_numbers
from oppija.sims.params import DemoSettingError, ParamSpec
from oppija.sims.registry import DEMOS, known_kinds
from oppija.text.excerpt import excerpt


def format_bound(value: float, spec: ParamSpec) -> str:
    """A range bound in the active language's notation (0,0001 in Estonian)."""
    if spec.type == "integer" or float(value).is_integer():
        return format_integer(int(value))
    return format_decimal(value, digits=6)


def format_value(value: object) -> str:
    """A parsed parameter value as text for messages (numbers in the active language)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_integer(value)
    if isinstance(value, float):
        return format_decimal(value, digits=6)
    if isinstance(value, tuple):
        return " ".join(format_value(item) for item in value)
    text = getattr(value, "text", None)  # a Formula
    return text if isinstance(text, str) else str(value)


def comparable(value: object) -> object:
    """A value to compare two parsed parameters by: formulas compare by their parsed tree."""
    tree = getattr(value, "tree", None)
    if tree is not None:
        return ("formula", getattr(value, "variables", ()), tree)
    return value


def _range_error(key: str, spec: ParamSpec, shown: str) -> ValueError:
    assert spec.min is not None and spec.max is not None
    return ValueError(
        _("“{key}” must be between {min} and {max}, not {value}").format(
            key=key,
            min=format_bound(spec.min, spec),
            max=format_bound(spec.max, spec),
            value=excerpt(shown),
        )
    )


def _in_range(value: float, spec: ParamSpec) -> bool:
    return (spec.min is None or value >= spec.min) and (spec.max is None or value <= spec.max)


def _parse_integer(key: str, text: str, spec: ParamSpec) -> int:
    try:
        number = parse_number(text)
    except ValueError:
        raise ValueError(_("“{text}” is not a whole number").format(text=excerpt(text))) from None
    if not number.is_integer():
        raise ValueError(_("“{text}” is not a whole number").format(text=excerpt(text)))
    if not _in_range(number, spec):
        raise _range_error(key, spec, text)
    return int(number)


def wrong_count(key: str, count: int, given: int) -> DemoSettingError:
    """The message for a list of ``given`` numbers where exactly ``count`` belong."""
    message = ngettext(
        "“{key}” needs exactly {count} number, not {given}",
        "“{key}” needs exactly {count} numbers, not {given}",
        count,
    )
    return DemoSettingError(
        message.format(key=key, count=format_integer(count), given=format_integer(given))
    )


def _check_count(key: str, given: int, spec: ParamSpec) -> None:
    """How many numbers a ``numbers`` parameter holds, within its ``count``."""
    least, most = spec.count or (1, 1_000)
    if least <= given <= most:
        return
    if least == most:
        raise wrong_count(key, least, given)
    raise ValueError(
        _("“{key}” needs from {least} to {most} numbers, not {given}").format(
            key=key,
            least=format_integer(least),
            most=format_integer(most),
            given=format_integer(given),
        )
    )


def _parse_numbers(key: str, text: str, spec: ParamSpec) -> tuple[float, ...]:
    values = parse_numbers(text)
    _check_count(key, len(values), spec)
    for value in values:
        if not _in_range(value, spec):
            raise _range_error(key, spec, format_value(value))
    return tuple(values)


def _parse_formula(key: str, text: str, spec: ParamSpec) -> object:
    from oppija.expr import FormulaError, parse_formula
    from oppija.sims.formula_messages import describe_formula_error

    try:
        return parse_formula(text, spec.variables)
    except FormulaError as error:
        message = describe_formula_error(error)
    except (RecursionError, MemoryError, ValueError, TypeError):
        message = _("The formula is too complex.")
    raise ValueError(_("bad formula in “{key}”: {message}").format(key=key, message=message))


def setting_spec(kind: str, key: str) -> ParamSpec:
    """The schema's entry for setting ``key`` of demo ``kind``.

    Raises:
        DemoSettingError: translated, for an unknown demo kind or setting.
    """
    demo = DEMOS.get(kind)
    if demo is None:
        raise DemoSettingError(
            _("unknown demo kind “{kind}”; known kinds: {kinds}").format(
                kind=kind, kinds=known_kinds()
            )
        )
    spec = demo.settings.get(key)
    if spec is None:
        raise DemoSettingError(
            _("unknown parameter “{key}” for demo “{kind}”; known parameters: {keys}").format(
                key=key, kind=kind, keys=", ".join(demo.settings)
            )
        )
    return spec


def parse_param(kind: str, key: str, raw_text: str) -> object:
    """The typed value of parameter ``key`` of demo ``kind`` written as ``raw_text``.

    Raises:
        ValueError: with a translated message saying what is wrong (unknown demo or key,
            wrong type, out of range, unknown choice, a formula that cannot be used).
    """
    spec = setting_spec(kind, key)
    text = raw_text.strip()
    if not text:
        raise ValueError(_("“{key}” has no value").format(key=key))
    if spec.type == "number":
        value = parse_number(text)
        if not _in_range(value, spec):
            raise _range_error(key, spec, text)
        return value
    if spec.type == "integer":
        return _parse_integer(key, text, spec)
    if spec.type == "numbers":
        return _parse_numbers(key, text, spec)
    if spec.type == "choice":
        if text not in spec.choices:
            raise ValueError(
                _("unknown value “{value}” for “{key}”; choose one of: {choices}").format(
                    value=excerpt(text), key=key, choices=", ".join(spec.choices)
                )
            )
        return text
    if spec.type == "formula":
        return _parse_formula(key, text, spec)
    limit = spec.max_length if spec.max_length is not None else math.inf
    if len(text) > limit:
        count = int(limit)
        raise ValueError(
            ngettext(
                "“{key}” can be at most {count} character long",
                "“{key}” can be at most {count} characters long",
                count,
            ).format(key=key, count=format_integer(count))
        )
    return text


def check_param(kind: str, key: str, value: object) -> object:
    """An already-typed value (a lesson's number, a widget's ``+`` key) checked by the rules and
    with the messages :func:`parse_param` uses for text; text itself goes through it.

    Raises:
        ValueError: translated, as :func:`parse_param`, or for a value of the wrong kind.
    """
    if isinstance(value, str):
        return parse_param(kind, key, value)
    spec = setting_spec(kind, key)
    if spec.type == "number":
        return _checked_number(key, value, spec)
    if spec.type == "integer":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong_kind(key)
        if not _in_range(value, spec):
            raise _range_error(key, spec, format_value(value))
        return value
    if spec.type == "numbers":
        if not isinstance(value, tuple | list):
            raise _wrong_kind(key)
        numbers = tuple(_checked_number(key, item, spec) for item in value)
        _check_count(key, len(numbers), spec)
        return numbers
    if spec.type == "formula" and hasattr(value, "tree") and hasattr(value, "text"):
        if set(getattr(value, "variables", ())) <= set(spec.variables):
            return value
        return parse_param(kind, key, value.text)  # words the unknown-name message
    raise _wrong_kind(key)


def _checked_number(key: str, value: object, spec: ParamSpec) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_kind(key)
    try:
        number = float(value)
    except OverflowError:  # a whole number beyond any float (JSON allows it)
        raise ValueError(_("“{text}” is too large").format(text=excerpt(str(value)))) from None
    if not math.isfinite(number):
        raise ValueError(_("“{text}” is not a number").format(text=str(value)))
    if not _in_range(number, spec):
        raise _range_error(key, spec, format_value(number))
    return number


def _wrong_kind(key: str) -> ValueError:
    return ValueError(_("“{key}” has a value of the wrong kind").format(key=key))


def checked_value(kind: str, key: str, value: object) -> object:
    """``value`` for setting ``key`` of demo ``kind``, checked; text is parsed first.

    Raises:
        DemoSettingError: with a translated message (unknown key, wrong kind of value, out of
            range, unknown choice, a formula that cannot be used).
    """
    try:
        return check_param(kind, key, value)
    except DemoSettingError:
        raise
    except ValueError as error:
        raise DemoSettingError(str(error)) from None


def checked_number(kind: str, key: str, value: object) -> float:
    """A number setting (typed text or a number), checked: its value as a float."""
    checked = checked_value(kind, key, value)
    if isinstance(checked, bool) or not isinstance(checked, int | float):
        raise DemoSettingError(_("“{key}” has a value of the wrong kind").format(key=key))
    return float(checked)


def checked_numbers(kind: str, key: str, value: object) -> tuple[float, ...]:
    """A numbers setting (typed text or numbers), checked: its values as floats."""
    return numbers(checked_value(kind, key, value))


def numbers(value: object) -> tuple[float, ...]:
    """A checked ``numbers`` setting as floats (the schema let through numbers only)."""
    if not isinstance(value, tuple | list):
        raise DemoSettingError(_("“{key}” has a value of the wrong kind").format(key="numbers"))
    return tuple(float(item) for item in value)


def checked_settings(kind: str, values: Mapping[str, object]) -> dict[str, object]:
    """Every setting checked with :func:`checked_value`, in the given order."""
    return {key: checked_value(kind, key, value) for key, value in values.items()}


def parsed_settings(kind: str, texts: Mapping[str, str]) -> dict[str, object]:
    """Settings typed as text (``{"lr": "0,1"}``) as typed, checked values."""
    return {key: checked_value(kind, key, str(text)) for key, text in texts.items()}


__all__ = [
    "DemoSettingError",
    "checked_number",
    "checked_numbers",
    "checked_settings",
    "checked_value",
    "comparable",
    "format_value",
    "numbers",
    "parse_param",
    "parsed_settings",
    "setting_spec",
    "wrong_count",
]
