"""Leadership of a cluster-year (Cụm trưởng, Cụm phó) and the cluster's rotation policy."""

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.models import LeadershipTerm, RotationPolicy, RotationSlot
from emulation.audit import audit_record, snapshot
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.data_version import bump_ministry
from emulation.errors import DomainError
from emulation.rights import require_cluster_writer

LEADERSHIP_FIELDS = [
    "head_unit",
    "head_name",
    "head_position",
    "deputy_unit",
    "deputy_name",
    "deputy_position",
    "selection",
    "decision_number",
    "decision_date",
    "announced_on",
    "note",
]


def leadership_check(*, cluster_year, head_unit, deputy_unit):
    """Both units are members that year, and they differ."""
    if head_unit is None or deputy_unit is None:
        raise DomainError(_("Hãy chọn đơn vị Cụm trưởng và đơn vị Cụm phó."), field="head_unit")
    members = set(cluster_year.memberships.values_list("unit_id", flat=True))
    for field, unit in (("head_unit", head_unit), ("deputy_unit", deputy_unit)):
        if unit.pk not in members:
            raise DomainError(
                _("%(unit)s không phải thành viên của cụm năm %(year)s.")
                % {"unit": unit.name, "year": cluster_year.year},
                field=field,
            )
    if head_unit.pk == deputy_unit.pk:
        raise DomainError(_("Đơn vị Cụm phó phải khác đơn vị Cụm trưởng."), field="deputy_unit")


@transaction.atomic
def leadership_save(*, actor, cluster_year, data, expected_version=None):
    """Record or change the head and deputy of a cluster-year.

    ``data`` holds LEADERSHIP_FIELDS; ``expected_version`` is the version the form loaded
    (0 when the user saw no term yet, so a term recorded meanwhile is not overwritten)."""
    require_cluster_writer(actor, cluster_year.cluster)
    leadership_check(
        cluster_year=cluster_year, head_unit=data["head_unit"], deputy_unit=data["deputy_unit"]
    )
    term = LeadershipTerm.objects.filter(cluster_year=cluster_year).first()
    if term is None:
        term = LeadershipTerm(cluster_year=cluster_year, **data)
        with refuse_duplicate(
            _("Lãnh đạo cụm năm này vừa được người khác ghi: tải lại trang để xem.")
        ):
            term.save()
        audit_record(actor=actor, action="leadership_create", obj=term, fields=LEADERSHIP_FIELDS)
        return term
    before = snapshot(term, LEADERSHIP_FIELDS)
    claim_version(term, expected_version or 0)
    for name, value in data.items():
        setattr(term, name, value)
    term.save()
    audit_record(
        actor=actor,
        action="leadership_update",
        obj=term,
        before=before,
        fields=LEADERSHIP_FIELDS,
    )
    return term


@transaction.atomic
def rotation_policy_save(*, actor, cluster, method, no_repeat_years, order, expected_version):
    """Set the cluster's rotation policy; ``order`` lists units in rotation order."""
    require_cluster_writer(actor, cluster)
    if len({u.pk for u in order}) != len(order):
        raise DomainError(_("Mỗi đơn vị chỉ có một vị trí trong thứ tự luân phiên."))
    foreign = [u for u in order if u.ministry_id != cluster.ministry_id]
    if foreign:
        raise DomainError(
            _("Đơn vị %(name)s không thuộc bộ, ngành của cụm.") % {"name": foreign[0].name}
        )
    if method == RotationPolicy.Method.ROTATION and not order:
        raise DomainError(
            _("Luân phiên theo thứ tự cần ít nhất một đơn vị trong thứ tự luân phiên.")
        )
    policy, created = RotationPolicy.objects.get_or_create(cluster=cluster)
    before = None
    if not created:
        before = _policy_snapshot(policy)
        claim_version(policy, expected_version or 0)
    policy.method = method
    policy.no_repeat_years = no_repeat_years
    policy.save()
    policy.slots.all().delete()
    RotationSlot.objects.bulk_create(
        [RotationSlot(policy=policy, unit=unit, position=i) for i, unit in enumerate(order, 1)]
    )
    bump_ministry(ministry_id=cluster.ministry_id)
    audit_record(
        actor=actor,
        action="rotation_policy_save",
        obj=policy,
        before=before,
        after=_policy_snapshot(policy),
    )
    return policy


def _policy_snapshot(policy):
    order = policy.slots.order_by("position").values_list("unit_id", flat=True)
    return {**snapshot(policy, ("method", "no_repeat_years")), "order": list(order)}
