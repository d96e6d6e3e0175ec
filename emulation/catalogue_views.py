"""The award catalogue: every signed-in user reads it; the national catalogue of each regime is
the law's and only a national administrator changes it; each ministry's staff keep their own
settings on top (local name, quota per cluster, their own deadline)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import catalogue_services, selectors
from emulation.access import (
    get_award_title_for_admin,
    get_managed_ministry,
    is_national_admin,
    managed_ministries,
    require_national_admin,
)
from emulation.catalogue_forms import AwardTitleForm, MinistryAwardSettingForm
from emulation.models import LegalRegime
from emulation.pages import form_saved, post_action


def _can_edit(user):
    return is_national_admin(user)


def catalogue_list(request):
    regimes, regime, titles = selectors.catalogue_page(regime_code=request.GET.get("regime"))
    return render(
        request,
        "emulation/catalogue_list.html",
        {
            "regimes": regimes,
            "regime": regime,
            "titles": titles,
            "can_edit": _can_edit(request.user),
            "managed": list(managed_ministries(request.user)),
        },
    )


def _catalogue_url(award_title):
    return f"{reverse('catalogue_list')}?regime={award_title.regime.code}"


def _award_title_form(request, award_title=None):
    require_national_admin(request.user)
    initial = {}
    if award_title is None and request.GET.get("regime"):
        initial["regime"] = selectors.regime_by_code(request.GET["regime"])
    form = AwardTitleForm(request.POST or None, instance=award_title, initial=initial)
    saved = _("Đã lưu “%(name)s”.")
    if form_saved(
        request,
        form,
        catalogue_services.award_title_save,
        lambda data: saved % {"name": data["award_title"].name_vi},
    ):
        return redirect(_catalogue_url(form.instance))
    return render(
        request,
        "emulation/catalogue_form.html",
        {"form": form, "award_title": award_title},
    )


def catalogue_create(request):
    return _award_title_form(request)


def catalogue_edit(request, pk):
    award_title = get_award_title_for_admin(request.user, pk)
    return _award_title_form(request, award_title)


@require_POST
def catalogue_delete(request, pk):
    award_title = get_award_title_for_admin(request.user, pk)
    return post_action(
        request,
        catalogue_services.award_title_delete,
        _("Đã xóa “%(name)s”.") % {"name": award_title.name_vi},
        then=_catalogue_url(award_title),
        award_title=award_title,
    )


def ministry_settings(request, ministry_pk):
    """A ministry's own settings over the catalogue of the regime in force today."""
    ministry = get_managed_ministry(request.user, ministry_pk)
    regime = LegalRegime.for_date(timezone.localdate())
    titles = selectors.catalogue_of(regime=regime)
    settings_by_code = selectors.ministry_award_settings(ministry_id=ministry.pk)
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
    title = selectors.latest_award_title(code=code)
    if title is None:
        raise Http404
    setting = selectors.ministry_award_settings(ministry_id=ministry.pk).get(code)
    form = MinistryAwardSettingForm(request.POST or None, instance=setting, title=title)
    saved = _("Đã lưu thiết lập của bộ.")
    service = catalogue_services.ministry_award_setting_save
    if form_saved(request, form, service, saved, ministry=ministry, code=code):
        return redirect("ministry_settings", ministry_pk=ministry.pk)
    return render(
        request,
        "emulation/ministry_setting_form.html",
        {"form": form, "ministry": ministry, "title": title},
    )
