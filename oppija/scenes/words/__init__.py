"""What a demo's learner reads: its simulation's numbers and status codes worded.

The simulations give data (numbers, a step's kind, a status and the numbers it refers to); the
sentences are built here, beside the scenes that draw the same state, in the active language.
:func:`readout_lines` is the text under a demo's picture, for the widgets and ``oppija demo``.
"""

from __future__ import annotations

from oppija.scenes.words.backprop import backprop_readout
from oppija.scenes.words.descent import descent_readout
from oppija.scenes.words.graph import graph_readout
from oppija.scenes.words.rnn import rnn_readout
from oppija.sims.backprop import BackpropDemo
from oppija.sims.base import Simulation
from oppija.sims.demo import Demo
from oppija.sims.graph import ComputationGraph
from oppija.sims.rnn import RecurrentNetwork


def readout_lines(simulation: Demo | Simulation, ascii_only: bool = False) -> list[str]:
    """The numbers and sentences under ``simulation``'s picture, one line each."""
    if isinstance(simulation, Simulation):
        return descent_readout(simulation, ascii_only)
    if isinstance(simulation, BackpropDemo):
        return backprop_readout(simulation, ascii_only)
    if isinstance(simulation, ComputationGraph):
        return graph_readout(simulation, ascii_only)
    if isinstance(simulation, RecurrentNetwork):
        return rnn_readout(simulation, ascii_only)
    return simulation.readout_lines(ascii_only)  # the demos that still word their own readout


__all__ = ["readout_lines"]
