from awards.models.decision import Award, Decision
from awards.models.proposal import Nomination, Proposal
from awards.models.reminder import SentReminder

__all__ = ["Award", "Decision", "Nomination", "Proposal", "SentReminder"]
