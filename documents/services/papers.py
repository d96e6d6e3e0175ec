"""The papers of a year's dossier: found, or made the first time, for the record each belongs
to (a cluster-year, a proposal's lines, a decision, the ministry's dossier upward), and what a
person writes in them saved with optimistic locking and audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from documents.models import Paper
from documents.papers.access import writes_paper
from documents.papers.common import SETTING_FIELDS
from documents.papers.registry import sections_of
from emulation.audit import audit_record
from emulation.bounds import TEXT_MAX, check_text
from emulation.concurrency import claim_version
from emulation.errors import DomainError
from emulation.rights import RightsError

Kind = Paper.Kind
CLUSTER_KINDS = (Kind.COVER_SUBMISSION, Kind.MINUTES)


def paper_for_cluster_year(cluster_year, kind):
    """The cluster-year's cover submission or minutes (made the first time it is asked for;
    two requests at once find the same one: the unique constraint decides)."""
    if kind not in CLUSTER_KINDS:
        raise ValueError(f"not a cluster-year paper: {kind}")
    paper, _created = Paper.objects.get_or_create(
        kind=kind,
        cluster_year=cluster_year,
        defaults={"ministry_id": cluster_year.cluster.ministry_id, "year": cluster_year.year},
    )
    return paper


def _paper(kind, *, ministry_id, year, cluster_year=None, **record):
    """The paper of ``kind`` belonging to ``record`` (one-to-one), made the first time."""
    paper, _created = Paper.objects.get_or_create(
        **record,
        defaults={
            "kind": kind,
            "ministry_id": ministry_id,
            "year": year,
            "cluster_year": cluster_year,
        },
    )
    return paper


def achievement_report_for(nomination):
    """The achievement report of one line of a proposal."""
    cluster_year = nomination.proposal.cluster_year
    return _paper(
        Kind.ACHIEVEMENT_REPORT,
        ministry_id=cluster_year.cluster.ministry_id,
        year=cluster_year.year,
        cluster_year=cluster_year,
        nomination=nomination,
    )


def papers_for_proposal(proposal):
    """The cluster's papers of a proposal: its cover submission, the minutes and one
    achievement report per line, in that order."""
    cluster_year = proposal.cluster_year
    return [
        paper_for_cluster_year(cluster_year, Kind.COVER_SUBMISSION),
        paper_for_cluster_year(cluster_year, Kind.MINUTES),
        *[
            achievement_report_for(line)
            for line in proposal.nominations.select_related("proposal__cluster_year__cluster")
        ],
    ]


def paper_for_decision(decision):
    """The paper of the Minister's decision on a cluster's proposal. A decision of a higher
    level (on the ministry's dossier upward) is not the ministry's paper."""
    if decision.proposal_id is None:
        raise DomainError(
            _("Chỉ lập văn bản cho quyết định của Bộ trưởng trên hồ sơ đề nghị của cụm.")
        )
    cluster_year = decision.proposal.cluster_year
    return _paper(
        Kind.DECISION,
        ministry_id=decision.ministry_id,
        year=cluster_year.year,
        cluster_year=cluster_year,
        decision=decision,
    )


def paper_for_upward_dossier(dossier):
    """The ministry's submission to the Ministry of Home Affairs of one dossier."""
    return _paper(
        Kind.UPWARD_SUBMISSION,
        ministry_id=dossier.ministry_id,
        year=dossier.year,
        upward_dossier=dossier,
    )


def _snapshot(paper):
    return {"sections": dict(paper.sections), **{f: getattr(paper, f) for f in SETTING_FIELDS}}


def _written(paper, texts):
    """What differs from each section's default: a section left as prefilled keeps following
    the data; one emptied on purpose stays empty."""
    sections = sections_of(paper)
    unknown = set(texts) - {section.key for section in sections}
    if unknown:
        raise DomainError(_("Văn bản này không có phần “%(key)s”.") % {"key": sorted(unknown)[0]})
    stored = {}
    for section in sections:
        text = texts.get(section.key, paper.sections.get(section.key, section.default))
        text = check_text(str(text).replace("\r\n", "\n"), max_length=TEXT_MAX, field=section.key)
        if text.strip() != section.default.strip():
            stored[section.key] = text
    return stored


@transaction.atomic
def paper_update(*, paper, user, data, version):
    """Save what a person wrote (``data["sections"]``: text by section key) and the document
    settings (``data[name]`` for each of ``SETTING_FIELDS``; blank = drawn from the data).
    ``version`` is the one the person loaded: a newer one is refused (``StaleEditError``)."""
    if not writes_paper(user, paper):
        raise RightsError(_("Bạn không có quyền sửa văn bản này."))
    if paper.pk is None:  # an achievement report written for the first time
        paper = achievement_report_for(paper.nomination)
    before = _snapshot(paper)
    sections = _written(paper, data.get("sections", {}))
    claim_version(paper, version)
    paper.sections = sections
    for name in SETTING_FIELDS:
        value = data.get(name, getattr(paper, name))
        setattr(paper, name, value.strip() if isinstance(value, str) else value)
    paper.save()
    audit_record(
        actor=user, action="paper_update", obj=paper, before=before, after=_snapshot(paper)
    )
    return paper
