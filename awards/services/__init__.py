"""Writes of the awards app. Each service checks state, rights and the legal rules, writes
the audit trail in the same transaction and raises DomainError with a Vietnamese message."""

from awards.services.deadlines import emulation_year_set_deadlines
from awards.services.decisions import (
    award_revoke,
    decision_record,
    nomination_forward,
    reward_amount,
)
from awards.services.proposals import (
    nomination_delete,
    nomination_save,
    proposal_create,
    proposal_submit,
    proposal_update,
)
from awards.services.review import (
    nomination_approve,
    nomination_record_council_vote,
    nomination_reject,
    nomination_reopen,
    nominations_bulk_approve,
    proposal_return,
    proposal_start_review,
)

__all__ = [
    "award_revoke",
    "decision_record",
    "emulation_year_set_deadlines",
    "nomination_approve",
    "nomination_delete",
    "nomination_forward",
    "nomination_record_council_vote",
    "nomination_reject",
    "nomination_reopen",
    "nomination_save",
    "nominations_bulk_approve",
    "proposal_create",
    "proposal_return",
    "proposal_start_review",
    "proposal_submit",
    "proposal_update",
    "reward_amount",
]
