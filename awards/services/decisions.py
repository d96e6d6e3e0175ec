"""The Minister's decision, the awards it grants (only the lines of the Minister's level) and
their revocation. Lines above the Minister go on through the ministry's dossier
(``awards.services.upward``)."""

from django.db import transaction
from django.utils.translation import gettext as _

from awards import rules
from awards.models import Award, Decision, Nomination, Proposal
from awards.regime import proposal_regime
from awards.rules.money import allocate
from awards.services.common import (
    PROPOSAL_FIELDS,
    findings_error,
    notify_on_commit,
    require_staff,
)
from emulation.audit import audit_record, event_now, save_version
from emulation.concurrency import refuse_duplicate
from emulation.dates import short_date
from emulation.errors import DomainError
from emulation.models import AwardTitle
from emulation.numbers import format_decimal

DECISION_FIELDS = ("number", "dated", "signer_name", "signer_position", "level")


def record_decision(*, actor, taken, year, awards, **decision):
    """Record a decision (``decision``: its number, date, ministry, signer, level and what it
    answers) and the award of each granted line, ``awards`` listing ``(line, award_title,
    amount, note)``, for the emulation ``year``. A number is unique in the ministry's calendar
    year (Decree 30/2020/NĐ-CP, art. 15(1)): ``taken`` says so when it is not."""
    number, dated = decision["number"], decision["dated"]
    year_of_number = {"ministry_id": decision["ministry_id"], "year": dated.year}
    if Decision.objects.filter(**year_of_number, number=number).exists():
        raise DomainError(taken, field="number")
    with refuse_duplicate(taken, field="number"):
        decision = Decision.objects.create(**decision, year=dated.year, recorded_by=actor)
    audit_record(actor=actor, action="decision_record", obj=decision, fields=DECISION_FIELDS)
    for line, award_title, amount, note in awards:
        award = Award.objects.create(
            decision=decision,
            nomination=line,
            unit=line.unit,
            person=line.person,
            award_title=award_title,
            year=year,
            amount=amount,
            amount_note=note,
        )
        audit_record(
            actor=actor,
            action="award_grant",
            obj=award,
            after={"decision": number, "amount": amount, "note": note},
        )
    return decision


@transaction.atomic
def decision_record(*, actor, proposal, number, dated, signer_name, signer_position=""):
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("cluster_year__cluster")
        .get(pk=proposal.pk)
    )
    require_staff(actor, proposal)
    if not proposal.is_reviewable:
        raise DomainError(
            _("Hồ sơ ở trạng thái “%(state)s”: không ghi được quyết định.")
            % {"state": proposal.get_state_display()}
        )
    lines = list(proposal.nominations.select_related("award_title", "unit", "person"))
    pending = [line for line in lines if line.outcome == Nomination.Outcome.PENDING]
    if pending:
        raise DomainError(
            _("Còn %(n)s dòng đề nghị chưa xét (đồng ý hoặc không đồng ý): %(names)s.")
            % {"n": len(pending), "names": "; ".join(str(line) for line in pending)}
        )
    approved = [
        line
        for line in lines
        if line.outcome == Nomination.Outcome.APPROVED
        and line.award_title.level == AwardTitle.Level.MINISTER
    ]
    if not approved:
        raise DomainError(
            _(
                "Không có dòng đề nghị nào thuộc thẩm quyền của Bộ trưởng được đồng ý để ghi "
                "quyết định. Các dòng cấp Thủ tướng Chính phủ, Chủ tịch nước được đưa vào hồ sơ "
                "trình Bộ Nội vụ."
            )
        )
    # Pending matters are checked again on the decision date (docs/domain.md §4.8).
    error = findings_error(
        rules.check_proposal(proposal, stage=rules.DECISION, lines=approved, on=dated)
    )
    if error:
        raise error
    taken = _(
        "Số quyết định %(number)s đã được bộ, ngành ghi trong năm %(year)s (số và ký hiệu "
        "văn bản là duy nhất trong năm: Nghị định 30/2020/NĐ-CP, điều 15 khoản 1)."
    ) % {"number": number, "year": dated.year}
    money = allocate(approved, on_date=dated, regime=proposal_regime(proposal).regime)
    decision = record_decision(
        actor=actor,
        taken=taken,
        year=proposal.cluster_year.year,
        awards=[(line, line.award_title, *money[line.pk]) for line in approved],
        proposal=proposal,
        number=number,
        dated=dated,
        ministry_id=proposal.cluster_year.cluster.ministry_id,
        signer_name=signer_name,
        signer_position=signer_position,
        level=AwardTitle.Level.MINISTER,
    )
    save_version(
        proposal,
        actor=actor,
        action="proposal_decide",
        fields=PROPOSAL_FIELDS,
        after={"decision": decision.number},
        state=Proposal.State.DECIDED,
    )
    notify_on_commit("decided", proposal.pk)
    return decision


@transaction.atomic
def award_revoke(*, actor, award, reason, number="", dated=None, recover_amount=None):
    """Revoke an award (Law 06/2022/QH15, ch. VII): the revoking decision's number and date and
    the money to recover are kept with the reason; the award leaves the active history."""
    award = Award.objects.select_for_update(of=("self",)).get(pk=award.pk)
    require_staff(actor, award.nomination.proposal)
    reason = (reason or "").strip()
    number = (number or "").strip()
    if not reason:
        raise DomainError(_("Hãy ghi lý do thu hồi."), field="reason")
    if not number:
        raise DomainError(_("Hãy ghi số quyết định thu hồi."), field="number")
    if dated is None:
        raise DomainError(_("Hãy ghi ngày quyết định thu hồi."), field="dated")
    if dated < award.decision.dated:
        raise DomainError(
            _("Ngày thu hồi không thể trước ngày quyết định khen thưởng (%(date)s).")
            % {"date": short_date(award.decision.dated)},
            field="dated",
        )
    if recover_amount is None:
        recover_amount = award.amount
    if recover_amount is not None and (
        recover_amount < 0 or (award.amount is not None and recover_amount > award.amount)
    ):
        raise DomainError(
            _("Số tiền thu hồi phải từ 0 đến số tiền đã thưởng (%(amount)s đồng).")
            % {"amount": format_decimal(int(award.amount or 0))},
            field="recover_amount",
        )
    if award.is_revoked:
        raise DomainError(_("Khen thưởng này đã bị thu hồi."))
    award.revoked_at = event_now()
    award.revoked_reason = reason
    award.revoked_by = actor
    award.revoking_number, award.revoking_dated = number, dated
    award.recover_amount = recover_amount
    award.save(
        update_fields=[
            "revoked_at",
            "revoked_reason",
            "revoked_by",
            "revoking_number",
            "revoking_dated",
            "recover_amount",
        ]
    )
    audit_record(
        actor=actor,
        action="award_revoke",
        obj=award,
        before={"revoked": False},
        after={
            "revoked": True,
            "number": number,
            "dated": dated,
            "recover_amount": recover_amount,
        },
        reason=reason,
    )
    return award
