"""Attention stepped through: a tiny trained transformer decodes a sentence one word at a time.

Two views over the same model (:mod:`oppija.sims.attention_model`). In ``decoding`` (the
default, as on the slide “Dekodeerimine samm-sammult”) each ``step()`` writes one output word:
the heat map grows by one row per head (how much attention the word gave each input word) and
the softmax over the vocabulary shows how sure the decoder was. In ``steps`` each ``step()``
walks one of the lecture's five steps of the encoder's self-attention: the sentence, X with its
shape, Q, K and V per head, the score table QKᵀ/√dₖ and its softmax rows, and concat(Z)·W_O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from oppija.arrays import Array
from oppija.engine.tensor import no_grad
from oppija.i18n import _, format_integer
from oppija.sims.attention_model import (
    END,
    AttentionModel,
    embed,
    encoder_self_attention,
    greedy_decode,
    trained_model,
)
from oppija.sims.base import plain
from oppija.sims.demo import ReplayedDemo, changes
from oppija.sims.plain import Json
from oppija.sims.settings import DemoSettingError

DEFAULT_SENTENCE = "See on meie sisendlause"
VIEWS = ("decoding", "steps")
WALK_STAGES = 5  # the lecture's five steps
MOST_WORDS = 8  # checked: 1 to 8 heads, copy and reverse, all decode right
TOP_WORDS = 5  # how many of the softmax's most likely words the state and picture give


@dataclass(frozen=True)
class AttentionParams:
    """One run's settings: heads, the task, the sentence (and its words), the seed."""

    heads: int = 2
    task: str = "reverse"
    sentence: str = DEFAULT_SENTENCE
    words: tuple[str, ...] = field(init=False)  # the sentence's, always
    seed: int = 0

    def __post_init__(self) -> None:
        """The sentence split into its words here, so that no params hold another sentence's.

        Raises:
            DemoSettingError: translated, for a sentence without words or with too many.
        """
        object.__setattr__(self, "words", sentence_words(self.sentence))


def sentence_words(sentence: str) -> tuple[str, ...]:
    """The words of a typed sentence, split at spaces.

    Raises:
        DemoSettingError: translated, when there is no word at all or more than
            ``MOST_WORDS`` (beyond that the tiny model no longer learns every head count
            reliably within its one-second training).
    """
    words = tuple(sentence.split())
    if not words:
        raise DemoSettingError(_("the sentence needs at least one word"))
    if len(words) > MOST_WORDS:
        raise DemoSettingError(
            _("the sentence can have at most {count} words").format(
                count=format_integer(MOST_WORDS)
            )
        )
    return words


class Attention(ReplayedDemo):
    """The trained model decoding the sentence (``decoding``) or the walk-through (``steps``)."""

    name = "attention"
    params: AttentionParams
    params_type = AttentionParams
    VIEWS: ClassVar[tuple[str, ...]] = VIEWS

    def __init__(self, *, view: str = "decoding", head: int = 0, **settings: object) -> None:
        """``view`` and ``head`` (the head whose numbers are shown) survive a change of settings."""
        if view not in VIEWS:
            raise DemoSettingError(_("unknown view “{view}”").format(view=view))
        self.view = view
        self.head = head
        super().__init__(**settings)

    # -------------------------------------------------------------- settings
    def changed(self, **values: object) -> Attention:
        """A new run with some settings replaced; the view and the chosen head are kept."""
        return type(self)(view=self.view, head=self.head, **{**self.settings, **values})

    # -------------------------------------------------------------- the run
    def begin(self) -> None:
        p = self.params
        self.head = min(max(self.head, 0), p.heads - 1)
        self.model: AttentionModel = trained_model(p.heads, p.task, p.words, p.seed)
        self.decoded = greedy_decode(self.model, p.words)
        self.walk = self._walk_numbers()

    def _walk_numbers(self) -> dict[str, Array]:
        """The encoder's self-attention over the sentence, every intermediate as an array:
        X (n × d), and per head Q, K, V (heads × n × dₖ), scores and weights (heads × n × n),
        Z, concat(Z) (n × heads·dₖ) and the output concat(Z)·W_O (n × d)."""
        m = self.model.tensors()
        tokens = self.model.vocabulary.indices(self.params.words)[None, :]
        with no_grad(), np.errstate(all="ignore"):
            x = embed(m, tokens)
            out, parts = encoder_self_attention(m, x, self.model.heads)
        numbers = {name: tensor.data[0] for name, tensor in parts.items()}
        numbers["concat"] = parts["concat"].data  # already (n, heads·dₖ): one sentence
        numbers["X"] = x.data[0]
        numbers["output"] = out.data[0]
        return numbers

    @property
    def total(self) -> int:
        """Steps in the current view: one per output word, or the walk's stages after the first."""
        return len(self.decoded) if self.view == "decoding" else WALK_STAGES - 1

    @property
    def final_step(self) -> int:
        return self.total

    def advance(self) -> None:
        if self.step_count + 1 >= self.total:
            if self.view == "decoding":
                self.end("done", "output-complete", end=END)
            else:
                self.end("done", "attention-steps-shown")

    @changes
    def set_view(self, view: str) -> None:
        """Switch between ``decoding`` and ``steps``; the walk starts again from its beginning."""
        if view not in VIEWS:
            raise DemoSettingError(_("unknown view “{view}”").format(view=view))
        if view != self.view:
            self.view = view
            self.step_count = 0
            self.status = "running"
            self.ending = None

    def next_view(self) -> None:
        self.set_view(VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)])

    @changes
    def choose_head(self, delta: int) -> None:
        """The head whose numbers are shown (``,`` and ``.``), round the heads."""
        self.head = (self.head + delta) % self.params.heads

    # -------------------------------------------------------------- reading
    @property
    def stage(self) -> int:
        """The walk-through's stage on show, 1 to 5."""
        return min(self.step_count + 1, WALK_STAGES) if self.view == "steps" else 0

    @property
    def output(self) -> list[str]:
        """The words written so far (⟨lõpp⟩ last once it is written)."""
        if self.view != "decoding":
            return []
        return [step["word"] for step in self.decoded[: self.step_count]]

    def decoding_weights(self) -> Array:
        """heads × (output steps so far) × input words."""
        shown = self.decoded[: self.step_count] if self.view == "decoding" else []
        if not shown:
            return np.zeros((self.params.heads, 0, len(self.params.words)))
        return np.stack([step["weights"] for step in shown], axis=1)

    def current_probabilities(self) -> list[tuple[str, float]]:
        """The last written step's most likely words with their probabilities, best first."""
        if self.view != "decoding" or self.step_count == 0:
            return []
        probabilities = self.decoded[self.step_count - 1]["probabilities"]
        best = np.argsort(-probabilities, kind="stable")[:TOP_WORDS]
        vocabulary = self.model.vocabulary
        return [(vocabulary.word(int(i)), float(probabilities[i])) for i in best]

    def state(self) -> dict[str, Json]:
        p, walk = self.params, self.walk
        weights = self.decoding_weights() if self.view == "decoding" else walk["weights"]
        return {
            "sentence": list(p.words),
            "task": p.task,
            "heads": p.heads,
            "head": self.head + 1,
            "view": self.view,
            "position": self.step_count,
            "total": self.total,
            "stage": self.stage,
            "output": self.output,
            "target": [p.words[i] for i in target_positions(len(p.words), p.task)] + [END],
            "weights": plain(weights),
            "encoder_weights": plain(walk["weights"]),
            "probabilities": [
                {"word": word, "probability": plain(value)}
                for word, value in self.current_probabilities()
            ],
            "vocabulary": [*self.model.vocabulary.words, END],
            "d_model": self.model.width,
            "d_k": self.model.head_width,
            "shapes": {
                "X": list(walk["X"].shape),
                "W_Q": [self.model.width, self.model.head_width],
                "Q": list(walk["Q"].shape[1:]),
                "scores": list(walk["scores"].shape[1:]),
                "concat": list(walk["concat"].shape),
                "W_O": list(self.model.matrices["encoder_o"].shape),
                "output": list(walk["output"].shape),
            },
            "training_loss": plain(self.model.final_loss),
        }


def target_positions(length: int, task: str) -> list[int]:
    """Which input word each output word should be: 0, 1, … (copy) or n − 1, …, 0 (reverse)."""
    order = list(range(length))
    return order[::-1] if task == "reverse" else order
