"""The ministry's dossiers to the Ministry of Home Affairs for the titles above the Minister."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from awards import services
from awards.access import get_dossier_for_user, ministries_for_council
from awards.forms import (
    DossierCoverForm,
    DossierCreateForm,
    DossierLinesForm,
    ReasonForm,
    UpperDecisionForm,
)
from awards.models import Nomination, UpwardDossier
from awards.services.upward import dossier_regime, eligible_lines
from emulation.access import get_managed_ministry
from emulation.errors import DomainError, form_error
from emulation.pages import form_page
from emulation.roles import scope_of


def dossier_list(request):
    ministries = list(ministries_for_council(request.user))
    if not ministries:
        raise Http404
    scope = scope_of(request.user)
    dossiers = UpwardDossier.objects.filter(ministry__in=ministries).select_related("ministry")
    waiting = eligible_lines(ministry_ids=[m.pk for m in ministries]).order_by(
        "-proposal__cluster_year__year", "id"
    )
    managed = [m for m in ministries if scope.manages_ministry(m.pk)]
    return render(
        request,
        "awards/dossier_list.html",
        {
            "dossiers": dossiers[:100],
            "waiting": waiting[:200],
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
    queryset = eligible_lines(ministry_ids=[dossier.ministry_id], level=dossier.level).filter(
        proposal__cluster_year__year=dossier.year
    )
    return DossierLinesForm(data, queryset=queryset, prefix="lines")


def dossier_detail(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    can_manage = scope_of(request.user).manages_ministry(dossier.ministry_id)
    lines = list(
        dossier.lines.select_related(
            "award_title", "unit", "person", "proposal__cluster_year__cluster", "award"
        )
    )
    titles = {line.award_title.code: line.award_title for line in lines}
    deadlines = [
        (title, title.dossier_due(dossier.year))
        for title in titles.values()
        if title.dossier_due(dossier.year)
    ]
    decision = getattr(dossier, "decision", None) if dossier.state == "decided" else None
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
            "awards": list(decision.awards.select_related("award_title", "unit", "person"))
            if decision
            else [],
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


def _post(request, dossier, run, success):
    try:
        run()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(dossier)


@require_POST
def dossier_cover(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    form = DossierCoverForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập số và ngày tờ trình hợp lệ."))
        return redirect(dossier)
    return _post(
        request,
        dossier,
        lambda: services.upward_dossier_update(
            actor=request.user, dossier=dossier, **form.cleaned_data
        ),
        _("Đã lưu tờ trình."),
    )


@require_POST
def dossier_add_lines(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    form = _lines_form(dossier, request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ít nhất một dòng đề nghị."))
        return redirect(dossier)
    return _post(
        request,
        dossier,
        lambda: services.upward_dossier_add_lines(
            actor=request.user,
            dossier=dossier,
            line_ids=[line.pk for line in form.cleaned_data["lines"]],
        ),
        _("Đã đưa các dòng vào hồ sơ."),
    )


@require_POST
def dossier_remove_line(request, pk, line_pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    line = get_object_or_404(Nomination, pk=line_pk, upward_dossier=dossier)
    return _post(
        request,
        dossier,
        lambda: services.upward_dossier_remove_line(actor=request.user, dossier=dossier, line=line),
        _("Đã bỏ dòng khỏi hồ sơ."),
    )


@require_POST
def dossier_forward(request, pk):
    dossier = get_dossier_for_user(request.user, pk, manage=True)
    return _post(
        request,
        dossier,
        lambda: services.upward_dossier_forward(actor=request.user, dossier=dossier),
        _("Đã ghi việc trình Bộ Nội vụ."),
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
    if request.method == "POST" and form.is_valid():
        try:
            services.upward_dossier_answer(
                actor=request.user,
                dossier=dossier,
                answer=answer,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, success)
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
        request.POST or None, queryset=dossier.lines.select_related("award_title", "unit", "person")
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        granted = data.pop("granted")
        try:
            services.upward_dossier_decide(
                actor=request.user,
                dossier=dossier,
                granted_ids=[line.pk for line in granted],
                **data,
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(
                request, _("Đã ghi quyết định; các dòng được khen thưởng đã thành khen thưởng.")
            )
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
