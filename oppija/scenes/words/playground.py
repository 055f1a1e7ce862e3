"""The playground's readout: epoch, error and accuracy on the training and test points."""

from __future__ import annotations

from oppija.i18n import _, format_integer, format_percent
from oppija.scenes.words.status import status_sentence
from oppija.sims.playground import Playground
from oppija.text import ascii_spelling
from oppija.text.number_style import significant


def playground_readout(simulation: Playground, ascii_only: bool = False) -> list[str]:
    """Epoch, error and accuracy on the training and the test points, and the status."""
    train = run_line(
        _("Training: {error} = {loss}, accuracy {accuracy}"),
        simulation.losses[-1],
        simulation.train_accuracies[-1],
    )
    test = run_line(
        _("Test: {error} = {loss}, accuracy {accuracy}"),
        simulation.test_losses[-1],
        simulation.test_accuracies[-1],
    )
    return epoch_readout(simulation.epoch, [train, test], status_sentence(simulation), ascii_only)


def epoch_readout(epoch: int, runs: list[str], status: str, ascii_only: bool) -> list[str]:
    """A training demo's readout: the epoch, a line per run (𝓔 is spelt E in ASCII), the
    status or that training runs."""
    lines = [
        _("Epoch {epoch}").format(epoch=format_integer(epoch)),
        *runs,
        status or _("Training is running."),
    ]
    return [ascii_spelling(line) for line in lines] if ascii_only else lines


def run_line(message: str, loss: float, accuracy: float, **more: str) -> str:
    """One run's line of a training readout: the translated ``message`` with 𝓔, its error
    (in the readouts' number style) and its accuracy (a percentage) filled in, and any
    ``more`` words."""
    return message.format(
        error="𝓔", loss=significant(loss), accuracy=format_percent(accuracy), **more
    )
