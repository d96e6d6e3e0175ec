from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clusters.evaluation.grid_excel import GridImportError, grid_export, grid_import
from clusters.models import Score
from tests.clusters.evaluation.conftest import D


def filled(world, edit):
    """Export the grid, let ``edit`` change the sheet rows, return it as an upload."""
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(grid_export(cluster_year=world.cluster_year)))
    sheet = book.active
    edit(sheet)
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile("bang-diem.xlsx", out.getvalue())


def test_export_has_one_row_per_unit_and_criterion_with_stored_scores(world, table, save):
    from openpyxl import load_workbook

    save({(world.units[0], table.c["c1"]): (6, 5.5)})
    sheet = load_workbook(BytesIO(grid_export(cluster_year=world.cluster_year))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Mã đơn vị",
        "Đơn vị",
        "Mã tiêu chí",
        "Số TT",
        "Tiêu chí",
        "Điểm tối đa",
        "Điểm tự chấm",
        "Điểm cụm chấm",
        "Nhận xét",
    )
    assert len(rows) == 1 + 3 * 6
    assert rows[1][:9] == (
        world.units[0].pk,
        "Trường số 1",
        table.c["c1"].pk,
        "I.1",
        "Hoàn thành kế hoạch",
        6,
        6,
        5.5,
        None,
    )


def test_a_filled_export_imports_every_cell(world, table):
    def edit(sheet):
        sheet["G2"], sheet["H2"], sheet["I2"] = 6, 5.5, "Tốt"
        sheet["G4"], sheet["H4"] = 2, 2

    assert (
        grid_import(
            actor=world.users.secretary, cluster_year=world.cluster_year, file=filled(world, edit)
        )
        == 2
    )
    assert {
        (s.criterion_id, s.self_score, s.agreed_score, s.comment) for s in Score.objects.all()
    } == {(table.c["c1"].pk, D(6), D("5.5"), "Tốt"), (table.c["c3"].pk, D(2), D(2), "")}


def test_import_with_one_bad_row_lists_row_and_column_and_stores_nothing(world, table):
    def edit(sheet):
        sheet["G2"], sheet["H2"] = 6, 5
        sheet["H3"] = 7  # criterion 2: max 6
        sheet["G5"] = "nhiều"

    with pytest.raises(GridImportError) as caught:
        grid_import(
            actor=world.users.secretary, cluster_year=world.cluster_year, file=filled(world, edit)
        )
    assert caught.value.errors == [
        "Dòng 3, cột H (Điểm cụm chấm): Điểm phải từ 0 đến 6.",
        "Dòng 5, cột G (Điểm tự chấm): “nhiều” không phải là số.",
    ]
    assert Score.objects.count() == 0


def test_import_rule_errors_found_by_the_service_are_listed_by_row(world, table):
    def edit(sheet):
        sheet["H2"], sheet["H4"] = 3, 3  # graded criterion: 0, 2, 4 only

    with pytest.raises(GridImportError) as caught:
        grid_import(
            actor=world.users.secretary, cluster_year=world.cluster_year, file=filled(world, edit)
        )
    assert caught.value.errors == ["Dòng 4 (cột G–H): Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4."]
    assert Score.objects.count() == 0


def test_import_rejects_rows_of_units_outside_the_cluster(world, table):
    def edit(sheet):
        sheet["A2"] = world.other_units[0].pk

    with pytest.raises(GridImportError) as caught:
        grid_import(
            actor=world.users.secretary, cluster_year=world.cluster_year, file=filled(world, edit)
        )
    assert caught.value.errors == [
        "Dòng 2, cột A (Mã đơn vị): không phải đơn vị thành viên của cụm năm nay."
    ]
