"""Transfer learning's readout: epoch, each run's error and accuracy, the outcome."""

from __future__ import annotations

from oppija.i18n import N_, _
from oppija.scenes.words.playground import epoch_readout, run_line
from oppija.scenes.words.status import status_sentence
from oppija.sims.transfer import TransferLearning

MODE_NAMES = {"all": N_("all layers"), "last": N_("only the last layer")}


def transfer_readout(simulation: TransferLearning, ascii_only: bool = False) -> list[str]:
    """Epoch, each run's training error and test accuracy, then the outcome."""
    tuned, scratch = simulation.runs["fine_tuned"], simulation.runs["scratch"]
    fine_tuned = run_line(
        _("Fine-tuned ({mode}): {error} = {loss}, accuracy on new points {accuracy}"),
        tuned.losses[-1],
        tuned.test_accuracies[-1],
        mode=_(MODE_NAMES[simulation.params.mode]),
    )
    from_scratch = run_line(
        _("From scratch: {error} = {loss}, accuracy on new points {accuracy}"),
        scratch.losses[-1],
        scratch.test_accuracies[-1],
    )
    runs = [fine_tuned, from_scratch]
    return epoch_readout(simulation.epoch, runs, status_sentence(simulation), ascii_only)
