"""A parsed formula, and how calling it builds engine Tensor operations from its tree.

Nothing is computed at parse time: calling a :class:`Formula` walks its tree and builds Tensor
operations, so ``.backward()`` gives gradients and ``9^9^9`` is a quick float64 ``inf``, not a
huge integer. The engine is imported on the first call only, so parsing needs no NumPy.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from oppija.expr.errors import FormulaError
from oppija.expr.tree import Binary, Node, Num, Unary, Var

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from oppija.engine.tensor import Tensor

    Value = Tensor | float | NDArray[np.float64]

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
        from oppija.engine.tensor import Tensor

        env: dict[str, Tensor] = {}
        for name in self.variables:
            if name not in values:
                raise FormulaError("missing_variable", {"name": name})
            env[name] = Tensor.lift(values[name])
        return _evaluate(self.tree, env)

    def evaluate(self, /, **values: Value) -> NDArray[np.float64]:
        """The formula's values without building a graph: for plots and simulations."""
        from oppija.engine.tensor import no_grad

        with no_grad():
            out = self(**values)
        if any(out is value for value in values.values()):  # "x" alone: do not alias the input
            return out.data.copy()
        return out.data


def _evaluate(node: Node, env: Mapping[str, Tensor]) -> Tensor:
    """Walk the tree; recursion is bounded by MAX_TREE_DEPTH, checked when parsing."""
    if isinstance(node, Num):
        from oppija.engine.tensor import Tensor

        return Tensor(node.value)
    if isinstance(node, Var):
        return env[node.name]
    if isinstance(node, Unary):
        operand = _evaluate(node.operand, env)
        return -operand if node.op == "-" else operand
    if isinstance(node, Binary):
        return _BINARY[node.op](_evaluate(node.left, env), _evaluate(node.right, env))
    # A Call: every name in FUNCTIONS is a Tensor method of the same name (checked by a test).
    method: Callable[[], Tensor] = getattr(_evaluate(node.argument, env), node.name)
    return method()
