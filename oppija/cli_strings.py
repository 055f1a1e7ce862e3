"""argparse's own messages, marked here so that Babel extracts them into oppija's catalogs.

argparse looks its words up through ``argparse._``, which the CLI points at oppija's gettext;
listing them here lets the Estonian catalog translate them like any other UI string.
"""

from __future__ import annotations

from oppija.i18n import N_

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ignored explicit argument %r"),
    N_("%(prog)s: error: %(message)s\n"),
)
