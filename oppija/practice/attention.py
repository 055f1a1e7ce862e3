"""Practice questions for the attention demo: the softmax weights of one row of the score table,
before the five steps' fourth step shows them.

The attention demo is a small trained transformer: its word vectors and W_Q, W_K, W_V have
sixteen and eight numbers a row and no friendly values, so nothing before the scores is a sum to
do by hand. What a learner can compute is the step the slide names: softmax turns a row of
scores QKᵀ/√dₖ into weights. The formula gives the row (three decimals), the answers are the
weights the table then writes (two decimals). The row asked is the one whose weights are spread
most (the largest entropy): a row where one word takes everything asks only 1 and 0.
"""

from __future__ import annotations

import math

import numpy as np

from oppija.arrays import Array
from oppija.i18n import _, format_integer
from oppija.practice.question import Question
from oppija.scenes.attention import fixed
from oppija.sims.attention import Attention
from oppija.text.numbers import short

DECIMALS = 2  # the tables write the weights with two decimals
SCORES_STAGE = 4  # the walk-through's step that shows the scores and their softmax


def questions(simulation: Attention) -> list[Question]:
    """The weights of the most spread row of the chosen head, just before they are shown."""
    if simulation.view != "steps" or simulation.stage != SCORES_STAGE - 1:
        return []
    head = simulation.head
    scores, weights = simulation.walk["scores"][head], simulation.walk["weights"][head]
    if not (np.all(np.isfinite(scores)) and np.all(np.isfinite(weights))):
        return []
    row = asked_row(weights)
    words = simulation.params.words
    s = [float(v) for v in scores[row]]
    exps = [math.exp(v - max(s)) for v in s]
    row_text = "(" + "; ".join(short(v) for v in s) + ")"
    query = _quoted(words[row])
    asked = []
    for j, word in enumerate(words):
        value = float(weights[row][j])
        power = f"e^{_power(s[j])}"
        powers = " + ".join(f"e^{_power(v)}" for v in s)
        filled = f"{power} / ({powers})"
        total = sum(s)
        slips = (
            [(s[j] / total, _("softmax divides the exponentials, not the scores"))]
            if total != 0
            else []
        )
        asked.append(
            Question(
                prompt=_("weight {query} → {key} = ?").format(query=query, key=_quoted(word)),
                formula=_(
                    "softmax of the row of {query} in QKᵀ/√dₖ, head {head}: e^sⱼ / Σₖ e^sₖ, "
                    "s = {row}"
                ).format(query=query, head=format_integer(head + 1), row=row_text),
                answer=value,
                hint=_(
                    "take e to the power of every score in the row, then divide this "
                    "one's by their sum"
                ),
                filled=f"{filled} = ?",
                derivation=f"{filled} = {fixed(exps[j] / sum(exps), 4)} ≈ {fixed(value)}",
                diagnoses=tuple(slips),
                decimals=DECIMALS,
                written=fixed(value),
            )
        )
    return asked


def asked_row(weights: Array) -> int:
    """The row whose weights are spread most (the first of equals)."""
    with np.errstate(all="ignore"):
        entropy = -np.sum(np.where(weights > 0, weights * np.log(weights), 0.0), axis=1)
    return int(np.argmax(entropy))


def given_lines(simulation: Attention) -> list[str]:
    """The sentence, the task, the heads and the head asked about."""
    p = simulation.params
    return [
        _(
            "sentence: {sentence}; task: {task}; heads: {heads}; the questions are about head "
            "{head}"
        ).format(
            sentence=" ".join(p.words),
            task=_("reverse") if p.task == "reverse" else _("copy"),
            heads=format_integer(p.heads),
            head=format_integer(simulation.head + 1),
        )
    ]


def to_scores(simulation: Attention, seed: int) -> None:
    """A fresh exercise opens the five steps just before the scores, on the seed's head."""
    simulation.set_view("steps")
    simulation.choose_head(seed % simulation.params.heads)
    simulation.run(SCORES_STAGE - 2)


def _quoted(word: str) -> str:
    return f"„{word}“"


def _power(value: float) -> str:
    text = short(value)
    return f"({text})" if value < 0 and text != "0" else text
