"""Reads of the awards app: the ministry's queue, award histories. The ranking and the vote
share of a line come from the scoring feature (``clusters.evaluation``), never from here."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Award, Decision, Nomination, Proposal
from emulation.models import AuditEntry, AwardTitle
from emulation.roles import scope_of


def proposal_detail_lines(*, proposal):
    return list(
        proposal.nominations.select_related("award_title", "unit", "person", "award").order_by(
            "award_title__order", "rank", "id"
        )
    )


def proposals_for_staff(*, user):
    """Proposals sent to the ministry (not drafts) of the ministries the user manages."""
    scope = scope_of(user)
    proposals = Proposal.objects.exclude(state=Proposal.State.DRAFT)
    if not scope.is_superuser:
        proposals = proposals.filter(cluster_year__cluster__ministry_id__in=scope.staff_ministries)
    return (
        proposals.select_related("cluster_year__cluster__ministry")
        .annotate(
            line_count=Count("nominations", distinct=True),
            approved_count=Count(
                "nominations",
                filter=Q(nominations__outcome=Nomination.Outcome.APPROVED),
                distinct=True,
            ),
        )
        .order_by("-cluster_year__year", "cluster_year__cluster__number")
    )


def queue_summary(*, user):
    scope = scope_of(user)
    if not (scope.is_superuser or scope.staff_ministries):
        return None
    proposals = Proposal.objects.exclude(state=Proposal.State.DRAFT)
    if not scope.is_superuser:
        proposals = proposals.filter(cluster_year__cluster__ministry_id__in=scope.staff_ministries)
    counts = dict(proposals.order_by().values_list("state").annotate(n=Count("id")))
    return [
        (label, counts.get(value, 0)) for value, label in Proposal.State.choices if value in counts
    ]


def awards_of_unit(*, unit):
    return (
        Award.objects.filter(unit=unit, person__isnull=True)
        .select_related("award_title", "decision")
        .order_by("-year", "award_title__order")
    )


def awards_of_person(*, person):
    return (
        Award.objects.filter(person=person)
        .select_related("award_title", "decision")
        .order_by("-year", "award_title__order")
    )


def decision_of(*, proposal):
    if proposal.state != Proposal.State.DECIDED:
        return None
    return Decision.objects.filter(proposal=proposal).first()


def proposal_audit_entries(*, proposal, lines, limit=100):
    """The audit trail of a proposal, its lines, its decision and its awards, newest first."""
    targets = Q(object_type="awards.proposal", object_id=str(proposal.pk))
    line_ids = [str(line.pk) for line in lines]
    targets |= Q(object_type="awards.nomination", object_id__in=line_ids)
    decision_ids = Decision.objects.filter(proposal=proposal).values_list("pk", flat=True)
    award_ids = Award.objects.filter(decision__proposal=proposal).values_list("pk", flat=True)
    targets |= Q(object_type="awards.decision", object_id__in=[str(i) for i in decision_ids])
    targets |= Q(object_type="awards.award", object_id__in=[str(i) for i in award_ids])
    return list(AuditEntry.objects.filter(targets).select_related("actor")[:limit])


def awards_of_decision(*, decision):
    if decision is None:
        return []
    return list(decision.awards.select_related("award_title", "unit", "person"))


def proposals_by_cluster_year(*, cluster_years):
    proposals = Proposal.objects.filter(cluster_year__in=[cy.pk for cy in cluster_years])
    return {proposal.cluster_year_id: proposal for proposal in proposals}


def pending_lines_for_staff(*, user):
    """Lines waiting for a decision in proposals under review, across the user's ministries."""
    scope = scope_of(user)
    lines = Nomination.objects.filter(
        outcome=Nomination.Outcome.PENDING, proposal__state=Proposal.State.IN_REVIEW
    )
    if not scope.is_superuser:
        lines = lines.filter(
            proposal__cluster_year__cluster__ministry_id__in=scope.staff_ministries
        )
    return lines.select_related(
        "proposal__cluster_year__cluster", "award_title", "unit", "person"
    ).order_by("-proposal__cluster_year__year", "proposal__cluster_year__cluster__number", "id")


def _nominee(subject):
    """A unit's name, or a person's name with their unit's (``subject``: a line or award)."""
    if subject.person_id:
        return f"{subject.person.full_name} ({subject.unit.name})"
    return subject.unit.name


def _line_state(line, award):
    if award is not None:
        if award.is_revoked:
            return _("Đã thu hồi (%(reason)s)") % {"reason": award.revoked_reason}
        return _("Đã quyết định khen thưởng")
    if line.outcome == Nomination.Outcome.REJECTED:
        return _("Bộ không đồng ý")
    if line.outcome == Nomination.Outcome.APPROVED:
        if line.forwarded_on:
            return _("Đã trình Bộ Nội vụ ngày %(date)s") % {
                "date": line.forwarded_on.strftime("%d/%m/%Y")
            }
        return _("Bộ đã đồng ý, chờ quyết định")
    return _("Hồ sơ %(state)s") % {"state": line.proposal.get_state_display().lower()}


def _award_row(*, nominee, award_title, state, award):
    decision = award.decision if award is not None else None
    return {
        "nominee": nominee,
        "award": award_title.name_vi,
        "state": str(state),
        "decision_number": decision.number if decision else "",
        "decision_date": decision.dated if decision else None,
        "reward": award.amount if award is not None and not award.is_revoked else None,
    }


def awards_for_report(*, cluster_year):
    """The lines of the cluster-year's proposal for its year-end report, in one query: each
    nominee, the award sought, where it stands and, once decided, the decision and reward."""
    lines = (
        Nomination.objects.filter(proposal__cluster_year=cluster_year)
        .select_related("proposal", "award_title", "unit", "person", "award__decision")
        .order_by("award_title__order", "rank", "id")
    )
    rows = []
    for line in lines:
        award = getattr(line, "award", None)
        rows.append(
            {
                **_award_row(
                    nominee=_nominee(line),
                    award_title=line.award_title,
                    state=_line_state(line, award),
                    award=award,
                ),
                "proposed_on": line.proposal.dated,
            }
        )
    return rows


# Certificates of merit are forms of commendation; flags are the titles whose catalogue code
# starts with "co-thi-dua" (emulation migration 0003: the ministry's and the Government's).
FLAGS_AND_CERTIFICATES = Q(award_title__kind=AwardTitle.Kind.FORM) | Q(
    award_title__code__startswith="co-thi-dua"
)


def ministry_awards_decided(*, ministry, year):
    """Flags and certificates of merit decided for the ministry's clusters for ``year``
    (revoked awards left out), cluster by cluster, in one query."""
    awards = (
        Award.active.filter(
            FLAGS_AND_CERTIFICATES,
            year=year,
            decision__proposal__cluster_year__cluster__ministry=ministry,
        )
        .select_related(
            "award_title", "unit", "person", "decision__proposal__cluster_year__cluster"
        )
        .order_by(
            "decision__proposal__cluster_year__cluster__kind",
            "decision__proposal__cluster_year__cluster__number",
            "award_title__order",
            "unit__name",
            "id",
        )
    )
    rows = []
    for award in awards:
        rows.append(
            {
                "cluster": award.decision.proposal.cluster_year.cluster.name,
                **_award_row(
                    nominee=_nominee(award),
                    award_title=award.award_title,
                    state=_("Đã quyết định khen thưởng"),
                    award=award,
                ),
            }
        )
    return rows


def days_waiting(proposal, *, today):
    """Whole days since the proposal was (last) sent, while the ministry has it to act on;
    None once it is back with the cluster or decided."""
    waiting = (*Proposal.AWAITING_REVIEW, Proposal.State.IN_REVIEW)
    if proposal.state not in waiting or proposal.submitted_at is None:
        return None
    return (today - timezone.localdate(proposal.submitted_at)).days
