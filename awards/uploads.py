"""Attachments of a proposal: the same checks as evidence files (type and size)."""

import os

from django.conf import settings
from django.utils.translation import gettext as _

from emulation.errors import DomainError

ALLOWED = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
# Magic bytes: a renamed executable is refused even with an allowed extension.
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
}


def validated_upload(upload, *, field):
    """Return ``(content_type, original_name)`` or raise a DomainError on ``field``."""
    name = os.path.basename(upload.name)
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED:
        raise DomainError(_("Chỉ nhận tệp PDF, Word, Excel, ODT hoặc ảnh PNG/JPEG."), field=field)
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise DomainError(
            _("Tệp quá lớn: tối đa %(mb)s MB.")
            % {"mb": settings.EVIDENCE_MAX_BYTES // (1024 * 1024)},
            field=field,
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(SIGNATURES[extension]):
        raise DomainError(
            _("Nội dung tệp không đúng với loại tệp %(ext)s.") % {"ext": extension}, field=field
        )
    return ALLOWED[extension], name[:255]
