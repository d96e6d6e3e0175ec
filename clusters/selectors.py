from collections import defaultdict

from django.db.models import Count, F, Prefetch

from clusters.access import visible_clusters
from clusters.evaluation.votes import vote_share
from clusters.models import (
    ClusterYear,
    LeadershipTerm,
    Membership,
    Minutes,
    MinutesAttendance,
    Vote,
)
from emulation.collation import vi_key
from emulation.roles import scope_of


def cluster_years_for_user(*, user, year):
    """The cluster-years in the user's scope for a year, with their ministry-year's data
    version (``ministry_version``)."""
    return (
        scope_of(user)
        .seen(ClusterYear.objects.filter(year=year), "cluster__ministry", cluster="cluster")
        .select_related("cluster__ministry")
        .annotate(ministry_version=F("emulation_year__data_version"))
        .order_by("cluster__ministry__name", "cluster__kind", "cluster__number")
    )


def cluster_year_of_page(*, pk):
    """A cluster-year with what its page shows of its cluster, ministry, year and regime."""
    return ClusterYear.objects.select_related("cluster__ministry", "emulation_year__regime").get(
        pk=pk
    )


def member_counts(cluster_years):
    """The number of member units of each cluster-year, by id (one query)."""
    memberships = Membership.objects.filter(cluster_year__in=[cy.pk for cy in cluster_years])
    counts = memberships.order_by().values_list("cluster_year").annotate(n=Count("pk"))
    return dict(counts)


def clusters_for_list(*, user):
    """The clusters in the user's scope with their number of years, for the list page."""
    return (
        visible_clusters(user)
        .select_related("ministry")
        .annotate(year_count=Count("years"))
        .order_by("ministry__name", "kind", "number")
    )


def cluster_year_of(*, cluster, year):
    """The cluster's year (with its regime), or None before it is set up."""
    return (
        ClusterYear.objects.filter(cluster=cluster, year=year)
        .select_related("emulation_year__regime")
        .first()
    )


def cluster_year_members(*, cluster_year):
    return (
        Membership.objects.filter(cluster_year=cluster_year)
        .select_related("unit")
        .order_by("unit__name")
    )


def member_units_of(cluster_years):
    """``{cluster_year.pk: its member units by name}`` in one query, kept on each instance
    (one request's): the cluster page's member list, pledge and ranking read them once."""
    unread = [cy for cy in cluster_years if getattr(cy, "_member_units", None) is None]
    if unread:
        units = defaultdict(list)
        memberships = Membership.objects.filter(cluster_year__in=unread).select_related("unit")
        for membership in memberships.order_by("unit__name"):
            units[membership.cluster_year_id].append(membership.unit)
        for cluster_year in unread:
            cluster_year._member_units = units[cluster_year.pk]
    return {cy.pk: cy._member_units for cy in cluster_years}


def member_units(cluster_year):
    return member_units_of([cluster_year])[cluster_year.pk]


def years_for_user(*, user, also=()):
    """Every year that has a cluster-year in the user's scope, newest first, with ``also``
    (this year, the year shown): the year switch offers each of them in one step."""
    years = set(
        scope_of(user)
        .seen(ClusterYear.objects.all(), "cluster__ministry", cluster="cluster")
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(years | set(also), reverse=True)


def closed_votes(*, cluster_year):
    """The closed votes of a cluster-year as plain rows, each candidate with THE vote share
    (``clusters.evaluation.votes.vote_share``), most votes first: what the year-end report,
    the minutes and the cover submission print."""
    votes = (
        Vote.objects.filter(cluster_year=cluster_year, state=Vote.State.CLOSED)
        .select_related("award_title")
        .prefetch_related("counts__unit")
        .order_by("award_title__order", "pk")
    )
    return [
        {
            "title": vote.award_title.name_vi,
            "entitled": vote.voters_entitled,
            "cast": vote.ballots_cast,
            "valid": vote.valid_ballots,
            "note": vote.note,
            "counts": [
                {
                    "unit": c.unit.name,
                    "votes": c.votes,
                    "share": vote_share(votes=c.votes, voters_entitled=vote.voters_entitled),
                    "nominated": c.nominated,
                    "women_first": c.won_women_first,
                }
                for c in sorted(vote.counts.all(), key=lambda c: (-c.votes, vi_key(c.unit.name)))
            ],
        }
        for vote in votes
    ]


def conference_minutes(*, cluster_year):
    """The minutes of the cluster-year's closing conference with their attendance (units by
    name), or None."""
    attendance = MinutesAttendance.objects.select_related("unit").order_by("unit__name")
    return (
        Minutes.objects.filter(cluster_year=cluster_year)
        .prefetch_related(Prefetch("attendance", queryset=attendance))
        .first()
    )


def leadership_term(*, cluster_year):
    """The cluster-year's head and deputy, or None."""
    return (
        LeadershipTerm.objects.filter(cluster_year=cluster_year)
        .select_related("head_unit", "deputy_unit")
        .first()
    )
