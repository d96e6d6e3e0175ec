"""A paper as files: the PDF (Decree 30/2020/NĐ-CP layout, WeasyPrint) and the DOCX with the
same text, from one ``paper_context``."""

from dataclasses import dataclass

from documents.papers.docx import paper_docx
from documents.papers.registry import paper_context, paper_data_version
from documents.pdf import render_pdf_with_box


@dataclass(frozen=True)
class PaperFiles:
    pdf: bytes
    docx: bytes
    data_version: str
    # Where the signature area lies on the last page (PDF points), for the visible signature.
    signature_box: tuple | None = None


def render_paper(paper, *, number_label="", verification=None):
    """Both files of ``paper`` as it is now, with ``number_label`` ("15/TTr-CTĐ2"; blank
    before issue) and, when given, its ``verification`` (``code``, ``url``, ``qr_svg``)."""
    context = paper_context(paper, number_label=number_label, verification=verification)
    pdf, signature_box = render_pdf_with_box(context["template"], context)
    return PaperFiles(
        pdf=pdf,
        docx=paper_docx(context),
        data_version=paper_data_version(context),
        signature_box=signature_box,
    )
