"""Fresh practice exercises: new numbers for a step-through demo, reproducible from a seed.

An exercise is the demo's settings as text (what ``oppija demo NAME --set`` takes), so it can be
printed, typed back and checked by the very simulation the lecture uses. The numbers are
friendly: one decimal in, small enough that nothing over- or underflows.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

import numpy as np

from oppija.i18n import _
from oppija.practice import attention, backprop, conv, gd1d, graph, linreg, lstm, rnn, softmax
from oppija.practice.question import Question
from oppija.sims import DemoSettingError, create_simulation
from oppija.sims.attention import Attention
from oppija.sims.backprop import Backpropagation
from oppija.sims.conv import Convolution
from oppija.sims.demo import Demo
from oppija.sims.gd1d import GradientDescent1D
from oppija.sims.graph import ComputationGraph
from oppija.sims.linreg import LinearRegressionDescent
from oppija.sims.lstm import LSTMGates
from oppija.sims.rnn import RecurrentNetwork
from oppija.sims.softmax import Softmax


def _one_decimal(rng: np.random.Generator, low: float, high: float, count: int) -> list[float]:
    """``count`` numbers with one decimal in [low, high] (0.0, never −0.0)."""
    return [float(v) + 0.0 for v in np.round(rng.uniform(low, high, count), 1)]


def _text(values: list[float]) -> str:
    return " ".join(repr(v) for v in values)


def backprop_settings(seed: int) -> dict[str, str]:
    """New weights (the demo's own seeded one-decimal weights), new inputs and a new target."""
    rng = np.random.default_rng([seed, 19])
    inputs = _one_decimal(rng, -1.0, 1.0, 2)
    if inputs == [0.0, 0.0]:  # nothing would reach the hidden layer's weights
        inputs[0] = 1.0
    target = _one_decimal(rng, 0.0, 1.0, 1)
    return {"seed": str(seed), "inputs": _text(inputs), "target": _text(target)}


def softmax_settings(seed: int) -> dict[str, str]:
    """Three new logits (one decimal, −2 to 3), a right class and T of 0,5, 1 or 2, chosen so
    that the right class is not already certain (the demo would have nothing to do)."""
    rng = np.random.default_rng([seed, 19, 2])
    while True:
        logits = _one_decimal(rng, -2.0, 3.0, 3)
        target = int(rng.integers(3))
        temperature = float(rng.choice([0.5, 1.0, 1.0, 2.0]))
        scaled = np.array(logits) / temperature
        p = np.exp(scaled - scaled.max())
        if 0.02 < p[target] / p.sum() < 0.95:  # friendly: no 10⁻⁴ to take the log of
            break
    return {"logits": _text(logits), "target": str(target), "temperature": repr(temperature)}


# Formulas a fresh graph exercise picks from: the lecture's first, each with a variable used
# twice so that gradients add up somewhere.
GRAPH_FUNCTIONS = ("x*y + x^2", "(x + y)*y", "x^2 - x*y", "sigmoid(x*y) + y", "x*(y - x)")


def graph_settings(seed: int) -> dict[str, str]:
    """A formula from :data:`GRAPH_FUNCTIONS` and new x and y (one decimal, −3 to 3)."""
    rng = np.random.default_rng([seed, 19, 3])
    function = GRAPH_FUNCTIONS[int(rng.integers(len(GRAPH_FUNCTIONS)))]
    x, y = _one_decimal(rng, -3.0, 3.0, 2)
    return {"function": function, "x": repr(x), "y": repr(y)}


# Error functions of a fresh descent exercise: quadratics, so that the first steps' numbers keep
# few decimals (α and the start have one).
GD1D_FUNCTIONS = ("x^2", "x^2 - 2x", "0.5x^2 + x", "2x^2 - x")
GD1D_MINIMA = (0.0, 1.0, -1.0, 0.25)  # where each has its minimum


def gd1d_settings(seed: int) -> dict[str, str]:
    """A quadratic, α from 0,1 to 0,4 (0,1 or 0,2 for the steepest) and a start from −4 to 4,
    not within 0,5 of the minimum."""
    rng = np.random.default_rng([seed, 19, 4])
    which = int(rng.integers(len(GD1D_FUNCTIONS)))
    function = GD1D_FUNCTIONS[which]
    rates = (0.1, 0.2) if function.startswith("2x") else (0.1, 0.2, 0.3, 0.4)
    lr = float(rng.choice(rates))
    start = GD1D_MINIMA[which]
    while abs(start - GD1D_MINIMA[which]) < 0.5:  # a start at the bottom has no steps to ask
        start = _one_decimal(rng, -4.0, 4.0, 1)[0]
    return {"function": function, "lr": repr(lr), "start": repr(start)}


def conv_settings(seed: int) -> dict[str, str]:
    """A new kernel (nine weights with one decimal, −1 to 1) on one of the demo's pictures."""
    rng = np.random.default_rng([seed, 19, 5])
    image = ("digit", "letter", "cross")[int(rng.integers(3))]
    weights = _one_decimal(rng, -1.0, 1.0, 9)
    return {"image": image, "weights": _text(weights)}


def lstm_settings(seed: int) -> dict[str, str]:
    """One hidden unit (so that every sum can be done by hand), a sequence of three inputs with
    one decimal from −1 to 1 (the first not 0) and new seeded weights."""
    rng = np.random.default_rng([seed, 19, 6])
    sequence = _one_decimal(rng, -1.0, 1.0, 3)
    if sequence[0] == 0.0:  # the first step would only show the biases
        sequence[0] = 1.0
    return {"sequence": _text(sequence), "hidden": "1", "seed": str(int(rng.integers(1000)))}


# Words of a fresh RNN exercise: short, a letter repeated in most, so that the same input
# meets a different hidden state.
RNN_WORDS = ("kass", "ema", "isa", "maja", "kala", "auto", "pesa", "lill", "tuli", "aken")


def rnn_settings(seed: int) -> dict[str, str]:
    """A word from :data:`RNN_WORDS`, one or two hidden units and new seeded weights."""
    rng = np.random.default_rng([seed, 19, 7])
    word = RNN_WORDS[int(rng.integers(len(RNN_WORDS)))]
    hidden = int(rng.integers(1, 3))
    return {"word": word, "hidden": str(hidden), "seed": str(int(rng.integers(1000)))}


def linreg_settings(seed: int) -> dict[str, str]:
    """Two or four points (x from −2 to 2, y from −3 to 3, one decimal, no two x the same),
    α of 0,1 or 0,2 and a start from −1 to 1: with m = 2 or 4, 2/m keeps the decimals few."""
    rng = np.random.default_rng([seed, 19, 8])
    count = int(rng.choice([2, 4]))
    xs = _one_decimal(rng, -2.0, 2.0, count)
    while len(set(xs)) < count:  # a vertical pair has no line through it
        xs = _one_decimal(rng, -2.0, 2.0, count)
    ys = _one_decimal(rng, -3.0, 3.0, count)
    lr = float(rng.choice([0.1, 0.2]))
    start = _one_decimal(rng, -1.0, 1.0, 2)
    return {"xs": _text(xs), "ys": _text(ys), "lr": repr(lr), "start": _text(start)}


def attention_settings(seed: int) -> dict[str, str]:
    """The lecture's sentence, copied or reversed: the demo's model is trained for them (a
    second each, remembered), and a new sentence would train another; the head asked about
    comes from the seed too (:func:`oppija.practice.attention.to_scores`)."""
    rng = np.random.default_rng([seed, 19, 9])
    return {"task": str(rng.choice(["copy", "reverse"]))}


# A worksheet stops after this many questions (a feature map has a hundred cells).
MOST_QUESTIONS = 40

S = TypeVar("S", bound=Demo)


@dataclass(frozen=True)
class PracticeKind:
    """What one practice demo needs: fresh settings from a seed, the questions of a state and
    the exercise's numbers as a worksheet states them; ``whole_run`` when its exercise is a
    whole scripted run (each step asks), not the questions of one state."""

    settings: Callable[[int], dict[str, str]]
    questions: Callable[[Demo], list[Question]]
    given: Callable[[Demo], list[str]]
    whole_run: bool
    prepare: Callable[[Demo, int], None] | None = None
    """Brings a fresh exercise from its settings and seed to its first question."""
    answers_in_view: bool = False
    """The demo's picture already writes what is asked (softmax: p and 𝓔 of the logits it
    shows), so practice mode hides it while asking."""


def _asking(kind: type[S], ask: Callable[[S], list[Question]]) -> Callable[[Demo], list[Question]]:
    """``ask`` for a simulation of its own class; any other asks nothing."""

    def asked(simulation: Demo) -> list[Question]:
        return ask(simulation) if isinstance(simulation, kind) else []

    return asked


def _one(ask: Callable[[S], Question | None]) -> Callable[[S], list[Question]]:
    """A kind that asks at most one question a step, as a list."""

    def asked(simulation: S) -> list[Question]:
        question = ask(simulation)
        return [] if question is None else [question]

    return asked


def _giving(kind: type[S], give: Callable[[S], list[str]]) -> Callable[[Demo], list[str]]:
    def given(simulation: Demo) -> list[str]:
        return give(simulation) if isinstance(simulation, kind) else []

    return given


def _preparing(
    kind: type[S], prepare: Callable[[S, int], None] | None
) -> Callable[[Demo, int], None] | None:
    if prepare is None:
        return None

    def prepared(simulation: Demo, seed: int) -> None:
        if isinstance(simulation, kind):
            prepare(simulation, seed)

    return prepared


def _kind(
    kind: type[S],
    settings: Callable[[int], dict[str, str]],
    ask: Callable[[S], list[Question]],
    give: Callable[[S], list[str]],
    whole_run: bool,
    prepare: Callable[[S, int], None] | None = None,
    answers_in_view: bool = False,
) -> PracticeKind:
    return PracticeKind(
        settings,
        _asking(kind, ask),
        _giving(kind, give),
        whole_run,
        _preparing(kind, prepare),
        answers_in_view,
    )


# Every practice demo, by its kind: adding one is one entry here (the app and ``harjuta`` read
# this table).
KINDS: Mapping[str, PracticeKind] = MappingProxyType(
    {
        "backprop": _kind(
            Backpropagation,
            backprop_settings,
            _one(backprop.next_question),
            backprop.given_lines,
            whole_run=True,
        ),
        "softmax": _kind(
            Softmax,
            softmax_settings,
            softmax.questions,
            softmax.given_lines,
            whole_run=False,
            answers_in_view=True,
        ),
        "graph": _kind(
            ComputationGraph,
            graph_settings,
            _one(graph.next_question),
            graph.given_lines,
            whole_run=True,
        ),
        "gd1d": _kind(
            GradientDescent1D,
            gd1d_settings,
            _one(gd1d.next_question),
            gd1d.given_lines,
            whole_run=True,
        ),
        "conv": _kind(
            Convolution, conv_settings, _one(conv.next_question), conv.given_lines, whole_run=True
        ),
        "linreg": _kind(
            LinearRegressionDescent,
            linreg_settings,
            linreg.questions,
            linreg.given_lines,
            whole_run=True,
        ),
        "rnn": _kind(
            RecurrentNetwork, rnn_settings, rnn.questions, rnn.given_lines, whole_run=True
        ),
        "lstm": _kind(LSTMGates, lstm_settings, lstm.questions, lstm.given_lines, whole_run=True),
        "attention": _kind(
            Attention,
            attention_settings,
            attention.questions,
            attention.given_lines,
            whole_run=False,
            prepare=attention.to_scores,
        ),
    }
)


def practice_kinds() -> tuple[str, ...]:
    """The demos that have practice questions."""
    return tuple(KINDS)


def shows_its_answers(name: str) -> bool:
    """Whether demo ``name``'s picture already writes the numbers its questions ask (softmax
    shows p and 𝓔 for the logits it shows): practice mode hides the picture while it asks,
    and the question's formula carries the numbers needed. Elsewhere a number shows only
    once the demo is stepped to it, so the picture stays."""
    kind = KINDS.get(name)
    return kind is not None and kind.answers_in_view


def started_over_to_ask(simulation: Demo) -> Demo | None:
    """A copy of ``simulation`` started over where its practice begins, for a demo that asks
    only in one view (attention: its five steps, just before the scores); None when it has no
    such start or asks nothing there either."""
    kind = KINDS.get(simulation.name)
    if kind is None or kind.prepare is None:
        return None
    started = copy.deepcopy(simulation)
    started.reset()
    kind.prepare(started, 0)
    return started if kind.questions(started) else None


def exercise_settings(name: str, seed: int) -> dict[str, str]:
    """The settings of :func:`exercise` ``(name, seed)`` (``{}`` for a demo with none), as
    ``oppija demo NAME --set`` takes them: whether building it trains a model shows in them."""
    kind = KINDS.get(name)
    return {} if kind is None else dict(kind.settings(seed))


def exercise(name: str, seed: int) -> Demo:
    """A fresh exercise of demo ``name`` from ``seed``, as a simulation at its first step.

    Raises:
        DemoSettingError: translated, when ``name`` has no practice exercises.
    """
    if name not in KINDS:
        raise DemoSettingError(
            _("“{name}” has no practice exercises; these have: {names}").format(
                name=name, names=", ".join(practice_kinds())
            )
        )
    kind = KINDS[name]
    simulation = create_simulation(name, kind.settings(seed))
    if kind.prepare is not None:
        kind.prepare(simulation, seed)
    return simulation


def questions(simulation: Demo) -> list[Question]:
    """The questions, in order, for the numbers ``simulation`` shows next (maybe none)."""
    kind = KINDS.get(simulation.name)
    return [] if kind is None else kind.questions(simulation)


def given_lines(simulation: Demo) -> list[str]:
    """The exercise's numbers as a worksheet states them, before any question."""
    kind = KINDS.get(simulation.name)
    return [] if kind is None else kind.given(simulation)


def next_question(simulation: Demo) -> Question | None:
    """The first question for the numbers ``simulation`` shows next (None if it asks none)."""
    asked = questions(simulation)
    return asked[0] if asked else None


def worked_solution(simulation: Demo) -> list[tuple[Question, int]]:
    """Every question of the exercise from where ``simulation`` stands, each with the step it
    is asked before; a scripted run is stepped to its end on the way."""
    solution = [(question, simulation.step_count + 1) for question in questions(simulation)]
    kind = KINDS.get(simulation.name)
    while (
        kind is not None
        and kind.whole_run
        and simulation.status == "running"
        and len(solution) < MOST_QUESTIONS
    ):
        before = simulation.step_count
        simulation.step()
        if simulation.step_count == before:
            break
        solution += [(question, simulation.step_count + 1) for question in questions(simulation)]
    return solution
