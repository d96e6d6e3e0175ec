"""Every uploaded document, checked the same way: an allowed extension for its kind, at most
settings.EVIDENCE_MAX_BYTES, and first bytes (and, for Office files, the part inside the ZIP)
that match the extension, so a renamed executable or a damaged file is refused. Files are
stored through the default storage (outside the web root) and served by permission-checked
views only."""

import os
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.errors import DomainError

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.ppt
# extension -> (content type, accepted leading bytes)
TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", (b"RIFF",)),
    ".doc": ("application/msword", (OLE,)),
    ".xls": ("application/vnd.ms-excel", (OLE,)),
    ".ppt": ("application/vnd.ms-powerpoint", (OLE,)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (ZIP,),
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
}
# A ZIP-based Office file must also hold the part that makes it that kind of document.
ZIP_PARTS = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".pptx": "ppt/presentation.xml",
    ".odt": "content.xml",
    ".ods": "content.xml",
}

EVIDENCE, DOSSIER = "evidence", "dossier"
# kind -> (allowed extensions, what the refusal says is accepted)
KINDS = {
    # Evidence of a score: a scan, a photo, a slide deck, a spreadsheet.
    EVIDENCE: (
        frozenset(TYPES),
        gettext_lazy(
            "Chỉ nhận tệp PDF, ảnh (PNG, JPG, GIF, WEBP) hoặc văn bản Office (Word, Excel, "
            "PowerPoint)."
        ),
    ),
    # A paper of the proposal dossier (cover submission, achievement report): a document.
    DOSSIER: (
        frozenset({".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".png", ".jpg", ".jpeg"}),
        gettext_lazy("Chỉ nhận tệp PDF, Word, Excel, ODT hoặc ảnh PNG/JPEG."),
    ),
}


def _zip_holds(upload, part):
    try:
        with zipfile.ZipFile(upload) as archive:
            return part in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)


def check_size(upload, *, field):
    """A DomainError on ``field`` when ``upload`` is over ``EVIDENCE_MAX_BYTES``: the limit of
    every uploaded document, also of a file checked against an issued paper."""
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise DomainError(
            _("Tệp lớn hơn mức cho phép %(max)s.")
            % {"max": filesizeformat(settings.EVIDENCE_MAX_BYTES)},
            field=field,
        )


def validated_upload(upload, *, kind, field):
    """``(content type, file name)`` to store, or a DomainError on ``field`` saying why the
    file of this ``kind`` is refused."""
    name = os.path.basename(upload.name)
    extension = os.path.splitext(name)[1].lower()
    allowed, accepted = KINDS[kind]
    if extension not in allowed:
        raise DomainError(str(accepted), field=field)
    check_size(upload, field=field)
    content_type, signatures = TYPES[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if (
        not any(head.startswith(sig) for sig in signatures)
        or (extension == ".webp" and head[8:12] != b"WEBP")
        or (extension in ZIP_PARTS and not _zip_holds(upload, ZIP_PARTS[extension]))
    ):
        raise DomainError(
            _("Nội dung tệp không khớp với đuôi %(ext)s: tệp có thể bị đổi tên hoặc hỏng.")
            % {"ext": extension},
            field=field,
        )
    return content_type, name[:255]
