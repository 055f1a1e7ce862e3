"""The recurrent network in sentences: which weights, the inputs one-hot, each time step's
sums with their numbers, the guesses, and how the gradient fades or grows back through time."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from oppija.arrays import Array
from oppija.i18n import N_, _, format_integer
from oppija.scenes.words.status import status_line
from oppija.sims.rnn import RecurrentNetwork
from oppija.text import ascii_spelling, subscript
from oppija.text.numbers import decimal, short

PHASE_NAMES = {
    "rolled": N_("Rolled up"),
    "forward": N_("Forward in time"),
    "backward": N_("Backward through time"),
}


def vector(values: Sequence[float] | Array, digits: int = 3) -> str:
    """A vector as the lecture writes it: (0,731; 0,5), in the active number format."""
    return "(" + "; ".join(short_digits(float(v), digits) for v in np.ravel(values)) + ")"


def short_digits(value: float, digits: int) -> str:
    return short(value) if digits == 3 else decimal(value, digits)


def letter_text(letter: str) -> str:
    """A letter in Estonian quotes; a space is shown as ␣ so that it can be seen."""
    return f"„{'␣' if letter == ' ' else letter}“"


def mode_line(simulation: RecurrentNetwork) -> str:
    """Which weights these are, as the picture says it."""
    if simulation.given_weights:
        return _("weights given: {weights}").format(
            weights=", ".join(
                f"{k} = {vector(v)}" if v.size > 1 else f"{k} = {short(float(v.ravel()[0]))}"
                for k, v in simulation.weights.items()
            )
        )
    if simulation.params.mode == "trained":
        return _("weights trained to predict the next letter (error {before} → {after})").format(
            before=short(simulation.training_losses[0]) if simulation.training_losses else "–",
            after=short(simulation.training_losses[1]) if simulation.training_losses else "–",
        )
    return _("weights random (seed {seed}), not learnt").format(
        seed=format_integer(simulation.params.seed)
    )


def input_legend(simulation: RecurrentNetwork, width: int = 1000) -> str:
    """How the letters become inputs, one-hot; in a narrow picture the order and one example."""
    if simulation.letters is None:
        return _("Inputs: {values}").format(
            values="; ".join(
                f"x{subscript(i + 1)} = {label}" for i, label in enumerate(simulation.labels)
            )
        )
    eye = np.eye(len(simulation.letters))
    onehots = "  ".join(
        f"{letter_text(letter)} = {vector(eye[k], 0)}"
        for k, letter in enumerate(simulation.letters)
    )
    legend = _("Letters one-hot: {onehots}").format(onehots=onehots)
    if len(legend) <= width:
        return legend
    first = simulation.labels[0]
    return _("Letters one-hot in the order {order}, so {example}").format(
        order=" ".join(simulation.letters),
        example=f"{letter_text(first)} = {vector(eye[simulation.letters.index(first)], 0)}",
    )


def rnn_lines(simulation: RecurrentNetwork, ascii_only: bool = False) -> list[str]:
    """The current step's sentences with their numbers."""
    if simulation.phase == "rolled":
        lines = _rolled_lines(simulation)
    elif simulation.phase == "forward":
        lines = _forward_lines(simulation, simulation.step_count)
    else:
        lines = _backward_lines(simulation)
    return [ascii_spelling(line) for line in lines] if ascii_only else lines


def _rolled_lines(simulation: RecurrentNetwork) -> list[str]:
    n, hidden = simulation.inputs.shape[1], simulation.weights["W"].shape[0]
    sizes = _("V is {n} × {h} (inputs × hidden units), W is {h} × {h}, U is {h} × {n}")
    return [
        _("The network rolled up: one cell, and its loop W carries h to the next step."),
        sizes.format(n=format_integer(n), h=format_integer(hidden)),
        _("Press n to unroll it one time step at a time."),
    ]


def _forward_lines(simulation: RecurrentNetwork, i: int) -> list[str]:
    u = simulation.unrolled
    s, p = subscript(i), subscript(i - 1)
    x = simulation.inputs[i - 1]
    head = _("Step {i} of {n}: input {label}, x{s} = {x}").format(
        i=format_integer(i),
        n=format_integer(simulation.length),
        label=letter_text(simulation.labels[i - 1])
        if simulation.letters
        else simulation.labels[i - 1],
        s=s,
        x=vector(x, 0) if simulation.letters else vector(x),
    )
    lines = [
        head,
        f"Vᵀx{s} + Wᵀh{p} = {vector(u.input_part[i - 1])} + {vector(u.recurrent_part[i - 1])}"
        f" = {vector(u.pre[i - 1])}",
        f"h{s} = σ{vector(u.pre[i - 1])} = {vector(u.hidden[i - 1])}",
        f"y{s} = σ(Uᵀh{s}) = {vector(u.outputs[i - 1])}",
    ]
    predictions = simulation.predictions()
    if predictions is not None:
        right = simulation.next_letters()[i - 1]
        if right is None:
            lines.append(
                _("The network guesses the next letter {guess}; the word ends here.").format(
                    guess=letter_text(predictions[i - 1])
                )
            )
        else:
            verdict = _("right") if predictions[i - 1] == right else _("wrong")
            lines.append(
                _("The network guesses the next letter {guess}; it is {right} ({verdict}).").format(
                    guess=letter_text(predictions[i - 1]),
                    right=letter_text(right),
                    verdict=verdict,
                )
            )
    earlier = simulation.same_input_before(i)
    if earlier is not None:
        before, now = u.hidden[earlier - 1], u.hidden[i - 1]
        alike = vector(before) == vector(now)
        message = (
            _(
                "Same input as in step {j}, and {hj} ≈ {hi}: the previous hidden states "
                "were almost the same."
            )
            if alike
            else _(
                "Same input as in step {j}, but {hj} and {hi} differ: "
                "the previous hidden state was different."
            )
        )
        lines.append(
            message.format(
                j=format_integer(earlier),
                hj=f"h{subscript(earlier)} = {vector(before)}",
                hi=f"h{s} = {vector(now)}",
            )
        )
    return lines


def _backward_lines(simulation: RecurrentNetwork) -> list[str]:
    norms = simulation.unrolled.gradient_norms
    last = subscript(simulation.length)
    lines = [
        _(
            "Backward through time: ‖∂h{T}/∂hᵢ‖, the size of the gradient of the last hidden "
            "state with respect to each earlier one (the engine's backward pass)."
        ).format(T=last)
    ]
    factors = simulation.step_factors()
    if factors.size:
        lines.append(
            _(
                "Each step back multiplies it by ∂hᵢ/∂hᵢ₋₁ = diag(hᵢ(1 − hᵢ))·Wᵀ; sizes: {sizes}"
            ).format(sizes="; ".join(short(float(f)) for f in factors))
        )
    if simulation.length >= 2:
        if norms[0] < norms[-1]:
            lines.append(
                _("From h{T} back to h₁ it shrinks to {value}: the gradient vanishes.").format(
                    T=last, value=short(float(norms[0]))
                )
            )
        else:
            lines.append(
                _("From h{T} back to h₁ it grows to {value}: the gradient explodes.").format(
                    T=last, value=short(float(norms[0]))
                )
            )
    lines.append(
        _("+ and − scale W (now W × {scale}).").format(scale=scale_text(simulation.w_scale))
    )
    return lines


def rnn_readout(simulation: RecurrentNetwork, ascii_only: bool = False) -> list[str]:
    """Where the run is (phase, step k of n, W's scale), the sentences, the status."""
    head = _("{phase}, step {k} of {n}").format(
        phase=_(PHASE_NAMES[simulation.phase]),
        k=format_integer(simulation.step_count),
        n=format_integer(simulation.total),
    )
    if simulation.w_scale != 1.0:
        head += f"  W × {scale_text(simulation.w_scale)}"
    lines = [head, *rnn_lines(simulation, ascii_only), status_line(simulation)]
    return [ascii_spelling(line) for line in lines] if ascii_only else lines


def scale_text(scale: float) -> str:
    """W's scale as a power of two: 2, 4, 1/2, 1/4."""
    if scale >= 1:
        return format_integer(round(scale))
    return f"1/{format_integer(round(1 / scale))}"
