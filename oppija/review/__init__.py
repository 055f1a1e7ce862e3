"""``oppija korda``: the learner's wrong answers asked again, oldest mistakes first."""
