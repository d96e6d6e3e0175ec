"""The minutes (biên bản) of a cluster-year's closing conference: edit, sign, unsign."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import can_manage_cluster, can_write_cluster, get_cluster_year_for_user
from clusters.evaluation.forms import MinutesForm, UnsignForm, VersionForm
from clusters.evaluation.minutes import minutes_save, minutes_sign, minutes_unsign
from clusters.evaluation.ranking import cluster_year_ranking
from clusters.evaluation.selectors import minutes_of, votes_of
from clusters.models import Minutes, Vote
from clusters.selectors import cluster_year_members
from emulation.collation import vi_key
from emulation.pages import form_saved, post_action


def minutes_detail(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year)
    minutes = minutes_of(cluster_year=cluster_year)
    can_write = can_write_cluster(request.user, cluster_year.cluster)
    return render(
        request,
        "clusters/minutes_detail.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "minutes": minutes,
            "attendance": sorted(minutes.attendance.all(), key=lambda a: vi_key(a.unit.name))
            if minutes
            else [],
            "rows": cluster_year_ranking(cluster_year=cluster_year),
            "votes": votes_of(cluster_year=cluster_year, state=Vote.State.CLOSED),
            "open_votes": votes_of(cluster_year=cluster_year, state=Vote.State.OPEN).count(),
            "can_write": can_write,
            "can_manage": can_manage_cluster(request.user, cluster_year.cluster),
            "sign_form": VersionForm(initial={"version": minutes.version}) if minutes else None,
            "unsign_form": UnsignForm(initial={"version": minutes.version}) if minutes else None,
        },
    )


def minutes_edit(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    minutes = minutes_of(cluster_year=cluster_year) or Minutes(cluster_year=cluster_year)
    units = [m.unit for m in cluster_year_members(cluster_year=cluster_year)]
    form = MinutesForm(
        request.POST or None,
        instance=minutes,
        units=units,
        initial={"version": minutes.version if minutes.pk else None},
    )
    if form_saved(request, form, minutes_save, _("Đã lưu biên bản."), cluster_year=cluster_year):
        return redirect(_minutes_url(cluster_year))
    return render(
        request,
        "clusters/minutes_form.html",
        {"cluster_year": cluster_year, "cluster": cluster_year.cluster, "form": form},
    )


def _minutes_or_404(cluster_year):
    minutes = minutes_of(cluster_year=cluster_year)
    if minutes is None:
        raise Http404
    return minutes


def _minutes_url(cluster_year):
    return reverse("clusters:minutes", args=[cluster_year.cluster_id, cluster_year.year])


@require_POST
def minutes_sign_view(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    minutes = _minutes_or_404(cluster_year)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return redirect(_minutes_url(cluster_year))
    return post_action(
        request,
        minutes_sign,
        _("Đã ký biên bản: điểm, xếp hạng và kết quả bỏ phiếu đã được khóa."),
        then=_minutes_url(cluster_year),
        minutes=minutes,
        **form.service_args(),
    )


def minutes_unsign_view(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, manage=True)
    minutes = _minutes_or_404(cluster_year)
    form = UnsignForm(request.POST or None, initial={"version": minutes.version})
    if form_saved(request, form, minutes_unsign, _("Đã mở khóa biên bản."), minutes=minutes):
        return redirect(_minutes_url(cluster_year))
    return render(
        request,
        "clusters/minutes_unsign.html",
        {"cluster_year": cluster_year, "cluster": cluster_year.cluster, "form": form},
    )
