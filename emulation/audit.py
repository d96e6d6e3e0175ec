"""The audit trail: one append-only entry per change, written in the caller's transaction."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from emulation.models import AuditEntry


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
