"""Thin widgets: they turn keys into messages and state into pictures."""
