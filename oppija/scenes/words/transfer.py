"""Transfer learning's readout: epoch, each run's error and accuracy, the outcome."""

from __future__ import annotations

from oppija.i18n import N_, _, format_decimal, format_integer, format_percent
from oppija.sims.transfer import TransferLearning
from oppija.text import ascii_spelling

MODE_NAMES = {"all": N_("all layers"), "last": N_("only the last layer")}


def transfer_readout(simulation: TransferLearning, ascii_only: bool = False) -> list[str]:
    """Epoch, each run's training error and test accuracy, then the outcome."""
    error = "𝓔"  # spelt E in ASCII with the rest of the lines
    tuned, scratch = simulation.runs["fine_tuned"], simulation.runs["scratch"]
    lines = [
        _("Epoch {epoch}").format(epoch=format_integer(simulation.epoch)),
        _("Fine-tuned ({mode}): {error} = {loss}, accuracy on new points {accuracy}").format(
            mode=_(MODE_NAMES[simulation.params.mode]),
            error=error,
            loss=format_decimal(tuned.losses[-1], 4),
            accuracy=format_percent(tuned.test_accuracies[-1]),
        ),
        _("From scratch: {error} = {loss}, accuracy on new points {accuracy}").format(
            error=error,
            loss=format_decimal(scratch.losses[-1], 4),
            accuracy=format_percent(scratch.test_accuracies[-1]),
        ),
        simulation.status_message or _("Training is running."),
    ]
    if ascii_only:
        return [ascii_spelling(line) for line in lines]
    return lines
