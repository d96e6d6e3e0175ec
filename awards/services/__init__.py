"""Writes of the awards app. Each service checks state, rights and the legal rules, writes
the audit trail in the same transaction and raises DomainError with a Vietnamese message."""

from awards.services.council import (
    council_member_save,
    meeting_add_proposal,
    meeting_close,
    meeting_create,
    meeting_record,
)
from awards.services.deadlines import emulation_year_set_deadlines
from awards.services.decisions import (
    award_revoke,
    decision_record,
)
from awards.services.head_decisions import (
    unit_head_decision_delete,
    unit_head_decision_record,
)
from awards.services.proposals import (
    nomination_delete,
    nomination_save,
    proposal_cover_issued,
    proposal_create,
    proposal_submit,
    proposal_update,
)
from awards.services.review import (
    nomination_approve,
    nomination_reject,
    nomination_reopen,
    nominations_bulk_approve,
    proposal_return,
    proposal_start_review,
)
from awards.services.upward import (
    upward_dossier_add_lines,
    upward_dossier_answer,
    upward_dossier_create,
    upward_dossier_decide,
    upward_dossier_forward,
    upward_dossier_remove_line,
    upward_dossier_update,
)

__all__ = [
    "award_revoke",
    "council_member_save",
    "decision_record",
    "emulation_year_set_deadlines",
    "meeting_add_proposal",
    "meeting_close",
    "meeting_create",
    "meeting_record",
    "nomination_approve",
    "nomination_delete",
    "nomination_reject",
    "nomination_reopen",
    "nomination_save",
    "nominations_bulk_approve",
    "proposal_cover_issued",
    "proposal_create",
    "proposal_return",
    "proposal_start_review",
    "proposal_submit",
    "proposal_update",
    "unit_head_decision_delete",
    "unit_head_decision_record",
    "upward_dossier_add_lines",
    "upward_dossier_answer",
    "upward_dossier_create",
    "upward_dossier_decide",
    "upward_dossier_forward",
    "upward_dossier_remove_line",
    "upward_dossier_update",
]
