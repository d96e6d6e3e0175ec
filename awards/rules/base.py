"""What a rule returns, and the registry the engine and the rules page read."""

import functools
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

ERROR, WARNING = "error", "warning"

# Award catalogue codes (identical in every regime of emulation migration 0001).
LDTT = "lao-dong-tien-tien"
CSTDCS = "cstd-co-so"
CSTD_BO = "cstd-bo"
CSTD_TQ = "cstd-toan-quoc"
TTLDTT = "tt-lao-dong-tien-tien"
TTLDXS = "tt-lao-dong-xuat-sac"
CO_BO = "co-thi-dua-bo"
CO_CP = "co-thi-dua-chinh-phu"
BK_BO_CA_NHAN = "bang-khen-bo-ca-nhan"
BK_TTG_CA_NHAN = "bang-khen-ttg-ca-nhan"

BK_BO_TAP_THE = "bang-khen-bo-tap-the"
BK_TTG_TAP_THE = "bang-khen-ttg-tap-the"
FLAGS = frozenset({CO_BO, CO_CP})

# When a rule is checked: the proposal is made (submission), reviewed (approval), decided;
# and when a unit head's own decision is recorded on a yearly record (head decision).
SUBMISSION, APPROVAL, DECISION = "submission", "approval", "decision"
HEAD_DECISION = "head-decision"

# The stages in the order of the procedure, as the rules page names them.
STAGE_LABELS = {
    SUBMISSION: gettext_lazy("khi gửi"),
    APPROVAL: gettext_lazy("khi đồng ý"),
    DECISION: gettext_lazy("khi ghi quyết định"),
    HEAD_DECISION: gettext_lazy("khi ghi quyết định của thủ trưởng đơn vị"),
}


@dataclass(frozen=True)
class Finding:
    level: str
    rule: str
    message: str

    @property
    def is_error(self):
        return self.level == ERROR


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    description: str
    check: object
    award_codes: frozenset | None = None  # None: every award
    stages: frozenset = frozenset({SUBMISSION, APPROVAL})

    @property
    def stage_labels(self):
        return [label for stage, label in STAGE_LABELS.items() if stage in self.stages]

    def applies(self, line, stage):
        if stage not in self.stages:
            return False
        return self.award_codes is None or line.award_title.code in self.award_codes


REGISTRY = []


def _after(only, code, check):
    @functools.wraps(check)
    def checked(line, ctx):
        return only(line, code) or check(line, ctx)

    return checked


# Not mutated: registration runs once, at import, before mutmut switches a mutant on, so a
# mutant of it could never be observed; tests/awards/test_rules_registry.py checks the registry.
# mutmut reads the pragma only after the colon that opens the body.
def rule(
    code, name, description, *, awards=None, stages=(SUBMISSION, APPROVAL), only=None
):  # pragma: no mutate block
    """Register a plain function ``check(line, ctx) -> list[Finding]`` as a rule. ``only``
    is ``(line, code) -> list[Finding]``, the refusal of a line of the wrong subject (a
    person for a collective title, none for an individual one): ``check`` runs only for a
    line it does not refuse."""

    def register(check):
        if only is not None:
            check = _after(only, code, check)
        REGISTRY.append(
            Rule(
                code=code,
                name=name,
                description=description,
                check=check,
                award_codes=frozenset(awards) if awards else None,
                stages=frozenset(stages),
            )
        )
        return check

    return register
