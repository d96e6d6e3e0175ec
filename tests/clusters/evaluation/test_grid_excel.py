"""The grid's Excel round trip: a sheet in the grid's shape (criteria down, units across),
frozen panes, score limits as data validation, ids hidden; an import that shows the changed
cells (old → new) and stores nothing until confirmed.

With the ``table`` fixture: rows 4–9 are I.1, I.2, I.3, IV.1, IV.2, V.1; the three units'
self scores are columns E–G, agreed scores H–J, comments K–M."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clusters.evaluation.grid_excel import GridImportError, grid_export, grid_import_preview
from clusters.evaluation.scores import scores_save
from clusters.models import Score
from tests.clusters.evaluation.conftest import D


def workbook(world):
    from openpyxl import load_workbook

    return load_workbook(BytesIO(grid_export(cluster_year=world.cluster_year)))


def upload(book):
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile("bang-diem.xlsx", out.getvalue())


def edited(world, **cells):
    book = workbook(world)
    for coordinate, value in cells.items():
        book.active[coordinate] = value
    return upload(book)


def preview_of(world, **cells):
    return grid_import_preview(cluster_year=world.cluster_year, file=edited(world, **cells))


def test_export_is_one_sheet_in_the_grid_shape_with_ids_hidden(world, table, save):
    a, b, c = world.units
    save({(a, table.c["c1"]): (6, 5.5)})
    book = workbook(world)
    assert len(book.worksheets) == 1
    sheet = book.active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:8] == ["thidua-grid", None, None, None, f"self:{a.pk}", f"self:{b.pk}",
                           f"self:{c.pk}", f"agreed:{a.pk}"]  # fmt: skip
    assert rows[1][:5] == [None, "Số TT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm"]
    assert (rows[1][7], rows[1][10]) == ("Điểm cụm chấm", "Nhận xét")
    assert rows[2][4:13] == ["Trường số 1", "Trường số 2", "Trường số 3"] * 3
    assert [row[1] for row in rows[3:]] == ["I.1", "I.2", "I.3", "IV.1", "IV.2", "V.1"]
    assert rows[3][:8] == [table.c["c1"].pk, "I.1", "Hoàn thành kế hoạch", 6, 6, None, None, 5.5]
    assert sheet.column_dimensions["A"].hidden
    assert sheet.row_dimensions[1].hidden
    assert sheet.freeze_panes == "E4"
    [validation] = sheet.data_validations.dataValidation
    assert (validation.type, validation.operator) == ("decimal", "between")
    assert (validation.formula1, validation.formula2) == ("0", "$D4")
    assert str(validation.sqref) == "E4:J9"


def test_a_comment_that_looks_like_a_formula_is_exported_as_text(world, table):
    from clusters.evaluation.scores import CellInput

    unit = world.units[0]
    scores_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        cells={(unit.pk, table.c["c1"].pk): CellInput(comment="=HYPERLINK(1)")},
    )
    cell = workbook(world).active["K4"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=HYPERLINK(1)", "s", True)


def test_import_shows_the_changed_cells_old_and_new_and_stores_nothing(world, table, save):
    a = world.units[0]
    save({(a, table.c["c1"]): (6, 5.5)})
    preview = preview_of(world, E4=6, H4="4,5", F4=5, I4=4.5, L4="Tốt", G9=1)
    assert [
        (ch.unit.name, ch.criterion.code, ch.field_label, ch.old, ch.new) for ch in preview.changes
    ] == [
        ("Trường số 1", "1", "Điểm cụm chấm", "5,5", "4,5"),
        ("Trường số 2", "1", "Điểm tự chấm", "", "5"),
        ("Trường số 2", "1", "Điểm cụm chấm", "", "4,5"),
        ("Trường số 2", "1", "Nhận xét", "", "Tốt"),
        ("Trường số 3", "1", "Điểm tự chấm", "", "1"),
    ]
    assert Score.objects.get().agreed_score == D("5.5")  # nothing stored yet
    # Confirmed: one save of exactly those cells.
    scores_save(actor=world.users.secretary, cluster_year=world.cluster_year, cells=preview.cells)
    stored = {
        (s.unit.name, s.criterion.code, s.criterion.group.code): s for s in Score.objects.all()
    }
    assert {key: (s.self_score, s.agreed_score, s.comment) for key, s in stored.items()} == {
        ("Trường số 1", "1", "I"): (D(6), D("4.5"), ""),
        ("Trường số 2", "1", "I"): (D(5), D("4.5"), "Tốt"),
        ("Trường số 3", "1", "V"): (D(1), None, ""),
    }
    # And the export reads back what was stored: the round trip.
    assert preview_of(world).changes == []


def test_the_confirmation_form_carries_each_cell_with_its_version(world, table, save):
    a = world.units[0]
    save({(a, table.c["c1"]): (6, 5.5)})
    version = Score.objects.get().version
    prefix = f"c-{a.pk}-{table.c['c1'].pk}"
    assert preview_of(world, H4=5).hidden_fields() == [
        (f"{prefix}-self", "6"),
        (f"{prefix}-agreed", "5"),
        (f"{prefix}-comment", ""),
        (f"{prefix}-v", version),
    ]


def test_import_errors_name_row_column_and_unit_and_nothing_is_stored(world, table):
    with pytest.raises(GridImportError) as caught:
        preview_of(world, H5=7, E8="nhiều", F6="1.234,5")
    assert caught.value.errors == [
        "Dòng 5, cột H (Điểm cụm chấm, Trường số 1): Điểm phải từ 0 đến 6.",
        "Dòng 6, cột F (Điểm tự chấm, Trường số 2): Điểm phải từ 0 đến 4.",
        "Dòng 8, cột E (Điểm tự chấm, Trường số 1): “nhiều” không phải là số.",
    ]
    assert Score.objects.count() == 0


def test_import_refuses_a_unit_column_of_another_cluster_and_unknown_criteria(world, table):
    with pytest.raises(GridImportError) as caught:
        preview_of(world, F1=f"self:{world.other_units[0].pk}", A5=999999)
    assert caught.value.errors == [
        "Cột F: không phải đơn vị thành viên của cụm năm nay.",
        "Dòng 5, cột A (ẩn): mã tiêu chí không có trong bảng năm nay.",
    ]


def test_import_refuses_a_sheet_that_is_not_this_grid_export(world, table):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Mã đơn vị", "Đơn vị"])
    with pytest.raises(GridImportError) as caught:
        grid_import_preview(cluster_year=world.cluster_year, file=upload(book))
    assert caught.value.errors == [
        "Tệp không phải bảng điểm xuất từ trang này (thiếu dòng mã ẩn). Hãy xuất lại."
    ]
    with pytest.raises(GridImportError) as caught:
        grid_import_preview(
            cluster_year=world.cluster_year, file=SimpleUploadedFile("a.xlsx", b"not a zip")
        )
    assert caught.value.errors == ["Không đọc được tệp Excel (.xlsx)."]


def test_import_preview_applies_the_grid_rules_to_the_changed_cells(world, table):
    with pytest.raises(GridImportError) as caught:
        preview_of(world, H6=3, I4=6, I5=3)  # a graded criterion; group I over its 8
    assert caught.value.errors == [
        "Dòng 5 (Trường số 2): Tiêu chí này bắt buộc có tài liệu minh chứng: hãy tải minh chứng "
        "lên trước.",
        "Dòng 5 (Trường số 2): Tổng điểm cụm chấm nhóm I là 9, vượt điểm tối đa 8 của nhóm.",
        "Dòng 6 (Trường số 1): Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4.",
    ]
