"""The LSTM demo in words: the time step's numbers and what a unit's gates did."""

from __future__ import annotations

from oppija.i18n import _, format_integer, format_percent
from oppija.scenes.words.status import status_sentence
from oppija.sims.lstm import LSTMGates
from oppija.text import ascii_spelling
from oppija.text.numbers import decimal

# The equations' decimals: gates and states lie in (−1; 1) or near it, so three decimals are
# the number style's three significant digits (0,573, not 0,57); trailing zeros are dropped,
# so the slide's own example reads 0,9·2 + 0,1·0,5 = 1,85.
EQUATION_DECIMALS = 3


def equation_number(value: float) -> str:
    """A number of the equations, with at most :data:`EQUATION_DECIMALS` decimals."""
    return decimal(value, EQUATION_DECIMALS)


def lstm_readout(simulation: LSTMGates, ascii_only: bool = False) -> list[str]:
    """Time step, x, the memory c and the output h, then the status or the gates' sentence."""
    step = simulation.current
    lines = [f"t = {format_integer(simulation.step_count)}/{format_integer(simulation.length)}"]
    if step is not None:
        lines.append(f"x = {equation_number(step.x)}")
        for name in ("c", "h"):
            values = "; ".join(equation_number(float(v)) for v in step.gates[name])
            lines.append(f"{name} = ({values})")
    lines.append(status_sentence(simulation) or forget_sentence(simulation, 0))
    return [ascii_spelling(line) for line in lines] if ascii_only else lines


def forget_sentence(simulation: LSTMGates, unit: int) -> str:
    """What unit ``unit``'s forget and input gates did in the current step, in numbers."""
    step = simulation.current
    if step is None:
        return _("n reads the first number of the sequence; p steps back.")
    f = float(step.gates["f"][unit])
    written = float(step.gates["i"][unit] * step.gates["g"][unit])
    # " = " held together (no-break spaces): a wrapped line never leaves "f =" without its value
    return (
        _(
            "Unit {unit}: the forget gate keeps {kept} of the old memory c (f = {f}), the "
            "input gate adds i·g = {written}."
        )
        .replace(" = ", "\u00a0=\u00a0")
        .format(
            unit=format_integer(unit + 1),
            kept=format_percent(f),
            f=equation_number(f),
            written=equation_number(written),
        )
    )
