from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from clusters.evaluation.evidence import evidence_add
from clusters.evaluation.scores import (
    CellInput,
    ScoreGridError,
    cells_from_post,
    evidence_counts,
    grid_layout,
    parse_score,
    scores_errors,
    scores_save,
)
from clusters.evaluation.selectors import scoring_table_for, scoring_tables_for
from clusters.models import ClusterYear, Criterion, CriterionGroup, Score, ScoringTable
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


@pytest.mark.parametrize(
    ("typed", "value"),
    [("0", D(0)), ("0,01", D("0.01")), ("0.5", D("0.5")), ("5.99", D("5.99")), ("6", D(6))],
)
def test_scores_from_0_to_the_maximum_are_accepted(typed, value):
    assert parse_score(typed, Decimal(6)) == value


@pytest.mark.parametrize("typed", ["-0.01", "6.01"])
def test_scores_just_outside_0_to_the_maximum_are_refused(typed):
    with pytest.raises(ValueError) as caught:
        parse_score(typed, Decimal(6))
    assert str(caught.value) == "Điểm phải từ 0 đến 6."


def test_every_refused_cell_gets_its_message_not_only_the_first(world, table):
    outsider, unit = world.other_units[0], world.units[0]
    with pytest.raises(ScoreGridError) as caught:
        scores_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            cells={
                (outsider.pk, table.c["c1"].pk): CellInput(self_score=D(1), version=0),
                (unit.pk, table.c["c3"].pk): CellInput(self_score=D(3), version=0),
            },
        )
    assert caught.value.cell_errors == {
        (outsider.pk, table.c["c1"].pk): ["Ô này không thuộc bảng điểm của cụm năm nay."],
        (unit.pk, table.c["c3"].pk): ["Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4."],
    }


def test_a_cell_of_another_table_beside_valid_cells_is_refused_at_that_cell(world, table):
    unit = world.units[0]
    other = build_table(world.ministry, world.year, cluster=world.other_cluster, criteria=1)
    foreign = other.groups.get().criteria.get()
    with pytest.raises(ScoreGridError) as caught:
        scores_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            cells={
                (unit.pk, table.c["c1"].pk): CellInput(self_score=D(6), version=0),
                (unit.pk, foreign.pk): CellInput(self_score=D(1), version=0),
                (unit.pk, table.c["c3"].pk): CellInput(self_score=D(4), version=0),
            },
        )
    assert caught.value.cell_errors == {
        (unit.pk, foreign.pk): ["Ô này không thuộc bảng điểm của cụm năm nay."],
        (unit.pk, table.c["c3"].pk): [
            "Tổng điểm tự chấm nhóm I là 10, vượt điểm tối đa 8 của nhóm."
        ],
    }


def save_cell(world, table, name, cell):
    return scores_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        cells={(world.units[0].pk, table.c[name].pk): cell},
    )


def test_a_first_save_of_an_empty_cell_carries_version_0(world, table):
    assert save_cell(world, table, "c1", CellInput(self_score=D(5), version=0)) == 1
    assert Score.objects.get().version == 1
    with pytest.raises(ScoreGridError):  # the page was loaded before that save
        save_cell(world, table, "c1", CellInput(self_score=D(4), version=0))


def test_a_cell_posted_at_its_stored_version_is_saved_and_its_version_moves_on(world, table):
    save_cell(world, table, "c1", CellInput(self_score=D(5), version=0))
    assert save_cell(world, table, "c1", CellInput(self_score=D(4), version=1)) == 1
    assert Score.objects.get().version == 2
    assert save_cell(world, table, "c1", CellInput(self_score=D(3), version=2)) == 1
    assert Score.objects.values_list("self_score", "version").get() == (D(3), 3)


def test_an_empty_cell_posted_with_a_version_it_never_had_is_refused(world, table):
    with pytest.raises(ScoreGridError) as caught:
        save_cell(world, table, "c1", CellInput(self_score=D(5), version=1))
    assert caught.value.cell_errors == {
        (world.units[0].pk, table.c["c1"].pk): [
            "Ô này vừa được người khác lưu (— / —). Tải lại trang để xem."
        ]
    }


def test_a_stale_cell_is_told_the_self_and_agreed_scores_stored_since(world, table):
    save_cell(world, table, "c1", CellInput(self_score=D("4.5"), version=0))
    with pytest.raises(ScoreGridError) as caught:
        save_cell(world, table, "c1", CellInput(self_score=D(3), agreed_score=D(3), version=0))
    assert caught.value.cell_errors == {
        (world.units[0].pk, table.c["c1"].pk): [
            "Ô này vừa được người khác lưu (4,5 / —). Tải lại trang để xem."
        ]
    }


def test_a_stale_cell_that_posts_what_is_stored_is_not_a_conflict(world, table):
    save_cell(world, table, "c1", CellInput(self_score=D(5), comment="Tốt", version=0))
    save_cell(world, table, "c1", CellInput(self_score=D(4), comment="Tốt", version=1))
    same = CellInput(self_score=D(4), comment="Tốt", version=1)  # loaded before the 2nd save
    assert save_cell(world, table, "c1", same) == 0
    assert Score.objects.values_list("self_score", "version").get() == (D(4), 2)


def test_a_still_empty_cell_posted_empty_with_any_version_changes_nothing(world, table):
    assert save_cell(world, table, "c1", CellInput(version=3)) == 0
    assert Score.objects.count() == 0


@pytest.mark.parametrize("agreed", [D("0.01"), D(1)])
def test_any_positive_score_on_a_criterion_requiring_evidence_needs_a_file(world, table, agreed):
    with pytest.raises(ScoreGridError) as caught:
        save_cell(world, table, "c2", CellInput(agreed_score=agreed, version=0))
    assert list(caught.value.cell_errors.values()) == [
        ["Tiêu chí này bắt buộc có tài liệu minh chứng: hãy tải minh chứng lên trước."]
    ]


def test_the_evidence_found_is_that_of_the_cells_own_score(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (1, 1), (unit, table.c["c3"]): (0, 0)})  # scores 1 and 2
    evidence_add(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        unit=world.units[1],
        criterion=table.c["c2"],
        upload=ContentFile(PDF, name="ke-hoach.pdf"),
    )  # score 3, evidence 1
    assert save({(world.units[1], table.c["c2"]): (3, 3)}) == 1
    with pytest.raises(ScoreGridError):
        save({(unit, table.c["c2"]): (3, 3)})
    assert evidence_counts(cluster_year=world.cluster_year) == {
        Score.objects.get(unit=world.units[1], criterion=table.c["c2"]).pk: 1
    }


@pytest.mark.parametrize(("c2", "refused"), [(D("1.99"), False), (D(2), False), (D("2.01"), True)])
def test_a_capped_group_at_and_around_its_maximum(world, table, c2, refused):
    """Group I (max 8): 6 + c2 + a zero (or empty) third cell."""
    evidence_add(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        unit=world.units[0],
        criterion=table.c["c2"],
        upload=ContentFile(PDF, name="ke-hoach.pdf"),
    )
    cells = {
        (world.units[0].pk, table.c["c1"].pk): CellInput(self_score=D(6), agreed_score=D(6)),
        (world.units[0].pk, table.c["c2"].pk): CellInput(self_score=c2, agreed_score=None),
        (world.units[0].pk, table.c["c3"].pk): CellInput(self_score=D(0), agreed_score=None),
    }
    for cell in cells.values():
        cell.version = 0 if cell is not cells[(world.units[0].pk, table.c["c2"].pk)] else 1
    if refused:
        with pytest.raises(ScoreGridError) as caught:
            scores_save(actor=world.users.secretary, cluster_year=world.cluster_year, cells=cells)
        assert caught.value.cell_errors == {
            (world.units[0].pk, table.c["c3"].pk): [
                "Tổng điểm tự chấm nhóm I là 8,01, vượt điểm tối đa 8 của nhóm."
            ]
        }
    else:
        assert (
            scores_save(actor=world.users.secretary, cluster_year=world.cluster_year, cells=cells)
            == 3
        )


@pytest.fixture
def shuffled(world):
    """Group A (capped, max 10) whose criteria were entered out of their order: x (order 2),
    y (order 0), z (order 1), each worth 6."""
    table = ScoringTable.objects.create(ministry=world.ministry, year=world.year, name="Bảng")
    group = CriterionGroup.objects.create(table=table, code="A", title="A", max_points=D(10))
    return {
        name: Criterion.objects.create(
            group=group, code=name, text=name, max_points=D(6), order=order
        )
        for name, order in [("x", 2), ("y", 0), ("z", 1)]
    }


def test_a_group_over_its_cap_is_refused_at_the_last_cell_in_the_tables_order(world, shuffled):
    unit = world.units[0]
    cells = {
        (unit.pk, shuffled[name].pk): CellInput(self_score=D(6), version=0)
        for name in ("z", "x", "y")
    }
    with pytest.raises(ScoreGridError) as caught:
        scores_save(actor=world.users.secretary, cluster_year=world.cluster_year, cells=cells)
    assert caught.value.cell_errors == {
        (unit.pk, shuffled["x"].pk): [
            "Tổng điểm tự chấm nhóm A là 18, vượt điểm tối đa 10 của nhóm."
        ]
    }


def test_the_overflow_is_reported_at_the_last_cell_scored_in_that_column(world, shuffled):
    unit = world.units[0]
    cells = {
        (unit.pk, shuffled["y"].pk): CellInput(self_score=D(6), agreed_score=D(1), version=0),
        (unit.pk, shuffled["z"].pk): CellInput(self_score=D(6), agreed_score=D(1), version=0),
        (unit.pk, shuffled["x"].pk): CellInput(self_score=None, agreed_score=D(1), version=0),
    }
    with pytest.raises(ScoreGridError) as caught:
        scores_save(actor=world.users.secretary, cluster_year=world.cluster_year, cells=cells)
    assert caught.value.cell_errors == {
        (unit.pk, shuffled["z"].pk): [
            "Tổng điểm tự chấm nhóm A là 12, vượt điểm tối đa 10 của nhóm."
        ]
    }


def test_the_import_preview_gives_the_messages_and_stores_nothing(world, table):
    unit = world.units[0]
    layout = grid_layout(cluster_year=world.cluster_year)
    good = {(unit.pk, table.c["c1"].pk): CellInput(self_score=D(4), version=0)}
    bad = {(unit.pk, table.c["c3"].pk): CellInput(self_score=D(3), version=0)}
    assert scores_errors(cluster_year=world.cluster_year, cells=good, layout=layout) == {}
    assert scores_errors(cluster_year=world.cluster_year, cells=good | bad, layout=layout) == {
        (unit.pk, table.c["c3"].pk): ["Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4."]
    }
    assert Score.objects.count() == 0


# What the grid page posts: one cell's fields are c-<unit>-<criterion>-self, -agreed,
# -comment and -v (the version it was loaded at).


def post(world, table, **fields):
    unit, criterion = world.units[0], table.c["c1"]
    return {f"c-{unit.pk}-{criterion.pk}-{k}": v for k, v in fields.items()}


def posted(world, table, data):
    cells, errors = cells_from_post(data, grid_layout(cluster_year=world.cluster_year))
    key = (world.units[0].pk, table.c["c1"].pk)
    return cells.get(key), errors.get(key, [])


def test_a_posted_cell_is_read_with_what_was_typed(world, table):
    data = post(world, table, self="5,5", agreed="5", comment="  Tốt  ", v="3")
    cell, errors = posted(world, table, data)
    assert (cell.self_score, cell.agreed_score, cell.comment, cell.version) == (
        D("5.5"),
        D(5),
        "Tốt",
        3,
    )
    assert cell.raw == {"self": "5,5", "agreed": "5", "comment": "  Tốt  "}
    assert errors == []


def test_a_cell_is_read_when_only_one_of_its_scores_is_posted(world, table):
    cell, errors = posted(world, table, post(world, table, agreed="4", v="0"))
    assert (cell.self_score, cell.agreed_score, cell.comment, errors) == (None, D(4), "", [])
    assert cell.raw == {"self": "", "agreed": "4", "comment": ""}
    cell, errors = posted(world, table, post(world, table, self="2", v="0"))
    assert (cell.self_score, cell.agreed_score, errors) == (D(2), None, [])
    assert cell.raw == {"self": "2", "agreed": "", "comment": ""}


def test_cells_not_posted_are_left_alone(world, table):
    cells, errors = cells_from_post(
        post(world, table, comment="x", v="1"), grid_layout(cluster_year=world.cluster_year)
    )
    assert (cells, errors) == ({}, {})


MISSING_VERSION = "Thiếu phiên bản của ô (trang đã cũ?): tải lại trang rồi nhập lại."


@pytest.mark.parametrize(
    ("version", "read"),
    [("", None), ("x", None), ("-1", None), ("123456789", 123456789), ("1234567890", None)],
)
def test_a_cell_needs_a_version_of_at_most_nine_digits(world, table, version, read):
    cell, errors = posted(world, table, post(world, table, self="1", v=version))
    assert cell.version == read
    assert errors == ([] if read is not None else [MISSING_VERSION])


def test_a_cell_without_a_version_field_is_refused(world, table):
    cell, errors = posted(world, table, post(world, table, self="1"))
    assert (cell.version, errors) == (None, [MISSING_VERSION])


@pytest.mark.parametrize(("length", "refused"), [(1999, False), (2000, False), (2001, True)])
def test_a_comment_of_at_most_2000_characters(world, table, length, refused):
    _cell, errors = posted(world, table, post(world, table, self="1", comment="a" * length, v="0"))
    assert errors == ([f"Nhận xét: Tối đa 2000 ký tự (đang có {length})."] if refused else [])


def test_each_unreadable_score_of_a_cell_has_its_message(world, table):
    cell, errors = posted(world, table, post(world, table, self="abc", agreed="7", v="0"))
    assert errors == ["“abc” không phải là số.", "Điểm phải từ 0 đến 6."]
    assert cell.raw["self"] == "abc"


def test_every_cell_of_the_grid_is_read_from_one_post(world, table):
    layout = grid_layout(cluster_year=world.cluster_year)
    data = {
        f"c-{unit.pk}-{criterion.pk}-{field}": value
        for unit in world.units
        for criterion in (table.c["c1"], table.c["b1"])
        for field, value in (("self", "1"), ("agreed", ""), ("v", "0"))
    }
    cells, errors = cells_from_post(data, layout)
    assert sorted(cells) == sorted(
        (u.pk, c.pk) for u in world.units for c in (table.c["c1"], table.c["b1"])
    )
    assert {(c.self_score, c.agreed_score) for c in cells.values()} == {(D(1), None)}
    assert errors == {}


def test_the_import_preview_reads_the_stored_cells_and_their_evidence(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (6, 6)})
    evidence_add(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        unit=unit,
        criterion=table.c["c2"],
        upload=ContentFile(PDF, name="ke-hoach.pdf"),
    )
    layout = grid_layout(cluster_year=world.cluster_year)
    with_evidence = {(unit.pk, table.c["c2"].pk): CellInput(self_score=D(2), version=1)}
    assert scores_errors(cluster_year=world.cluster_year, cells=with_evidence, layout=layout) == {}
    over = {(unit.pk, table.c["c3"].pk): CellInput(self_score=D(4), version=0)}
    assert scores_errors(cluster_year=world.cluster_year, cells=over, layout=layout) == {
        (unit.pk, table.c["c3"].pk): [
            "Tổng điểm tự chấm nhóm I là 10, vượt điểm tối đa 8 của nhóm."
        ]
    }


def test_the_evidence_files_of_each_cell_are_counted(world, table):
    for name in ("ke-hoach.pdf", "bao-cao.pdf"):
        evidence_add(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            unit=world.units[0],
            criterion=table.c["c2"],
            upload=ContentFile(PDF, name=name),
        )
    score = Score.objects.get()
    assert evidence_counts(cluster_year=world.cluster_year) == {score.pk: 2}
    assert evidence_counts(cluster_year=world.other_cluster_year) == {}
