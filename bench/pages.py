"""The pages the benchmark measures, as data: (role, page name, url builder).

A url builder takes the ``Subjects`` of a data set (the role's user, the secretary's cluster,
one of its member units, the benched year and that cluster-year's proposal) and returns a
path. Add a page by adding a line.

Both data sets hold the same kinds of records for the benched cluster-year (a locked pledge
with commitments, signatures and registrations; every score; a closed vote; signed minutes;
a decided proposal with its decision and awards; the cluster's and the ministry's year-end
reports), so a page's SQL query count can be compared between them: seed_demo's Cụm thi đua
số 2 in 2020 and seed_scale's cluster 01 of ministry 001 in the same year."""

from django.urls import reverse

BENCH_YEAR = 2020


def _cluster_page(s):
    return f"{reverse('clusters:detail', args=[s.cluster.pk])}?year={s.year}"


def _year(name):
    return lambda s: reverse(f"clusters:{name}", args=[s.cluster.pk, s.year])


def _unit_page(s):
    return reverse("units:detail", args=[s.unit.pk])


def _proposal(s):
    return reverse("awards:proposal", args=[s.proposal.pk])


def _cluster_report(s):
    return reverse("reports:cluster", args=[s.cluster.pk, s.year])


def _ministry_report(s):
    return reverse("reports:ministry", args=[s.cluster.ministry_id, s.year])


PAGES = [
    ("staff", "home", lambda s: reverse("home")),
    ("staff", "clusters list", lambda s: reverse("clusters:list")),
    ("staff", "cluster page", _cluster_page),
    ("staff", "units list", lambda s: reverse("units:list")),
    ("staff", "unit page", _unit_page),
    ("staff", "proposal queue", lambda s: reverse("awards:queue")),
    ("staff", "proposal page", _proposal),
    ("secretary", "home", lambda s: reverse("home")),
    ("secretary", "cluster page", _cluster_page),
    ("secretary", "pledge", _year("pledge")),
    ("secretary", "score grid", _year("scores")),
    ("secretary", "ranking", _year("ranking")),
    ("secretary", "proposal list", lambda s: reverse("awards:list")),
    ("secretary", "proposal page", _proposal),
    ("secretary", "unit page", _unit_page),
    ("leader", "home", lambda s: reverse("home")),
    ("leader", "cluster page", _cluster_page),
    ("leader", "ministry report", _ministry_report),
    ("leader", "cluster report", _cluster_report),
]

# The accounts each data set's pages are seen as: seed_demo's and seed_scale's (ministry 1,
# cluster 1).
USERNAMES = {
    "demo": {"staff": "vu.tdkt", "secretary": "thuky.cum2", "leader": "lanhdao"},
    "national": {
        "staff": "bench.001.vu",
        "secretary": "bench.001.cum01",
        "leader": "bench.001.lanhdao",
    },
}
