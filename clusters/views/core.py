from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from clusters import services
from clusters.access import can_manage_cluster, get_cluster_for_user
from clusters.data_version import cluster_versions, cluster_year_version
from clusters.filters import ClusterFilter
from clusters.forms import ClusterForm, MembershipForm
from clusters.selectors import (
    cluster_year_members,
    cluster_year_of,
    clusters_for_list,
    member_units,
)
from emulation.access import managed_ministries
from emulation.fragments import cached_fragment
from emulation.pages import form_saved
from emulation.pagination import filtered_page
from emulation.selectors import selected_year


def cluster_list(request):
    clusters = ClusterFilter(request.GET, queryset=clusters_for_list(user=request.user))
    return render(
        request,
        "clusters/cluster_list.html",
        {
            **filtered_page(request, clusters),
            "can_create": managed_ministries(request.user).exists(),
        },
    )


def cluster_detail(request, pk):
    cluster = get_cluster_for_user(request.user, pk)
    year = selected_year(request)
    cluster_year = cluster_year_of(cluster=cluster, year=year)
    can_manage = can_manage_cluster(request.user, cluster)
    versions = cluster_versions(cluster=cluster)  # the year switch; read before any data
    members = None
    if cluster_year is not None:
        cluster_year.cluster = cluster  # the panels' too
        members = cached_fragment(
            "members",
            cluster_year_version(cluster_year, versions),
            can_manage,
            render=lambda: render_to_string(
                "clusters/_members.html",
                {
                    "cluster": cluster,
                    "year": year,
                    "units": member_units(cluster_year),
                    "can_manage": can_manage,
                },
            ),
        )
    years = [row[0] for row in versions]
    return render(
        request,
        "clusters/cluster_detail.html",
        {
            "cluster": cluster,
            "cluster_year": cluster_year,
            "year": year,
            "years": sorted(set(years) | {year}, reverse=True),
            "members": members,
            "can_manage": can_manage,
        },
    )


def _cluster_form(request, cluster=None):
    ministries = managed_ministries(request.user)
    if not ministries.exists():
        raise PermissionDenied
    form = ClusterForm(request.POST or None, instance=cluster, ministries=ministries)
    done = _("Đã lưu %(name)s.")
    if saved := form_saved(
        request, form, services.cluster_save, lambda data: done % {"name": data["cluster"].name}
    ):
        return redirect(saved.result)
    return render(request, "clusters/cluster_form.html", {"form": form, "cluster": cluster})


def cluster_create(request):
    return _cluster_form(request)


def cluster_edit(request, pk):
    return _cluster_form(request, get_cluster_for_user(request.user, pk, manage=True))


def membership_edit(request, pk, year):
    cluster = get_cluster_for_user(request.user, pk, manage=True)
    cluster_year = cluster_year_of(cluster=cluster, year=year)
    members = cluster_year_members(cluster_year=cluster_year) if cluster_year else []
    initial = {"units": [membership.unit for membership in members]}
    data = request.POST if request.method == "POST" else None  # an empty POST is an error
    form = MembershipForm(data, cluster=cluster, initial=initial)
    done = _("Đã lưu danh sách thành viên năm %(year)s.") % {"year": year}
    service = services.cluster_year_set_members
    if form_saved(request, form, service, done, cluster=cluster, year=year):
        return redirect(f"{cluster.get_absolute_url()}?year={year}")
    return render(
        request,
        "clusters/membership_form.html",
        {"form": form, "cluster": cluster, "year": year},
    )
