"""The ministry-wide report's pages, the cluster page's reports panel, the leader's home
page, and the demo step."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from documents.models import ReportVersion, YearEndReport
from documents.tasks import build_report_version
from tests.documents.reports.conftest import pdf_text


def ministry_url(world, name="reports:ministry", year=2020):
    return reverse(name, args=[world.ministry.pk, year])


def _ready(report):
    version = ReportVersion.objects.create(report=report)
    build_report_version.apply(args=[version.pk])
    version.refresh_from_db()
    return version


@pytest.fixture
def ministry_report(world, cluster2):
    return YearEndReport.objects.create(
        kind=YearEndReport.Kind.MINISTRY, ministry=world.ministry, year=2020, number="35/BC-HĐ"
    )


@pytest.mark.parametrize(
    ("role", "view", "edit"),
    [
        ("staff", 200, 200),
        ("leader", 200, 403),
        ("secretary", 404, 404),
        ("other_secretary", 404, 404),
        ("foreign_staff", 404, 404),
    ],
)
def test_ministry_report_pages_by_role(client_as, world, ministry_report, role, view, edit):
    client = client_as(role)

    assert client.get(ministry_url(world)).status_code == view
    assert client.get(ministry_url(world, "reports:ministry_edit")).status_code == edit


@pytest.mark.parametrize("name", ["reports:ministry", "reports:ministry_edit"])
def test_a_ministry_report_is_only_for_a_year_the_ministry_opened(client_as, world, name):
    """2021 and 2020 are open (world, cluster2), 2019 is not: 404, for staff too; the report
    need not exist yet."""
    client = client_as("staff")
    assert client.get(ministry_url(world, name, year=2021)).status_code == 200
    assert client.get(ministry_url(world, name, year=2019)).status_code == 404
    url = reverse("reports:ministry_generate", args=[world.ministry.pk, 2019])
    assert client.post(url).status_code == 404
    assert not YearEndReport.objects.filter(year=2019).exists()


def test_a_ministry_that_does_not_exist_has_no_report(client_as, world, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", password="x-Password-1")
    client = client_as(None)
    client.force_login(admin)
    assert (
        client.get(reverse("reports:ministry", args=[world.ministry.pk, 2021])).status_code == 200
    )
    assert client.get(reverse("reports:ministry", args=[999999, 2021])).status_code == 404


def test_ministry_report_page_sends_anonymous_users_to_login(client_as, world):
    assert client_as(None).get(ministry_url(world)).status_code == 302


@pytest.mark.parametrize(("role", "status"), [("leader", 200), ("staff", 200)])
def test_ministry_report_download_for_its_leaders_and_staff(
    client_as, world, ministry_report, role, status
):
    version = _ready(ministry_report)

    response = client_as(role).get(reverse("reports:download", args=[version.pk]))

    assert response.status_code == status
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("role", ["secretary", "other_secretary", "foreign_staff"])
def test_ministry_report_download_is_404_for_everyone_else(client_as, world, ministry_report, role):
    version = _ready(ministry_report)

    response = client_as(role).get(reverse("reports:download", args=[version.pk]))

    assert response.status_code == 404


def test_leader_asks_for_the_ministry_wide_report(
    client_as, world, cluster2, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("leader").post(ministry_url(world, "reports:ministry_generate"))

    assert response["Location"] == ministry_url(world)
    version = ReportVersion.objects.get()
    assert (version.report.kind, version.report.year, version.status) == (
        "ministry",
        2020,
        "ready",
    )


def test_staff_edits_the_ministry_wide_narrative(client_as, world, ministry_report):
    data = {
        "results": "Các cụm hoàn thành tốt.",
        "recipients": "Lãnh đạo Bộ\nLưu: VT, HĐTĐKT",
        "version": ministry_report.version,
    }

    response = client_as("staff").post(ministry_url(world, "reports:ministry_edit"), data)

    assert response.status_code == 302
    ministry_report.refresh_from_db()
    assert (ministry_report.results, ministry_report.version) == ("Các cụm hoàn thành tốt.", 2)


def test_the_cluster_page_panel_links_to_the_report_with_its_latest_status(
    client_as, world, cluster2
):
    _ready(cluster2.report)
    url = reverse("reports:cluster", args=[world.cluster.pk, 2020])

    body = client_as("secretary").get(f"/clusters/{world.cluster.pk}/?year=2020").content.decode()

    assert f'href="{url}"' in body
    assert "Bản mới nhất: Đã xong" in body


def test_the_cluster_page_panel_without_a_report(client_as, world):
    body = client_as("leader").get(f"/clusters/{world.cluster.pk}/?year=2021").content.decode()

    assert "Chưa có bản PDF nào." in body


def test_the_leaders_home_page_lists_the_latest_reports_with_dates(client_as, world, cluster2):
    _ready(cluster2.report)
    latest = _ready(cluster2.report)
    generated = latest.generated_at.astimezone().strftime("%d/%m/%Y")

    response = client_as("leader").get("/?year=2020")

    body = response.content.decode()
    assert [v.pk for v in response.context["versions"]] == [latest.pk]
    assert reverse("reports:download", args=[latest.pk]) in body
    assert f"tạo lúc {generated}" in body
    assert f'href="{ministry_url(world)}"' in body


def test_a_secretary_home_page_has_no_latest_reports_list(client_as, world, cluster2):
    _ready(cluster2.report)

    body = client_as("secretary").get("/?year=2020").content.decode()

    assert 'id="latest-reports"' not in body
    assert "ministry-report-link" not in body


@pytest.mark.parametrize("reports", [1, 3])
def test_home_page_queries_do_not_grow_with_reports(
    client_as, world, cluster2, django_assert_max_num_queries, reports
):
    candidates = [
        cluster2.report,
        YearEndReport.objects.create(
            kind="cluster", ministry=world.ministry, year=2021, cluster_year=world.cluster_year
        ),
        YearEndReport.objects.create(kind="ministry", ministry=world.ministry, year=2020),
    ]
    for report in candidates[:reports]:
        ReportVersion.objects.create(report=report, status="ready", generated_at=timezone.now())
    client = client_as("leader")

    # With the tiles, 11 more whatever the clusters; cold, the ministry's token and PDFs.
    with django_assert_max_num_queries(20):
        response = client.get("/?year=2020")
    assert len(response.context["versions"]) == reports


def test_demo_step_writes_the_2020_narrative_and_generates_no_file(db, settings, tmp_path):
    settings.DEBUG = True  # seed_demo refuses to run in production
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # idempotent

    report = YearEndReport.objects.get(cluster_year__cluster__number=2, year=2020)
    assert (report.number, report.place, str(report.issued_on)) == (
        "12/BC-CTĐ2",
        "Hà Nội",
        "2020-12-14",
    )
    assert "cán bộ làm công tác thi đua, khen thưởng của các đơn vị chủ yếu là kiêm nhiệm" in (
        report.shortcomings
    )
    assert "Thứ trưởng Nguyễn Thanh Tịnh" in report.direction
    assert YearEndReport.objects.filter(kind="ministry", year=2020).count() == 1
    assert ReportVersion.objects.count() == 0

    from documents import pdf
    from documents.reports.data import report_context

    text = " ".join(pdf_text(pdf.report_pdf(report_context(report)), tmp_path).split())
    assert "Hà Nội, ngày 14 tháng 12 năm 2020" in text
    assert "BỘ TƯ PHÁP" in text
    assert "Trường Cao đẳng Luật miền Nam" in text
