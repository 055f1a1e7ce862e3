"""Backpropagation stepped through: the lecture's network h = f(Vᵀx), y = σ(Uᵀh), step by step.

On reset the engine runs the whole update once: the forward pass, ``backward()`` under
:func:`oppija.engine.trace.trace`, central differences for every weight, and SGD. The result is a
script of steps the learner walks with ``step()`` and ``back()``: each hidden and output neuron
(weighted sum, then activation), the error 𝓔 = (y⁽ʳᵉᶠ⁾ − y)², one step per trace record
("upstream gradient × local derivative = gradient", numbers taken from the record), the update of
U and of V with every weight before and after, and the network's new answer. The lecture's slide
(2 inputs, 2 hidden, sigmoid, α = 0,5, x = (1; 0), y⁽ʳᵉᶠ⁾ = 1, V = (0,5 −0,4; 0,3 0,8),
U = (1; −1)) is the default: y ≈ 0,555, 𝓔 ≈ 0,198, ∂𝓔/∂u₁ ≈ −0,137, then y ≈ 0,573, 𝓔 ≈ 0,182.

The chosen activation is the hidden layer's; the output keeps σ, as on the slide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from oppija.arrays import Array
from oppija.engine.gradcheck import numeric_gradient
from oppija.engine.optim import SGD
from oppija.engine.tensor import Tensor, no_grad
from oppija.engine.trace import TraceStep, replay, trace
from oppija.i18n import N_, _, format_integer, ngettext, parse_numbers
from oppija.sims.base import choose, plain
from oppija.sims.demo import ReplayedDemo
from oppija.sims.plain import Json
from oppija.sims.settings import DemoSettingError
from oppija.text import subscript

INPUTS = 2
TARGET = "y⁽ʳᵉᶠ⁾"  # the lecture's name of the wanted output
OUTPUTS = 1
# The slide's weights (lessons/et/04-narvivorgud.md, "Väike võrk algusest lõpuni"); a third hidden
# unit, when asked for, gets the fixed column below so the default stays the same every time.
LECTURE_V = np.array([[0.5, -0.4, -0.2], [0.3, 0.8, 0.6]])
LECTURE_U = np.array([[1.0], [-1.0], [0.5]])
WEIGHT_BOUND = 10.0
EPSILON = 1e-6  # central differences: (𝓔(w + ε) − 𝓔(w − ε)) / 2ε

# The engine's tensors get the lecture's names; the trace records them.
NODE_NAMES = {
    "z": "z",
    "h": "h",
    "s": "s",
    "y": "y",
    "difference": f"{TARGET} − y",
    "square": f"({TARGET} − y)²",
    "error": "𝓔",
}
# What each traced node computes, and its local derivatives, as the lecture writes them.
NODE_FORMULAS = {
    "𝓔": ("𝓔 = Σ (y⁽ʳᵉᶠ⁾ − y)²", "∂𝓔/∂(y⁽ʳᵉᶠ⁾ − y)² = 1"),
    f"({TARGET} − y)²": ("(y⁽ʳᵉᶠ⁾ − y)²", "∂(y⁽ʳᵉᶠ⁾ − y)²/∂(y⁽ʳᵉᶠ⁾ − y) = 2(y⁽ʳᵉᶠ⁾ − y)"),
    f"{TARGET} − y": ("y⁽ʳᵉᶠ⁾ − y", "∂(y⁽ʳᵉᶠ⁾ − y)/∂y = −1"),
    "y": ("y = σ(s)", "σ′(s) = y(1 − y)"),
    "s": ("s = Uᵀh", "∂s/∂hⱼ = uⱼ, ∂s/∂uⱼ = hⱼ"),
    "z": ("z = Vᵀx", "∂zⱼ/∂vᵢⱼ = xᵢ"),
}
HIDDEN_FORMULAS = {
    "sigmoid": ("h = σ(z)", "σ′(z) = h(1 − h)"),
    "tanh": ("h = tanh(z)", "tanh′(z) = 1 − h²"),
    "relu": ("h = ReLU(z)", N_("ReLU′(z) = 1 if z > 0, else 0")),
}
# Which part of the drawn network each traced node belongs to (the scene highlights it).
NODE_FOCUS = {
    "𝓔": ("E",),
    f"({TARGET} − y)²": ("E",),
    f"{TARGET} − y": ("E", "yE"),
    "y": ("y",),
    "s": ("y",),
    "h": ("h",),
    "z": ("h",),
}


@dataclass(frozen=True)
class BackpropParams:
    """One run's settings: sizes, activation, α, the example, and the seed of random weights."""

    hidden: int
    activation: str
    lr: float
    inputs: tuple[float, ...]
    target: float
    seed: int | None


@dataclass(frozen=True)
class ScriptStep:
    """One step the learner reads: its phase, kind, the node it is about, and its numbers.

    ``focus`` names the parts of the drawn network to highlight: nodes ``x1``, ``h2``, ``y``,
    ``E``; edges ``V12`` (input 1 to hidden 2), ``U2`` and ``yE``.
    """

    phase: str
    kind: str
    node: str
    op: str
    numbers: dict[str, object]
    focus: tuple[str, ...] = ()
    trace_index: int | None = None

    def to_dict(self) -> dict[str, Json]:
        return {
            "phase": self.phase,
            "kind": self.kind,
            "node": self.node,
            "op": self.op,
            "focus": list(self.focus),
            "trace_index": self.trace_index,
            "numbers": plain(self.numbers),
        }


@dataclass
class Pass:
    """What the engine computed for one update: values, trace, gradients, new weights."""

    values: dict[str, Array]
    records: list[TraceStep]
    node_ids: dict[str, int]
    gradients: dict[str, Array]
    numeric: dict[str, Array]
    kinks: dict[str, Array]  # True where w ± ε puts a ReLU's z on both sides of its kink
    after: dict[str, Array]
    output_after: float
    error_after: float
    script: list[ScriptStep] = field(default_factory=list)


def weight_shape(name: str, hidden: int) -> tuple[int, int]:
    """V is inputs × hidden, U is hidden × outputs (the engine's ``x @ V`` is the lecture's Vᵀx)."""
    return (INPUTS, hidden) if name == "V" else (hidden, OUTPUTS)


def checked_weights(name: str, values: object, hidden: int) -> Array:
    """Typed weights (text like ``"0,5 -0,4; 0,3 0,8"`` or numbers) as a checked matrix.

    Raises:
        DemoSettingError: translated, for an unknown matrix, wrong count or a value out of range.
    """
    if name not in ("V", "U"):
        raise DemoSettingError(_("unknown weight matrix “{name}”").format(name=name))
    shape = weight_shape(name, hidden)
    try:
        if isinstance(values, str):
            flat = parse_numbers(values)
        else:
            flat = np.asarray(values).ravel().tolist()
        numbers = np.array([float(v) for v in flat], dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise DemoSettingError(str(error)) from None
    count = shape[0] * shape[1]
    if numbers.size != count:
        message = ngettext(
            "“{key}” needs exactly {count} number, not {given}",
            "“{key}” needs exactly {count} numbers, not {given}",
            count,
        )
        raise DemoSettingError(
            message.format(
                key=name, count=format_integer(count), given=format_integer(numbers.size)
            )
        )
    if not np.all(np.isfinite(numbers)) or np.any(np.abs(numbers) > WEIGHT_BOUND):
        raise DemoSettingError(
            _("“{key}” must be between {min} and {max}, not {value}").format(
                key=name,
                min=format_integer(-int(WEIGHT_BOUND)),
                max=format_integer(int(WEIGHT_BOUND)),
                value=" ".join(str(v) for v in numbers),
            )
        )
    return numbers.reshape(shape)


class Backpropagation(ReplayedDemo):
    """The lecture's two-layer network, one forward, backward and update step at a time."""

    name = "backprop"
    params: BackpropParams

    def __init__(self, *, weights: Mapping[str, object] | None = None, **settings: object) -> None:
        """``weights`` ({"V": …, "U": …}, typed text or numbers) replace the start weights."""
        self._typed_weights = dict(weights or {})
        self.round = 0
        self.current_start: dict[str, Array] | None = None
        super().__init__(**settings)

    # -------------------------------------------------------------- settings
    @classmethod
    def build_params(cls, settings: Mapping[str, object]) -> BackpropParams:
        inputs = tuple(float(v) for v in choose(settings, "inputs", (1.0, 0.0)))
        seed = settings.get("seed")
        return BackpropParams(
            hidden=int(choose(settings, "hidden", 2)),
            activation=str(choose(settings, "activation", "sigmoid")),
            lr=float(choose(settings, "lr", 0.5)),
            inputs=inputs,
            target=float(choose(settings, "target", 1.0)),
            seed=seed if isinstance(seed, int) else None,  # checked: a whole number or absent
        )

    def start_weights(self) -> dict[str, Array]:
        """Typed weights, else random ones (one decimal) for a seed, else the slide's."""
        hidden = self.params.hidden
        if self.params.seed is None:
            weights = {"V": LECTURE_V[:, :hidden].copy(), "U": LECTURE_U[:hidden].copy()}
        else:
            rng = np.random.default_rng(self.params.seed)
            weights = {
                name: np.round(rng.uniform(-1.0, 1.0, weight_shape(name, hidden)), 1) + 0.0
                for name in ("V", "U")
            }
        for name, values in self._typed_weights.items():
            weights[name] = checked_weights(name, values, hidden)
        return weights

    def starting_weights(self, name: str) -> list[list[float]]:
        """Weight matrix ``name`` ("V" or "U") that this update starts from, row by row."""
        rows: list[list[float]] = np.atleast_2d(self._started()[name]).tolist()
        return rows

    def _started(self) -> dict[str, Array]:
        """The weights this update starts from (set when the run begins)."""
        if self.current_start is None:
            raise RuntimeError("the run has not begun")
        return self.current_start

    def with_inputs(self, values: str | Sequence[float]) -> Backpropagation:
        """A new run with other inputs (text ``"1; 0"`` or two numbers); weights kept."""
        return self.changed(inputs=values if isinstance(values, str) else tuple(values))

    def with_target(self, value: object) -> Backpropagation:
        """A new run with another y⁽ʳᵉᶠ⁾; weights kept."""
        return self.changed(target=value)

    def with_weights(self, name: str, matrix: object) -> Backpropagation:
        """A new run with weight matrix ``name`` ("V" or "U") typed; the other kept."""
        checked = checked_weights(name, matrix, self.params.hidden)
        weights = {**self._started(), name: checked}
        return type(self)(weights=weights, **self.settings)

    def changed(self, **values: object) -> Backpropagation:
        """A new run with some settings replaced; the start weights stay if the sizes do."""
        settings = {**self.settings, **values}
        same_sizes = int(choose(settings, "hidden", 2)) == self.params.hidden
        same_seed = settings.get("seed") == self.settings.get("seed")
        keep = same_sizes and same_seed
        return type(self)(weights=self.current_start if keep else None, **settings)

    # -------------------------------------------------------------- the run
    def begin(self) -> None:
        if self.current_start is None:
            self.current_start = self.start_weights()
        with np.errstate(all="ignore"):
            self.computed = self._compute(self.current_start)
        if not self._finite():
            self.end("diverged", "too-large-to-draw")

    def _finite(self) -> bool:
        computed = self.computed
        arrays = [*computed.values.values(), *computed.gradients.values(), *computed.after.values()]
        return all(np.all(np.isfinite(a)) for a in arrays) and np.isfinite(computed.error_after)

    def next_round(self) -> None:
        """Start the next update from the weights this one ended with (after ``to_end()``)."""
        self.current_start = {k: v.copy() for k, v in self.computed.after.items()}
        self.round += 1
        self.reset()

    @property
    def final_step(self) -> int:
        """Every step of this update: the forward pass, the trace records and the update."""
        return len(self.script)

    def advance(self) -> None:
        if self.step_count + 1 >= len(self.script):
            self.end("done", "update-done")

    @property
    def script(self) -> list[ScriptStep]:
        return self.computed.script

    @property
    def current(self) -> ScriptStep | None:
        """The step on show, or None before the first."""
        return self.script[self.step_count - 1] if self.step_count > 0 else None

    @property
    def phase(self) -> str:
        return "forward" if self.current is None else self.current.phase

    # -------------------------------------------------------------- the engine
    def forward(self, V: Tensor, U: Tensor) -> dict[str, Tensor]:
        """h = f(Vᵀx), y = σ(Uᵀh), 𝓔 = Σ(y⁽ʳᵉᶠ⁾ − y)², every tensor named as in the lecture."""
        x = Tensor(np.array(self.params.inputs), name="x")
        nodes: dict[str, Tensor] = {"x": x}
        nodes["z"] = x @ V
        nodes["h"] = getattr(nodes["z"], self.params.activation)()
        nodes["s"] = nodes["h"] @ U
        nodes["y"] = nodes["s"].sigmoid()
        nodes["difference"] = Tensor([self.params.target], name=TARGET) - nodes["y"]
        nodes["square"] = nodes["difference"] ** 2
        nodes["error"] = nodes["square"].sum()
        for key, name in NODE_NAMES.items():
            nodes[key].name = name
        return nodes

    def _compute(self, start: Mapping[str, Array]) -> Pass:
        V = Tensor(start["V"].copy(), requires_grad=True, name="V")
        U = Tensor(start["U"].copy(), requires_grad=True, name="U")
        nodes = self.forward(V, U)
        with trace() as recorder:
            nodes["error"].backward()
        node_ids = {key: recorder.node_id(t) for key, t in nodes.items()}
        node_ids.update(V=recorder.node_id(V), U=recorder.node_id(U))
        values = {key: t.data.copy() for key, t in nodes.items()}
        values.update(V=V.data.copy(), U=U.data.copy())
        gradients = {"V": np.array(V.grad), "U": np.array(U.grad)}

        def error() -> Tensor:
            with no_grad():
                return self.forward(V, U)["error"]

        numeric = {
            "V": numeric_gradient(error, V, EPSILON),
            "U": numeric_gradient(error, U, EPSILON),
        }
        kinks = self._kinks(values["x"], values["z"], hidden=V.data.shape[1])
        SGD([U, V], lr=self.params.lr).step()
        with no_grad():
            again = self.forward(V, U)
        computed = Pass(
            values=values,
            records=list(recorder.steps),
            node_ids=node_ids,
            gradients=gradients,
            numeric=numeric,
            kinks=kinks,
            after={"V": V.data.copy(), "U": U.data.copy()},
            output_after=float(again["y"].data[0]),
            error_after=float(again["error"].data),
        )
        computed.script = self._script(computed)
        return computed

    def _kinks(self, x: Array, z: Array, hidden: int) -> dict[str, Array]:
        """Which weights' central differences straddle ReLU's kink at z = 0.

        Nudging vᵢⱼ by ±ε moves zⱼ by ±xᵢε; when zⱼ is that close to 0, (𝓔(w + ε) − 𝓔(w − ε))/2ε
        averages the slopes on both sides, while the engine takes ReLU′(0) = 0: the two columns
        of the check panel differ there, correctly. U never moves z, so it has no kinks.
        """
        kinks = {
            "V": np.zeros((INPUTS, hidden), dtype=bool),
            "U": np.zeros((hidden, OUTPUTS), dtype=bool),
        }
        if self.params.activation == "relu":
            reach = np.abs(x)[:, None] * EPSILON  # how far ±ε on vᵢⱼ moves zⱼ
            kinks["V"] = (np.abs(z)[None, :] <= reach) & (reach > 0)
        return kinks

    # -------------------------------------------------------------- the script
    def _script(self, computed: Pass) -> list[ScriptStep]:
        values, hidden = computed.values, self.params.hidden
        x = values["x"]
        steps = [
            ScriptStep(
                "forward",
                "neuron",
                f"h{j + 1}",
                self.params.activation,
                {
                    "layer": "hidden",
                    "index": j,
                    "inputs": x,
                    "weights": values["V"][:, j],
                    "sum": float(values["z"][j]),
                    "activation": self.params.activation,
                    "value": float(values["h"][j]),
                },
                (*(f"V{i + 1}{j + 1}" for i in range(INPUTS)), f"h{j + 1}"),
            )
            for j in range(hidden)
        ]
        steps.append(
            ScriptStep(
                "forward",
                "neuron",
                "y",
                "sigmoid",
                {
                    "layer": "output",
                    "index": 0,
                    "inputs": values["h"],
                    "weights": values["U"][:, 0],
                    "sum": float(values["s"][0]),
                    "activation": "sigmoid",
                    "value": float(values["y"][0]),
                },
                (*(f"U{j + 1}" for j in range(hidden)), "y"),
            )
        )
        steps.append(
            ScriptStep(
                "forward",
                "error",
                "E",
                "error",
                {
                    "target": self.params.target,
                    "output": float(values["y"][0]),
                    "error": float(values["error"]),
                },
                ("yE", "E"),
            )
        )
        names = {node_id: key for key, node_id in computed.node_ids.items()}
        count = len(computed.records)
        for record in computed.records:
            steps.append(self._trace_step(record, count, names))
        for matrix in ("U", "V"):
            steps.append(self._update_step(matrix, computed))
        steps.append(
            ScriptStep(
                "update",
                "result",
                "y",
                "forward",
                {
                    "output_before": float(values["y"][0]),
                    "output_after": computed.output_after,
                    "error_before": float(values["error"]),
                    "error_after": computed.error_after,
                },
                ("y", "E"),
            )
        )
        return steps

    def _trace_step(self, record: TraceStep, count: int, names: Mapping[int, str]) -> ScriptStep:
        formula, rule = (
            HIDDEN_FORMULAS[self.params.activation]
            if record.name == "h"
            else NODE_FORMULAS[record.name]
        )
        products = []
        focus: list[str] = list(NODE_FOCUS.get(record.name, ()))
        for position, parent in enumerate(record.parents):
            if parent.grad is None:
                continue
            products.extend(_products(record, position))
            key = names.get(parent.node, "")
            if key in ("V", "U"):
                focus.extend(edge_names(key, self.params.hidden))
        return ScriptStep(
            "backward",
            "trace",
            record.name,
            record.op,
            {
                "index": record.index,
                "count": count,
                "name": record.name,
                "op": record.op,
                "formula": formula,
                "rule": rule,
                "value": record.value,
                "upstream": record.upstream,
                "products": products,
                "record": record.to_dict(),
            },
            tuple(focus),
            record.index,
        )

    def _update_step(self, matrix: str, computed: Pass) -> ScriptStep:
        before, after = computed.values[matrix], computed.after[matrix]
        gradient = computed.gradients[matrix]
        weights = [
            {
                "name": element_name(matrix, index, before.size),
                "before": float(before[index]),
                "gradient": float(gradient[index]),
                "after": float(after[index]),
            }
            for index in np.ndindex(before.shape)
        ]
        numbers = {"matrix": matrix, "lr": self.params.lr, "weights": weights}
        return ScriptStep(
            "update",
            "update",
            matrix,
            "sgd",
            numbers,
            tuple(edge_names(matrix, self.params.hidden)),
        )

    # -------------------------------------------------------------- reading
    def weights_on_show(self) -> dict[str, Array]:
        """The weights as the current step has them: the new ones once their update showed."""
        shown = {k: v.copy() for k, v in self._started().items()}
        for step in self.script[: self.step_count]:
            if step.kind == "update":
                shown[step.node] = self.computed.after[step.node].copy()
        return shown

    def revealed_gradients(self) -> dict[str, Array]:
        """Gradients the backward steps so far have sent, by node key (partial sums, as the
        engine adds them): what the picture writes on its edges and nodes."""
        shown = [s.trace_index for s in self.script[: self.step_count] if s.trace_index is not None]
        if not shown:
            return {}
        records = self.computed.records[: max(shown) + 1]
        totals = replay(records)
        by_key = {
            key: totals[node_id]
            for key, node_id in self.computed.node_ids.items()
            if node_id in totals
        }
        by_key["error"] = records[0].upstream
        return by_key

    def state(self) -> dict[str, Json]:
        computed = self.computed
        values = computed.values
        return {
            "phase": self.phase,
            "position": self.step_count,
            "total": len(self.script),
            "round": self.round,
            "hidden": self.params.hidden,
            "activation": self.params.activation,
            "lr": self.params.lr,
            "inputs": list(self.params.inputs),
            "target": self.params.target,
            "weights": plain(self.weights_on_show()),
            "start_weights": plain(self.current_start),
            "updated_weights": plain(computed.after),
            "values": {
                "z": plain(values["z"]),
                "h": plain(values["h"]),
                "s": plain(float(values["s"][0])),
                "y": plain(float(values["y"][0])),
                "error": plain(float(values["error"])),
            },
            "error_after": plain(computed.error_after),
            "gradients": plain(computed.gradients),
            "numeric_gradients": plain(computed.numeric),
            "kinks": [
                element_name(matrix, index, computed.kinks[matrix].size)
                for matrix in ("V", "U")
                for index in zip(*np.nonzero(computed.kinks[matrix]), strict=True)
            ],
            "current": None if self.current is None else self.current.to_dict(),
            "trace": [plain(record.to_dict()) for record in computed.records],
        }


def element_name(name: str, index: Sequence[int], size: int) -> str:
    """The lecture's name of one element: v₁₂ of V (input 1, hidden 2), u₁ of U, h₁ of h."""
    base = name.lower() if name in ("V", "U") else name
    if " " in base and not base.startswith("("):
        base = f"({base})"
    if size <= 1:
        return base
    wanted = [i for i in index] if name != "U" else [index[0]]
    return base + subscript("".join(str(i + 1) for i in wanted))


def edge_names(matrix: str, hidden: int) -> list[str]:
    """The drawn edges of a weight matrix: V12 is input 1 to hidden 2, U2 hidden 2 to y."""
    if matrix == "V":
        return [f"V{i + 1}{j + 1}" for i in range(INPUTS) for j in range(hidden)]
    return [f"U{j + 1}" for j in range(hidden)]


def _products(record: TraceStep, position: int) -> list[dict[str, object]]:
    """Each element's gradient as upstream × local derivative, read off the trace record.

    For ``a @ b`` (a vector times a matrix) the gradient of b[i, j] is upstream[j] × a[i] and
    that of a[i] is Σⱼ upstream[j] × b[i, j]; elementwise ops and sums multiply element by
    element (after broadcasting upstream and local to the parent's shape).
    """
    parent = record.parents[position]
    assert parent.grad is not None and parent.local is not None
    grad, local, upstream = parent.grad, parent.local, record.upstream
    name = parent.name
    items = []
    if record.op == "@" and upstream.ndim == 1 and grad.ndim in (1, 2):
        for index in np.ndindex(grad.shape):
            if position == 1:  # b[i, j]: upstream[j] × a[i]
                i, j = index
                terms = [(float(upstream[j]), float(local[i]))]
            else:  # a[i]: Σⱼ upstream[j] × b[i, j]
                terms = [
                    (float(upstream[j]), float(local[index[0], j])) for j in range(len(upstream))
                ]
            items.append(_item(name, index, grad, terms))
        return items
    shape = grad.shape
    ups = (
        np.broadcast_to(upstream, shape) if upstream.size != grad.size else upstream.reshape(shape)
    )
    locals_ = np.broadcast_to(local, shape) if local.size != grad.size else local.reshape(shape)
    for index in np.ndindex(shape):
        items.append(_item(name, index, grad, [(float(ups[index]), float(locals_[index]))]))
    return items


def _item(
    name: str, index: Sequence[int], grad: Array, terms: list[tuple[float, float]]
) -> dict[str, object]:
    return {
        "of": element_name(name, index, grad.size),
        "terms": terms,
        "gradient": float(grad[tuple(index)]),
    }
