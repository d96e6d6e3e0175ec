"""Evidence files (tài liệu minh chứng): PDF, images and Office documents only, checked by
extension AND by their first bytes, at most settings.EVIDENCE_MAX_BYTES, stored through the
default storage (outside the web root) and served only by a permission-checked view."""

import os
import zipfile

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from clusters.evaluation.freeze import ensure_not_frozen
from clusters.models import Evidence, Score
from emulation.audit import audit_record
from emulation.concurrency import lock_existing
from emulation.errors import DomainError
from emulation.rights import require_cluster_writer

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.ppt
# extension -> (content type, accepted leading bytes)
ALLOWED = {
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


def _zip_holds(upload, part):
    try:
        with zipfile.ZipFile(upload) as archive:
            return part in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)


def check_evidence_file(upload):
    """The content type to store, or DomainError(field="file") saying what is wrong."""
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED:
        raise DomainError(
            _(
                "Chỉ nhận tệp PDF, ảnh (PNG, JPG, GIF, WEBP) hoặc văn bản Office (Word, Excel, "
                "PowerPoint)."
            ),
            field="file",
        )
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise DomainError(
            _("Tệp lớn hơn mức cho phép %(max)s.")
            % {"max": filesizeformat(settings.EVIDENCE_MAX_BYTES)},
            field="file",
        )
    content_type, signatures = ALLOWED[extension]
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
            field="file",
        )
    return content_type


@transaction.atomic
def evidence_add(*, actor, cluster_year, unit, criterion, upload):
    require_cluster_writer(actor, cluster_year.cluster)
    ensure_not_frozen(cluster_year=cluster_year)
    content_type = check_evidence_file(upload)
    score, _created = Score.objects.get_or_create(
        cluster_year=cluster_year,
        unit=unit,
        criterion=criterion,
        defaults={"updated_by": actor},
    )
    evidence = Evidence(
        score=score,
        original_name=os.path.basename(upload.name)[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    audit_record(
        actor=actor,
        action="evidence_add",
        obj=score,
        after={"evidence": evidence.pk, "name": evidence.original_name, "size": evidence.size},
    )
    return evidence


@transaction.atomic
def evidence_delete(*, actor, evidence):
    score = evidence.score
    require_cluster_writer(actor, score.cluster_year.cluster)
    ensure_not_frozen(cluster_year=score.cluster_year)
    lock_existing(evidence, _("Tài liệu minh chứng này đã được xóa."))
    before = {"evidence": evidence.pk, "name": evidence.original_name}
    name = evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: evidence.file.storage.delete(name))
    audit_record(actor=actor, action="evidence_delete", obj=score, before=before)
