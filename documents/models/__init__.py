from documents.models.papers import Paper, PaperVersion
from documents.models.register import NumberRegister, RegisteredNumber
from documents.models.reports import ReportVersion, YearEndReport

__all__ = [
    "NumberRegister",
    "Paper",
    "PaperVersion",
    "RegisteredNumber",
    "ReportVersion",
    "YearEndReport",
]
