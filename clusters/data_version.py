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

from django.db import connection
from django.db.models import F

from clusters.models import Cluster, ClusterYear
from emulation.models import EmulationYear, Ministry


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
    their ministry-years (the year's neighbours, read in the query that reads the year:
    ``access.get_cluster_year_for_user``): the year's token."""
    return [(cy.year, cy.data_version, cy.emulation_year.data_version) for cy in cluster_years]


def cluster_year_version(cluster_year, rows=None):
    """``cluster_year_token``, read once per instance, i.e. per request: before the data of
    the page's first fragment (a version read after its data could label older data).
    ``rows``: the cluster's ``cluster_versions``, already read."""
    if getattr(cluster_year, "_data_token", None) is None:
        token = _token(cluster_year, rows) if rows is not None else None
        cluster_year._data_token = token or cluster_year_token(cluster_year)
    return cluster_year._data_token


# How ``ministry_year_token`` ends for a year the ministry has not opened.
NOT_OPENED = ":-"


def one_row(sql, params):
    """The one row of a statement a token is written in, as SQL: the ORM would spend longer
    compiling it than the database running it (a tenth of a millisecond)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def cluster_year_rows(cluster_id):
    """A cluster's ministry and name, and every year of it, newest first, as ``(year,
    cluster-year id, its counter, its ministry-year's counter)`` (one SQL statement; no year
    yet: none). The cluster page reads them on every request, and the whole year's page only
    when its versions have moved. None when there is no such cluster."""
    years, clusters = EmulationYear._meta.db_table, ClusterYear._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.ministry_id, c.name, cy.year, cy.id, cy.data_version, ey.data_version "
            f"FROM {Cluster._meta.db_table} c LEFT JOIN {clusters} cy ON cy.cluster_id = c.id "
            f"LEFT JOIN {years} ey ON cy.emulation_year_id = ey.id "
            f"WHERE c.id = %s ORDER BY cy.year DESC",
            [cluster_id],
        )
        rows = cursor.fetchall()
    if not rows:
        return None
    ministry_id, name = rows[0][:2]
    return ministry_id, name, [row[2:] for row in rows if row[2] is not None]


def ministry_year_token(*, ministry_id, year):
    """The versions a ministry-wide page of the year depends on (one query, written as SQL
    like ``ministries_token``): the ministry-year's counter, and the number and sum of its
    cluster-years' counters (a counter only grows, and removing a cluster-year bumps the
    ministry-year); it ends with ``NOT_OPENED`` when the ministry has not opened the year."""
    years, clusters = EmulationYear._meta.db_table, ClusterYear._meta.db_table
    row = one_row(
        f"SELECT ey.id, ey.data_version, COUNT(cy.id), SUM(cy.data_version) FROM {years} ey "
        f"LEFT JOIN {clusters} cy ON cy.emulation_year_id = ey.id "
        f"WHERE ey.ministry_id = %s AND ey.year = %s GROUP BY ey.id, ey.data_version",
        [ministry_id, year],
    )
    if row is None:
        return f"m{ministry_id}.{year}{NOT_OPENED}"
    pk, version, clusters, total = row
    return f"m{pk}:{version}.{clusters}.{total or 0}"


def ministry_token(*, ministry_id):
    """The versions of everything a ministry holds, of every year: ``ministries_token``."""
    return ministries_token([ministry_id])


def ministries_token(ministry_ids=None, *, cluster_years=True):
    """The versions of everything some ministries hold (None: every ministry), of every year
    (one query): the number, ids and counters' sum of their ministry-years and, unless
    ``cluster_years`` is False (a page of the ministries' own records: their clusters, the
    catalogue), the number and counters' sum of their cluster-years. A counter only grows,
    removing a cluster-year bumps its ministry-year, and a record of no year (a unit, a
    cluster, the catalogue) bumps every year of its ministry: any write moves the token. None
    when one of the ministries has no year yet: its records' writes bump nothing, so nothing
    can be keyed by it. Written as SQL: the ORM would spend longer compiling it than the
    database running it."""
    ids = sorted(ministry_ids) if ministry_ids is not None else None
    if ids == []:
        return "m:-"
    ministries = Ministry._meta.db_table
    years, clusters = EmulationYear._meta.db_table, ClusterYear._meta.db_table
    listed = f"IN ({', '.join(['%s'] * len(ids))})" if ids else ""
    named = f"WHERE m.id {listed}" if ids else ""
    where = f"WHERE ey.ministry_id {listed}" if ids else ""
    columns = ["m.n", "y.ministries", "y.n", "y.ids", "y.total"]
    sources = [
        f"(SELECT COUNT(*) AS n FROM {ministries} m {named}) m",
        f"(SELECT COUNT(DISTINCT ey.ministry_id) AS ministries, COUNT(*) AS n, "
        f"SUM(ey.id) AS ids, SUM(ey.data_version) AS total FROM {years} ey {where}) y",
    ]
    if cluster_years:
        columns += ["c.n", "c.total"]
        sources.append(
            f"(SELECT COUNT(*) AS n, SUM(cy.data_version) AS total FROM {clusters} cy "
            f"JOIN {years} ey ON cy.emulation_year_id = ey.id {where}) c"
        )
    sql = f"SELECT {', '.join(columns)} FROM {', '.join(sources)}"
    count, opened, *versions = one_row(sql, (ids or []) * len(sources))
    if opened < count:
        return None
    names = ",".join(map(str, ids)) if ids is not None else "*"
    return f"m{names}:" + ".".join(str(value or 0) for value in versions)


def clusters_token(cluster_ids):
    """The versions of everything some clusters hold, of every year (one query, in SQL like
    ``ministries_token``): the number, ids and counters' sum of their cluster-years, and the
    sum of their ministry-years' counters (a record of no year, as a cluster's name or the
    catalogue, bumps every year of its ministry). Removing a cluster-year bumps its
    ministry-year and takes its rows out of the sums: what is left is shown as it was. None
    when the clusters have no year: nothing would be bumped."""
    ids = sorted(cluster_ids)
    if not ids:
        return None
    years, clusters = EmulationYear._meta.db_table, ClusterYear._meta.db_table
    count, *versions = one_row(
        f"SELECT COUNT(*), SUM(cy.id), SUM(cy.data_version), SUM(ey.data_version) "
        f"FROM {clusters} cy JOIN {years} ey ON cy.emulation_year_id = ey.id "
        f"WHERE cy.cluster_id IN ({', '.join(['%s'] * len(ids))})",
        ids,
    )
    if not count:
        return None
    return f"c{','.join(map(str, ids))}:{count}." + ".".join(str(value) for value in versions)
