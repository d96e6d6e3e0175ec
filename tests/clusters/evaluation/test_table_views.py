import re
from html import unescape
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from clusters.models import Criterion, CriterionGroup, Score, ScoringTable
from tests.clusters.evaluation.conftest import D
from tests.clusters.evaluation.excel import PAPER_TABLE, xlsx
from tests.html import field_errors, messages


def formset_data(table, **criterion):
    """The table page's formsets as the browser posts them, with one new criterion."""
    groups = list(table.groups.all())
    data = {
        "name": table.name,
        "version": table.version,
        "g-TOTAL_FORMS": len(groups) + 2,
        "g-INITIAL_FORMS": len(groups),
        "g-MIN_NUM_FORMS": 0,
        "g-MAX_NUM_FORMS": 1000,
    }
    for i, g in enumerate(groups):
        data.update(
            {
                f"g-{i}-id": g.pk,
                f"g-{i}-code": g.code,
                f"g-{i}-title": g.title,
                f"g-{i}-kind": g.kind,
                f"g-{i}-max_points": g.max_points,
                f"g-{i}-order": g.order,
            }
        )
    criteria = [(g, c) for g in groups for c in g.criteria.all()]
    data.update(
        {
            "c-TOTAL_FORMS": len(criteria) + 3,
            "c-INITIAL_FORMS": len(criteria),
            "c-MIN_NUM_FORMS": 0,
            "c-MAX_NUM_FORMS": 1000,
        }
    )
    for i, (g, c) in enumerate(criteria):
        data.update(
            {
                f"c-{i}-id": c.pk,
                f"c-{i}-group_id": g.pk,
                f"c-{i}-code": c.code,
                f"c-{i}-text": c.text,
                f"c-{i}-max_points": c.max_points,
                f"c-{i}-levels": "; ".join(f"{lv.label} = {lv.points}" for lv in c.levels.all()),
                f"c-{i}-order": c.order,
            }
        )
        if c.evidence_required:
            data[f"c-{i}-evidence_required"] = "on"
    data.update({f"c-{len(criteria)}-{k}": v for k, v in criterion.items()})
    return data


def test_staff_creates_a_table_in_the_browser_and_lands_on_it(client_as, world):
    response = client_as("staff").post(
        reverse("clusters:scoring_table_create"),
        {"ministry": world.ministry.pk, "year": 2022, "cluster": "", "name": "Bảng 2022"},
    )
    table = ScoringTable.objects.get()
    assert response["Location"] == reverse("clusters:scoring_table", args=[table.pk])
    assert (table.year, table.cluster, table.name) == (2022, None, "Bảng 2022")


def test_staff_adds_a_graded_criterion_through_the_formsets(client_as, world, table):
    group = table.groups.get(code="I")
    page = reverse("clusters:scoring_table", args=[table.pk])
    data = formset_data(
        table,
        group_id=group.pk,
        code="4",
        text="Ứng dụng CNTT",
        max_points="2",
        levels="Có = 2; Không = 0",
        order=4,
    )
    assert client_as("staff").post(page, data).status_code == 302
    new = Criterion.objects.get(group=group, code="4")
    assert [(lv.label, lv.points) for lv in new.levels.all()] == [("Có", D(2)), ("Không", D(0))]


def test_badly_written_levels_are_refused_next_to_the_field(client_as, world, table):
    group = table.groups.get(code="I")
    page = reverse("clusters:scoring_table", args=[table.pk])
    data = formset_data(
        table,
        group_id=group.pk,
        code="4",
        text="Ứng dụng CNTT",
        max_points="2",
        levels="Có hai điểm",
        order=4,
    )
    html = client_as("staff").post(page, data).content.decode()
    assert "Ghi mỗi mức dạng “tên mức = điểm”" in html
    assert 'value="Ứng dụng CNTT"' in html or "Ứng dụng CNTT</textarea>" in html
    assert not Criterion.objects.filter(code="4").exists()


def test_a_table_in_use_shows_why_it_cannot_be_edited(client_as, world, table, save):
    save({(world.units[0], table.c["c1"]): (1, 1)})
    page = reverse("clusters:scoring_table", args=[table.pk])
    html = client_as("staff").get(page).content.decode()
    assert 'id="in-use"' in html
    assert 'id="table-edit"' not in html
    group = table.groups.get(code="I")
    data = formset_data(table, group_id=group.pk, code="4", text="x", max_points="1", order=4)
    html = client_as("staff").post(page, data).content.decode()
    assert "đã được dùng để chấm điểm nên không thể sửa" in html
    assert CriterionGroup.objects.filter(table=table).count() == 3


def test_import_page_lists_every_bad_row_and_creates_nothing(client_as, world):
    rows = [*PAPER_TABLE, ("2", "Tiêu chí thiếu điểm", None)]
    response = client_as("staff").post(
        reverse("clusters:scoring_table_import"),
        {
            "ministry": world.ministry.pk,
            "year": 2022,
            "cluster": "",
            "name": "Bảng 2022",
            "file": xlsx(rows),
        },
    )
    html = response.content.decode()
    assert "Dòng 14, cột C (Điểm chuẩn): “” không phải số điểm hợp lệ." in html
    assert ScoringTable.objects.count() == 0


def table_rows(html, table_id):
    """The text of each body row of the table ``table_id``."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S)
    return [
        [
            " ".join(unescape(re.sub(r"<[^>]+>", "", cell)).split())
            for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    ]


def exported_with(client, world, **cells):
    exported = client.get(reverse("clusters:score_export", args=[world.cluster.pk, world.year]))
    book = load_workbook(BytesIO(exported.content))
    for coordinate, value in cells.items():
        book.active[coordinate] = value
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile("bang.xlsx", out.getvalue())


def test_grid_import_page_lists_errors_by_row_and_column(client_as, world, table):
    client = client_as("secretary")
    response = client.post(
        reverse("clusters:score_import", args=[world.cluster.pk, world.year]),
        {"file": exported_with(client, world, E4=6, H5=9)},
    )
    assert field_errors(response, "file") == ["Tệp có 1 lỗi; chưa lưu gì."]
    assert "Dòng 5, cột H (Điểm cụm chấm, Trường số 1): Điểm phải từ 0 đến 6." in (
        response.content.decode()
    )
    assert Score.objects.count() == 0


def test_grid_import_shows_the_changes_then_saves_them_only_when_confirmed(client_as, world, table):
    client = client_as("secretary")
    url = reverse("clusters:score_import", args=[world.cluster.pk, world.year])
    response = client.post(url, {"file": exported_with(client, world, E4=6, H4="5,5")})
    html = response.content.decode()
    assert "Tệp thay đổi 1 ô điểm. Kiểm tra rồi xác nhận để lưu." in html
    assert table_rows(html, "import-preview") == [
        ["Trường số 1", "I.1. Hoàn thành kế hoạch", "Điểm tự chấm", "–", "6"],
        ["Trường số 1", "I.1. Hoàn thành kế hoạch", "Điểm cụm chấm", "–", "5,5"],
    ]
    assert Score.objects.count() == 0
    prefix = f"c-{world.units[0].pk}-{table.c['c1'].pk}"
    confirm = {
        "confirm": "1",
        f"{prefix}-self": "6",
        f"{prefix}-agreed": "5,5",
        f"{prefix}-comment": "",
        f"{prefix}-v": "0",  # the cell is still empty
    }
    assert f'name="{prefix}-v" value="0"' in html
    response = client.post(url, confirm, follow=True)
    assert messages(response) == ["Đã nhập 1 ô điểm từ tệp Excel."]
    score = Score.objects.get()
    assert (score.self_score, score.agreed_score) == (D(6), D("5.5"))
    # The same confirmation again, after someone changed the cell: refused, not overwritten.
    Score.objects.update(agreed_score=D(3), version=score.version + 1)
    response = client.post(
        url, {**confirm, f"{prefix}-v": str(score.version), f"{prefix}-agreed": "4"}
    )
    assert "Ô này vừa được người khác lưu" in response.content.decode()
    assert Score.objects.get().agreed_score == D(3)


def test_grid_import_of_an_unchanged_export_says_there_is_nothing_to_save(client_as, world, table):
    client = client_as("secretary")
    response = client.post(
        reverse("clusters:score_import", args=[world.cluster.pk, world.year]),
        {"file": exported_with(client, world)},
    )
    assert "Tệp không có ô nào khác với bảng điểm hiện tại" in response.content.decode()
    assert "Xác nhận và lưu" not in response.content.decode()
