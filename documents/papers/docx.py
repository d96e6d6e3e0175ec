"""A paper as an editable DOCX (python-docx) with the same text as its PDF, from the same
``paper_context``: A4, margins 20/15/20/30 mm, Times New Roman 14 pt (13 pt in the header and
tables), the two-column header (issuing body left, national title right), the number, the
place and date, the title, the body blocks, the recipients and the signature block (Decree
30/2020/NĐ-CP, annex I)."""

import re
from io import BytesIO

import segno
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from documents.templatetags.reports import recipient_lines
from emulation.dates import BLANK, document_date

FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT, RIGHT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)
# Characters XML 1.0 cannot hold (a pasted control character must not break the file).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _paragraph(
    container,
    text="",
    *,
    align=JUSTIFY,
    bold=False,
    italic=False,
    size=None,
    underline=False,
    indent=False,
    space_after=6,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    if text:
        run = paragraph.add_run(NOT_XML.sub("", str(text)))
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
    return paragraph


def _setup(document):
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _emptied(cell):
    """A table cell without the blank paragraph python-docx starts it with."""
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return cell


def _cell(table, column):
    return _emptied(table.rows[0].cells[column])


def _header(document, doc, year):
    table = document.add_table(rows=1, cols=2)
    left, right = _cell(table, 0), _cell(table, 1)
    left.width, right.width = Mm(65), Mm(100)
    number = doc["number"]
    number = BLANK + number if number.startswith("/") else number
    for text, bold in ((doc["superior_body"], False), (doc["issuing_body"], True)):
        if text:
            _paragraph(left, text.upper(), align=CENTER, bold=bold, size=13, space_after=0)
    _paragraph(left, "———", align=CENTER, size=13, space_after=0)
    _paragraph(left, f"Số: {number}", align=CENTER, size=13, space_after=0)
    _paragraph(
        right,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        align=CENTER,
        bold=True,
        size=13,
        space_after=0,
    )
    _paragraph(
        right,
        "Độc lập - Tự do - Hạnh phúc",
        align=CENTER,
        bold=True,
        underline=True,
        space_after=6,
    )
    _paragraph(
        right,
        f"{doc['place']}, {document_date(doc['issued_on'], year)}",
        align=CENTER,
        italic=True,
    )


def _title(document, doc):
    _paragraph(document, doc["doc_type"], align=CENTER, bold=True, space_after=0)
    _paragraph(document, doc["summary"], align=CENTER, bold=True, space_after=12)
    if doc["addressee"]:
        _paragraph(document, f"Kính gửi: {doc['addressee']}.", align=CENTER, space_after=12)


def _table(document, block):
    columns = len(block["columns"])
    rows = [*block["rows"], *([block["total"]] if block["total"] else [])]
    table = document.add_table(rows=1 + len(rows), cols=columns)
    table.style = "Table Grid"
    for index, row in enumerate([block["columns"], *rows]):
        bold = index == 0 or (block["total"] is not None and index == len(rows))
        for column, text in enumerate(row):
            cell = _emptied(table.rows[index].cells[column])
            align = RIGHT if index and column in block["numeric"] else LEFT
            _paragraph(
                cell, text, align=CENTER if index == 0 else align, bold=bold, size=13, space_after=0
            )
    _paragraph(document, space_after=0)


PARA_STYLES = {
    "": {"indent": True},
    "line": {"align": LEFT, "indent": True},
    "center": {"align": CENTER, "italic": True},
    "center-bold": {"align": CENTER, "bold": True},
    "bold": {"bold": True},
    "note": {"italic": True, "size": 11},
}


def _blocks(document, blocks):
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            _paragraph(document, block["text"], bold=True, italic=block["level"] == 3)
        elif kind == "para":
            _paragraph(document, block["text"], **PARA_STYLES.get(block["style"], {}))
        elif kind == "written":
            for line in block["lines"]:
                _paragraph(document, line, indent=True)
        elif kind == "table":
            _table(document, block)
        elif kind == "page_break":
            document.add_page_break()


def _signature(cell, on_behalf, title, name):
    for text in (on_behalf, title):
        if text:
            _paragraph(cell, text.upper(), align=CENTER, bold=True, size=13, space_after=0)
    for _blank in range(4):
        _paragraph(cell, space_after=0)
    _paragraph(cell, name, align=CENTER, bold=True, size=13)


def _closing(document, doc, left_signature):
    table = document.add_table(rows=1, cols=2)
    left, right = _cell(table, 0), _cell(table, 1)
    if left_signature:
        _signature(left, "", left_signature["title"], left_signature["name"])
    else:
        _paragraph(left, "Nơi nhận:", align=LEFT, bold=True, italic=True, size=12, space_after=0)
        for line in recipient_lines(doc["recipients"]):
            _paragraph(left, f"- {line}", align=LEFT, size=11, space_after=0)
    _signature(right, doc["signer_on_behalf"], doc["signer_title"], doc["signer_name"])


def _verification(document, verification):
    image = BytesIO()
    segno.make(verification["url"], error="m").save(image, kind="png", scale=4, border=1)
    image.seek(0)
    document.add_picture(image, width=Mm(22))
    _paragraph(
        document,
        f"{_('Mã xác thực:')} {verification['code']}",
        align=LEFT,
        size=9,
        space_after=0,
    )
    _paragraph(document, f"{_('Kiểm tra tại:')} {verification['url']}", align=LEFT, size=9)


def paper_docx(context):
    """The DOCX bytes of a ``documents.papers.registry.paper_context``."""
    document = Document()
    _setup(document)
    with translation.override("vi"):
        _header(document, context["doc"], context["data"]["year"])
        _title(document, context["doc"])
        _blocks(document, context["body"])
        _closing(document, context["doc"], context["left_signature"])
        _blocks(document, context["annex"])
        if context["verification"]:
            _verification(document, context["verification"])
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
