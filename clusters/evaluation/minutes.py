"""The minutes (biên bản) of the closing conference. Signing freezes the scores, ranking and
votes of the cluster-year (see ``freeze``); ministry staff may unfreeze with a reason. Both
are audited with who and when."""

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.data_version import bump_cluster_year
from clusters.evaluation.freeze import ensure_not_frozen, lock_cluster_year
from clusters.models import Minutes, MinutesAttendance, Vote
from emulation.audit import audit_record, event_now, snapshot
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.errors import DomainError
from emulation.rights import require_cluster_writer, require_manager

FIELDS = ("held_on", "place", "chair_name", "chair_position", "secretary_name", "agenda")


def _snapshot(minutes):
    attendance = minutes.attendance.order_by("unit_id").values_list(
        "unit_id", "present", "representative_name", "representative_position"
    )
    return {**snapshot(minutes, (*FIELDS, "state")), "attendance": [list(a) for a in attendance]}


@transaction.atomic
def minutes_save(*, actor, cluster_year, expected_version, data, attendance):
    """Create or update the draft minutes. ``attendance`` maps unit id → (present, name,
    position) for the members of the year."""
    require_cluster_writer(actor, cluster_year.cluster)
    ensure_not_frozen(cluster_year=cluster_year)
    minutes = Minutes.objects.filter(cluster_year=cluster_year).first()
    member_ids = set(cluster_year.memberships.values_list("unit_id", flat=True))
    if set(attendance) - member_ids:
        raise DomainError(_("Chỉ ghi danh sách có mặt cho đơn vị thành viên của cụm."))
    before = None
    if minutes is None:
        minutes = Minutes(cluster_year=cluster_year)
    else:
        before = _snapshot(minutes)
        claim_version(minutes, expected_version)
    for name in FIELDS:
        setattr(minutes, name, data[name])
    with refuse_duplicate(
        _("Biên bản vừa được người khác tạo: tải lại trang để xem rồi nhập lại.")
    ):
        minutes.save()
    minutes.attendance.all().delete()
    MinutesAttendance.objects.bulk_create(
        MinutesAttendance(
            minutes=minutes,
            unit_id=unit_id,
            present=present,
            representative_name=name,
            representative_position=position,
        )
        for unit_id, (present, name, position) in sorted(attendance.items())
    )
    bump_cluster_year(pk=cluster_year.pk)
    audit_record(
        actor=actor,
        action="minutes_update" if before else "minutes_create",
        obj=minutes,
        before=before,
        after=_snapshot(minutes),
    )
    return minutes


@transaction.atomic
def minutes_sign(*, actor, minutes, expected_version):
    require_cluster_writer(actor, minutes.cluster_year.cluster)
    lock_cluster_year(cluster_year=minutes.cluster_year)
    if minutes.is_signed:
        raise DomainError(_("Biên bản đã được ký."))
    if Vote.objects.filter(cluster_year=minutes.cluster_year, state=Vote.State.OPEN).exists():
        raise DomainError(_("Còn cuộc bỏ phiếu chưa kết thúc: kết thúc bỏ phiếu trước khi ký."))
    if not minutes.attendance.filter(present=True).exists():
        raise DomainError(_("Biên bản chưa ghi đơn vị nào có mặt."))
    claim_version(minutes, expected_version)
    minutes.state = Minutes.State.SIGNED
    minutes.signed_at = event_now()
    minutes.signed_by = actor
    minutes.save(update_fields=["state", "signed_at", "signed_by"])
    audit_record(
        actor=actor,
        action="minutes_sign",
        obj=minutes,
        before={"state": Minutes.State.DRAFT},
        after={"state": minutes.state, "signed_at": minutes.signed_at},
    )
    return minutes


@transaction.atomic
def minutes_unsign(*, actor, minutes, expected_version, reason):
    """Ministry staff only, with a reason: back to draft, unfreezing the year (audited as
    ``minutes_unsign``, an action of its own)."""
    require_manager(actor, minutes.cluster_year.cluster.ministry_id)
    lock_cluster_year(cluster_year=minutes.cluster_year)
    if not minutes.is_signed:
        raise DomainError(_("Biên bản chưa ký."))
    if not reason.strip():
        raise DomainError(_("Cần ghi lý do mở khóa."), field="reason")
    claim_version(minutes, expected_version)
    before = snapshot(minutes, ("state", "signed_at", "signed_by"))
    minutes.state, minutes.signed_at, minutes.signed_by = Minutes.State.DRAFT, None, None
    minutes.save(update_fields=["state", "signed_at", "signed_by"])
    audit_record(
        actor=actor,
        action="minutes_unsign",
        obj=minutes,
        before=before,
        after={"state": minutes.state},
        reason=reason.strip(),
    )
    return minutes
