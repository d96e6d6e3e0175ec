"""In a real browser: staff run a council meeting for all lines of a proposal on one screen,
the Minister's decision grants the ministry's own level, and the Prime Minister's title goes
through the ministry's dossier to the Ministry of Home Affairs and back with its decision."""

import re

import pytest
from playwright.sync_api import expect

from awards import services
from awards.models import Nomination
from tests.awards.conftest import pdf, title
from tests.awards.test_browser import hold_meeting, login, road  # noqa: F401  (fixture)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_council_meeting_then_the_prime_ministers_title_through_home_affairs(
    road,  # noqa: F811
    live_server,
    page,
):
    proposal, unit = road
    cluster_year = proposal.cluster_year
    services.nomination_save(
        actor=proposal.created_by,
        proposal=proposal,
        line=Nomination(
            unit=unit,
            award_title=title(cluster_year, "co-thi-dua-chinh-phu"),
            achievements="Tiêu biểu xuất sắc",
        ),
        report_file=pdf("bao-cao-cp.pdf"),
    )
    services.proposal_submit(actor=proposal.created_by, proposal=proposal)
    proposal_url = f"{live_server.url}/awards/{proposal.pk}/"

    login(page, live_server, "vu.tdkt")
    page.goto(proposal_url)
    levels = page.locator("#lines td.line-level")
    expect(levels).to_have_count(2)
    expect(levels.nth(0)).to_contain_text("Bộ trưởng")
    expect(levels.nth(1)).to_contain_text("Thủ tướng Chính phủ")
    page.get_by_role("button", name="Tiếp nhận xét duyệt").click()
    hold_meeting(page, {"Cờ thi đua cấp Bộ": "19", "Cờ thi đua của Chính phủ": "18"})
    expect(page.locator("#council-minutes")).to_contain_text("18/21 đồng ý")

    page.goto(proposal_url)
    page.get_by_role("link", name="Ghi quyết định của Bộ trưởng").click()
    page.fill("#id_number", "256/QĐ-BTP")
    page.fill("#id_dated", "2021-01-20")
    page.fill("#id_signer_name", "Phạm Quốc Hùng")
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.locator("#decision")).to_contain_text("Cờ thi đua cấp Bộ")
    expect(page.locator("#decision")).not_to_contain_text("Cờ thi đua của Chính phủ")

    page.get_by_role("link", name="Đưa vào hồ sơ trình Bộ Nội vụ").click()
    page.select_option("#id_level", "prime_minister")
    page.fill("#id_year", "2020")
    page.get_by_role("button", name=re.compile("Lập hồ sơ mới")).click()
    page.fill("#id_number", "45/TTr-BTP")
    page.fill("#id_dated", "2021-03-15")
    page.get_by_role("button", name="Lưu tờ trình").click()
    page.get_by_label(re.compile("Cờ thi đua của Chính phủ")).check()
    page.get_by_role("button", name="Đưa vào hồ sơ").click()
    expect(page.locator("#dossier-lines")).to_contain_text("Trường Đại học Luật Hà Nội")
    expect(page.locator("#dossier-deadlines")).to_contain_text("30/06/2021")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Trình Bộ Nội vụ").click()
    expect(page.locator("#dossier-state")).to_have_text("Đã trình Bộ Nội vụ")
    page.get_by_role("link", name="Ghi quyết định của Thủ tướng Chính phủ").click()
    page.fill("#id_number", "1234/QĐ-TTg")
    page.fill("#id_dated", "2021-06-10")
    page.fill("#id_signer_name", "Người ký")
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.locator("#dossier-state")).to_have_text("Đã có quyết định")
    expect(page.locator("#upper-decision")).to_contain_text("17.880.000")
