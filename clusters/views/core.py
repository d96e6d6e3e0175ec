from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from clusters import services
from clusters.access import (
    can_create_cluster,
    can_manage_cluster,
    can_write_cluster,
    get_cluster_for_user,
    get_cluster_rows_for_user,
)
from clusters.data_version import cluster_year_version
from clusters.filters import ClusterFilter
from clusters.forms import ClusterForm, MembershipForm
from clusters.list_html import cluster_rows
from clusters.models import ClusterYear
from clusters.selectors import (
    cluster_year_members,
    cluster_year_of,
    cluster_year_of_page,
    clusters_for_list,
    member_units,
)
from emulation.access import managed_ministries
from emulation.fragments import CSRF_SLOT, cached_fragment, with_csrf_token
from emulation.pages import form_saved
from emulation.pagination import filtered_page, page_with_total
from emulation.selectors import selected_year


def cluster_list(request):
    clusters = ClusterFilter(request.GET, queryset=clusters_for_list(user=request.user))
    context = filtered_page(request, clusters, page=page_with_total)
    return render(
        request,
        "clusters/cluster_list.html",
        {
            **context,
            "rows": cluster_rows(context["page"]),
            "can_create": can_create_cluster(request.user),
        },
    )


# Where the cached cluster page leaves room for the panel rendered on each request: the
# reports panel (a PDF build's state is not data). A NUL character cannot come from a form.
LIVE_SLOT = "\x00live\x00"


def cluster_detail(request, pk):
    """The cluster and its year's panels. One SQL statement reads the cluster's rights and
    name and its years' data versions; the year's page but the reports panel is one fragment
    per version, the viewer's rights and the years of the switch (``emulation.fragments``),
    for which the cluster and its year are read whole."""
    cluster, rows = get_cluster_rows_for_user(request.user, pk)
    year = selected_year(request)
    versions = [
        (row_year, cluster_version, ministry_version)
        for row_year, _pk, cluster_version, ministry_version in rows
    ]
    found = next((row for row in rows if row[0] == year), None)
    context = {
        "cluster": cluster,
        "cluster_year": None,
        "year": year,
        "years": sorted({row[0] for row in versions} | {year}, reverse=True),
        "can_manage": can_manage_cluster(request.user, cluster),
    }
    if found is None:
        context["cluster"] = get_cluster_for_user(request.user, pk)  # its head: the ministry
        return render(request, "clusters/cluster_detail.html", context)
    # What the key and the reports panel need; the page reads the year whole to render it.
    cluster_year = ClusterYear(pk=found[1], cluster_id=pk, year=year)
    context["cluster_year"] = cluster_year
    can_write = can_write_cluster(request.user, cluster)

    def render_body():
        whole = cluster_year_of_page(pk=found[1])
        page = {**context, "cluster": whole.cluster, "cluster_year": whole}
        return render_to_string(
            "clusters/_cluster_year_page.html",
            {
                **page,
                "request": request,  # the panels' rights
                "csrf_token": CSRF_SLOT,
                "live_slot": LIVE_SLOT,
                "units": member_units(whole),
            },
        )

    body = cached_fragment(
        "cluster-page",
        cluster_year_version(cluster_year, versions),
        context["years"],
        context["can_manage"],
        can_write,
        render=render_body,
    )
    before, after = with_csrf_token(request, body).split(LIVE_SLOT)
    context["body"] = (mark_safe(before), mark_safe(after))  # our own markup
    return render(request, "clusters/cluster_detail.html", context)


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
