"""The data version of a cluster-year (``ClusterYear.data_version``) and of a ministry-year
(``EmulationYear.data_version``, ``emulation.data_version``): counters bumped by one
``UPDATE … SET data_version = data_version + 1`` in the transaction of every write to the
year's records, so a page fragment cached under a version can never show older data, and a
report's PDF is outdated exactly when the versions it was built at have moved.

Every write through a model's ``save()``/``delete()`` bumps by itself
(``clusters.data_version_signals``, connected for every model with a path to a cluster-year,
a ministry-year or a ministry); a bulk write (``bulk_create``, ``bulk_update``,
``QuerySet.update``) calls a bump here or in ``emulation.data_version`` itself
(``tests/clusters/test_data_version.py`` checks both).

Only the row of the written year is bumped (one row lock, the one the year's writes already
share). What a page shows of the neighbouring years (the ranking's "compared with last
year", the report's next year's leaders) is in its key instead: ``cluster_year_token``
reads the counters of the year before and after with the year's own."""

from django.db.models import Count, F, Sum

from clusters.models import ClusterYear
from emulation.models import EmulationYear


def bump_cluster_year(*, pk):
    """``pk``: a cluster-year's id, or an expression that yields it (a subquery)."""
    return ClusterYear.objects.filter(pk=pk).update(data_version=F("data_version") + 1)


def bump_cluster_years(*, pks):
    """Several cluster-years in one statement, rows taken in id order."""
    ids = sorted(set(pks))
    return ClusterYear.objects.filter(pk__in=ids).update(data_version=F("data_version") + 1)


VERSIONS = ("year", "data_version", "emulation_year__data_version")


def _token(cluster_year, rows):
    near = sorted(row for row in rows if abs(row[0] - cluster_year.year) <= 1)
    return f"c{cluster_year.pk}:" + ",".join(f"{y}.{c}.{e}" for y, c, e in near)


def cluster_year_token(cluster_year):
    """The versions a cluster-year's pages depend on, as a short string (one query): the
    cluster-year's and its ministry-year's counters, for the year and its two neighbours."""
    rows = ClusterYear.objects.filter(
        cluster_id=cluster_year.cluster_id,
        year__gte=cluster_year.year - 1,
        year__lte=cluster_year.year + 1,
    ).values_list(*VERSIONS)
    return _token(cluster_year, rows)


def cluster_versions(cluster_years):
    """``(year, cluster-year's version, ministry-year's version)`` of cluster-years read with
    their ministry-years (``access.get_cluster_years_for_user``: every year of a cluster, in
    the query that reads the cluster): the cluster page's year switch and its year's token."""
    return [(cy.year, cy.data_version, cy.emulation_year.data_version) for cy in cluster_years]


def cluster_year_version(cluster_year, rows=None):
    """``cluster_year_token``, read once per instance, i.e. per request: before the data of
    the page's first fragment (a version read after its data could label older data).
    ``rows``: the cluster's ``cluster_versions``, already read."""
    if getattr(cluster_year, "_data_token", None) is None:
        token = _token(cluster_year, rows) if rows is not None else None
        cluster_year._data_token = token or cluster_year_token(cluster_year)
    return cluster_year._data_token


def ministry_year_token(*, ministry_id, year):
    """The versions a ministry-wide page of the year depends on (one query): the
    ministry-year's counter, and the number and sum of its cluster-years' counters (a
    counter only grows, and removing a cluster-year bumps the ministry-year)."""
    row = (
        EmulationYear.objects.filter(ministry_id=ministry_id, year=year)
        .annotate(clusters=Count("cluster_years"), total=Sum("cluster_years__data_version"))
        .values_list("pk", "data_version", "clusters", "total")
        .first()
    )
    if row is None:
        return f"m{ministry_id}.{year}:-"
    pk, version, clusters, total = row
    return f"m{pk}:{version}.{clusters}.{total or 0}"
