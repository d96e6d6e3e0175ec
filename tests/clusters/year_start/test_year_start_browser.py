"""In a real browser: the secretary of Cụm thi đua số 2 records the 2021 leadership and
collects the ten signatures; then the leader sees the signed pledge and cannot edit it."""

import re

import pytest
from playwright.sync_api import expect

from clusters.models import Cluster, LeadershipTerm, Pledge
from demo.core import seed_core
from emulation.demo import CLUSTER_2_UNITS
from emulation.roles import Role
from tests.factories import PASSWORD, UserFactory, grant

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    expect(page).to_have_url(f"{base}/")


def test_secretary_records_leadership_and_ten_signatures_then_leader_reads(
    page, live_server, catalogue
):
    ministry = seed_core()
    cluster = Cluster.objects.get(ministry=ministry, number=2)
    grant(UserFactory(username="thuky.b"), Role.CLUSTER_SECRETARY, ministry, cluster)
    grant(UserFactory(username="lanhdao.b"), Role.LEADER, ministry)
    base = live_server.url

    _log_in(page, base, "thuky.b")
    page.goto(f"{base}/clusters/{cluster.pk}/?year=2021")
    page.get_by_role("link", name="Ghi Cụm trưởng, Cụm phó").click()
    page.select_option("#id_head_unit", label="Trường Cao đẳng Luật miền Bắc")
    page.fill("#id_head_name", "Hoàng Xuân Châu")
    page.fill("#id_head_position", "Quyền Hiệu trưởng")
    page.select_option("#id_deputy_unit", label="Tạp chí Dân chủ và Pháp luật")
    page.fill("#id_deputy_name", "Đặng Vũ Huân")
    page.fill("#id_deputy_position", "Tổng biên tập")
    page.fill("#id_announced_on", "2020-12-14")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#head")).to_have_text(
        "Trường Cao đẳng Luật miền Bắc — Hoàng Xuân Châu, Quyền Hiệu trưởng"
    )
    expect(page.locator("#deputy")).to_have_text(
        "Tạp chí Dân chủ và Pháp luật — Đặng Vũ Huân, Tổng biên tập"
    )

    page.get_by_role("link", name="Xem giao ước").click()
    page.get_by_role("button", name="Lập giao ước (chép nội dung năm trước)").click()
    page.get_by_role("link", name="Sửa nội dung").click()
    page.fill(
        "#id_commitments",
        "Hoàn thành xuất sắc nhiệm vụ được giao.\nĐẩy mạnh cải cách hành chính.",
    )
    page.fill("#id_conference_date", "2020-12-14")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("button", name="Mở ký giao ước").click()
    expect(page.locator("#pledge-state")).to_have_text("Đang ký")

    for number, (name, _short, _kind) in enumerate(CLUSTER_2_UNITS, start=1):
        page.get_by_role("link", name="Ghi chữ ký").click()
        page.select_option("#id_unit", label=name)
        page.fill("#id_signer_name", f"Người ký số {number}")
        page.fill("#id_signer_position", "Thủ trưởng đơn vị")
        expect(page.locator("#id_signed_on")).to_have_value("2020-12-14")
        page.get_by_role("button", name="Lưu").click()
        expect(page.get_by_role("alert")).to_have_text(f"Đã ghi chữ ký của {name}.")
    expect(page.locator("#pledge-state")).to_have_text("Đã ký đủ")

    _log_in(page, base, "lanhdao.b")
    page.goto(f"{base}/clusters/{cluster.pk}/years/2021/pledge/")
    expect(page.locator("#pledge-state")).to_have_text("Đã ký đủ")
    expect(page.locator("#board-heading")).to_contain_text("(10/10 đơn vị đã ký)")
    expect(page.locator("#board .badge", has_text=re.compile("^đã ký$"))).to_have_count(10)
    expect(page.locator("#pledge-actions")).to_have_count(0)
    response = page.goto(f"{base}/clusters/{cluster.pk}/years/2021/pledge/edit/")
    assert response.status == 403

    term = LeadershipTerm.objects.get(cluster_year__cluster=cluster, cluster_year__year=2021)
    assert (term.head_name, term.deputy_name) == ("Hoàng Xuân Châu", "Đặng Vũ Huân")
    pledge = Pledge.objects.get(cluster_year=term.cluster_year)
    assert (pledge.state, pledge.signatures.count()) == (Pledge.State.SIGNED, 10)
