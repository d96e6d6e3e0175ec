from django import template
from django.db.models import Count
from django.template.loader import render_to_string

from awards import selectors
from awards.models import Proposal
from clusters.data_version import ministry_token
from emulation.fragments import cached_fragment
from emulation.numbers import format_decimal
from emulation.roles import scope_of
from units.selectors import cluster_history_of

register = template.Library()


@register.inclusion_tag("awards/_proposal_panel.html", takes_context=True)
def proposal_panel(context, cluster_year):
    """The cluster page's panel: this year's proposal, or a button to start one."""
    proposal = (
        Proposal.objects.filter(cluster_year=cluster_year)
        .annotate(line_count=Count("nominations"))
        .first()
    )
    user = context["request"].user
    return {
        "cluster_year": cluster_year,
        "proposal": proposal,
        "line_count": proposal.line_count if proposal else 0,
        "can_write": scope_of(user).writes_cluster(cluster_year.cluster),
        "csrf_token": context.get("csrf_token"),
    }


def _history(awards):
    awards = list(awards)
    return {
        "active": [a for a in awards if not a.is_revoked],
        "revoked": [a for a in awards if a.is_revoked],
    }


@register.inclusion_tag("awards/_award_history.html")
def unit_award_history(unit):
    return _history(selectors.awards_of_unit(unit=unit))


@register.simple_tag
def unit_history(unit):
    """The unit page's years: those it led a cluster, its awards and its clusters, rendered
    once per version of its ministry's records (``ministry_token``, read before them: every
    record shown belongs to the unit's ministry, a year of it or the catalogue)."""
    return cached_fragment(
        "unit-history",
        ministry_token(ministry_id=unit.ministry_id),
        unit.pk,
        render=lambda: render_to_string(
            "units/_unit_history.html", {"unit": unit, "history": cluster_history_of(unit)}
        ),
    )


@register.inclusion_tag("awards/_award_history.html")
def person_award_history(person):
    return _history(selectors.awards_of_person(person=person))


@register.inclusion_tag("awards/_queue_summary.html", takes_context=True)
def proposal_queue_summary(context):
    return {"summary": selectors.queue_summary(user=context["request"].user)}


@register.filter
def vnd(amount):
    """11920000 -> "11.920.000" (the language's grouping); None -> "—"."""
    if amount is None:
        return "—"
    return format_decimal(int(amount))
