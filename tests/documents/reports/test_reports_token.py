"""``reports_token``: the home pages' and the reports panel's key for their PDFs. A new
version and every change of state move it; another ministry's or cluster's versions leave it
alone."""

from documents.models import ReportVersion, YearEndReport
from documents.reports.tokens import reports_token
from tests.factories import ClusterFactory, cluster_year_with_units


def _cluster_report(world, cluster_year):
    return YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=cluster_year.year,
        cluster_year=cluster_year,
    )


def _status(version, status):
    ReportVersion.objects.filter(pk=version.pk).update(status=status)


def test_a_version_moves_the_token_at_each_state(world):
    ours = {"ministry_ids": {world.ministry.pk}}
    clusters = {"cluster_ids": {world.cluster.pk}}
    report = _cluster_report(world, world.cluster_year)
    before = reports_token(**ours), reports_token(**clusters), reports_token()
    version = ReportVersion.objects.create(report=report)
    made = reports_token(**ours), reports_token(**clusters), reports_token()
    assert all(a != b for a, b in zip(before, made, strict=True))
    seen = [made]
    for status in (ReportVersion.Status.BUILDING, ReportVersion.Status.READY):
        _status(version, status)
        now = reports_token(**ours), reports_token(**clusters), reports_token()
        assert all(a != b for earlier in seen for a, b in zip(earlier, now, strict=True))
        seen.append(now)


def test_a_failed_build_moves_it_too(world):
    version = ReportVersion.objects.create(report=_cluster_report(world, world.cluster_year))
    token = reports_token(cluster_ids={world.cluster.pk})
    _status(version, ReportVersion.Status.FAILED)
    assert reports_token(cluster_ids={world.cluster.pk}) != token


def test_other_ministries_and_clusters_leave_it_alone(world):
    ministry = reports_token(ministry_ids={world.other_ministry.pk})
    cluster = reports_token(cluster_ids={world.other_cluster.pk})
    ReportVersion.objects.create(report=_cluster_report(world, world.cluster_year))
    ministry_wide = YearEndReport.objects.create(
        kind=YearEndReport.Kind.MINISTRY, ministry=world.ministry, year=2021
    )
    ReportVersion.objects.create(report=ministry_wide)
    assert reports_token(ministry_ids={world.other_ministry.pk}) == ministry
    assert reports_token(cluster_ids={world.other_cluster.pk}) == cluster
    other = cluster_year_with_units(ClusterFactory(ministry=world.ministry, number=9), 2021, [])
    ReportVersion.objects.create(report=_cluster_report(world, other))
    assert reports_token(cluster_ids={world.other_cluster.pk}) == cluster
    assert reports_token(ministry_ids=set()) == "r:-"
