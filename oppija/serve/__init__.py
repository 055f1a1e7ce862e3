"""``oppija serve``: the lecture for a room of browsers, one learner (and one process) a browser.

Only ``command`` and ``server`` import textual-serve (and aiohttp), and only when the command
runs; the other modules are plain Python that the app itself may import.
"""
