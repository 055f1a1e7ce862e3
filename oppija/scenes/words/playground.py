"""The playground's readout: epoch, error and accuracy on the training and test points."""

from __future__ import annotations

from oppija.i18n import _, format_decimal, format_integer, format_percent
from oppija.sims.playground import Playground
from oppija.text import ascii_spelling


def playground_readout(simulation: Playground, ascii_only: bool = False) -> list[str]:
    """Epoch, error and accuracy on the training and the test points, and the status."""
    error = "𝓔"  # spelt E in ASCII with the rest of the lines
    lines = [
        _("Epoch {epoch}").format(epoch=format_integer(simulation.epoch)),
        _("Training: {error} = {loss}, accuracy {accuracy}").format(
            error=error,
            loss=format_decimal(simulation.losses[-1], 4),
            accuracy=format_percent(simulation.train_accuracies[-1]),
        ),
        _("Test: {error} = {loss}, accuracy {accuracy}").format(
            error=error,
            loss=format_decimal(simulation.test_losses[-1], 4),
            accuracy=format_percent(simulation.test_accuracies[-1]),
        ),
        simulation.status_message or _("Training is running."),
    ]
    if ascii_only:
        return [ascii_spelling(line) for line in lines]
    return lines
