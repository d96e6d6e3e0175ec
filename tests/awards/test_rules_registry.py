"""Every rule of the engine's registry decides something: for each one, a case where the
engine's verdict carries its finding, and the verdict changes when the rule is taken out of
the registry (not only when its function is deleted)."""

import datetime

import pytest

from awards import rules
from awards.models import Council, CouncilMeeting, MeetingLine, Nomination, Proposal
from awards.rules import base
from emulation.models import AwardTitle
from tests.awards.conftest import close_vote, person_year
from units.models import PersonYear, UnitYear


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


def _unit_figures(unit, **fields):
    defaults = {
        "task_rating": "excellent",
        "staff_count": 10,
        "completed_count": 10,
        "advanced_count": 5,  # exactly 50 %: fails "trên 50%" of Law 2003
        "grassroots_fighter_count": 1,
        "disciplined_count": 0,
    }
    UnitYear.objects.create(unit=unit, year=2021, **{**defaults, **fields})


def _one_achievement(world, proposal, person):
    _line(proposal, "co-thi-dua-bo", world.units[0])
    return _line(proposal, "bang-khen-bo-tap-the", world.units[0])


def _pending(world, proposal, person):
    person_year(
        person,
        2022,
        discipline_level=PersonYear.Discipline.WARNING,
        discipline_start=datetime.date(2022, 1, 5),
    )
    return _line(proposal, "lao-dong-tien-tien", world.units[0], person)


def _council(world, proposal, person):
    return _line(
        proposal, "cstd-co-so", world.units[0], person, council_members=10, council_votes_for=7
    )


def _advanced(world, proposal, person):
    _unit_figures(world.units[0])
    return _line(proposal, "tt-lao-dong-tien-tien", world.units[0])


def _excellent(world, proposal, person):
    _unit_figures(world.units[0], advanced_count=6)  # 60 %: below 70 %
    return _line(proposal, "tt-lao-dong-xuat-sac", world.units[0])


def _ministry_flag(world, proposal, person):
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    return _line(proposal, "co-thi-dua-bo", world.units[1])


def _government_flag(world, proposal, person):
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    return _line(proposal, "co-thi-dua-chinh-phu", world.units[1])


def _grassroots(world, proposal, person):
    person_year(person, 2021, "lao-dong-tien-tien", task_rating="excellent")
    return _line(proposal, "cstd-co-so", world.units[0], person)


def _ministry_fighter(world, proposal, person):
    for year in (2019, 2020, 2021):
        person_year(person, year, "cstd-co-so")
    return _line(proposal, "cstd-bo", world.units[0], person)


def _national_fighter(world, proposal, person):
    person_year(person, 2019, "cstd-bo")
    person_year(person, 2021, "cstd-bo", initiative_nationwide=True)
    return _line(proposal, "cstd-toan-quoc", world.units[0], person)


def _minister_certificate(world, proposal, person):
    person_year(person, 2020, "lao-dong-tien-tien")
    person_year(person, 2021, "cstd-co-so")
    return _line(proposal, "bang-khen-bo-ca-nhan", world.units[0], person)


def _pm_certificate(world, proposal, person):
    return _line(proposal, "bang-khen-ttg-ca-nhan", world.units[0], person)


def _unit_head_title(world, proposal, person):
    return _line(proposal, "lao-dong-tien-tien", world.units[0], person)


def _outranked(world, proposal, person):
    line = _line(proposal, "co-thi-dua-bo", world.units[0])
    council = Council.objects.create(ministry=world.ministry)
    meeting = CouncilMeeting.objects.create(
        council=council, held_on=datetime.date(2022, 1, 20), roster_size=9
    )
    MeetingLine.objects.create(meeting=meeting, nomination=line, result="outranked")
    return line


# The stage at which a rule is checked, where it is not the approval.
STAGES = {"deciding-level": rules.SUBMISSION}

SCENARIOS = {
    "deciding-level": _unit_head_title,
    "council-ranking": _outranked,
    "one-achievement-once": _one_achievement,
    "no-pending-matter": _pending,
    "council-vote-threshold": _council,
    "tt-lao-dong-tien-tien": _advanced,
    "tt-lao-dong-xuat-sac": _excellent,
    "co-thi-dua-bo": _ministry_flag,
    "co-thi-dua-chinh-phu": _government_flag,
    "cstd-co-so": _grassroots,
    "cstd-bo": _ministry_fighter,
    "cstd-toan-quoc": _national_fighter,
    "bang-khen-bo-ca-nhan": _minister_certificate,
    "bang-khen-ttg-ca-nhan": _pm_certificate,
}


def test_every_registered_rule_has_a_case_here():
    assert {rule.code for rule in base.REGISTRY} == set(SCENARIOS)


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_removing_a_rule_from_the_registry_changes_the_verdict(world, person, monkeypatch, code):
    proposal = Proposal.objects.create(
        cluster_year=world.cluster_year, dated=datetime.date(2022, 1, 10)
    )
    line = SCENARIOS[code](world, proposal, person)

    def verdict():
        findings = rules.check_proposal(
            proposal, stage=STAGES.get(code, rules.APPROVAL), on=datetime.date(2022, 2, 1)
        )[line.pk]
        return [(f.rule, f.level, f.message) for f in findings]

    with_rule = verdict()
    assert (code, "error") in [(rule, level) for rule, level, _ in with_rule]
    monkeypatch.setattr(base, "REGISTRY", [r for r in base.REGISTRY if r.code != code])
    monkeypatch.setattr(rules, "REGISTRY", base.REGISTRY)
    without = verdict()
    assert code not in [rule for rule, _, _ in without]
    assert without != with_rule
