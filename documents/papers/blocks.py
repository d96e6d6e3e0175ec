"""The body of a paper as a list of plain blocks (dicts of strings), so the PDF template
(``documents/papers/_blocks.html``) and the DOCX writer (``documents.papers.docx``) print the
same text from the same data, and the data can be hashed (``data_version``).

Kinds of block:
- ``heading``: ``text``, ``level`` (2: "I. …" in bold; 3: "1. …" in bold italics);
- ``para``: ``text``, ``style`` ("" justified with an indent, "center", "center-bold",
  "bold", "note" in small italics, "line" without indent);
- ``written``: what a person wrote, one paragraph a line (``lines``), shown as typed (a
  blank text prints "(Chưa có nội dung.)", as the year-end report does);
- ``table``: ``columns`` (header cells), ``rows`` (lists of cells), ``total`` (a last row,
  or None), ``numeric`` (indexes of right-aligned columns);
- ``page_break``."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Section:
    """A part of a paper a person writes: its key in ``Paper.sections``, its label and help
    on the edit page, and the text it starts with, drawn from the data."""

    key: str
    label: str
    help_text: str
    default: str


def heading(text, level=2):
    return {"type": "heading", "text": str(text), "level": level}


def para(text, style=""):
    return {"type": "para", "text": str(text), "style": style}


def written(text):
    found = lines(text)
    if not found:
        return para(_("(Chưa có nội dung.)"), "note")
    return {"type": "written", "lines": found}


def table(columns, rows, *, total=None, numeric=()):
    return {
        "type": "table",
        "columns": [str(c) for c in columns],
        "rows": [["" if cell is None else str(cell) for cell in row] for row in rows],
        "total": None if total is None else [str(cell) for cell in total],
        "numeric": list(numeric),
    }


def page_break():
    return {"type": "page_break"}


def lines(text):
    """The non-blank lines of what a person wrote, as typed."""
    return [line.rstrip() for line in str(text or "").splitlines() if line.strip()]
