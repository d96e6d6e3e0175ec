"""The rules engine: one plain function per rule of docs/domain.md §4 that the stored data can
decide. Each returns findings (errors block, warnings inform) in Vietnamese, citing the legal
basis of the year's regime; a rule whose data is not configured warns instead of guessing."""

from awards.rules import (  # noqa: F401  (registers the rules)
    collective,
    general,
    individual,
    levels,
)
from awards.rules.base import (
    APPROVAL,
    DECISION,
    ERROR,
    HEAD_DECISION,
    REGISTRY,
    SUBMISSION,
    WARNING,
    Finding,
)
from awards.rules.context import HeadDecisionLine, head_decision_context, rule_context

__all__ = [
    "APPROVAL",
    "DECISION",
    "ERROR",
    "HEAD_DECISION",
    "REGISTRY",
    "SUBMISSION",
    "WARNING",
    "Finding",
    "HeadDecisionLine",
    "check_head_decision",
    "check_line",
    "check_proposal",
    "rule_context",
]


def check_line(line, ctx, *, stage):
    findings = []
    for registered in REGISTRY:
        if registered.applies(line, stage):
            findings += registered.check(line, ctx)
    return findings


def check_proposal(proposal, *, stage, lines=None, on=None):
    """``{line_id: [Finding, …]}`` for every line not rejected; ``on`` is the date of the
    check (today, or the decision's date)."""
    ctx = rule_context(proposal, lines, on=on)
    return {line.pk: check_line(line, ctx, stage=stage) for line in ctx.live_lines()}


def check_head_decision(line, *, regime, on):
    """The findings of the ``HEAD_DECISION`` stage for a unit head's decision (a
    ``HeadDecisionLine``) under ``regime``, checked on the decision's date ``on``."""
    return check_line(line, head_decision_context(line, regime=regime, on=on), stage=HEAD_DECISION)
