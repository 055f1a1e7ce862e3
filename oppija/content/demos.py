"""The demos a lesson may place on a slide, and what each demo's parameters may be.

:data:`DEMO_KINDS` is the parameter table of the lesson format as data; :func:`parse_param`
turns the text a teacher wrote (``lr: 0,1``) into a typed value or a translated ``ValueError``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from oppija.i18n import _, format_decimal, format_integer, ngettext, parse_number, parse_numbers

ParamType = Literal["number", "integer", "choice", "numbers", "formula", "text"]


@dataclass(frozen=True)
class ParamSpec:
    """What one demo parameter may be.

    ``min``/``max`` bound a number, an integer, or each element of ``numbers``; ``count`` is the
    (least, most) number of elements of ``numbers``; ``variables`` are the names a ``formula``
    may use; ``max_length`` bounds a ``text``. ``default`` None means "the demo decides".
    """

    type: ParamType
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    count: tuple[int, int] | None = None
    variables: tuple[str, ...] = ()
    max_length: int | None = None
    default: object = None


SEED_MAX = 2**31 - 1

LR = ParamSpec("number", 0.0001, 10)
SEED = ParamSpec("integer", 0, SEED_MAX)
STEPS = ParamSpec("integer", 1, 100_000)
ACTIVATION = ParamSpec("choice", choices=("sigmoid", "tanh", "relu"))

DEMO_KINDS: dict[str, dict[str, ParamSpec]] = {
    "gd1d": {
        "preset": ParamSpec(
            "choice", choices=("bowl", "crawl", "good", "oscillate", "diverge", "two-minima")
        ),
        "function": ParamSpec("formula", variables=("x",)),
        "lr": LR,
        "start": ParamSpec("number", -100, 100),
        "steps": ParamSpec("integer", 1, 10_000),
    },
    "gd2d": {
        "preset": ParamSpec("choice", choices=("bowl", "valley", "saddle")),
        "function": ParamSpec("formula", variables=("x", "y")),
        "lr": LR,
        "start": ParamSpec("numbers", -100, 100, count=(2, 2)),
        "momentum": ParamSpec("number", 0, 0.999),
        "steps": ParamSpec("integer", 1, 10_000),
    },
    "linreg": {
        "lr": LR,
        "points": ParamSpec("integer", 2, 500),
        "noise": ParamSpec("number", 0, 10),
        "seed": SEED,
        "steps": STEPS,
    },
    "logreg": {
        "lr": LR,
        "points": ParamSpec("integer", 2, 500),
        "seed": SEED,
        "loss": ParamSpec("choice", choices=("mse", "cross-entropy")),
        "steps": STEPS,
    },
    "activations": {
        "function": ParamSpec("choice", choices=("sigmoid", "tanh", "relu")),
        "x": ParamSpec("number", -10, 10),
    },
    "backprop": {
        "hidden": ParamSpec("integer", 2, 3),
        "activation": ACTIVATION,
        "lr": LR,
        "inputs": ParamSpec("numbers", -10, 10, count=(2, 2)),
        "target": ParamSpec("number", -10, 10),
        "seed": SEED,
    },
    "playground": {
        "dataset": ParamSpec("choice", choices=("xor", "circle", "moons", "spiral")),
        "layers": ParamSpec("integer", 1, 3),
        "units": ParamSpec("integer", 1, 8),
        "activation": ACTIVATION,
        "lr": LR,
        "seed": SEED,
        "steps": STEPS,
    },
    "linear-maps": {
        "preset": ParamSpec(
            "choice",
            choices=(
                "rotation",
                "shear",
                "reflection",
                "scaling",
                "composition",
                "tanh",
                "translation",
            ),
        ),
        "matrix": ParamSpec("numbers", -10, 10, count=(4, 4)),
        "angle": ParamSpec("number", -360, 360),
    },
    "approximation": {
        "target": ParamSpec("choice", choices=("sin", "step", "abs")),
        "function": ParamSpec("formula", variables=("x",)),
        "units": ParamSpec("integer", 1, 20),
        "lr": LR,
        "steps": STEPS,
        "seed": SEED,
    },
    "transfer": {
        "mode": ParamSpec("choice", choices=("all", "last")),
        "seed": SEED,
        "steps": STEPS,
    },
    "softmax": {
        "logits": ParamSpec("numbers", -1000, 1000, count=(1, 10)),
        "temperature": ParamSpec("number", 0.01, 100),
        "target": ParamSpec("integer", 0, 9),
    },
    "rnn": {
        "word": ParamSpec("text", max_length=12),
        "hidden": ParamSpec("integer", 1, 8),
        "mode": ParamSpec("choice", choices=("seeded", "trained")),
        "seed": SEED,
    },
    "lstm": {
        "sequence": ParamSpec("numbers", -10, 10, count=(1, 12)),
        "hidden": ParamSpec("integer", 1, 8),
        "seed": SEED,
    },
    "conv": {
        "image": ParamSpec("choice", choices=("digit", "letter", "cross")),
        "kernel": ParamSpec(
            "choice", choices=("edge", "blur", "sharpen", "vertical", "horizontal")
        ),
        "weights": ParamSpec("numbers", -10, 10, count=(9, 9)),
        "stride": ParamSpec("integer", 1, 3),
        "padding": ParamSpec("integer", 0, 2),
    },
    "attention": {
        "heads": ParamSpec("integer", 1, 8),
        "task": ParamSpec("choice", choices=("copy", "reverse")),
        "sentence": ParamSpec("text", max_length=60),
        "seed": SEED,
    },
    # The computation graph of a typed expression (micrograd's draw_dot, in a terminal).
    "graph": {
        "function": ParamSpec("formula", variables=("x", "y")),
        "x": ParamSpec("number", -100, 100),
        "y": ParamSpec("number", -100, 100),
    },
}


def known_kinds() -> str:
    """The demo kinds, comma-separated, for messages."""
    return ", ".join(DEMO_KINDS)


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
            key=key, min=format_bound(spec.min, spec), max=format_bound(spec.max, spec), value=shown
        )
    )


def _in_range(value: float, spec: ParamSpec) -> bool:
    return (spec.min is None or value >= spec.min) and (spec.max is None or value <= spec.max)


def _parse_integer(key: str, text: str, spec: ParamSpec) -> int:
    try:
        number = parse_number(text)
    except ValueError:
        raise ValueError(_("“{text}” is not a whole number").format(text=text)) from None
    if not number.is_integer():
        raise ValueError(_("“{text}” is not a whole number").format(text=text))
    if not _in_range(number, spec):
        raise _range_error(key, spec, text)
    return int(number)


def _check_count(key: str, given: int, spec: ParamSpec) -> None:
    """How many numbers a ``numbers`` parameter holds, within its ``count``."""
    least, most = spec.count or (1, 1_000)
    if least <= given <= most:
        return
    if least == most:
        message = ngettext(
            "“{key}” needs exactly {count} number, not {given}",
            "“{key}” needs exactly {count} numbers, not {given}",
            least,
        )
        raise ValueError(
            message.format(key=key, count=format_integer(least), given=format_integer(given))
        )
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
    from oppija.content.formula_messages import describe_formula_error
    from oppija.expr import FormulaError, parse_formula

    try:
        return parse_formula(text, spec.variables)
    except FormulaError as error:
        message = describe_formula_error(error)
    except (RecursionError, MemoryError, ValueError, TypeError):
        message = _("The formula is too complex.")
    raise ValueError(_("bad formula in “{key}”: {message}").format(key=key, message=message))


def _spec(kind: str, key: str) -> ParamSpec:
    """The table's entry for ``key`` of demo ``kind``; a translated ``ValueError`` if none."""
    params = DEMO_KINDS.get(kind)
    if params is None:
        raise ValueError(
            _("unknown demo kind “{kind}”; known kinds: {kinds}").format(
                kind=kind, kinds=known_kinds()
            )
        )
    spec = params.get(key)
    if spec is None:
        raise ValueError(
            _("unknown parameter “{key}” for demo “{kind}”; known parameters: {keys}").format(
                key=key, kind=kind, keys=", ".join(params)
            )
        )
    return spec


def parse_param(kind: str, key: str, raw_text: str) -> object:
    """The typed value of parameter ``key`` of demo ``kind`` written as ``raw_text``.

    Raises:
        ValueError: with a translated message saying what is wrong (unknown demo or key,
            wrong type, out of range, unknown choice, a formula that cannot be used).
    """
    spec = _spec(kind, key)
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
                    value=text, key=key, choices=", ".join(spec.choices)
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
    spec = _spec(kind, key)
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
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(_("“{text}” is not a number").format(text=str(value)))
    if not _in_range(number, spec):
        raise _range_error(key, spec, format_value(number))
    return number


def _wrong_kind(key: str) -> ValueError:
    return ValueError(_("“{key}” has a value of the wrong kind").format(key=key))
