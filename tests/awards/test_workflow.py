"""Every transition of a proposal, allowed and refused, by role and by state, with its audit
entry written in the same transaction."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from awards import services
from awards.models import Award, Nomination, Proposal
from emulation.errors import DomainError
from emulation.models import AuditEntry
from tests.awards.conftest import close_vote, pdf, record_vote, sign_minutes, title
from units.models import Person, PersonYear

State = Proposal.State


def actions(obj):
    return list(
        AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


# Create and edit -----------------------------------------------------------------------------


def test_secretary_creates_the_proposal_with_the_signed_minutes_attached(world):
    minutes = sign_minutes(world.cluster_year)
    proposal = services.proposal_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    assert (proposal.state, proposal.minutes_id) == (State.DRAFT, minutes.pk)
    assert actions(proposal) == ["proposal_create"]


@pytest.mark.parametrize("role", ["other_secretary", "leader", "foreign_staff"])
def test_only_the_clusters_secretary_or_staff_create_a_proposal(world, role):
    with pytest.raises(DomainError):
        services.proposal_create(actor=getattr(world.users, role), cluster_year=world.cluster_year)
    assert not Proposal.objects.exists()


def test_a_second_proposal_for_the_same_cluster_year_is_refused(world, draft):
    with pytest.raises(DomainError, match="đã có hồ sơ"):
        services.proposal_create(actor=world.users.secretary, cluster_year=world.cluster_year)


def test_a_line_for_an_award_of_another_regime_is_refused(world, draft):
    other_regime_flag = title(world.cluster_year, "co-thi-dua-bo").__class__.objects.get(
        code="co-thi-dua-bo", regime__code="luat-2022-nd-98-2023"
    )
    with pytest.raises(DomainError) as error:
        services.nomination_save(
            actor=world.users.secretary,
            proposal=draft,
            line=Nomination(unit=world.units[1], award_title=other_regime_flag, achievements="x"),
        )
    assert error.value.field == "award_title"


def test_a_line_for_a_unit_outside_the_cluster_is_refused(world, draft, flag):
    with pytest.raises(DomainError) as error:
        services.nomination_save(
            actor=world.users.secretary,
            proposal=draft,
            line=Nomination(unit=world.other_units[0], award_title=flag, achievements="x"),
        )
    assert error.value.field == "unit"


def test_vote_share_and_rank_are_filled_from_the_vote(world, draft):
    line = draft.nominations.get()
    assert (line.vote_share, line.rank) == (90, None)


def test_an_upload_that_is_not_a_document_is_refused(world, draft):
    line = draft.nominations.get()
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError) as error:
        services.nomination_save(
            actor=world.users.secretary,
            proposal=draft,
            line=line,
            version=line.version,
            report_file=fake,
        )
    assert error.value.message == (
        "Nội dung tệp không khớp với đuôi .pdf: tệp có thể bị đổi tên hoặc hỏng."
    )


def test_an_upload_over_the_size_limit_is_refused(world, draft, settings):
    settings.EVIDENCE_MAX_BYTES = 4
    with pytest.raises(DomainError, match="Tệp lớn hơn mức cho phép 4\xa0byte"):
        services.proposal_update(
            actor=world.users.secretary,
            proposal=draft,
            version=draft.version,
            number="1",
            dated=None,
            cover_file=pdf(),
        )


def test_a_stale_edit_is_refused(world, draft):
    with pytest.raises(DomainError, match="vừa được người khác lưu"):
        services.proposal_update(
            actor=world.users.secretary,
            proposal=draft,
            version=draft.version - 1,
            number="9",
            dated=None,
        )


# Submit ---------------------------------------------------------------------------------------


def test_secretary_submits_a_complete_proposal_and_staff_are_emailed(
    world, draft, django_capture_on_commit_callbacks
):
    world.users.staff.email = "vu@example.org"
    world.users.staff.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_submit(actor=world.users.secretary, proposal=draft)
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED
    assert actions(draft)[-1] == "proposal_submit"
    assert [m.to for m in mail.outbox] == [["vu@example.org"]]
    assert (
        mail.outbox[0].subject == "Hồ sơ khen thưởng mới: Hồ sơ khen thưởng Cụm thi đua số 2 – 2021"
    )


def test_submitting_is_refused_while_a_required_part_is_missing(world, draft):
    line = draft.nominations.get()
    Nomination.objects.filter(pk=line.pk).update(report_file="")
    Proposal.objects.filter(pk=draft.pk).update(cover_file="")
    draft.cluster_year.minutes.state = "draft"
    draft.cluster_year.minutes.save()
    with pytest.raises(DomainError) as error:
        services.proposal_submit(actor=world.users.secretary, proposal=draft)
    assert error.value.message == (
        "Chưa gửi được hồ sơ, còn thiếu: tệp tờ trình; biên bản họp đã ký của cụm; "
        "báo cáo thành tích của Trường số 1."
    )
    assert Proposal.objects.get(pk=draft.pk).state == State.DRAFT


def test_submitting_a_second_flag_over_the_quota_is_refused_with_its_citation(world, draft, flag):
    close_vote(world.cluster_year, "co-thi-dua-bo", world.units[:2], world.units[2:])
    services.nomination_save(
        actor=world.users.secretary,
        proposal=draft,
        line=Nomination(unit=world.units[1], award_title=flag, achievements="Thứ hai"),
        report_file=pdf(),
    )
    with pytest.raises(DomainError) as error:
        services.proposal_submit(actor=world.users.secretary, proposal=draft)
    assert "vượt số lượng Cờ thi đua cấp Bộ của cụm: tối đa 1 đơn vị mỗi cụm mỗi năm" in (
        error.value.message
    )
    assert "Điều 26 Luật Thi đua, khen thưởng năm 2003" in error.value.message
    assert Proposal.objects.get(pk=draft.pk).state == State.DRAFT


@pytest.mark.parametrize("role", ["other_secretary", "leader", "foreign_staff"])
def test_others_cannot_submit(world, draft, role):
    with pytest.raises(DomainError):
        services.proposal_submit(actor=getattr(world.users, role), proposal=draft)


@pytest.mark.parametrize("fixture", ["submitted", "in_review", "decided"])
def test_submitting_twice_or_after_review_is_refused(world, request, fixture):
    proposal = request.getfixturevalue(fixture)
    with pytest.raises(DomainError, match="không gửi được"):
        services.proposal_submit(actor=world.users.secretary, proposal=proposal)


@pytest.mark.parametrize("fixture", ["submitted", "in_review", "decided"])
def test_lines_cannot_be_edited_once_sent(world, request, fixture):
    proposal = request.getfixturevalue(fixture)
    line = proposal.nominations.get()
    with pytest.raises(DomainError, match="không sửa được"):
        services.nomination_delete(actor=world.users.secretary, line=line)


# Review ---------------------------------------------------------------------------------------


def test_staff_take_up_a_submitted_proposal(world, submitted):
    services.proposal_start_review(actor=world.users.staff, proposal=submitted)
    submitted.refresh_from_db()
    assert submitted.state == State.IN_REVIEW
    assert actions(submitted)[-1] == "proposal_start_review"


@pytest.mark.parametrize("role", ["secretary", "leader", "foreign_staff"])
def test_only_the_ministrys_staff_take_up_a_proposal(world, submitted, role):
    with pytest.raises(DomainError, match="Chỉ cán bộ Vụ"):
        services.proposal_start_review(actor=getattr(world.users, role), proposal=submitted)


@pytest.mark.parametrize("fixture", ["draft", "in_review", "returned", "decided"])
def test_taking_up_is_refused_outside_submitted_states(world, request, fixture):
    with pytest.raises(DomainError, match="không thể tiếp nhận"):
        services.proposal_start_review(
            actor=world.users.staff, proposal=request.getfixturevalue(fixture)
        )


def test_return_needs_a_reason(world, in_review):
    with pytest.raises(DomainError) as error:
        services.proposal_return(actor=world.users.staff, proposal=in_review, reason="  ")
    assert error.value.field == "reason"


def test_staff_return_with_a_reason_and_the_secretary_is_emailed(
    world, in_review, django_capture_on_commit_callbacks
):
    world.users.secretary.email = "thuky@example.org"
    world.users.secretary.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_return(
            actor=world.users.staff, proposal=in_review, reason="Thiếu số liệu"
        )
    in_review.refresh_from_db()
    assert (in_review.state, in_review.return_reason) == (State.RETURNED, "Thiếu số liệu")
    entry = AuditEntry.objects.filter(action="proposal_return").get()
    assert (entry.reason, entry.before["state"], entry.after["state"]) == (
        "Thiếu số liệu",
        "in_review",
        "returned",
    )
    assert mail.outbox[-1].to == ["thuky@example.org"]
    assert "Lý do: Thiếu số liệu" in mail.outbox[-1].body


@pytest.mark.parametrize("fixture", ["draft", "returned", "decided"])
def test_return_is_refused_outside_review(world, request, fixture):
    with pytest.raises(DomainError, match="không thể trả lại"):
        services.proposal_return(
            actor=world.users.staff, proposal=request.getfixturevalue(fixture), reason="x"
        )


def test_secretary_fixes_and_resubmits_a_returned_proposal(world, returned):
    line = returned.nominations.get()
    services.nomination_save(
        actor=world.users.secretary,
        proposal=returned,
        line=line,
        version=line.version,
        report_file=pdf("bao-cao-moi.pdf"),
    )
    services.proposal_submit(actor=world.users.secretary, proposal=returned)
    returned.refresh_from_db()
    assert returned.state == State.RESUBMITTED
    assert actions(returned)[-1] == "proposal_resubmit"
    assert actions(line)[-1] == "nomination_update"


def test_approval_is_refused_before_the_proposal_is_taken_up(world, submitted):
    with pytest.raises(DomainError, match="hãy tiếp nhận hồ sơ trước"):
        services.nomination_approve(actor=world.users.staff, line=submitted.nominations.get())


def test_approval_is_refused_below_the_council_threshold(world, in_review):
    line = in_review.nominations.get()
    record_vote(world.users.staff, line, members=20, votes_for=15)
    with pytest.raises(DomainError, match="chưa đạt 80% tổng số thành viên"):
        services.nomination_approve(actor=world.users.staff, line=line)
    line.refresh_from_db()
    assert line.outcome == Nomination.Outcome.PENDING


def test_staff_approve_a_line_and_the_approval_is_audited(world, approved):
    line = approved.nominations.get()
    assert line.outcome == Nomination.Outcome.APPROVED
    assert actions(line)[-2:] == ["nomination_council_vote", "nomination_approve"]


def test_reject_needs_a_reason(world, in_review):
    with pytest.raises(DomainError, match="lý do"):
        services.nomination_reject(
            actor=world.users.staff, line=in_review.nominations.get(), reason=""
        )


def test_staff_reject_a_line_with_a_reason(world, in_review):
    line = in_review.nominations.get()
    services.nomination_reject(actor=world.users.staff, line=line, reason="Không đủ tiêu chuẩn")
    line.refresh_from_db()
    assert (line.outcome, line.outcome_reason) == ("rejected", "Không đủ tiêu chuẩn")
    assert actions(line)[-1] == "nomination_reject"


def test_an_approval_is_reversible_until_the_decision(world, approved):
    line = approved.nominations.get()
    services.nomination_reopen(actor=world.users.staff, line=line)
    line.refresh_from_db()
    assert line.outcome == Nomination.Outcome.PENDING
    assert actions(line)[-1] == "nomination_reopen"


def test_an_approval_cannot_be_undone_after_the_decision(world, decided):
    with pytest.raises(DomainError, match="Đã có quyết định"):
        services.nomination_reopen(actor=world.users.staff, line=decided.nominations.get())


@pytest.mark.parametrize("role", ["secretary", "leader", "foreign_staff"])
def test_only_staff_approve(world, in_review, role):
    with pytest.raises(DomainError):
        services.nomination_approve(
            actor=getattr(world.users, role), line=in_review.nominations.get()
        )


def test_returning_resets_earlier_line_decisions(world, approved):
    services.proposal_return(actor=world.users.staff, proposal=approved, reason="Bổ sung")
    assert list(approved.nominations.values_list("outcome", flat=True)) == ["pending"]


# Bulk approval --------------------------------------------------------------------------------


@pytest.fixture
def three_lines(world, draft):
    """A proposal in review with three lines the council approved (certificates of merit)."""
    certificate = title(world.cluster_year, "bang-khen-bo-tap-the")
    for unit in world.units[1:]:
        services.nomination_save(
            actor=world.users.secretary,
            proposal=draft,
            line=Nomination(unit=unit, award_title=certificate, achievements="Tốt"),
            report_file=pdf(),
        )
    services.proposal_submit(actor=world.users.secretary, proposal=draft)
    services.proposal_start_review(actor=world.users.staff, proposal=draft)
    lines = list(draft.nominations.order_by("id"))
    for line in lines:
        record_vote(world.users.staff, line)
    return lines


def test_bulk_approval_approves_exactly_the_listed_lines(world, three_lines):
    chosen = [three_lines[0].pk, three_lines[2].pk]
    services.nominations_bulk_approve(actor=world.users.staff, line_ids=chosen)
    outcomes = dict(Nomination.objects.values_list("pk", "outcome"))
    assert outcomes == {
        three_lines[0].pk: "approved",
        three_lines[1].pk: "pending",
        three_lines[2].pk: "approved",
    }
    assert AuditEntry.objects.filter(action="nomination_approve").count() == 2


def test_bulk_approval_applies_the_lines_that_pass_and_lists_the_others(world, three_lines):
    record_vote(world.users.staff, three_lines[2], members=20, votes_for=1)
    result = services.nominations_bulk_approve(
        actor=world.users.staff, line_ids=[line.pk for line in three_lines]
    )
    assert [line.pk for line in result.approved] == [three_lines[0].pk, three_lines[1].pk]
    assert [(line.pk, reason.split(" (")[0]) for line, reason in result.refused] == [
        (
            three_lines[2].pk,
            "Trường số 3 được 1/20 thành viên hội đồng đồng ý",
        )
    ]
    assert dict(Nomination.objects.values_list("pk", "outcome")) == {
        three_lines[0].pk: "approved",
        three_lines[1].pk: "approved",
        three_lines[2].pk: "pending",
    }
    assert AuditEntry.objects.filter(action="nomination_approve").count() == 2


def test_bulk_approval_is_refused_to_the_secretary(world, three_lines):
    with pytest.raises(DomainError):
        services.nominations_bulk_approve(actor=world.users.secretary, line_ids=[three_lines[0].pk])


# Decision -------------------------------------------------------------------------------------


def test_the_decision_turns_approved_lines_into_awards_with_the_reward(world, decided):
    award = Award.objects.get()
    assert (award.unit, award.year, award.amount) == (world.units[0], 2021, 11920000)
    assert decided.state == State.DECIDED
    assert actions(decided)[-1] == "proposal_decide"
    assert actions(award) == ["award_grant"]
    assert actions(award.decision) == ["decision_record"]


def test_a_decision_is_refused_while_a_line_is_pending(world, in_review):
    with pytest.raises(DomainError, match="chưa xét"):
        services.decision_record(
            actor=world.users.staff,
            proposal=in_review,
            number="1/QĐ",
            dated=datetime.date(2022, 1, 1),
            signer_name="A",
        )


@pytest.mark.parametrize("fixture", ["draft", "submitted", "returned", "decided"])
def test_a_decision_is_refused_outside_review(world, request, fixture):
    with pytest.raises(DomainError, match="không ghi được quyết định"):
        services.decision_record(
            actor=world.users.staff,
            proposal=request.getfixturevalue(fixture),
            number="1/QĐ",
            dated=datetime.date(2022, 1, 1),
            signer_name="A",
        )


def test_the_secretary_is_emailed_when_the_proposal_is_decided(
    world, approved, django_capture_on_commit_callbacks
):
    world.users.secretary.email = "thuky@example.org"
    world.users.secretary.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            actor=world.users.staff,
            proposal=approved,
            number="5/QĐ",
            dated=datetime.date(2022, 1, 1),
            signer_name="A",
        )
    assert mail.outbox[-1].subject.startswith("Đã có quyết định khen thưởng")


def _revoke(world, award, actor=None, **fields):
    data = {"reason": "Gian dối hồ sơ", "number": "15/QĐ-BTP", "dated": datetime.date(2022, 3, 1)}
    return services.award_revoke(
        actor=actor or world.users.staff, award=award, **{**data, **fields}
    )


def test_revocation_keeps_the_record_with_its_reason(world, decided):
    award = Award.objects.get()
    _revoke(world, award)
    award.refresh_from_db()
    assert (award.is_revoked, award.revoked_reason) == (True, "Gian dối hồ sơ")
    assert (award.revoking_number, award.revoking_dated) == ("15/QĐ-BTP", datetime.date(2022, 3, 1))
    assert award.recover_amount == award.amount  # the whole reward by default
    assert list(Award.active.all()) == []
    assert actions(award) == ["award_grant", "award_revoke"]
    entry = AuditEntry.objects.get(action="award_revoke")
    assert entry.after["number"] == "15/QĐ-BTP"


def test_revocation_needs_a_reason_a_decision_and_staff(world, decided):
    award = Award.objects.get()
    for fields, field in [
        ({"reason": ""}, "reason"),
        ({"number": " "}, "number"),
        ({"dated": None}, "dated"),
        ({"dated": datetime.date(2022, 1, 14)}, "dated"),  # before the award's decision
    ]:
        with pytest.raises(DomainError) as error:
            _revoke(world, award, **fields)
        assert error.value.field == field
    with pytest.raises(DomainError):
        _revoke(world, award, actor=world.users.secretary)
    assert not Award.objects.get().is_revoked


def test_revocation_on_the_decisions_own_date_is_accepted(world, decided):
    award = _revoke(world, Award.objects.get(), dated=datetime.date(2022, 1, 15))
    assert award.is_revoked


def test_the_amount_to_recover_is_bounded_by_the_reward(world, decided):
    award = Award.objects.get()
    for too_much in (award.amount + 1, Decimal(-1)):
        with pytest.raises(DomainError) as error:
            _revoke(world, award, recover_amount=too_much)
        assert error.value.field == "recover_amount"
    award = _revoke(world, award, recover_amount=award.amount)
    assert award.recover_amount == award.amount


def test_part_of_the_reward_can_be_recovered(world, decided):
    award = _revoke(world, Award.objects.get(), recover_amount=Decimal(0))
    assert award.recover_amount == 0


def test_reopening_a_pending_line_is_refused(world, in_review):
    with pytest.raises(DomainError, match="chưa được xét"):
        services.nomination_reopen(actor=world.users.staff, line=in_review.nominations.get())


def test_a_decided_line_cannot_be_approved_or_rejected_again(world, decided):
    line = decided.nominations.get()
    with pytest.raises(DomainError, match="Đã có quyết định"):
        services.nomination_reject(actor=world.users.staff, line=line, reason="x")


def test_a_discipline_in_force_on_the_decision_date_blocks_the_decision(world, approved):
    """Checked again on the date the decision is made, not only the achievement year."""
    person = Person.objects.create(unit=world.units[0], full_name="Lê Văn C", gender="male")
    Nomination.objects.filter(proposal=approved).update(person=person)
    PersonYear.objects.create(
        person=person,
        year=2022,
        discipline_level=PersonYear.Discipline.WARNING,
        discipline_start=datetime.date(2022, 1, 15),
    )
    decide = {
        "actor": world.users.staff,
        "proposal": approved,
        "number": "1234/QĐ-BTP",
        "signer_name": "Nguyễn Văn A",
    }
    with pytest.raises(DomainError) as error:
        services.decision_record(**decide, dated=datetime.date(2022, 1, 15))
    assert "đang trong thời hạn kỷ luật (Cảnh cáo, từ 15/01/2022)" in str(error.value)
    assert not Award.objects.exists()
    services.decision_record(**decide, dated=datetime.date(2022, 1, 14))
    assert Award.objects.count() == 1
