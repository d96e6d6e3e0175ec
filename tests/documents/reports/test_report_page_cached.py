"""The report page is cached per version of its data (read with its year) and of its PDFs'
states (``documents.reports.tokens.report_token``), and the reader's right to edit
(``documents.reports.views._report_page``): every change of either shows on the next page,
each session posts with its own CSRF token, the page works with the cache unreachable, a
warm page reads less than a cold one, and a version names its requester as they were."""

import pytest
from django.test import Client

from clusters.models import Cluster
from documents.models import ReportVersion
from documents.reports.services import report_version_request
from tests.documents.reports.test_views import OUTDATED, generate_url, page_url, ready_version
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import PASSWORD
from tests.html import sessions_with_tokens

Status = ReportVersion.Status


def _status(version, status, **fields):
    ReportVersion.objects.filter(pk=version.pk).update(status=status, **fields)


def test_each_state_of_a_pdf_shows_on_the_next_page(client_as, world, cluster2):
    client = client_as("leader")
    assert "Chưa có bản PDF nào." in client.get(page_url(world)).content.decode()
    version = ReportVersion.objects.create(report=cluster2.report)
    assert "Đang chờ" in client.get(page_url(world)).content.decode()
    _status(version, Status.BUILDING)
    assert "Đang tạo" in client.get(page_url(world)).content.decode()
    _status(version, Status.FAILED, error_message="Không tạo được tệp PDF.")
    assert "Không tạo được tệp PDF." in client.get(page_url(world)).content.decode()
    ready = ready_version(cluster2.report)
    html = client.get(page_url(world)).content.decode()
    assert f'href="/reports/versions/{ready.pk}/download/"' in html


def test_a_write_to_the_year_marks_the_cached_pdf_outdated(client_as, world, cluster2):
    ready_version(cluster2.report)
    client = client_as("leader")
    assert OUTDATED not in client.get(page_url(world)).content.decode()  # cached
    count = cluster2.vote.counts.filter(votes=1).first()
    count.votes = 0
    count.save()
    assert OUTDATED in client.get(page_url(world)).content.decode()


def test_a_renamed_cluster_shows_on_the_next_page(client_as, world, cluster2):
    client = client_as("leader")
    assert "Cụm đã đổi tên" not in client.get(page_url(world)).content.decode()
    cluster = Cluster.objects.get(pk=world.cluster.pk)
    cluster.name = "Cụm đã đổi tên"
    cluster.save()  # a record of no year: every year of the ministry
    assert "Báo cáo tổng kết năm 2020 – Cụm đã đổi tên" in (
        client.get(page_url(world)).content.decode()
    )


def test_the_edit_link_follows_each_reader_s_rights(client_as, world, cluster2):
    edit = "Sửa nội dung, thông tin văn bản"
    assert edit not in client_as("leader").get(page_url(world)).content.decode()
    assert edit in client_as("secretary").get(page_url(world)).content.decode()
    assert edit not in client_as("leader").get(page_url(world)).content.decode()


def test_each_session_asks_for_a_pdf_with_its_own_token(world, cluster2):
    form = rf'action="{generate_url(world)}">\s*<input type="hidden" '
    form += r'name="csrfmiddlewaretoken" value="([^"]+)"'
    sessions = sessions_with_tokens(world.users.secretary, page_url(world), form)
    (_first, first_token), (second, second_token) = sessions
    assert second.post(generate_url(world), {"csrfmiddlewaretoken": first_token}).status_code == 403
    assert (
        second.post(generate_url(world), {"csrfmiddlewaretoken": second_token}).status_code == 302
    )


@pytest.mark.usefixtures("cache_down")
def test_the_report_page_works_with_the_cache_down(world, cluster2):
    version = ready_version(cluster2.report)
    client = Client()
    client.post("/accounts/login/", {"username": "lanhdao", "password": PASSWORD})
    html = client.get(page_url(world)).content.decode()
    assert f'href="/reports/versions/{version.pk}/download/"' in html


@pytest.mark.parametrize("versions", [1, 4])
def test_a_warm_report_page_reads_less_the_same_for_more_versions(
    client_as, world, cluster2, django_assert_num_queries, versions
):
    for _ in range(versions):
        ready_version(cluster2.report)
    client = client_as("leader")
    client.get(page_url(world))
    # Session, user, the cluster-year with its neighbours' data versions, the report's PDFs'
    # states; the page from the cache.
    with django_assert_num_queries(4):
        client.get(page_url(world))


def test_a_version_names_its_requester_as_they_were(client_as, world, cluster2):
    leader = world.users.leader
    leader.first_name = "Nguyễn Văn Lãnh"
    leader.save()
    report_version_request(actor=leader, report=cluster2.report)
    leader.first_name = "Tên mới"
    leader.save()
    html = client_as("staff").get(page_url(world)).content.decode()
    assert "Nguyễn Văn Lãnh" in html
    assert "Tên mới" not in html


def test_the_ministry_report_page_shows_each_change_too(client_as, world, cluster2):
    from django.urls import reverse

    from documents.models import YearEndReport

    url = reverse("reports:ministry", args=[world.ministry.pk, 2020])
    client = client_as("leader")
    assert "Chưa có bản PDF nào." in client.get(url).content.decode()
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.MINISTRY, ministry=world.ministry, year=2020
    )
    version = ready_version(report)
    html = client.get(url).content.decode()
    assert f'href="/reports/versions/{version.pk}/download/"' in html
    assert OUTDATED not in html
    count = cluster2.vote.counts.filter(votes=1).first()
    count.votes = 0
    count.save()  # a cluster-year of the ministry's year
    assert OUTDATED in client.get(url).content.decode()
