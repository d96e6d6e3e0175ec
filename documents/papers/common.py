"""What every kind of paper shares: the issuing body's symbol, the document settings in
force (what the paper stores, else the default drawn from the data), and the way figures
are printed. Figures are never computed here: shares, ranks and amounts come from the
apps' one-truth functions and are only formatted."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import Paper
from documents.papers.blocks import Section
from documents.reports.data import DOCUMENT_FIELDS
from emulation.numbers import format_decimal, format_share

# The document settings a paper stores (Decree 30/2020/NĐ-CP, annex I); blank = default. The
# year-end report's, but the header lines and the number: a paper's come from the data and
# from the register.
SETTING_FIELDS = [
    name for name in DOCUMENT_FIELDS if name not in ("superior_body", "issuing_body", "number")
]


@dataclass(frozen=True)
class KindSpec:
    """One kind of paper: its type as printed, its template and how its content is read.

    ``read(paper)`` → plain data; ``defaults(paper, data)`` → the header lines
    (``superior_body``, ``issuing_body``, ``addressee``) and the default of each
    setting; ``sections(paper, data)`` → the ``Section`` list a person writes;
    ``body(data, texts)`` → blocks; ``annex(data, doc)`` → blocks after the signature;
    ``left_signature(data)`` → a second signature on the left instead of the recipients;
    ``summary(paper)`` → the default summary line alone, for the register, read without the
    rest of the paper (the defaults say the same from ``data``)."""

    doc_type: str
    template: str
    read: Callable
    defaults: Callable
    sections: Callable
    body: Callable
    summary: Callable
    annex: Callable = field(default=lambda data, doc: [])
    left_signature: Callable = field(default=lambda data: None)


def cluster_code(cluster):
    """ "CTĐ2" for Cụm thi đua số 2, "KTĐ3" for Khối thi đua số 3."""
    return ("CTĐ" if cluster.kind == cluster.Kind.CLUSTER else "KTĐ") + str(cluster.number)


def body_code(paper):
    """The part of the symbol after the dash: the cluster's code for its papers, the
    ministry's short name ("BTP") for the ministry's."""
    if paper.cluster_year_id and paper.kind not in MINISTRY_KINDS:
        return cluster_code(paper.cluster_year.cluster)
    return paper.ministry.short_name


def symbol(paper):
    """ "TTr-CTĐ2", "QĐ-BTP": printed after the number, or after a blank before issue."""
    return f"{paper.type_code}-{body_code(paper)}"


# Papers the ministry issues; the others are the cluster's (its units' achievement reports too).
MINISTRY_KINDS = (Paper.Kind.DECISION, Paper.Kind.UPWARD_SUBMISSION)


def share_text(share):
    """A vote share (``clusters.evaluation.votes.vote_share``) as printed: "75,00%"."""
    return "" if share is None else format_share(share, places=2) + "%"


def amount_text(amount):
    """Reward money as printed: "2.340.000"."""
    return "" if amount is None else format_decimal(amount)


def award_name(award_title, local_names):
    """The ministry's own name of a title ("Cờ thi đua ngành Tư pháp") or the catalogue's."""
    return local_names.get(award_title.code) or award_title.name_vi


def subject_name(line):
    """A unit, or a person with their unit."""
    if line.person_id:
        return f"{line.person.full_name} ({line.unit.name})"
    return line.unit.name


def document(paper, defaults, *, number_label, doc_type):
    """The header, title and closing lines in force for this paper."""
    doc = {name: getattr(paper, name) or defaults.get(name) or "" for name in SETTING_FIELDS}
    doc["issued_on"] = paper.issued_on or defaults.get("issued_on")
    doc.update(
        superior_body=defaults.get("superior_body", ""),
        issuing_body=defaults["issuing_body"],
        number=number_label or "/" + symbol(paper),
        doc_type=doc_type,
        addressee=defaults.get("addressee", ""),
    )
    return doc


def basis_section(data, *more):
    """The bases (căn cứ) of a submission or a decision: the law and the decree of the
    regime that applies (``data["law"]``, ``data["decree"]``), then ``more``."""
    found = [_("Căn cứ %(law)s;") % data, _("Căn cứ %(decree)s;") % data, *more]
    return Section(
        "basis",
        gettext_lazy("Căn cứ"),
        gettext_lazy("Mỗi dòng một căn cứ."),
        "\n".join(line for line in found if line),
    )
