"""A small good lecture in both languages, as text, for the content tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

ET: dict[str, str] = {
    "lecture.md": """---
title: Süvaõpe
subtitle: ehk sügavõpe / deep learning
course: Tehisintellekt, loeng 3
author: Mark Fišel
date: 14. september 2022
---
""",
    "01-intro.md": """---
id: intro
title: Sissejuhatus
---

## Süvaõpe {#title}

Närvivõrgud õpivad andmetest.

. . .

Sügavad võrgud on mitmekihilised.

::: notes
Tervita klassi.
:::

## Neuron {#neuron}

Neuron arvutab σ(θᵀx).

::: demo activations
function: sigmoid
x: 0,5
:::

::: quiz q-neuron
question: Mida teeb aktivatsioonifunktsioon?
model: Lisab mittelineaarsuse.
:::
""",
    "02-gd.md": """---
id: gradient
title: Gradientlaskumine
---

## Gradientlaskumine {#gd-intro}

Liigume kao gradiendi vastassuunas: θ ← θ − α∇𝓔.

::: demo gd1d
preset: good
lr: 0,1
start: 3
function: x^4 - 3x^2 + x
:::

::: quiz q-lr
question: Mis on õppimiskiirus?
choice: Võrgu kihtide arv.
why: Ei — kihtide arv on arhitektuuri osa.
choice*: Samm, mille võrra parameetreid liigutatakse.
why: Õige: α korrutab gradienti.
:::

## Samm {#gd-step}

Üks samm arvutatakse nii.

::: quiz q-step
question: Mis on θ pärast üht sammu, kui θ = 3, α = 0,1 ja gradient on 6?
answer: 2,4
tolerance: 0,01
why: 3 − 0,1 · 6 = 2,4.
:::
""",
    "glossary.md": """## gradientlaskumine {#gradient-descent}
other: gradient descent
slide: gd-intro
Iteratiivne meetod funktsiooni miinimumi leidmiseks: parameetreid liigutatakse
väikeste sammudega gradiendi vastassuunas.

## õppimiskiirus {#learning-rate}
other: learning rate
slide: gd-intro
Samm, mille võrra parameetreid gradiendi vastassuunas liigutatakse.
""",
}

EN: dict[str, str] = {
    "lecture.md": """---
title: Deep learning
subtitle: a lecture in a terminal
course: Artificial intelligence, lecture 3
author: Mark Fišel
date: 14 September 2022
---
""",
    "01-intro.md": """---
id: intro
title: Introduction
---

## Deep learning {#title}

Neural networks learn from data.

. . .

Deep networks have many layers.

::: notes
Greet the class.
:::

## The neuron {#neuron}

A neuron computes σ(θᵀx).

::: demo activations
function: sigmoid
x: 0.5
:::

::: quiz q-neuron
question: What does an activation function do?
model: It adds non-linearity.
:::
""",
    "02-gd.md": """---
id: gradient
title: Gradient descent
---

## Gradient descent {#gd-intro}

We move against the gradient of the loss: θ ← θ − α∇𝓔.

::: demo gd1d
preset: good
lr: 0.1
start: 3
function: x**4 - 3*x**2 + x
:::

::: quiz q-lr
question: What is the learning rate?
choice: The number of layers.
why: No — the layers are part of the architecture.
choice*: The step by which the parameters move.
why: Right: α multiplies the gradient.
:::

## One step {#gd-step}

One step is computed like this.

::: quiz q-step
question: What is θ after one step if θ = 3, α = 0.1 and the gradient is 6?
answer: 2.4
tolerance: 0.01
why: 3 − 0.1 · 6 = 2.4.
:::
""",
    "glossary.md": """## gradient descent {#gradient-descent}
other: gradientlaskumine
slide: gd-intro
An iterative method for finding a minimum: the parameters move in small steps against the
gradient.

## learning rate {#learning-rate}
other: õppimiskiirus
slide: gd-intro
The step by which the parameters move against the gradient.
""",
}

Edits = Mapping[str, Sequence[tuple[str, str]]]


def write_language(folder: Path, files: Mapping[str, str], edits: Edits | None = None) -> None:
    """Write ``files`` into ``folder``, replacing text as ``edits`` says (each edit must apply)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        for old, new in (edits or {}).get(name, ()):
            assert old in text, f"{old!r} is not in {name}"
            text = text.replace(old, new, 1)
        (folder / name).write_text(text, encoding="utf-8")
