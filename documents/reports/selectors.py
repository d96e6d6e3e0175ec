from django.db.models import Q

from documents.models import ReportVersion, YearEndReport
from documents.reports.access import sees_report
from documents.reports.data import report_data_version
from emulation.models import Ministry
from emulation.roles import scope_of

VERSIONS_SHOWN = 20


def report_for_cluster_year(cluster_year):
    """The cluster-year's report, or an unsaved one with every setting at its default."""
    report = YearEndReport.objects.filter(cluster_year=cluster_year).first()
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
    report = YearEndReport.objects.filter(
        kind=YearEndReport.Kind.MINISTRY, ministry=ministry, year=year
    ).first()
    if report is None:
        report = YearEndReport(kind=YearEndReport.Kind.MINISTRY, ministry=ministry, year=year)
    report.ministry = ministry
    return report


def version_number(version):
    """“Bản #n” of the report page: the version's place among its report's, oldest first."""
    return version.report.versions.filter(pk__lte=version.pk).count()


def report_versions(report):
    """The newest versions of a report, each numbered and marked when the data it was built
    from has changed since."""
    if report.pk is None:
        return []
    versions = list(report.versions.select_related("requested_by")[:VERSIONS_SHOWN])
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


def latest_ready_versions(*, user, limit):
    """The latest ready PDF of each report a leader or ministry staff member may read."""
    scope = scope_of(user)
    if not (scope.leader_ministries or scope.leader_clusters or scope.staff_ministries):
        return []
    versions = ReportVersion.objects.filter(status=ReportVersion.Status.READY)
    if not scope.is_superuser:
        versions = versions.filter(
            Q(report__ministry_id__in=scope.staff_ministries | scope.leader_ministries)
            | Q(report__cluster_year__cluster_id__in=scope.leader_clusters)
        )
    versions = versions.select_related(
        "report__ministry", "report__cluster_year__cluster__ministry"
    ).order_by("-generated_at", "-id")[: limit * 4]
    latest, seen = [], set()
    for version in versions:
        if version.report_id not in seen and sees_report(user, version.report):
            seen.add(version.report_id)
            latest.append(version)
    return latest[:limit]


def ministries_with_reports_for(*, user):
    """The ministries whose ministry-wide report the user may read."""
    scope = scope_of(user)
    if scope.is_superuser:
        return Ministry.objects.all()
    return Ministry.objects.filter(pk__in=scope.staff_ministries | scope.leader_ministries)
