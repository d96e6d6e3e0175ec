"""The register of outgoing documents: numbers from 1, in order, never twice, never skipped; a
cancelled number stays recorded and is never given again (Decree 30/2020/NĐ-CP, art. 15(1))."""

import pytest
from django.db import IntegrityError, transaction

from clusters.models import Cluster
from documents.models import NumberRegister, RegisteredNumber
from documents.services.register import (
    body_of_cluster,
    body_of_ministry,
    cancel_number,
    issue_number,
)
from emulation.errors import DomainError
from emulation.models import AuditEntry, Ministry
from tests.documents.factories import (
    PaperFactory,
    PaperVersionFactory,
    cluster_register,
    ministry_register,
)
from tests.factories import ClusterFactory


def test_a_cluster_issues_as_cum_thi_dua_so_n_and_a_block_as_ktd(world):
    block = ClusterFactory(
        ministry=world.ministry, kind=Cluster.Kind.BLOCK, number=3, name="Khối thi đua số 3"
    )
    assert body_of_cluster(world.cluster) == ("Cụm thi đua số 2", "CTĐ2")
    assert body_of_cluster(block) == ("Khối thi đua số 3", "KTĐ3")


def test_a_ministry_issues_under_its_short_name_or_its_initials_and_its_council_as_hdtdkt(db):
    justice = Ministry.objects.create(name="Bộ Tư pháp", short_name="BTP")
    labour = Ministry.objects.create(name="Bộ Lao động - Thương binh và Xã hội", short_name=" ")
    assert body_of_ministry(justice) == ("Bộ Tư pháp", "BTP")
    assert body_of_ministry(labour) == ("Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH")
    assert body_of_ministry(justice, council=True) == (
        "Hội đồng Thi đua - Khen thưởng Bộ Tư pháp",
        "HĐTĐKT",
    )


def test_the_register_of_a_body_year_and_type_is_made_once(world):
    first = cluster_register(world.cluster)
    again = cluster_register(world.cluster)
    minutes = cluster_register(world.cluster, type_code=NumberRegister.TypeCode.MINUTES)
    next_year = cluster_register(world.cluster, year=2022)
    assert again == first
    assert len({first.pk, minutes.pk, next_year.pk}) == 3
    assert (first.issuing_body, first.symbol, first.cluster) == (
        "Cụm thi đua số 2",
        "TTr-CTĐ2",
        world.cluster,
    )


def test_a_year_out_of_range_gets_no_register(world):
    with pytest.raises(DomainError, match="Năm phải từ"):
        cluster_register(world.cluster, year=1900)


def test_numbers_start_at_one_and_follow_in_order(world):
    register = cluster_register(world.cluster)
    numbers = [
        issue_number(register=register, user=world.users.secretary, summary=f"Tờ trình {i}")
        for i in range(1, 4)
    ]
    assert [n.number for n in numbers] == [1, 2, 3]
    assert [n.label for n in numbers] == ["1/TTr-CTĐ2", "2/TTr-CTĐ2", "3/TTr-CTĐ2"]
    assert numbers[1].summary == "Tờ trình 2"
    assert numbers[0].issued_by == world.users.secretary
    register.refresh_from_db()
    assert register.last_number == 3
    entry = AuditEntry.objects.filter(action="number_issue").latest("id")
    assert (entry.actor, entry.object_id, entry.after["label"]) == (
        world.users.secretary,
        str(numbers[2].pk),
        "3/TTr-CTĐ2",
    )


def test_the_label_is_printed_as_number_slash_symbol(world):
    register = cluster_register(world.cluster)
    NumberRegister.objects.filter(pk=register.pk).update(last_number=14)
    number = issue_number(register=register, user=world.users.staff)
    assert (number.label, str(number)) == ("15/TTr-CTĐ2", "15/TTr-CTĐ2")


def test_a_cancelled_number_stays_and_the_next_number_continues(world):
    register = cluster_register(world.cluster)
    first = issue_number(register=register, user=world.users.secretary)
    second = issue_number(register=register, user=world.users.secretary)
    cancel_number(number=second, user=world.users.secretary, reason="Cấp nhầm loại văn bản")
    third = issue_number(register=register, user=world.users.secretary)
    assert third.number == 3
    assert list(register.numbers.values_list("number", "cancel_reason")) == [
        (1, ""),
        (2, "Cấp nhầm loại văn bản"),
        (3, ""),
    ]
    second.refresh_from_db()
    assert second.is_cancelled and second.cancelled_by == world.users.secretary
    assert not RegisteredNumber.objects.get(pk=first.pk).is_cancelled
    entry = AuditEntry.objects.get(action="number_cancel")
    assert (entry.reason, entry.before["cancelled"], entry.after["cancelled"]) == (
        "Cấp nhầm loại văn bản",
        False,
        True,
    )


def test_a_number_is_not_cancelled_without_a_reason_nor_twice(world):
    number = issue_number(register=cluster_register(world.cluster), user=world.users.secretary)
    with pytest.raises(DomainError, match="Hãy ghi lý do hủy số") as refused:
        cancel_number(number=number, user=world.users.secretary, reason="   ")
    assert refused.value.field == "reason"
    cancel_number(number=number, user=world.users.secretary, reason="Trùng")
    with pytest.raises(DomainError, match="Số 1/TTr-CTĐ2 đã được hủy trước đó"):
        cancel_number(number=number, user=world.users.staff, reason="Lần nữa")
    assert AuditEntry.objects.filter(action="number_cancel").count() == 1


def test_a_number_printed_on_a_paper_in_force_is_not_cancelled_until_the_paper_is_revoked(
    world,
):
    number = issue_number(register=cluster_register(world.cluster), user=world.users.secretary)
    version = PaperVersionFactory(
        paper=PaperFactory(cluster_year=world.cluster_year, number=number)
    )
    with pytest.raises(DomainError, match="hãy thu hồi văn bản trước khi hủy số"):
        cancel_number(number=number, user=world.users.secretary, reason="Nhầm")
    version.revoked_at = version.generated_at
    version.save()
    assert cancel_number(number=number, user=world.users.secretary, reason="Nhầm").is_cancelled


@pytest.mark.parametrize("role", ["leader", "other_secretary", "foreign_staff"])
def test_who_does_not_keep_a_clusters_register_takes_and_cancels_no_number(world, role):
    register = cluster_register(world.cluster)
    number = issue_number(register=register, user=world.users.secretary)
    user = getattr(world.users, role)
    with pytest.raises(DomainError, match="Chỉ thư ký của cụm hoặc cán bộ Vụ"):
        issue_number(register=register, user=user)
    with pytest.raises(DomainError, match="Chỉ thư ký của cụm hoặc cán bộ Vụ"):
        cancel_number(number=number, user=user, reason="x")
    assert list(register.numbers.values_list("number", "cancelled_at")) == [(1, None)]


@pytest.mark.parametrize("role", ["secretary", "leader", "foreign_staff"])
def test_only_the_ministrys_staff_number_the_ministrys_papers(world, role):
    register = ministry_register(world.ministry)
    with pytest.raises(DomainError, match="Chỉ cán bộ Vụ Thi đua - Khen thưởng"):
        issue_number(register=register, user=getattr(world.users, role))
    assert issue_number(register=register, user=world.users.staff).number == 1


def test_a_summary_over_the_limit_is_refused_and_no_number_is_taken(world):
    register = cluster_register(world.cluster)
    with pytest.raises(DomainError, match="Tối đa 300 ký tự"):
        issue_number(register=register, user=world.users.secretary, summary="x" * 301)
    register.refresh_from_db()
    assert (register.last_number, register.numbers.count()) == (0, 0)


def test_the_database_refuses_a_number_twice_in_one_register(world):
    number = issue_number(register=cluster_register(world.cluster), user=world.users.secretary)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisteredNumber.objects.create(register=number.register, number=1)


def test_the_database_refuses_a_number_zero(world):
    register = cluster_register(world.cluster)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisteredNumber.objects.create(register=register, number=0)
