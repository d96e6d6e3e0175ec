"""Twenty numbers taken at once from one register, on PostgreSQL, each request in its own
thread and connection: 1 to 20, none twice, none skipped. The register's row lock orders
them; the unique constraint would refuse a repeat."""

import pytest
from django.db import connection

from documents.models import NumberRegister, RegisteredNumber
from documents.services.register import cancel_number, issue_number
from emulation.models import AuditEntry
from tests.documents.factories import cluster_register
from tests.threads import at_once

N = 20

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="races need PostgreSQL's concurrent transactions (set DATABASE_URL)",
    ),
]


def test_twenty_numbers_at_once_are_one_to_twenty(world):
    register = cluster_register(world.cluster)
    results, errors = at_once(
        N,
        lambda i: (
            issue_number(
                register=register, user=world.users.secretary, summary=f"Văn bản {i}"
            ).number
        ),
    )
    assert errors == []
    assert sorted(results) == list(range(1, N + 1))
    stored = list(
        RegisteredNumber.objects.filter(register=register).values_list("number", flat=True)
    )
    assert sorted(stored) == list(range(1, N + 1))
    assert NumberRegister.objects.get(pk=register.pk).last_number == N
    assert AuditEntry.objects.filter(action="number_issue").count() == N


def test_numbers_taken_while_others_are_cancelled_never_reuse_a_cancelled_one(world):
    register = cluster_register(world.cluster)
    first = [issue_number(register=register, user=world.users.secretary) for _ in range(5)]

    def work(i):
        if i < 5:
            return cancel_number(number=first[i], user=world.users.staff, reason="Hủy").number
        return issue_number(register=register, user=world.users.secretary).number

    _results, errors = at_once(10, work)
    assert errors == []
    numbers = RegisteredNumber.objects.filter(register=register)
    assert sorted(numbers.values_list("number", flat=True)) == list(range(1, 11))
    assert sorted(numbers.filter(cancelled_at__isnull=False).values_list("number", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_ten_first_uses_of_a_register_at_once_make_one_register(world):
    results, errors = at_once(10, lambda i: cluster_register(world.cluster, year=2022).pk)
    assert errors == []
    assert len(set(results)) == 1
    assert NumberRegister.objects.filter(year=2022).count() == 1
