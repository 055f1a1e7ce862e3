"""Checking a demo's settings against the lesson format's parameter table.

Typed text (``--set lr=0,1``, a value typed into a widget) goes through
:func:`oppija.content.demos.parse_param`, so the command line, the lessons and the widgets accept
and refuse the same things with the same translated messages. Values that are already typed
(a lesson's demo block, a widget's ``+`` key) are checked against the same table here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from oppija.content.demos import DEMO_KINDS, ParamSpec, format_bound, format_value, parse_param
from oppija.engine.expr import Formula
from oppija.i18n import _, format_integer, ngettext


class DemoSettingError(ValueError):
    """A demo name, setting or value that cannot be used; ``str()`` is a translated sentence."""


def _range_error(key: str, spec: ParamSpec, value: object) -> DemoSettingError:
    assert spec.min is not None and spec.max is not None
    # The same message id as the lesson checker's, so it is translated once.
    return DemoSettingError(
        _("“{key}” must be between {min} and {max}, not {value}").format(
            key=key,
            min=format_bound(spec.min, spec),
            max=format_bound(spec.max, spec),
            value=format_value(value),
        )
    )


def _wrong_type(key: str) -> DemoSettingError:
    return DemoSettingError(_("“{key}” has a value of the wrong kind").format(key=key))


def _in_range(value: float, spec: ParamSpec) -> bool:
    return (spec.min is None or value >= spec.min) and (spec.max is None or value <= spec.max)


def _number(key: str, value: object, spec: ParamSpec) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type(key)
    number = float(value)
    if not math.isfinite(number):
        raise DemoSettingError(_("“{text}” is not a number").format(text=str(value)))
    if not _in_range(number, spec):
        raise _range_error(key, spec, number)
    return number


def _integer(key: str, value: object, spec: ParamSpec) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type(key)
    if not _in_range(value, spec):
        raise _range_error(key, spec, value)
    return value


def _numbers(key: str, value: object, spec: ParamSpec) -> tuple[float, ...]:
    if not isinstance(value, tuple | list):
        raise _wrong_type(key)
    numbers = tuple(_number(key, item, ParamSpec("number", spec.min, spec.max)) for item in value)
    least, most = spec.count or (1, 1_000)
    if not least <= len(numbers) <= most:
        if least == most:
            message = ngettext(
                "“{key}” needs exactly {count} number, not {given}",
                "“{key}” needs exactly {count} numbers, not {given}",
                least,
            )
            raise DemoSettingError(
                message.format(
                    key=key, count=format_integer(least), given=format_integer(len(numbers))
                )
            )
        raise DemoSettingError(
            _("“{key}” needs from {least} to {most} numbers, not {given}").format(
                key=key,
                least=format_integer(least),
                most=format_integer(most),
                given=format_integer(len(numbers)),
            )
        )
    return numbers


def checked_value(kind: str, key: str, value: object) -> object:
    """``value`` for setting ``key`` of demo ``kind``, checked; text is parsed first.

    Raises:
        DemoSettingError: with a translated message (unknown key, wrong kind of value, out of
            range, unknown choice, a formula that cannot be used).
    """
    if isinstance(value, str):
        try:
            return parse_param(kind, key, value)
        except ValueError as error:
            raise DemoSettingError(str(error)) from None
    spec = DEMO_KINDS.get(kind, {}).get(key)
    if spec is None:
        return checked_value(kind, key, "?")  # parse_param words the "unknown" message
    if spec.type == "number":
        return _number(key, value, spec)
    if spec.type == "integer":
        return _integer(key, value, spec)
    if spec.type == "numbers":
        return _numbers(key, value, spec)
    if spec.type == "formula" and isinstance(value, Formula):
        if not set(value.variables) <= set(spec.variables):
            return checked_value(kind, key, value.text)  # words the unknown-name message
        return value
    raise _wrong_type(key)


def checked_settings(kind: str, values: Mapping[str, object]) -> dict[str, object]:
    """Every setting checked with :func:`checked_value`, in the given order."""
    return {key: checked_value(kind, key, value) for key, value in values.items()}


def parsed_settings(kind: str, texts: Mapping[str, str]) -> dict[str, object]:
    """Settings typed as text (``{"lr": "0,1"}``) as typed, checked values."""
    return {key: checked_value(kind, key, str(text)) for key, text in texts.items()}
