"""Start year N+1 of a cluster from year N: members, commitments and the announced leadership
carry over; year N is left untouched; running it again adds nothing."""

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.data_version import bump_cluster_year
from clusters.evaluation.freeze import lock_cluster_year
from clusters.models import ClusterYear, Commitment, LeadershipTerm, Membership, Pledge
from clusters.services import emulation_year_get_or_create
from clusters.year_start.leadership import leadership_save
from emulation.audit import audit_record
from emulation.errors import DomainError
from emulation.roles import scope_of


@transaction.atomic
def cluster_year_rollover(*, actor, cluster_year, leadership=None):
    """Open ``cluster_year.year + 1``. ``leadership`` (LEADERSHIP_FIELDS) installs the head
    and deputy announced for the new year, unless a term is already recorded for it."""
    cluster = cluster_year.cluster
    if not scope_of(actor).writes_cluster(cluster):
        raise DomainError(_("Bạn không có quyền sửa hồ sơ của cụm này."))
    year = cluster_year.year + 1
    emulation_year = emulation_year_get_or_create(ministry=cluster.ministry, year=year)
    target, created = ClusterYear.objects.get_or_create(
        cluster=cluster, year=year, defaults={"emulation_year": emulation_year}
    )
    target.cluster = cluster
    # Two rollovers at once: the second waits here, then finds the members, the pledge's
    # commitments and the leadership the first added.
    lock_cluster_year(cluster_year=target)
    have = set(target.memberships.values_list("unit_id", flat=True))
    new_members = [
        Membership(cluster_year=target, unit_id=unit_id)
        for unit_id in cluster_year.memberships.values_list("unit_id", flat=True)
        if unit_id not in have
    ]
    Membership.objects.bulk_create(new_members)
    bump_cluster_year(pk=target.pk)  # and the commitments below, in the same transaction

    copied = 0
    source = Pledge.objects.filter(cluster_year=cluster_year).first()
    if source is not None:
        pledge, _created = Pledge.objects.get_or_create(cluster_year=target)
        if not pledge.commitments.exists():
            texts = list(source.commitments.values_list("text", flat=True))
            Commitment.objects.bulk_create(
                [Commitment(pledge=pledge, order=i, text=t) for i, t in enumerate(texts, 1)]
            )
            copied = len(texts)

    installed = False
    if leadership and not LeadershipTerm.objects.filter(cluster_year=target).exists():
        leadership_save(actor=actor, cluster_year=target, data=leadership, expected_version=0)
        installed = True

    summary = {
        "created": created,
        "members_added": len(new_members),
        "commitments_copied": copied,
        "leadership_installed": installed,
    }
    if created or new_members or copied or installed:
        audit_record(
            actor=actor,
            action="year_rollover",
            obj=target,
            after={"from_year": cluster_year.year, **summary},
        )
    return target, summary
