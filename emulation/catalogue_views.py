"""The award catalogue: every signed-in user reads it; the national catalogue of each regime is
the law's and only a national administrator changes it; each ministry's staff keep their own
settings on top (local name, quota per cluster, their own deadline)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import catalogue_services
from emulation.access import (
    get_managed_ministry,
    is_national_admin,
    managed_ministries,
    require_national_admin,
)
from emulation.catalogue_forms import AwardTitleForm, MinistryAwardSettingForm
from emulation.errors import DomainError, form_error
from emulation.models import AwardTitle, LegalRegime, MinistryAwardSetting
from emulation.roles import scope_of


def _can_edit(user):
    return is_national_admin(user)


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
            "managed": list(managed_ministries(request.user))
            if scope_of(request.user).staff_ministries or request.user.is_superuser
            else [],
        },
    )


def _catalogue_url(award_title):
    return f"{reverse('catalogue_list')}?regime={award_title.regime.code}"


def _award_title_form(request, award_title=None):
    require_national_admin(request.user)
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
            form_error(form, error)
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
    require_national_admin(request.user)
    award_title = get_object_or_404(AwardTitle.objects.select_related("regime"), pk=pk)
    return _award_title_form(request, award_title)


@require_POST
def catalogue_delete(request, pk):
    require_national_admin(request.user)
    award_title = get_object_or_404(AwardTitle.objects.select_related("regime"), pk=pk)
    url = _catalogue_url(award_title)
    try:
        catalogue_services.award_title_delete(actor=request.user, award_title=award_title)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã xóa “%(name)s”.") % {"name": award_title.name_vi})
    return redirect(url)


def ministry_settings(request, ministry_pk):
    """A ministry's own settings over the catalogue of the regime in force today."""
    ministry = get_managed_ministry(request.user, ministry_pk)
    regime = LegalRegime.for_date(timezone.localdate())
    titles = list(AwardTitle.objects.filter(regime=regime).order_by("order", "id"))
    settings_by_code = {s.code: s for s in MinistryAwardSetting.objects.filter(ministry=ministry)}
    return render(
        request,
        "emulation/ministry_settings.html",
        {
            "ministry": ministry,
            "regime": regime,
            "rows": [(t, settings_by_code.get(t.code)) for t in titles],
        },
    )


def ministry_setting_edit(request, ministry_pk, code):
    ministry = get_managed_ministry(request.user, ministry_pk)
    title = AwardTitle.objects.filter(code=code).order_by("-regime__valid_from").first()
    if title is None:
        raise Http404
    setting = MinistryAwardSetting.objects.filter(ministry=ministry, code=code).first()
    form = MinistryAwardSettingForm(request.POST or None, instance=setting, title=title)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in catalogue_services.SETTING_FIELDS}
        try:
            catalogue_services.ministry_award_setting_save(
                actor=request.user,
                ministry=ministry,
                code=code,
                version=form.cleaned_data.get("version"),
                **values,
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu thiết lập của bộ."))
            return redirect("ministry_settings", ministry_pk=ministry.pk)
    return render(
        request,
        "emulation/ministry_setting_form.html",
        {"form": form, "ministry": ministry, "title": title},
    )
