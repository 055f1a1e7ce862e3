"""``oppija report``: what a class answered, read from the class folder ``oppija serve`` fills.

``reading`` reads every learner read-only, ``tally`` counts per question and per learner,
``text_report``, ``csv_report`` and ``html_report`` print the counts, ``command`` ties them to
the command line. No Textual here: the report runs on a server without a terminal.
"""
