"""Fast inserts with ids chosen up front: PostgreSQL ``COPY … FROM STDIN`` (text format,
written in large chunks), ``bulk_create`` elsewhere. Rows are tuples in ``fields`` order and
may come from a generator, so 8 million of them never sit in memory at once."""

import datetime
import json
import uuid
from contextlib import contextmanager
from decimal import Decimal
from itertools import islice

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

BATCH = 5000
CHUNK_BYTES = 1 << 20
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value):
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value).translate(_ESCAPES)
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot COPY {value!r}")


def _with_defaults(model, fields, rows):
    """COPY writes no Python-side default: add every column the caller left out that has a
    default, is an auto timestamp or is text that may be blank (e.g. a ``version`` field or a
    note added later), so such a new field never breaks the seed."""
    now = timezone.now()
    extra = {}
    for field in model._meta.concrete_fields:
        if field.attname in fields or field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            extra[field.attname] = now
        elif field.has_default() or (field.empty_strings_allowed and not field.null):
            extra[field.attname] = field.get_default()  # a blank text field: ""
    if not extra:
        return fields, rows
    values = tuple(extra.values())
    return [*fields, *extra], (tuple(row) + values for row in rows)


@contextmanager
def _foreign_keys_checked_once(cursor, table):
    """Drop the table's foreign keys for the load and add them back, same definitions, after:
    PostgreSQL then validates each with one join instead of one lookup per row at commit
    (about 165 s of 270 s at scale 1). Inside the seed's transaction: all or nothing."""
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f'",
        [table],
    )
    foreign_keys = cursor.fetchall()
    quoted = connection.ops.quote_name(table)
    for name, _definition in foreign_keys:
        cursor.execute(f"ALTER TABLE {quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    yield
    for name, definition in foreign_keys:
        cursor.execute(
            f"ALTER TABLE {quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
        )


class BulkWriter:
    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.counts = {}
        self._next_id = {}
        self._models = set()

    def ids(self, model, count):
        """``count`` fresh primary keys for ``model``, after any row already there."""
        start = self._next_id.get(model)
        if start is None:
            start = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self._next_id[model] = start + count
        return range(start, start + count)

    def insert(self, model, fields, rows):
        if self.postgres:
            fields, rows = _with_defaults(model, fields, rows)
            written = self._copy(model, fields, rows)
        else:
            written = self._bulk_create(model, fields, rows)
        self._models.add(model)
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + written
        return written

    def _copy(self, model, fields, rows):
        table = connection.ops.quote_name(model._meta.db_table)
        columns = ", ".join(
            connection.ops.quote_name(model._meta.get_field(name).column) for name in fields
        )
        written = 0
        buffer = []
        size = 0
        with (
            connection.cursor() as cursor,
            _foreign_keys_checked_once(cursor, model._meta.db_table),
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                line = "\t".join(map(_text, row)) + "\n"
                buffer.append(line)
                size += len(line)
                written += 1
                if size >= CHUNK_BYTES:
                    copy.write("".join(buffer))
                    buffer, size = [], 0
            if buffer:
                copy.write("".join(buffer))
        return written

    def _bulk_create(self, model, fields, rows):
        rows = iter(rows)
        written = 0
        while batch := list(islice(rows, BATCH)):
            model.objects.bulk_create(
                [model(**dict(zip(fields, row, strict=True))) for row in batch]
            )
            written += len(batch)
        return written

    def finish(self):
        """Move the id sequences past the ids chosen here; refresh the planner's statistics."""
        models = sorted(self._models, key=lambda model: model._meta.label)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
            if self.postgres:
                for model in models:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
