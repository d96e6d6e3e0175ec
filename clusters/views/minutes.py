"""The minutes (biên bản) of a cluster-year's closing conference: edit, sign, unsign."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import can_manage_cluster, can_write_cluster, get_cluster_year_for_user
from clusters.evaluation.forms import MinutesForm, UnsignForm, VersionForm
from clusters.evaluation.minutes import minutes_save, minutes_sign, minutes_unsign
from clusters.evaluation.ranking import cluster_year_ranking
from clusters.models import Minutes, Vote
from clusters.selectors import cluster_year_members
from emulation.collation import vi_key
from emulation.errors import DomainError, form_error


def _minutes(cluster_year):
    return (
        Minutes.objects.filter(cluster_year=cluster_year)
        .select_related("signed_by")
        .prefetch_related("attendance__unit")
        .first()
    )


def minutes_detail(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year)
    minutes = _minutes(cluster_year)
    votes = (
        Vote.objects.filter(cluster_year=cluster_year, state=Vote.State.CLOSED)
        .select_related("award_title")
        .prefetch_related("counts__unit")
    )
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
            "votes": votes,
            "open_votes": Vote.objects.filter(
                cluster_year=cluster_year, state=Vote.State.OPEN
            ).count(),
            "can_write": can_write,
            "can_manage": can_manage_cluster(request.user, cluster_year.cluster),
            "sign_form": VersionForm(initial={"version": minutes.version}) if minutes else None,
            "unsign_form": UnsignForm(initial={"version": minutes.version}) if minutes else None,
        },
    )


def minutes_edit(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    minutes = _minutes(cluster_year) or Minutes(cluster_year=cluster_year)
    units = [m.unit for m in cluster_year_members(cluster_year=cluster_year)]
    form = MinutesForm(
        request.POST or None,
        instance=minutes,
        units=units,
        initial={"version": minutes.version if minutes.pk else None},
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in MinutesForm.Meta.fields}
        try:
            minutes_save(
                actor=request.user,
                cluster_year=cluster_year,
                expected_version=form.cleaned_data["version"],
                data=data,
                attendance=form.attendance(),
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu biên bản."))
            return redirect("clusters:minutes", pk=pk, year=year)
    return render(
        request,
        "clusters/minutes_form.html",
        {"cluster_year": cluster_year, "cluster": cluster_year.cluster, "form": form},
    )


def _minutes_or_404(cluster_year):
    minutes = Minutes.objects.filter(cluster_year=cluster_year).first()
    if minutes is None:
        raise Http404
    return minutes


@require_POST
def minutes_sign_view(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    minutes = _minutes_or_404(cluster_year)
    form = VersionForm(request.POST)
    if form.is_valid():
        try:
            minutes_sign(
                actor=request.user, minutes=minutes, expected_version=form.cleaned_data["version"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Đã ký biên bản: điểm, xếp hạng và kết quả bỏ phiếu đã được khóa.")
            )
    return redirect("clusters:minutes", pk=pk, year=year)


def minutes_unsign_view(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, manage=True)
    minutes = _minutes_or_404(cluster_year)
    form = UnsignForm(request.POST or None, initial={"version": minutes.version})
    if request.method == "POST" and form.is_valid():
        try:
            minutes_unsign(
                actor=request.user,
                minutes=minutes,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã mở khóa biên bản."))
            return redirect("clusters:minutes", pk=pk, year=year)
    return render(
        request,
        "clusters/minutes_unsign.html",
        {"cluster_year": cluster_year, "cluster": cluster_year.cluster, "form": form},
    )
