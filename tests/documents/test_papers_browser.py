"""In a real browser: the cluster's secretary issues the tờ trình and the minutes, writes a
nominee's achievement report and downloads the dossier; the QR code's page verifies the
tờ trình as anyone sees it."""

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from documents.models import Paper, PaperVersion

# The browser fixtures and the seeded road of the awards journey (pytest finds them here).
from tests.awards.test_browser import browser_context_args, login, road  # noqa: F401


def issue(page, name):
    page.get_by_role("link", name=name, exact=True).click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ban hành (cấp số, ký số)").click()
    expect(page.locator("#paper-versions")).to_contain_text("Đã xong")
    expect(page.locator("#paper-settings")).to_contain_text(re.compile(r"\d+/"))
    page.go_back()
    page.go_back()
    page.reload()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretary_issues_writes_and_downloads_the_dossier(road, live_server, page, browser):  # noqa: F811
    proposal, unit = road
    login(page, live_server, "thuky.cum2")
    page.goto(f"{live_server.url}/awards/{proposal.pk}/")
    page.get_by_role("link", name="Tờ trình, biên bản, báo cáo thành tích, quyết định").click()

    issue(page, "Tờ trình đề nghị khen thưởng của cụm")
    issue(page, "Biên bản hội nghị tổng kết cụm")
    expect(page.locator("#papers")).to_contain_text("1/TTr-CTĐ2")
    expect(page.locator("#papers")).to_contain_text("1/BB-CTĐ2")

    page.locator("#papers tr", has_text=unit.name).get_by_role("link", name="Soạn").click()
    page.get_by_label("Sơ lược đặc điểm, tình hình").fill("Trường có 120 giảng viên <b>cơ hữu</b>.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("body")).to_contain_text("Trường có 120 giảng viên <b>cơ hữu</b>.")

    page.goto(
        f"{live_server.url}/documents/papers/clusters/{proposal.cluster_year.cluster_id}/2020/"
    )
    with page.expect_download() as download_info:
        page.locator("#dossier-zip").click()
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))
    assert archive.namelist()[0] == "00-muc-luc.pdf"
    assert len(archive.namelist()) == 4  # contents, tờ trình, minutes, the line's upload

    cover = Paper.objects.get(kind=Paper.Kind.COVER_SUBMISSION)
    code = cover.versions.get(status=PaperVersion.Status.READY).code
    anyone = browser.new_page(locale="vi-VN")
    anyone.goto(f"{live_server.url}/v/{code}/")
    expect(anyone.locator("body")).to_contain_text("1/TTr-CTĐ2")
    expect(anyone.locator("body")).to_contain_text("Có hiệu lực")
