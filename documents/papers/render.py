"""A paper as files: the PDF (Decree 30/2020/NĐ-CP layout, WeasyPrint) and the DOCX with the
same text, from one ``paper_context``."""

from dataclasses import dataclass

from documents.papers.docx import paper_docx
from documents.papers.registry import paper_context, paper_data_version
from emulation.pdf import render_pdf


@dataclass(frozen=True)
class PaperFiles:
    pdf: bytes
    docx: bytes
    data_version: str


def render_paper(paper, *, number_label="", verification=None):
    """Both files of ``paper`` as it is now, with ``number_label`` ("15/TTr-CTĐ2"; blank
    before issue) and, when given, its ``verification`` (``code``, ``url``, ``qr_svg``)."""
    context = paper_context(paper, number_label=number_label, verification=verification)
    return PaperFiles(
        pdf=render_pdf(context["template"], context),
        docx=paper_docx(context),
        data_version=paper_data_version(context),
    )
