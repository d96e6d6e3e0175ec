"""Signing a paper (PAdES, visible signature in its signature area) and checking a signed PDF:
real PDFs rendered by WeasyPrint, signed and validated by pyHanko, nothing mocked."""

import datetime
import os
import time
from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents import signing
from documents.demo_certificate import DEMO_SIGNER_NAME, write_demo_certificate
from documents.pdf import render_pdf_with_box

SPECIMEN = "documents/specimen_pdf.html"
PARAGRAPH = (
    "Căn cứ kết quả chấm điểm và bình xét thi đua năm 2020, Cụm thi đua số 2 đề nghị "
    "Bộ trưởng Bộ Tư pháp xem xét, tặng Cờ thi đua cho các đơn vị dẫn đầu. "
) * 4
ALTERED = "Tệp đã bị thay đổi sau khi ký: nội dung không còn khớp với chữ ký số."
ADDED = "Tệp đã bị thay đổi sau khi ký: có nội dung được thêm vào sau chữ ký số"
UNTRUSTED = "chứng thư số của người ký không do tổ chức cung cấp dịch vụ chứng thực chữ ký số"
MM = 72 / 25.4


def specimen_context(paragraphs):
    return {
        "number": "15/TTr-CTĐ2",
        "summary": "Về việc đề nghị khen thưởng năm 2020",
        "paragraphs": [PARAGRAPH] * paragraphs,
    }


@pytest.fixture(scope="module")
def specimen():
    """A paper of a few pages and where its signature area lies: ``(bytes, box)``."""
    return render_pdf_with_box(SPECIMEN, specimen_context(8))


@pytest.fixture
def signed(specimen, signing_certificate):
    pdf, box = specimen
    return signing.sign_pdf(pdf, box=box)


@pytest.fixture(scope="session")
def stranger_files(tmp_path_factory):
    """A self-signed certificate whose root nobody configured."""
    return write_demo_certificate(
        tmp_path_factory.mktemp("stranger"), common_name="Cơ quan không được tin cậy"
    )


def signature_widgets(pdf):
    """``(page count, [(page number, rect, widget)])`` of the signature fields, by pypdf."""
    reader = PdfReader(BytesIO(pdf))
    found = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            widget = annotation.get_object()
            if widget.get("/FT") == "/Sig":
                found.append((number, [float(v) for v in widget["/Rect"]], widget))
    return len(reader.pages), found


def with_content_added(pdf):
    """The signed file with an incremental update that writes "FORGED" on the first page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    text = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (FORGED) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(text))
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


def test_a_signed_paper_validates_with_its_signer_and_time(specimen, signing_certificate):
    pdf, box = specimen
    started = time.perf_counter()
    signed = signing.sign_pdf(pdf, box=box)
    middle = time.perf_counter()
    check = signing.validate_signed_pdf(signed)
    # Printed, never asserted (`make bench` measures: bench/signing.py).
    print(f"signed in {middle - started:.3f} s, validated in {time.perf_counter() - middle:.3f} s")

    assert signed.startswith(pdf)  # an incremental update: the paper's bytes are unchanged
    assert check.ok and check.intact and check.trusted
    assert check.signer == DEMO_SIGNER_NAME
    assert abs(check.signed_at - timezone.now()) < datetime.timedelta(minutes=5)
    assert check.message == (
        "Chữ ký số hợp lệ: tệp còn nguyên vẹn từ khi ký, chứng thư số được tin cậy."
    )


def test_the_visible_signature_fills_the_signature_area_of_the_last_page(specimen, signed):
    _pdf, box = specimen
    pages, widgets = signature_widgets(signed)

    assert pages > 1
    [(page, rect, widget)] = widgets
    assert page == pages - 1
    assert rect == pytest.approx(box, abs=0.01)
    assert rect[2] - rect[0] > 50 * MM and rect[3] - rect[1] > 20 * MM  # the 28 mm space
    assert "/N" in widget["/AP"]  # it has an appearance: the stamp


def test_the_stamp_says_who_signed_and_when_in_vietnam_time():
    signed_at = datetime.datetime(2020, 12, 14, 2, 30, tzinfo=datetime.UTC)
    stamp = signing.stamp_pdf(DEMO_SIGNER_NAME, signed_at, 280, 80)
    reader = PdfReader(BytesIO(stamp))
    text = " ".join(reader.pages[0].extract_text().split())

    assert [float(v) for v in reader.pages[0].mediabox] == pytest.approx([0, 0, 280, 80])
    assert "Ký số bởi:" in text
    assert DEMO_SIGNER_NAME in text
    assert "Thời gian ký: 2020-12-14T09:30:00+07:00" in text


def test_without_a_signature_area_the_signature_goes_bottom_right(specimen, signing_certificate):
    pdf, _box = specimen
    pages, [(page, rect, _widget)] = signature_widgets(signing.sign_pdf(pdf))

    assert page == pages - 1
    assert rect == pytest.approx([595.28 - 95 * MM, 20 * MM, 595.28 - 15 * MM, 45 * MM], abs=0.1)


def test_one_byte_changed_after_signing_is_caught(signed):
    altered = bytearray(signed)
    position = signed.index(b"stream\n") + 20  # inside the first stream, inside the signed range
    altered[position] ^= 0x01
    check = signing.validate_signed_pdf(bytes(altered))

    assert not check.ok and not check.intact
    assert check.message.startswith(ALTERED)
    assert check.signer == DEMO_SIGNER_NAME


def test_content_added_after_signing_is_refused(signed):
    check = signing.validate_signed_pdf(with_content_added(signed))

    assert not check.ok and not check.intact
    assert check.message.startswith(ADDED)


def test_bytes_appended_after_signing_are_refused(signed):
    check = signing.validate_signed_pdf(signed + b"\n% one more line\n")

    assert not check.ok and not check.intact
    assert check.message.startswith(ADDED)


def test_a_second_signature_after_the_first_is_allowed(signed):
    check = signing.validate_signed_pdf(signing.sign_pdf(signed))

    assert check.ok and check.intact and check.trusted
    assert check.signer == DEMO_SIGNER_NAME


def test_a_certificate_no_configured_root_issued_is_not_trusted(
    specimen, settings, signing_certificate, stranger_files
):
    pdf, box = specimen
    settings.SIGNING_P12_PATH = str(stranger_files.p12)
    settings.SIGNING_P12_PASSPHRASE_FILE = str(stranger_files.passphrase)
    check = signing.validate_signed_pdf(signing.sign_pdf(pdf, box=box))

    assert not check.ok and check.intact and not check.trusted
    assert UNTRUSTED in check.message
    assert check.signer == "Cơ quan không được tin cậy"


def test_without_any_trusted_root_our_own_signature_is_not_trusted(signed, settings):
    settings.SIGNING_TRUST_ROOTS = []
    check = signing.validate_signed_pdf(signed)

    assert not check.ok and check.intact and not check.trusted
    assert UNTRUSTED in check.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 a spreadsheet, not a PDF", "Tệp không phải là tệp PDF."),
        (b"%PDF-1.7\nnothing else", "Tệp PDF bị hỏng, không đọc được."),
    ],
)
def test_what_is_not_a_readable_pdf_is_refused(content, message, signing_certificate):
    check = signing.validate_signed_pdf(content)

    assert (check.ok, check.intact, check.trusted, check.signer) == (False, False, False, "")
    assert check.message == message


def test_an_unsigned_pdf_is_refused(specimen, signing_certificate):
    pdf, _box = specimen
    check = signing.validate_signed_pdf(pdf)

    assert not check.ok
    assert check.message == "Tệp PDF không có chữ ký số."


def test_signing_is_configured_only_with_a_certificate_file(settings, signing_certificate):
    assert signing.signing_configured()
    settings.SIGNING_P12_PATH = str(signing_certificate.p12.with_name("missing.p12"))
    assert not signing.signing_configured()
    settings.SIGNING_P12_PATH = ""
    assert not signing.signing_configured()


def test_the_key_is_loaded_once_until_its_file_changes(signing_certificate):
    signer = signing.current_signer()
    assert signing.current_signer() is signer

    stat = signing_certificate.p12.stat()
    os.utime(signing_certificate.p12, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert signing.current_signer() is not signer


def test_a_paper_without_a_signature_area_has_no_box():
    pdf, box = render_pdf_with_box(
        "documents/signature_stamp.html",
        {"signer": "x", "signed_at": "y", "width": "200", "height": "60", "font_size": "9"},
    )

    assert pdf.startswith(b"%PDF-")
    assert box is None
