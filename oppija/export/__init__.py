"""``oppija export``: the lecture as a handout, a web page, a PDF or plain Markdown.

One module per job: ``handout`` collects the lecture for an audience (``lecture``), ``pictures``
runs each demo to its ``export-steps`` and draws it with the app's own scene in the
``print_palette``, ``svg`` turns those cells into vector SVG, ``html`` renders the page with
markdown-it-py and Jinja2 (``handout.html.j2``), ``pdf`` prints that page with WeasyPrint (an
optional extra), ``markdown_text`` writes the plain lecture, ``command`` is the command line.
Never imports Textual.
"""
