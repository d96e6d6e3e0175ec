"""Issuing the papers end to end: the register gives the number, the worker builds the PDF
and the DOCX with the number and the QR code, signs the PDF with the issuing body's
certificate, and the public page verifies it; a tampered copy is caught. Drafts carry no
number and verify nothing. Who may issue, download and take the dossier, for every role."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from documents import issuing, signing
from documents.dossier import dossier_entries
from documents.models import Paper, PaperVersion
from documents.papers.registry import paper_parts, paper_summary
from documents.services.papers import (
    paper_for_cluster_year,
    paper_for_decision,
    paper_for_upward_dossier,
    papers_for_proposal,
)
from emulation.audit import events_dated
from emulation.models import AuditEntry
from tests.documents.conftest import docx_text, flat, pdf_text
from tests.documents.test_papers_views import READ_CLUSTER, ROLES

# Who may ask for a draft or issue the cluster's papers: its secretary only (as who writes them).
GENERATE = {"secretary": 302, "other_secretary": 404, "staff": 403, "leader": 403,
            "foreign_staff": 404}  # fmt: skip


def _cover(dossier):
    return paper_for_cluster_year(dossier.cluster_year, Paper.Kind.COVER_SUBMISSION)


def _issue(world, paper, capture):
    with capture(execute=True):
        version = issuing.paper_version_request(
            actor=world.users.secretary, paper=paper, issue=True
        )
    version.refresh_from_db()
    return version


def _bytes(field):
    with field.open("rb") as handle:
        return handle.read()


def test_issuing_numbers_builds_and_prints_the_number_and_the_code(
    world, dossier, django_capture_on_commit_callbacks
):
    version = _issue(world, _cover(dossier), django_capture_on_commit_callbacks)

    assert version.status == PaperVersion.Status.READY
    assert version.paper.number.label == "1/TTr-CTĐ2"
    text = flat(pdf_text(_bytes(version.file)))
    assert "Số: 1/TTr-CTĐ2" in text
    assert version.code in text
    assert "Số: 1/TTr-CTĐ2" in flat(docx_text(_bytes(version.docx)))
    assert version.signature == PaperVersion.Signature.NONE  # no certificate configured
    assert AuditEntry.objects.filter(action="paper_issue").count() == 1


def test_issuing_the_cover_submission_gives_the_proposal_its_number(
    world, dossier, client_as, django_capture_on_commit_callbacks
):
    proposal = dossier.proposal
    assert proposal.number == "15/TTr-CTĐ2"  # typed before the paper was issued

    _issue(world, _cover(dossier), django_capture_on_commit_callbacks)
    _issue(world, _cover(dossier), django_capture_on_commit_callbacks)  # again: same number

    proposal.refresh_from_db()
    assert proposal.number == "1/TTr-CTĐ2"
    html = client_as("leader").get(proposal.get_absolute_url()).content.decode()
    assert "Số 1/TTr-CTĐ2, ngày 20/12/2021" in html
    entry = AuditEntry.objects.get(action="proposal_update")
    assert (entry.before["number"], entry.after["number"]) == ("15/TTr-CTĐ2", "1/TTr-CTĐ2")


def test_issuing_the_minutes_leaves_the_proposals_number(
    world, dossier, django_capture_on_commit_callbacks
):
    _issue(
        world,
        paper_for_cluster_year(dossier.cluster_year, Paper.Kind.MINUTES),
        django_capture_on_commit_callbacks,
    )

    dossier.proposal.refresh_from_db()
    assert dossier.proposal.number == "15/TTr-CTĐ2"


def test_the_register_records_each_papers_default_summary_without_reading_the_paper(
    world, dossier, django_capture_on_commit_callbacks
):
    papers = [
        *papers_for_proposal(dossier.proposal),
        paper_for_decision(dossier.decision),
        paper_for_upward_dossier(dossier.upward),
    ]
    with translation.override("en"):  # the register is Vietnamese whoever issues
        summaries = [paper_summary(paper) for paper in papers]

    assert summaries == [paper_parts(paper).defaults["summary"] for paper in papers]
    assert summaries[:2] == [
        "Về việc đề nghị khen thưởng năm 2021 cho các tập thể, cá nhân thuộc Cụm thi đua số 2",
        "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 của Cụm thi đua số 2",
    ]
    version = _issue(world, papers[0], django_capture_on_commit_callbacks)
    assert version.paper.number.summary == summaries[0]


def test_a_draft_takes_no_number_and_prints_none(
    world, dossier, django_capture_on_commit_callbacks
):
    paper = _cover(dossier)
    with django_capture_on_commit_callbacks(execute=True):
        draft = issuing.paper_version_request(actor=world.users.secretary, paper=paper, issue=False)
    draft.refresh_from_db()

    assert draft.status == PaperVersion.Status.READY and not draft.issued
    paper.refresh_from_db()
    assert paper.number is None
    assert "Số: /TTr-CTĐ2" in flat(pdf_text(_bytes(draft.file)))
    assert draft.code not in flat(pdf_text(_bytes(draft.file)))


def test_issuing_again_keeps_the_number_and_replaces_the_earlier_version(
    world, dossier, client, django_capture_on_commit_callbacks
):
    paper = _cover(dossier)
    first = _issue(world, paper, django_capture_on_commit_callbacks)
    second = _issue(world, paper, django_capture_on_commit_callbacks)

    assert second.paper.number == first.paper.number
    assert "Đã được thay thế bằng bản mới hơn" in client.get(f"/v/{first.code}/").content.decode()
    assert "Có hiệu lực" in client.get(f"/v/{second.code}/").content.decode()


def test_the_issued_pdf_is_signed_validates_and_fails_after_one_byte_changes(
    world, dossier, client, signing_certificate, django_capture_on_commit_callbacks
):
    version = _issue(world, _cover(dossier), django_capture_on_commit_callbacks)
    content = _bytes(version.file)

    signature = PdfFileReader(io.BytesIO(content)).embedded_signatures[0]
    context = ValidationContext(trust_roots=signing.trust_roots(), allow_fetching=False)
    status = validate_pdf_signature(signature, signer_validation_context=context)
    assert status.intact and status.valid and status.trusted
    assert version.signature == PaperVersion.Signature.VALID
    assert "DEMO – không có giá trị pháp lý" in version.signer
    page = client.get(f"/v/{version.code}/").content.decode()
    assert "Chữ ký số hợp lệ" in page and version.sha256 in page

    tampered = bytearray(content)
    at = content.index(b"/Contents") - 40  # inside the signed range, before the signature
    tampered[at] = ord("0") if tampered[at] != ord("0") else ord("1")
    check = signing.validate_signed_pdf(bytes(tampered))
    assert not check.ok and not check.intact
    upload = SimpleUploadedFile("copy.pdf", bytes(tampered), content_type="application/pdf")
    answer = client.post(f"/v/{version.code}/", {"file": upload}).content.decode()
    assert "không phải" in answer.lower() or "không khớp" in answer.lower()


def test_a_copy_signed_elsewhere_is_stored_and_verifies_under_the_printed_code(
    world, dossier, client_as, client, signing_certificate, settings,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.SIGNING_P12_PATH = ""  # issued unsigned here, then signed "with a USB token"
    version = _issue(world, _cover(dossier), django_capture_on_commit_callbacks)
    settings.SIGNING_P12_PATH = str(signing_certificate.p12)
    signed = signing.sign_pdf(_bytes(version.file))
    url = reverse("papers:signed_upload", args=[version.paper_id])

    response = client_as("secretary").post(
        url, {"file": SimpleUploadedFile("ky-so.pdf", signed, content_type="application/pdf")}
    )

    assert response.status_code == 302
    copy = PaperVersion.objects.get(source=PaperVersion.Source.UPLOADED)
    assert copy.signed_copy_of == version and copy.signature == PaperVersion.Signature.VALID
    page = client.get(f"/v/{version.code}/").content.decode()
    assert "Có hiệu lực" in page and copy.sha256 in page
    upload = SimpleUploadedFile("ky-so.pdf", signed, content_type="application/pdf")
    assert "khớp" in client.post(f"/v/{version.code}/", {"file": upload}).content.decode()


def test_an_unsigned_or_altered_upload_is_refused_and_says_why(
    world, dossier, client_as, signing_certificate, django_capture_on_commit_callbacks
):
    version = _issue(world, _cover(dossier), django_capture_on_commit_callbacks)
    signed = _bytes(version.file)
    url = reverse("papers:signed_upload", args=[version.paper_id])
    secretary = client_as("secretary")

    unsigned = secretary.post(url, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n")})
    altered = secretary.post(url, {"file": SimpleUploadedFile("b.pdf", signed + b"\n% later\n")})

    assert unsigned.status_code == 200 and altered.status_code == 200
    assert PaperVersion.objects.filter(source=PaperVersion.Source.UPLOADED).count() == 0
    for response in (unsigned, altered):
        assert "không" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_draft_or_issue(world, dossier, client_as, role):
    paper = _cover(dossier)

    draft = client_as(role).post(reverse("papers:generate", args=[paper.pk]))
    issue = client_as(role).post(reverse("papers:generate", args=[paper.pk]), {"issue": "1"})

    assert draft.status_code == GENERATE[role] and issue.status_code == GENERATE[role]
    paper.refresh_from_db()
    assert (paper.number is not None) == (GENERATE[role] == 302)
    assert PaperVersion.objects.count() == (2 if GENERATE[role] == 302 else 0)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_download_a_version_and_the_dossier(
    world, dossier, client_as, role, django_capture_on_commit_callbacks
):
    version = _issue(world, _cover(dossier), django_capture_on_commit_callbacks)
    client = client_as(role)

    pdf = client.get(reverse("papers:version_file", args=[version.pk, "pdf"]))
    docx = client.get(reverse("papers:version_file", args=[version.pk, "docx"]))
    zipped = client.get(reverse("papers:dossier", args=[dossier.proposal.pk]))

    assert pdf.status_code == docx.status_code == READ_CLUSTER[role]
    assert zipped.status_code == READ_CLUSTER[role]
    if READ_CLUSTER[role] == 200:
        assert b"".join(pdf.streaming_content).startswith(b"%PDF")
        assert zipped["Content-Type"] == "application/zip"


def test_anonymous_downloads_nothing(world, dossier, client_as, django_capture_on_commit_callbacks):
    version = _issue(world, _cover(dossier), django_capture_on_commit_callbacks)
    for url in (
        reverse("papers:version_file", args=[version.pk, "pdf"]),
        reverse("papers:dossier", args=[dossier.proposal.pk]),
        reverse("papers:generate", args=[version.paper_id]),
    ):
        response = client_as(None).get(url)
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]


def test_the_dossier_zip_holds_a_contents_page_and_every_issued_paper(
    world, dossier, client_as, django_capture_on_commit_callbacks
):
    papers = papers_for_proposal(dossier.proposal)
    versions = [_issue(world, paper, django_capture_on_commit_callbacks) for paper in papers]

    response = client_as("leader").get(reverse("papers:dossier", args=[dossier.proposal.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()

    assert names[0] == "00-muc-luc.pdf"
    assert len(names) == 1 + len(papers)
    contents = flat(pdf_text(archive.read("00-muc-luc.pdf")))
    for version in versions:
        assert version.paper.number.label in contents and version.code in contents
    assert archive.read(names[1]) == _bytes(versions[0].file)


def test_the_dossier_lists_every_issued_paper_from_one_query_of_papers(
    world, dossier, django_capture_on_commit_callbacks, django_assert_num_queries
):
    for paper in papers_for_proposal(dossier.proposal):
        _issue(world, paper, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):  # the Minister's, by the staff
        issuing.paper_version_request(
            actor=world.users.staff, paper=paper_for_decision(dossier.decision), issue=True
        )

    with django_assert_num_queries(3):  # the papers, their issued versions, the nominations
        entries = dossier_entries(dossier.proposal)

    assert [entry.title for entry in entries] == [
        "Tờ trình đề nghị khen thưởng của cụm",
        "Biên bản hội nghị tổng kết cụm",
        *[
            f"Báo cáo thành tích – {line.subject_name}"
            for line in dossier.proposal.nominations.order_by("pk")
        ],
        "Quyết định khen thưởng",
    ]


@pytest.mark.parametrize(
    ("issued_on", "register_year"),
    [
        (datetime.date(2021, 12, 31), 2021),  # the last day of the year of the achievements
        (datetime.date(2022, 1, 1), 2022),  # the next year's register starts at 1
    ],
)
def test_a_number_is_of_the_calendar_year_of_issue(
    world, dossier, issued_on, register_year, django_capture_on_commit_callbacks
):
    paper = _cover(dossier)
    with events_dated(issued_on):
        version = _issue(world, paper, django_capture_on_commit_callbacks)

    assert version.paper.number.register.year == register_year
    assert version.paper.number.number == 1
    assert version.paper.issued_on == issued_on
