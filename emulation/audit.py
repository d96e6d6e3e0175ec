"""The audit trail: one append-only entry per change, written in the caller's transaction."""

import datetime
import hmac
import json
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emulation import audit_chain, data_version
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.models import AuditEntry

# How each action reads in the audit trail; every action written by audit_record() has a label
# here (tests/emulation/test_audit_labels.py checks it). Context "audit": a label that reads
# like a button's text elsewhere says here what happened.
ACTION_LABELS = {
    "login": _("Đăng nhập"),
    "logout": _("Đăng xuất"),
    "password_change": _("Đổi mật khẩu"),
    "account_create": _("Tạo tài khoản"),
    "account_activate": _("Mở khóa tài khoản"),
    "account_deactivate": _("Khóa tài khoản"),
    "role_grant": _("Cấp quyền"),
    "role_revoke": _("Thu hồi quyền"),
    "cluster_create": _("Thêm cụm thi đua"),
    "cluster_update": _("Sửa cụm thi đua"),
    "memberships_update": _("Sửa danh sách thành viên"),
    "unit_create": _("Thêm đơn vị"),
    "unit_update": _("Sửa đơn vị"),
    "unit_year_create": _("Thêm số liệu năm của đơn vị"),
    "unit_year_update": _("Sửa số liệu năm của đơn vị"),
    "person_create": pgettext_lazy("audit", "Thêm cán bộ"),
    "person_update": _("Sửa hồ sơ cán bộ"),
    "person_year_create": _("Thêm kết quả năm của cán bộ"),
    "person_year_update": _("Sửa kết quả năm của cán bộ"),
    "award_title_create": _("Thêm danh hiệu, hình thức khen thưởng"),
    "award_title_update": _("Sửa danh hiệu, hình thức khen thưởng"),
    "award_title_delete": _("Xóa danh hiệu, hình thức khen thưởng"),
    "emulation_year_deadlines": _("Đặt hạn nộp của năm thi đua"),
    # the start of the year
    "leadership_create": _("Bầu cụm trưởng, cụm phó"),
    "leadership_update": _("Sửa cụm trưởng, cụm phó"),
    "rotation_policy_save": _("Lưu quy tắc luân phiên"),
    "year_rollover": _("Bắt đầu năm mới"),
    "pledge_create": _("Tạo giao ước thi đua"),
    "pledge_update": _("Sửa giao ước thi đua"),
    "pledge_draft": _("Đưa giao ước về dự thảo"),
    "pledge_open": pgettext_lazy("audit", "Mở ký giao ước"),
    "pledge_signed": _("Giao ước đã ký đủ"),
    "pledge_locked": pgettext_lazy("audit", "Khóa giao ước"),
    "pledge_reopen": pgettext_lazy("audit", "Mở lại giao ước đã khóa"),
    "pledge_signature": pgettext_lazy("audit", "Ký giao ước"),
    "registration_add": pgettext_lazy("audit", "Đăng ký danh hiệu thi đua"),
    "registration_remove": _("Hủy đăng ký danh hiệu thi đua"),
    # the year-end evaluation
    "scoring_table_create": _("Tạo bảng tiêu chí chấm điểm"),
    "scoring_table_update": _("Sửa bảng tiêu chí chấm điểm"),
    "scoring_table_import": _("Nhập bảng tiêu chí chấm điểm"),
    "scores_update": _("Sửa điểm"),
    "evidence_add": _("Đính kèm minh chứng"),
    "evidence_delete": _("Xóa minh chứng"),
    "vote_create": pgettext_lazy("audit", "Mở cuộc bỏ phiếu"),
    "vote_counts": _("Ghi số phiếu"),
    "vote_close": _("Chốt kết quả bỏ phiếu"),
    "vote_close_tie_break": _("Chốt kết quả bỏ phiếu, phân định đồng phiếu"),
    "vote_reopen": pgettext_lazy("audit", "Mở lại cuộc bỏ phiếu"),
    "minutes_create": _("Lập biên bản họp"),
    "minutes_update": _("Sửa biên bản họp"),
    "minutes_sign": _("Ký biên bản họp"),
    "minutes_unsign": _("Hủy ký biên bản họp"),
    # award proposals and decisions
    "proposal_create": _("Lập hồ sơ đề nghị"),
    "proposal_update": _("Sửa hồ sơ đề nghị"),
    "proposal_submit": _("Gửi hồ sơ đề nghị"),
    "proposal_resubmit": _("Gửi lại hồ sơ đề nghị"),
    "proposal_start_review": _("Bắt đầu xét duyệt"),
    "proposal_return": _("Trả lại hồ sơ để bổ sung"),
    "proposal_decide": _("Hồ sơ đã có quyết định"),
    "nomination_create": pgettext_lazy("audit", "Thêm dòng đề nghị"),
    "nomination_update": _("Sửa dòng đề nghị"),
    "nomination_delete": _("Xóa dòng đề nghị"),
    "nomination_council_vote": _("Ghi kết quả bỏ phiếu của hội đồng"),
    "nomination_approve": _("Đồng ý dòng đề nghị"),
    "nomination_reject": _("Không đồng ý dòng đề nghị"),
    "nomination_reopen": _("Xét lại dòng đề nghị"),
    "council_member_create": _("Thêm thành viên hội đồng"),
    "council_member_update": _("Sửa thành viên hội đồng"),
    "council_meeting_create": _("Lập phiên họp hội đồng"),
    "council_meeting_lines": _("Đưa dòng đề nghị ra họp hội đồng"),
    "council_meeting_record": _("Ghi biểu quyết của hội đồng"),
    "council_meeting_close": _("Kết thúc phiên họp hội đồng"),
    "upward_dossier_create": _("Lập hồ sơ trình Bộ Nội vụ"),
    "upward_dossier_update": _("Sửa tờ trình Bộ Nội vụ"),
    "upward_dossier_lines": _("Sửa các dòng của hồ sơ trình Bộ Nội vụ"),
    "upward_dossier_forward": _("Trình Bộ Nội vụ"),
    "upward_dossier_return": _("Bộ Nội vụ trả lại hồ sơ"),
    "upward_dossier_resubmit": _("Trình lại Bộ Nội vụ"),
    "upward_dossier_decide": _("Ghi quyết định của cấp trên"),
    "upward_dossier_refuse": _("Ghi việc không khen thưởng"),
    "ministry_award_setting_save": _("Sửa thiết lập danh hiệu của bộ"),
    "unit_head_decision_record": _("Ghi quyết định của thủ trưởng đơn vị"),
    "unit_head_decision_delete": _("Xóa quyết định của thủ trưởng đơn vị"),
    "decision_record": pgettext_lazy("audit", "Ghi quyết định khen thưởng"),
    "award_grant": _("Ghi nhận khen thưởng"),
    "award_revoke": _("Thu hồi khen thưởng"),
    # year-end reports
    "report_update": pgettext_lazy("audit", "Sửa báo cáo tổng kết"),
    "report_version_request": _("Yêu cầu tạo bản PDF báo cáo"),
    # the papers of the dossier: numbers of the register, revocation
    "number_issue": _("Cấp số văn bản"),
    "number_cancel": _("Hủy số văn bản"),
    "register_advance": _("Ghi số đã cấp ngoài hệ thống"),
    "paper_version_revoke": _("Thu hồi văn bản đã ban hành"),
    "paper_update": _("Sửa nội dung văn bản của hồ sơ"),
    "paper_draft": _("Tạo bản dự thảo của văn bản"),
    "paper_issue": _("Ban hành văn bản (cấp số, tạo bản chính thức)"),
    "paper_signed_upload": _("Tải lên bản văn bản đã ký số"),
    # loading a ministry's lists from spreadsheets, inviting accounts
    "sheet_import": _("Nhập danh sách từ tệp Excel"),
    "account_invite": _("Gửi thư mời đặt mật khẩu"),
}


def action_label(action):
    return ACTION_LABELS.get(action, action)


def _jsonable(data):
    if data is None:
        return None
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


_event_time = ContextVar("audit_event_time", default=None)


@contextmanager
def events_dated(moment):
    """Record what happens inside the block as happening at ``moment`` (a date: 09:00 that
    day, local time; or an aware datetime): the audit entries and the moments services
    stamp (``event_now``). Only for loading records of past events, such as the demo's
    2020 conference: a user's action is always stamped with the real time."""
    if isinstance(moment, datetime.date) and not isinstance(moment, datetime.datetime):
        moment = timezone.make_aware(datetime.datetime.combine(moment, datetime.time(9)))
    token = _event_time.set(moment)
    try:
        yield moment
    finally:
        _event_time.reset(token)


def event_now():
    """Now, or the moment of the past event being recorded (``events_dated``)."""
    return _event_time.get() or timezone.now()


# Any constant: the key of the PostgreSQL advisory lock that orders the chain's appends.
CHAIN_LOCK = 7_340_114


def actor_name(user):
    return (user.get_full_name() or user.username)[:300]


def snapshot(obj, fields):
    """What the audit trail keeps of ``obj``: the value of each named field, a relation by its
    id (a to-many one, forward or reverse, by its sorted ids), a file by its name."""
    data = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            accessor = name if field.concrete else field.get_accessor_name()
            data[name] = sorted(getattr(obj, accessor).values_list("pk", flat=True))
        elif field.is_relation:
            data[name] = getattr(obj, field.attname)
        else:
            value = getattr(obj, name)
            data[name] = value.name if isinstance(value, FieldFile) else value
    return data


def stored_snapshot(obj, fields):
    """The snapshot of ``obj`` as it is stored, before the caller saves its changes; None
    for a record not yet created."""
    if obj.pk is None:
        return None
    return snapshot(type(obj)._default_manager.get(pk=obj.pk), fields)


def save_record(obj, *, actor, action, fields, claim=False, version=None, taken=None, m2m=None):
    """Create ``obj`` or save the user's changes to it, and record ``{action}_create`` or
    ``{action}_update`` with the snapshot of ``fields`` before and after. With ``claim``,
    a change must come from the ``version`` the user loaded (``claim_version``); ``taken``,
    ``(message, field)``, answers the record's unique constraint (``refuse_duplicate``);
    ``m2m`` (``{field: objects}``) is set once the record is saved."""
    before = stored_snapshot(obj, fields)
    if before is not None and claim:
        claim_version(obj, version)
    refused = refuse_duplicate(taken[0], field=taken[1]) if taken else nullcontext()
    with refused:
        obj.save()
    for name, objects in (m2m or {}).items():
        getattr(obj, name).set(objects)
    audit_record(
        actor=actor,
        action=f"{action}_create" if before is None else f"{action}_update",
        obj=obj,
        before=before,
        fields=fields,
    )
    return obj


def save_version(obj, *, actor, action, fields, before=None, after=None, reason="", **changes):
    """Set ``changes`` on ``obj``, save it as its next version and record the change: the
    snapshot of ``fields`` before (taken now unless given) and after (with ``after``)."""
    if before is None:
        before = snapshot(obj, fields)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.version += 1
    obj.save()
    return audit_record(
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=after,
        fields=fields,
        reason=reason,
    )


def audit_record(*, actor, action, obj, before=None, after=None, fields=(), reason=""):
    """Append an entry, chained to the previous one, in the caller's transaction. With
    ``fields``, ``after`` is the snapshot of those fields of ``obj`` (with ``after`` added).

    The chain needs one writer at a time: on PostgreSQL a transaction-level advisory lock is
    taken here and held until the caller's transaction ends, so the entries' order, their
    ``recorded_at`` and the chain agree (SQLite serialises writers by itself). ``at`` is when
    it happened: now, or the past event being loaded (``events_dated``)."""
    actor = actor if actor is not None and actor.is_authenticated else None
    if fields:
        after = {**snapshot(obj, fields), **(after or {})}
    with transaction.atomic():
        data_version.bump_for_record(obj)  # the year's row lock first, then the chain's
        connection = transaction.get_connection()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
        last = AuditEntry.objects.order_by("-id").values("hash", "recorded_at").first()
        now = timezone.now()
        entry = AuditEntry(
            at=event_now(),
            recorded_at=max(now, last["recorded_at"]) if last else now,
            actor=actor,
            actor_uid=actor.pk if actor else None,
            actor_name=actor_name(actor) if actor else "",
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_repr=str(obj)[:300],
            before=_jsonable(before),
            after=_jsonable(after),
            reason=reason,
            prev_hash=(last["hash"] if last else "") or audit_chain.GENESIS,
        )
        entry.hash = audit_chain.link(
            settings.AUDIT_CHAIN_KEY, entry.prev_hash, audit_chain.values_of(entry)
        )
        entry.save(force_insert=True)
    return entry


def audit_verify(*, entries=None):
    """Walk the chain in order; return ``(checked, None)`` when every link holds, else
    ``(checked, (entry, problem))`` for the first broken one, ``problem`` in Vietnamese."""
    entries = entries if entries is not None else AuditEntry.objects.order_by("id")
    prev_hash, prev_at, checked = audit_chain.GENESIS, None, 0
    for entry in entries.iterator(chunk_size=2000):
        if entry.prev_hash != prev_hash:
            return checked, (
                entry,
                _("không nối với mục liền trước (có mục bị xóa, chèn hoặc sửa ngay trước nó)"),
            )
        if prev_at is not None and entry.recorded_at < prev_at:
            return checked, (entry, _("ghi lùi thời điểm so với mục liền trước"))
        expected = audit_chain.link(
            settings.AUDIT_CHAIN_KEY, entry.prev_hash, audit_chain.values_of(entry)
        )
        if not hmac.compare_digest(expected, entry.hash):
            return checked, (entry, _("nội dung không khớp mã kiểm tra (mục đã bị sửa hoặc giả)"))
        prev_hash, prev_at, checked = entry.hash, entry.recorded_at, checked + 1
    return checked, None


def audit_entries_for(obj):
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
