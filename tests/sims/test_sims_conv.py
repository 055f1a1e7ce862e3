"""The convolution demo: the engine's feature map against a direct sliding-window sum, the
slide's and the quiz's numbers, the output size, parameter sharing, and the walk."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from oppija import i18n
from oppija.scenes.words.conv import conv_readout, size_text, sum_text
from oppija.sims import DemoSettingError, create_simulation
from oppija.sims.conv import (
    IMAGE_ART,
    KERNELS,
    Convolution,
    convolve,
    image_array,
    output_size,
    parameter_counts,
)
from oppija.sims.registry import DEMOS

pytestmark = pytest.mark.filterwarnings("error")

IMAGES = DEMOS["conv"].settings["image"].choices
KERNEL_CHOICES = DEMOS["conv"].settings["kernel"].choices


def sliding_window(image: np.ndarray, kernel: np.ndarray, stride: int, padding: int) -> np.ndarray:
    """The definition, loop by loop: Σ pixel · weight over each window (cross-correlation)."""
    padded = np.zeros((image.shape[0] + 2 * padding, image.shape[1] + 2 * padding))
    padded[padding : padding + image.shape[0], padding : padding + image.shape[1]] = image
    rows = (padded.shape[0] - 3) // stride + 1
    cols = (padded.shape[1] - 3) // stride + 1
    out = np.zeros((rows, cols))
    for r in range(rows):
        for c in range(cols):
            total = 0.0
            for i in range(3):
                for j in range(3):
                    total += padded[r * stride + i, c * stride + j] * kernel[i, j]
            out[r, c] = total
    return out


def finished(**settings: object) -> Convolution:
    demo = Convolution(**settings)
    demo.to_end()
    return demo


@pytest.mark.parametrize(
    ("image", "kernel", "stride", "padding"),
    list(itertools.product(IMAGES, KERNEL_CHOICES, (1, 2, 3), (0, 1, 2))),
)
def test_the_finished_map_is_the_sliding_window_sum(
    image: str, kernel: str, stride: int, padding: int
) -> None:
    demo = finished(image=image, kernel=kernel, stride=stride, padding=padding)
    expected = sliding_window(image_array(image), np.array(KERNELS[kernel]), stride, padding)
    state = demo.state()
    assert demo.status == "done"
    assert state["output_shape"] == list(expected.shape)
    assert np.allclose(np.array(state["feature_map"], dtype=float), expected, atol=1e-12)


def test_typed_weights_replace_the_kernel_and_give_the_same_sum() -> None:
    weights = (0.5, -2.0, 0.0, 1.0, 3.0, -1.0, 0.25, 0.0, 2.0)
    demo = finished(image="cross", kernel="blur", weights=weights, padding=1)
    expected = sliding_window(image_array("cross"), np.array(weights).reshape(3, 3), 1, 1)
    state = demo.state()
    assert state["kernel"] == "typed"
    assert state["weights"] == [[0.5, -2.0, 0.0], [1.0, 3.0, -1.0], [0.25, 0.0, 2.0]]
    assert np.allclose(np.array(state["feature_map"], dtype=float), expected)


def test_typed_weights_as_text_with_decimal_commas() -> None:
    demo = create_simulation("conv", {"weights": "0,5 0 0; 0 1 0; 0 0 −1"})
    assert demo.state()["weights"] == [[0.5, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -1.0]]
    with pytest.raises(DemoSettingError):
        create_simulation("conv", {"weights": "1 2 3"})


def test_choosing_a_kernel_by_name_drops_the_typed_weights() -> None:
    typed = Convolution(weights=(1.0,) * 9)
    assert typed.changed(kernel="sharpen").state()["kernel"] == "sharpen"
    assert typed.changed(stride=2).state()["kernel"] == "typed"  # other changes keep them


def test_the_slides_patch_under_the_edge_kernel_gives_3() -> None:
    """lessons/et/06-vorgutuubid.md: 0 1 1 in every row → 8 · 1 − 5 = 3; all ones → 0."""
    demo = Convolution(image="digit", kernel="edge")  # the slide's demo block
    demo.run(56)  # output (5, 6): the window on the left edge of the 7's stem
    state = demo.state()
    assert state["position"] == [5, 6]
    assert state["patch"] == [[0.0, 1.0, 1.0]] * 3
    assert state["value"] == 3.0
    assert state["feature_map"][5][6] == 3.0
    assert sum(sum(row) for row in state["products"]) == 3.0
    _patches, _products, ones = convolve(np.ones((3, 3)), np.array(KERNELS["edge"]), 1)
    assert ones.tolist() == [[0.0]]  # 8 · 1 − 8 · 1
    i18n.set_language("et")
    line = sum_text(demo.patch, demo.kernel, demo.value)
    expected = "0·(−1) + 1·(−1) + 1·(−1) + 0·(−1) + 1·8 + 1·(−1) + 0·(−1) + 1·(−1) + 1·(−1) = 3"
    assert line == expected


def test_a_flat_area_gives_zero_and_an_edge_does_not() -> None:
    """The slide's question: where is the output large and where zero? Zero inside the strokes
    (all ones) and on the dark background (all zeros), non-zero along the edges."""
    state = finished(image="digit", kernel="edge").state()
    feature = np.array(state["feature_map"], dtype=float)
    assert feature[2, 2:8].tolist() == [0.0] * 6  # inside the 7's bar
    assert feature[5:10, 0:5].tolist() == [[0.0] * 5] * 5  # the dark bottom left
    assert feature[1, 1] == 5.0 and feature[4, 5] == -5.0  # the bar's corner, inside and out
    assert (feature != 0).sum() > (feature == 0).sum() / 2


def test_the_quiz_patch_under_the_vertical_kernel_gives_7() -> None:
    """q-cnn-output: kernel 1 0 −1 in every row, rows (2; 0; 1), (3; 1; 0), (4; 2; 1) → 7."""
    patch = np.array([[2.0, 0.0, 1.0], [3.0, 1.0, 0.0], [4.0, 2.0, 1.0]])
    assert KERNELS["vertical"] == ((1.0, 0.0, -1.0),) * 3
    _patches, products, sums = convolve(patch, np.array(KERNELS["vertical"]), 1)
    assert sums.tolist() == [[7.0]]
    assert products[0, 0].tolist() == [[2.0, 0.0, -1.0], [3.0, 0.0, 0.0], [4.0, 0.0, -1.0]]


@pytest.mark.parametrize(
    ("size", "stride", "padding", "expected"),
    [(28, 1, 0, 26), (28, 1, 1, 28), (10, 1, 0, 8), (10, 2, 0, 4), (10, 3, 2, 4), (10, 2, 1, 5)],
)
def test_output_size_formula(size: int, stride: int, padding: int, expected: int) -> None:
    assert output_size(size, stride, padding) == expected


def test_the_size_line_writes_the_formula_with_this_runs_numbers() -> None:
    i18n.set_language("et")
    assert size_text(10, 1, 1).endswith("(n + 2p − k)/s + 1 = (10 + 2·1 − 3)/1 + 1 = 10")
    assert size_text(10, 2, 0).endswith("⌊(10 + 2·0 − 3)/2⌋ + 1 = 4")
    assert size_text(10, 2, 0, ascii_only=True).endswith("floor((10 + 2*0 - 3)/2) + 1 = 4")


def test_parameter_counts_of_the_lectures_example() -> None:
    """28 × 28 with padding 1 (same size out): 784 · 784 + 784 = 615 440 against 9 + 1."""
    assert parameter_counts((28, 28), (28, 28)) == {"conv": 10, "dense": 615_440}
    demo = Convolution(padding=1)  # 12 × 12 → 12 × 12
    assert demo.state()["parameter_counts"] == {"conv": 10, "dense": 144 * 144 + 144}
    assert Convolution(stride=2).state()["parameter_counts"]["dense"] == 144 * 25 + 25


def test_step_fills_one_cell_back_blanks_it_to_end_fills_all() -> None:
    demo = Convolution()  # 12 × 12, no padding: 10 × 10
    state = demo.state()
    assert state["output_shape"] == [10, 10] and state["position"] == [0, 0]
    assert state["computed"] == 1 and state["feature_map"][0][1] is None
    demo.step()
    demo.step()
    state = demo.state()
    assert state["position"] == [0, 2] and state["window"] == [0, 2]
    assert [v is not None for v in state["feature_map"][0][:4]] == [True, True, True, False]
    version = demo.version
    demo.back()
    assert demo.state()["position"] == [0, 1] and demo.state()["feature_map"][0][2] is None
    assert demo.version > version
    demo.to_end()
    state = demo.state()
    assert demo.status == "done" and demo.step_count == 99
    assert state["position"] == [9, 9]
    assert all(v is not None for row in state["feature_map"] for v in row)
    demo.step()  # nothing more to do
    assert demo.step_count == 99
    demo.back()
    assert demo.status == "running" and demo.state()["feature_map"][9][9] is None


def test_stride_moves_the_window_by_its_step_in_the_padded_picture() -> None:
    demo = Convolution(stride=2, padding=1)  # (12 + 2 − 3)//2 + 1 = 6
    demo.run(7)  # row 1, column 1
    state = demo.state()
    assert state["position"] == [1, 1] and state["window"] == [2, 2]
    padded = np.pad(image_array("digit"), 1)
    assert state["patch"] == padded[2:5, 2:5].tolist()


def test_the_shown_products_are_the_engines_and_sum_to_the_cell() -> None:
    demo = Convolution(image="cross", kernel="sharpen", padding=2)
    demo.run(17)
    state = demo.state()
    products = np.array(state["products"])
    expected = np.array(state["patch"]) * np.array(KERNELS["sharpen"])
    assert np.allclose(products, expected)
    row, col = state["position"]
    assert state["feature_map"][row][col] == pytest.approx(products.sum())


def test_pictures_are_small_and_well_formed() -> None:
    for name, art in IMAGE_ART.items():
        assert 8 <= len(art) <= 12, name
        assert all(len(row) == len(art[0]) for row in art), name
        assert 8 <= len(art[0]) <= 12, name
        values = image_array(name)
        assert values.min() == 0.0 and values.max() == 1.0
    assert set(IMAGE_ART) == set(IMAGES)
    assert set(KERNELS) == set(KERNEL_CHOICES)


def test_json_has_the_issues_keys() -> None:
    demo = create_simulation("conv", {"stride": "2"})
    demo.run(3)
    data = demo.to_json()
    text = json.dumps(data, allow_nan=False)
    assert '"feature_map"' in text
    state = data["state"]
    for key in (
        "image",
        "kernel",
        "stride",
        "padding",
        "position",
        "output_shape",
        "feature_map",
        "products",
        "parameter_counts",
    ):
        assert key in state
    assert data["params"] == {
        "image": "digit",
        "kernel": "edge",
        "weights": None,
        "stride": 2,
        "padding": 0,
    }
    assert len(state["products"]) == 3 and all(len(row) == 3 for row in state["products"])


def test_readout_speaks_the_active_language() -> None:
    i18n.set_language("et")
    demo = Convolution(kernel="blur")
    demo.run(9)
    lines = conv_readout(demo)
    assert "0,11" in lines[1] and "1·0,11" in lines[1]
    for line in conv_readout(demo, ascii_only=True):
        assert {char for char in line if not char.isascii()} <= set("õäöüšžÕÄÖÜŠŽ")
