"""The audit trail proves itself: each entry keeps its actor as they were, is chained to the
previous one, and ``manage.py audit_verify`` names the first broken link. On PostgreSQL the
app's role may only read and append it, and a back-dated entry is refused."""

import datetime
import threading
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from emulation import audit_chain
from emulation.audit import audit_record, audit_verify
from emulation.models import AuditEntry, Ministry
from tests.factories import UserFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the database's own rules exist on PostgreSQL"
)


@pytest.fixture
def trail(db):
    """Four entries by one user, on one object."""
    user = UserFactory(username="thuky", first_name="Trần Thị", last_name="Thu")
    ministry = Ministry.objects.create(short_name="BTP", name="Bộ Tư pháp")
    entries = [
        audit_record(actor=user, action="unit_update", obj=ministry, reason=f"lần {n}")
        for n in range(1, 5)
    ]
    return user, ministry, entries


def _verify():
    checked, broken = audit_verify()
    return checked, (broken[0].pk, broken[1]) if broken else None


def test_each_entry_keeps_the_actor_as_they_were_after_a_rename(trail, client):
    user, _ministry, entries = trail
    user.first_name, user.last_name, user.username = "Nguyễn", "Văn Khác", "nguoi-khac"
    user.save()

    entry = AuditEntry.objects.get(pk=entries[0].pk)
    assert (entry.actor_uid, entry.actor_name) == (user.pk, "Trần Thị Thu")
    assert str(entry).split(" ", 2)[2].startswith("Trần Thị Thu unit_update")


def test_each_entry_is_chained_to_the_previous_one(trail):
    stored = list(AuditEntry.objects.order_by("id"))

    assert stored[0].prev_hash == audit_chain.GENESIS
    assert [e.prev_hash for e in stored[1:]] == [e.hash for e in stored[:-1]]
    assert len({e.hash for e in stored}) == 4
    assert _verify() == (4, None)


def test_audit_verify_reports_an_intact_trail(trail, capsys):
    call_command("audit_verify")
    assert capsys.readouterr().out == "Nhật ký toàn vẹn: 4 mục, mọi mắt xích đều khớp.\n"


def test_an_empty_trail_is_intact(db):
    assert _verify() == (0, None)


def _tamper(sql, params):
    """What someone with the table's owner rights could do, the append-only rule lifted."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "ALTER TABLE emulation_auditentry DISABLE TRIGGER emulation_auditentry_append_only"
            )
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE emulation_auditentry ENABLE TRIGGER emulation_auditentry_append_only"
            )


def test_a_changed_entry_is_the_first_broken_link(trail):
    _user, _ministry, entries = trail
    _tamper("UPDATE emulation_auditentry SET reason = 'sửa' WHERE id = %s", [entries[1].pk])

    assert _verify() == (
        1,
        (entries[1].pk, "nội dung không khớp mã kiểm tra (mục đã bị sửa hoặc giả)"),
    )
    with pytest.raises(CommandError) as caught:
        call_command("audit_verify")
    assert caught.value.returncode == 1
    assert str(caught.value).startswith(f"Nhật ký bị phá vỡ ở mục #{entries[1].pk} (")
    assert str(caught.value).endswith(
        "nội dung không khớp mã kiểm tra (mục đã bị sửa hoặc giả). 1 mục trước đó khớp."
    )


def test_a_renamed_actor_name_breaks_the_link(trail):
    _user, _ministry, entries = trail
    _tamper("UPDATE emulation_auditentry SET actor_name = 'Ai đó' WHERE id = %s", [entries[2].pk])

    assert _verify()[1] == (
        entries[2].pk,
        "nội dung không khớp mã kiểm tra (mục đã bị sửa hoặc giả)",
    )


def test_a_deleted_entry_breaks_the_next_link(trail):
    _user, _ministry, entries = trail
    _tamper("DELETE FROM emulation_auditentry WHERE id = %s", [entries[1].pk])

    assert _verify() == (
        1,
        (
            entries[2].pk,
            "không nối với mục liền trước (có mục bị xóa, chèn hoặc sửa ngay trước nó)",
        ),
    )


def test_an_entry_forged_without_the_key_is_found(trail):
    _user, ministry, _entries = trail
    last = AuditEntry.objects.order_by("-id").first()
    forged = AuditEntry(
        at=last.at + datetime.timedelta(seconds=1),
        recorded_at=last.recorded_at + datetime.timedelta(seconds=1),
        action="unit_update",
        object_type="emulation.ministry",
        object_id=str(ministry.pk),
        object_repr="Bộ Tư pháp",
        reason="giả",
        prev_hash=last.hash,
    )
    forged.hash = audit_chain.link("not-the-key", last.hash, audit_chain.values_of(forged))
    forged.save(force_insert=True)

    assert _verify()[1] == (forged.pk, "nội dung không khớp mã kiểm tra (mục đã bị sửa hoặc giả)")


def test_a_back_dated_entry_is_found_even_with_the_key(trail, settings):
    _user, ministry, _entries = trail
    last = AuditEntry.objects.order_by("-id").first()
    forged = AuditEntry(
        at=last.at,
        recorded_at=last.recorded_at - datetime.timedelta(days=30),
        action="unit_update",
        object_type="emulation.ministry",
        object_id=str(ministry.pk),
        object_repr="Bộ Tư pháp",
        prev_hash=last.hash,
    )
    forged.hash = audit_chain.link(
        settings.AUDIT_CHAIN_KEY, last.hash, audit_chain.values_of(forged)
    )
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="dated before"), transaction.atomic():
            forged.save(force_insert=True)
        return
    forged.save(force_insert=True)
    assert _verify()[1] == (forged.pk, "ghi lùi thời điểm so với mục liền trước")


# -- PostgreSQL: the app's role reads and appends, nothing else ---------------------------------


@pytest.fixture
def app_role(db):
    """A role granted by ``grant_app_role`` (created in the test's transaction, so gone after)."""
    role = f"thidua_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
    call_command("grant_app_role", role)
    return role


def _as(role, sql, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {role}")
        cursor.execute(sql, params)


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE emulation_auditentry SET reason = 'x'",
        "DELETE FROM emulation_auditentry",
        "TRUNCATE emulation_auditentry",
        "ALTER TABLE emulation_auditentry DISABLE TRIGGER emulation_auditentry_append_only",
        "DROP TRIGGER emulation_auditentry_append_only ON emulation_auditentry",
        "DROP TABLE emulation_auditentry CASCADE",
    ],
)
def test_the_app_role_cannot_change_or_remove_the_trail(trail, app_role, sql):
    with pytest.raises(DatabaseError, match=r"permission denied|must be owner"):
        _as(app_role, sql)
    assert AuditEntry.objects.count() == 4


@postgres_only
def test_the_app_role_appends_and_reads_the_trail_and_writes_other_tables(trail, app_role):
    user, ministry, _entries = trail
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {app_role}")
        audit_record(actor=user, action="unit_update", obj=ministry, reason="lần 5")
        Ministry.objects.filter(pk=ministry.pk).update(name="Bộ Tư pháp (sửa)")
        assert AuditEntry.objects.count() == 5
    assert _verify() == (5, None)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_writers_keep_one_unbroken_chain():
    ministry = Ministry.objects.create(short_name="BTP", name="Bộ Tư pháp")
    start = threading.Barrier(8)
    errors = []

    def write(n):
        try:
            start.wait()
            for i in range(5):
                with transaction.atomic():
                    audit_record(actor=None, action="unit_update", obj=ministry, reason=f"{n}.{i}")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert _verify() == (40, None)


def test_a_past_event_loaded_with_its_date_keeps_the_chain(trail):
    from emulation.audit import events_dated

    user, ministry, entries = trail
    with events_dated(datetime.date(2020, 12, 14)):
        past = audit_record(actor=user, action="unit_update", obj=ministry, reason="hội nghị")

    assert past.at.date() == datetime.date(2020, 12, 14)
    assert past.recorded_at >= entries[-1].recorded_at
    assert _verify() == (5, None)
