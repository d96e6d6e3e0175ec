import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import F, Q
from django.shortcuts import get_object_or_404

from documents.models import ReportVersion, YearEndReport
from documents.reports.access import sees_report
from documents.reports.data import report_data_version
from emulation.models import Ministry
from emulation.roles import scope_of

VERSIONS_SHOWN = 20


def _the_report(**unique):
    """The report with these fields (unique: no ordering to compile), or None."""
    try:
        return YearEndReport.objects.get(**unique)
    except YearEndReport.DoesNotExist:
        return None


def report_for_cluster_year(cluster_year):
    """The cluster-year's report, or an unsaved one with every setting at its default."""
    report = _the_report(cluster_year=cluster_year)
    if report is None:
        report = YearEndReport(
            kind=YearEndReport.Kind.CLUSTER,
            ministry=cluster_year.cluster.ministry,
            year=cluster_year.year,
            cluster_year=cluster_year,
        )
    report.cluster_year = cluster_year
    report.ministry = cluster_year.cluster.ministry
    return report


def report_for_ministry(ministry, year):
    report = _the_report(kind=YearEndReport.Kind.MINISTRY, ministry=ministry, year=year)
    if report is None:
        report = YearEndReport(kind=YearEndReport.Kind.MINISTRY, ministry=ministry, year=year)
    report.ministry = ministry
    return report


def ministry_report_of(*, ministry_id, year):
    """The ministry's report of the year read with its ministry (one query), else an unsaved
    one with every setting at its default (the ministry read apart; 404 if there is none)."""
    try:
        return YearEndReport.objects.select_related("ministry").get(
            kind=YearEndReport.Kind.MINISTRY, ministry_id=ministry_id, year=year
        )
    except YearEndReport.DoesNotExist:
        return report_for_ministry(get_object_or_404(Ministry, pk=ministry_id), year)


def version_number(version):
    """“Bản #n” of the report page: the version's place among its report's, oldest first."""
    return version.report.versions.filter(pk__lte=version.pk).count()


def report_versions(report):
    """The newest versions of a report, each numbered and marked when the data it was built
    from has changed since."""
    if report.pk is None:
        return []
    versions = list(report.versions.all()[:VERSIONS_SHOWN])
    # Counted only when the list is cut: the newest is number ``total``, the oldest number 1.
    total = report.versions.count() if len(versions) == VERSIONS_SHOWN else len(versions)
    current = None
    if any(v.is_ready for v in versions):
        current = report_data_version(report)
    for index, version in enumerate(versions):
        version.number = total - index
        version.outdated = version.is_ready and version.data_version != current
    return versions


def report_panel_for(*, cluster_year):
    """The cluster-year's newest PDF version, if any (one query)."""
    latest = ReportVersion.objects.filter(report__cluster_year=cluster_year).first()
    return {"cluster_year": cluster_year, "latest": latest}


@dataclass(frozen=True)
class LatestReport:
    """A ready PDF of the latest reports panel: what the panel shows of it."""

    pk: int
    generated_at: datetime.datetime
    year: int
    ministry_name: str
    cluster_year_id: int | None
    cluster_name: str | None


_LATEST_FIELDS = {
    "kind": F("report__kind"),
    "year": F("report__year"),
    "ministry_id": F("report__ministry_id"),
    "ministry_name": F("report__ministry__name"),
    "cluster_year_id": F("report__cluster_year_id"),
    "cluster_id": F("report__cluster_year__cluster_id"),
    "cluster_ministry_id": F("report__cluster_year__cluster__ministry_id"),
    "cluster_name": F("report__cluster_year__cluster__name"),
}


def _as_report(row):
    """Enough of the row's report for ``sees_report`` (the one rule of who reads it)."""
    cluster = SimpleNamespace(pk=row["cluster_id"], ministry_id=row["cluster_ministry_id"])
    return SimpleNamespace(
        kind=row["kind"],
        ministry_id=row["ministry_id"],
        cluster_year=SimpleNamespace(cluster=cluster),
    )


def latest_ready_versions(*, user, limit):
    """The latest ready PDF of each report a leader or ministry staff member may read, as
    ``LatestReport`` rows (one query of the columns shown: the panel is on every home page)."""
    scope = scope_of(user)
    if not (scope.leader_ministries or scope.leader_clusters or scope.staff_ministries):
        return []
    versions = ReportVersion.objects.filter(status=ReportVersion.Status.READY)
    if not scope.is_superuser:
        seen = Q(report__ministry_id__in=scope.staff_ministries | scope.leader_ministries)
        if scope.leader_clusters:
            seen |= Q(report__cluster_year__cluster_id__in=scope.leader_clusters)
        versions = versions.filter(seen)
    newest = versions.order_by("-generated_at", "-id")
    rows = newest.values("pk", "report_id", "generated_at", **_LATEST_FIELDS)[: limit * 4]
    latest, seen_reports = [], set()
    for row in rows:
        if row["report_id"] not in seen_reports and sees_report(user, _as_report(row)):
            seen_reports.add(row["report_id"])
            latest.append(
                LatestReport(
                    pk=row["pk"],
                    generated_at=row["generated_at"],
                    year=row["year"],
                    ministry_name=row["ministry_name"],
                    cluster_year_id=row["cluster_year_id"],
                    cluster_name=row["cluster_name"],
                )
            )
    return latest[:limit]


def ministries_with_reports_for(*, user, read=()):
    """The ministries whose ministry-wide report the user may read. ``read``: ministries
    this request has already read (the home page's, with its clusters): when the user's one
    ministry is among them, no query."""
    scope = scope_of(user)
    if scope.is_superuser:
        return Ministry.objects.all()
    ministries = scope.staff_ministries | scope.leader_ministries
    if len(ministries) == 1:
        (only,) = ministries
        found = next((ministry for ministry in read if ministry.pk == only), None)
        if found is not None:
            return [found]
    return Ministry.objects.filter(pk__in=ministries)
