"""docs/domain.md §4 at its boundaries, per legal regime, always through the rules engine
(``rules.check_proposal``): the threshold, just below and just above."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from awards import rules
from awards.models import Award, Decision, Nomination, Proposal
from awards.rules.money import allocate, reward_amount
from emulation.models import AwardTitle, BaseSalary, LegalRegime
from tests.awards.conftest import close_vote, person_year
from tests.factories import ClusterFactory, UnitFactory, cluster_year_with_units
from units.models import Person, PersonYear, UnitYear

D = datetime.date
REGIME_2003, REGIME_98, REGIME_152 = (
    "luat-2003-nd-91-2017",
    "luat-2022-nd-98-2023",
    "luat-2022-nd-152-2025",
)
YEAR_OF = {REGIME_2003: 2021, REGIME_98: 2024, REGIME_152: 2025}


def _proposal(world, year=2021, dated=None):
    cluster_year = (
        world.cluster_year
        if year == 2021
        else cluster_year_with_units(world.cluster, year, world.units)
    )
    return Proposal.objects.create(cluster_year=cluster_year, dated=dated)


def _line(proposal, code, unit, person=None, **fields):
    return Nomination.objects.create(
        proposal=proposal,
        unit=unit,
        person=person,
        award_title=AwardTitle.objects.get(
            regime=proposal.cluster_year.emulation_year.regime, code=code
        ),
        achievements="Thành tích",
        **fields,
    )


def verdict(nomination, rule, *, stage=rules.SUBMISSION, on=None):
    """The findings of one rule for one line, as the engine returns them."""
    proposal = Proposal.objects.get(pk=nomination.proposal_id)
    findings = rules.check_proposal(proposal, stage=stage, on=on)[nomination.pk]
    return [(f.level, f.message) for f in findings if f.rule == rule]


def errors(nomination, rule, **kwargs):
    return [message for level, message in verdict(nomination, rule, **kwargs) if level == "error"]


@pytest.fixture
def person(world):
    return Person.objects.create(
        unit=world.units[0], full_name="Trần Thị Bình", position="Giảng viên", gender="female"
    )


def test_each_year_picks_its_regime(world):
    for code, year in YEAR_OF.items():
        assert _proposal(world, year).cluster_year.emulation_year.regime.code == code


# Discipline, investigation, inspection, complaint: on every date of the procedure ----------


def _warning_from(person, start, end=None, year=2025):
    person_year(
        person,
        year,
        discipline_level=PersonYear.Discipline.WARNING,
        discipline_start=start,
        discipline_end=end,
    )


@pytest.mark.parametrize(
    ("on", "blocked"),
    [(D(2025, 1, 4), False), (D(2025, 1, 5), True), (D(2025, 2, 10), True)],
)
def test_a_warning_after_the_year_blocks_from_its_first_day(world, person, on, blocked):
    """Cảnh cáo from 05/01/2025: a 2024 line made on 03/01/2025 is reviewed on ``on``."""
    person_year(person, 2024, task_rating="excellent", has_initiative=True)
    _warning_from(person, D(2025, 1, 5), D(2026, 1, 5))
    proposal = _proposal(world, 2024, dated=D(2025, 1, 3))
    line = _line(proposal, "cstd-co-so", world.units[0], person)
    found = errors(line, "no-pending-matter", stage=rules.APPROVAL, on=on)
    assert bool(found) == blocked
    if blocked:
        assert "đang trong thời hạn kỷ luật (Cảnh cáo, từ 05/01/2025)" in found[0]


def test_the_proposals_own_date_is_checked_too(world, person):
    """Made during a discipline that ended before the review: still blocked."""
    _warning_from(person, D(2025, 1, 2), D(2025, 1, 20))
    proposal = _proposal(world, 2024, dated=D(2025, 1, 10))
    line = _line(proposal, "cstd-co-so", world.units[0], person)
    assert "ngày 10/01/2025" in errors(line, "no-pending-matter", on=D(2025, 3, 1))[0]
    proposal.dated = D(2025, 1, 21)
    proposal.save()
    assert errors(line, "no-pending-matter", on=D(2025, 3, 1)) == []


def test_a_discipline_starting_before_the_decision_blocks_the_decision(world, person):
    _warning_from(person, D(2025, 3, 1), D(2026, 3, 1))
    line = _line(_proposal(world, 2024, dated=D(2025, 1, 10)), "cstd-co-so", world.units[0], person)
    assert errors(line, "no-pending-matter", stage=rules.DECISION, on=D(2025, 2, 28)) == []
    assert errors(line, "no-pending-matter", stage=rules.DECISION, on=D(2025, 3, 1))


@pytest.mark.parametrize(
    ("on", "in_force"), [(D(2025, 2, 28), True), (D(2025, 3, 1), True), (D(2025, 3, 2), False)]
)
def test_a_discipline_is_in_force_up_to_its_last_day(world, person, on, in_force):
    _warning_from(person, D(2025, 2, 1), D(2025, 3, 1))
    line = _line(_proposal(world, 2024, dated=D(2025, 1, 10)), "cstd-co-so", world.units[0], person)
    found = errors(line, "no-pending-matter", on=on)
    assert found == (
        [
            "Trần Thị Bình đang trong thời hạn kỷ luật (Cảnh cáo, từ 01/02/2025) vào ngày "
            f"{on:%d/%m/%Y}, ngày lập, xét hoặc quyết định khen thưởng: không đề nghị khen "
            "thưởng (Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP)."
        ]
        if in_force
        else []
    )


@pytest.mark.parametrize(
    ("start", "blocked"), [(D(2024, 12, 30), True), (D(2024, 12, 31), True), (D(2025, 1, 1), False)]
)
def test_a_discipline_from_the_last_day_of_the_year_touches_its_achievements(
    world, person, start, blocked
):
    _warning_from(person, start, D(2025, 1, 5))
    line = _line(_proposal(world, 2024, dated=D(2025, 1, 10)), "cstd-co-so", world.units[0], person)
    found = errors(line, "no-pending-matter", on=D(2025, 2, 1))
    assert bool(found) == blocked
    if blocked:
        assert "thành tích chỉ được tính từ khi hết thời hạn kỷ luật" in found[0]


@pytest.mark.parametrize(
    ("code", "end", "blocked"),
    [
        ("cstd-co-so", D(2023, 12, 31), False),
        ("cstd-co-so", D(2024, 1, 1), True),
        ("cstd-bo", D(2021, 12, 31), False),
        ("cstd-bo", D(2022, 1, 1), True),
        ("bang-khen-bo-ca-nhan", D(2022, 12, 31), False),
        ("bang-khen-bo-ca-nhan", D(2023, 1, 1), True),
    ],
)
def test_achievements_count_from_the_end_of_a_discipline(world, person, code, end, blocked):
    person_year(
        person,
        end.year,
        discipline_level=PersonYear.Discipline.REPRIMAND,
        discipline_start=D(end.year - 1, 6, 1),
        discipline_end=end,
    )
    line = _line(_proposal(world, 2024, dated=D(2025, 1, 10)), code, world.units[0], person)
    found = errors(line, "no-pending-matter", on=D(2025, 2, 1))
    assert bool(found) == blocked
    if blocked:
        assert "thành tích chỉ được tính từ khi hết thời hạn kỷ luật" in found[0]


@pytest.mark.parametrize(("record_year", "blocked"), [(2023, False), (2024, True), (2025, True)])
def test_a_pending_investigation_recorded_after_the_year_blocks(
    world, person, record_year, blocked
):
    person_year(person, record_year, pending_review=True)
    line = _line(_proposal(world, 2024), "cstd-co-so", world.units[0], person)
    assert bool(errors(line, "no-pending-matter")) == blocked


@pytest.mark.parametrize(("record_year", "blocked"), [(2023, False), (2025, True)])
def test_a_unit_under_inspection_after_the_year_is_blocked(world, record_year, blocked):
    UnitYear.objects.create(unit=world.units[0], year=record_year, pending_review=True)
    line = _line(_proposal(world, 2024), "tt-lao-dong-xuat-sac", world.units[0])
    assert bool(errors(line, "no-pending-matter")) == blocked


# Tập thể lao động tiên tiến / xuất sắc: shares per regime, cảnh cáo and khiển trách ----------


def _figures(unit, year, staff=100, advanced=70, **fields):
    defaults = {
        "task_rating": "excellent",
        "staff_count": staff,
        "completed_count": staff,
        "advanced_count": advanced,
        "grassroots_fighter_count": 1,
        "disciplined_count": 0,
    }
    UnitYear.objects.update_or_create(unit=unit, year=year, defaults={**defaults, **fields})


@pytest.mark.parametrize(
    ("regime", "advanced", "passes"),
    [
        (REGIME_2003, 49, False),
        (REGIME_2003, 50, False),  # "trên 50%": exactly 50.0 % fails
        (REGIME_2003, 51, True),
        (REGIME_98, 69, False),
        (REGIME_98, 70, True),  # "ít nhất 70%"
        (REGIME_98, 71, True),
        (REGIME_152, 69, False),
        (REGIME_152, 70, True),
        (REGIME_152, 71, True),
    ],
)
def test_advanced_collective_share_per_regime(world, regime, advanced, passes):
    year = YEAR_OF[regime]
    _figures(world.units[0], year, advanced=advanced)
    line = _line(_proposal(world, year), "tt-lao-dong-tien-tien", world.units[0])
    found = errors(line, "tt-lao-dong-tien-tien")
    assert (found == []) == passes
    if not passes and regime == REGIME_2003:
        assert f"tỷ lệ Lao động tiên tiến {advanced},0% chưa vượt (trên) mức 50%" in found[0]


def test_exactly_half_of_ten_fails_under_law_2003(world):
    _figures(world.units[0], 2021, staff=10, advanced=5)
    line = _line(_proposal(world), "tt-lao-dong-tien-tien", world.units[0])
    assert "50,0% chưa vượt (trên) mức 50%" in errors(line, "tt-lao-dong-tien-tien")[0]


@pytest.mark.parametrize(
    ("regime", "advanced", "passes"),
    [
        (REGIME_2003, 69, False),
        (REGIME_2003, 70, True),
        (REGIME_2003, 71, True),
        (REGIME_152, 69, False),
        (REGIME_152, 70, True),
    ],
)
def test_excellent_collective_needs_seventy_percent_in_every_regime(
    world, regime, advanced, passes
):
    year = YEAR_OF[regime]
    _figures(world.units[0], year, advanced=advanced)
    line = _line(_proposal(world, year), "tt-lao-dong-xuat-sac", world.units[0])
    assert (errors(line, "tt-lao-dong-xuat-sac") == []) == passes


@pytest.mark.parametrize(
    ("level", "passes"),
    [
        (PersonYear.Discipline.REPRIMAND, True),
        (PersonYear.Discipline.WARNING, False),
        (PersonYear.Discipline.DEMOTION, False),
    ],
)
def test_warning_and_above_bar_an_advanced_collective_a_reprimand_does_not(
    world, person, level, passes
):
    _figures(world.units[0], 2021, advanced=60)
    person_year(person, 2021, discipline_level=level, discipline_start=D(2021, 2, 1))
    line = _line(_proposal(world), "tt-lao-dong-tien-tien", world.units[0])
    found = errors(line, "tt-lao-dong-tien-tien")
    assert (found == []) == passes
    if not passes:
        assert "1 thành viên bị kỷ luật từ cảnh cáo trở lên" in found[0]


# Chiến sĩ thi đua cơ sở: Law 2003 needs an initiative or research ---------------------------


@pytest.mark.parametrize(
    ("regime", "fields", "passes"),
    [
        (REGIME_2003, {"task_rating": "excellent"}, False),
        (REGIME_2003, {"task_rating": "good", "has_initiative": True}, True),
        (REGIME_2003, {"task_rating": "good", "research_accepted": True}, True),
        (REGIME_98, {"task_rating": "excellent"}, True),
        (REGIME_98, {"task_rating": "good"}, False),
        (REGIME_152, {"task_rating": "excellent"}, True),
    ],
)
def test_grassroots_fighter_criteria_per_regime(world, person, regime, fields, passes):
    year = YEAR_OF[regime]
    person_year(person, year, "lao-dong-tien-tien", **fields)
    line = _line(_proposal(world, year), "cstd-co-so", world.units[0], person)
    assert (errors(line, "cstd-co-so") == []) == passes


def test_grassroots_fighter_needs_the_advanced_worker_title(world, person):
    person_year(person, 2021, task_rating="excellent", has_initiative=True)
    line = _line(_proposal(world), "cstd-co-so", world.units[0], person)
    assert "chưa đạt Lao động tiên tiến năm 2021" in errors(line, "cstd-co-so")[0]


# Chiến sĩ thi đua toàn quốc: two consecutive terms and a nationwide initiative --------------


@pytest.mark.parametrize(
    ("years", "passes"),
    [
        ((2018, 2021), True),  # the second term ends in the year reviewed
        ((2017, 2020), True),  # … or the year before
        ((2016, 2019), False),  # too long ago
        ((2019, 2021), False),  # two years apart: overlapping terms
        ((2017, 2021), False),  # four years apart: not consecutive
        ((2021,), False),
    ],
)
def test_national_fighter_needs_two_consecutive_ministry_terms(world, person, years, passes):
    for year in years:
        person_year(person, year, "cstd-bo")
    person_year(person, 2021, *(["cstd-bo"] if 2021 in years else []), initiative_nationwide=True)
    line = _line(_proposal(world), "cstd-toan-quoc", world.units[0], person)
    assert (errors(line, "cstd-toan-quoc") == []) == passes


def test_national_fighter_counts_the_second_term_proposed_alongside(world, person):
    person_year(person, 2018, "cstd-bo")
    person_year(person, 2021, initiative_nationwide=True)
    proposal = _proposal(world)
    _line(proposal, "cstd-bo", world.units[0], person)
    line = _line(proposal, "cstd-toan-quoc", world.units[0], person)
    assert errors(line, "cstd-toan-quoc") == []


def test_national_fighter_needs_the_nationwide_initiative(world, person):
    person_year(person, 2018, "cstd-bo")
    person_year(person, 2021, "cstd-bo", initiative_ministry_wide=True)
    line = _line(_proposal(world), "cstd-toan-quoc", world.units[0], person)
    assert "sáng kiến có phạm vi ảnh hưởng toàn quốc" in errors(line, "cstd-toan-quoc")[0]


def test_the_2019_and_2024_case_is_refused(world, person):
    person_year(person, 2019, "cstd-bo")
    person_year(person, 2024, "cstd-bo", initiative_nationwide=True)
    line = _line(_proposal(world, 2024), "cstd-toan-quoc", world.units[0], person)
    assert "chưa đủ 2 lần liên tục" in errors(line, "cstd-toan-quoc")[0]


# One achievement, one form -----------------------------------------------------------------


def test_flag_and_excellent_collective_stack_but_a_certificate_does_not(world):
    proposal = _proposal(world)
    flag = _line(proposal, "co-thi-dua-bo", world.units[0])
    excellent = _line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    certificate = _line(proposal, "bang-khen-bo-tap-the", world.units[0])
    assert errors(excellent, "one-achievement-once") == []
    for line in (flag, certificate):
        found = errors(line, "one-achievement-once")
        assert "không khen thưởng nhiều hình thức cho một thành tích" in found[0]
        assert "Điều 6 Luật Thi đua, khen thưởng năm 2003" in found[0]


def test_two_forms_for_one_achievement_are_refused(world, person):
    proposal = _proposal(world, 2024)
    _line(proposal, "giay-khen-ca-nhan", world.units[0], person)
    line = _line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person)
    found = errors(line, "one-achievement-once")
    assert "Giấy khen (cá nhân)" in found[0]
    assert "khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15" in found[0]


def test_a_form_proposed_elsewhere_for_the_persons_unit_is_not_the_persons(world, person):
    elsewhere = Proposal.objects.create(
        cluster_year=cluster_year_with_units(world.other_cluster, 2024, []),
        state=Proposal.State.SUBMITTED,
    )
    _line(elsewhere, "bang-khen-bo-tap-the", world.units[0])
    proposal = _proposal(world, 2024)
    _line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    line = _line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person)
    assert errors(line, "one-achievement-once") == []


def test_titles_of_one_person_stack(world, person):
    proposal = _proposal(world)
    _line(proposal, "lao-dong-tien-tien", world.units[0], person)
    line = _line(proposal, "cstd-co-so", world.units[0], person)
    assert errors(line, "one-achievement-once") == []


# Cờ thi đua của Chính phủ: cap and deadline as data per regime -------------------------------


def _government_case(world, standard, proposed, year=2021):
    proposal = _proposal(world, year)
    units = list(world.units) + [
        UnitFactory(ministry=world.ministry) for _ in range(max(standard, proposed) - 3)
    ]
    for unit in units[:standard]:
        _line(proposal, "co-thi-dua-bo", unit)
    close_vote(proposal.cluster_year, "co-thi-dua-bo", units[:proposed])
    return [_line(proposal, "co-thi-dua-chinh-phu", unit) for unit in units[:proposed]]


@pytest.mark.parametrize(
    ("standard", "proposed", "passes"),
    [(5, 1, True), (6, 1, True), (4, 1, False), (10, 2, True), (10, 3, False)],
)
def test_government_flag_cap_of_twenty_percent_under_law_2003(world, standard, proposed, passes):
    line = _government_case(world, standard, proposed)[0]
    found = [
        message
        for level, message in verdict(line, "co-thi-dua-chinh-phu")
        if level == "warning" and "vượt 20%" in message
    ]
    assert (found == []) == passes


def test_government_flag_cap_not_configured_warns_under_law_2022(world):
    line = _government_case(world, 5, 1, year=2025)[0]
    assert any(
        level == "warning" and "chưa cấu hình tỷ lệ tối đa" in message
        for level, message in verdict(line, "co-thi-dua-chinh-phu")
    )


@pytest.mark.parametrize(
    ("on", "late"), [(D(2022, 6, 29), False), (D(2022, 6, 30), False), (D(2022, 7, 1), True)]
)
def test_government_flag_dossier_due_on_30_june(world, on, late):
    line = _government_case(world, 5, 1)[0]
    findings = verdict(line, "co-thi-dua-chinh-phu", on=on)
    late_found = [level for level, m in findings if "quá hạn gửi hồ sơ" in m and "30/06/2022" in m]
    assert late_found == (["warning"] if late else [])


def test_the_deadline_is_data_of_the_regime(world):
    LegalRegime.objects.filter(code=REGIME_2003).update(government_flag_due="")
    line = _government_case(world, 5, 1)[0]
    messages = [m for _, m in verdict(line, "co-thi-dua-chinh-phu", on=D(2026, 1, 1))]
    assert not any("quá hạn" in m for m in messages)


def _elsewhere(world, *, year=2021, ministry=None, state=Proposal.State.SUBMITTED):
    """Another proposal: of the other cluster of the ministry, or of another ministry."""
    cluster = world.other_cluster if ministry is None else ClusterFactory(ministry=ministry)
    cluster_year = cluster_year_with_units(cluster, year, [])
    return Proposal.objects.create(cluster_year=cluster_year, state=state)


def _flag_held(world, unit, *, year=2021, ministry=None, person=None, code="co-thi-dua-bo"):
    """A ministry flag awarded to ``unit`` (or to ``person``) by a decision."""
    proposal = _elsewhere(world, year=year, ministry=ministry, state=Proposal.State.DECIDED)
    nomination = _line(proposal, code, unit, person)
    decision = Decision.objects.create(
        proposal=proposal,
        number=f"{Decision.objects.count() + 1}/QĐ",
        dated=D(year + 1, 1, 15),
        ministry=proposal.cluster_year.cluster.ministry,
        year=year + 1,
        signer_name="A",
    )
    Award.objects.create(
        decision=decision,
        nomination=nomination,
        unit=unit,
        person=person,
        award_title=nomination.award_title,
        year=year,
    )


def _one_more_holder(world, case, extra, present):
    """One more collective of the ministry-flag standard (``extra``), or what is not one."""
    person = Person.objects.create(unit=extra, full_name="Lê Văn An", position="Trưởng phòng")
    if case == "awarded":
        _flag_held(world, extra)
    elif case == "awarded to a unit already counted":
        _flag_held(world, present)
    elif case == "awarded in another year":
        _flag_held(world, extra, year=2020)
    elif case == "awarded by another ministry":
        _flag_held(world, extra, ministry=world.other_ministry)
    elif case == "awarded to a person":
        _flag_held(world, extra, person=person)
    elif case == "another title awarded":
        _flag_held(world, extra, code="bang-khen-bo-tap-the")
    elif case == "sent":
        _line(_elsewhere(world), "co-thi-dua-bo", extra)
    elif case == "sent in another year":
        _line(_elsewhere(world, year=2020), "co-thi-dua-bo", extra)
    elif case == "sent by another ministry":
        _line(_elsewhere(world, ministry=world.other_ministry), "co-thi-dua-bo", extra)
    elif case == "sent for a person":
        _line(_elsewhere(world), "co-thi-dua-bo", extra, person)
    elif case == "another title sent":
        _line(_elsewhere(world), "bang-khen-bo-tap-the", extra)
    elif case == "in a draft":
        _line(_elsewhere(world, state=Proposal.State.DRAFT), "co-thi-dua-bo", extra)
    elif case == "nominated by the cluster's vote":
        close_vote(world.cluster_year, "co-thi-dua-bo", [present, extra])
    elif case == "voted for but not nominated":
        close_vote(world.cluster_year, "co-thi-dua-bo", [present], [extra])
    elif case == "rejected":
        line = _line(_elsewhere(world), "co-thi-dua-bo", extra)
        line.outcome = Nomination.Outcome.REJECTED
        line.save()


@pytest.mark.parametrize(
    ("case", "counted"),
    [
        ("awarded", True),
        ("awarded to a unit already counted", False),
        ("awarded in another year", False),
        ("awarded by another ministry", False),
        ("awarded to a person", False),
        ("another title awarded", False),
        ("sent", True),
        ("sent in another year", False),
        ("sent by another ministry", False),
        ("sent for a person", False),
        ("another title sent", False),
        ("in a draft", False),
        ("rejected", False),
        ("nominated by the cluster's vote", True),
        ("voted for but not nominated", False),
    ],
)
def test_the_government_flag_cap_counts_the_ministrys_flags_of_the_year(world, case, counted):
    """Four ministry flags in this proposal: one Government flag is 25 % of them, over the
    20 % cap; a fifth flag held or proposed elsewhere in the ministry brings it to 20 %."""
    line = _government_case(world, 4, 1)[0]
    _line(line.proposal, "bang-khen-bo-tap-the", world.units[1])
    _one_more_holder(world, case, UnitFactory(ministry=world.ministry), world.units[0])
    found = [
        message
        for level, message in verdict(line, "co-thi-dua-chinh-phu")
        if level == "warning" and "vượt 20%" in message
    ]
    assert (found == []) == counted


# Money: multipliers per regime, base salary periods, rounding, the highest title ------------


def _title(code, regime):
    return AwardTitle.objects.get(code=code, regime__code=regime)


@pytest.mark.parametrize(
    ("on", "salary"),
    [
        (D(2017, 6, 30), None),
        (D(2017, 7, 1), 1300000),
        (D(2018, 6, 30), 1300000),
        (D(2018, 7, 1), 1390000),
        (D(2019, 6, 30), 1390000),
        (D(2019, 7, 1), 1490000),
        (D(2023, 6, 30), 1490000),
        (D(2023, 7, 1), 1800000),
        (D(2024, 6, 30), 1800000),
        (D(2024, 7, 1), 2340000),
    ],
)
@pytest.mark.parametrize("preloaded", [False, True])  # one line, or a decision's lines at once
def test_base_salary_periods_from_2017(catalogue, on, salary, preloaded):
    salaries = list(BaseSalary.objects.all()) if preloaded else None
    amount, note = reward_amount(
        award_title=_title("cstd-co-so", REGIME_2003), on_date=on, salaries=salaries
    )
    assert amount == (Decimal(salary) if salary else None)
    if not salary:
        assert note == f"Chưa có mức lương cơ sở áp dụng ngày {on:%d/%m/%Y}: chưa tính tiền thưởng."


@pytest.mark.parametrize(
    ("code", "regime", "on", "expected"),
    [
        ("bang-khen-bo-ca-nhan", REGIME_2003, D(2019, 7, 1), 1490000),  # 1.0
        ("bang-khen-bo-tap-the", REGIME_2003, D(2019, 7, 1), 2980000),  # 2.0
        ("bang-khen-ttg-ca-nhan", REGIME_2003, D(2019, 7, 1), 5220000),  # 3.5 → 5,215,000 up
        ("giay-khen-ca-nhan", REGIME_2003, D(2018, 7, 1), 420000),  # 0.3 → 417,000 up
        ("giay-khen-tap-the", REGIME_2003, D(2017, 7, 1), 780000),  # 0.6 × 1,300,000 exact
        ("bang-khen-bo-ca-nhan", REGIME_152, D(2025, 8, 1), 3510000),  # 1.5 × 2,340,000
        ("bang-khen-bo-tap-the", REGIME_152, D(2025, 8, 1), 7020000),  # 3.0
        ("bang-khen-ttg-tap-the", REGIME_152, D(2025, 8, 1), 16380000),  # 7.0
        ("giay-khen-ca-nhan", REGIME_152, D(2025, 8, 1), 710000),  # 0.3 → 702,000 up
        ("co-thi-dua-chinh-phu", REGIME_98, D(2024, 7, 1), 28080000),  # 12.0
    ],
)
def test_multipliers_differ_by_regime(catalogue, code, regime, on, expected):
    amount, note = reward_amount(award_title=_title(code, regime), on_date=on)
    assert amount == Decimal(expected)
    assert _title(code, regime).reward_citation in note


def test_an_unconfirmed_multiplier_says_so(catalogue):
    _, note = reward_amount(
        award_title=_title("bang-khen-bo-ca-nhan", REGIME_98), on_date=D(2024, 8, 1)
    )
    assert note.endswith("hệ số chưa đối chiếu văn bản, cần kiểm tra")


@pytest.mark.parametrize(
    ("multiplier", "expected"),
    # 702,000 up; 699,894 up to exactly 700,000; 700,128 up; an exact multiple stays
    [("0.3", 710000), ("0.2991", 700000), ("0.2992", 710000), ("1", 2340000)],
)
def test_rounding_up_to_ten_thousand_at_its_edge(catalogue, multiplier, expected):
    title = _title("lao-dong-tien-tien", REGIME_98)
    title.reward_multiplier = Decimal(multiplier)
    amount, _ = reward_amount(award_title=title, on_date=D(2024, 7, 1))
    assert amount == Decimal(expected)


def test_several_titles_at_once_pay_the_highest_only(world, person):
    proposal = _proposal(world, 2025)
    flag = _line(proposal, "co-thi-dua-bo", world.units[0])
    excellent = _line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    certificate = _line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person)
    advanced = _line(proposal, "lao-dong-tien-tien", world.units[0], person)
    fighter = _line(proposal, "cstd-co-so", world.units[0], person)
    other = _line(proposal, "tt-lao-dong-xuat-sac", world.units[1])
    money = allocate(
        [flag, excellent, certificate, advanced, fighter, other],
        on_date=D(2025, 8, 1),
        regime=proposal.cluster_year.emulation_year.regime,
    )
    assert money[flag.pk][0] == Decimal(18720000)
    assert money[excellent.pk][0] == 0
    assert "chỉ nhận tiền thưởng của danh hiệu cao nhất" in money[excellent.pk][1]
    assert "Cờ thi đua cấp Bộ" in money[excellent.pk][1]
    assert money[fighter.pk][0] == Decimal(2340000)
    assert money[advanced.pk][0] == 0
    assert money[certificate.pk][0] == Decimal(3510000)  # a form is paid on its own
    assert money[other.pk][0] == Decimal(3510000)


def _advanced_and_fighter(world, person, advanced=False, fighter=False):
    """A person proposed Lao động tiên tiến and CSTĐ cơ sở at once (2025), with these
    multipliers (``None``: left unset; omitted: the catalogue's): ``{code: (amount, note)}``."""
    for code, value in (("lao-dong-tien-tien", advanced), ("cstd-co-so", fighter)):
        if value is not False:
            AwardTitle.objects.filter(code=code, regime__code=REGIME_152).update(
                reward_multiplier=value
            )
    proposal = _proposal(world, 2025)
    lines = [
        _line(proposal, code, world.units[0], person)
        for code in ("lao-dong-tien-tien", "cstd-co-so")
    ]
    money = allocate(
        lines, on_date=D(2025, 8, 1), regime=proposal.cluster_year.emulation_year.regime
    )
    return {line.award_title.code: money[line.pk] for line in lines}


def test_the_highest_amount_is_paid_not_the_first_note(world, person):
    """6 and 10 × the base salary: "10 × …" sorts before "6 × …" as text."""
    money = _advanced_and_fighter(world, person, Decimal(6), Decimal(10))
    assert (money["cstd-co-so"][0], money["lao-dong-tien-tien"][0]) == (Decimal(23400000), 0)


def test_of_two_titles_paying_the_same_the_higher_title_is_paid(world, person):
    money = _advanced_and_fighter(world, person, Decimal(1), Decimal(1))
    assert (money["cstd-co-so"][0], money["lao-dong-tien-tien"][0]) == (Decimal(2340000), 0)
    assert "Cùng lúc được Chiến sĩ thi đua cơ sở" in money["lao-dong-tien-tien"][1]


def test_a_title_without_a_multiplier_leaves_the_other_title_paid(world, person):
    money = _advanced_and_fighter(world, person, False, None)
    assert money["lao-dong-tien-tien"][0] == Decimal(710000)  # 0,3 × 2.340.000 rounded up
    assert money["cstd-co-so"][0] is None
    assert money["cstd-co-so"][1].startswith("Chưa cấu hình hệ số tiền thưởng")


def test_the_national_administrator_corrects_an_unconfirmed_multiplier(world, client):
    certificate = _title("bang-khen-bo-ca-nhan", REGIME_98)
    assert not certificate.reward_confirmed
    data = {
        field: getattr(certificate, field)
        for field in ["code", "name_vi", "name_en", "kind", "subject", "level", "order"]
    }
    data |= {
        "regime": certificate.regime_id,
        "vote_threshold": "80",
        "reward_multiplier": "1.5",
        "reward_citation": "Điều 55 Nghị định số 98/2023/NĐ-CP",
        "reward_confirmed": "on",
        "prerequisites": certificate.prerequisites,
        "citation": certificate.citation,
    }
    client.force_login(
        get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "x")
    )
    response = client.post(f"/catalogue/{certificate.pk}/edit/", data)
    assert response.status_code == 302
    amount, note = reward_amount(
        award_title=_title("bang-khen-bo-ca-nhan", REGIME_98), on_date=D(2024, 8, 1)
    )
    assert amount == Decimal(3510000)
    assert "chưa đối chiếu" not in note


@pytest.mark.parametrize(
    "code",
    ["cstd-co-so", "cstd-bo", "cstd-toan-quoc", "bang-khen-bo-ca-nhan", "bang-khen-ttg-ca-nhan"],
)
def test_an_individual_title_needs_a_person(world, code):
    line = _line(_proposal(world), code, world.units[0])
    found = errors(line, code)
    assert len(found) == 1
    assert "chỉ xét cho cá nhân: hãy chọn cá nhân được đề nghị (Điều" in found[0]


@pytest.mark.parametrize(
    "code",
    ["tt-lao-dong-tien-tien", "tt-lao-dong-xuat-sac", "co-thi-dua-bo", "co-thi-dua-chinh-phu"],
)
def test_a_collective_title_needs_a_unit(world, person, code):
    line = _line(_proposal(world), code, world.units[0], person)
    assert errors(line, code) == [
        f"Trần Thị Bình – {line.award_title.name_vi}: danh hiệu này chỉ xét cho tập thể "
        f"({line.award_title.citation})."
    ]


def test_the_catalogue_and_the_import_sheet_name_the_discipline_level_the_rule_applies(catalogue):
    """A reprimand (khiển trách) does not bar Tập thể lao động tiên tiến, a warning does: the
    catalogue's text and the yearly-records sheet's column say the same as the rule."""
    from emulation.models import AwardTitle
    from units.sheets.yearly import UnitYearSheet

    texts = AwardTitle.objects.filter(code="tt-lao-dong-tien-tien").values_list(
        "prerequisites", flat=True
    )
    assert texts and all("từ cảnh cáo trở lên" in text for text in texts)
    header = next(c.header for c in UnitYearSheet.columns if c.key == "disciplined_count")
    assert str(header) == "Số bị kỷ luật từ cảnh cáo trở lên"
