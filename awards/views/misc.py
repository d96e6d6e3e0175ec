"""Exports, the rules page and the deadlines of emulation years."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from awards import rules, selectors, services
from awards.access import get_proposal_for_user
from awards.exports import XLSX, audit_csv, decisions_xlsx, proposals_xlsx
from awards.forms import DeadlinesForm
from awards.views.review import queue_filter
from emulation.access import require_ministry_staff
from emulation.pages import form_page, form_saved
from emulation.pagination import paginate
from emulation.selectors import managed_emulation_years


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_proposals(request):
    lines = selectors.lines_for_export(proposals=queue_filter(request).qs)
    return _download(proposals_xlsx(lines), "ho-so-khen-thuong.xlsx", XLSX)


def export_decisions(request):
    require_ministry_staff(request.user)
    awards = selectors.awards_for_export(user=request.user)
    return _download(decisions_xlsx(awards), "quyet-dinh-khen-thuong.xlsx", XLSX)


def export_audit(request, pk):
    proposal = get_proposal_for_user(request.user, pk, manage=True)
    entries = selectors.proposal_audit_entries(proposal=proposal, limit=None)
    return _download(
        audit_csv(entries), f"nhat-ky-ho-so-{proposal.pk}.csv", "text/csv; charset=utf-8"
    )


def rules_list(request):
    require_ministry_staff(request.user)
    return render(
        request,
        "awards/rules.html",
        {"rules": rules.REGISTRY, "regimes": selectors.regimes_with_catalogue()},
    )


def deadlines_list(request):
    require_ministry_staff(request.user)
    years = managed_emulation_years(user=request.user)
    return render(request, "awards/deadlines_list.html", {"page": paginate(request, years)})


def deadlines_edit(request, pk):
    require_ministry_staff(request.user)
    emulation_year = get_object_or_404(managed_emulation_years(user=request.user), pk=pk)
    form = DeadlinesForm.for_year(emulation_year, request.POST or None)
    saved = _("Đã lưu các hạn của năm thi đua.")
    service = services.emulation_year_set_deadlines
    if form_saved(request, form, service, saved, emulation_year=emulation_year):
        return redirect("awards:deadlines")
    return form_page(
        request,
        form,
        title=_("Các hạn của năm thi đua %(y)s") % {"y": emulation_year},
        back_url=reverse("awards:deadlines"),
        submit=_("Lưu"),
        intro=_("Thư ký cụm được nhắc qua email một tuần trước hạn nếu chưa hoàn thành."),
    )
