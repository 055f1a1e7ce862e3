"""The attention demo's tiny transformer: input words, a decoder, and multi-head attention.

The encoder turns each input word into a vector and adds a fixed positional vector (sines and
cosines, as in the original transformer: attention alone does not see word order), giving X.
The decoder writes one word per time step. Its query comes from the step's positional vector
and the word it wrote last (⟨algus⟩ at first); keys and values come from X. Per head
Q = D·W_Q, K = X·W_K, V = X·W_V and Z = softmax(QKᵀ/√dₖ)·V; the heads' Z side by side times
W_O, plus the step's positional vector, go through a linear layer and softmax over the
vocabulary (the input's words and ⟨lõpp⟩). The word to write can only come through attention,
so the weights show where each output word came from.

Training (oppija's engine, Adam) runs on random sequences of the sentence's words, copied or
reversed, so the model learns the positional pattern — which input position to look at on each
step — not one sentence. In each training example every head takes part with probability
``KEEP`` (at least one does), so each head must find the right input word by itself. Trained
weights are cached in memory per (heads, task, words, seed): a reset or a reopened slide does
not train again.

The five-step walk-through shows the encoder's self-attention over X with its own seeded
W_Q, W_K, W_V and W_O. This tiny decoder reads X directly, so that layer is not trained: its
numbers show how attention is computed, not what a trained encoder would attend to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

import numpy as np

from oppija.arrays import Array, IntArray
from oppija.engine.losses import cross_entropy
from oppija.engine.optim import Adam
from oppija.engine.tensor import Tensor, no_grad

MODEL_WIDTH = 16  # d_model: the length of every word vector (512 in the original transformer)
TRAINING_STEPS = 180  # with fixed positional vectors, 150 already decode every test sentence
BATCH = 16
LEARNING_RATE = 0.04
KEEP = 0.4  # the chance that a head takes part in a training example
POSITION_BASE = 100.0  # 10 000 in the original, for sentences of thousands of words
UNTRAINED = ("positions", "decoder_positions", "encoder_q", "encoder_k", "encoder_v", "encoder_o")
END = "⟨lõpp⟩"  # the end-of-sentence word the decoder writes last

# The matrices of one model, in the order they are made (and seeded).
MATRIX_NAMES = (
    "embed",
    "positions",
    "decoder_embed",
    "decoder_positions",
    "encoder_q",
    "encoder_k",
    "encoder_v",
    "encoder_o",
    "q",
    "k",
    "v",
    "o",
    "out",
    "out_bias",
)


def head_width(heads: int) -> int:
    """dₖ: each head's query, key and value length, d_model / heads as in the transformer."""
    return max(MODEL_WIDTH // heads, 2)


@dataclass(frozen=True)
class Vocabulary:
    """The words the model knows: the sentence's distinct words, then ⟨lõpp⟩; ⟨algus⟩ (the
    decoder's first input) is one index more and is never written."""

    words: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.words) + 1

    @property
    def end(self) -> int:
        return len(self.words)

    @property
    def start(self) -> int:
        return len(self.words) + 1

    def word(self, index: int) -> str:
        return self.words[index] if index < len(self.words) else END

    def indices(self, sentence: tuple[str, ...]) -> IntArray:
        return np.array([self.words.index(w) for w in sentence], dtype=np.intp)


def vocabulary_of(sentence: tuple[str, ...]) -> Vocabulary:
    """The distinct words in order of first appearance."""
    return Vocabulary(tuple(dict.fromkeys(sentence)))


def target_order(length: int, task: str) -> IntArray:
    """Which input position the decoder must write on each step: 0, 1, … or n − 1, …, 0."""
    order = np.arange(length)
    return order[::-1].copy() if task == "reverse" else order


@dataclass(frozen=True)
class AttentionModel:
    """Trained matrices (plain arrays, read-only by convention) and what they were trained for."""

    heads: int
    task: str
    length: int
    vocabulary: Vocabulary
    matrices: dict[str, Array]
    final_loss: float

    @property
    def width(self) -> int:
        return MODEL_WIDTH

    @property
    def head_width(self) -> int:
        return head_width(self.heads)

    def tensors(self) -> dict[str, Tensor]:
        """The matrices as constant Tensors, for a forward pass that builds no gradients."""
        return {name: Tensor(value) for name, value in self.matrices.items()}


def positional_vectors(count: int, width: int) -> Array:
    """The original transformer's fixed positional vectors: sines and cosines of the position
    at wavelengths from 2π to 2π·10⁴·ᐟᵈ, so that a shift in position is a linear map."""
    position = np.arange(count)[:, None]
    rates = 1.0 / (POSITION_BASE ** (np.arange(0, width, 2) / width))
    vectors = np.zeros((count, width))
    vectors[:, 0::2] = np.sin(position * rates)
    vectors[:, 1::2] = np.cos(position * rates)
    return vectors


def initial_matrices(
    heads: int, vocabulary: Vocabulary, length: int, seed: int
) -> dict[str, Array]:
    """Random start: N(0, 1/fan-in) weights, small embeddings, one generator for all."""
    rng = np.random.default_rng(seed)
    width, dk = MODEL_WIDTH, head_width(heads)
    shapes = {
        "embed": (vocabulary.size, width),
        "positions": (length, width),
        "decoder_embed": (vocabulary.size + 1, width),
        "decoder_positions": (length + 1, width),
        "encoder_q": (width, heads * dk),
        "encoder_k": (width, heads * dk),
        "encoder_v": (width, heads * dk),
        "encoder_o": (heads * dk, width),
        "q": (width, heads * dk),
        "k": (width, heads * dk),
        "v": (width, heads * dk),
        "o": (heads * dk, width),
        "out": (width, vocabulary.size),
        "out_bias": (vocabulary.size,),
    }
    matrices = {}
    for name in MATRIX_NAMES:
        shape = shapes[name]
        if name == "out_bias":
            matrices[name] = np.zeros(shape)
        elif name in ("positions", "decoder_positions"):
            matrices[name] = positional_vectors(shape[0], width)
        elif name in ("embed", "decoder_embed"):
            matrices[name] = rng.normal(0.0, 1.0, shape)
        else:
            matrices[name] = rng.normal(0.0, 1.0 / math.sqrt(shape[-2]), shape)
    return matrices


def multi_head(
    queries_from: Tensor,
    keys_from: Tensor,
    values_from: Tensor,
    w_q: Tensor,
    w_k: Tensor,
    w_v: Tensor,
    w_o: Tensor,
    heads: int,
    keep: Array | None = None,
) -> tuple[Tensor, dict[str, Tensor]]:
    """Multi-head attention over a batch: the lecture's steps 3 to 5, every head at once.

    ``queries_from`` is (batch, queries, d_model), ``keys_from`` and ``values_from`` (batch,
    keys, d_model); W_Q, W_K and W_V are (d_model, heads·dₖ), head i owning columns
    i·dₖ … (i + 1)·dₖ − 1, so one product makes every head's Q (a 2-D product is much faster
    than one per head); W_O is (heads·dₖ, d_model). Returns concat(Z)·W_O and the intermediate
    Tensors (Q, K, V per head, the scores QKᵀ/√dₖ, the weights, Z, concat(Z)).
    """
    dk = w_q.shape[1] // heads
    batch, count, width = queries_from.shape
    keys = keys_from.shape[1]

    def per_head(x: Tensor, w: Tensor, rows: int) -> Tensor:  # (batch, heads, rows, dₖ)
        flat = x.reshape(batch * rows, width) @ w
        return flat.reshape(batch, rows, heads, dk).transpose(0, 2, 1, 3)

    q = per_head(queries_from, w_q, count)
    k = per_head(keys_from, w_k, keys)
    v = per_head(values_from, w_v, keys)
    scores = (q @ k.transpose(0, 1, 3, 2)) * (1.0 / math.sqrt(dk))
    weights = scores.softmax(axis=-1)  # each row sums to 1
    z = weights @ v  # (batch, heads, queries, dₖ)
    if keep is not None:  # training only: some heads left out, so each must do the job alone
        z = z * keep
    joined = z.transpose(0, 2, 1, 3).reshape(batch * count, heads * dk)
    out = (joined @ w_o).reshape(batch, count, width)
    parts = {"Q": q, "K": k, "V": v, "scores": scores, "weights": weights, "Z": z, "concat": joined}
    return out, parts


def embed(m: dict[str, Tensor], tokens: IntArray) -> Tensor:
    """X = word vector + positional vector, for (batch, n) word indices: (batch, n, d_model)."""
    return m["embed"][tokens] + m["positions"][np.arange(tokens.shape[1])]


def encoder_self_attention(
    m: dict[str, Tensor], x: Tensor, heads: int
) -> tuple[Tensor, dict[str, Tensor]]:
    """The five-step walk-through's layer: every input word attends to every input word."""
    return multi_head(
        x, x, x, m["encoder_q"], m["encoder_k"], m["encoder_v"], m["encoder_o"], heads
    )


def decode(
    m: dict[str, Tensor],
    x: Tensor,
    previous: IntArray,
    steps: IntArray,
    heads: int,
    keep: Array | None = None,
) -> tuple[Tensor, dict[str, Tensor]]:
    """The decoder's logits for each (previous word, step) pair. ``previous`` and ``steps`` are
    (batch, queries); each query is one time step, computed independently of the others.

    The query comes from the step's positional vector and the previous word; keys and values
    from the embedded input X. Only the step's positional vector (not the previous word) is
    added to the attention's output before the last layer: the word to write must come
    through attention, so the weights show where it came from.
    """
    position = m["decoder_positions"][steps]
    inputs = m["decoder_embed"][previous] + position
    attended, parts = multi_head(inputs, x, x, m["q"], m["k"], m["v"], m["o"], heads, keep)
    batch, count, width = inputs.shape
    hidden = (position + attended).reshape(batch * count, width)
    logits = (hidden @ m["out"] + m["out_bias"]).reshape(batch, count, -1)
    parts["decoder_input"] = inputs
    return logits, parts


def training_batch(
    rng: np.random.Generator, vocabulary: Vocabulary, sentence: IntArray, task: str
) -> tuple[IntArray, IntArray, IntArray]:
    """Random sequences of the sentence's words (the sentence itself among them) with the
    decoder's inputs (⟨algus⟩, then the right words) and targets (the right words, ⟨lõpp⟩)."""
    length = sentence.size
    tokens = rng.integers(0, len(vocabulary.words), size=(BATCH, length))
    tokens[0] = sentence
    written = tokens[:, target_order(length, task)]
    targets = np.concatenate([written, np.full((BATCH, 1), vocabulary.end)], axis=1)
    previous = np.concatenate([np.full((BATCH, 1), vocabulary.start), written], axis=1)
    return tokens, previous, targets


def kept_heads(rng: np.random.Generator, heads: int) -> Array:
    """Which heads take part in one training example (each with probability ½, at least one),
    scaled so that their sum keeps its size: (batch, heads, 1, 1)."""
    keep = rng.random((BATCH, heads)) < KEEP
    keep[np.arange(BATCH), rng.integers(0, heads, BATCH)] = True
    scale = heads / keep.sum(axis=1, keepdims=True)
    kept: Array = (keep * scale)[:, :, None, None]
    return kept


def train(heads: int, task: str, sentence: tuple[str, ...], seed: int) -> AttentionModel:
    """A model trained with Adam on the copy or reverse task over the sentence's words."""
    vocabulary = vocabulary_of(sentence)
    length = len(sentence)
    indices = vocabulary.indices(sentence)
    matrices = initial_matrices(heads, vocabulary, length, seed)
    params = {name: Tensor(value.copy(), requires_grad=True) for name, value in matrices.items()}
    trained = [p for name, p in params.items() if name not in UNTRAINED]
    optimiser = Adam(trained, lr=LEARNING_RATE)
    rng = np.random.default_rng(seed + 1)
    steps = np.broadcast_to(np.arange(length + 1), (BATCH, length + 1))
    loss_value = math.inf
    with np.errstate(all="ignore"):
        for _step in range(TRAINING_STEPS):
            tokens, previous, targets = training_batch(rng, vocabulary, indices, task)
            keep = kept_heads(rng, heads)
            logits, _parts = decode(params, embed(params, tokens), previous, steps, heads, keep)
            loss = cross_entropy(logits.reshape(-1, vocabulary.size), targets.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            loss_value = float(loss.data)
    learned = {name: p.data.copy() for name, p in params.items()}
    return AttentionModel(heads, task, length, vocabulary, learned, loss_value)


class DecodedStep(TypedDict):
    """One step of the decoder: the word it wrote, the softmax it chose from, each head's
    attention weights over the input words (heads × words)."""

    word: str
    index: int
    probabilities: Array
    weights: Array


@lru_cache(maxsize=32)
def trained_model(heads: int, task: str, sentence: tuple[str, ...], seed: int) -> AttentionModel:
    """:func:`train`, remembered: reset and reopening are instant."""
    return train(heads, task, sentence, seed)


def greedy_decode(model: AttentionModel, sentence: tuple[str, ...]) -> list[DecodedStep]:
    """The decoder's steps until it writes ⟨lõpp⟩ (at most n + 2): per step the word chosen,
    the softmax over the vocabulary and each head's attention weights over the input words."""
    m = model.tensors()
    vocabulary = model.vocabulary
    tokens = vocabulary.indices(sentence)[None, :]
    steps: list[DecodedStep] = []
    previous = vocabulary.start
    with no_grad(), np.errstate(all="ignore"):
        x = embed(m, tokens)
        for t in range(min(len(sentence) + 2, model.length + 1)):
            logits, parts = decode(m, x, np.array([[previous]]), np.array([[t]]), model.heads)
            probabilities = logits.softmax(axis=-1).data[0, 0]
            chosen = int(np.argmax(probabilities))
            steps.append(
                DecodedStep(
                    word=vocabulary.word(chosen),
                    index=chosen,
                    probabilities=probabilities,
                    weights=parts["weights"].data[0, :, 0, :],
                )
            )
            if chosen == vocabulary.end:
                break
            previous = chosen
    return steps
