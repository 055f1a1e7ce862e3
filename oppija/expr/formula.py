"""A parsed formula, and how calling it builds engine Tensor operations from its tree.

Nothing is computed at parse time: calling a :class:`Formula` builds Tensor operations from its
tree, so ``.backward()`` gives gradients and ``9^9^9`` is a quick float64 ``inf``, not a huge
integer. On the first call the tree is turned into nested functions, one a node, each calling
its children and applying its op: a descent calls its formula thousands of times, and these
calls skip the walk's questions (which kind of node? which op?) that the tree answers once. The
engine is imported on the first call only, so parsing needs no NumPy.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from oppija.expr.errors import FormulaError
from oppija.expr.tree import Binary, Node, Num, Unary, Var

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from oppija.engine.tensor import Tensor

    Value = Tensor | float | NDArray[np.float64]
    # A formula's tree as a function: the variables' Tensors in, the formula's Tensor out.
    Build = Callable[[Mapping[str, Tensor]], Tensor]

_BINARY: Mapping[str, Callable[[Tensor, Tensor], Tensor]] = MappingProxyType(
    {
        "+": operator.add,
        "-": operator.sub,
        "*": operator.mul,
        "/": operator.truediv,
        "**": operator.pow,
    }
)


@dataclass(frozen=True)
class Formula:
    """A parsed formula: call it with Tensors (or numbers, or arrays) for its variables.

    ``variables`` lists the variables the formula uses, in the order the caller allowed them.
    """

    text: str
    variables: tuple[str, ...]
    tree: Node = field(repr=False)

    def __call__(self, /, **values: Value) -> Tensor:
        """Build the formula out of engine ops, so that ``.backward()`` reaches the inputs.

        Tensors are used as they are (gradients flow back into them); numbers and arrays become
        constants. Values for variables the formula does not use are ignored, so a caller can
        pass all it has.
        """
        lift, build = self._built
        env: dict[str, Tensor] = {}
        for name in self.variables:
            if name not in values:
                raise FormulaError("missing_variable", {"name": name})
            env[name] = lift(values[name])
        return build(env)

    @cached_property
    def _built(self) -> tuple[Callable[[Value], Tensor], Build]:
        """The engine's ``Tensor.lift`` and the tree as nested functions, made on first use."""
        from oppija.engine.tensor import Tensor

        return Tensor.lift, _compiled(self.tree, Tensor.lift)

    def evaluate(self, /, **values: Value) -> NDArray[np.float64]:
        """The formula's values without building a graph: for plots and simulations."""
        from oppija.engine.tensor import no_grad

        with no_grad():
            out = self(**values)
        if any(out is value for value in values.values()):  # "x" alone: do not alias the input
            return out.data.copy()
        return out.data


def _compiled(node: Node, lift: Callable[[float], Tensor]) -> Build:
    """The function that builds ``node``'s Tensor from the variables' Tensors.

    Recursion is bounded by MAX_TREE_DEPTH, checked when parsing. A number becomes a new
    constant Tensor on every call (no graph shares one).
    """
    if isinstance(node, Num):
        value = node.value
        return lambda env: lift(value)
    if isinstance(node, Var):
        name = node.name
        return lambda env: env[name]
    if isinstance(node, Unary):
        operand = _compiled(node.operand, lift)
        return (lambda env: -operand(env)) if node.op == "-" else operand
    if isinstance(node, Binary):
        apply = _BINARY[node.op]
        left, right = _compiled(node.left, lift), _compiled(node.right, lift)
        return lambda env: apply(left(env), right(env))
    # A Call: every name in FUNCTIONS is a Tensor method of the same name (checked by a test).
    function, argument = node.name, _compiled(node.argument, lift)
    return lambda env: getattr(argument(env), function)()
