"""The latest reports panel (the leader's and the staff's home) reads its reports as plain
rows (``latest_ready_versions``): the same markup as when it read the versions with their
reports, clusters and ministries, for a cluster's and a ministry's report, newest first, each
report once, only those in the reader's scope."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone, translation

from documents.models import ReportVersion, YearEndReport
from documents.reports.selectors import latest_ready_versions
from emulation.roles import Role
from tests.factories import ClusterFactory, UserFactory, cluster_year_with_units, grant

# The panel's template as it was, reading each version's report, cluster and ministry.
BEFORE = """{% load i18n %}{% for version in versions %}
<span>{% if version.report.cluster_year %}{{ version.report.cluster_year.cluster.name }}{% else %}{% blocktranslate trimmed with name=version.report.ministry.name %}Toàn {{ name }}{% endblocktranslate %}{% endif %} – {{ version.report.year }}
<span class="text-secondary small">({% blocktranslate trimmed with at=version.generated_at|date:"SHORT_DATETIME_FORMAT" %}tạo lúc {{ at }}{% endblocktranslate %})</span></span>
<a class="btn btn-primary" href="{% url 'reports:download' version.pk %}">{% translate "Tải PDF" %}</a>
{% endfor %}"""  # noqa: E501
AFTER = """{% load i18n %}{% for version in versions %}
<span>{% if version.cluster_year_id %}{{ version.cluster_name }}{% else %}{% blocktranslate trimmed with name=version.ministry_name %}Toàn {{ name }}{% endblocktranslate %}{% endif %} – {{ version.year }}
<span class="text-secondary small">({% blocktranslate trimmed with at=version.generated_at|date:"SHORT_DATETIME_FORMAT" %}tạo lúc {{ at }}{% endblocktranslate %})</span></span>
<a class="btn btn-primary" href="{% url 'reports:download' version.pk %}">{% translate "Tải PDF" %}</a>
{% endfor %}"""  # noqa: E501


def _version(report, minutes_ago, status=ReportVersion.Status.READY):
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return ReportVersion.objects.create(report=report, status=status, generated_at=at)


@pytest.fixture
def reports(world):
    cluster = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=2021,
        cluster_year=world.cluster_year,
    )
    other = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=2021,
        cluster_year=world.other_cluster_year,
    )
    ministry = YearEndReport.objects.create(
        kind=YearEndReport.Kind.MINISTRY, ministry=world.ministry, year=2021
    )
    foreign_cluster = ClusterFactory(ministry=world.other_ministry, number=1, name="Cụm khác")
    foreign = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.other_ministry,
        year=2021,
        cluster_year=cluster_year_with_units(foreign_cluster, 2021, []),
    )
    return {
        "cluster_old": _version(cluster, 50),
        "cluster": _version(cluster, 10),
        "cluster_building": _version(cluster, 1, ReportVersion.Status.BUILDING),
        "other": _version(other, 20),
        "ministry": _version(ministry, 30),
        "foreign": _version(foreign, 5),
    }


def _old_versions(pks):
    versions = ReportVersion.objects.select_related(
        "report__ministry", "report__cluster_year__cluster__ministry"
    )
    return [versions.get(pk=pk) for pk in pks]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_panel_rows_show_what_the_versions_showed(world, reports, language):
    rows = latest_ready_versions(user=world.users.leader, limit=5)
    assert [row.pk for row in rows] == [
        reports["cluster"].pk,
        reports["other"].pk,
        reports["ministry"].pk,
    ]
    with translation.override(language):
        before = engines["django"].from_string(BEFORE)
        after = engines["django"].from_string(AFTER)
        shown = after.render({"versions": rows})
        assert shown == before.render({"versions": _old_versions([r.pk for r in rows])})
    if language == "vi":
        assert "Cụm thi đua số 2 – 2021" in shown
        assert "Toàn Bộ Tư pháp thử nghiệm – 2021" in shown


def test_the_panel_on_the_home_page_is_the_template_s_markup(client_as, world, reports):
    body = client_as("staff").get("/?year=2021").content.decode()
    assert body.count('class="list-group-item d-flex') == 3
    assert f'href="/reports/versions/{reports["cluster"].pk}/download/"' in body
    assert f'href="/reports/versions/{reports["foreign"].pk}/download/"' not in body
    assert "Toàn Bộ Tư pháp thử nghiệm – 2021" in body


def test_a_cluster_leader_sees_only_their_cluster_s_reports(world, reports):
    leader = grant(UserFactory(), Role.LEADER, world.ministry, world.other_cluster)
    assert [row.pk for row in latest_ready_versions(user=leader, limit=5)] == [reports["other"].pk]


def test_staff_of_another_ministry_see_only_theirs_and_a_secretary_none(world, reports):
    foreign = latest_ready_versions(user=world.users.foreign_staff, limit=5)
    assert [row.pk for row in foreign] == [reports["foreign"].pk]
    assert latest_ready_versions(user=world.users.secretary, limit=5) == []


def test_the_panel_keeps_the_newest_of_at_most_limit_reports(world, reports):
    assert [row.pk for row in latest_ready_versions(user=world.users.leader, limit=2)] == [
        reports["cluster"].pk,
        reports["other"].pk,
    ]


def test_a_superuser_sees_every_ministry_s_reports(world, reports):
    admin = UserFactory(is_superuser=True)
    grant(admin, Role.LEADER, world.ministry)
    shown = [row.pk for row in latest_ready_versions(user=admin, limit=5)]
    assert shown == [
        reports["foreign"].pk,
        reports["cluster"].pk,
        reports["other"].pk,
        reports["ministry"].pk,
    ]
