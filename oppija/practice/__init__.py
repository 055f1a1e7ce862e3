"""Practice mode: the learner computes the number a step-through demo reveals next.

Pure functions over a simulation's state (no Textual): :mod:`.question` holds what a question
is and how a typed answer is judged, one module per demo words its questions from the engine's
trace, and :mod:`.exercises` makes fresh problems from a seed.
"""
