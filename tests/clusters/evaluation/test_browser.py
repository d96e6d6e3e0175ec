"""The secretary runs the year-end session in a real browser: fills part of the grid with
the keyboard (cells saved by htmx as she tabs), sees a refused cell keep its message while
she carries on, saves the grid, enters the ballot counts and signs the minutes."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from clusters.models import Minutes, Score, Vote
from emulation.models import AwardTitle
from tests.clusters.evaluation.conftest import D
from tests.factories import PASSWORD

AXE = Path(__file__).resolve().parents[2] / "vendor" / "axe.min.js"


def serious_accessibility_violations(page):
    """axe-core on the page's own content (the navbar is base.html's)."""
    # Evaluated over the DevTools protocol: the page's CSP rightly refuses injected tags.
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "async () => (await axe.run('main')).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
    )


# One transactional test only: each one flushes the database the others share.
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretary_scores_votes_and_signs_with_the_keyboard(live_server, page, world, table):
    a, b, _c = world.units
    c1, c3 = table.c["c1"], table.c["c3"]
    # Three units: a unit never votes for itself, so 2 of 3 (66.67 %) is the most a unit gets.
    AwardTitle.objects.filter(code="co-thi-dua-bo").update(vote_threshold=60)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("thuky")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    base = f"{live_server.url}/clusters/{world.cluster.pk}/years/{world.year}"
    page.goto(f"{base}/scores/")
    assert serious_accessibility_violations(page) == []
    page.locator(f"#c-{a.pk}-{c1.pk}-self").focus()
    page.keyboard.type("6")
    page.keyboard.press("Tab")
    page.keyboard.type("5,5")
    page.keyboard.press("Tab")  # the cell's "…": its comment and evidence, on demand
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("Hoàn thành tốt")
    page.keyboard.press("Tab")  # the evidence link, the upload button
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # on to unit B's cell of the same criterion
    expect(page.locator(f"#cell-c-{a.pk}-{c1.pk} .cell-saved")).to_be_visible()
    page.keyboard.type("5")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    expect(page.locator(f"#cell-c-{b.pk}-{c1.pk} .cell-saved")).to_be_visible()

    # A graded criterion refuses 3: the message stays at the cell while work goes on.
    page.locator(f"#c-{a.pk}-{c3.pk}-agreed").fill("3")
    page.keyboard.press("Tab")
    refused = page.locator(f"#cell-c-{a.pk}-{c3.pk}")
    expect(refused).to_contain_text("Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4.")
    page.locator(f"#c-{b.pk}-{c3.pk}-agreed").fill("2")
    page.keyboard.press("Enter")  # Enter moves down the column, like a spreadsheet
    expect(page.locator(f"#cell-c-{b.pk}-{c3.pk} .cell-saved")).to_be_visible()
    expect(refused).to_contain_text("Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4.")
    expect(page.locator(f"#c-{a.pk}-{c3.pk}-agreed")).to_have_value("3")

    # Saving the whole grid with the refused cell stores nothing new and keeps it all.
    page.get_by_role("button", name="Lưu cả bảng điểm").click()
    expect(page.locator(".alert-danger")).to_contain_text("Có 1 ô chưa hợp lệ; chưa lưu gì.")
    expect(page.locator(f"#cell-c-{a.pk}-{c3.pk}")).to_contain_text(
        "Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4."
    )
    expect(page.locator(f"#c-{a.pk}-{c3.pk}-agreed")).to_have_value("3")
    page.locator(f"#c-{a.pk}-{c3.pk}-agreed").fill("2")
    page.get_by_role("button", name="Lưu cả bảng điểm").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã lưu")
    assert {(s.unit_id, s.criterion_id): s.agreed_score for s in Score.objects.all()} == {
        (a.pk, c1.pk): D("5.5"),
        (b.pk, c1.pk): D(5),
        (a.pk, c3.pk): D(2),
        (b.pk, c3.pk): D(2),
    }

    # The vote: open it, enter the counted ballots, close it.
    page.get_by_role("link", name="Bỏ phiếu suy tôn").first.click()
    page.get_by_label("Danh hiệu, hình thức suy tôn").select_option(label="Cờ thi đua cấp Bộ")
    page.get_by_role("button", name="Mở cuộc bỏ phiếu").click()
    page.get_by_label("Số phiếu phát ra").fill("3")
    page.get_by_label("Số phiếu hợp lệ").fill("3")
    page.get_by_label("Trường số 1").fill("2")
    page.get_by_label("Trường số 2").fill("1")
    page.get_by_role("button", name="Lưu kết quả kiểm phiếu").click()
    expect(page.locator("#vote-counts")).to_contain_text("66,67%")
    close_dialogs = []
    page.once("dialog", lambda dialog: (close_dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Kết thúc bỏ phiếu và công bố kết quả").click()
    assert close_dialogs == [
        "Kết thúc bỏ phiếu và công bố kết quả? Số phiếu không sửa được nữa, trừ khi mở lại "
        "cuộc bỏ phiếu."
    ]
    assert Vote.objects.get().state == Vote.State.OPEN  # said no: nothing was sent
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Kết thúc bỏ phiếu và công bố kết quả").click()
    expect(page.locator("#vote-counts")).to_contain_text("Được suy tôn")
    assert serious_accessibility_violations(page) == []
    assert Vote.objects.get().state == Vote.State.CLOSED

    # The minutes: write them, sign them; the grid is then read-only.
    page.get_by_role("link", name="Biên bản", exact=True).first.click()
    page.get_by_role("link", name="Lập biên bản").click()
    page.locator("#id_held_on").fill("2021-12-14")
    page.locator("#id_place").fill("Hà Nội")
    page.locator("#id_chair_name").fill("Nguyễn Thanh Tịnh")
    page.locator("#id_secretary_name").fill("Nguyễn Thị Thu Hà")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Lưu biên bản").click()
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Ký biên bản và khóa kết quả").click()
    expect(page.locator("#minutes-state")).to_have_text("Đã ký")
    assert dialogs == ["Ký biên bản? Điểm, xếp hạng và kết quả bỏ phiếu sẽ bị khóa."]
    assert Minutes.objects.get().is_signed
    page.goto(f"{base}/scores/")
    expect(page.get_by_role("button", name="Lưu cả bảng điểm")).to_have_count(0)
    expect(page.locator("body")).to_contain_text(re.compile("đã được khóa"))
    page.goto(f"{base}/ranking/")
    assert serious_accessibility_violations(page) == []
