"""Who may see a report and download its files: leaders and ministry staff of the ministry,
and (for a cluster's report) the cluster's secretary and leaders. Anyone else gets 404, so a
guessed URL reveals nothing; a reader asking to edit gets 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from documents.models import ReportVersion, YearEndReport
from emulation.roles import scope_of


def sees_report(user, report):
    scope = scope_of(user)
    if report.kind == YearEndReport.Kind.CLUSTER:
        return scope.sees_cluster(report.cluster_year.cluster)
    return scope.sees_ministry(report.ministry_id)


def writes_report(user, report):
    """The narrative and document settings: the cluster's secretary or the ministry's staff
    (staff only for the ministry-wide report)."""
    if report.kind == YearEndReport.Kind.CLUSTER:
        return writes_cluster_report(user, report.cluster_year.cluster)
    return writes_ministry_report(user, report.ministry_id)


def writes_cluster_report(user, cluster):
    return scope_of(user).writes_cluster(cluster)


def writes_ministry_report(user, ministry_id):
    return scope_of(user).manages_ministry(ministry_id)


def check_ministry_for_report(user, ministry_pk, *, write=False):
    """404 for a ministry the user does not see; 403 when ``write`` is asked of a leader."""
    scope = scope_of(user)
    if not scope.sees_ministry(ministry_pk):
        raise Http404
    if write and not scope.manages_ministry(ministry_pk):
        raise PermissionDenied


def _reports():
    return YearEndReport.objects.select_related("ministry", "cluster_year__cluster__ministry")


def get_report_for_user(user, pk):
    report = get_object_or_404(_reports(), pk=pk)
    if not sees_report(user, report):
        raise Http404
    return report


def get_version_for_user(user, pk):
    version = get_object_or_404(
        ReportVersion.objects.select_related(
            "report__ministry", "report__cluster_year__cluster__ministry"
        ),
        pk=pk,
    )
    if not sees_report(user, version.report):
        raise Http404
    return version
