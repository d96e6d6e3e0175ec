from django.db import transaction
from django.utils.translation import gettext as _

from clusters.data_version import bump_cluster_year
from clusters.evaluation.freeze import ensure_not_frozen
from clusters.models import Cluster, ClusterYear, Membership
from emulation.audit import audit_record, save_record
from emulation.bounds import check_year
from emulation.errors import DomainError
from emulation.models import EmulationYear, LegalRegime
from emulation.rights import require_manager, require_record_manager


def emulation_year_get_or_create(*, ministry, year):
    check_year(year)
    regime = LegalRegime.for_year(year)
    if regime is None:
        raise DomainError(
            _("Chưa có chế độ pháp lý nào áp dụng cho năm %(year)s.") % {"year": year}
        )
    emulation_year, _created = EmulationYear.objects.get_or_create(
        ministry=ministry, year=year, defaults={"regime": regime}
    )
    return emulation_year


def cluster_number_check(*, cluster):
    """A ministry numbers its clusters (and, separately, its blocks) without repeats."""
    duplicate = Cluster.objects.filter(
        ministry_id=cluster.ministry_id, kind=cluster.kind, number=cluster.number
    ).exclude(pk=cluster.pk)
    if duplicate.exists():
        raise DomainError(_("Bộ, ngành này đã có cụm, khối mang số này."), field="number")


CLUSTER_FIELDS = ("ministry", "kind", "number", "name")


@transaction.atomic
def cluster_save(*, actor, cluster, expected_version=None):
    """Create a cluster, or save changes to one as loaded at ``expected_version``."""
    require_record_manager(actor, cluster)
    cluster_number_check(cluster=cluster)
    taken = (_("Bộ, ngành này đã có cụm, khối mang số này."), "number")
    return save_record(
        cluster,
        actor=actor,
        action="cluster",
        fields=CLUSTER_FIELDS,
        claim=True,
        version=expected_version,
        taken=taken,
    )


@transaction.atomic
def cluster_year_set_members(*, actor, cluster, year, units):
    """Make ``units`` the members of the cluster for ``year`` (opening the year if needed).

    Refused for a signed (frozen) year: its ranking and votes were computed from these
    members. A year always keeps at least one member."""
    require_manager(actor, cluster.ministry_id)
    check_year(year)
    if not units:
        raise DomainError(_("Chọn ít nhất một đơn vị thành viên."), field="units")
    foreign = [u for u in units if u.ministry_id != cluster.ministry_id]
    if foreign:
        raise DomainError(
            _("Đơn vị %(name)s không thuộc bộ, ngành của cụm.") % {"name": foreign[0].name},
            field="units",
        )
    emulation_year = emulation_year_get_or_create(ministry=cluster.ministry, year=year)
    cluster_year, _created = ClusterYear.objects.get_or_create(
        cluster=cluster, year=year, defaults={"emulation_year": emulation_year}
    )
    ensure_not_frozen(cluster_year=cluster_year)
    before = set(cluster_year.memberships.values_list("unit_id", flat=True))
    after = {u.pk for u in units}
    cluster_year.memberships.exclude(unit_id__in=after).delete()
    Membership.objects.bulk_create(
        [Membership(cluster_year=cluster_year, unit_id=pk) for pk in sorted(after - before)],
        ignore_conflicts=True,  # a concurrent identical save added them first
    )
    bump_cluster_year(pk=cluster_year.pk)
    if before != after:
        audit_record(
            actor=actor,
            action="memberships_update",
            obj=cluster_year,
            before={"units": sorted(before)},
            after={"units": sorted(after)},
        )
    return cluster_year
