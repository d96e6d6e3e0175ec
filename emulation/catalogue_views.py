"""The award catalogue: every signed-in user reads it, ministry staff edit it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import catalogue_services
from emulation.access import require_ministry_staff
from emulation.catalogue_forms import AwardTitleForm
from emulation.errors import DomainError
from emulation.models import AwardTitle, LegalRegime
from emulation.roles import scope_of


def _can_edit(user):
    scope = scope_of(user)
    return scope.is_superuser or bool(scope.staff_ministries)


def catalogue_list(request):
    regimes = list(LegalRegime.objects.all())
    regime = next((r for r in regimes if r.code == request.GET.get("regime")), None)
    regime = regime or (regimes[-1] if regimes else None)
    titles = AwardTitle.objects.filter(regime=regime).order_by("order", "id")
    return render(
        request,
        "emulation/catalogue_list.html",
        {
            "regimes": regimes,
            "regime": regime,
            "titles": titles,
            "can_edit": _can_edit(request.user),
        },
    )


def _catalogue_url(award_title):
    return f"{reverse('catalogue_list')}?regime={award_title.regime.code}"


def _award_title_form(request, award_title=None):
    require_ministry_staff(request.user)
    initial = {}
    if award_title is None and request.GET.get("regime"):
        initial["regime"] = LegalRegime.objects.filter(code=request.GET["regime"]).first()
    form = AwardTitleForm(request.POST or None, instance=award_title, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = catalogue_services.award_title_save(
                actor=request.user, award_title=form.save(commit=False)
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Đã lưu “%(name)s”.") % {"name": saved.name_vi})
            return redirect(_catalogue_url(saved))
    return render(
        request,
        "emulation/catalogue_form.html",
        {"form": form, "award_title": award_title},
    )


def catalogue_create(request):
    return _award_title_form(request)


def catalogue_edit(request, pk):
    require_ministry_staff(request.user)
    award_title = get_object_or_404(AwardTitle.objects.select_related("regime"), pk=pk)
    return _award_title_form(request, award_title)


@require_POST
def catalogue_delete(request, pk):
    require_ministry_staff(request.user)
    award_title = get_object_or_404(AwardTitle.objects.select_related("regime"), pk=pk)
    url = _catalogue_url(award_title)
    try:
        catalogue_services.award_title_delete(actor=request.user, award_title=award_title)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã xóa “%(name)s”.") % {"name": award_title.name_vi})
    return redirect(url)
