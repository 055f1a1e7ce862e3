"""``oppija notes``: the teacher's second screen, following the presenter (timer maths here)."""
