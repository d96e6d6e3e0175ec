"""The audit trail: one append-only entry per change, written in the caller's transaction."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from emulation.models import AuditEntry

# How each action reads in the audit trail; a feature adds its own actions here. An action
# without a label is shown by its code.
ACTION_LABELS = {
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
}


def action_label(action):
    return ACTION_LABELS.get(action, action)


def _jsonable(data):
    if data is None:
        return None
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def audit_record(*, actor, action, obj, before=None, after=None, reason=""):
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        before=_jsonable(before),
        after=_jsonable(after),
        reason=reason,
    )


def audit_entries_for(obj):
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
