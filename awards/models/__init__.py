from awards.models.council import (
    Council,
    CouncilMeeting,
    CouncilMember,
    MeetingAttendance,
    MeetingLine,
)
from awards.models.decision import Award, Decision
from awards.models.proposal import Nomination, Proposal
from awards.models.reminder import SentReminder
from awards.models.upward import UpwardDossier

__all__ = [
    "Award",
    "Council",
    "CouncilMeeting",
    "CouncilMember",
    "Decision",
    "MeetingAttendance",
    "MeetingLine",
    "Nomination",
    "Proposal",
    "SentReminder",
    "UpwardDossier",
]
