from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from clusters import services
from clusters.access import can_manage_cluster, get_cluster_for_user, visible_clusters
from clusters.data_version import cluster_versions, cluster_year_version
from clusters.filters import ClusterFilter
from clusters.forms import ClusterForm, MembershipForm
from clusters.models import ClusterYear
from clusters.selectors import member_units
from emulation.access import managed_ministries
from emulation.errors import DomainError, form_error
from emulation.fragments import cached_fragment
from emulation.pagination import paginate
from emulation.selectors import selected_year


def cluster_list(request):
    clusters = (
        visible_clusters(request.user)
        .select_related("ministry")
        .annotate(year_count=Count("years"))
        .order_by("ministry__name", "kind", "number")
    )
    cluster_filter = ClusterFilter(request.GET, queryset=clusters)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "clusters/cluster_list.html",
        {
            "filter": cluster_filter,
            "page": paginate(request, cluster_filter.qs),
            "query_string": query.urlencode(),
            "can_create": managed_ministries(request.user).exists(),
        },
    )


def cluster_detail(request, pk):
    cluster = get_cluster_for_user(request.user, pk)
    year = selected_year(request)
    cluster_year = (
        ClusterYear.objects.filter(cluster=cluster, year=year)
        .select_related("emulation_year__regime")
        .first()
    )
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


def _save_cluster(request, form):
    try:
        saved = services.cluster_save(
            actor=request.user,
            cluster=form.save(commit=False),
            expected_version=form.cleaned_data["version"],
        )
    except DomainError as error:
        form_error(form, error)
        return None
    messages.success(request, _("Đã lưu %(name)s.") % {"name": saved.name})
    return redirect("clusters:detail", pk=saved.pk)


def cluster_create(request):
    ministries = managed_ministries(request.user)
    if not ministries.exists():
        raise PermissionDenied
    form = ClusterForm(request.POST or None, ministries=ministries)
    if request.method == "POST" and form.is_valid():
        response = _save_cluster(request, form)
        if response:
            return response
    return render(request, "clusters/cluster_form.html", {"form": form})


def cluster_edit(request, pk):
    cluster = get_cluster_for_user(request.user, pk, manage=True)
    form = ClusterForm(
        request.POST or None, instance=cluster, ministries=managed_ministries(request.user)
    )
    if request.method == "POST" and form.is_valid():
        response = _save_cluster(request, form)
        if response:
            return response
    return render(request, "clusters/cluster_form.html", {"form": form, "cluster": cluster})


def membership_edit(request, pk, year):
    cluster = get_cluster_for_user(request.user, pk, manage=True)
    cluster_year = ClusterYear.objects.filter(cluster=cluster, year=year).first()
    initial = {"units": list(cluster_year.units.all()) if cluster_year else []}
    data = request.POST if request.method == "POST" else None  # an empty POST is an error
    form = MembershipForm(data, cluster=cluster, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.cluster_year_set_members(
                actor=request.user,
                cluster=cluster,
                year=year,
                units=list(form.cleaned_data["units"]),
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(
                request, _("Đã lưu danh sách thành viên năm %(year)s.") % {"year": year}
            )
            return redirect(f"{cluster.get_absolute_url()}?year={year}")
    return render(
        request,
        "clusters/membership_form.html",
        {"form": form, "cluster": cluster, "year": year},
    )
