"""The home page's task list (the secretary's) and dashboard (the leader's), rendered once per
data version of the cluster-years they show (``emulation.fragments``) and per day (a deadline
counts days). Their PDFs' states are in the key too: a report's build writes no data version.
The task list's actions are POST forms: each page puts its own CSRF token in. The whole page
is cached too, under the versions of everything the user sees and of their PDFs
(``home_content``): a warm home reads those, not the cluster-years. The staff's
table of clusters is rendered once per data version of its cluster-years (its names: a
cluster's or a ministry's record bumps every year of the ministry; its member counts)."""

from django.template.loader import render_to_string
from django.utils import timezone

from clusters.data_version import clusters_token, ministries_token
from clusters.selectors import member_counts
from documents.reports.progress import (
    overdue_deadlines,
    report_versions_of,
    year_progress,
)
from documents.reports.tokens import reports_token
from emulation.fragments import CSRF_SLOT, cached_fragment, cached_value, with_csrf_token


def _cached(name, cluster_years, *vary, render):
    """The cluster-years' and their ministry-years' counters (read with the cluster-years,
    before the data), the day and the PDFs' states key the fragment."""
    today = timezone.localdate()
    pdfs = report_versions_of(cluster_years)
    version = (
        today.isoformat(),
        tuple((cy.pk, cy.data_version, cy.ministry_version) for cy in cluster_years),
        tuple((pdf.pk, pdf.status) for pdf in pdfs),
    )
    return cached_fragment(name, version, *vary, render=lambda: render(today, pdfs))


def task_list(cluster_years, scope):
    if not cluster_years:
        return ""

    def render(today, pdfs):
        tasks = year_progress(
            cluster_years=cluster_years, can_write=scope.writes_cluster, today=today, pdfs=pdfs
        )
        return render_to_string("portal/_task_list.html", {"tasks": tasks, "csrf_token": CSRF_SLOT})

    writes = tuple(scope.writes_cluster(cy.cluster) for cy in cluster_years)
    return _cached("home-tasks", cluster_years, writes, render=render)


def leader_dashboard(cluster_years):
    def render(today, pdfs):
        tiles = year_progress(cluster_years=cluster_years, today=today, pdfs=pdfs)
        return render_to_string(
            "portal/_leader_dashboard.html",
            {
                "tiles": tiles,
                "overdue": overdue_deadlines(tiles),
                "awards_count": sum(p.awards_count for p in tiles),
                "reward_total": sum(p.reward_total for p in tiles),
            },
        )

    return _cached("home-dashboard", cluster_years, render=render)


def cluster_table(cluster_years, year):
    """The table of the cluster-years in scope (each with its member count), for those who
    have neither a task list nor the tiles."""
    version = tuple((cy.pk, cy.data_version, cy.ministry_version) for cy in cluster_years)

    def render():
        counts = member_counts(cluster_years)
        for cluster_year in cluster_years:
            cluster_year.member_count = counts.get(cluster_year.pk, 0)
        context = {"cluster_years": cluster_years, "year": year}
        return render_to_string("portal/_cluster_table.html", context)

    return cached_fragment("home-clusters", (year, version), render=render)


def _scope_version(scope, year):
    """What the user's home page shows depends on, read before it: the versions of the
    ministries they see whole (``ministries_token``) or else of the clusters they see one by
    one (``clusters_token``), the states of their reports' PDFs (``reports_token``: a build
    writes no data version), the year and the day (the tiles count days; the year switch
    offers this year). None for a user with both kinds of rights (the page is then computed
    each time)."""
    ministries = scope.staff_ministries | scope.leader_ministries
    clusters = scope.leader_clusters | scope.secretary_clusters
    if scope.is_superuser:
        token, seen = ministries_token(), {}
    elif ministries and not clusters:
        token, seen = ministries_token(ministries), {"ministry_ids": ministries}
    elif clusters and not ministries:
        token, seen = clusters_token(clusters), {"cluster_ids": clusters}
    else:
        return None
    if token is None:
        return None
    return (token, reports_token(**seen), year, timezone.localdate().isoformat())


def home_content(request, scope, year, *, render):
    """The home page's content (``render(request, scope, year)``: HTML, forms with
    ``CSRF_SLOT``), once per ``_scope_version`` and rights (which panels and actions show),
    each request with its own CSRF token."""
    rights = tuple(
        sorted(ids)
        for ids in (
            scope.staff_ministries,
            scope.leader_ministries,
            scope.leader_clusters,
            scope.secretary_clusters,
        )
    )
    html = cached_value(
        "home",
        _scope_version(scope, year),
        scope.is_superuser,
        rights,
        compute=lambda: render(request, scope, year),
    )
    return with_csrf_token(request, html)
