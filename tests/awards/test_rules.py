"""One test per rule: it passes, it fails with a cited Vietnamese message, and it warns when
its data is not configured."""

import datetime

import pytest

from awards import rules
from awards.models import Award, Decision, Nomination, Proposal
from awards.rules import collective, general, individual
from emulation.models import MinistryAwardSetting
from tests.awards.conftest import close_vote, person_year, title
from units.models import UnitYear

CITATION_2003 = "Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2013"


@pytest.fixture
def proposal(world):
    return Proposal.objects.create(cluster_year=world.cluster_year)


def line(proposal, code, unit, person=None, **fields):
    return Nomination.objects.create(
        proposal=proposal,
        unit=unit,
        person=person,
        award_title=title(proposal.cluster_year, code),
        achievements="Thành tích",
        **fields,
    )


def run(check, nomination, stage=rules.SUBMISSION):
    """The rule's findings for the line; each names the rule that made it."""
    ctx = rules.rule_context(Proposal.objects.get(pk=nomination.proposal_id))
    target = next(candidate for candidate in ctx.lines if candidate.pk == nomination.pk)
    findings = check(target, ctx)
    code = next(r.code for r in rules.REGISTRY if r.check is check)
    assert {f.rule for f in findings} <= {code}
    return findings


def levels(findings):
    return [f.level for f in findings]


# Cờ thi đua cấp Bộ -------------------------------------------------------------------------


def test_ministry_flag_passes_for_the_voted_unit_within_quota(world, proposal):
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    assert run(collective.ministry_flag, line(proposal, "co-thi-dua-bo", world.units[0])) == []


def test_ministry_flag_fails_for_a_unit_the_cluster_did_not_nominate(world, proposal):
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    findings = run(collective.ministry_flag, line(proposal, "co-thi-dua-bo", world.units[1]))
    assert levels(findings) == ["error"]
    assert findings[0].message == (
        "Trường số 2 – Cờ thi đua cấp Bộ: đơn vị không được cụm suy tôn trong cuộc bỏ phiếu "
        "đã kết thúc năm 2021 (Điều 26 " + CITATION_2003 + "; Nghị định số 91/2017/NĐ-CP)."
    )


def test_ministry_flag_fails_for_a_second_flag_over_the_quota(world, proposal):
    close_vote(world.cluster_year, "co-thi-dua-bo", world.units[:2], world.units[2:])
    line(proposal, "co-thi-dua-bo", world.units[0])
    second = line(proposal, "co-thi-dua-bo", world.units[1])
    findings = run(collective.ministry_flag, second)
    assert levels(findings) == ["error"]
    assert "vượt số lượng Cờ thi đua cấp Bộ của cụm: tối đa 1 đơn vị" in findings[0].message
    assert "Điều 26" in findings[0].message


def test_ministry_flag_warns_when_the_quota_is_not_configured(world, proposal):
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    flag = title(world.cluster_year, "co-thi-dua-bo")
    flag.quota_per_cluster = None
    flag.save()
    findings = run(collective.ministry_flag, line(proposal, "co-thi-dua-bo", world.units[0]))
    assert levels(findings) == ["warning"]
    assert "chưa cấu hình số lượng Cờ thi đua cấp Bộ của cụm" in findings[0].message


def _flags(world, proposal, quota, *, setting=None, lines=3):
    """``lines`` ministry flags for the three voted units, the catalogue's quota ``quota``
    and, if given, the ministry's own quota ``setting`` (None: left empty)."""
    _set_quota(world, "co-thi-dua-bo", quota)
    if setting is not False:
        MinistryAwardSetting.objects.create(
            ministry=world.ministry, code="co-thi-dua-bo", quota_per_cluster=setting
        )
    close_vote(world.cluster_year, "co-thi-dua-bo", world.units)
    return [line(proposal, "co-thi-dua-bo", unit) for unit in world.units[:lines]]


def _over_quota(findings):
    return [f.message for f in findings if f.level == "error"]


OVER = (
    "{unit} – Cờ thi đua cấp Bộ: vượt số lượng Cờ thi đua cấp Bộ của cụm: tối đa {quota} "
    "đơn vị mỗi cụm mỗi năm, hồ sơ đề nghị {n} (Điều 26 " + CITATION_2003 + "; Nghị định "
    "số 91/2017/NĐ-CP)."
)


@pytest.mark.parametrize(("quota", "refused"), [(1, [1, 2]), (2, [2]), (3, [])])
def test_the_flags_over_the_quota_are_refused_and_those_within_it_are_not(
    world, proposal, quota, refused
):
    flags = _flags(world, proposal, quota, setting=False)
    found = [_over_quota(run(collective.ministry_flag, flag)) for flag in flags]
    assert found == [
        [OVER.format(unit=f"Trường số {i + 1}", quota=quota, n=3)] if i in refused else []
        for i in range(3)
    ]


def test_the_ministrys_own_quota_wins_over_the_catalogues(world, proposal):
    flags = _flags(world, proposal, 1, setting=2)
    assert [bool(_over_quota(run(collective.ministry_flag, f))) for f in flags] == [
        False,
        False,
        True,
    ]


def test_a_ministry_setting_without_a_quota_keeps_the_catalogues(world, proposal):
    flags = _flags(world, proposal, 2, setting=None)
    assert [bool(_over_quota(run(collective.ministry_flag, f))) for f in flags] == [
        False,
        False,
        True,
    ]


def test_the_quota_counts_only_the_collectives_proposed_for_that_flag(world, proposal, person):
    line(proposal, "bang-khen-bo-tap-the", world.units[1])  # listed before the flag
    line(proposal, "co-thi-dua-bo", world.units[0], person)
    flag = _flags(world, proposal, 1, setting=False, lines=1)[0]
    assert _over_quota(run(collective.ministry_flag, flag)) == []


# Cờ thi đua của Chính phủ ------------------------------------------------------------------


def _set_quota(world, code, quota):
    award = title(world.cluster_year, code)
    award.quota_per_cluster = quota
    award.save()


def test_government_flag_passes_for_a_cluster_leader_within_the_cap(world, proposal):
    _set_quota(world, "co-thi-dua-chinh-phu", 1)
    regime = world.cluster_year.emulation_year.regime
    regime.government_flag_cap, regime.government_flag_due = 100, ""
    regime.save()
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    assert (
        run(collective.government_flag, line(proposal, "co-thi-dua-chinh-phu", world.units[0]))
        == []
    )


def test_government_flag_fails_for_a_unit_that_is_not_a_leader(world, proposal):
    _set_quota(world, "co-thi-dua-chinh-phu", 1)
    regime = world.cluster_year.emulation_year.regime
    regime.government_flag_cap, regime.government_flag_due = 100, ""
    regime.save()
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    findings = run(
        collective.government_flag, line(proposal, "co-thi-dua-chinh-phu", world.units[1])
    )
    assert levels(findings) == ["error"]
    assert "không phải đơn vị dẫn đầu" in findings[0].message


def test_government_flag_warns_when_the_cap_is_not_configured(world, proposal):
    regime = world.cluster_year.emulation_year.regime
    regime.government_flag_cap, regime.government_flag_due = None, ""
    regime.save()
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    findings = run(
        collective.government_flag, line(proposal, "co-thi-dua-chinh-phu", world.units[0])
    )
    assert levels(findings) == ["warning"]
    assert "chưa cấu hình tỷ lệ tối đa Cờ thi đua của Chính phủ" in findings[0].message


# Tập thể lao động tiên tiến / xuất sắc ------------------------------------------------------


def _unit_year(unit, **fields):
    defaults = {
        "task_rating": "excellent",
        "staff_count": 10,
        "completed_count": 10,
        "advanced_count": 8,
        "grassroots_fighter_count": 1,
        "disciplined_count": 0,
    }
    return UnitYear.objects.create(unit=unit, year=2021, **{**defaults, **fields})


def test_advanced_collective_passes_with_enough_advanced_workers(world, proposal):
    _unit_year(world.units[0], advanced_count=6)  # 60% > 50% of the 2003 law
    nomination = line(proposal, "tt-lao-dong-tien-tien", world.units[0])
    assert run(collective.advanced_collective, nomination) == []


def test_advanced_collective_fails_below_the_share_or_with_discipline(world, proposal):
    _unit_year(world.units[0], advanced_count=4, disciplined_count=1)
    findings = run(
        collective.advanced_collective, line(proposal, "tt-lao-dong-tien-tien", world.units[0])
    )
    assert levels(findings) == ["error", "error"]
    assert "tỷ lệ Lao động tiên tiến 40,0% chưa vượt (trên) mức 50%" in findings[0].message
    assert "Điều 28" in findings[0].message
    assert "1 thành viên bị kỷ luật từ cảnh cáo trở lên" in findings[1].message


def test_advanced_collective_warns_without_the_units_figures(world, proposal):
    findings = run(
        collective.advanced_collective, line(proposal, "tt-lao-dong-tien-tien", world.units[0])
    )
    assert levels(findings) == ["warning"]
    assert "chưa nhập đủ số liệu năm 2021 của đơn vị" in findings[0].message


def test_advanced_collective_warns_when_the_regime_share_is_not_configured(world, proposal):
    regime = world.cluster_year.emulation_year.regime
    regime.collective_advanced_share = None
    regime.save()
    _unit_year(world.units[0])
    findings = run(
        collective.advanced_collective, line(proposal, "tt-lao-dong-tien-tien", world.units[0])
    )
    assert levels(findings) == ["warning"]
    assert "chưa cấu hình tỷ lệ Lao động tiên tiến tối thiểu" in findings[0].message


def test_excellent_collective_passes_when_every_condition_holds(world, proposal):
    _unit_year(world.units[0])
    nomination = line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    assert run(collective.excellent_collective, nomination) == []


def test_excellent_collective_fails_on_each_unmet_condition(world, proposal):
    _unit_year(world.units[0], task_rating="good", completed_count=9, grassroots_fighter_count=0)
    findings = run(
        collective.excellent_collective, line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    )
    assert levels(findings) == ["error", "error", "error"]
    assert "Điều 27" in findings[0].message


def test_excellent_collective_warns_without_the_units_figures(world, proposal):
    _unit_year(world.units[0], completed_count=None)
    findings = run(
        collective.excellent_collective, line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    )
    assert levels(findings) == ["warning"]


# Individual titles ---------------------------------------------------------------------------


def test_grassroots_fighter_passes_with_advanced_worker_and_an_initiative(world, proposal, person):
    person_year(person, 2021, "lao-dong-tien-tien", task_rating="good", has_initiative=True)
    nomination = line(proposal, "cstd-co-so", world.units[0], person)
    assert run(individual.grassroots_fighter, nomination) == []


def test_grassroots_fighter_fails_without_excellence_initiative_or_research(
    world, proposal, person
):
    person_year(person, 2021, "lao-dong-tien-tien", task_rating="good")
    findings = run(
        individual.grassroots_fighter, line(proposal, "cstd-co-so", world.units[0], person)
    )
    assert levels(findings) == ["error"]
    assert findings[0].message.startswith("Trần Thị Bình chưa đủ điều kiện Chiến sĩ thi đua cơ sở")
    assert "Điều 23" in findings[0].message


def test_grassroots_fighter_warns_without_the_persons_record(world, proposal, person):
    findings = run(
        individual.grassroots_fighter, line(proposal, "cstd-co-so", world.units[0], person)
    )
    assert levels(findings) == ["warning"]
    assert "Chưa có hồ sơ năm 2021 của Trần Thị Bình" in findings[0].message


def test_ministry_fighter_passes_after_three_grassroots_years_and_a_wide_initiative(
    world, proposal, person
):
    person_year(person, 2019, "cstd-co-so")
    person_year(person, 2020, "cstd-co-so")
    person_year(person, 2021, "cstd-co-so", initiative_ministry_wide=True)
    nomination = line(proposal, "cstd-bo", world.units[0], person)
    assert run(individual.ministry_fighter, nomination) == []


def test_ministry_fighter_fails_without_the_ministry_wide_initiative(world, proposal, person):
    for year in (2019, 2020, 2021):
        person_year(person, year, "cstd-co-so")
    findings = run(individual.ministry_fighter, line(proposal, "cstd-bo", world.units[0], person))
    assert levels(findings) == ["error"]
    assert "sáng kiến có phạm vi ảnh hưởng toàn ngành" in findings[0].message


def test_ministry_fighter_fails_with_a_gap_in_the_three_years(world, proposal, person):
    person_year(person, 2019, "cstd-co-so")
    person_year(person, 2020, "lao-dong-tien-tien")
    person_year(person, 2021, "cstd-co-so", initiative_ministry_wide=True)
    findings = run(individual.ministry_fighter, line(proposal, "cstd-bo", world.units[0], person))
    assert levels(findings) == ["error"]
    assert "chưa đủ 3 năm liên tục Chiến sĩ thi đua cơ sở" in findings[0].message


def test_ministry_fighter_warns_when_earlier_years_are_not_recorded(world, proposal, person):
    person_year(person, 2021, "cstd-co-so", initiative_ministry_wide=True)
    findings = run(individual.ministry_fighter, line(proposal, "cstd-bo", world.units[0], person))
    assert levels(findings) == ["warning"]
    assert "Chưa có hồ sơ năm 2019, 2020" in findings[0].message


def test_national_fighter_passes_after_two_ministry_fighter_titles(world, proposal, person):
    person_year(person, 2018, "cstd-bo")
    person_year(person, 2021, "cstd-bo", initiative_nationwide=True)
    nomination = line(proposal, "cstd-toan-quoc", world.units[0], person)
    assert run(individual.national_fighter, nomination) == []


def test_national_fighter_fails_with_one_ministry_fighter_title(world, proposal, person):
    person_year(person, 2021, "cstd-bo")
    findings = run(
        individual.national_fighter, line(proposal, "cstd-toan-quoc", world.units[0], person)
    )
    assert levels(findings) == ["error"]
    assert "Điều 21" in findings[0].message


def test_national_fighter_warns_without_any_record(world, proposal, person):
    findings = run(
        individual.national_fighter, line(proposal, "cstd-toan-quoc", world.units[0], person)
    )
    assert levels(findings) == ["warning"]


def test_minister_certificate_passes_after_two_grassroots_years(world, proposal, person):
    person_year(person, 2020, "cstd-co-so")
    person_year(person, 2021, "cstd-co-so")
    nomination = line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person)
    assert run(individual.minister_certificate, nomination) == []


def test_minister_certificate_fails_after_one_grassroots_year(world, proposal, person):
    person_year(person, 2020, "lao-dong-tien-tien")
    person_year(person, 2021, "cstd-co-so")
    findings = run(
        individual.minister_certificate,
        line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person),
    )
    assert levels(findings) == ["error"]
    assert "Điều 39" in findings[0].message


def test_minister_certificate_warns_without_last_years_record(world, proposal, person):
    person_year(person, 2021, "cstd-co-so")
    findings = run(
        individual.minister_certificate,
        line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person),
    )
    assert levels(findings) == ["warning"]


def test_minister_certificate_fails_on_a_year_recorded_without_any_title(world, proposal, person):
    person_year(person, 2020)  # a record of 2020: no title that year
    person_year(person, 2021, "cstd-co-so")
    findings = run(
        individual.minister_certificate,
        line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person),
    )
    assert levels(findings) == ["error"]


def test_minister_certificate_fails_on_a_year_known_from_an_award_alone(world, proposal, person):
    earlier = Proposal.objects.create(cluster_year=world.other_cluster_year)
    _grant(world, line(earlier, "lao-dong-tien-tien", world.units[0], person), year=2020)
    person_year(person, 2021, "cstd-co-so")
    findings = run(
        individual.minister_certificate,
        line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person),
    )
    assert levels(findings) == ["error"]


def _five_years(person, ratings=("good",) * 5, grassroots=(2019, 2020, 2021)):
    for year, rating in zip(range(2017, 2022), ratings, strict=True):
        codes = ["cstd-co-so"] if year in grassroots else []
        if year == 2018:
            codes.append("bang-khen-bo-ca-nhan")
        person_year(person, year, *codes, task_rating=rating)


def test_prime_minister_certificate_passes_with_every_prerequisite(world, proposal, person):
    _five_years(person)
    nomination = line(proposal, "bang-khen-ttg-ca-nhan", world.units[0], person)
    assert run(individual.prime_minister_certificate, nomination) == []


def test_prime_minister_certificate_fails_on_a_completed_only_year(world, proposal, person):
    _five_years(person, ratings=("good", "good", "completed", "good", "excellent"))
    findings = run(
        individual.prime_minister_certificate,
        line(proposal, "bang-khen-ttg-ca-nhan", world.units[0], person),
    )
    assert levels(findings) == ["error"]
    assert "5 năm liên tục hoàn thành tốt nhiệm vụ" in findings[0].message


def test_prime_minister_certificate_warns_when_a_year_is_missing(world, proposal, person):
    person_year(person, 2018, "bang-khen-bo-ca-nhan", task_rating="good")
    findings = run(
        individual.prime_minister_certificate,
        line(proposal, "bang-khen-ttg-ca-nhan", world.units[0], person),
    )
    assert levels(findings) == ["warning"]
    assert "Chưa có hồ sơ năm 2017, 2019, 2020, 2021" in findings[0].message


# General rules -----------------------------------------------------------------------------


def _grant(world, nomination, year=2021):
    decision = Decision.objects.create(
        proposal=nomination.proposal,
        number="1/QĐ",
        dated=datetime.date(2022, 1, 1),
        ministry=nomination.proposal.cluster_year.cluster.ministry,
        year=2022,
        signer_name="A",
    )
    return Award.objects.create(
        decision=decision,
        nomination=nomination,
        unit=nomination.unit,
        person=nomination.person,
        award_title=nomination.award_title,
        year=year,
    )


def test_one_achievement_once_passes_for_a_first_reward(world, proposal):
    nomination = line(proposal, "co-thi-dua-bo", world.units[0])
    assert run(general.one_achievement_once, nomination) == []


def test_one_achievement_once_fails_for_the_same_award_twice_in_a_year(world, proposal):
    earlier = Proposal.objects.create(cluster_year=world.other_cluster_year)
    _grant(world, line(earlier, "tt-lao-dong-xuat-sac", world.units[0]))
    findings = run(
        general.one_achievement_once, line(proposal, "tt-lao-dong-xuat-sac", world.units[0])
    )
    assert levels(findings) == ["error"]
    assert findings[0].message.startswith(
        "Trường số 1 đã được đề nghị hoặc đã được tặng Tập thể lao động xuất sắc cho thành tích "
        "năm 2021: một thành tích chỉ được khen thưởng một lần"
    )


def test_one_achievement_once_ignores_a_revoked_award(world, proposal):
    earlier = Proposal.objects.create(cluster_year=world.other_cluster_year)
    award = _grant(world, line(earlier, "tt-lao-dong-xuat-sac", world.units[0]))
    award.revoked_at = datetime.datetime(2022, 2, 1, tzinfo=datetime.UTC)
    award.save()
    assert (
        run(general.one_achievement_once, line(proposal, "tt-lao-dong-xuat-sac", world.units[0]))
        == []
    )


def test_no_pending_matter_passes_for_a_clean_record(world, proposal, person):
    person_year(person, 2021)
    assert (
        run(general.no_pending_matter, line(proposal, "cstd-co-so", world.units[0], person)) == []
    )


def test_no_pending_matter_fails_during_discipline_and_investigation(world, proposal, person):
    person_year(
        person,
        2021,
        discipline_level="warning",
        discipline_start=datetime.date(2021, 3, 1),
        discipline_end=datetime.date(2022, 3, 1),
        pending_review=True,
    )
    findings = run(general.no_pending_matter, line(proposal, "cstd-co-so", world.units[0], person))
    assert levels(findings) == ["error", "error"]
    assert "bị kỷ luật (Cảnh cáo) từ 01/03/2021 đến 01/03/2022" in findings[0].message
    assert "đang bị điều tra, thanh tra" in findings[1].message


def test_no_pending_matter_passes_once_discipline_ended_before_the_year(world, proposal, person):
    person_year(
        person,
        2020,
        discipline_level="reprimand",
        discipline_start=datetime.date(2020, 1, 1),
        discipline_end=datetime.date(2020, 12, 1),
    )
    assert (
        run(general.no_pending_matter, line(proposal, "cstd-co-so", world.units[0], person)) == []
    )


def test_no_pending_matter_warns_when_discipline_dates_are_missing(world, proposal, person):
    person_year(person, 2021, discipline_level="reprimand")
    findings = run(general.no_pending_matter, line(proposal, "cstd-co-so", world.units[0], person))
    assert levels(findings) == ["warning"]


def test_no_pending_matter_fails_for_a_unit_under_inspection(world, proposal):
    UnitYear.objects.create(unit=world.units[0], year=2021, pending_review=True)
    findings = run(general.no_pending_matter, line(proposal, "co-thi-dua-bo", world.units[0]))
    assert levels(findings) == ["error"]


def test_council_vote_passes_at_the_threshold(world, proposal):
    nomination = line(
        proposal, "co-thi-dua-bo", world.units[0], council_members=10, council_votes_for=8
    )
    assert run(general.council_vote_threshold, nomination) == []


def test_council_vote_fails_below_the_threshold_of_all_members(world, proposal):
    nomination = line(
        proposal, "co-thi-dua-bo", world.units[0], council_members=10, council_votes_for=7
    )
    findings = run(general.council_vote_threshold, nomination)
    assert levels(findings) == ["error"]
    assert findings[0].message == (
        "Trường số 1 được 7/10 thành viên hội đồng đồng ý (70,0%), chưa đạt 80% tổng số thành "
        "viên cần cho Cờ thi đua cấp Bộ (Điều 26 " + CITATION_2003 + "; Nghị định số "
        "91/2017/NĐ-CP)."
    )


def test_council_vote_fails_when_not_recorded(world, proposal):
    findings = run(general.council_vote_threshold, line(proposal, "co-thi-dua-bo", world.units[0]))
    assert levels(findings) == ["error"]
    assert "Chưa ghi kết quả biểu quyết" in findings[0].message


def test_council_vote_warns_when_the_threshold_is_not_configured(world, proposal):
    nomination = line(proposal, "lao-dong-tien-tien", world.units[0])
    findings = run(general.council_vote_threshold, nomination)
    assert levels(findings) == ["warning"]
    assert "Chưa cấu hình ngưỡng phiếu hội đồng cho Lao động tiên tiến" in findings[0].message


def test_council_vote_rule_runs_only_at_approval(world, proposal):
    nomination = line(proposal, "co-thi-dua-bo", world.units[0])
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]])
    at_submission = rules.check_proposal(proposal, stage=rules.SUBMISSION)[nomination.pk]
    at_approval = rules.check_proposal(proposal, stage=rules.APPROVAL)[nomination.pk]
    assert [f.rule for f in at_submission] == []
    assert [f.rule for f in at_approval] == ["council-vote-threshold"]


def test_rules_use_the_regime_of_the_year(world):
    assert world.cluster_year.emulation_year.regime.code == "luat-2003-nd-91-2017"


def test_one_achievement_once_does_not_count_the_proposals_own_award(world, proposal):
    nomination = line(proposal, "co-thi-dua-bo", world.units[0])
    _grant(world, nomination)
    assert run(general.one_achievement_once, nomination) == []
