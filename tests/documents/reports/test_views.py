"""The report pages, the narrative form, generation and download, for every role."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from documents.models import ReportVersion, YearEndReport
from documents.reports.selectors import VERSIONS_SHOWN
from emulation.demo import CLUSTER_2_UNITS
from emulation.models import AuditEntry
from emulation.roles import Role
from tests.documents.reports.conftest import build_cluster_year
from tests.factories import UserFactory, grant
from tests.html import messages

Status = ReportVersion.Status
OUTDATED = "Lưu ý: dữ liệu đã thay đổi từ khi tạo bản này."


def page_url(world, year=2020):
    return reverse("reports:cluster", args=[world.cluster.pk, year])


def edit_url(world, year=2020):
    return reverse("reports:cluster_edit", args=[world.cluster.pk, year])


def generate_url(world, year=2020):
    return reverse("reports:cluster_generate", args=[world.cluster.pk, year])


def ready_version(report, user=None):
    """A version built through the real task (eager)."""
    from documents.tasks import build_report_version

    version = ReportVersion.objects.create(report=report, requested_by=user)
    build_report_version.apply(args=[version.pk])
    version.refresh_from_db()
    return version


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cluster_leader(world):
    return grant(UserFactory(username="cumtruong"), Role.LEADER, world.ministry, world.cluster)


@pytest.fixture
def other_cluster_leader(world):
    return grant(
        UserFactory(username="cumtruong.khac"), Role.LEADER, world.ministry, world.other_cluster
    )


# --- the report page -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 200),
        ("staff", 200),
        ("leader", 200),
        ("other_secretary", 404),
        ("foreign_staff", 404),
    ],
)
def test_report_page_by_role(client_as, world, cluster2, role, status):
    response = client_as(role).get(page_url(world))

    assert response.status_code == status


def test_report_page_sends_anonymous_users_to_login(client_as, world, cluster2):
    response = client_as(None).get(page_url(world))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={page_url(world)}"


def test_a_cluster_leader_sees_the_report_but_not_another_clusters(
    world, cluster2, cluster_leader, other_cluster_leader
):
    assert login(cluster_leader).get(page_url(world)).status_code == 200
    assert login(other_cluster_leader).get(page_url(world)).status_code == 404


def test_report_page_of_a_year_the_cluster_does_not_have_is_404(client_as, world):
    assert client_as("staff").get(page_url(world, 1999)).status_code == 404


def test_report_page_lists_versions_newest_first_with_download_links(client_as, world, cluster2):
    first = ready_version(cluster2.report, world.users.leader)
    second = ready_version(cluster2.report, world.users.staff)

    response = client_as("leader").get(page_url(world))

    versions = response.context["versions"]
    assert [(v.pk, v.number, v.outdated) for v in versions] == [
        (second.pk, 2, False),
        (first.pk, 1, False),
    ]
    body = response.content.decode()
    assert body.count('class="download-link"') == 2
    assert reverse("reports:download", args=[second.pk]) in body
    assert OUTDATED not in body
    assert "hx-trigger" not in body  # every version is final: no polling


def test_a_version_built_from_older_data_says_the_data_changed(client_as, world, cluster2):
    old = ready_version(cluster2.report)
    for count in cluster2.vote.counts.filter(votes=1):
        count.votes = 0
        count.save()  # any write of the year moves its data version
    new = ready_version(cluster2.report)

    response = client_as("leader").get(page_url(world))

    assert [(v.pk, v.outdated) for v in response.context["versions"]] == [
        (new.pk, False),
        (old.pk, True),
    ]
    assert response.content.decode().count(OUTDATED) == 1


def test_a_pending_version_makes_the_list_poll_every_two_seconds(client_as, world, cluster2):
    report = cluster2.report
    version = ReportVersion.objects.create(report=report, status=Status.BUILDING)
    versions_url = reverse("reports:versions", args=[report.pk])

    body = client_as("leader").get(page_url(world)).content.decode()
    assert f'hx-get="{versions_url}" hx-trigger="every 2s" hx-swap="outerHTML"' in body

    ReportVersion.objects.filter(pk=version.pk).update(status=Status.READY)
    partial = client_as("leader").get(versions_url, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200
    assert "hx-trigger" not in partial.content.decode()
    assert "<html" not in partial.content.decode()


def test_a_failed_version_shows_its_message_and_a_retry_button(client_as, world, cluster2):
    ReportVersion.objects.create(
        report=cluster2.report, status=Status.FAILED, error_message="Không tạo được tệp PDF."
    )

    body = client_as("secretary").get(page_url(world)).content.decode()

    assert "Không tạo được tệp PDF." in body
    assert f'action="{generate_url(world)}" class="mt-1"' in body
    assert "Thử lại" in body


def _queries(client, url):
    client.get(url)  # warm the session and the template cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_report_page_queries_are_the_same_for_one_and_four_versions(client_as, world, cluster2):
    client = client_as("leader")
    ready_version(cluster2.report)
    one = _queries(client, page_url(world))
    for _ in range(3):
        ready_version(cluster2.report)

    assert _queries(client, page_url(world)) == one
    assert one <= 30


@pytest.mark.parametrize("made", [1, VERSIONS_SHOWN - 1, VERSIONS_SHOWN, VERSIONS_SHOWN + 1])
def test_versions_are_numbered_from_the_oldest_around_the_list_length(
    client_as, world, cluster2, made
):
    """The page shows the newest ``VERSIONS_SHOWN``; counted apart only when there are more."""
    ReportVersion.objects.bulk_create(
        ReportVersion(report=cluster2.report, status=Status.FAILED) for _ in range(made)
    )
    body = client_as("leader").get(page_url(world)).content.decode()
    numbers = [int(n) for n in re.findall(r"<td>#(\d+)</td>", body)]
    assert numbers == list(range(made, max(made - VERSIONS_SHOWN, 0), -1))


def test_report_page_queries_are_the_same_for_three_and_ten_units(client_as, world, cluster2):
    """The 3-unit year 2019 has everything the 10-unit year 2020 has, at a smaller size."""
    small = build_cluster_year(world, 2019, [name for name, _s, _k in CLUSTER_2_UNITS[:3]])
    ready_version(cluster2.report)
    ready_version(small.report)
    client = client_as("leader")

    assert _queries(client, page_url(world, 2019)) == _queries(client, page_url(world, 2020))


# --- editing the narrative and the document settings ---------------------------------------


def _form_data(report, **changes):
    data = {
        "organisation": "Tổ chức tốt.",
        "results": "Kết quả tốt.",
        "shortcomings": "",
        "lessons": "",
        "direction": "",
        "superior_body": "BỘ TƯ PHÁP",
        "issuing_body": "",
        "number": "12/BC-CTĐ2",
        "place": "Hà Nội",
        "issued_on": "2020-12-14",
        "summary": "",
        "signer_on_behalf": "",
        "signer_title": "",
        "signer_name": "",
        "recipients": "Vụ TĐKT\nLưu: VT, CTĐ2",
        "version": report.version,
    }
    return data | changes


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 200),
        ("staff", 200),
        ("leader", 403),
        ("other_secretary", 404),
        ("foreign_staff", 404),
    ],
)
def test_edit_page_by_role(client_as, world, cluster2, role, status):
    assert client_as(role).get(edit_url(world)).status_code == status


def test_secretary_saves_the_narrative_and_settings(client_as, world, cluster2):
    report = cluster2.report
    data = _form_data(report, organisation="Đoạn một <script>alert(1)</script>\n\nĐoạn hai")

    response = client_as("secretary").post(edit_url(world), data)

    assert response.status_code == 302
    assert response["Location"] == page_url(world)
    report.refresh_from_db()
    assert report.organisation == "Đoạn một <script>alert(1)</script>\n\nĐoạn hai"
    assert (report.number, report.recipients, report.version) == (
        "12/BC-CTĐ2",
        "Vụ TĐKT\nLưu: VT, CTĐ2",
        2,
    )
    entry = AuditEntry.objects.get(action="report_update")
    assert entry.actor == world.users.secretary
    assert entry.after["organisation"] == report.organisation


def test_the_first_save_creates_the_report_with_defaults_offered(client_as, world):
    url = edit_url(world, 2021)
    form = client_as("secretary").get(url).context["form"]
    assert form["issuing_body"].initial == "CỤM THI ĐUA SỐ 2"
    assert form["recipients"].initial.splitlines()[-1] == "Lưu: VT, CTĐ2"

    response = client_as("secretary").post(
        url, _form_data(YearEndReport(), organisation="Mở đầu", version="")
    )

    assert response.status_code == 302
    report = YearEndReport.objects.get(cluster_year=world.cluster_year)
    assert (report.kind, report.year, report.organisation) == ("cluster", 2021, "Mở đầu")


def test_a_stale_save_is_refused_and_keeps_what_was_typed(client_as, world, cluster2):
    report = cluster2.report
    stale = _form_data(report, results="Bản của tôi")
    client_as("staff").post(edit_url(world), _form_data(report, results="Bản của Vụ"))

    response = client_as("secretary").post(edit_url(world), stale)

    assert response.status_code == 200
    assert "vừa được người khác lưu" in response.content.decode()
    assert response.context["form"]["results"].value() == "Bản của tôi"
    report.refresh_from_db()
    assert report.results == "Bản của Vụ"


def test_recipients_must_end_with_the_archive_line(client_as, world, cluster2):
    data = _form_data(cluster2.report, recipients="Vụ TĐKT\nCác đơn vị")

    response = client_as("secretary").post(edit_url(world), data)

    assert response.status_code == 200
    assert response.context["form"].errors["recipients"] == [
        "Dòng cuối của nơi nhận phải là nơi lưu văn bản, ví dụ “Lưu: VT, CTĐ2”."
    ]
    assert response.context["form"]["recipients"].value() == "Vụ TĐKT\nCác đơn vị"


def test_a_leader_cannot_post_the_narrative(client_as, world, cluster2):
    response = client_as("leader").post(edit_url(world), _form_data(cluster2.report))

    assert response.status_code == 403
    cluster2.report.refresh_from_db()
    assert cluster2.report.version == 1


# --- asking for a PDF -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["leader", "secretary", "staff"])
def test_readers_ask_for_a_pdf_and_it_is_built(
    client_as, world, cluster2, role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(role).post(generate_url(world))

    assert response.status_code == 302
    assert response["Location"] == page_url(world)
    version = ReportVersion.objects.get()
    assert (version.status, version.requested_by) == (Status.READY, getattr(world.users, role))


@pytest.mark.parametrize("role", ["other_secretary", "foreign_staff"])
def test_outsiders_cannot_ask_for_a_pdf(client_as, world, cluster2, role):
    assert client_as(role).post(generate_url(world)).status_code == 404
    assert ReportVersion.objects.count() == 0


def test_asking_for_a_pdf_needs_a_post(client_as, world, cluster2):
    assert client_as("leader").get(generate_url(world)).status_code == 405


def test_regenerating_after_a_change_keeps_the_old_version(
    client_as, world, cluster2, django_capture_on_commit_callbacks
):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(generate_url(world))
    report = YearEndReport.objects.get(pk=cluster2.report.pk)
    report.lessons = "Bài học mới."
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(generate_url(world))

    assert list(ReportVersion.objects.values_list("status", flat=True)) == [Status.READY] * 2
    assert len({v.file.name for v in ReportVersion.objects.all()}) == 2


def test_asking_again_without_a_change_offers_the_ready_version(
    client_as, world, cluster2, django_capture_on_commit_callbacks
):
    client = client_as("leader")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(generate_url(world), follow=True)
    ready = ReportVersion.objects.get()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(generate_url(world), follow=True)

    assert callbacks == []  # no build was queued
    assert list(ReportVersion.objects.all()) == [ready]
    at = timezone.localtime(ready.generated_at).strftime("%d/%m/%Y %H:%M")
    assert messages(response) == [f"Dữ liệu chưa thay đổi kể từ bản tạo lúc {at}: hãy tải bản đó."]
    html = response.content.decode()
    assert f'id="download-latest" href="/reports/versions/{ready.pk}/download/">Tải PDF</a>' in html
    assert 'id="generate-report"' not in html
    assert "Bản mới nhất khớp với dữ liệu hiện tại: không cần tạo lại." in html


# --- downloading --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["secretary", "staff", "leader"])
def test_download_for_allowed_roles(client_as, world, cluster2, role):
    version = ready_version(cluster2.report)

    response = client_as(role).get(reverse("reports:download", args=[version.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-tong-ket-2020-cum-thi-dua-so-2-ban-1.pdf"'
    )
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    assert len(content) == version.size


@pytest.mark.parametrize("role", ["other_secretary", "foreign_staff"])
def test_download_by_guessing_the_url_is_404(client_as, world, cluster2, role):
    version = ready_version(cluster2.report)

    response = client_as(role).get(reverse("reports:download", args=[version.pk]))

    assert response.status_code == 404


def test_download_sends_anonymous_users_to_login(client_as, world, cluster2):
    version = ready_version(cluster2.report)
    url = reverse("reports:download", args=[version.pk])

    response = client_as(None).get(url)

    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


def test_download_by_cluster_leaders(world, cluster2, cluster_leader, other_cluster_leader):
    url = reverse("reports:download", args=[ready_version(cluster2.report).pk])

    assert login(cluster_leader).get(url).status_code == 200
    assert login(other_cluster_leader).get(url).status_code == 404


def test_a_version_not_ready_cannot_be_downloaded(client_as, world, cluster2):
    version = ReportVersion.objects.create(report=cluster2.report, status=Status.BUILDING)

    response = client_as("leader").get(reverse("reports:download", args=[version.pk]))

    assert response.status_code == 404


def test_files_live_in_private_storage_and_no_url_serves_them_directly(
    client_as, world, cluster2, private_media
):
    version = ready_version(cluster2.report)

    assert (private_media / version.file.name).is_file()
    for url in (f"/{version.file.name}", f"/media/{version.file.name}"):
        assert client_as("staff").get(url).status_code == 404


# --- every view, for the roles that must not get in ------------------------------------------


def _all_urls(world, report, version):
    return [
        ("get", page_url(world)),
        ("get", edit_url(world)),
        ("post", generate_url(world)),
        ("get", reverse("reports:versions", args=[report.pk])),
        ("get", reverse("reports:download", args=[version.pk])),
    ]


def test_every_report_view_sends_anonymous_users_to_login(client_as, world, cluster2):
    version = ready_version(cluster2.report)

    for method, url in _all_urls(world, cluster2.report, version):
        response = getattr(client_as(None), method)(url)
        assert (response.status_code, response["Location"]) == (
            302,
            f"/accounts/login/?next={url}",
        ), url


@pytest.mark.parametrize("role", ["other_secretary", "foreign_staff"])
def test_every_report_view_is_404_outside_the_users_scope(client_as, world, cluster2, role):
    version = ready_version(cluster2.report)

    for method, url in _all_urls(world, cluster2.report, version):
        assert getattr(client_as(role), method)(url).status_code == 404, url
    assert ReportVersion.objects.count() == 1


def test_narrative_paragraphs_are_escaped_then_split():
    from django.template.loader import render_to_string

    html = render_to_string(
        "documents/reports/_pdf_narrative.html",
        {"text": '<b>x</b> <img src="http://example.com/a.png">\nline two\n\npara two'},
    )

    assert html.strip() == (
        "<p>&lt;b&gt;x&lt;/b&gt; &lt;img src=&quot;http://example.com/a.png&quot;&gt;<br>"
        "line two</p>\n\n<p>para two</p>"
    )


def test_a_later_version_downloads_under_its_number_on_the_page(client_as, world, cluster2):
    ready_version(cluster2.report)
    second = ready_version(cluster2.report)

    response = client_as("leader").get(reverse("reports:download", args=[second.pk]))

    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-tong-ket-2020-cum-thi-dua-so-2-ban-2.pdf"'
    )
