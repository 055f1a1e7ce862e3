"""The linear-maps demo: the slides' numbers, the product of a composition, the animation."""

from __future__ import annotations

import json

import numpy as np
import pytest

from oppija.scenes.words.linear_maps import linear_maps_readout
from oppija.sims.linear_maps import LinearMaps

pytestmark = pytest.mark.filterwarnings("error")


def finished(**settings: object) -> LinearMaps:
    demo = LinearMaps(**settings)
    demo.run(1000)
    return demo


@pytest.mark.parametrize(
    ("preset", "image"),
    [
        ("rotation", [-1.0, 2.0]),  # R(90°)·(2; 1) = (−1; 2)
        ("shear", [3.0, 1.0]),  # S·(2; 1) = (3; 1)
        ("reflection", [2.0, -1.0]),  # F·(2; 1) = (2; −1)
        ("composition", [1.0, 2.0]),  # SR·(2; 1) = (1; 2)
        ("translation", [3.0, 4.0]),  # (2; 1) + (1; 3)
    ],
)
def test_the_slides_example_point_lands_where_the_slide_says(preset: str, image: list) -> None:
    state = finished(preset=preset).state()
    assert state["example"]["image"] == pytest.approx(image, abs=1e-12)


def test_a_rotation_by_30_degrees_matches_the_slide() -> None:
    state = finished(preset="rotation", angle=30).state()
    assert state["example"]["image"] == pytest.approx([1.232, 1.866], abs=1e-3)


def test_the_composition_is_the_matrix_product() -> None:
    demo = finished(preset="composition")
    matrices = demo.state()["matrices"]
    first, second = np.array(matrices["first"]), np.array(matrices["second"])
    assert np.allclose(np.array(matrices["product"]), second @ first)
    assert matrices["product"] == [[1.0, -1.0], [1.0, 0.0]]  # SR on the slide
    # Mapping every point twice equals mapping it once with the product.
    shape = np.array(demo.state()["shape"])
    twice = (second @ (first @ shape.T)).T
    assert np.allclose(np.array(demo.state()["points"]), twice)
    assert np.allclose(twice, (np.array(matrices["product"]) @ shape.T).T)


def test_a_typed_second_map_composes_too() -> None:
    demo = finished(preset="composition", matrix=(2, 0, 0, 3), angle=45)
    matrices = demo.state()["matrices"]
    expected = np.array([[2, 0], [0, 3]]) @ np.array(matrices["first"])
    assert np.allclose(np.array(demo.state()["matrix"]), expected)


def test_linear_maps_keep_the_origin_and_a_translation_moves_it() -> None:
    for preset in ("rotation", "shear", "reflection", "scaling", "composition"):
        state = finished(preset=preset).state()
        assert state["origin"] == [0.0, 0.0] and state["linear"]
    state = finished(preset="translation").state()
    assert state["origin"] == [1.0, 3.0]
    assert not state["linear"]


def test_the_tanh_layer_bends_the_slides_line() -> None:
    state = finished(preset="tanh").state()
    points = np.array(state["points"])
    expected = [[-0.762, 0.964], [0.0, 0.762], [0.762, 0.0], [0.964, -0.762]]
    assert np.allclose(points, expected, atol=1e-3)  # the vector-spaces slide's numbers
    # Four points on one line before, not on one line after: the triangle's area is not 0.
    (ux, uy), (vx, vy) = points[1] - points[0], points[3] - points[0]
    assert abs(ux * vy - uy * vx) > 0.1
    assert state["current_matrix"] is None  # a tanh layer has no matrix


def test_the_animation_goes_from_the_identity_to_the_map_in_20_steps() -> None:
    demo = LinearMaps(preset="shear")
    assert demo.state()["current_matrix"] == [[1.0, 0.0], [0.0, 1.0]]
    demo.run(10)
    assert demo.t == 0.5 and demo.status == "running"
    assert demo.state()["current_matrix"] == [[1.0, 0.5], [0.0, 1.0]]
    demo.run(100)
    assert demo.step_count == 20 and demo.status == "done" and demo.t == 1.0
    demo.back()
    assert demo.status == "running" and demo.t == 0.95
    demo.to_end()
    assert demo.status == "done" and demo.step_count == 20


def test_a_rotation_turns_without_shrinking_on_the_way() -> None:
    demo = LinearMaps(preset="rotation", angle=180)
    demo.run(10)
    matrix = np.array(demo.state()["current_matrix"])
    assert np.allclose(matrix, [[0.0, -1.0], [1.0, 0.0]])  # halfway: 90°
    assert np.isclose(abs(np.linalg.det(matrix)), 1.0)


def test_a_new_preset_drops_the_typed_matrix() -> None:
    demo = LinearMaps(preset="shear", matrix=(1, 2, 3, 4))
    assert demo.state()["matrix"] == [[1.0, 2.0], [3.0, 4.0]]
    assert demo.changed(preset="reflection").state()["matrix"] == [[1.0, 0.0], [0.0, -1.0]]
    assert demo.changed(angle=10).params.matrix == (1.0, 2.0, 3.0, 4.0)


def test_json_shape_and_huge_numbers_do_not_raise() -> None:
    demo = finished(matrix=(10, -10, 10, 10))
    data = json.loads(json.dumps(demo.to_json()))
    assert data["demo"] == "linear-maps" and data["status"] == "done"
    assert {"preset", "matrix", "t", "points"} <= set(data["state"])
    assert np.array(data["state"]["points"]).shape == (5, 2)
    assert linear_maps_readout(demo, ascii_only=True)[0].isascii()
