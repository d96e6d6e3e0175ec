"""The ministry's dossiers to the Ministry of Home Affairs for the titles above the Minister."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from awards import selectors, services
from awards.access import get_dossier_for_user, ministries_for_council
from awards.forms import (
    DossierCoverForm,
    DossierCreateForm,
    DossierLinesForm,
    ReasonForm,
    UpperDecisionForm,
)
from awards.selectors import upward as upward_selectors
from awards.services.upward import dossier_regime
from emulation.access import get_managed_ministry
from emulation.errors import DomainError
from emulation.pages import form_page, form_saved, post_action
from emulation.roles import scope_of


def dossier_list(request):
    ministries = list(ministries_for_council(request.user))
    if not ministries:
        raise Http404
    scope = scope_of(request.user)
    dossiers, waiting = upward_selectors.dossiers_page(ministries=ministries)
    managed = [m for m in ministries if scope.manages_ministry(m.pk)]
    return render(
        request,
        "awards/dossier_list.html",
        {
            "dossiers": dossiers,
            "waiting": waiting,
            "managed": managed,
            "create_form": DossierCreateForm(),
        },
    )


@require_POST
def dossier_create(request, ministry_pk):
    ministry = get_managed_ministry(request.user, ministry_pk)
    form = DossierCreateForm(request.POST)
    if not form.is_valid():
        typed_year = form.data.get("year") and form.errors.get("year")
        messages.error(
            request,
            typed_year[0] if typed_year else _("Hãy chọn cấp quyết định và năm thành tích."),
        )
        return redirect("awards:dossiers")
    dossier = services.upward_dossier_create(
        actor=request.user, ministry=ministry, **form.cleaned_data
    )
    messages.success(request, _("Đã lập hồ sơ trình Bộ Nội vụ."))
    return redirect(dossier)


def _lines_form(dossier, data=None):
    queryset = upward_selectors.dossier_candidates(dossier=dossier)
    return DossierLinesForm(data, queryset=queryset, prefix="lines")


def dossier_detail(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    can_manage = scope_of(request.user).manages_ministry(dossier.ministry_id)
    lines = list(upward_selectors.dossier_lines(dossier=dossier))
    titles = {line.award_title.code: line.award_title for line in lines}
    deadlines = [
        (title, title.dossier_due(dossier.year))
        for title in titles.values()
        if title.dossier_due(dossier.year)
    ]
    decision = getattr(dossier, "decision", None) if dossier.is_decided else None
    try:
        regime = dossier_regime(dossier)
    except DomainError as error:
        regime = error.message
    return render(
        request,
        "awards/dossier.html",
        {
            "dossier": dossier,
            "lines": lines,
            "deadlines": deadlines,
            "late": [(t, d) for t, d in deadlines if dossier.dated and dossier.dated > d],
            "regime": regime,
            "decision": decision,
            "awards": selectors.awards_of_decision(decision=decision),
            "can_manage": can_manage,
            "cover_form": DossierCoverForm(
                initial={
                    "version": dossier.version,
                    "number": dossier.number,
                    "dated": dossier.dated,
                }
            ),
            "lines_form": _lines_form(dossier) if can_manage and dossier.is_editable else None,
        },
    )


@require_POST
def dossier_cover(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    form = DossierCoverForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập số và ngày tờ trình hợp lệ."))
        return redirect(dossier)
    return post_action(
        request,
        services.upward_dossier_update,
        _("Đã lưu tờ trình."),
        then=dossier,
        dossier=dossier,
        **form.cleaned_data,
    )


@require_POST
def dossier_add_lines(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    form = _lines_form(dossier, request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ít nhất một dòng đề nghị."))
        return redirect(dossier)
    return post_action(
        request,
        services.upward_dossier_add_lines,
        _("Đã đưa các dòng vào hồ sơ."),
        then=dossier,
        dossier=dossier,
        line_ids=[line.pk for line in form.cleaned_data["lines"]],
    )


@require_POST
def dossier_remove_line(request, pk, line_pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    line = get_object_or_404(upward_selectors.dossier_lines(dossier=dossier), pk=line_pk)
    return post_action(
        request,
        services.upward_dossier_remove_line,
        _("Đã bỏ dòng khỏi hồ sơ."),
        then=dossier,
        dossier=dossier,
        line=line,
    )


@require_POST
def dossier_forward(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    return post_action(
        request,
        services.upward_dossier_forward,
        _("Đã ghi việc trình Bộ Nội vụ."),
        then=dossier,
        dossier=dossier,
    )


# The page of each answer recorded without a decision (awards.services.upward.ANSWERS): its
# title and what is said once it is recorded.
ANSWER_PAGES = {
    "upward_dossier_return": (
        gettext_lazy("Bộ Nội vụ trả lại – %(d)s"),
        gettext_lazy("Đã ghi việc Bộ Nội vụ trả lại hồ sơ."),
    ),
    "upward_dossier_refuse": (
        gettext_lazy("Không được khen thưởng – %(d)s"),
        gettext_lazy("Đã ghi việc không khen thưởng."),
    ),
}


def dossier_answer(request, pk, answer):
    """The dossier returned by the Ministry of Home Affairs, or refused, with a reason."""
    title, success = ANSWER_PAGES[answer]
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    form = ReasonForm(request.POST or None)
    service = services.upward_dossier_answer
    if form_saved(request, form, service, success, dossier=dossier, answer=answer):
        return redirect(dossier)
    return form_page(
        request,
        form,
        title=title % {"d": dossier},
        back_url=dossier.get_absolute_url(),
        submit=_("Ghi"),
    )


def dossier_decide(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    form = UpperDecisionForm(
        request.POST or None, queryset=upward_selectors.dossier_lines(dossier=dossier)
    )
    saved = _("Đã ghi quyết định; các dòng được khen thưởng đã thành khen thưởng.")
    if form_saved(request, form, services.upward_dossier_decide, saved, dossier=dossier):
        return redirect(dossier)
    return form_page(
        request,
        form,
        title=_("Quyết định của %(level)s – %(d)s")
        % {"level": dossier.get_level_display(), "d": dossier},
        back_url=dossier.get_absolute_url(),
        submit=_("Ghi quyết định"),
        intro=_(
            "Chỉ quyết định của %(level)s tạo khen thưởng và tiền thưởng cho các dòng của hồ sơ "
            "này; tiền thưởng theo hệ số của chế độ áp dụng và mức lương cơ sở tại ngày quyết định."
        )
        % {"level": dossier.get_level_display()},
    )
