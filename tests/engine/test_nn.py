"""Layers, networks and the optimiser: the lecture's networks, numbers a learner can check by hand.

The lessons present these networks with the slide's equations beside them, so the engine's
results must equal those equations evaluated directly, and training must actually learn.
"""

from __future__ import annotations

import numpy as np
import pytest

from oppija.engine import Tensor, mse_loss
from oppija.engine.gradcheck import gradcheck
from oppija.engine.nn import MLP, Linear, LSTMCell, RNNCell, activate
from oppija.engine.optim import SGD, Adam
from oppija.engine.trace import trace

TOL = 1e-6


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def assert_small(errors: list[float], grads: list[np.ndarray | None]) -> None:
    """Each gradcheck error is below TOL relative to that gradient's size."""
    for k, (err, grad) in enumerate(zip(errors, grads, strict=True)):
        scale = 1.0 if grad is None else max(1.0, float(np.max(np.abs(grad))))
        assert err <= TOL * scale, f"parameter {k}: gradient off by {err}"


# --------------------------------------------------------------- the lecture's network
def test_lecture_network_by_hand() -> None:
    """h = σ(Vᵀx), y = σ(Uᵀh), 𝓔 = (y_ref − y)², worked by hand (rounded to 6 decimals).

    x = (1, 0), V = [[0.5, −0.5], [0.3, 0.8]], U = [[1], [−1]], y_ref = 1.

    Forward:
        z_h = Vᵀx              = (0.5, −0.5)
        h   = σ(z_h)           = (0.622459, 0.377541)
        z_y = Uᵀh = h₁ − h₂    = 0.244919
        y   = σ(z_y)           = 0.560925
        𝓔   = (1 − y)²         = 0.192786
    Backward:
        ∂𝓔/∂y   = −2(1 − y)                = −0.878149
        ∂𝓔/∂z_y = ∂𝓔/∂y · y(1 − y)          = −0.216278
        ∂𝓔/∂U   = h · ∂𝓔/∂z_y               = [[−0.134624], [−0.081654]]
        ∂𝓔/∂h   = U · ∂𝓔/∂z_y               = (−0.216278, 0.216278)
        ∂𝓔/∂z_h = ∂𝓔/∂h ∘ h ∘ (1 − h)       = (−0.050826, 0.050826)
        ∂𝓔/∂V   = x ⊗ ∂𝓔/∂z_h               = [[−0.050826, 0.050826], [0, 0]]
    """
    x = Tensor([1.0, 0.0])
    V = Tensor([[0.5, -0.5], [0.3, 0.8]], requires_grad=True, name="V")
    U = Tensor([[1.0], [-1.0]], requires_grad=True, name="U")
    z_h = x @ V
    h = z_h.sigmoid()
    z_y = h @ U
    y = z_y.sigmoid()
    error = ((1.0 - y) ** 2).sum()
    error.backward()

    approx = lambda *values: pytest.approx(np.array(values), abs=TOL)  # noqa: E731
    assert z_h.data == approx(0.5, -0.5)
    assert h.data == approx(0.622459, 0.377541)
    assert z_y.data == approx(0.244919)
    assert y.data == approx(0.560925)
    assert error.item() == pytest.approx(0.192786, abs=TOL)

    assert y.grad == approx(-0.878149)
    assert z_y.grad == approx(-0.216278)
    assert U.grad.shape == (2, 1)
    assert U.grad.ravel() == approx(-0.134624, -0.081654)
    assert h.grad == approx(-0.216278, 0.216278)
    assert z_h.grad == approx(-0.050826, 0.050826)
    assert V.grad.shape == (2, 2)
    assert V.grad.ravel() == approx(-0.050826, 0.050826, 0.0, 0.0)

    # mse_loss of the single output is the same error, with the same gradients
    V2, U2 = Tensor(V.data, requires_grad=True), Tensor(U.data, requires_grad=True)
    loss = mse_loss((((x @ V2).sigmoid()) @ U2).sigmoid(), [1.0])
    loss.backward()
    assert loss.item() == pytest.approx(error.item(), rel=1e-12)
    np.testing.assert_allclose(V2.grad, V.grad, rtol=1e-12)
    np.testing.assert_allclose(U2.grad, U.grad, rtol=1e-12)


# ----------------------------------------------------------------------------- XOR
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def test_mlp_learns_xor() -> None:
    """A 2-4-1 sigmoid net, full-batch MSE and SGD with lr 2.0, learns XOR in ≤ 3000 steps."""
    model = MLP([2, 4, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    optimiser = SGD(model.parameters(), lr=2.0)
    inputs = Tensor(XOR_X)
    first = last = float("nan")
    for step in range(3000):
        optimiser.zero_grad()
        loss = mse_loss(model(inputs), XOR_Y)
        loss.backward()
        optimiser.step()
        last = loss.item()
        if step == 0:
            first = last
        if last < 0.005:
            break
    assert first > 0.2
    assert last < 0.01
    prediction = model(inputs).data.ravel()
    np.testing.assert_array_equal(np.round(prediction), [0.0, 1.0, 1.0, 0.0])


def test_mlp_forward_is_the_layer_equations() -> None:
    """MLP(x) = act_out(act(x·W₁ + b₁)·W₂ + b₂), with the layers' own weights."""
    model = MLP([3, 5, 2], activation="tanh", output_activation="identity", seed=3)
    x = np.random.default_rng(0).normal(size=(4, 3))
    (w1, b1), (w2, b2) = ((layer.weight.data, layer.bias.data) for layer in model.layers)
    expected = np.tanh(x @ w1 + b1) @ w2 + b2
    np.testing.assert_allclose(model(Tensor(x)).data, expected, rtol=1e-12)
    relu_model = MLP([3, 5, 2], activation="relu", output_activation="sigmoid", seed=3)
    np.testing.assert_allclose(
        relu_model(Tensor(x)).data, sigmoid(np.maximum(x @ w1 + b1, 0.0) @ w2 + b2), rtol=1e-12
    )


def test_mlp_gradients_pass_gradcheck() -> None:
    """Backpropagation through a whole MLP agrees with central differences."""
    model = MLP([3, 4, 2], activation="tanh", output_activation="sigmoid", seed=1)
    x = Tensor(np.random.default_rng(1).normal(size=(5, 3)))
    params = model.parameters()
    errors = gradcheck(lambda: mse_loss(model(x), np.ones((5, 2))), params)
    assert_small(errors, [p.grad for p in params])


def test_same_seed_same_network() -> None:
    """A seed makes the initial weights reproducible; another seed changes them."""
    a, b, c = (MLP([2, 3, 1], seed=s) for s in (7, 7, 8))
    for pa, pb in zip(a.parameters(), b.parameters(), strict=True):
        np.testing.assert_array_equal(pa.data, pb.data)
    assert not np.array_equal(a.parameters()[0].data, c.parameters()[0].data)


# ------------------------------------------------------------------ Module plumbing
def test_mlp_parameters_and_names() -> None:
    """An MLP lists weight and bias of each layer, in order, by dotted name."""
    model = MLP([2, 4, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    named = list(model.named_parameters())
    assert [name for name, _ in named] == [
        "layers.0.weight",
        "layers.0.bias",
        "layers.1.weight",
        "layers.1.bias",
    ]
    assert [p.shape for _, p in named] == [(2, 4), (4,), (4, 1), (1,)]
    assert sum(p.size for p in model.parameters()) == 2 * 4 + 4 + 4 * 1 + 1
    assert all(p is q for p, (_, q) in zip(model.parameters(), named, strict=True))
    assert all(p.requires_grad for p in model.parameters())
    assert len(MLP([3, 5, 4, 2]).parameters()) == 6


def test_linear_parameters_and_names() -> None:
    """Linear has weight (inputs × outputs) and bias; without bias only the weight."""
    layer = Linear(3, 2, seed=0)
    assert [(name, p.shape) for name, p in layer.named_parameters()] == [
        ("weight", (3, 2)),
        ("bias", (2,)),
    ]
    assert [name for name, _ in Linear(3, 2, bias=False).named_parameters()] == ["weight"]
    bound = 1.0 / np.sqrt(3)
    assert np.all(np.abs(layer.weight.data) <= bound)
    x = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(
        layer(Tensor(x)).data, x @ layer.weight.data + layer.bias.data, rtol=1e-12
    )


def test_a_linear_layer_is_one_step_of_backpropagation() -> None:
    """x·W + b is one node (one line of the lecture, one turn of the backward walk), with x, W
    and b its parents, and a constant target of the loss is no node at all."""
    layer = Linear(3, 2, seed=0)
    x = Tensor(np.ones((4, 3)))
    with trace() as recorded:
        mse_loss(layer(x), np.zeros((4, 2))).backward()
    assert [step.op for step in recorded.steps] == ["mse", "affine"]
    assert len(recorded.steps[0].parents) == 1
    ids = [recorded.node_id(t) for t in (x, layer.weight, layer.bias)]
    assert [parent.node for parent in recorded.steps[1].parents] == ids


def test_an_mlp_layer_is_one_step_of_backpropagation() -> None:
    """A layer of neurons (weighted sums, then the activation) is one node: a 2-4-1 network's
    step walks three nodes, the loss and one per layer."""
    model = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", seed=0)
    with trace() as recorded:
        mse_loss(model(Tensor(np.ones((3, 2)))), np.zeros((3, 1))).backward()
    assert [step.op for step in recorded.steps] == ["mse", "sigmoid(affine)", "tanh(affine)"]


def test_recurrent_cells_name_their_parameters() -> None:
    """RNNCell has V and W; LSTMCell has W_, U_ and b_ for each of f, i, o, c."""
    assert [name for name, _ in RNNCell(3, 4).named_parameters()] == ["V", "W"]
    lstm_names = [name for name, _ in LSTMCell(3, 4).named_parameters()]
    assert lstm_names == [f"{group}_{gate}" for group in "WUb" for gate in "fioc"]
    assert len(LSTMCell(3, 4).parameters()) == 12


def test_zero_grad_clears_every_parameter() -> None:
    """Module.zero_grad and SGD.zero_grad both leave every .grad as None."""
    model = MLP([2, 3, 1], seed=0)
    optimiser = SGD(model.parameters(), lr=0.1)
    for clear in (model.zero_grad, optimiser.zero_grad):
        mse_loss(model(Tensor(XOR_X)), XOR_Y).backward()
        assert all(p.grad is not None for p in model.parameters())
        clear()
        assert all(p.grad is None for p in model.parameters())


# ------------------------------------------------------------------------------ SGD
def test_sgd_plain_step() -> None:
    """Without momentum: θ ← θ − α·g; parameters without a gradient stay put."""
    p = Tensor([1.0, -2.0], requires_grad=True)
    untouched = Tensor([5.0], requires_grad=True)
    optimiser = SGD([p, untouched], lr=0.5)
    p.grad = np.array([0.2, -0.4])
    optimiser.step()
    np.testing.assert_allclose(p.data, [0.9, -1.8], rtol=1e-12)
    np.testing.assert_array_equal(untouched.data, [5.0])


def test_sgd_momentum_two_steps() -> None:
    """With momentum β: v ← βv + g, θ ← θ − αv.

    α = 0.1, β = 0.9, θ₀ = (1, −2)
    step 1: g₁ = (0.5, 1),  v₁ = g₁ = (0.5, 1),                θ₁ = (0.95, −2.1)
    step 2: g₂ = (−1, 2),   v₂ = 0.9·v₁ + g₂ = (−0.55, 2.9),   θ₂ = (1.005, −2.39)
    """
    p = Tensor([1.0, -2.0], requires_grad=True)
    optimiser = SGD([p], lr=0.1, momentum=0.9)
    p.grad = np.array([0.5, 1.0])
    optimiser.step()
    np.testing.assert_allclose(p.data, [0.95, -2.1], rtol=1e-12)
    p.grad = np.array([-1.0, 2.0])
    optimiser.step()
    np.testing.assert_allclose(p.data, [1.005, -2.39], rtol=1e-12)


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
def test_sgd_rejects_a_bad_learning_rate(lr: float) -> None:
    with pytest.raises(ValueError):
        SGD([Tensor([1.0], requires_grad=True)], lr=lr)


@pytest.mark.parametrize("momentum", [-0.1, 1.0, 1.5])
def test_sgd_rejects_momentum_outside_0_1(momentum: float) -> None:
    with pytest.raises(ValueError):
        SGD([Tensor([1.0], requires_grad=True)], lr=0.1, momentum=momentum)


def test_sgd_accepts_the_edges_of_its_ranges() -> None:
    """momentum = 0 (plain SGD) and any small positive lr are fine."""
    SGD([Tensor([1.0], requires_grad=True)], lr=1e-9, momentum=0.0)
    SGD([Tensor([1.0], requires_grad=True)], lr=10.0, momentum=0.999)


# ---------------------------------------------------------------------------- RNN
RNG = np.random.default_rng(42)
SEQUENCE = RNG.normal(size=(4, 3))


def _unroll_rnn(cell: RNNCell, xs: np.ndarray) -> list[Tensor]:
    h = None
    states = []
    for x in xs:
        h = cell(Tensor(x), h)
        states.append(h)
    return states


def test_rnn_cell_is_the_lecture_equation() -> None:
    """hᵢ = σ(Vᵀxᵢ + Wᵀhᵢ₋₁) from h₀ = 0, step by step over a 4-step sequence."""
    cell = RNNCell(3, 4, seed=1)
    V, W = cell.V.data, cell.W.data
    assert V.shape == (3, 4) and W.shape == (4, 4)
    h = np.zeros(4)
    for x, state in zip(SEQUENCE, _unroll_rnn(cell, SEQUENCE), strict=True):
        h = sigmoid(V.T @ x + W.T @ h)
        np.testing.assert_allclose(state.data, h, rtol=1e-12)


def test_rnn_cell_on_a_batch() -> None:
    """A batch of sequences (rows) is unrolled row by row independently."""
    cell = RNNCell(3, 2, activation="tanh", seed=2)
    batch = RNG.normal(size=(3, 5, 3))  # time, batch, inputs
    h = None
    h_np = np.zeros((5, 2))
    for x in batch:
        h = cell(Tensor(x), h)
        h_np = np.tanh(x @ cell.V.data + h_np @ cell.W.data)
    np.testing.assert_allclose(h.data, h_np, rtol=1e-12)


def test_rnn_backpropagation_through_time_passes_gradcheck() -> None:
    """∂/∂V and ∂/∂W through a 3-step unroll agree with central differences."""
    cell = RNNCell(3, 4, seed=1)
    weights = Tensor(np.linspace(-1.0, 1.0, 4))

    def run() -> Tensor:
        states = _unroll_rnn(cell, SEQUENCE[:3])
        return (states[-1] * weights).sum() + states[0].sum()

    errors = gradcheck(run, [cell.V, cell.W])
    assert_small(errors, [cell.V.grad, cell.W.grad])
    assert np.any(cell.W.grad != 0.0)


# --------------------------------------------------------------------------- LSTM
def _lstm_reference(
    cell: LSTMCell, x: np.ndarray, h: np.ndarray, c: np.ndarray
) -> dict[str, np.ndarray]:
    """The five LSTM equations written out in NumPy with the cell's W, U and b."""

    def pre(gate: str) -> np.ndarray:
        return x @ cell.W[gate].data + h @ cell.U[gate].data + cell.b[gate].data

    f, i, o = sigmoid(pre("f")), sigmoid(pre("i")), sigmoid(pre("o"))
    g = np.tanh(pre("c"))
    c_new = f * c + i * g
    return {"f": f, "i": i, "o": o, "g": g, "c": c_new, "h": o * np.tanh(c_new)}


def _lstm_with_distinct_biases(seed: int = 5) -> LSTMCell:
    cell = LSTMCell(3, 4, seed=seed)
    rng = np.random.default_rng(seed)
    for gate in cell.GATES:  # distinct biases, so that mixing up two gates shows
        cell.b[gate].data[:] = rng.uniform(-1.0, 1.0, 4)
    return cell


def test_lstm_cell_is_the_five_equations() -> None:
    """f, i, o = σ(…), g = tanh(…), c = f∘c₋₁ + i∘g, h = o∘tanh(c) over 3 steps; gates match."""
    cell = _lstm_with_distinct_biases()
    h_np, c_np = np.zeros(4), np.zeros(4)
    state = None
    for x in SEQUENCE[:3]:
        h, c = cell(Tensor(x), state)
        state = (h, c)
        expected = _lstm_reference(cell, x, h_np, c_np)
        h_np, c_np = expected["h"], expected["c"]
        assert set(cell.gates) == {"f", "i", "o", "g", "c", "h"}
        for key, value in expected.items():
            np.testing.assert_allclose(cell.gates[key], value, rtol=1e-12, err_msg=key)
        np.testing.assert_allclose(h.data, h_np, rtol=1e-12)
        np.testing.assert_allclose(c.data, c_np, rtol=1e-12)


def test_lstm_unroll_is_the_steps_one_by_one() -> None:
    """unroll() joins the weights once: the same states, gates and gradients as step by step."""
    cells = [_lstm_with_distinct_biases(seed=7) for _ in range(2)]
    xs = [Tensor(x) for x in SEQUENCE]
    state = None
    stepped = []
    for x in xs:
        state = cells[0](x, state)
        stepped.append(state)
    unrolled = cells[1].unroll(xs)
    assert len(unrolled) == len(stepped)
    for (h1, c1), (h2, c2) in zip(stepped, unrolled, strict=True):
        np.testing.assert_array_equal(h1.data, h2.data)
        np.testing.assert_array_equal(c1.data, c2.data)
    for key in cells[0].gates:
        np.testing.assert_array_equal(cells[0].gates[key], cells[1].gates[key])
    for h, c in (stepped[-1], unrolled[-1]):
        (h.sum() + (c * c).sum()).backward()
    for p1, p2 in zip(cells[0].parameters(), cells[1].parameters(), strict=True):
        np.testing.assert_allclose(p1.grad, p2.grad, rtol=1e-12, atol=1e-15)


def test_lstm_forget_bias_starts_at_one() -> None:
    """A fresh cell starts by remembering: b_f = 1, the other biases 0."""
    cell = LSTMCell(2, 3)
    np.testing.assert_array_equal(cell.b["f"].data, np.ones(3))
    for gate in ("i", "o", "c"):
        np.testing.assert_array_equal(cell.b[gate].data, np.zeros(3))


def test_lstm_gradients_pass_gradcheck() -> None:
    """∂/∂W_f, ∂/∂U_c, ∂/∂b_i, ∂/∂U_o through a 3-step unroll agree with central differences."""
    cell = _lstm_with_distinct_biases(seed=6)
    weights = Tensor(np.linspace(-1.0, 1.0, 4))
    params = [cell.W["f"], cell.U["c"], cell.b["i"], cell.U["o"]]

    def run() -> Tensor:
        state = None
        for x in SEQUENCE[:3]:
            state = cell(Tensor(x), state)
        h, c = state
        return (h * weights).sum() + c.sum()

    errors = gradcheck(run, params)
    assert_small(errors, [p.grad for p in params])
    assert all(np.any(p.grad != 0.0) for p in params)


# -------------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    "kwargs", [{"activation": "softplus"}, {"output_activation": "Sigmoid"}, {"activation": ""}]
)
def test_mlp_rejects_an_unknown_activation(kwargs: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        MLP([2, 3, 1], **kwargs)


def test_activate_rejects_an_unknown_name() -> None:
    with pytest.raises(ValueError, match="unknown activation"):
        activate(Tensor([1.0]), "swish")


@pytest.mark.parametrize("sizes", [[], [3], [2, 0, 1]])
def test_mlp_rejects_bad_sizes(sizes: list[int]) -> None:
    with pytest.raises(ValueError):
        MLP(sizes)


# ------------------------------------------------------------------------------ Adam
def test_adam_two_steps_by_hand() -> None:
    """Adam's first steps, computed by hand from its update rule.

    α = 0.1, β₁ = 0.9, β₂ = 0.999, θ₀ = 1, g₁ = 2, g₂ = −1 (ε negligible)
    step 1: m = 0.2, v = 0.004; m̂ = 2, v̂ = 4; θ₁ = 1 − 0.1·2/2 = 0.9
    step 2: m = 0.18 − 0.1 = 0.08, v = 0.003996 + 0.001 = 0.004996;
            m̂ = 0.08/0.19, v̂ = 0.004996/0.001999; θ₂ = 0.9 − 0.1·m̂/√v̂
    """
    p = Tensor([1.0], requires_grad=True)
    untouched = Tensor([3.0], requires_grad=True)
    optimiser = Adam([p, untouched], lr=0.1)
    p.grad = np.array([2.0])
    optimiser.step()
    np.testing.assert_allclose(p.data, [0.9], rtol=1e-7)
    p.grad = np.array([-1.0])
    optimiser.step()
    m_hat, v_hat = 0.08 / 0.19, 0.004996 / (1 - 0.999**2)
    np.testing.assert_allclose(p.data, [0.9 - 0.1 * m_hat / np.sqrt(v_hat)], rtol=1e-7)
    np.testing.assert_array_equal(untouched.data, [3.0])


def test_adam_is_the_form_its_docstring_gives_even_where_epsilon_matters() -> None:
    """Four steps with gradients near ε, where Kingma–Ba's efficient form and PyTorch's
    α·m̂/(√v̂ + ε) part: the engine follows the form its docstring states (issue 13)."""
    assert Adam.__doc__ is not None
    assert "αₜ = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ)" in Adam.__doc__
    assert "θ ← θ − αₜ·m/(√v + ε)" in Adam.__doc__
    lr, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
    grads = [3e-8, -1e-8, 2e-8, 5e-9]
    p = Tensor([1.0], requires_grad=True)
    optimiser = Adam([p], lr=lr, betas=(beta1, beta2), eps=eps)
    theta, m, v, pytorch = 1.0, 0.0, 0.0, 1.0
    for t, g in enumerate(grads, start=1):
        p.grad = np.array([g])
        optimiser.step()
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        alpha_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
        theta -= alpha_t * m / (np.sqrt(v) + eps)
        pytorch -= lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
        np.testing.assert_allclose(p.data, [theta], rtol=1e-13)
    assert abs(theta - pytorch) > 1e-3  # the two forms really part here: the test can tell


def test_adam_finds_the_minimum_of_a_badly_scaled_bowl() -> None:
    """𝓔 = x² + 100·y²: Adam's per-parameter scale walks both axes to the minimum."""
    theta = Tensor([3.0, -2.0], requires_grad=True)
    optimiser = Adam([theta], lr=0.05)
    for _ in range(600):
        optimiser.zero_grad()
        (theta * theta * Tensor([1.0, 100.0])).sum().backward()
        optimiser.step()
    np.testing.assert_allclose(theta.data, [0.0, 0.0], atol=1e-2)


@pytest.mark.parametrize("betas", [(-0.1, 0.9), (0.9, 1.0)])
def test_adam_rejects_betas_outside_0_1(betas: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        Adam([Tensor([1.0], requires_grad=True)], betas=betas)


@pytest.mark.parametrize("lr", [0.0, float("nan")])
def test_adam_rejects_a_bad_learning_rate(lr: float) -> None:
    with pytest.raises(ValueError):
        Adam([Tensor([1.0], requires_grad=True)], lr=lr)
