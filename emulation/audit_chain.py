"""The audit trail's hash chain: each entry's ``hash`` is an HMAC-SHA256, under
``settings.AUDIT_CHAIN_KEY``, of the previous entry's hash and of the entry itself. Changing,
removing or inserting an entry anywhere breaks the chain from there on; without the key (which
the database does not hold) no one can forge a link. ``manage.py audit_verify`` walks it.

Pure functions, so the migration that seals the entries written before the chain existed
computes exactly what ``audit_record`` does."""

import datetime
import hashlib
import hmac
import json

GENESIS = "0" * 64
FIELDS = (
    "at",
    "recorded_at",
    "actor_uid",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "reason",
)


def _at(value):
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def canonical(values):
    """The bytes hashed for one entry: its fields as sorted, compact JSON."""
    data = {name: values[name] for name in FIELDS}
    data["at"] = _at(data["at"])
    data["recorded_at"] = _at(data["recorded_at"])
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def link(key, prev_hash, values):
    return hmac.new(
        key.encode(), prev_hash.encode() + b"\n" + canonical(values), hashlib.sha256
    ).hexdigest()


def values_of(entry):
    return {name: getattr(entry, name) for name in FIELDS}
