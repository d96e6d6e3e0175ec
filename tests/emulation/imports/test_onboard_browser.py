"""In a real browser: the staff of a new ministry load the units, the cluster and the people of
a new cluster from spreadsheets and invite its secretary, who sets a password and signs in."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from emulation.roles import Role
from tests.emulation.imports.sheets import xlsx
from tests.emulation.test_browser import serious_accessibility_violations
from tests.factories import PASSWORD, MinistryFactory, UserFactory, grant
from units.models import Person, Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILES = {
    "units": [
        ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Mã cơ quan cấp trên", "Loại hình"],
        ["MN-01", "Trường Cao đẳng Miền Núi", "CĐMN", "", "Trường cao đẳng"],
        ["MN-02", "Viện Nghiên cứu Miền Núi", "VNCMN", "", "Viện"],
        ["MN-03", "Tạp chí Miền Núi", "TCMN", "MN-02", "Tạp chí"],
    ],
    "clusters": [
        ["Năm", "Loại", "Số cụm, khối", "Tên cụm, khối", "Mã đơn vị"],
        *[[2025, "Cụm thi đua", 3, "Cụm thi đua số 3", f"MN-0{i}"] for i in (1, 2, 3)],
    ],
    "people": [
        ["Mã cá nhân", "Họ và tên", "Giới tính", "Chức vụ", "Mã đơn vị"],
        ["MN-CB-1", "Lò Thị Hoa", "Nữ", "Hiệu trưởng", "MN-01"],
        ["MN-CB-2", "Vàng A Páo", "Nam", "Viện trưởng", "MN-02"],
    ],
    "accounts": [
        ["Tên đăng nhập", "Họ và tên", "Thư điện tử", "Vai trò", "Loại cụm", "Số cụm, khối"],
        ["thuky.cum3", "Lò Thị Hoa", "hoa@example.org", "Thư ký cụm", "Cụm thi đua", 3],
    ],
}
NEW_PASSWORD = "Mat-khau-cua-Hoa-2026"


def load_through_the_page(page, live_server, kind, path, expected_new):
    page.goto(f"{live_server.url}/imports/")
    page.locator(f'[data-kind="{kind}"]').get_by_role("link", name="Nhập tệp").click()
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV").set_input_files(path)
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#batch-status-label")).to_have_text("Đã kiểm tra, chờ xác nhận")
    expect(page.locator(".count-new")).to_have_text(str(expected_new))
    expect(page.locator(".count-refused")).to_have_text("0")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Xác nhận và ghi").click()
    expect(page.locator("#batch-status-label")).to_have_text("Đã ghi")


def test_staff_onboard_a_new_cluster_and_its_secretary_signs_in(
    live_server, page, catalogue, settings, tmp_path: Path
):
    settings.SITE_URL = live_server.url
    ministry = MinistryFactory(name="Bộ Miền Núi", short_name="BMN")
    grant(UserFactory(username="vu.mien.nui"), Role.MINISTRY_STAFF, ministry)
    paths = {}
    for kind, rows in FILES.items():
        paths[kind] = tmp_path / f"{kind}.xlsx"
        paths[kind].write_bytes(xlsx(rows))

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("vu.mien.nui")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Nhập Excel").click()
    expect(page.locator("h1")).to_have_text("Nhập danh sách từ Excel")
    assert serious_accessibility_violations(page) == []

    load_through_the_page(page, live_server, "units", paths["units"], 3)
    load_through_the_page(page, live_server, "clusters", paths["clusters"], 3)
    load_through_the_page(page, live_server, "people", paths["people"], 2)
    load_through_the_page(page, live_server, "accounts", paths["accounts"], 1)
    assert Unit.objects.get(code="MN-03").parent.code == "MN-02"
    assert Person.objects.filter(unit__ministry=ministry).count() == 2

    assert [m.to for m in mail.outbox] == [["hoa@example.org"]]
    link = re.search(r"(http://\S+/accounts/invitation/\S+/)", mail.outbox[0].body).group(1)
    page.locator("nav .dropdown-toggle").click()
    page.get_by_role("button", name="Đăng xuất").click()

    page.goto(link)
    expect(page.locator("h1")).to_have_text("Đặt mật khẩu")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đặt mật khẩu").click()
    expect(page.locator("h1")).to_have_text("Đã đặt mật khẩu")
    page.get_by_role("link", name="Đăng nhập").last.click()
    page.get_by_label("Tên đăng nhập").fill("thuky.cum3")
    page.get_by_label("Mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}/?year=2025")
    expect(page.get_by_role("link", name="Cụm thi đua số 3")).to_be_visible()

    page.goto(link)  # the link worked once
    expect(page.locator("#invalid-link")).to_be_visible()
