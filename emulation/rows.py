"""Helpers of the lists whose rows are written in one pass of Python instead of a template
loop (``units.list_html``, ``clusters.list_html``)."""

from html import escape

from django.urls import reverse

_PK = 987654321  # a pk no record has


def address_pattern(viewname):
    """The escaped address of ``viewname`` for any one pk, as a ``str.format`` pattern: one
    ``reverse()`` a page instead of one a row."""
    return escape(reverse(viewname, args=[_PK])).replace(str(_PK), "{}")
