"""The handout as a PDF: the print version of the HTML page, laid out by WeasyPrint.

WeasyPrint (and the Pango library under it) is an optional extra, ``pip install '.[pdf]'``:
the app and the other exports never need it. A4 pages with the lecture's title and the page
number in the footer, a slide kept on one page where it fits (``break-inside: avoid``), the
contents with page numbers; WeasyPrint embeds (subsets) every font it uses.
"""

from __future__ import annotations

from oppija.export.handout import Handout
from oppija.export.html import render_html
from oppija.i18n import _


class PdfUnavailable(Exception):
    """WeasyPrint cannot be loaded here; the message says how to get it (translated)."""


def pdf_support() -> None:
    """Load WeasyPrint, or raise :class:`PdfUnavailable` with the one line that says how."""
    try:
        import weasyprint  # noqa: F401  # loaded here so that the message comes before any work
    except (ImportError, OSError):  # not installed, or Pango missing from the system
        raise PdfUnavailable(
            _(
                "PDF export needs WeasyPrint: pip install 'oppija[pdf]' (from a clone: "
                "pip install '.[pdf]'; on Debian also apt install libpango-1.0-0 libpangoft2-1.0-0)"
            )
        ) from None


def render_pdf(handout: Handout) -> bytes:
    """The PDF's bytes (raises :class:`PdfUnavailable` without WeasyPrint)."""
    pdf_support()
    from weasyprint import HTML

    document: bytes = HTML(string=render_html(handout, for_print=True)).write_pdf()
    return document
