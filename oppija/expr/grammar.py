"""What a formula may contain: its variables, constants and functions, and its size limits."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

MAX_LENGTH = 300  # characters of learner text
MAX_NESTING = 40  # parentheses inside each other, or + and - signs in a row
MAX_TREE_DEPTH = 100  # bounds the recursion of parsing and of evaluation

DEFAULT_VARIABLES: tuple[str, ...] = ("x", "y")
CONSTANTS: Mapping[str, float] = MappingProxyType({"pi": math.pi, "e": math.e})
# The functions a formula may call: each is the Tensor method of the same name.
FUNCTIONS: tuple[str, ...] = ("sin", "cos", "exp", "log", "tanh", "sigmoid", "relu", "abs", "sqrt")
