"""Demo data: the papers of every demo proposal (the cluster's tờ trình, the minutes, each
nominee's achievement report, the Minister's decision) and the ministry's tờ trình upward,
issued, numbered and, under `make run`, signed with the demo certificate. The uploads the
earlier demo steps stood in for (the proposal's cover, each line's report, the evidence) are
replaced by real files, so no placeholder is left.

The papers' text is what thidua writes from the demo data; the numbers are those the demo's
registers give (invented, as are the dates, which follow the demo's story)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from accounts.models import RoleAssignment
from awards.models import Proposal, UpwardDossier
from clusters.models import Evidence
from documents import issuing, pdf
from documents.models import PaperVersion
from documents.services.papers import (
    paper_for_decision,
    paper_for_upward_dossier,
    papers_for_proposal,
)
from documents.services.register import register_of_paper
from emulation.audit import events_dated
from emulation.roles import Role

EVIDENCE_TEMPLATE = "documents/demo_evidence.pdf.html"


def _opened_at(paper, recorded):
    """Open the paper's register so that it gives the number the demo's record already
    carries ("15/TTr-CTĐ2" → numbers 1–14 of that year were issued before the body used
    thidua: invented, as the record's number is)."""
    head = (recorded or "").split("/", 1)[0]
    register = register_of_paper(paper)
    if head.isdigit() and register.last_number == 0:
        register.last_number = int(head) - 1
        register.save(update_fields=["last_number"])


def _issued(actor, paper):
    """The paper issued and built now (the worker would do the same after the commit, and
    finds it done)."""
    version = issuing.paper_version_request(actor=actor, paper=paper, issue=True)
    return issuing.paper_version_build(version_id=version.pk) or PaperVersion.objects.get(
        pk=version.pk
    )


def _file(version):
    with version.file.open("rb") as handle:
        return ContentFile(handle.read())


def _secretary(cluster):
    assignment = (
        RoleAssignment.objects.filter(role=Role.CLUSTER_SECRETARY, cluster=cluster)
        .select_related("user")
        .first()
    )
    return assignment.user


def _proposal_papers(proposal, staff):
    secretary = _secretary(proposal.cluster_year.cluster)
    with events_dated(proposal.dated or proposal.submitted_at):
        cover, minutes, *reports = papers_for_proposal(proposal)
        _opened_at(cover, proposal.number)
        cover_version = _issued(secretary, cover)
        _issued(secretary, minutes)
        for report in reports:
            version = _issued(secretary, report)
            line = report.nomination
            line.report_file.save(f"bao-cao-thanh-tich-{line.pk}.pdf", _file(version), save=False)
            line.report_name = f"bao-cao-thanh-tich-{line.pk}.pdf"
            line.report_content_type = "application/pdf"
            line.save(update_fields=["report_file", "report_name", "report_content_type"])
    proposal.cover_file.save("to-trinh.pdf", _file(cover_version), save=False)
    proposal.cover_name = "to-trinh.pdf"
    proposal.cover_content_type = "application/pdf"
    proposal.save(update_fields=["cover_file", "cover_name", "cover_content_type"])
    decision = getattr(proposal, "decision", None)
    if decision is not None:
        with events_dated(decision.dated):
            paper = paper_for_decision(decision)
            _opened_at(paper, decision.number)
            _issued(staff, paper)


def _evidence_pdf():
    return pdf.render_pdf(EVIDENCE_TEMPLATE, {})


def seed_papers():
    staff = get_user_model().objects.get(username="vu.tdkt")
    proposals = Proposal.objects.select_related("cluster_year__cluster").order_by("pk")
    for proposal in proposals:
        _proposal_papers(proposal, staff)
    for dossier in UpwardDossier.objects.order_by("pk"):
        # Invented: a dossier still being prepared is dated at the start of the next year.
        with events_dated(dossier.dated or datetime.date(dossier.year + 1, 2, 1)):
            paper = paper_for_upward_dossier(dossier)
            _opened_at(paper, dossier.number)
            _issued(staff, paper)
    content = _evidence_pdf()
    for evidence in Evidence.objects.filter(content_type="application/pdf"):
        evidence.file.save(evidence.original_name, ContentFile(content), save=False)
        evidence.save(update_fields=["file"])
    return proposals.count()
