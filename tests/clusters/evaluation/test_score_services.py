from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from clusters.evaluation.evidence import evidence_add
from clusters.evaluation.scores import CellInput, ScoreGridError, parse_score, scores_save
from clusters.evaluation.tables import scoring_table_for, scoring_tables_for
from clusters.models import ClusterYear, Score
from emulation.errors import DomainError
from emulation.models import AuditEntry
from tests.clusters.evaluation.conftest import D, build_table
from tests.factories import ClusterFactory, cluster_year_with_units

PDF = b"%PDF-1.4 test"


def stored(world):
    return {
        (s.unit_id, s.criterion_id): (s.self_score, s.agreed_score)
        for s in Score.objects.filter(cluster_year=world.cluster_year)
    }


def test_valid_cells_are_stored_with_one_audit_entry_listing_before_and_after(world, table, save):
    unit = world.units[0]
    changed = save({(unit, table.c["c1"]): (6, 5.5), (unit, table.c["c3"]): (2, 2)})
    assert changed == 2
    assert stored(world) == {
        (unit.pk, table.c["c1"].pk): (D("6"), D("5.5")),
        (unit.pk, table.c["c3"].pk): (D("2"), D("2")),
    }
    entry = AuditEntry.objects.get(action="scores_update")
    assert entry.actor == world.users.secretary
    assert entry.after == {
        f"{unit.pk}:{table.c['c1'].pk}": ["6", "5.5", ""],
        f"{unit.pk}:{table.c['c3'].pk}": ["2", "2", ""],
    }
    assert entry.before[f"{unit.pk}:{table.c['c1'].pk}"] == ["", "", ""]


def test_saving_the_same_values_again_changes_and_audits_nothing(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (6, 5)})
    assert save({(unit, table.c["c1"]): (6, 5)}) == 0
    assert AuditEntry.objects.filter(action="scores_update").count() == 1


def test_graded_criterion_accepts_only_its_levels_and_nothing_else_is_stored(world, table, save):
    unit = world.units[0]
    with pytest.raises(ScoreGridError) as caught:
        save({(unit, table.c["c1"]): (5, 5), (unit, table.c["c3"]): (3, 3)})
    assert caught.value.cell_errors == {
        (unit.pk, table.c["c3"].pk): ["Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4."]
    }
    assert stored(world) == {}


def test_group_total_over_its_cap_is_refused_at_the_cell_that_overflows(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (6, 6)})
    with pytest.raises(ScoreGridError) as caught:
        save({(unit, table.c["c3"]): (2, 4)})
    assert caught.value.cell_errors == {
        (unit.pk, table.c["c3"].pk): [
            "Tổng điểm cụm chấm nhóm I là 10, vượt điểm tối đa 8 của nhóm."
        ]
    }
    assert stored(world) == {(unit.pk, table.c["c1"].pk): (D(6), D(6))}


def test_bonus_items_over_their_cap_are_accepted_and_capped_in_the_total(world, table, save):
    unit = world.units[0]
    assert save({(unit, table.c["b1"]): (2, 2), (unit, table.c["b2"]): (2, 2)}) == 2


def test_positive_score_on_a_criterion_requiring_evidence_needs_a_file_first(world, table, save):
    unit = world.units[1]
    with pytest.raises(ScoreGridError) as caught:
        save({(unit, table.c["c2"]): (3, None)})
    assert caught.value.cell_errors == {
        (unit.pk, table.c["c2"].pk): [
            "Tiêu chí này bắt buộc có tài liệu minh chứng: hãy tải minh chứng lên trước."
        ]
    }
    evidence_add(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        unit=unit,
        criterion=table.c["c2"],
        upload=ContentFile(PDF, name="ke-hoach.pdf"),
    )
    assert save({(unit, table.c["c2"]): (3, 2)}) == 1
    assert stored(world)[(unit.pk, table.c["c2"].pk)] == (D(3), D(2))


def test_zero_on_a_criterion_requiring_evidence_needs_no_file(world, table, save):
    assert save({(world.units[0], table.c["c2"]): (0, 0)}) == 1


def test_a_cell_saved_by_someone_else_since_the_page_was_loaded_is_refused(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (5, 5)})
    score = Score.objects.get()
    stale = CellInput(self_score=D(4), agreed_score=D(4), version=score.version)
    save({(unit, table.c["c1"]): (6, 6)})
    with pytest.raises(ScoreGridError) as caught:
        scores_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            cells={(unit.pk, table.c["c1"].pk): stale},
        )
    assert caught.value.cell_errors == {
        (unit.pk, table.c["c1"].pk): [
            "Ô này vừa được người khác lưu (6 / 6). Tải lại trang để xem."
        ]
    }
    assert stored(world)[(unit.pk, table.c["c1"].pk)] == (D(6), D(6))


def test_a_unit_outside_the_cluster_cannot_be_scored(world, table):
    outsider = world.other_units[0]
    with pytest.raises(ScoreGridError) as caught:
        scores_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            cells={(outsider.pk, table.c["c1"].pk): CellInput(self_score=D(1))},
        )
    assert list(caught.value.cell_errors.values()) == [
        ["Ô này không thuộc bảng điểm của cụm năm nay."]
    ]
    assert Score.objects.count() == 0


def test_scoring_without_a_table_is_refused(world):
    with pytest.raises(DomainError) as caught:
        scores_save(actor=world.users.secretary, cluster_year=world.cluster_year, cells={})
    assert caught.value.message == "Chưa có bảng tiêu chí chấm điểm cho năm này."


def test_a_cluster_specific_table_wins_over_the_ministry_table(world, table):
    own = build_table(world.ministry, world.year, cluster=world.cluster, name="Bảng riêng")
    assert scoring_table_for(cluster_year=world.cluster_year) == own
    assert scoring_table_for(cluster_year=world.other_cluster_year) == table


def test_the_tables_of_many_cluster_years_come_in_one_query(
    world, table, django_assert_num_queries
):
    own = build_table(world.ministry, world.year, cluster=world.cluster, name="Bảng riêng")
    build_table(world.ministry, world.year + 1, name="Bảng năm sau")
    other_ministry = ClusterYear.objects.select_related("cluster").get(
        pk=cluster_year_with_units(ClusterFactory(), world.year, []).pk
    )
    cluster_years = [world.cluster_year, world.other_cluster_year, other_ministry]
    with django_assert_num_queries(1):
        tables = scoring_tables_for(cluster_years=cluster_years)
    assert tables == {
        world.cluster_year.pk: own,  # its own table
        world.other_cluster_year.pk: table,  # the ministry's, not next year's
        other_ministry.pk: None,  # another ministry has none
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "“abc” không phải là số."),
        ("-1", "Điểm phải từ 0 đến 6."),
        ("6,5", "Điểm phải từ 0 đến 6."),
        ("1.234", "Điểm chỉ có tối đa 2 chữ số thập phân."),
    ],
)
def test_typed_scores_outside_0_to_max_are_refused_with_a_vietnamese_message(typed, message):
    with pytest.raises(ValueError) as caught:
        parse_score(typed, Decimal(6))
    assert str(caught.value) == message


def test_decimal_comma_is_accepted():
    assert parse_score("5,5", Decimal(6)) == Decimal("5.5")
    assert parse_score("  ", Decimal(6)) is None
