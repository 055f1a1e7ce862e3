"""Moving through a lecture: slide by slide, and through each slide's reveal steps first."""

from __future__ import annotations

from dataclasses import dataclass

from oppija.content.model import Lecture


@dataclass(frozen=True, order=True)
class Position:
    """Where the learner is: a slide (by its index in the lecture) and its reveal step."""

    slide: int
    step: int = 0


def clamp(lecture: Lecture, position: Position) -> Position:
    """The nearest real position: slide and step within their ranges."""
    slides = lecture.slides
    index = min(max(position.slide, 0), len(slides) - 1)
    step = min(max(position.step, 0), slides[index].step_count - 1)
    return Position(index, step)


def forward(lecture: Lecture, position: Position) -> Position:
    """The next reveal step of this slide, else the first step of the next slide."""
    slide = lecture.slides[position.slide]
    if position.step + 1 < slide.step_count:
        return Position(position.slide, position.step + 1)
    if position.slide + 1 < len(lecture.slides):
        return Position(position.slide + 1, 0)
    return position


def back(lecture: Lecture, position: Position) -> Position:
    """The previous reveal step, else the previous slide fully revealed (as a slideshow does)."""
    if position.step > 0:
        return Position(position.slide, position.step - 1)
    if position.slide > 0:
        previous = lecture.slides[position.slide - 1]
        return Position(position.slide - 1, previous.step_count - 1)
    return position


def first(lecture: Lecture) -> Position:
    return Position(0, 0)


def last(lecture: Lecture) -> Position:
    index = len(lecture.slides) - 1
    return Position(index, lecture.slides[index].step_count - 1)


def at_slide(lecture: Lecture, slide_id: str, step: int = 0) -> Position:
    """The position of a slide by id (KeyError when the lecture has no such slide)."""
    return clamp(lecture, Position(lecture.slide_index(slide_id), step))
