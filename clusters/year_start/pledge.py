"""The pledge (giao ước thi đua): commitments, title registrations, signatures and its
states draft → open → signed (every member signed) → locked; reopening needs ministry staff
and a reason."""

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.data_version import bump_cluster_year
from clusters.models import Commitment, Pledge, PledgeSignature, TitleRegistration
from emulation.audit import audit_record, snapshot
from emulation.concurrency import claim_version, lock_existing, refuse_duplicate
from emulation.errors import DomainError
from emulation.models import AwardTitle
from emulation.rights import require_cluster_writer
from emulation.roles import scope_of

State = Pledge.State


def _locked_for_update(pledge):
    """Re-read the pledge under a row lock so two writers are serialised."""
    fresh = Pledge.objects.select_for_update().get(pk=pledge.pk)
    pledge.state, pledge.version = fresh.state, fresh.version
    return pledge


def _lock_for(actor, pledge, *, editable=True):
    """Check that ``actor`` writes for the pledge's cluster, lock the pledge and, when
    ``editable``, refuse a locked one."""
    require_cluster_writer(actor, pledge.cluster_year.cluster)
    _locked_for_update(pledge)
    if editable and pledge.state == State.LOCKED:
        raise DomainError(
            _("Giao ước đã khóa. Cần cán bộ Vụ Thi đua - Khen thưởng mở lại (ghi rõ lý do).")
        )


def _member_ids(pledge):
    return set(pledge.cluster_year.memberships.values_list("unit_id", flat=True))


def _require_member(pledge, unit, field="unit"):
    if unit.pk not in _member_ids(pledge):
        raise DomainError(
            _("%(unit)s không phải thành viên của cụm năm %(year)s.")
            % {"unit": unit.name, "year": pledge.cluster_year.year},
            field=field,
        )


def _set_state(*, actor, pledge, state, reason="", action=None):
    before = pledge.state
    pledge.state = state
    pledge.save(update_fields=["state"])
    audit_record(
        actor=actor,
        action=action or f"pledge_{state}",
        obj=pledge,
        before={"state": before},
        after={"state": state},
        reason=reason,
    )


def pledge_all_signed(pledge):
    members = _member_ids(pledge)
    signed = set(pledge.signatures.values_list("unit_id", flat=True))
    return bool(members) and members <= signed


@transaction.atomic
def pledge_create(*, actor, cluster_year):
    """A draft pledge, its commitments copied from last year's as a start."""
    require_cluster_writer(actor, cluster_year.cluster)
    exists = _("Năm này đã có giao ước.")
    if Pledge.objects.filter(cluster_year=cluster_year).exists():
        raise DomainError(exists)
    with refuse_duplicate(exists):
        pledge = Pledge.objects.create(cluster_year=cluster_year)
    previous = Pledge.objects.filter(
        cluster_year__cluster=cluster_year.cluster_id, cluster_year__year=cluster_year.year - 1
    ).first()
    texts = list(previous.commitments.values_list("text", flat=True)) if previous else []
    Commitment.objects.bulk_create(
        [Commitment(pledge=pledge, order=i, text=t) for i, t in enumerate(texts, 1)]
    )
    bump_cluster_year(pk=pledge.cluster_year_id)
    audit_record(actor=actor, action="pledge_create", obj=pledge, after={"commitments": texts})
    return pledge


@transaction.atomic
def pledge_update(*, actor, pledge, expected_version, commitments, place, conference_date):
    """Replace the ordered commitments and the place and date of signing."""
    _lock_for(actor, pledge)
    texts = [t.strip() for t in commitments if t.strip()]
    if not texts:
        raise DomainError(_("Giao ước cần ít nhất một nội dung."), field="commitments")
    before = _pledge_snapshot(pledge)
    claim_version(pledge, expected_version)
    pledge.signed_at_place = place
    pledge.conference_date = conference_date
    pledge.save(update_fields=["signed_at_place", "conference_date"])
    pledge.commitments.all().delete()
    Commitment.objects.bulk_create(
        [Commitment(pledge=pledge, order=i, text=t) for i, t in enumerate(texts, 1)]
    )
    bump_cluster_year(pk=pledge.cluster_year_id)
    audit_record(
        actor=actor,
        action="pledge_update",
        obj=pledge,
        before=before,
        after=_pledge_snapshot(pledge),
    )
    return pledge


def _pledge_snapshot(pledge):
    commitments = pledge.commitments.order_by("order").values_list("text", flat=True)
    fields = ("signed_at_place", "conference_date")
    return {**snapshot(pledge, fields), "commitments": list(commitments)}


@transaction.atomic
def pledge_open(*, actor, pledge):
    """Draft → open for signing."""
    _lock_for(actor, pledge, editable=False)
    if pledge.state != State.DRAFT:
        raise DomainError(_("Chỉ mở ký được giao ước đang ở trạng thái dự thảo."))
    if not pledge.commitments.exists():
        raise DomainError(_("Giao ước chưa có nội dung nào: hãy nhập nội dung trước khi mở ký."))
    _set_state(actor=actor, pledge=pledge, state=State.OPEN)
    return pledge


@transaction.atomic
def pledge_sign(*, actor, pledge, unit, signer_name, signer_position, signed_on):
    """Record that a member signed; when every member has signed the pledge is signed."""
    _lock_for(actor, pledge)
    if pledge.state == State.DRAFT:
        raise DomainError(_("Giao ước còn là dự thảo: hãy mở ký trước."))
    _require_member(pledge, unit)
    if pledge.signatures.filter(unit=unit).exists():
        raise DomainError(_("%(unit)s đã ký giao ước.") % {"unit": unit.name}, field="unit")
    signature = PledgeSignature.objects.create(
        pledge=pledge,
        unit=unit,
        signer_name=signer_name,
        signer_position=signer_position,
        signed_on=signed_on,
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action="pledge_signature",
        obj=pledge,
        after={
            "unit": unit.pk,
            "signer_name": signer_name,
            "signer_position": signer_position,
            "signed_on": signed_on,
        },
    )
    if pledge.state == State.OPEN and pledge_all_signed(pledge):
        _set_state(actor=actor, pledge=pledge, state=State.SIGNED)
    return signature


@transaction.atomic
def pledge_lock(*, actor, pledge):
    """Signed → locked: nothing changes any more unless ministry staff reopen it."""
    _lock_for(actor, pledge, editable=False)
    if pledge.state != State.SIGNED or not pledge_all_signed(pledge):
        raise DomainError(_("Chỉ khóa được giao ước khi mọi thành viên đã ký."))
    _set_state(actor=actor, pledge=pledge, state=State.LOCKED)
    return pledge


@transaction.atomic
def pledge_reopen(*, actor, pledge, reason):
    """Locked → signed (or open, if a member has not signed): ministry staff, with a reason.
    Audited as ``pledge_reopen`` (never as the normal flow's ``pledge_signed``/``pledge_open``),
    so the trail tells a reopening from a signature."""
    if not scope_of(actor).manages_ministry(pledge.cluster_year.cluster.ministry_id):
        raise DomainError(_("Chỉ cán bộ Vụ Thi đua - Khen thưởng được mở lại giao ước đã khóa."))
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do mở lại giao ước."), field="reason")
    _locked_for_update(pledge)
    if pledge.state != State.LOCKED:
        raise DomainError(_("Giao ước chưa khóa."))
    state = State.SIGNED if pledge_all_signed(pledge) else State.OPEN
    _set_state(
        actor=actor, pledge=pledge, state=state, reason=reason.strip(), action="pledge_reopen"
    )
    return pledge


@transaction.atomic
def registration_add(*, actor, pledge, unit, award_title, person_name):
    """A unit registers a target title: collective titles for the unit, individual ones for a
    named person; only titles of the regime the year is under."""
    _lock_for(actor, pledge)
    _require_member(pledge, unit)
    if award_title.regime_id != pledge.cluster_year.emulation_year.regime_id:
        raise DomainError(
            _("Danh hiệu này không thuộc chế độ áp dụng cho năm %(year)s.")
            % {"year": pledge.cluster_year.year},
            field="award_title",
        )
    person_name = person_name.strip()
    if award_title.subject == AwardTitle.Subject.INDIVIDUAL and not person_name:
        raise DomainError(
            _("“%(title)s” là danh hiệu cá nhân: hãy ghi họ tên người đăng ký.")
            % {"title": award_title.name_vi},
            field="person_name",
        )
    if award_title.subject == AwardTitle.Subject.COLLECTIVE and person_name:
        raise DomainError(
            _("“%(title)s” là danh hiệu tập thể: để trống họ tên cá nhân.")
            % {"title": award_title.name_vi},
            field="person_name",
        )
    duplicate = pledge.registrations.filter(
        unit=unit, award_title=award_title, person_name__iexact=person_name
    )
    if duplicate.exists():
        raise DomainError(_("Đăng ký này đã có."), field="award_title")
    registration = TitleRegistration.objects.create(
        pledge=pledge, unit=unit, award_title=award_title, person_name=person_name
    )
    audit_record(
        actor=actor,
        action="registration_add",
        obj=pledge,
        after={"unit": unit.pk, "award_title": award_title.code, "person_name": person_name},
    )
    return registration


@transaction.atomic
def registration_remove(*, actor, registration):
    pledge = registration.pledge
    _lock_for(actor, pledge)
    lock_existing(registration, _("Đăng ký này đã được xóa."))
    audit_record(
        actor=actor,
        action="registration_remove",
        obj=pledge,
        before={
            "unit": registration.unit_id,
            "award_title": registration.award_title.code,
            "person_name": registration.person_name,
        },
    )
    registration.delete()


class PledgeBoardError(DomainError):
    """Rows of the pledge board a rule refused: ``errors`` maps a unit's id to
    (field, message). Nothing of the board was saved."""

    def __init__(self, errors):
        super().__init__(_("Chưa lưu: có dòng cần sửa."))
        self.errors = errors


@transaction.atomic
def pledge_board_save(*, actor, pledge, rows):
    """Registrations and signatures of many units in one save: all of them or none.

    ``rows``: ``[{"unit": Unit, "signature": {signer_name, signer_position, signed_on} | None,
    "registration": {award_title, person_name} | None}]``. Each is recorded by the service of
    its own (``pledge_sign``, ``registration_add``), which checks its rules and audits it."""
    errors = {}
    saved = {"signatures": 0, "registrations": 0}
    for row in rows:
        unit = row["unit"]
        try:
            with transaction.atomic():
                if row.get("registration"):
                    registration_add(actor=actor, pledge=pledge, unit=unit, **row["registration"])
                    saved["registrations"] += 1
                if row.get("signature"):
                    pledge_sign(actor=actor, pledge=pledge, unit=unit, **row["signature"])
                    saved["signatures"] += 1
        except DomainError as error:
            errors[unit.pk] = (error.field, error.message)
    if errors:
        raise PledgeBoardError(errors)
    return saved
