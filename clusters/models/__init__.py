from clusters.models.core import Cluster, ClusterYear, Membership
from clusters.models.leadership import LeadershipTerm, RotationPolicy, RotationSlot
from clusters.models.minutes import Minutes, MinutesAttendance
from clusters.models.pledge import Commitment, Pledge, PledgeSignature, TitleRegistration
from clusters.models.scoring import (
    Criterion,
    CriterionGroup,
    CriterionLevel,
    Evidence,
    Score,
    ScoringTable,
)
from clusters.models.voting import Vote, VoteCount

__all__ = [
    "Cluster",
    "ClusterYear",
    "Commitment",
    "Criterion",
    "CriterionGroup",
    "CriterionLevel",
    "Evidence",
    "LeadershipTerm",
    "Membership",
    "Minutes",
    "MinutesAttendance",
    "Pledge",
    "PledgeSignature",
    "RotationPolicy",
    "RotationSlot",
    "Score",
    "ScoringTable",
    "TitleRegistration",
    "Vote",
    "VoteCount",
]
