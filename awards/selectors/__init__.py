"""Reads of the awards app: the ministry's queue, award histories. The ranking and the vote
share of a line come from the scoring feature (``clusters.evaluation``), never from here."""

from django.db.models import Count, F, Prefetch, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Award, Decision, Nomination, Proposal
from clusters.access import visible_clusters
from emulation.models import AuditEntry, AwardTitle, LegalRegime
from emulation.roles import scope_of
from units.models import PersonYear, UnitHeadDecision


def proposal_detail_lines(*, proposal):
    return list(
        proposal.nominations.select_related(
            "award_title", "unit", "person", "award__decision", "upward_dossier"
        ).order_by("award_title__order", "rank", "id")
    )


def _sent_proposals(scope):
    """Proposals sent to the ministry (not drafts) of the ministries the scope manages."""
    sent = Proposal.objects.exclude(state=Proposal.State.DRAFT)
    return scope.managed(sent, "cluster_year__cluster__ministry")


def queue_proposals(*, user):
    """Proposals sent to the ministry (not drafts) of the ministries the user manages, in the
    queue's order, with their data versions alone (``cluster_version``, ``ministry_version``):
    the queue counts and pages these, and keys its rows by their versions."""
    return (
        _sent_proposals(scope_of(user))
        .annotate(
            cluster_version=F("cluster_year__data_version"),
            ministry_version=F("cluster_year__emulation_year__data_version"),
        )
        .only("pk")
        .order_by("-cluster_year__year", "cluster_year__cluster__number")
    )


def queue_rows(*, pks):
    """The queue's rows of these proposals, in this order, with their clusters and their
    lines' counts (``line_count``, ``approved_count``)."""
    rows = Proposal.objects.filter(pk__in=pks).select_related("cluster_year__cluster")
    rows = rows.annotate(
        line_count=Count("nominations", distinct=True),
        approved_count=Count(
            "nominations",
            filter=Q(nominations__outcome=Nomination.Outcome.APPROVED),
            distinct=True,
        ),
    )
    by_pk = {row.pk: row for row in rows}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def queue_clusters(*, user):
    """The clusters the queue's filter offers: those of the ministries the user manages."""
    clusters = scope_of(user).managed(visible_clusters(user))
    return clusters.order_by("ministry__name", "kind", "number")


def award_title_choices():
    """The catalogue's award titles by code, sorted by name."""
    names = dict(AwardTitle.objects.order_by("regime", "order").values_list("code", "name_vi"))
    return sorted(names.items(), key=lambda kv: kv[1])


def queue_filter_choices(*, user):
    """The queue filter's clusters and award titles as ``(value, label)`` lists."""
    clusters = [(cluster.pk, str(cluster)) for cluster in queue_clusters(user=user)]
    return clusters, award_title_choices()


def meeting_lines_of(*, line):
    """The council meetings a line was put to, newest first."""
    return line.meeting_lines.select_related("meeting").order_by("-meeting__held_on")


def queue_summary(*, user):
    scope = scope_of(user)
    if not scope.is_ministry_staff:
        return None
    counts = dict(_sent_proposals(scope).order_by().values_list("state").annotate(n=Count("id")))
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
    if not proposal.is_decided:
        return None
    return Decision.objects.filter(proposal=proposal).first()


def proposal_audit_entries(*, proposal, limit=100):
    """The audit trail of a proposal, its lines, its decision and its awards, newest first."""
    # The lines', the decision's and the awards' ids as text, in the same statement
    # (AuditEntry.object_id).
    as_text = {"id_text": Cast("pk", TextField())}
    line_ids = Nomination.objects.filter(proposal=proposal).values(**as_text)
    decision_ids = Decision.objects.filter(proposal=proposal).values(**as_text)
    award_ids = Award.objects.filter(nomination__proposal=proposal).values(**as_text)
    targets = Q(object_type="awards.proposal", object_id=str(proposal.pk))
    targets |= Q(object_type="awards.nomination", object_id__in=line_ids)
    targets |= Q(object_type="awards.decision", object_id__in=decision_ids)
    targets |= Q(object_type="awards.award", object_id__in=award_ids)
    return list(AuditEntry.objects.filter(targets).select_related("actor")[:limit])


def awards_of_decision(*, decision):
    if decision is None:
        return []
    return list(decision.awards.select_related("award_title", "unit", "person"))


def proposals_by_cluster_year(*, cluster_years):
    proposals = Proposal.objects.filter(cluster_year__in=[cy.pk for cy in cluster_years])
    return {proposal.cluster_year_id: proposal for proposal in proposals}


def pending_lines_of(*, proposal):
    return proposal.nominations.filter(outcome=Nomination.Outcome.PENDING)


def with_subjects(lines):
    """``lines`` (a queryset) with their titles, units and persons."""
    return list(lines.select_related("award_title", "unit", "person"))


def pending_lines_for_staff(*, user):
    """Lines waiting for a decision in proposals under review, across the user's ministries."""
    lines = Nomination.objects.filter(
        outcome=Nomination.Outcome.PENDING, proposal__state=Proposal.State.IN_REVIEW
    )
    lines = scope_of(user).managed(lines, "proposal__cluster_year__cluster__ministry")
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
    if line.is_rejected:
        return _("Bộ không đồng ý")
    if line.is_approved:
        dossier = line.upward_dossier
        if dossier is not None:
            return _("Hồ sơ trình %(level)s: %(state)s") % {
                "level": dossier.get_level_display(),
                "state": dossier.get_state_display().lower(),
            }
        if line.award_title.is_above_minister:
            return _("Bộ đã đồng ý, chờ trình %(level)s") % {
                "level": line.award_title.get_level_display()
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
        .select_related(
            "proposal", "award_title", "unit", "person", "award__decision", "upward_dossier"
        )
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
# starts with "co-thi-dua" (emulation migration 0001: the ministry's and the Government's).
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
            nomination__proposal__cluster_year__cluster__ministry=ministry,
        )
        .select_related(
            "award_title",
            "unit",
            "person",
            "decision",
            "nomination__proposal__cluster_year__cluster",
        )
        .order_by(
            "nomination__proposal__cluster_year__cluster__kind",
            "nomination__proposal__cluster_year__cluster__number",
            "award_title__order",
            "unit__name",
            "id",
        )
    )
    rows = []
    for award in awards:
        rows.append(
            {
                "cluster": award.nomination.proposal.cluster_year.cluster.name,
                **_award_row(
                    nominee=_nominee(award),
                    award_title=award.award_title,
                    state=_("Đã quyết định khen thưởng"),
                    award=award,
                ),
            }
        )
    return rows


def regimes_with_catalogue():
    """Every legal regime with its rule data and its catalogue (for the rules page)."""
    return LegalRegime.objects.prefetch_related(
        Prefetch("award_titles", queryset=AwardTitle.objects.order_by("order", "id"))
    ).order_by("valid_from")


def days_waiting(proposal, *, today):
    """Whole days since the proposal was (last) sent, while the ministry has it to act on;
    None once it is back with the cluster or decided."""
    if not proposal.is_with_ministry or proposal.submitted_at is None:
        return None
    return (today - timezone.localdate(proposal.submitted_at)).days


def upward_dossier_lines(*, dossier):
    """The lines of the ministry's dossier to the Ministry of Home Affairs, with their cluster
    and the council's figures (``council_votes_for`` of ``council_members``)."""
    return list(
        dossier.lines.select_related(
            "award_title", "unit", "person", "proposal__cluster_year__cluster"
        ).order_by("award_title__order", "proposal__cluster_year__cluster__number", "id")
    )


def _recorded_row(year, award_title, number="", dated=None, issuer=""):
    return {
        "year": year,
        "kind": award_title.kind,
        "award": award_title.name_vi,
        "number": number,
        "dated": dated,
        "issuer": str(issuer),
    }


def recorded_awards(*, unit, person=None, up_to_year, exclude_nomination_id=None):
    """What a unit (as a collective, ``person`` None) or a person was awarded up to
    ``up_to_year``, oldest first: active awards with their decision, the unit head's
    decisions and, for a person, titles entered by hand on their yearly record (no number).
    Rows of ``year``, ``kind`` (title / form), ``award``, ``number``, ``dated``, ``issuer``."""
    subject = {"person": person} if person is not None else {"unit": unit, "person__isnull": True}
    awards = (
        Award.active.filter(year__lte=up_to_year, **subject)
        .exclude(nomination_id=exclude_nomination_id)
        .select_related("award_title", "decision")
    )
    rows = [
        _recorded_row(
            a.year,
            a.award_title,
            a.decision.number,
            a.decision.dated,
            a.decision.get_level_display(),
        )
        for a in awards
    ]
    decisions = UnitHeadDecision.objects.filter(year__lte=up_to_year, **subject).select_related(
        "award_title"
    )
    rows += [
        _recorded_row(d.year, d.award_title, d.number, d.dated, AwardTitle.Level.UNIT_HEAD.label)
        for d in decisions
    ]
    if person is not None:
        held = {(row["year"], row["award"]) for row in rows}
        for record in PersonYear.objects.filter(
            person=person, year__lte=up_to_year
        ).prefetch_related("prior_titles"):
            rows += [
                _recorded_row(record.year, title)
                for title in record.prior_titles.all()
                if (record.year, title.name_vi) not in held
            ]
    return sorted(rows, key=lambda row: (row["year"], row["kind"], row["award"]))


def lines_for_export(*, proposals):
    return (
        Nomination.objects.filter(proposal__in=proposals.values("pk"))
        .select_related("proposal__cluster_year__cluster", "unit", "person", "award_title")
        .order_by("-proposal__cluster_year__year", "proposal__cluster_year__cluster__number", "id")
    )


def awards_for_export(*, user):
    """Every award decided in the ministries the user manages, newest decision first."""
    awards = scope_of(user).managed(
        Award.objects.all(), "nomination__proposal__cluster_year__cluster__ministry"
    )
    return awards.select_related(
        "decision", "nomination__proposal__cluster_year__cluster", "unit", "person", "award_title"
    ).order_by("-decision__dated", "decision_id", "id")
