"""The ministry's desk: take a proposal up, return it, approve or reject each line (reversible
until the decision is issued). The council's votes are recorded by its meeting
(``awards.services.council``)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from awards import rules
from awards.models import Nomination, Proposal
from awards.services.common import (
    LINE_FIELDS,
    PROPOSAL_FIELDS,
    findings_error,
    locked_proposal,
    notify_on_commit,
    require_staff,
)
from clusters.data_version import bump_cluster_year
from emulation.audit import save_version
from emulation.errors import DomainError

Outcome = Nomination.Outcome


def _wrong_state(proposal, verb):
    return DomainError(
        _("Hồ sơ ở trạng thái “%(state)s”: không thể %(verb)s.")
        % {"state": proposal.get_state_display(), "verb": verb}
    )


@transaction.atomic
def proposal_start_review(*, actor, proposal):
    proposal = locked_proposal(proposal)
    require_staff(actor, proposal)
    if not proposal.can_start_review:
        raise _wrong_state(proposal, _("tiếp nhận xét duyệt"))
    return save_version(
        proposal,
        actor=actor,
        action="proposal_start_review",
        fields=PROPOSAL_FIELDS,
        state=Proposal.State.IN_REVIEW,
    )


@transaction.atomic
def proposal_return(*, actor, proposal, reason):
    proposal = locked_proposal(proposal)
    require_staff(actor, proposal)
    if not proposal.can_return:
        raise _wrong_state(proposal, _("trả lại"))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Hãy ghi lý do trả lại hồ sơ."), field="reason")
    if proposal.nominations.filter(upward_dossier__isnull=False).exists():
        raise DomainError(
            _("Hồ sơ có dòng đã đưa vào hồ sơ trình Bộ Nội vụ: hãy bỏ dòng đó ra trước.")
        )
    save_version(
        proposal,
        actor=actor,
        action="proposal_return",
        fields=PROPOSAL_FIELDS,
        reason=reason,
        state=Proposal.State.RETURNED,
        return_reason=reason,
    )
    proposal.nominations.exclude(outcome=Outcome.PENDING).update(
        outcome=Outcome.PENDING, outcome_reason=""
    )
    bump_cluster_year(pk=proposal.cluster_year_id)
    notify_on_commit("returned", proposal.pk)
    return proposal


def _reviewable_line(actor, line):
    # The proposal before its line, as every write of a proposal's lines locks them (closing
    # a council meeting, returning the proposal): the line first deadlocked with a meeting
    # closing on it (tests/safety/test_multi_year_writes.py).
    proposal = locked_proposal(line.proposal)
    line = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("award_title", "unit", "person")
        .get(pk=line.pk)
    )
    line.proposal = proposal
    require_staff(actor, proposal)
    if not proposal.is_reviewable:
        raise _wrong_state(proposal, _("xét từng dòng đề nghị (hãy tiếp nhận hồ sơ trước)"))
    return line


def _set_outcome(actor, line, outcome, reason, action):
    save_version(
        line,
        actor=actor,
        action=action,
        fields=LINE_FIELDS,
        reason=reason,
        outcome=outcome,
        outcome_reason=reason,
    )
    return line


def _approve(actor, line, reason, ctx):
    if not line.is_pending:
        raise DomainError(
            _("Dòng đề nghị %(line)s đã được xét (%(outcome)s).")
            % {"line": line, "outcome": line.get_outcome_display()}
        )
    error = findings_error({line.pk: rules.check_line(line, ctx, stage=rules.APPROVAL)})
    if error:
        raise error
    return _set_outcome(actor, line, Outcome.APPROVED, reason, "nomination_approve")


@transaction.atomic
def nomination_approve(*, actor, line, reason=""):
    line = _reviewable_line(actor, line)
    ctx = rules.rule_context(line.proposal)
    line = next(candidate for candidate in ctx.lines if candidate.pk == line.pk)
    return _approve(actor, line, reason.strip(), ctx)


@transaction.atomic
def nomination_reject(*, actor, line, reason):
    line = _reviewable_line(actor, line)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Hãy ghi lý do không đồng ý."), field="reason")
    if not line.is_pending:
        raise DomainError(_("Dòng đề nghị này đã được xét."))
    return _set_outcome(actor, line, Outcome.REJECTED, reason, "nomination_reject")


@transaction.atomic
def nomination_reopen(*, actor, line, reason=""):
    """Undo an approval or a rejection; possible until the decision is issued."""
    line = _reviewable_line(actor, line)
    if line.is_pending:
        raise DomainError(_("Dòng đề nghị này chưa được xét."))
    if line.upward_dossier_id:
        raise DomainError(_("Dòng đề nghị đã ở hồ sơ trình Bộ Nội vụ: hãy bỏ ra trước."))
    return _set_outcome(actor, line, Outcome.PENDING, reason.strip(), "nomination_reopen")


@dataclass
class BulkApproval:
    """What a bulk approval did: the lines approved, and each line refused with the reason."""

    approved: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # [(line, message)]

    @property
    def total(self):
        return len(self.approved) + len(self.refused)


@transaction.atomic
def nominations_bulk_approve(*, actor, line_ids):
    """Approve the listed lines that pass the rules; a line a rule refuses stays pending and
    is listed with its reason. A list that is not the user's to review approves nothing."""
    lines = list(
        Nomination.objects.filter(pk__in=line_ids)
        .select_related("proposal__cluster_year__cluster")
        .order_by("proposal_id", "id")
    )
    if len(lines) != len(set(line_ids)) or not lines:
        raise DomainError(_("Danh sách dòng đề nghị không hợp lệ, hãy chọn lại."))
    result = BulkApproval()
    by_proposal = {}
    for line in lines:
        by_proposal.setdefault(line.proposal_id, []).append(line)
    for proposal_lines in by_proposal.values():
        ids = [line.pk for line in proposal_lines]
        first = _reviewable_line(actor, proposal_lines[0])
        ctx = rules.rule_context(first.proposal)
        for candidate in ctx.lines:
            if candidate.pk not in ids:
                continue
            candidate.proposal = first.proposal
            try:
                with transaction.atomic():
                    result.approved.append(_approve(actor, candidate, "", ctx))
            except DomainError as error:
                result.refused.append((candidate, error.message))
    return result
