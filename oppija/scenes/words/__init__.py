"""What a demo's learner reads: its simulation's numbers and status codes worded.

The simulations give data (numbers, a step's kind, a status and the numbers it refers to); the
sentences are built here, beside the scenes that draw the same state, in the active language.
:func:`readout_lines` is the text under a demo's picture, for the widgets and ``oppija demo``.
"""

from __future__ import annotations

from oppija.scenes.words.activations import activations_readout
from oppija.scenes.words.approximation import approximation_readout
from oppija.scenes.words.attention import attention_readout
from oppija.scenes.words.backprop import backprop_readout
from oppija.scenes.words.conv import conv_readout
from oppija.scenes.words.descent import descent_readout
from oppija.scenes.words.graph import graph_readout
from oppija.scenes.words.linear_maps import linear_maps_readout
from oppija.scenes.words.lstm import lstm_readout
from oppija.scenes.words.playground import playground_readout
from oppija.scenes.words.rnn import rnn_readout
from oppija.scenes.words.softmax import softmax_readout
from oppija.scenes.words.transfer import transfer_readout
from oppija.sims.activations import Activations
from oppija.sims.approximation import Approximation
from oppija.sims.attention import Attention
from oppija.sims.backprop import BackpropDemo
from oppija.sims.base import Simulation
from oppija.sims.conv import Convolution
from oppija.sims.demo import Demo
from oppija.sims.graph import ComputationGraph
from oppija.sims.linear_maps import LinearMaps
from oppija.sims.lstm import LSTMGates
from oppija.sims.playground import Playground
from oppija.sims.rnn import RecurrentNetwork
from oppija.sims.softmax import Softmax
from oppija.sims.transfer import TransferLearning


def readout_lines(simulation: Demo | Simulation, ascii_only: bool = False) -> list[str]:
    """The numbers and sentences under ``simulation``'s picture, one line each."""
    if isinstance(simulation, Simulation):
        return descent_readout(simulation, ascii_only)
    if isinstance(simulation, Activations):
        return activations_readout(simulation, ascii_only)
    if isinstance(simulation, Approximation):
        return approximation_readout(simulation, ascii_only)
    if isinstance(simulation, Attention):
        return attention_readout(simulation, ascii_only)
    if isinstance(simulation, Playground):
        return playground_readout(simulation, ascii_only)
    if isinstance(simulation, Softmax):
        return softmax_readout(simulation, ascii_only)
    if isinstance(simulation, TransferLearning):
        return transfer_readout(simulation, ascii_only)
    if isinstance(simulation, Convolution):
        return conv_readout(simulation, ascii_only)
    if isinstance(simulation, LinearMaps):
        return linear_maps_readout(simulation, ascii_only)
    if isinstance(simulation, LSTMGates):
        return lstm_readout(simulation, ascii_only)
    if isinstance(simulation, BackpropDemo):
        return backprop_readout(simulation, ascii_only)
    if isinstance(simulation, ComputationGraph):
        return graph_readout(simulation, ascii_only)
    if isinstance(simulation, RecurrentNetwork):
        return rnn_readout(simulation, ascii_only)
    return simulation.readout_lines(ascii_only)  # a demo without words of its own


__all__ = ["readout_lines"]
