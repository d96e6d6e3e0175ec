"""In a real browser, the three journeys of the year: the secretary follows the year's task
list from the pledge to the proposal; the leader reads every page of theirs on a 360 px
phone without sideways scrolling; axe-core finds no serious or critical violation on the
pages of the secretary's, the staff's and the leader's journeys."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from awards.models import Proposal
from clusters.models import Criterion, CriterionGroup, LeadershipTerm, Score, ScoringTable
from documents.models import ReportVersion, YearEndReport
from tests.awards.conftest import close_vote, sign_minutes
from tests.emulation.test_browser import serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 780}


def sign_in(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(f"{base}/")


def next_action(page, cluster_year):
    return page.locator(f"#next-{cluster_year.pk}")


def test_the_task_list_leads_the_secretary_from_the_pledge_to_the_proposal(
    live_server, page, world
):
    from tests.factories import PASSWORD

    base, cy = live_server.url, world.cluster_year
    a, b, c = world.units
    LeadershipTerm.objects.create(
        cluster_year=cy,
        head_unit=a,
        head_name="Nguyễn Văn An",
        head_position="Hiệu trưởng",
        deputy_unit=b,
        deputy_name="Trần Thị Bình",
        deputy_position="Viện trưởng",
    )
    table = ScoringTable.objects.create(ministry=world.ministry, year=2021, name="Bảng 2021")
    group = CriterionGroup.objects.create(table=table, code="I", title="Nhiệm vụ", max_points=10)
    criterion = Criterion.objects.create(group=group, code="1", text="Hoàn thành", max_points=10)
    home = f"{base}/?year=2021"
    sign_in(page, base, "thuky", PASSWORD)
    page.goto(home)
    assert serious_accessibility_violations(page) == []

    # The pledge: create it, write it, open it for signing.
    expect(next_action(page, cy)).to_contain_text("Giao ước thi đua — Chưa lập giao ước.")
    next_action(page, cy).get_by_role("button", name="Lập giao ước").click()
    expect(page.locator("h1")).to_have_text("Giao ước thi đua Cụm thi đua số 2 năm 2021")
    page.get_by_role("link", name="Sửa nội dung", exact=True).click()
    page.get_by_label("Nội dung giao ước").fill("Hoàn thành xuất sắc nhiệm vụ được giao.")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("button", name="Mở ký giao ước").click()

    # Registrations and signatures of the three units in one table, one save.
    page.goto(home)
    expect(next_action(page, cy)).to_contain_text("Đang ký")
    page.locator("[data-step=registrations]").get_by_role("link", name="Nhập đăng ký").click()
    expect(page).to_have_url(f"{base}/clusters/{world.cluster.pk}/years/2021/pledge/board/")
    assert serious_accessibility_violations(page) == []
    for unit, signer in ((a, "Nguyễn Văn An"), (b, "Trần Thị Bình"), (c, "Lê Văn Cường")):
        page.get_by_label(f"Người ký – {unit.name}").fill(signer)
        page.get_by_label(f"Chức vụ – {unit.name}").fill("Thủ trưởng")
        page.get_by_label(f"Ngày ký – {unit.name}").fill("2020-12-14")
        page.get_by_label(f"Danh hiệu đăng ký – {unit.name}").select_option(
            label="Tập thể lao động xuất sắc (tập thể)"
        )
    page.get_by_role("button", name="Lưu cả bảng").click()
    expect(page.get_by_role("alert").first).to_have_text("Đã lưu 3 chữ ký và 3 đăng ký danh hiệu.")
    expect(page.locator("#pledge-state")).to_have_text("Đã ký đủ")

    # Lock it, after saying yes.
    page.goto(home)
    expect(next_action(page, cy)).to_contain_text("Đã ký đủ")
    next_action(page, cy).get_by_role("link", name="Khóa giao ước").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Khóa giao ước").click()
    expect(page.locator("#pledge-state")).to_have_text("Đã khóa")

    # The scores, the vote and the minutes: each next action opens its page.
    page.goto(home)
    next_action(page, cy).get_by_role("link", name="Chấm điểm").click()
    expect(page.locator("h1")).to_have_text("Bảng điểm Cụm thi đua số 2 năm 2021")
    for unit in world.units:
        Score.objects.create(cluster_year=cy, unit=unit, criterion=criterion, agreed_score=9)
    page.goto(home)
    next_action(page, cy).get_by_role("link", name="Bỏ phiếu").click()
    expect(page.locator("h1")).to_have_text("Bỏ phiếu suy tôn năm 2021")
    close_vote(cy, "co-thi-dua-bo", [a], [b, c])
    page.goto(home)
    next_action(page, cy).get_by_role("link", name="Lập biên bản").click()
    expect(page.locator("h1")).to_have_text("Biên bản họp tổng kết năm 2021")
    sign_minutes(cy)

    # The proposal: one press creates it and opens it.
    page.goto(home)
    expect(page.locator(f"#tasks-{cy.pk}").locator("..")).to_contain_text("7/9 bước đã xong")
    next_action(page, cy).get_by_role("button", name="Lập hồ sơ").click()
    proposal = Proposal.objects.get(cluster_year=cy)
    expect(page).to_have_url(f"{base}/awards/{proposal.pk}/")
    page.goto(home)
    expect(next_action(page, cy)).to_contain_text("Dự thảo, 0 dòng đề nghị")
    assert serious_accessibility_violations(page) == []


@pytest.fixture
def full_demo(live_server, catalogue, settings, tmp_path):
    """The whole demo: Bộ Tư pháp, its clusters and years, proposals, decisions, reports."""
    from django.utils.module_loading import import_string

    from demo.management.commands.seed_demo import STEPS

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    for step in STEPS:
        import_string(step)()


def leader_pages():
    cluster_year = (
        YearEndReport.objects.filter(kind="cluster").select_related("cluster_year").first()
    )
    pages = ["/", "/?year=2020", "/clusters/", "/units/"]
    if cluster_year is not None:
        cy = cluster_year.cluster_year
        pages += [
            f"/clusters/{cy.cluster_id}/?year={cy.year}",
            f"/clusters/{cy.cluster_id}/years/{cy.year}/ranking/",
            f"/reports/clusters/{cy.cluster_id}/{cy.year}/",
            f"/clusters/{cy.cluster_id}/years/{cy.year}/pledge/",
            f"/clusters/{cy.cluster_id}/years/{cy.year}/minutes/",
        ]
    return pages


def test_every_leader_page_fits_a_360_px_phone(live_server, page, full_demo):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url, "lanhdao", settings.DEMO_PASSWORD)
    for path in leader_pages():
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert (path, width) == (path, PHONE["width"])


def test_the_leader_reaches_2020_in_one_step_and_downloads_the_pdf(live_server, page, full_demo):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server.url, "lanhdao", settings.DEMO_PASSWORD)
    page.get_by_role("navigation", name="Chọn năm").get_by_role("link", name="2020").click()
    expect(page.locator("h1")).to_have_text("Các cụm thi đua năm 2020")
    expect(page.locator(".tile-card").first).to_be_visible()
    assert serious_accessibility_violations(page) == []
    assert not ReportVersion.objects.exists()  # the demo builds no PDF: the leader asks


def journey_pages(username):
    """The pages a user of the demo goes through in their year-end journey."""
    from clusters.models import ClusterYear

    cy = ClusterYear.objects.filter(cluster__number=2).order_by("-year").first()
    year_base = f"/clusters/{cy.cluster_id}/years/{cy.year}"
    proposal = Proposal.objects.order_by("-cluster_year__year").first()
    if username == "thuky.cum2":
        return [
            f"{year_base}/pledge/",
            f"{year_base}/pledge/board/",
            f"{year_base}/votes/",
            f"{year_base}/minutes/",
            f"/reports/clusters/{cy.cluster_id}/{cy.year}/",
        ] + ([f"/awards/{proposal.pk}/"] if proposal else [])
    if username == "vu.tdkt":
        return [f"/awards/{proposal.pk}/"] if proposal else []
    return leader_pages()[4:]


@pytest.mark.parametrize(
    ("username", "paths"),
    [
        (
            "thuky.cum2",
            ["/", "/?year=2020", "/awards/", "/accounts/password/"],
        ),
        ("vu.tdkt", ["/", "/awards/queue/", "/awards/queue/lines/", "/catalogue/"]),
        ("lanhdao", ["/", "/?year=2020"]),
    ],
)
def test_the_pages_of_the_three_journeys_pass_axe(live_server, page, full_demo, username, paths):
    sign_in(page, live_server.url, username, settings.DEMO_PASSWORD)
    for path in paths + journey_pages(username):
        page.goto(f"{live_server.url}{path}")
        assert (path, serious_accessibility_violations(page)) == (path, [])


def test_a_long_form_starts_at_its_first_field_and_its_errors_link_to_the_fields(
    live_server, page, world
):
    from tests.factories import PASSWORD

    sign_in(page, live_server.url, "vu", PASSWORD)
    page.goto(f"{live_server.url}/units/new/")
    expect(page.locator("#id_ministry")).to_be_focused()
    page.get_by_role("button", name="Lưu").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Tên đơn vị: Trường này là bắt buộc.").click()
    expect(page.locator("#id_name")).to_be_focused()


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(live_server, page, world):
    from tests.factories import PASSWORD

    sign_in(page, live_server.url, "thuky", PASSWORD)
    page.goto(f"{live_server.url}/clusters/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua menu, đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/clusters/#main")
