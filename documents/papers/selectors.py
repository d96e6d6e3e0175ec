"""Reads for the papers' pages: the rows of a cluster-year's papers, each with its number,
its state and its latest version, in a fixed number of queries."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from documents.models import Paper, PaperVersion
from documents.papers.access import papers, writes_paper


@dataclass
class PaperRow:
    kind: str
    subject: str
    paper: Paper | None
    url: str
    can_edit: bool
    latest: PaperVersion | None = None

    @property
    def number(self):
        number = self.paper.number if self.paper else None
        return number.label if number is not None else ""

    @property
    def state(self):
        number = self.paper.number if self.paper else None
        if number is not None:
            return _("Số đã hủy") if number.is_cancelled else _("Đã cấp số")
        if self.paper is None or not (self.paper.sections or self.paper.version > 1):
            return _("Chưa soạn")
        return _("Đang soạn")


def _latest_versions(found):
    latest = {}
    versions = PaperVersion.objects.filter(paper__in=found).order_by("paper_id", "-requested_at")
    for version in versions:
        latest.setdefault(version.paper_id, version)
    return latest


def cluster_year_paper_rows(*, user, cluster_papers, lines, decision_paper):
    """The cover submission and the minutes (``cluster_papers``), one achievement report per
    line of the proposal (``lines``; a report not written yet has no paper), then the
    decision when there is one. The cluster's papers are all written by the same people."""
    writes_cluster = writes_paper(user, cluster_papers[0])
    reports = {
        paper.nomination_id: paper
        for paper in papers().filter(nomination__in=[line.pk for line in lines])
    }
    rows = [
        PaperRow(p.get_kind_display(), "", p, _detail(p), writes_cluster) for p in cluster_papers
    ]
    rows += [
        PaperRow(
            Paper.Kind.ACHIEVEMENT_REPORT.label,
            f"{line.subject_name}: {line.award_title.name_vi}",
            reports.get(line.pk),
            reverse("papers:nomination", args=[line.pk]),
            writes_cluster,
        )
        for line in lines
    ]
    if decision_paper is not None:
        can_edit = writes_paper(user, decision_paper)
        rows.append(
            PaperRow(
                decision_paper.get_kind_display(),
                "",
                decision_paper,
                _detail(decision_paper),
                can_edit,
            )
        )
    latest = _latest_versions([row.paper for row in rows if row.paper is not None])
    for row in rows:
        row.latest = latest.get(row.paper.pk) if row.paper else None
    return rows


def _detail(paper):
    return reverse("papers:detail", args=[paper.pk])
