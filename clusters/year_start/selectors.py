"""Reads for the start of a cluster's year: leadership history, the rotation suggestion,
the pledge board. Each issues a fixed number of queries whatever the data size."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from clusters.models import (
    ClusterYear,
    LeadershipTerm,
    Membership,
    Pledge,
    PledgeSignature,
    RotationPolicy,
    RotationSlot,
    TitleRegistration,
)
from clusters.selectors import member_units
from emulation.models import AwardTitle
from units.models import Unit


def leadership_history(*, cluster):
    """Every year of the cluster, newest first, with its head and deputy (or None)."""
    return (
        ClusterYear.objects.filter(cluster=cluster)
        .select_related(
            "leadership__head_unit", "leadership__deputy_unit", "emulation_year__regime"
        )
        .order_by("-year")
    )


def leadership_of(*, cluster_year=None, cluster=None, year=None):
    """The head and deputy of a cluster-year (or of ``cluster``'s ``year``), or None."""
    terms = LeadershipTerm.objects.select_related("head_unit", "deputy_unit")
    if cluster_year is not None:
        return terms.filter(cluster_year=cluster_year).first()
    return terms.filter(cluster_year__cluster=cluster, cluster_year__year=year).first()


def rotation_candidates(*, cluster, policy):
    """The units the rotation form lists: those in the policy's order and the members of
    the cluster's latest year, by name."""
    in_order = [slot.unit_id for slot in policy.slots.all()] if policy else []
    latest = ClusterYear.objects.filter(cluster=cluster).order_by("-year").first()
    units = Unit.objects.filter(pk__in=in_order) | Unit.objects.filter(
        memberships__cluster_year=latest
    )
    return units.distinct().order_by("name")


def year_exists(*, cluster, year):
    return ClusterYear.objects.filter(cluster=cluster, year=year).exists()


def rotation_policy_of(*, cluster):
    return (
        RotationPolicy.objects.filter(cluster=cluster)
        .prefetch_related(Prefetch("slots", queryset=_slots()))
        .first()
    )


def _slots():
    return RotationSlot.objects.select_related("unit").order_by("position")


def unit_led_years(*, unit):
    """The cluster-years in which the unit was head or deputy, newest first."""
    head = LeadershipTerm.objects.filter(head_unit=unit)
    deputy = LeadershipTerm.objects.filter(deputy_unit=unit)
    return (
        (head | deputy)
        .select_related("cluster_year__cluster")
        .order_by("-cluster_year__year", "cluster_year__cluster__number")
    )


@dataclass(frozen=True)
class Suggestion:
    head_unit: Unit
    deputy_unit: Unit | None
    selection: str
    reason: str
    head_person: tuple = ("", "")  # (name, position) last seen acting for the unit
    deputy_person: tuple = ("", "")


def _last_person(cluster, unit):
    """Who last acted for ``unit`` as head or deputy of the cluster: likely the same person."""
    if unit is None:
        return ("", "")
    term = (
        LeadershipTerm.objects.filter(cluster_year__cluster=cluster)
        .filter(Q(head_unit=unit) | Q(deputy_unit=unit))
        .order_by("-cluster_year__year")
        .first()
    )
    if term is None:
        return ("", "")
    if term.head_unit_id == unit.pk:
        return (term.head_name, term.head_position)
    return (term.deputy_name, term.deputy_position)


def _suggestion(cluster, head, deputy, reason):
    return Suggestion(
        head_unit=head,
        deputy_unit=deputy,
        selection=LeadershipTerm.Selection.ROTATION,
        reason=reason,
        head_person=_last_person(cluster, head),
        deputy_person=_last_person(cluster, deputy),
    )


def leadership_suggest(*, cluster, year):
    """Who the rotation policy suggests as head and deputy for ``year``, or None.

    Election and appointment suggest nothing. Units that headed the cluster in the last N
    years (the policy's ``no_repeat_years``) are skipped; only members of ``year`` (or,
    before that year is opened, of the year before) are suggested."""
    policy = rotation_policy_of(cluster=cluster)
    if policy is None or policy.method in (
        RotationPolicy.Method.ELECTION,
        RotationPolicy.Method.APPOINTMENT,
    ):
        return None
    members = set(
        Membership.objects.filter(
            cluster_year__cluster=cluster, cluster_year__year=year
        ).values_list("unit_id", flat=True)
    ) or set(
        Membership.objects.filter(
            cluster_year__cluster=cluster, cluster_year__year=year - 1
        ).values_list("unit_id", flat=True)
    )
    terms = {
        t.cluster_year.year: t
        for t in LeadershipTerm.objects.filter(
            cluster_year__cluster=cluster,
            cluster_year__year__gte=year - max(policy.no_repeat_years, 1),
            cluster_year__year__lt=year,
        ).select_related("cluster_year", "head_unit", "deputy_unit")
    }
    recent_heads = {t.head_unit_id for y, t in terms.items() if y >= year - policy.no_repeat_years}
    order = [slot.unit for slot in policy.slots.all() if slot.unit_id in members]
    previous = terms.get(year - 1)

    def next_in_order(after_unit_id, skip):
        ids = [u.pk for u in order]
        start = ids.index(after_unit_id) + 1 if after_unit_id in ids else 0
        for unit in order[start:] + order[:start]:
            if unit.pk not in skip:
                return unit
        return None

    if policy.method == RotationPolicy.Method.DEPUTY_BECOMES_HEAD and previous:
        deputy = previous.deputy_unit
        if deputy.pk in members and deputy.pk not in recent_heads:
            return _suggestion(
                cluster,
                deputy,
                next_in_order(deputy.pk, {deputy.pk} | recent_heads),
                _("Cụm phó năm %(year)s làm Cụm trưởng năm sau.") % {"year": year - 1},
            )
    head = next_in_order(previous.head_unit_id if previous else None, recent_heads)
    if head is None:
        return None
    return _suggestion(
        cluster,
        head,
        next_in_order(head.pk, {head.pk} | recent_heads),
        _("Đơn vị kế tiếp trong thứ tự luân phiên."),
    )


@dataclass
class PledgeRow:
    unit: Unit
    signature: PledgeSignature | None
    registrations: list


def pledge_of(*, cluster_year):
    return Pledge.objects.filter(cluster_year=cluster_year).prefetch_related("commitments").first()


def pledge_board(*, cluster_year, pledge):
    """One row per member of the year: its signature (None = chưa ký) and registrations."""
    members = member_units(cluster_year)
    signatures, registrations = {}, {}
    if pledge is not None:
        signatures = {s.unit_id: s for s in pledge.signatures.all()}
        for reg in registrations_of(pledge=pledge):
            registrations.setdefault(reg.unit_id, []).append(reg)
    return [
        PledgeRow(unit=u, signature=signatures.get(u.pk), registrations=registrations.get(u.pk, []))
        for u in members
    ]


def registrations_of(*, pledge):
    return TitleRegistration.objects.filter(pledge=pledge).select_related("award_title")


def catalogue_for_year(*, cluster_year):
    """The titles of the regime the year is under: the only ones a unit may register."""
    return AwardTitle.objects.filter(regime=cluster_year.emulation_year.regime_id).order_by(
        "order", "id"
    )
