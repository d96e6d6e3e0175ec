"""Issuing a paper (ban hành): its number from the register of its issuing body, then a version
built in the worker with the number and a QR code printed on it, signed with the body's
certificate when one is configured, and verifiable by anyone (``documents.verify``).

A draft is built the same way without number, QR code or signature, for reading before issue."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.services import proposal_cover_issued
from documents import pipeline, qr, signing
from documents.models import Paper, PaperVersion
from documents.papers import render_paper
from documents.papers.registry import paper_summary
from documents.rights import paper_cluster, require_keeper
from documents.services.register import issue_number, register_of_paper
from emulation.audit import audit_record, event_now
from emulation.errors import DomainError
from emulation.uploads import check_size

RELATED = ("paper__number__register", "paper__ministry", "paper__cluster_year__cluster")


@transaction.atomic
def paper_version_request(*, actor, paper, issue):
    """Ask for a version of the paper as it is now: a draft, or the issued paper (which takes
    the paper's number the first time). The build starts once this transaction commits; a
    request while one of its kind (draft, issued) is waiting or being built returns that one."""
    from documents.tasks import build_paper_version

    require_keeper(actor, ministry_id=paper.ministry_id, cluster=paper_cluster(paper))
    paper = Paper.objects.select_for_update().get(pk=paper.pk)
    pending = paper.versions.filter(issued=issue).exclude(status__in=PaperVersion.FINAL).first()
    if pending is not None:
        return pending
    if issue and paper.number is None:
        paper.issued_on = paper.issued_on or timezone.localdate(event_now())
        paper.number = issue_number(
            register=register_of_paper(paper), user=actor, summary=paper_summary(paper)
        )
        paper.save(update_fields=["number", "issued_on", "updated_at"])
        if paper.kind == Paper.Kind.COVER_SUBMISSION:
            proposal_cover_issued(
                actor=actor, cluster_year=paper.cluster_year, number=paper.number.label
            )
    version = PaperVersion.objects.create(paper=paper, requested_by=actor, issued=issue)
    if issue:
        audit_record(actor=actor, action="paper_issue", obj=version)
    else:
        audit_record(actor=actor, action="paper_draft", obj=version)
    transaction.on_commit(lambda: build_paper_version.delay(version.pk))
    return version


def _render(version):
    paper = version.paper
    verification = None
    number_label = ""
    if version.issued:
        if paper.number is None:
            raise DomainError(_("Văn bản chưa được cấp số."))
        number_label = paper.number.label
        url = qr.verification_url(version.code)
        verification = {"code": version.code, "url": url, "qr_svg": qr.qr_svg(url)}
    files = render_paper(paper, number_label=number_label, verification=verification)
    content = files.pdf
    fields = {}
    if version.issued and signing.signing_configured():
        content = signing.sign_pdf(content, box=files.signature_box)
        check = signing.validate_signed_pdf(content)
        fields = {
            "signature": PaperVersion.Signature.VALID
            if check.trusted
            else PaperVersion.Signature.UNTRUSTED,
            "signer": check.signer or "",
            "signed_at": check.signed_at,
        }
    stem = f"{paper.pk}/{version.request_id}"
    return pipeline.Built(
        files={"file": (f"{stem}.pdf", content), "docx": (f"{stem}.docx", files.docx)},
        data_version=files.data_version,
        fields=fields,
    )


def paper_version_build(*, version_id, last_attempt=True):
    """Render the paper (PDF and DOCX), sign an issued one, store both and the checksum."""
    return pipeline.build(
        PaperVersion,
        version_id=version_id,
        render=_render,
        related=RELATED,
        last_attempt=last_attempt,
    )


def versions_to_resume(now=None):
    return pipeline.versions_to_resume(PaperVersion, now)


def _signed_original(paper, content):
    """The issued version of ``paper`` that ``content`` signs: a signature is an incremental
    update, so a signed copy starts with the very bytes it signs."""
    candidates = paper.versions.filter(
        issued=True,
        status=PaperVersion.Status.READY,
        source=PaperVersion.Source.GENERATED,
        size__lt=len(content),
    )
    for version in candidates.order_by("-pk"):
        prefix = content[: version.size]
        if hashlib.sha256(prefix).hexdigest() == version.sha256:
            return version
    return None


@transaction.atomic
def signed_version_upload(*, actor, paper, upload):
    """Store a PDF of the paper signed elsewhere (a USB token, the national CA) once pyHanko
    finds its signature intact, covering the whole file and from a trusted certificate; a
    DomainError saying why otherwise. It becomes the paper's latest issued version; when it
    signs a version issued here, that version's code verifies the signed copy too."""
    require_keeper(actor, ministry_id=paper.ministry_id, cluster=paper_cluster(paper))
    check_size(upload, field="file")
    content = upload.read()
    check = signing.validate_signed_pdf(content)
    if not check.ok:
        raise DomainError(check.message, field="file")
    paper = Paper.objects.select_for_update().get(pk=paper.pk)
    if paper.number is None:
        raise DomainError(
            _("Văn bản chưa được ban hành (chưa có số): hãy ban hành, rồi tải lên bản đã ký số."),
            field="file",
        )
    now = timezone.now()
    version = PaperVersion(
        paper=paper,
        requested_by=actor,
        source=PaperVersion.Source.UPLOADED,
        issued=True,
        status=PaperVersion.Status.READY,
        generated_at=now,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        signature=PaperVersion.Signature.VALID,
        signer=check.signer,
        signed_at=check.signed_at,
        signed_copy_of=_signed_original(paper, content),
    )
    version.file.save(
        f"{paper.pk}/{version.request_id}-signed.pdf", ContentFile(content), save=False
    )
    version.save()
    audit_record(actor=actor, action="paper_signed_upload", obj=version)
    return version
