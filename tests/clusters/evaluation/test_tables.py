import pytest

from clusters.evaluation.table_import import TableImportError, scoring_table_import
from clusters.evaluation.tables import scoring_table_create, scoring_table_update
from clusters.models import Criterion, CriterionGroup, ScoringTable
from emulation.errors import DomainError
from emulation.models import AuditEntry
from tests.clusters.evaluation.conftest import D
from tests.clusters.evaluation.excel import PAPER_TABLE, xlsx


def structure(table):
    return [
        (
            g.code,
            g.kind,
            g.max_points,
            [
                (
                    c.code,
                    c.max_points,
                    c.evidence_required,
                    [(lv.label, lv.points) for lv in c.levels.all()],
                )
                for c in g.criteria.all()
            ],
        )
        for g in table.groups.all()
    ]


def test_import_reads_groups_criteria_levels_bonus_and_penalty_like_the_paper_table(world):
    table = scoring_table_import(
        actor=world.users.staff,
        ministry=world.ministry,
        year=2022,
        cluster=None,
        name="Bảng 2022",
        file=xlsx(PAPER_TABLE),
    )
    assert structure(table) == [
        (
            "I",
            "capped",
            D(40),
            [
                ("1", D(30), True, []),
                ("2", D(10), False, [("Đúng hạn", D(10)), ("Chậm 1–2 ngày", D(5))]),
            ],
        ),
        ("II", "capped", D(20), [("1", D(20), False, [])]),
        ("III", "bonus", D(5), [("1", D(5), False, [])]),
        ("IV", "penalty", D(3), [("1", D(3), False, [])]),
    ]
    assert AuditEntry.objects.filter(action="scoring_table_import").count() == 1


def test_import_with_a_bad_row_lists_row_and_column_and_stores_nothing(world):
    rows = [*PAPER_TABLE, ("2", "Không tham gia hoạt động cụm", "hai điểm"), ("3", "", 1)]
    with pytest.raises(TableImportError) as caught:
        scoring_table_import(
            actor=world.users.staff,
            ministry=world.ministry,
            year=2022,
            cluster=None,
            name="Bảng 2022",
            file=xlsx(rows),
        )
    assert caught.value.errors == [
        "Dòng 14, cột C (Điểm chuẩn): “hai điểm” không phải số điểm hợp lệ.",
        "Dòng 15, cột B (Tiêu chí): còn trống.",
    ]
    assert ScoringTable.objects.count() == 0
    assert Criterion.objects.count() == 0


def test_import_of_a_file_that_is_not_excel_is_refused(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(TableImportError) as caught:
        scoring_table_import(
            actor=world.users.staff,
            ministry=world.ministry,
            year=2022,
            cluster=None,
            name="x",
            file=SimpleUploadedFile("a.xlsx", b"no"),
        )
    assert caught.value.errors == ["Không đọc được tệp Excel (.xlsx)."]


def test_copying_last_years_table_copies_every_group_criterion_and_level(world, table):
    copy = scoring_table_create(
        actor=world.users.staff,
        ministry=world.ministry,
        year=world.year + 1,
        cluster=None,
        name="Bảng mới",
        copy_previous=True,
    )
    assert structure(copy) == structure(table)
    assert copy.pk != table.pk


def test_copying_when_last_year_has_no_table_says_so(world):
    with pytest.raises(DomainError) as caught:
        scoring_table_create(
            actor=world.users.staff,
            ministry=world.ministry,
            year=2026,
            cluster=None,
            name="x",
            copy_previous=True,
        )
    assert caught.value.message == "Không có bảng tiêu chí năm 2025 để sao chép."


def test_a_second_ministry_table_for_the_same_year_is_refused(world, table):
    with pytest.raises(DomainError) as caught:
        scoring_table_create(
            actor=world.users.staff,
            ministry=world.ministry,
            year=world.year,
            cluster=None,
            name="x",
        )
    assert caught.value.field == "year"


def _edit(world, table, **changes):
    group = table.groups.get(code="I")
    return scoring_table_update(
        actor=world.users.staff,
        table=table,
        expected_version=table.version,
        name="Sửa",
        groups=[
            {
                "id": group.pk,
                "code": "I",
                "title": "Chuyên môn",
                "kind": "capped",
                "max_points": changes.get("max_points", D(9)),
                "order": 0,
            }
        ],
        criteria=[
            {
                "id": None,
                "group_id": group.pk,
                "code": "4",
                "text": "Tiêu chí mới",
                "max_points": D(2),
                "evidence_required": False,
                "levels": [("Có", D(2)), ("Không", D(0))],
                "order": 3,
            }
        ],
    )


def test_editing_a_table_not_yet_used_saves_groups_criteria_and_levels(world, table):
    _edit(world, table)
    table.refresh_from_db()
    assert table.name == "Sửa"
    assert CriterionGroup.objects.get(table=table, code="I").max_points == D(9)
    new = Criterion.objects.get(group__table=table, code="4")
    assert [(lv.label, lv.points) for lv in new.levels.all()] == [("Có", D(2)), ("Không", D(0))]
    assert AuditEntry.objects.filter(action="scoring_table_update").count() == 1


def test_a_table_in_use_is_not_changed(world, table, save):
    save({(world.units[0], table.c["c1"]): (1, 1)})
    with pytest.raises(DomainError) as caught:
        _edit(world, table)
    assert caught.value.message == (
        "Bảng tiêu chí này đã được dùng để chấm điểm nên không thể sửa. "
        "Hãy lập bảng của năm sau (sao chép bảng này) nếu cần thay đổi."
    )
    assert CriterionGroup.objects.get(table=table, code="I").max_points == D(8)
