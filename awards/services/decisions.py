"""The Minister's decision, the awards it grants, their revocation, and the forwarding of
high-level awards to the Ministry of Home Affairs."""

from decimal import ROUND_CEILING, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import Award, Decision, Nomination, Proposal
from awards.services.common import (
    line_snapshot,
    notify_on_commit,
    proposal_snapshot,
    require_staff,
)
from emulation.audit import audit_record, event_now
from emulation.concurrency import refuse_duplicate
from emulation.errors import DomainError
from emulation.models import BaseSalary

ROUND_TO = Decimal(10000)


def reward_amount(*, award_title, on_date):
    """``(amount, note)``: multiplier × base salary on ``on_date``, rounded up to 10,000 VND.
    A missing multiplier or base salary gives no amount and says why."""
    if award_title.reward_multiplier is None:
        return None, _("Chưa cấu hình hệ số tiền thưởng cho %(award)s: chưa tính tiền thưởng.") % {
            "award": award_title.name_vi
        }
    salary = BaseSalary.objects.filter(valid_from__lte=on_date).order_by("-valid_from").first()
    if salary is None:
        return None, _("Chưa có mức lương cơ sở áp dụng ngày %(date)s: chưa tính tiền thưởng.") % {
            "date": on_date.strftime("%d/%m/%Y")
        }
    raw = Decimal(award_title.reward_multiplier) * Decimal(salary.amount)
    amount = (raw / ROUND_TO).to_integral_value(rounding=ROUND_CEILING) * ROUND_TO
    note = _("%(mult)s × %(salary)s đồng (%(citation)s)") % {
        "mult": award_title.reward_multiplier,
        "salary": f"{salary.amount:,}".replace(",", "."),
        "citation": salary.citation,
    }
    return amount, note


def _decision_snapshot(decision):
    return {
        "number": decision.number,
        "dated": decision.dated,
        "signer_name": decision.signer_name,
        "signer_position": decision.signer_position,
    }


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
    approved = [line for line in lines if line.outcome == Nomination.Outcome.APPROVED]
    if not approved:
        raise DomainError(_("Không có dòng đề nghị nào được đồng ý để ghi quyết định."))
    ministry_id = proposal.cluster_year.cluster.ministry_id
    taken = _(
        "Số quyết định %(number)s đã được bộ, ngành ghi trong năm %(year)s (số và ký hiệu "
        "văn bản là duy nhất trong năm: Nghị định 30/2020/NĐ-CP, điều 15 khoản 1)."
    ) % {"number": number, "year": dated.year}
    if Decision.objects.filter(ministry_id=ministry_id, year=dated.year, number=number).exists():
        raise DomainError(taken, field="number")
    with refuse_duplicate(taken, field="number"):
        decision = Decision.objects.create(
            proposal=proposal,
            number=number,
            dated=dated,
            ministry_id=ministry_id,
            year=dated.year,
            signer_name=signer_name,
            signer_position=signer_position,
            recorded_by=actor,
        )
    audit_record(
        actor=actor, action="decision_record", obj=decision, after=_decision_snapshot(decision)
    )
    for line in approved:
        amount, note = reward_amount(award_title=line.award_title, on_date=dated)
        award = Award.objects.create(
            decision=decision,
            nomination=line,
            unit=line.unit,
            person=line.person,
            award_title=line.award_title,
            year=proposal.cluster_year.year,
            amount=amount,
            amount_note=note,
        )
        audit_record(
            actor=actor,
            action="award_grant",
            obj=award,
            after={"decision": decision.number, "amount": amount, "note": note},
        )
    before = proposal_snapshot(proposal)
    proposal.state = Proposal.State.DECIDED
    proposal.version += 1
    proposal.save()
    audit_record(
        actor=actor,
        action="proposal_decide",
        obj=proposal,
        before=before,
        after={**proposal_snapshot(proposal), "decision": decision.number},
    )
    notify_on_commit("decided", proposal.pk)
    return decision


@transaction.atomic
def award_revoke(*, actor, award, reason):
    award = Award.objects.select_for_update(of=("self",)).get(pk=award.pk)
    require_staff(actor, award.decision.proposal)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Hãy ghi lý do thu hồi."), field="reason")
    if award.is_revoked:
        raise DomainError(_("Khen thưởng này đã bị thu hồi."))
    award.revoked_at = event_now()
    award.revoked_reason = reason
    award.revoked_by = actor
    award.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    audit_record(
        actor=actor,
        action="award_revoke",
        obj=award,
        before={"revoked": False},
        after={"revoked": True},
        reason=reason,
    )
    return award


@transaction.atomic
def nomination_forward(*, actor, line, forwarded_on, forwarded_number):
    line = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("award_title", "proposal__cluster_year__cluster")
        .get(pk=line.pk)
    )
    require_staff(actor, line.proposal)
    if not line.is_high_level:
        raise DomainError(_("Chỉ các hình thức cấp Thủ tướng, Chủ tịch nước mới trình Bộ Nội vụ."))
    if line.outcome != Nomination.Outcome.APPROVED:
        raise DomainError(_("Chỉ trình Bộ Nội vụ các dòng đề nghị đã được Bộ đồng ý."))
    before = {**line_snapshot(line), "forwarded_on": line.forwarded_on}
    line.forwarded_on, line.forwarded_number = forwarded_on, forwarded_number
    line.version += 1
    line.save()
    audit_record(
        actor=actor,
        action="nomination_forward",
        obj=line,
        before=before,
        after={"forwarded_on": forwarded_on, "forwarded_number": forwarded_number},
    )
    return line
