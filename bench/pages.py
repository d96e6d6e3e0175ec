"""The pages the benchmark measures, as data: (role, page name, url builder).

A url builder takes the ``Subjects`` of a data set (the role's user, the secretary's cluster,
one of its member units, the year) and returns a path. Add a page by adding a line."""

from django.urls import reverse


def _cluster_page(s):
    return f"{reverse('clusters:detail', args=[s.cluster.pk])}?year={s.year}"


def _unit_page(s):
    return reverse("units:detail", args=[s.unit.pk])


PAGES = [
    ("staff", "home", lambda s: reverse("home")),
    ("staff", "clusters list", lambda s: reverse("clusters:list")),
    ("staff", "cluster page", _cluster_page),
    ("staff", "units list", lambda s: reverse("units:list")),
    ("staff", "unit page", _unit_page),
    ("staff", "accounts list", lambda s: reverse("accounts_list")),
    ("secretary", "home", lambda s: reverse("home")),
    ("secretary", "cluster page", _cluster_page),
    ("secretary", "unit page", _unit_page),
    ("leader", "home", lambda s: reverse("home")),
    ("leader", "cluster page", _cluster_page),
    ("leader", "clusters list", lambda s: reverse("clusters:list")),
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
