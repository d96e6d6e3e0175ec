"""Reads of the ministry's dossiers to the Ministry of Home Affairs."""

from awards.models import Nomination, UpwardDossier
from emulation.models import AwardTitle


def eligible_lines(*, ministry_ids, level=None):
    """Lines the ministries approved (after the council) whose deciding level is ``level``
    (any level above the Minister when None), not yet in a dossier."""
    levels = [level] if level else list(AwardTitle.ABOVE_MINISTER)
    return Nomination.objects.filter(
        proposal__cluster_year__cluster__ministry_id__in=ministry_ids,
        outcome=Nomination.Outcome.APPROVED,
        award_title__level__in=levels,
        upward_dossier__isnull=True,
    ).select_related("award_title", "unit", "person", "proposal__cluster_year__cluster")


def dossier_candidates(*, dossier):
    """The lines that may enter ``dossier``: its ministry's, of its year and its level."""
    return eligible_lines(ministry_ids=[dossier.ministry_id], level=dossier.level).filter(
        proposal__cluster_year__year=dossier.year
    )


def dossiers_page(*, ministries):
    """The ministries' dossiers (the last 100) and the lines waiting for one (the first 200)."""
    dossiers = UpwardDossier.objects.filter(ministry__in=ministries).select_related("ministry")
    waiting = eligible_lines(ministry_ids=[m.pk for m in ministries]).order_by(
        "-proposal__cluster_year__year", "id"
    )
    return dossiers[:100], waiting[:200]


def dossier_lines(*, dossier):
    return dossier.lines.select_related(
        "award_title", "unit", "person", "proposal__cluster_year__cluster", "award"
    )
