"""A unit head's decision is judged by the same rules as a proposal's line (stage
``HEAD_DECISION``), under the regime in force on the decision's date: at, just below and just
above each threshold, through the service and through the unit's form."""

import datetime
import re

import pytest
from django.urls import reverse

from awards import rules, services
from emulation.errors import DomainError
from emulation.models import AuditEntry, AwardTitle
from tests.awards.conftest import person_year
from tests.html import form_errors, input_value, messages
from units.models import PersonYear, UnitHeadDecision, UnitYear

D = datetime.date
OLD, NEW = "luat-2003-nd-91-2017", "luat-2022-nd-98-2023"


def _title(code, regime=OLD):
    return AwardTitle.objects.get(code=code, regime__code=regime)


def _record(world, code, year, dated, person=None, unit=None, regime=OLD):
    return services.unit_head_decision_record(
        actor=world.users.secretary,
        decision=UnitHeadDecision(
            unit=unit or person.unit,
            person=person,
            year=year,
            award_title=_title(code, regime),
            number=f"{code}/QĐ",
            dated=dated,
        ),
    )


def _stored(code):
    return UnitHeadDecision.objects.filter(award_title__code=code)


# Chiến sĩ thi đua cơ sở ------------------------------------------------------------------------


@pytest.mark.parametrize("advanced_in", [2020, 2022])
def test_grassroots_fighter_is_refused_without_lao_dong_tien_tien_that_year(
    world, person, advanced_in
):
    person_year(person, 2021, has_initiative=True)
    _record(world, "lao-dong-tien-tien", advanced_in, D(advanced_in, 12, 20), person)
    with pytest.raises(DomainError) as refused:
        _record(world, "cstd-co-so", 2021, D(2021, 12, 20), person)
    assert refused.value.message == (
        "Trần Thị Bình chưa đủ điều kiện Chiến sĩ thi đua cơ sở: chưa đạt Lao động tiên tiến năm "
        f"2021 ({_title('cstd-co-so').citation})."
    )
    assert not _stored("cstd-co-so").exists()


def test_grassroots_fighter_is_accepted_with_lao_dong_tien_tien_and_an_initiative(world, person):
    person_year(person, 2021, has_initiative=True)
    _record(world, "lao-dong-tien-tien", 2021, D(2021, 12, 20), person)
    decision, warnings = _record(world, "cstd-co-so", 2021, D(2021, 12, 20), person)
    assert warnings == []
    assert _stored("cstd-co-so").get() == decision
    assert AuditEntry.objects.filter(action="unit_head_decision_record").count() == 2


def test_lao_dong_tien_tien_entered_as_a_prior_title_counts_too(world, person):
    person_year(person, 2021, "lao-dong-tien-tien", research_accepted=True)
    decision, warnings = _record(world, "cstd-co-so", 2021, D(2021, 12, 20), person)
    assert (decision.pk is not None, warnings) == (True, [])


@pytest.mark.parametrize(
    ("dated", "regime", "accepted"),
    [(D(2023, 12, 31), OLD, False), (D(2024, 1, 1), NEW, True)],
)
def test_an_excellent_rating_alone_suffices_only_under_law_2022(
    world, person, dated, regime, accepted
):
    person_year(person, 2023, "lao-dong-tien-tien", task_rating=PersonYear.Rating.EXCELLENT)
    if not accepted:
        with pytest.raises(DomainError, match="không có sáng kiến hay đề tài nghiên cứu"):
            _record(world, "cstd-co-so", 2023, dated, person)
        assert not _stored("cstd-co-so").exists()
        return
    _record(world, "cstd-co-so", 2023, dated, person)
    # Judged under, and stored as, the title of the regime in force on the decision's date.
    assert _stored("cstd-co-so").get().award_title.regime.code == regime


def test_under_law_2022_a_good_rating_without_an_initiative_is_refused(world, person):
    person_year(person, 2023, "lao-dong-tien-tien", task_rating=PersonYear.Rating.GOOD)
    with pytest.raises(DomainError, match="không hoàn thành xuất sắc nhiệm vụ"):
        _record(world, "cstd-co-so", 2023, D(2024, 1, 10), person)


def test_missing_records_warn_and_do_not_block(world, person):
    decision, warnings = _record(world, "cstd-co-so", 2021, D(2021, 12, 20), person)
    assert [(f.level, f.rule) for f in warnings] == [("warning", "cstd-co-so")]
    assert "Chưa có hồ sơ năm 2021 của Trần Thị Bình" in warnings[0].message
    assert _stored("cstd-co-so").get() == decision


def test_a_date_before_every_regime_warns_that_nothing_was_checked(world, person):
    decision, warnings = _record(world, "cstd-co-so", 2015, D(2015, 12, 20), person)
    assert decision.pk is not None
    assert warnings[0].message == (
        "Không có chế độ pháp lý nào có hiệu lực ngày 20/12/2015. Chưa kiểm tra điều kiện "
        "Chiến sĩ thi đua cơ sở."
    )


# Tập thể lao động tiên tiến ----------------------------------------------------------------------


def _figures(unit, year, advanced, staff=10):
    UnitYear.objects.create(
        unit=unit,
        year=year,
        task_rating="excellent",
        staff_count=staff,
        completed_count=staff,
        advanced_count=advanced,
        grassroots_fighter_count=0,
        disciplined_count=0,
    )


@pytest.mark.parametrize(
    ("year", "dated", "advanced", "refusal"),
    [
        # Law 2003: exactly 50 % is not "trên 50%"; 50 % + 1 person is.
        (2021, D(2021, 12, 20), 5, "50,0% chưa vượt (trên) mức 50%"),
        (2021, D(2021, 12, 20), 6, None),
        # Law 2022, from 01/01/2024: "ít nhất 70%".
        (2023, D(2024, 1, 10), 6, "60,0% thấp hơn mức 70%"),
        (2023, D(2024, 1, 10), 7, None),
    ],
)
def test_advanced_collective_share_per_regime(world, year, dated, advanced, refusal):
    unit = world.units[0]
    _figures(unit, year, advanced)
    if refusal is None:
        _record(world, "tt-lao-dong-tien-tien", year, dated, unit=unit)
        assert _stored("tt-lao-dong-tien-tien").count() == 1
        return
    with pytest.raises(DomainError, match=rf"tỷ lệ Lao động tiên tiến {re.escape(refusal)}"):
        _record(world, "tt-lao-dong-tien-tien", year, dated, unit=unit)
    assert not _stored("tt-lao-dong-tien-tien").exists()


@pytest.mark.parametrize(
    ("level", "accepted"),
    [(PersonYear.Discipline.REPRIMAND, True), (PersonYear.Discipline.WARNING, False)],
)
def test_advanced_collective_with_a_disciplined_member(world, person, level, accepted):
    _figures(person.unit, 2021, 6)
    person_year(person, 2021, discipline_level=level, discipline_start=D(2021, 3, 1))
    if accepted:
        _record(world, "tt-lao-dong-tien-tien", 2021, D(2021, 12, 20), unit=person.unit)
        assert _stored("tt-lao-dong-tien-tien").count() == 1
        return
    with pytest.raises(DomainError, match="có 1 thành viên bị kỷ luật từ cảnh cáo trở lên"):
        _record(world, "tt-lao-dong-tien-tien", 2021, D(2021, 12, 20), unit=person.unit)


def test_advanced_collective_without_figures_warns(world):
    decision, warnings = _record(
        world, "tt-lao-dong-tien-tien", 2021, D(2021, 12, 20), unit=world.units[0]
    )
    assert decision.pk is not None
    assert [f.rule for f in warnings] == ["tt-lao-dong-tien-tien"]


# Discipline and pending matters ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "accepted"),
    [(D(2020, 12, 31), True), (D(2021, 1, 1), False)],
)
def test_a_discipline_overlapping_the_year_refuses_lao_dong_tien_tien(world, person, end, accepted):
    person_year(
        person,
        2020,
        discipline_level=PersonYear.Discipline.WARNING,
        discipline_start=D(2020, 6, 1),
        discipline_end=end,
    )
    if accepted:
        _record(world, "lao-dong-tien-tien", 2021, D(2021, 12, 20), person)
        assert _stored("lao-dong-tien-tien").count() == 1
        return
    with pytest.raises(DomainError, match="thành tích chỉ được tính từ khi hết thời hạn kỷ luật"):
        _record(world, "lao-dong-tien-tien", 2021, D(2021, 12, 20), person)


@pytest.mark.parametrize(
    ("start", "accepted"),
    [(D(2022, 1, 11), True), (D(2022, 1, 10), False)],
)
def test_a_discipline_in_force_on_the_decisions_date_refuses_it(world, person, start, accepted):
    person_year(
        person, 2022, discipline_level=PersonYear.Discipline.WARNING, discipline_start=start
    )
    if accepted:
        _record(world, "lao-dong-tien-tien", 2021, D(2022, 1, 10), person)
        return
    with pytest.raises(DomainError, match=r"đang trong thời hạn kỷ luật .* vào ngày 10/01/2022"):
        _record(world, "lao-dong-tien-tien", 2021, D(2022, 1, 10), person)


def test_a_unit_under_inspection_is_refused(world):
    UnitYear.objects.create(unit=world.units[0], year=2021, pending_review=True)
    with pytest.raises(DomainError, match="đang bị điều tra, thanh tra"):
        _record(world, "giay-khen-tap-the", 2021, D(2021, 12, 20), unit=world.units[0])


# The stage -------------------------------------------------------------------------------------


def test_only_the_titles_criteria_and_pending_matters_run_on_a_head_decision():
    on_stage = {rule.code for rule in rules.REGISTRY if rules.HEAD_DECISION in rule.stages}
    assert on_stage == {"cstd-co-so", "tt-lao-dong-tien-tien", "no-pending-matter"}


def test_the_rules_page_names_the_new_stage(client_as):
    html = client_as("staff").get(reverse("awards:rules")).content.decode()
    row = html.split("<code>cstd-co-so</code>")[1].split("</tr>")[0]
    assert "<td>Khi gửi, khi đồng ý, khi ghi quyết định của thủ trưởng đơn vị</td>" in row
    row = html.split("<code>deciding-level</code>")[1].split("</tr>")[0]
    assert "<td>Khi gửi</td>" in row
    row = html.split("<code>no-pending-matter</code>")[1].split("</tr>")[0]
    assert (
        "<td>Khi gửi, khi đồng ý, khi ghi quyết định, khi ghi quyết định của thủ trưởng đơn "
        "vị</td>" in row
    )


# The form --------------------------------------------------------------------------------------


def _post(client, person, code="cstd-co-so"):
    return client.post(
        reverse("awards:head_decision_create", args=[person.unit_id]),
        {
            "year": 2021,
            "person": person.pk,
            "award_title": _title(code).pk,
            "number": "15/QĐ-T",
            "dated": "2021-12-20",
        },
    )


def test_the_form_shows_the_refusal_and_keeps_what_was_typed(client_as, world, person):
    person_year(person, 2021, has_initiative=True)
    response = _post(client_as("secretary"), person)
    assert response.status_code == 200
    assert form_errors(response) == [
        "Trần Thị Bình chưa đủ điều kiện Chiến sĩ thi đua cơ sở: chưa đạt Lao động tiên tiến năm "
        f"2021 ({_title('cstd-co-so').citation})."
    ]
    assert (input_value(response, "number"), input_value(response, "dated")) == (
        "15/QĐ-T",
        "2021-12-20",
    )
    assert not UnitHeadDecision.objects.exists()


def test_the_form_records_and_shows_the_warnings(client_as, world, person):
    client = client_as("secretary")
    response = _post(client, person)
    assert response.status_code == 302
    page = client.get(response.url)
    assert messages(page)[0].startswith(
        "Chưa có hồ sơ năm 2021 của Trần Thị Bình: chưa thể kiểm tra điều kiện Chiến sĩ thi đua "
        "cơ sở"
    )
    assert UnitHeadDecision.objects.get().number == "15/QĐ-T"
