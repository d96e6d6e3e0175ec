"""The papers' pages: a cluster-year's papers, a paper's content and settings, and the page
where a person writes it. Generating, numbering and signing the files is the build
pipeline's (documents.pipeline); these pages only read and write the content."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.access import get_dossier_for_user, get_nomination_for_user
from awards.selectors import decision_of, proposal_detail_lines, proposals_by_cluster_year
from clusters.access import get_cluster_year_for_user
from documents.models import Paper
from documents.papers import access
from documents.papers.common import SETTING_FIELDS
from documents.papers.forms import PaperForm
from documents.papers.registry import paper_parts
from documents.papers.selectors import cluster_year_paper_rows
from documents.services.papers import (
    paper_for_cluster_year,
    paper_for_decision,
    paper_for_upward_dossier,
    paper_update,
)
from emulation.errors import DomainError, form_error
from emulation.pages import form_page

DETAIL_SETTINGS = [name for name in SETTING_FIELDS if name != "recipients"]


def cluster_year_papers(request, cluster_pk, year):
    cluster_year = get_cluster_year_for_user(request.user, cluster_pk, year)
    proposal = proposals_by_cluster_year(cluster_years=[cluster_year]).get(cluster_year.pk)
    decision = decision_of(proposal=proposal) if proposal else None
    cluster_papers = [
        paper_for_cluster_year(cluster_year, Paper.Kind.COVER_SUBMISSION),
        paper_for_cluster_year(cluster_year, Paper.Kind.MINUTES),
    ]
    rows = cluster_year_paper_rows(
        user=request.user,
        cluster_papers=cluster_papers,
        lines=proposal_detail_lines(proposal=proposal) if proposal else [],
        decision_paper=paper_for_decision(decision) if decision else None,
    )
    context = {"cluster_year": cluster_year, "proposal": proposal, "rows": rows}
    return render(request, "documents/paper_list.html", context)


def _back_url(paper):
    if paper.cluster_year_id:
        cluster_year = paper.cluster_year
        return reverse("papers:cluster_year", args=[cluster_year.cluster_id, cluster_year.year])
    return reverse("awards:dossier", args=[paper.upward_dossier_id])


def _detail(request, paper):
    parts = paper_parts(paper)
    sections = [(s.label, paper.sections.get(s.key, s.default)) for s in parts.sections]
    settings = [
        (Paper._meta.get_field(name).verbose_name, getattr(paper, name) or parts.defaults.get(name))
        for name in DETAIL_SETTINGS
    ]
    recipients = paper.recipients or parts.defaults.get("recipients")
    context = {
        "paper": paper,
        "parts": parts,
        "sections": sections,
        "settings": settings,
        "recipients": None if parts.left_signature else recipients,
        "versions": list(paper.versions.all()[:10]) if paper.pk else [],
        "can_edit": access.writes_paper(request.user, paper),
        "edit_url": _edit_url(paper),
        "back_url": _back_url(paper),
    }
    return render(request, "documents/paper_detail.html", context)


def _edit_url(paper):
    if paper.pk is None:
        return reverse("papers:nomination", args=[paper.nomination_id])
    return reverse("papers:edit", args=[paper.pk])


def _edit(request, paper):
    parts = paper_parts(paper)
    form = PaperForm(
        request.POST or None,
        paper=paper,
        sections=parts.sections,
        defaults=parts.defaults,
        recipients=parts.left_signature is None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            paper = paper_update(
                paper=paper,
                user=request.user,
                data=form.changes(),
                version=form.cleaned_data["version"] or 0,
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu nội dung văn bản."))
            return redirect("papers:detail", paper.pk)
    intro = _(
        "Thể thức theo Nghị định 30/2020/NĐ-CP (Phụ lục I). Các ô đã điền sẵn từ số liệu của "
        "phần mềm; các ô thông tin văn bản để trống dùng giá trị mặc định hiển thị mờ trong ô."
    )
    if "form" in parts.data:
        intro = f"{intro} {_('Báo cáo thành tích theo %(form)s.') % parts.data}"
    return form_page(
        request,
        form,
        title=_("Soạn %(kind)s") % {"kind": paper.get_kind_display().lower()},
        back_url=_back_url(paper),
        submit=_("Lưu"),
        intro=intro,
    )


def paper_detail(request, pk):
    return _detail(request, access.get_paper_for_user(request.user, pk))


def paper_edit(request, pk):
    return _edit(request, access.get_paper_for_user(request.user, pk, write=True))


def nomination_report(request, nomination_pk):
    """A line's achievement report: its page once written, else its first writing (for the
    cluster's secretary) or the text it would start with (for a reader). A form sent after
    someone else wrote it first goes to the paper, where its version decides."""
    line = get_nomination_for_user(request.user, nomination_pk)
    paper = access.paper_of_line(line)
    if paper is not None and request.method != "POST":
        return redirect("papers:detail", paper.pk)
    if paper is None:
        cluster_year = line.proposal.cluster_year
        paper = Paper(
            kind=Paper.Kind.ACHIEVEMENT_REPORT,
            nomination=line,
            cluster_year=cluster_year,
            ministry=cluster_year.cluster.ministry,
            year=cluster_year.year,
        )
    if access.writes_paper(request.user, paper):
        return _edit(request, paper)
    if request.method == "POST":
        raise PermissionDenied
    return _detail(request, paper)


def upward_paper(request, dossier_pk):
    dossier = get_dossier_for_user(request.user, dossier_pk)
    return redirect("papers:detail", paper_for_upward_dossier(dossier).pk)
