"""The whole road in a real browser: the secretary submits the 2020 proposal, staff return it
with a reason, the secretary fixes and resubmits, staff approve and record the decision, and
the unit's history shows the award."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from awards import services
from awards.models import Nomination
from clusters.models import ClusterYear
from demo.core import seed_core
from tests.awards.conftest import close_vote, council_with, pdf, sign_minutes, title
from tests.factories import PASSWORD


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Vietnamese pages whatever the machine's language (the source strings)."""
    return {**browser_context_args, "locale": "vi-VN"}


@pytest.fixture
def road(catalogue, transactional_db, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    seed_core()
    users = {u.username: u for u in get_user_model().objects.all()}
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    cluster_year = ClusterYear.objects.get(cluster__number=2, year=2020)
    units = [m.unit for m in cluster_year.memberships.select_related("unit").order_by("unit__name")]
    unit = next(u for u in units if u.name == "Trường Đại học Luật Hà Nội")
    sign_minutes(cluster_year, users["thuky.cum2"])
    council_with(cluster_year.cluster.ministry, 21)
    close_vote(cluster_year, "co-thi-dua-bo", [unit], [u for u in units if u != unit])
    secretary = users["thuky.cum2"]
    proposal = services.proposal_create(actor=secretary, cluster_year=cluster_year)
    services.proposal_update(
        actor=secretary,
        proposal=proposal,
        version=proposal.version,
        number="15/TTr-CTĐ2",
        dated=datetime.date(2020, 12, 18),
        cover_file=pdf("to-trinh.pdf"),
    )
    services.nomination_save(
        actor=secretary,
        proposal=proposal,
        line=Nomination(
            unit=unit, award_title=title(cluster_year, "co-thi-dua-bo"), achievements="Dẫn đầu"
        ),
        report_file=pdf("bao-cao.pdf"),
    )
    return proposal, unit


def hold_meeting(staff, votes):
    """On the proposal page: a council meeting for all its lines, the votes typed on the one
    screen (``{award name: votes in the room}``), then the meeting closed."""
    staff.fill("#meeting-held-on", "2021-01-12")
    staff.get_by_role("button", name="Họp hội đồng xét các dòng").click()
    expect(staff.locator("#meeting-summary")).to_contain_text("21")
    for award, count in votes.items():
        staff.locator("#votes tr", has_text=award).locator("input[name^=present_]").fill(count)
    staff.get_by_role("button", name="Ghi biểu quyết").click()
    expect(staff.locator("#votes")).not_to_contain_text("Chưa biểu quyết")
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.get_by_role("button", name="Kết thúc phiên họp và chốt biên bản").click()
    expect(staff.locator("#meeting-state")).to_have_text("Đã kết thúc, biên bản đã chốt")


def login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"/$"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_proposal_from_submission_to_decision(road, live_server, page, browser):
    proposal, unit = road
    proposal_url = f"{live_server.url}/awards/{proposal.pk}/"
    state = page.locator("#proposal-state")

    login(page, live_server, "thuky.cum2")
    page.goto(f"{live_server.url}/awards/?year=2020")
    page.get_by_role("link", name=re.compile("Xem hồ sơ")).first.click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gửi hồ sơ lên Bộ").click()
    expect(state).to_have_text("Đã gửi")

    staff = browser.new_page(locale="vi-VN")
    login(staff, live_server, "vu.tdkt")
    staff.goto(f"{live_server.url}/awards/queue/")
    staff.get_by_role("link", name="Cụm thi đua số 2").click()
    staff.get_by_role("button", name="Tiếp nhận xét duyệt").click()
    expect(staff.locator("#proposal-state")).to_have_text("Đang xét duyệt")
    staff.get_by_role("link", name="Trả lại hồ sơ").click()
    staff.fill("#id_reason", "Báo cáo thành tích chưa có xác nhận")
    staff.get_by_role("button", name="Trả lại").click()
    expect(staff.locator("#proposal-state")).to_have_text("Bị trả lại")

    page.goto(proposal_url)
    expect(page.locator("#return-reason")).to_contain_text("Báo cáo thành tích chưa có xác nhận")
    page.locator("#lines").get_by_role("link", name="Sửa").click()
    page.set_input_files(
        "#id_report_file",
        files=[{"name": "bao-cao-moi.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}],
    )
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#lines")).to_contain_text("bao-cao-moi.pdf")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gửi lại hồ sơ").click()
    expect(state).to_have_text("Đã gửi lại")

    staff.goto(proposal_url)
    staff.get_by_role("button", name="Tiếp nhận xét duyệt").click()
    hold_meeting(staff, {"Cờ thi đua cấp Bộ": "20"})
    staff.goto(proposal_url)
    expect(staff.locator("#lines")).to_contain_text("Đồng ý")
    staff.get_by_role("link", name="Ghi quyết định của Bộ trưởng").click()
    staff.fill("#id_number", "256/QĐ-BTP")
    staff.fill("#id_dated", "2021-01-20")
    staff.fill("#id_signer_name", "Phạm Quốc Hùng")
    staff.get_by_role("button", name="Ghi quyết định").click()
    expect(staff.locator("#proposal-state")).to_have_text("Đã có quyết định")
    expect(staff.locator("#decision")).to_contain_text("11.920.000")

    page.goto(f"{live_server.url}/units/{unit.pk}/")
    expect(page.locator("#award-history")).to_contain_text("Cờ thi đua cấp Bộ")
    expect(page.locator("#award-history")).to_contain_text("256/QĐ-BTP (20/01/2021)")
