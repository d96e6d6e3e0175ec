"""One upload check for every document (emulation.uploads): the allow-list of each kind, the
size limit at, below and above it, and the first bytes that must match the extension."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from emulation.errors import DomainError
from emulation.uploads import DOSSIER, EVIDENCE, validated_upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
GIF = b"GIF89a" + b"\x00" * 8


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind", "accepted"),
    [
        ("anh.gif", GIF, EVIDENCE, True),
        ("anh.gif", GIF, DOSSIER, False),  # a dossier paper is a document, not an animation
        ("anh.png", PNG, DOSSIER, True),
        ("bao-cao.docx", docx(), DOSSIER, True),
        ("bao-cao.docx", b"PK\x03\x04" + b"\x00" * 20, DOSSIER, False),  # a ZIP, not Word
        ("chay.exe", b"MZ\x90\x00", EVIDENCE, False),
        ("bao-cao.pdf", b"MZ\x90\x00not a pdf", DOSSIER, False),  # renamed executable
    ],
)
def test_each_kind_takes_its_own_list_and_checks_the_content(name, content, kind, accepted):
    upload = SimpleUploadedFile(name, content)
    if accepted:
        content_type, stored_name = validated_upload(upload, kind=kind, field="file")
        assert stored_name == name and content_type
    else:
        with pytest.raises(DomainError) as error:
            validated_upload(upload, kind=kind, field="file")
        assert error.value.field == "file"


@pytest.mark.parametrize(("size", "accepted"), [(15, True), (16, True), (17, False)])
def test_the_size_limit_at_below_and_above(settings, size, accepted):
    settings.EVIDENCE_MAX_BYTES = 16
    upload = SimpleUploadedFile("anh.png", (PNG[:8] + b"\x00" * size)[:size])
    assert upload.size == size
    if accepted:
        assert validated_upload(upload, kind=DOSSIER, field="f")[0] == "image/png"
    else:
        with pytest.raises(DomainError, match="Tệp lớn hơn mức cho phép 16\xa0byte"):
            validated_upload(upload, kind=DOSSIER, field="f")
