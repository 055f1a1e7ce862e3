"""Transfer learning's readout: epoch, each run's error and accuracy, the outcome."""

from __future__ import annotations

from oppija.i18n import N_, _, format_decimal, format_percent
from oppija.scenes.words.playground import epoch_readout
from oppija.scenes.words.status import status_sentence
from oppija.sims.transfer import TransferLearning

MODE_NAMES = {"all": N_("all layers"), "last": N_("only the last layer")}


def transfer_readout(simulation: TransferLearning, ascii_only: bool = False) -> list[str]:
    """Epoch, each run's training error and test accuracy, then the outcome."""
    tuned, scratch = simulation.runs["fine_tuned"], simulation.runs["scratch"]
    fine_tuned = _(
        "Fine-tuned ({mode}): {error} = {loss}, accuracy on new points {accuracy}"
    ).format(
        mode=_(MODE_NAMES[simulation.params.mode]),
        error="𝓔",
        loss=format_decimal(tuned.losses[-1], 4),
        accuracy=format_percent(tuned.test_accuracies[-1]),
    )
    from_scratch = _("From scratch: {error} = {loss}, accuracy on new points {accuracy}").format(
        error="𝓔",
        loss=format_decimal(scratch.losses[-1], 4),
        accuracy=format_percent(scratch.test_accuracies[-1]),
    )
    runs = [fine_tuned, from_scratch]
    return epoch_readout(simulation.epoch, runs, status_sentence(simulation), ascii_only)
