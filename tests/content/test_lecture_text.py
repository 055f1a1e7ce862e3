"""The lecture's words as edited for issue 18: facts stated no stronger than true, one term per
meaning, Estonian usage a careful lecturer expects, and teacher notes written for a university."""

from __future__ import annotations

import re

import pytest

from oppija.content.model import Lecture, Slide


def _text(slide: Slide) -> str:
    """What a learner reads on a slide: its steps and its questions (not the teacher's notes)."""
    parts = list(slide.steps)
    for quiz in slide.quizzes:
        parts += [quiz.question, quiz.explanation, quiz.model_answer]
        parts += [c.text + " " + c.explanation for c in quiz.choices]
    return "\n".join(parts)


def _all_text(lecture: Lecture) -> str:
    """Every slide's text and notes, and the glossary's definitions."""
    slides = "\n".join(_text(s) + "\n" + s.notes for s in lecture.slides)
    return slides + "\n" + "\n".join(term.definition for term in lecture.glossary)


def _slide(lecture: Lecture, slide_id: str) -> str:
    return " ".join(_text(lecture.slides[lecture.slide_index(slide_id)]).split())


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"\d%", "a percent sign is written after a space: 73 %"),
        (
            r"andmete peal|andmete peal\b|graafikaprotsessorite peal",
            "„andmetel“ / „põhjal“, not „peal“",
        ),
        (r"sama kujuga (kui|nagu)", "„sama kujuga mis“"),
        (r"\büks peitkiht ei piisa", "„ühest peitkihist ei piisa“"),
        (r"mälu ei mahu", "„mällu ei mahu“"),
        (r"Kahekordne tuleb", "„Tegur 2 tuleb“"),
        (r"üks-ühele", "„üksüheselt“"),
        (r"Playground'is|micrograd'i", "„Playgroundis“, „microgradi“"),
        (r"\bKuni iga tehe", "„Kui iga tehe …“"),
        (r"\bNt\.", "„nt“ is an abbreviation without a full stop"),
        (
            r"kohaga pärast koma|komakohaga|kümnendmurruna",
            "one way to ask for decimals: „N kümnendkohaga“",
        ),
        (
            r"\b(klassilt|klassiga|[Ll]ase klassil|las klass|õpilastel|õpilased)\b",
            "a university audience: kuulajad",
        ),
        (r"⟨[^⟩;]*\d, [^⟩]*⟩", "vector components are separated by „;“ where the comma is decimal"),
    ],
)
def test_estonian_usage(et: Lecture, pattern: str, why: str) -> None:
    found = sorted({m.group(0) for m in re.finditer(pattern, _all_text(et))})
    assert not found, f"{why}: {found}"


def test_notes_do_not_speak_of_a_school_class(en: Lecture) -> None:
    found = re.findall(r"\b(ask|let|with) the class\b", _all_text(en), flags=re.IGNORECASE)
    assert not found


def test_dqn_is_one_network_per_game(et: Lecture, en: Lecture) -> None:
    assert "ühe ja sama võrgu" not in _slide(et, "apps-games")
    assert "iga mängu jaoks õpiti oma võrk" in _slide(et, "apps-games")
    assert "a separate network was trained for each game" in _slide(en, "apps-games")


def test_dalle_parts_are_trained_separately_with_a_prior(et: Lecture, en: Lecture) -> None:
    assert "eelmudel" in _slide(et, "apps-dalle") and "õpitakse eraldi" in _slide(et, "apps-dalle")
    assert "prior" in _slide(en, "apps-dalle") and "trained separately" in _slide(en, "apps-dalle")
    assert "otsast lõpuni" not in _slide(et, "apps-dalle-thanos").split("transformer ja")[0]


def test_universal_approximation_is_on_a_compact_set_with_a_linear_output(
    et: Lecture, en: Lecture
) -> None:
    assert "kompaktsel" in _slide(et, "approximation") and "lineaarne" in _slide(
        et, "approximation"
    )
    assert "compact" in _slide(en, "approximation") and "linear output" in _slide(
        en, "approximation"
    )
    assert "piiratud piirkonnas" not in _slide(et, "approximation")


def test_vanishing_gradient_speaks_of_the_sigma_factors_not_the_gradient(
    et: Lecture, en: Lecture
) -> None:
    assert "vähemalt 64 korda" not in _slide(et, "activation-vanishing")
    assert "at least 64" not in _slide(en, "activation-vanishing")
    assert "σ′ tegurite korrutis" in _slide(et, "activation-vanishing")


def test_backprop_slide_itself_corrects_the_seed(et: Lecture, en: Lecture) -> None:
    assert "Tagasilevi ei ole õppimismeetod" in _slide(et, "backprop")
    assert "Backpropagation is not a learning method" in _slide(en, "backprop")


@pytest.mark.parametrize(
    ("slide_id", "et_words", "en_words"),
    [
        ("cnn-conv", "ristkorrelatsioon", "cross-correlation"),
        ("cnn-conv", "⌊(n + 2p − k)/s⌋ + 1", "⌊(n + 2p − k)/s⌋ + 1"),
        ("activation-vanishing", "surnud ReLU", "dying ReLU"),
        ("attention-steps", "otsesuunatud alamkiht", "feed-forward sublayer"),
        ("attention-steps", "dispersioon dₖ", "variance dₖ"),
        ("local-minima", "mini-batch", "mini-batch"),
        ("gd-2d", "Inerts", "Momentum"),
        ("backprop", "sümmeetria", "symmetry"),
    ],
)
def test_what_a_lone_learner_needs_is_in_the_slide(
    et: Lecture, en: Lecture, slide_id: str, et_words: str, en_words: str
) -> None:
    assert et_words in _slide(et, slide_id)
    assert en_words in _slide(en, slide_id)
