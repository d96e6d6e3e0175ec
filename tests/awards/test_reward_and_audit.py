import datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from awards.rules.money import reward_amount
from emulation.audit import audit_record
from emulation.models import AuditEntry, AwardTitle


def _title(code, regime="luat-2022-nd-98-2023"):
    return AwardTitle.objects.get(code=code, regime__code=regime)


@pytest.mark.parametrize(
    ("code", "on_date", "expected"),
    [
        ("lao-dong-tien-tien", datetime.date(2024, 7, 1), Decimal(710000)),  # 702,000 up
        ("tt-lao-dong-tien-tien", datetime.date(2024, 12, 1), Decimal(1880000)),  # 1,872,000
        ("lao-dong-tien-tien", datetime.date(2024, 6, 30), Decimal(540000)),  # 0.3 × 1,800,000
        ("cstd-co-so", datetime.date(2020, 1, 15), Decimal(1490000)),  # exact: unchanged
        ("co-thi-dua-bo", datetime.date(2025, 1, 10), Decimal(18720000)),  # 8 × 2,340,000
    ],
)
def test_reward_is_multiplier_times_base_salary_rounded_up_to_ten_thousand(
    db, code, on_date, expected
):
    amount, note = reward_amount(award_title=_title(code), on_date=on_date)
    assert " × " in note
    assert amount == expected
    assert isinstance(amount, Decimal)


def test_reward_without_a_multiplier_is_not_guessed(db):
    title = _title("bang-khen-bo-ca-nhan")
    title.reward_multiplier = None
    amount, note = reward_amount(award_title=title, on_date=datetime.date(2024, 8, 1))
    assert amount is None
    assert note == (
        "Chưa cấu hình hệ số tiền thưởng cho Bằng khen của Bộ trưởng (cá nhân): "
        "chưa tính tiền thưởng."
    )


def test_reward_before_any_base_salary_is_not_guessed(catalogue):
    amount, note = reward_amount(
        award_title=_title("cstd-co-so"), on_date=datetime.date(2017, 6, 30)
    )
    assert amount is None
    assert "Chưa có mức lương cơ sở áp dụng ngày 30/06/2017" in note


@pytest.fixture
def entry(world):
    return audit_record(
        actor=world.users.staff, action="proposal_submit", obj=world.cluster, after={"a": 1}
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_to_update_an_audit_entry(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="changed")
    assert AuditEntry.objects.get(pk=entry.pk).action == "proposal_submit"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_to_delete_an_audit_entry(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_raw_sql_updates_of_the_audit_table(entry):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE emulation_auditentry SET reason = 'x' WHERE id = %s", [entry.pk])
