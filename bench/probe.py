"""Run inside Django against one data set: resolve every page's URL, count its SQL queries
(django.test's CaptureQueriesContext) with the cache cold (the first request after a write to
the benched year: every fragment of the year rendered again) and warm (the next request),
measure the CPU time this process spends per request, warm and cold (the database's own work
not included; far less sensitive to other load on the machine than wall time) and, with
``--sessions``, log each role in and print its session cookie for the load tool.

    DATABASE_URL=… python -m bench.probe demo|national [--sessions]   (JSON on stdout)"""

import argparse
import json
import os
import statistics
import time
from types import SimpleNamespace

import django

CPU_SAMPLES = 10
CPU_BATCHES = 3


def subjects(dataset):
    from django.contrib.auth import get_user_model

    from accounts.models import RoleAssignment
    from bench.pages import BENCH_YEAR, USERNAMES
    from clusters.models import ClusterYear
    from emulation.roles import Role

    users = {
        role: get_user_model().objects.get(username=username)
        for role, username in USERNAMES[dataset].items()
    }
    cluster = (
        RoleAssignment.objects.select_related("cluster")
        .get(user=users["secretary"], role=Role.CLUSTER_SECRETARY)
        .cluster
    )
    cluster_year = ClusterYear.objects.select_related("proposal").get(
        cluster=cluster, year=BENCH_YEAR
    )
    unit = cluster_year.units.order_by("pk").first()
    return users, SimpleNamespace(
        cluster=cluster, unit=unit, year=BENCH_YEAR, proposal=cluster_year.proposal
    )


def ensure_built_reports(s, user):
    """The benched year's cluster and ministry reports each with a ready PDF version, built
    here by the worker's own builder when missing: a report page with a ready version checks
    it against the current data (the report's queries), so both data sets must have one for
    their query counts to compare."""
    from clusters.models import ClusterYear
    from documents.models import ReportVersion
    from documents.reports.build import report_version_build
    from documents.reports.selectors import report_for_cluster_year, report_for_ministry

    cluster_year = ClusterYear.objects.get(cluster=s.cluster, year=s.year)
    for report in (
        report_for_cluster_year(cluster_year),
        report_for_ministry(s.cluster.ministry, s.year),
    ):
        if report.pk is None:
            report.save()
        if not report.versions.filter(status=ReportVersion.Status.READY).exists():
            version = ReportVersion.objects.create(report=report, requested_by=user)
            report_version_build(version_id=version.pk)


def write_to_the_year(s):
    """What any write to the benched year does to the cache: its data versions move, so
    every fragment of the year is rendered again at the next request."""
    from clusters.data_version import bump_cluster_year
    from clusters.models import ClusterYear
    from emulation.data_version import bump_ministry_year

    cluster_year = ClusterYear.objects.get(cluster=s.cluster, year=s.year)
    bump_cluster_year(pk=cluster_year.pk)
    bump_ministry_year(ministry_id=s.cluster.ministry_id, year=s.year)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)  # every request start empties the query log


def _cpu_ms(client, url, before=None):
    """The median of ``CPU_BATCHES`` means of ``CPU_SAMPLES`` requests: one garbage
    collection of the whole heap inside a batch no longer decides the figure."""
    means = []
    for _ in range(CPU_BATCHES):
        spent = 0.0
        for _ in range(CPU_SAMPLES):
            if before:
                before()
            started = time.process_time()
            client.get(url)
            spent += time.process_time() - started
        means.append(spent / CPU_SAMPLES)
    return round(statistics.median(means) * 1000, 1)


def probe(dataset, sessions):
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from bench.pages import PAGES

    cache.clear()  # the bench's own cache database: nothing left from an earlier run
    users, s = subjects(dataset)
    ensure_built_reports(s, users["staff"])
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    rows = []
    for role, name, build in PAGES:
        url = build(s)
        client = clients[role]
        client.get(url)  # first-request work (translations, content types) aside
        write_to_the_year(s)
        _response, cold = _queries(client, url)
        response, warm = _queries(client, url)
        row = {
            "role": role,
            "page": name,
            "url": url,
            "status": response.status_code,
            "queries_cold": cold,
            "queries": warm,
            "cpu_ms": _cpu_ms(client, url),
            "cpu_cold_ms": _cpu_ms(client, url, before=lambda: write_to_the_year(s)),
        }
        if sessions:
            row["cookie"] = (
                f"{settings.SESSION_COOKIE_NAME}="
                f"{client.cookies[settings.SESSION_COOKIE_NAME].value}"
            )
        rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", choices=["demo", "national"])
    parser.add_argument("--sessions", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    print(json.dumps(probe(args.dataset, args.sessions)))


if __name__ == "__main__":
    main()
