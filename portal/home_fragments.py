"""The home page's task list (the secretary's) and dashboard (the leader's), rendered once per
data version of the cluster-years they show (``emulation.fragments``) and per day (a deadline
counts days). Their PDFs' states are in the key too: a report's build writes no data version.
The task list's actions are POST forms: each page puts its own CSRF token in. The staff's
table of clusters is rendered once per data version of its cluster-years (its names: a
cluster's or a ministry's record bumps every year of the ministry; its member counts)."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from clusters.data_version import ministries_token
from clusters.selectors import member_counts
from documents.reports.progress import (
    overdue_deadlines,
    report_states_of_ministries,
    report_versions_of,
    year_progress,
)
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


def task_list(request, cluster_years, scope):
    if not cluster_years:
        return ""

    def render(today, pdfs):
        tasks = year_progress(
            cluster_years=cluster_years, can_write=scope.writes_cluster, today=today, pdfs=pdfs
        )
        return render_to_string("portal/_task_list.html", {"tasks": tasks, "csrf_token": CSRF_SLOT})

    writes = tuple(scope.writes_cluster(cy.cluster) for cy in cluster_years)
    html = _cached("home-tasks", cluster_years, writes, render=render)
    return with_csrf_token(request, html)


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


def ministry_wide(scope):
    """Staff and leaders of whole ministries only (a superuser: of every one): their home
    page shows what their ministries hold, and nothing of a single cluster's rights."""
    whole = scope.is_superuser or scope.staff_ministries or scope.leader_ministries
    return bool(whole) and not (scope.leader_clusters or scope.secretary_clusters)


def ministry_wide_home(request, scope, year, *, render):
    """The home page of a ministry-wide reader but its latest reports (``render(request,
    scope, year)``: two parts of HTML), once per version of their ministries' records
    (``ministries_token``, read first), year, day (the tiles count days; the year switch
    offers this year) and, for a leader, the states of the year's PDFs (a build writes no
    data version), and per rights (which panels show)."""
    ministries = None if scope.is_superuser else scope.staff_ministries | scope.leader_ministries
    today = timezone.localdate()
    pdfs = report_states_of_ministries(ministries, year) if scope.is_leader else ()
    version = (ministries_token(ministries), year, today.isoformat(), tuple(pdfs))
    rights = (
        scope.is_superuser,
        tuple(sorted(scope.staff_ministries)),
        tuple(sorted(scope.leader_ministries)),
    )
    parts = cached_value(
        "home-ministry-wide", version, rights, compute=lambda: render(request, scope, year)
    )
    return [mark_safe(part) for part in parts]  # rendered by the site's own templates
