from documents.models.papers import Paper, PaperVersion
from documents.models.register import NumberRegister, RegisteredNumber

__all__ = ["NumberRegister", "Paper", "PaperVersion", "RegisteredNumber"]
