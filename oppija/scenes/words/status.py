"""Why a demo's run ended, in the active language: each :class:`~oppija.sims.demo.Ending` worded.

The simulations say how a run ended as a code and its numbers; the sentences are here, worded
when shown, so that a language switch rewords them and the numbers take the active format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from oppija.i18n import (
    N_,
    _,
    format_fixed,
    format_integer,
    format_percent,
    ngettext,
)
from oppija.sims.base import LOSS_BOUND_TEXT, TOLERANCE
from oppija.sims.demo import Demo
from oppija.sims.plain import Json
from oppija.text.number_style import significant

# How each status reads when a demo has no sentence for it.
STATUS_NAMES = {
    "running": N_("running"),
    "done": N_("done"),
    "converged": N_("converged"),
    "diverged": N_("diverged"),
}

# Sentences with no number, or with numbers that read as whole numbers ({step}, {steps}).
SENTENCES: dict[str, str] = {
    "numbers-undefined": N_("The numbers became infinite or undefined."),
    "sequence-read": N_("The whole sequence is read: p steps back, r starts again."),
    "too-large-to-draw": N_("The numbers grew too large: the network cannot be drawn."),
    "backward-through-time": N_("Backward through time: see how far back the gradient reaches."),
    "update-done": N_("One full update is done."),
    "feature-map-computed": N_("The whole feature map is computed."),
    "attention-steps-shown": N_("All five steps of attention are shown."),
    "output-complete": N_("The decoder wrote {end}: the output is complete."),
    "value-not-finite": N_("The value is not a finite number at this point."),
    "gradients-known": N_("Every gradient is known."),
    "target-undefined": N_("The target is not defined on −3 … 3."),
    "error-too-large": N_("The descent diverged: at step {step} the error became too large."),
    "step-limit": N_("The step limit ({steps}) was reached."),
    "bad-start": N_(
        "The descent diverged at once: at the start point the error is undefined or beyond {bound}."
    ),
    "numbers-undefined-at": N_(
        "The descent diverged: at step {step} the numbers became infinite or undefined."
    ),
    "error-beyond-bound": N_("The descent diverged: at step {step} the error grew beyond {bound}."),
    "gradient-undefined-at-start": N_(
        "The descent cannot start: at the start point the gradient is undefined (NaN), as the "
        "function has no derivative there (xʸ, for example, has none by y when x < 0)."
    ),
    "gradient-undefined": N_(
        "The descent stopped at step {step}: the gradient is undefined (NaN) there, as the "
        "function has no derivative at that point (xʸ, for example, has none by y when x < 0)."
    ),
    "gradient-infinite-at-start": N_(
        "The descent cannot start: at the start point the gradient is infinite, as the slope is "
        "vertical there (like that of √x at x = 0)."
    ),
    "gradient-infinite": N_(
        "The descent stopped at step {step}: the gradient is infinite there, as the slope is "
        "vertical at that point (like that of √x at x = 0)."
    ),
    "training-diverged": N_(
        "Training diverged at epoch {epoch}: the numbers became infinite or undefined."
    ),
    "training-diverged-try-smaller-rate": N_(
        "Training diverged at epoch {epoch}: the numbers became infinite or undefined. "
        "Try a smaller learning rate."
    ),
}


def _converged(numbers: Mapping[str, Json]) -> str:
    steps = _count(numbers, "step")
    return ngettext(
        "The descent converged after {steps} step: the step became shorter than {tolerance}.",
        "The descent converged after {steps} steps: the step became shorter than {tolerance}.",
        steps,
    ).format(steps=format_integer(steps), tolerance=significant(TOLERANCE, trailing_zeros=False))


def gradients_undefined(names: Sequence[str]) -> str:
    """Which variables' gradients are undefined (NaN) at this point, and why that is no mistake."""
    return ngettext(
        "The gradient by {names} is undefined (NaN) at this point: the function has no "
        "derivative by it there.",
        "The gradients by {names} are undefined (NaN) at this point: the function has no "
        "derivative by them there.",
        len(names),
    ).format(names=", ".join(names))


def _gradients_undefined(numbers: Mapping[str, Json]) -> str:
    names = numbers.get("names")
    return gradients_undefined([str(n) for n in names] if isinstance(names, list) else [])


def _epoch_limit(numbers: Mapping[str, Json]) -> str:
    epochs = _count(numbers, "epochs")
    return ngettext(
        "Training stopped after {epochs} epoch (the step limit).",
        "Training stopped after {epochs} epochs (the step limit).",
        epochs,
    ).format(epochs=format_integer(epochs))


def _certain(numbers: Mapping[str, Json]) -> str:
    return _("The right class has probability {p} ≥ {bound}: the error is almost 0.").format(
        p=format_fixed(_number(numbers, "p"), 3), bound=format_fixed(_number(numbers, "bound"), 2)
    )


def _pretraining(helped: bool) -> Callable[[Mapping[str, Json]], str]:
    def worded(numbers: Mapping[str, Json]) -> str:
        epochs = _count(numbers, "epochs")
        if helped:
            message = ngettext(
                "Pre-training helped: after {epochs} epoch the fine-tuned network classifies "
                "{fine} of new points correctly, the one trained from scratch {scratch}.",
                "Pre-training helped: after {epochs} epochs the fine-tuned network classifies "
                "{fine} of new points correctly, the one trained from scratch {scratch}.",
                epochs,
            )
        else:
            message = ngettext(
                "Pre-training did not help this time: after {epochs} epoch the fine-tuned "
                "network classifies {fine} of new points correctly, the one trained from "
                "scratch {scratch}.",
                "Pre-training did not help this time: after {epochs} epochs the fine-tuned "
                "network classifies {fine} of new points correctly, the one trained from "
                "scratch {scratch}.",
                epochs,
            )
        return message.format(
            epochs=format_integer(epochs),
            fine=format_percent(_number(numbers, "fine")),
            scratch=format_percent(_number(numbers, "scratch")),
        )

    return worded


# Sentences whose numbers need more than a whole number's format, or a plural.
WORDED: dict[str, Callable[[Mapping[str, Json]], str]] = {
    "converged": _converged,
    "gradients-undefined": _gradients_undefined,
    "epoch-limit": _epoch_limit,
    "right-class-certain": _certain,
    "pretraining-helped": _pretraining(helped=True),
    "pretraining-not-helped": _pretraining(helped=False),
}


def status_sentence(simulation: Demo) -> str:
    """Why ``simulation``'s run ended (or what it is doing), in the active language; "" if
    nothing is to be said."""
    ending = simulation.ending
    if ending is None:
        return ""
    worded = WORDED.get(ending.code)
    if worded is not None:
        return worded(ending.numbers)
    numbers = {
        key: format_integer(value) if isinstance(value, int) else str(value)
        for key, value in ending.numbers.items()
    }
    return _(SENTENCES[ending.code]).format(bound=LOSS_BOUND_TEXT, **numbers)


def status_line(simulation: Demo) -> str:
    """The run's status as the learner reads it: why it ended, or the status named."""
    return status_sentence(simulation) or _(STATUS_NAMES[simulation.status])


def _count(numbers: Mapping[str, Json], key: str) -> int:
    value = numbers.get(key)
    return value if isinstance(value, int) else 0


def _number(numbers: Mapping[str, Json], key: str) -> float:
    value = numbers.get(key)
    return float(value) if isinstance(value, int | float) else float("nan")


__all__ = [
    "SENTENCES",
    "STATUS_NAMES",
    "WORDED",
    "gradients_undefined",
    "status_line",
    "status_sentence",
]
