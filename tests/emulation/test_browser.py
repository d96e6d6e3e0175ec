"""In a real browser: the cluster secretary of the demo signs in through the login page,
opens Cụm thi đua số 2, sees its ten units, switches to English and back; the pages pass
axe-core's serious and critical accessibility rules."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from clusters.models import Cluster
from demo.core import seed_core
from emulation.collation import vi_key
from emulation.demo import CLUSTER_2_UNITS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"


def serious_accessibility_violations(page):
    # Evaluated over the DevTools protocol: the page's CSP rightly refuses injected tags.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    return [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def demo(live_server, catalogue):
    seed_core()


def test_secretary_opens_cluster_2_and_switches_language(live_server, page, demo):
    year = timezone.localdate().year
    console_errors = []  # a missing file (the icon) or a refused inline style or script
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/accounts/login/")
    assert serious_accessibility_violations(page) == []
    sign_in(page, live_server, "thuky.cum2")

    expect(page.locator("h1")).to_have_text(f"Các cụm thi đua năm {year}")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("link", name="Cụm thi đua số 2").click()

    expect(page.locator("h1")).to_have_text("Cụm thi đua số 2")
    members = page.locator("#members li")
    expected = sorted((name for name, _, _ in CLUSTER_2_UNITS), key=vi_key)
    expect(members).to_have_text(expected)
    assert serious_accessibility_violations(page) == []

    page.get_by_role("button", name="EN", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="EN", exact=True)).to_have_attribute(
        "aria-current", "true"
    )
    expect(members).to_have_count(10)

    page.get_by_role("button", name="VI", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text("Cụm thi đua số 2")
    expect(members).to_have_text(expected)
    assert console_errors == []


def test_a_secretary_cannot_open_the_other_cluster(live_server, page, demo):
    sign_in(page, live_server, "thuky.cum2")
    expect(page.get_by_role("link", name="Cụm thi đua số 1")).to_have_count(0)
    pk = Cluster.objects.get(name="Cụm thi đua số 1").pk
    response = page.goto(f"{live_server.url}/clusters/{pk}/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Không tìm thấy trang")


def test_staff_create_an_account_after_fixing_a_mistake(live_server, page, demo):
    sign_in(page, live_server, "vu.tdkt")
    page.get_by_role("link", name="Tài khoản").click()
    expect(page.locator("tbody tr")).to_have_count(4)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("link", name="Tạo tài khoản").click()
    page.get_by_label("Tên đăng nhập").fill("thuky.moi")
    page.get_by_label("Họ và tên").fill("Đặng Thị Mới")
    page.get_by_label("Mật khẩu ban đầu").fill("Mat-khau-du-dai-2026")
    page.get_by_label("Vai trò").select_option(label="Thư ký cụm")
    page.get_by_role("button", name="Tạo tài khoản").click()

    # what a screen reader reads with the field: its help, then the error
    expect(page.get_by_label("Cụm thi đua")).to_have_accessible_description(
        re.compile(re.escape("Thư ký cụm phải được gán cho một cụm thi đua."))
    )
    expect(page.get_by_label("Họ và tên")).to_have_value("Đặng Thị Mới")
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Cụm thi đua").select_option(label="Cụm thi đua số 2")
    page.get_by_role("button", name="Tạo tài khoản").click()

    expect(page.get_by_role("alert")).to_have_text("Đã tạo tài khoản thuky.moi.")
    expect(page.get_by_role("link", name="thuky.moi")).to_have_count(1)


def test_the_staff_pages_pass_the_accessibility_rules(live_server, page, demo):
    sign_in(page, live_server, "vu.tdkt")
    for path in ["/clusters/", "/clusters/new/", "/units/", "/units/new/", "/accounts/password/"]:
        page.goto(f"{live_server.url}{path}")
        assert (path, serious_accessibility_violations(page)) == (path, [])
    page.goto(f"{live_server.url}/units/new/")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_label("Tên đơn vị")).to_have_accessible_description(
        "Trường này là bắt buộc."
    )
    assert serious_accessibility_violations(page) == []


def test_the_staff_menu_keeps_each_item_on_one_line_on_an_office_screen(live_server, page, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, live_server, "vu.tdkt")
    links = page.locator("#main-nav .nav-link")
    expect(links.first).to_be_visible()
    heights = links.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    line = links.first.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert len(heights) == 10 and max(heights) < 2 * line  # with "Nhập Excel", "Sổ văn bản"
    assert page.evaluate("document.documentElement.scrollWidth") == 1280
    sign_out_and_in = page.locator("#main-nav form[action$='/logout/'] button")
    with page.expect_navigation():  # the sign-out's own navigation ends before the next
        sign_out_and_in.evaluate("e => e.click()")
    sign_in(page, live_server, "thuky.cum2")  # a secretary's shorter menu fits in one row
    expect(page.locator("#main-nav .nav-link")).to_have_count(6)
    assert page.locator("nav.navbar").evaluate("e => e.getBoundingClientRect().height") < 60
