"""Who decides: every line goes where the law sends it, and an award exists only after a
decision of that level; which regime applies; the council's threshold, quorum and ranking."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from awards import rules, services
from awards.models import Award, MeetingLine, Nomination, Proposal
from awards.regime import proposal_regime
from emulation.errors import DomainError
from emulation.models import AuditEntry, LegalRegime, MinistryAwardSetting
from tests.awards.conftest import close_vote, council_with, pdf, record_vote, title
from units.models import UnitHeadDecision, UnitYear


@pytest.fixture(autouse=True)
def _vietnamese():
    """The services speak the active language: these tests read the Vietnamese source."""
    with translation.override("vi"):
        yield


OLD, NEW, LATEST = "luat-2003-nd-91-2017", "luat-2022-nd-98-2023", "luat-2022-nd-152-2025"


def _line(world, proposal, code, unit=None, person=None):
    return services.nomination_save(
        actor=world.users.secretary,
        proposal=proposal,
        line=Nomination(
            unit=unit or world.units[0],
            person=person,
            award_title=title(world.cluster_year, code),
            achievements="Thành tích",
        ),
        report_file=pdf(),
    )


# Deciding level ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["lao-dong-tien-tien", "cstd-co-so", "tt-lao-dong-tien-tien"])
def test_a_unit_head_title_is_refused_in_a_proposal_saying_who_decides(world, draft, code):
    with pytest.raises(DomainError) as error:
        _line(world, draft, code)
    assert error.value.field == "award_title"
    assert "do Thủ trưởng đơn vị quyết định tặng" in error.value.message
    assert "không đề nghị lên Bộ" in error.value.message
    assert draft.nominations.count() == 1


def test_a_unit_head_line_already_stored_blocks_the_submission(world, draft):
    Nomination.objects.create(
        proposal=draft,
        unit=world.units[1],
        award_title=title(world.cluster_year, "tt-lao-dong-tien-tien"),
        achievements="x",
        report_file=pdf(),
    )
    with pytest.raises(DomainError, match="do Thủ trưởng đơn vị quyết định tặng"):
        services.proposal_submit(actor=world.users.secretary, proposal=draft)
    assert Proposal.objects.get(pk=draft.pk).state == "draft"


def _approved_with_government_flag(world, draft):
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    _line(world, draft, "co-thi-dua-chinh-phu")
    services.proposal_submit(actor=world.users.secretary, proposal=draft)
    services.proposal_start_review(actor=world.users.staff, proposal=draft)
    for line in Proposal.objects.get(pk=draft.pk).nominations.all():
        record_vote(world.users.staff, line, members=10, votes_for=9)
        services.nomination_approve(actor=world.users.staff, line=line)
    return Proposal.objects.get(pk=draft.pk)


def test_the_ministers_decision_grants_only_the_ministers_level(world, draft):
    proposal = _approved_with_government_flag(world, draft)
    services.decision_record(
        actor=world.users.staff,
        proposal=proposal,
        number="5/QĐ-BTP",
        dated=datetime.date(2022, 1, 20),
        signer_name="A",
    )
    assert list(Award.objects.values_list("award_title__code", "decision__level")) == [
        ("co-thi-dua-bo", "minister")
    ]
    government = proposal.nominations.get(award_title__code="co-thi-dua-chinh-phu")
    assert not Award.objects.filter(nomination=government).exists()


def test_a_matter_on_a_line_above_the_minister_does_not_hold_up_the_ministers_decision(
    world, draft
):
    proposal = _approved_with_government_flag(world, draft)
    government = proposal.nominations.get(award_title__code="co-thi-dua-chinh-phu")
    Nomination.objects.filter(pk=government.pk).update(unit=world.units[1])
    UnitYear.objects.create(unit=world.units[1], year=2022, pending_review=True)
    dated = datetime.date(2022, 1, 20)
    # On the Prime Minister's own track the matter blocks that line...
    findings = rules.check_proposal(proposal, stage=rules.DECISION, on=dated)[government.pk]
    assert any(finding.is_error for finding in findings)
    # ...but the Minister decides only the Minister's lines, and records the decision.
    services.decision_record(
        actor=world.users.staff,
        proposal=proposal,
        number="6/QĐ-BTP",
        dated=dated,
        signer_name="A",
    )
    assert list(Award.objects.values_list("award_title__code", flat=True)) == ["co-thi-dua-bo"]


def test_a_minister_decision_with_only_lines_above_the_minister_is_refused(world, draft):
    proposal = _approved_with_government_flag(world, draft)
    proposal.nominations.filter(award_title__code="co-thi-dua-bo").update(outcome="rejected")
    with pytest.raises(DomainError, match="hồ sơ trình Bộ Nội vụ"):
        services.decision_record(
            actor=world.users.staff,
            proposal=proposal,
            number="5/QĐ-BTP",
            dated=datetime.date(2022, 1, 20),
            signer_name="A",
        )
    assert not Award.objects.exists()


def _forwarded_dossier(world, proposal, dated=datetime.date(2022, 3, 1)):
    line = proposal.nominations.get(award_title__code="co-thi-dua-chinh-phu")
    staff = world.users.staff
    dossier = services.upward_dossier_create(
        actor=staff, ministry=world.ministry, level="prime_minister", year=2021
    )
    services.upward_dossier_update(
        actor=staff, dossier=dossier, version=dossier.version, number="45/TTr-BTP", dated=dated
    )
    services.upward_dossier_add_lines(actor=staff, dossier=dossier, line_ids=[line.pk])
    services.upward_dossier_forward(actor=staff, dossier=dossier)
    dossier.refresh_from_db()
    return dossier, line


def test_the_prime_ministers_title_becomes_an_award_only_with_the_pms_decision(world, draft):
    proposal = _approved_with_government_flag(world, draft)
    dossier, line = _forwarded_dossier(world, proposal)
    assert dossier.state == "forwarded"
    assert not Award.objects.filter(nomination=line).exists()
    services.upward_dossier_answer(
        actor=world.users.staff,
        dossier=dossier,
        answer="upward_dossier_return",
        reason="Thiếu biên bản",
    )
    dossier.refresh_from_db()
    assert (dossier.state, dossier.return_reason) == ("returned", "Thiếu biên bản")
    services.upward_dossier_forward(actor=world.users.staff, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == "resubmitted"
    decision = services.upward_dossier_decide(
        actor=world.users.staff,
        dossier=dossier,
        number="99/QĐ-TTg",
        dated=datetime.date(2022, 6, 10),
        signer_name="Người ký",
    )
    award = Award.objects.get(nomination=line)
    assert (decision.level, award.decision_id, award.award_title.code) == (
        "prime_minister",
        decision.pk,
        "co-thi-dua-chinh-phu",
    )
    # 12 × 1,490,000 (base salary on 10/06/2022) under the regime of the dossier's date
    assert (award.award_title.regime.code, award.amount) == (OLD, 17880000)


def test_a_refused_dossier_creates_no_award(world, draft):
    proposal = _approved_with_government_flag(world, draft)
    dossier, line = _forwarded_dossier(world, proposal)
    services.upward_dossier_answer(
        actor=world.users.staff, dossier=dossier, answer="upward_dossier_refuse", reason="Không đạt"
    )
    dossier.refresh_from_db()
    assert dossier.state == "refused"
    assert not Award.objects.filter(nomination=line).exists()
    with pytest.raises(DomainError):
        services.upward_dossier_decide(
            actor=world.users.staff,
            dossier=dossier,
            number="1",
            dated=datetime.date(2022, 6, 1),
            signer_name="A",
        )


def test_a_minister_level_line_cannot_enter_the_prime_ministers_dossier(world, draft):
    proposal = _approved_with_government_flag(world, draft)
    flag = proposal.nominations.get(award_title__code="co-thi-dua-bo")
    dossier = services.upward_dossier_create(
        actor=world.users.staff, ministry=world.ministry, level="prime_minister", year=2021
    )
    with pytest.raises(DomainError, match="cấp Thủ tướng Chính phủ"):
        services.upward_dossier_add_lines(
            actor=world.users.staff, dossier=dossier, line_ids=[flag.pk]
        )
    assert not dossier.lines.exists()


def test_another_ministrys_staff_cannot_touch_the_dossier(world, draft):
    proposal = _approved_with_government_flag(world, draft)
    dossier, _unused = _forwarded_dossier(world, proposal)
    with pytest.raises(DomainError):
        services.upward_dossier_answer(
            actor=world.users.foreign_staff,
            dossier=dossier,
            answer="upward_dossier_return",
            reason="x",
        )
    dossier.refresh_from_db()
    assert dossier.state == "forwarded"


def test_a_unit_heads_decision_is_a_prerequisite_of_the_ministers_certificate(world, draft, person):
    old = {t.code: t for t in LegalRegime.objects.get(code=OLD).award_titles.all()}
    for year in (2020, 2021):
        UnitHeadDecision.objects.create(
            unit=person.unit,
            person=person,
            year=year,
            award_title=old["cstd-co-so"],
            number=f"{year}/QĐ-T",
            dated=datetime.date(year, 12, 20),
        )
    line = _line(world, draft, "bang-khen-bo-ca-nhan", person=person)
    from awards import rules
    from awards.rules import individual

    ctx = rules.rule_context(Proposal.objects.get(pk=draft.pk))
    target = next(x for x in ctx.lines if x.pk == line.pk)
    assert individual.minister_certificate(target, ctx) == []


def test_a_ministry_level_title_is_refused_as_a_unit_heads_decision(world, person):
    old = {t.code: t for t in LegalRegime.objects.get(code=OLD).award_titles.all()}
    with pytest.raises(DomainError, match="do Bộ trưởng quyết định"):
        services.unit_head_decision_record(
            actor=world.users.staff,
            decision=UnitHeadDecision(
                unit=person.unit,
                person=person,
                year=2021,
                award_title=old["cstd-bo"],
                number="1",
                dated=datetime.date(2021, 12, 1),
            ),
        )
    assert not UnitHeadDecision.objects.exists()


# Which regime applies ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dated", "code"),
    [
        (datetime.date(2023, 12, 31), OLD),
        (datetime.date(2024, 1, 1), NEW),
        (datetime.date(2025, 6, 30), NEW),
        (datetime.date(2025, 7, 1), LATEST),
    ],
)
def test_the_regime_is_the_one_in_force_when_the_dossier_is_submitted(world, draft, dated, code):
    draft.number, draft.dated = "1/TTr", dated
    applicable = proposal_regime(draft)
    assert applicable.regime.code == code
    assert f"ngày {dated:%d/%m/%Y}" in applicable.reason
    assert "không theo năm thành tích" in applicable.reason


def test_dating_the_cover_submission_moves_the_lines_to_that_regimes_catalogue(world, draft):
    services.proposal_update(
        actor=world.users.secretary,
        proposal=draft,
        version=draft.version,
        number="12/TTr-CTĐ2",
        dated=datetime.date(2024, 1, 15),
    )
    line = draft.nominations.get()
    assert (line.award_title.code, line.award_title.regime.code) == ("co-thi-dua-bo", NEW)


def test_an_undated_draft_uses_the_years_regime_provisionally(world):
    proposal = Proposal.objects.create(cluster_year=world.cluster_year)
    applicable = proposal_regime(proposal)
    assert applicable.regime.code == OLD
    assert applicable.reason.startswith("Tờ trình chưa có ngày: tạm áp dụng")


# The council -------------------------------------------------------------------------------


def _meeting(world, in_review, members=21, held_on=datetime.date(2022, 1, 10)):
    council_with(world.ministry, members)
    meeting = services.meeting_create(
        actor=world.users.staff, ministry=world.ministry, held_on=held_on, proposal=in_review
    )
    return meeting, meeting.lines.get()


def _record(world, meeting, votes, attendance=None, **kwargs):
    meeting.refresh_from_db()
    return services.meeting_record(
        actor=world.users.staff,
        meeting=meeting,
        version=meeting.version,
        attendance=attendance or {},
        votes=votes,
        **kwargs,
    )


@pytest.mark.parametrize(
    ("members", "votes", "result"),
    [(21, 16, "failed"), (21, 17, "passed"), (20, 16, "passed"), (20, 15, "failed")],
)
def test_the_threshold_is_over_every_member_of_the_roster(world, in_review, members, votes, result):
    meeting, line = _meeting(world, in_review, members=members)
    _record(world, meeting, {line.pk: (votes, None)})
    line.refresh_from_db()
    assert line.result == result
    nomination = line.nomination
    nomination.refresh_from_db()
    assert (nomination.council_members, nomination.council_votes_for) == (members, votes)


def test_16_of_21_is_refused_at_80_percent_whatever_is_typed(world, in_review):
    meeting, line = _meeting(world, in_review, members=21)
    _record(world, meeting, {line.pk: (16, None)})
    with pytest.raises(DomainError, match="16/21 thành viên hội đồng đồng ý"):
        services.nomination_approve(actor=world.users.staff, line=line.nomination)


def test_members_outside_their_term_on_the_meeting_date_are_not_counted(world, in_review):
    council = council_with(world.ministry, 20)
    council.members.filter(pk=council.members.first().pk).update(
        term_end=datetime.date(2021, 12, 31)
    )
    meeting, _unused = _meeting(world, in_review, members=20)
    assert meeting.roster_size == 19


def test_absent_members_written_votes_count(world, in_review):
    meeting, line = _meeting(world, in_review, members=21)
    absent = list(meeting.attendance.values_list("member_id", flat=True)[:3])
    attendance = dict.fromkeys(absent, "written")
    _record(world, meeting, {line.pk: (15, 2)}, attendance=attendance)
    line.refresh_from_db()
    assert (line.votes_for, line.result) == (17, "passed")


def test_more_written_votes_than_absent_members_who_sent_one_is_refused(world, in_review):
    meeting, line = _meeting(world, in_review, members=21)
    attendance = {meeting.attendance.first().member_id: "written"}
    with pytest.raises(DomainError, match="chỉ 1 thành viên vắng mặt gửi phiếu"):
        _record(world, meeting, {line.pk: (16, 2)}, attendance=attendance)
    line.refresh_from_db()
    assert line.votes_present_for is None


def test_more_votes_than_members_present_is_refused(world, in_review):
    meeting, line = _meeting(world, in_review, members=5)
    with pytest.raises(DomainError) as error:
        _record(world, meeting, {line.pk: (6, None)})
    assert error.value.field == f"present_{line.pk}"


@pytest.mark.parametrize(("absent", "ok"), [(10, True), (11, False)])
def test_quorum_is_half_of_the_roster(world, in_review, absent, ok):
    meeting, line = _meeting(world, in_review, members=20)
    members = list(meeting.attendance.values_list("member_id", flat=True))
    attendance = dict.fromkeys(members[:absent], "absent")
    if ok:
        _record(world, meeting, {line.pk: (10, None)}, attendance=attendance)
    else:
        with pytest.raises(DomainError, match="Không đủ số thành viên dự họp: 9/20"):
            _record(world, meeting, {line.pk: (9, None)}, attendance=attendance)


def _two_flags(world, draft):
    close_vote(world.cluster_year, "co-thi-dua-bo", world.units[:2], world.units[2:])
    _line(world, draft, "co-thi-dua-bo", unit=world.units[1])
    proposal = Proposal.objects.get(pk=draft.pk)
    proposal.state = "in_review"
    proposal.save()
    return proposal


def test_more_passing_than_the_quota_ranks_by_votes(world, draft):
    council_with(world.ministry, 10)
    proposal = _two_flags(world, draft)
    meeting = services.meeting_create(
        actor=world.users.staff,
        ministry=world.ministry,
        held_on=datetime.date(2022, 1, 10),
        proposal=proposal,
    )
    first, second = meeting.lines.order_by("nomination_id")
    _record(world, meeting, {first.pk: (8, None), second.pk: (9, None)})
    assert dict(meeting.lines.values_list("pk", "result")) == {
        first.pk: "outranked",
        second.pk: "passed",
    }
    with pytest.raises(DomainError, match="xếp sau, vượt số lượng"):
        services.nomination_approve(
            actor=world.users.staff, line=Nomination.objects.get(pk=first.nomination_id)
        )


def test_a_tie_at_the_quota_is_the_chairs_choice_recorded(world, draft):
    council_with(world.ministry, 10)
    proposal = _two_flags(world, draft)
    meeting = services.meeting_create(
        actor=world.users.staff,
        ministry=world.ministry,
        held_on=datetime.date(2022, 1, 10),
        proposal=proposal,
    )
    first, second = meeting.lines.order_by("nomination_id")
    _record(world, meeting, {first.pk: (9, None), second.pk: (9, None)})
    assert set(meeting.lines.values_list("result", flat=True)) == {"tie"}
    with pytest.raises(DomainError, match="bằng phiếu chờ Chủ tịch"):
        services.meeting_close(actor=world.users.staff, meeting=meeting)
    _record(
        world,
        meeting,
        {first.pk: (9, None), second.pk: (9, None)},
        chair_choices=[second.pk],
        chair_choice_note="Chủ tịch chọn đơn vị có nhiều sáng kiến hơn.",
    )
    assert dict(meeting.lines.values_list("pk", "result")) == {
        first.pk: "outranked",
        second.pk: "passed",
    }
    services.meeting_close(actor=world.users.staff, meeting=meeting)
    outcomes = dict(Nomination.objects.values_list("pk", "outcome"))
    assert (outcomes[first.nomination_id], outcomes[second.nomination_id]) == (
        "rejected",
        "approved",
    )


def _tied_meeting(world, draft, women):
    """Two flag lines (units 0 and 1) tied 9–9 for one seat; ``women`` is each unit's count
    of women among 100 staff in the year under review (None: not recorded)."""
    for unit, count in zip(world.units[:2], women, strict=True):
        if count is not None:
            UnitYear.objects.update_or_create(
                unit=unit,
                year=world.cluster_year.year,
                defaults={"staff_count": 100, "women_count": count},
            )
    council_with(world.ministry, 10)
    meeting = services.meeting_create(
        actor=world.users.staff,
        ministry=world.ministry,
        held_on=datetime.date(2022, 1, 10),
        proposal=_two_flags(world, draft),
    )
    first, second = meeting.lines.order_by("nomination__unit_id")
    _record(world, meeting, {first.pk: (9, None), second.pk: (9, None)})
    return meeting, first, second


@pytest.mark.parametrize(
    ("women", "results"),
    [
        ((70, 60), ("passed", "outranked")),  # at 70 %: the women-first rule seats it
        ((71, 69), ("passed", "outranked")),  # just above against just below
        ((60, 70), ("outranked", "passed")),
        ((69, 60), ("tie", "tie")),  # just below 70 %: nobody has priority, the chair decides
        ((70, 75), ("tie", "tie")),  # both have priority: still level, the chair decides
        ((70, None), ("tie", "tie")),  # a unit's share is not recorded: no guess
    ],
)
def test_a_tie_at_the_quota_goes_to_women_first_then_to_the_chair(world, draft, women, results):
    meeting, first, second = _tied_meeting(world, draft, women)
    stored = dict(meeting.lines.values_list("pk", "result"))
    assert (stored[first.pk], stored[second.pk]) == results
    women_first = set(meeting.lines.filter(women_first=True).values_list("pk", flat=True))
    assert women_first == {
        line.pk for line, result in zip((first, second), results, strict=True) if result == "passed"
    }


def test_the_women_first_seat_is_shown_audited_and_given_as_the_reason(world, draft, client):
    meeting, first, second = _tied_meeting(world, draft, (70, 60))
    audit = AuditEntry.objects.filter(action="council_meeting_record").latest("pk")
    assert audit.after["women_first"] == [first.nomination_id]
    client.force_login(world.users.staff)
    page = client.get(reverse("awards:meeting", args=[meeting.pk])).content.decode()
    assert page.count("ưu tiên nữ khi bằng phiếu") == 2  # the table and the minutes
    services.meeting_close(actor=world.users.staff, meeting=meeting)
    nomination = Nomination.objects.get(pk=first.nomination_id)
    assert nomination.outcome == "approved"
    assert "70% nữ" in nomination.outcome_reason
    assert Nomination.objects.get(pk=second.nomination_id).outcome == "rejected"


def test_the_ministrys_quota_replaces_the_catalogues(world, draft):
    council_with(world.ministry, 10)
    MinistryAwardSetting.objects.create(
        ministry=world.ministry, code="co-thi-dua-bo", quota_per_cluster=2
    )
    proposal = _two_flags(world, draft)
    meeting = services.meeting_create(
        actor=world.users.staff,
        ministry=world.ministry,
        held_on=datetime.date(2022, 1, 10),
        proposal=proposal,
    )
    first, second = meeting.lines.order_by("nomination_id")
    _record(world, meeting, {first.pk: (10, None), second.pk: (9, None)})
    assert set(meeting.lines.values_list("result", flat=True)) == {"passed"}


def test_closing_approves_what_passed_and_rejects_what_did_not(world, in_review):
    meeting, line = _meeting(world, in_review, members=21)
    _record(world, meeting, {line.pk: (16, None)})
    services.meeting_close(actor=world.users.staff, meeting=meeting)
    nomination = Nomination.objects.get(pk=line.nomination_id)
    assert nomination.outcome == "rejected"
    assert nomination.outcome_reason.startswith("Hội đồng họp ngày 10/01/2022: 16/21")
    with pytest.raises(DomainError, match="đã kết thúc"):
        _record(world, meeting, {line.pk: (21, None)})
    assert MeetingLine.objects.get(pk=line.pk).votes_present_for == 16


@pytest.mark.parametrize(
    ("dated", "code", "amount"),
    [
        (datetime.date(2025, 6, 30), NEW, 28080000),
        (datetime.date(2025, 7, 1), LATEST, 28080000),
    ],
)
def test_the_dossier_to_home_affairs_is_judged_under_the_regime_of_its_own_date(
    world, draft, dated, code, amount
):
    proposal = _approved_with_government_flag(world, draft)
    dossier, line = _forwarded_dossier(world, proposal, dated=dated)
    services.upward_dossier_decide(
        actor=world.users.staff,
        dossier=dossier,
        number="7/QĐ-TTg",
        dated=datetime.date(2025, 8, 1),
        signer_name="A",
    )
    award = Award.objects.get(nomination=line)
    # the line was proposed under the 2003 law; the award follows the dossier's regime
    assert (line.award_title.regime.code, award.award_title.regime.code) == (OLD, code)
    assert award.amount == amount  # 12 × 2,340,000


def test_a_province_sees_its_chair_as_the_deciding_level(world):
    world.ministry.kind = "province"
    flag = title(world.cluster_year, "co-thi-dua-bo")
    assert str(flag.level_label(world.ministry)) == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert str(title(world.cluster_year, "co-thi-dua-chinh-phu").level_label(world.ministry)) == (
        "Thủ tướng Chính phủ"
    )
