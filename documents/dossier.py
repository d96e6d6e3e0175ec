"""The dossier a deciding level receives for a cluster's proposal, as one ZIP: a contents page,
then the issued papers (the cluster's tờ trình, the minutes, each nominee's achievement report,
the decision when there is one), in the order of Decree 152/2025/NĐ-CP's dossier list
(Art. 84 of the Law on Emulation and Commendation 2022). A paper made elsewhere and uploaded
(the proposal's cover file, a nomination's report file) stands in for one not generated here."""

import dataclasses
import io
import zipfile

from django.db.models import Prefetch, Q
from django.utils.text import slugify

from documents import pdf
from documents.models import Paper, PaperVersion


@dataclasses.dataclass
class Entry:
    order: int
    title: str
    number: str
    dated: object
    sha256: str
    code: str
    name: str
    file: object


def _latest_issued(paper):
    for version in paper.issued_versions:
        return version
    return None


def _paper_entry(paper, title):
    version = _latest_issued(paper) if paper is not None else None
    if version is None:
        return None
    return {
        "title": title,
        "number": paper.number.label if paper.number else "",
        "dated": paper.issued_on,
        "sha256": version.sha256,
        "code": version.code,
        "file": version.file,
    }


def _upload_entry(field_file, title):
    if not field_file:
        return None
    return {
        "title": title,
        "number": "",
        "dated": None,
        "sha256": "",
        "code": "",
        "file": field_file,
    }


def _papers(proposal):
    """``{(kind, nomination_id): paper}``: the cluster-year's tờ trình and minutes, the
    nominees' achievement reports and the proposal's decision, each with its issued versions
    (newest first), in one query and its prefetch."""
    issued = PaperVersion.objects.filter(issued=True, status=PaperVersion.Status.READY).order_by(
        "-requested_at", "-pk"
    )
    papers = (
        Paper.objects.filter(
            Q(
                cluster_year=proposal.cluster_year,
                kind__in=[Paper.Kind.COVER_SUBMISSION, Paper.Kind.MINUTES],
            )
            | Q(nomination__proposal=proposal)
            | Q(decision__proposal=proposal)
        )
        .select_related("number__register")
        .prefetch_related(Prefetch("versions", queryset=issued, to_attr="issued_versions"))
    )
    return {(paper.kind, paper.nomination_id): paper for paper in papers}


def dossier_entries(proposal):
    """The dossier's papers in order, each the latest issued version (or the upload)."""
    papers = _papers(proposal)
    rows = [
        _paper_entry(
            papers.get((Paper.Kind.COVER_SUBMISSION, None)), Paper.Kind.COVER_SUBMISSION.label
        )
        or _upload_entry(proposal.cover_file, Paper.Kind.COVER_SUBMISSION.label),
        _paper_entry(papers.get((Paper.Kind.MINUTES, None)), Paper.Kind.MINUTES.label),
    ]
    for nomination in proposal.nominations.select_related("unit", "person").order_by("pk"):
        title = f"{Paper.Kind.ACHIEVEMENT_REPORT.label} – {nomination.subject_name}"
        rows.append(
            _paper_entry(papers.get((Paper.Kind.ACHIEVEMENT_REPORT, nomination.pk)), title)
            or _upload_entry(nomination.report_file, title)
        )
    rows.append(_paper_entry(papers.get((Paper.Kind.DECISION, None)), Paper.Kind.DECISION.label))
    entries = []
    for row in filter(None, rows):
        order = len(entries) + 1
        extension = (
            row["file"].name.rsplit(".", 1)[-1].lower() if "." in row["file"].name else "pdf"
        )
        name = f"{order:02d}-{slugify(row['title'])[:60]}.{extension}"
        entries.append(Entry(order=order, name=name, **row))
    return entries


def dossier_zip(proposal):
    """The ZIP bytes: ``00-muc-luc.pdf`` (the contents page), then each entry's file."""
    entries = dossier_entries(proposal)
    contents = pdf.render_pdf(
        "documents/dossier_contents.pdf.html", {"proposal": proposal, "entries": entries}
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("00-muc-luc.pdf", contents)
        for entry in entries:
            with entry.file.open("rb") as handle:
                archive.writestr(entry.name, handle.read())
    return buffer.getvalue()
