"""Checking a demo's settings against the lesson format's parameter table.

Typed text (``--set lr=0,1``, a value typed into a widget) and values that are already typed
(a lesson's demo block, a widget's ``+`` key) both go through
:func:`oppija.content.demos.check_param`, so the command line, the lessons and the widgets accept
and refuse the same things with the same translated messages.
"""

from __future__ import annotations

from collections.abc import Mapping

from oppija.content.demos import check_param


class DemoSettingError(ValueError):
    """A demo name, setting or value that cannot be used; ``str()`` is a translated sentence."""


def checked_value(kind: str, key: str, value: object) -> object:
    """``value`` for setting ``key`` of demo ``kind``, checked; text is parsed first.

    Raises:
        DemoSettingError: with a translated message (unknown key, wrong kind of value, out of
            range, unknown choice, a formula that cannot be used).
    """
    try:
        return check_param(kind, key, value)
    except ValueError as error:
        raise DemoSettingError(str(error)) from None


def checked_settings(kind: str, values: Mapping[str, object]) -> dict[str, object]:
    """Every setting checked with :func:`checked_value`, in the given order."""
    return {key: checked_value(kind, key, value) for key, value in values.items()}


def parsed_settings(kind: str, texts: Mapping[str, str]) -> dict[str, object]:
    """Settings typed as text (``{"lr": "0,1"}``) as typed, checked values."""
    return {key: checked_value(kind, key, str(text)) for key, text in texts.items()}
