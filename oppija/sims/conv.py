"""Convolution stepped through: a 3 × 3 kernel slides over a small picture, one output at a time.

The lecture's slide (lessons/et/06-vorgutuubid.md, "cnn-conv"): at each position the kernel's nine
weights are multiplied with the nine pixels under it and the products are summed into one cell of
the feature map. The engine computes the whole map as one Tensor expression (the patches picked
out of the padded picture by indexing, times the kernel, summed over the window), and the demo
reveals it cell by cell in row-major order, so the products and the sum the learner reads are the
engine's numbers. Beside it: the output size (n + 2p − k)/s + 1 and parameter sharing, 9 + 1
parameters against a dense layer's in · out + out from the same picture to the same map.

Step 0 already shows the first position (its products and its cell), so that every `n` moves the
kernel by one position, as the slide promises; the walk ends when the last cell is filled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from oppija.arrays import Array, BoolArray
from oppija.engine.tensor import Tensor, no_grad
from oppija.i18n import N_
from oppija.sims.base import plain
from oppija.sims.demo import ReplayedDemo
from oppija.sims.plain import Json

KERNEL_SIZE = 3
BIAS = 0.0  # the slide's examples add no bias; it still counts as the tenth parameter

# The pictures: "#" is 1 (bright), "+" a grey 0,5, "." is 0 (dark). The digit's strokes are three
# pixels wide, so the edge kernel finds all three things the slide names: the slide's patch
# (0 1 1 in every row) on the stem's left edge, and zeros both inside the strokes (all ones) and
# on the dark background (all zeros).
IMAGE_ART: dict[str, tuple[str, ...]] = {
    "digit": (
        "............",
        "............",
        "..########..",
        "..########..",
        "..########..",
        ".......###..",
        ".......###..",
        ".......###..",
        ".......###..",
        ".......###..",
        ".......###..",
        "............",
    ),
    "letter": (
        "..........",
        "....##....",
        "...####...",
        "..##..##..",
        "..##..##..",
        "..######..",
        "..##..##..",
        "..##..##..",
        "..##..##..",
        "..........",
    ),
    "cross": (
        "#+......+#",
        "+#+....+#+",
        ".+#+..+#+.",
        "..+#++#+..",
        "...+##+...",
        "...+##+...",
        "..+#++#+..",
        ".+#+..+#+.",
        "+#+....+#+",
        "#+......+#",
    ),
}
PIXEL_VALUES = {".": 0.0, "+": 0.5, "#": 1.0}

# The kernels, each as the lecture writes it. "vertical" is the quiz's kernel (1 0 −1 in every
# row): it answers to a bright-left, dark-right edge with a positive number.
KERNELS: dict[str, tuple[tuple[float, ...], ...]] = {
    "edge": ((-1.0, -1.0, -1.0), (-1.0, 8.0, -1.0), (-1.0, -1.0, -1.0)),
    "blur": ((1 / 9, 1 / 9, 1 / 9), (1 / 9, 1 / 9, 1 / 9), (1 / 9, 1 / 9, 1 / 9)),
    "sharpen": ((0.0, -1.0, 0.0), (-1.0, 5.0, -1.0), (0.0, -1.0, 0.0)),
    "vertical": ((1.0, 0.0, -1.0), (1.0, 0.0, -1.0), (1.0, 0.0, -1.0)),
    "horizontal": ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0), (-1.0, -1.0, -1.0)),
}
TYPED_KERNEL = "typed"  # the state's kernel name when nine typed weights replace the preset

IMAGE_NAMES = {"digit": N_("the digit 7"), "letter": N_("the letter A"), "cross": N_("a cross")}
KERNEL_NAMES = {
    "edge": N_("edges"),
    "blur": N_("blur"),
    "sharpen": N_("sharpen"),
    "vertical": N_("vertical edges"),
    "horizontal": N_("horizontal edges"),
    TYPED_KERNEL: N_("typed weights"),
}


@dataclass(frozen=True)
class ConvolutionParams:
    """One run: the picture, the kernel (or nine typed weights over it), stride and padding."""

    image: str = "digit"
    kernel: str = "edge"
    weights: tuple[float, ...] | None = None
    stride: int = 1
    padding: int = 0


def image_array(name: str) -> Array:
    """The picture ``name`` as a float64 array of pixel brightnesses in 0 … 1."""
    art = IMAGE_ART[name]
    return np.array([[PIXEL_VALUES[char] for char in row] for row in art], dtype=np.float64)


def output_size(size: int, stride: int, padding: int, kernel: int = KERNEL_SIZE) -> int:
    """⌊(n + 2p − k)/s⌋ + 1: how many positions the kernel takes along one side."""
    return (size + 2 * padding - kernel) // stride + 1


def parameter_counts(
    image_shape: tuple[int, int], output_shape: tuple[int, int], kernel: int = KERNEL_SIZE
) -> dict[str, int]:
    """Parameters of one k × k convolution (k² weights + 1 bias) and of a dense layer that maps
    the same picture to a map of the same size (every output joined to every pixel, plus its
    bias): the lecture's 28 × 28 example gives 10 against 784 · 784 + 784 = 615 440."""
    inputs = image_shape[0] * image_shape[1]
    outputs = output_shape[0] * output_shape[1]
    return {"conv": kernel * kernel + 1, "dense": inputs * outputs + outputs}


def convolve(padded: Array, kernel: Array, stride: int) -> tuple[Array, Array, Array]:
    """The engine's convolution of an already padded picture: every window's pixels, their
    products with the kernel and the sums, shaped (rows, cols, k, k), (rows, cols, k, k) and
    (rows, cols).

    One Tensor expression for the whole map: fancy indexing picks every window at once
    (row offsets broadcast against column offsets), ``*`` multiplies each by the kernel and
    ``sum`` over the window's two axes gives each output.
    """
    k = kernel.shape[0]
    out_rows = (padded.shape[0] - k) // stride + 1
    out_cols = (padded.shape[1] - k) // stride + 1
    rows = (np.arange(out_rows) * stride)[:, None, None, None] + np.arange(k)[None, None, :, None]
    cols = (np.arange(out_cols) * stride)[None, :, None, None] + np.arange(k)[None, None, None, :]
    with no_grad(), np.errstate(all="ignore"):
        patches = Tensor(padded)[rows, cols]
        products = patches * Tensor(kernel)
        sums = products.sum(axis=(2, 3)) + BIAS
    return patches.data, products.data, sums.data


def clean(values: Array) -> Array:
    """Rounded to 12 places with −0 made 0: 1/9 + … + 1/9 should read as 1, not 0,9999999."""
    return np.round(values, 12) + 0.0


class Convolution(ReplayedDemo):
    """The kernel at one output position after another; ``back()`` and ``to_end()``."""

    name = "conv"
    params: ConvolutionParams
    params_type = ConvolutionParams

    # -------------------------------------------------------------- settings
    def changed(self, **values: object) -> Convolution:
        """A new run; choosing a kernel by name drops the typed weights that replaced the last."""
        settings = {**self.settings, **values}
        if "kernel" in values and "weights" not in values:
            settings.pop("weights", None)
        return type(self)(**settings)

    # -------------------------------------------------------------- the run
    def begin(self) -> None:
        params = self.params
        self.image = image_array(params.image)
        if params.weights is not None:
            self.kernel = np.array(params.weights, dtype=np.float64).reshape(3, 3)
        else:
            self.kernel = np.array(KERNELS[params.kernel], dtype=np.float64)
        self.padded = np.pad(self.image, params.padding)
        patches, products, sums = convolve(self.padded, self.kernel, params.stride)
        self.patches, self.products_all, self.sums = patches, clean(products), clean(sums)
        self.output_shape = (int(sums.shape[0]), int(sums.shape[1]))
        if self.last_index == 0:
            self._finish()

    def advance(self) -> None:
        if self.step_count + 1 >= self.last_index:
            self._finish()

    def _finish(self) -> None:
        self.end("done", "feature-map-computed")

    # -------------------------------------------------------------- reading
    @property
    def last_index(self) -> int:
        """The index of the last output position (row-major): the walk's last step."""
        return self.output_shape[0] * self.output_shape[1] - 1

    @property
    def final_step(self) -> int:
        return self.last_index

    @property
    def position(self) -> tuple[int, int]:
        """The output cell (row, column) the kernel is on now; its window starts at
        (row · stride, column · stride) in the padded picture."""
        return divmod(self.step_count, self.output_shape[1])

    @property
    def window(self) -> tuple[int, int]:
        """The top-left pixel of the kernel's window in the padded picture."""
        row, col = self.position
        return row * self.params.stride, col * self.params.stride

    @property
    def computed(self) -> BoolArray:
        """True for every output cell the walk has reached (row-major up to the position)."""
        count = self.step_count + 1
        flat = np.arange(self.output_shape[0] * self.output_shape[1]) < count
        return flat.reshape(self.output_shape)

    @property
    def patch(self) -> Array:
        """The 3 × 3 pixels under the kernel now (padding zeros included)."""
        row, col = self.position
        patch: Array = self.patches[row, col]
        return patch

    @property
    def products(self) -> Array:
        """The engine's nine products pixel · weight at the current position."""
        row, col = self.position
        products: Array = self.products_all[row, col]
        return products

    @property
    def value(self) -> float:
        """The engine's output at the current position: the sum of the nine products."""
        row, col = self.position
        return float(self.sums[row, col])

    @property
    def kernel_name(self) -> str:
        return TYPED_KERNEL if self.params.weights is not None else self.params.kernel

    def parameter_counts(self) -> dict[str, int]:
        return parameter_counts(self.image.shape, self.output_shape)

    def feature_map(self) -> list[list[float | None]]:
        """The map as far as it is computed: numbers, and None for cells not reached yet."""
        computed = self.computed
        return [
            [float(value) if done else None for value, done in zip(row, flags, strict=True)]
            for row, flags in zip(self.sums, computed, strict=True)
        ]

    def state(self) -> dict[str, Json]:
        row, col = self.position
        return {
            "image": self.params.image,
            "input": plain(self.image),
            "kernel": self.kernel_name,
            "weights": plain(self.kernel),
            "stride": self.params.stride,
            "padding": self.params.padding,
            "position": [row, col],
            "window": list(self.window),
            "output_shape": list(self.output_shape),
            "computed": self.step_count + 1,
            "feature_map": self.feature_map(),
            "patch": plain(self.patch),
            "products": plain(self.products),
            "value": plain(self.value),
            "parameter_counts": self.parameter_counts(),
        }
