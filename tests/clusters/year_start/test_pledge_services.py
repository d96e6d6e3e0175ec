import datetime

import pytest

from clusters.models import Membership, Pledge, TitleRegistration
from clusters.year_start import pledge as pledge_services
from emulation.errors import DomainError, StaleEditError
from emulation.models import AuditEntry
from tests.clusters.year_start.conftest import sign_all, title
from tests.factories import UnitFactory, cluster_year_with_units

State = Pledge.State


def _sign(pledge, unit, actor):
    return pledge_services.pledge_sign(
        actor=actor,
        pledge=pledge,
        unit=unit,
        signer_name="Nguyễn Văn Ký",
        signer_position="Giám đốc",
        signed_on=datetime.date(2020, 12, 14),
    )


def test_new_pledge_starts_as_draft_with_last_years_commitments(world):
    previous_year = cluster_year_with_units(world.cluster, 2020, world.units)
    previous = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=previous_year
    )
    previous.cluster_year = previous_year
    pledge_services.pledge_update(
        actor=world.users.secretary,
        pledge=previous,
        expected_version=previous.version,
        commitments=["Thứ nhất", "Thứ hai", "Thứ ba"],
        place="",
        conference_date=None,
    )

    pledge = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )

    assert pledge.state == State.DRAFT
    assert [(c.order, c.text) for c in pledge.commitments.all()] == [
        (1, "Thứ nhất"),
        (2, "Thứ hai"),
        (3, "Thứ ba"),
    ]


def test_commitments_keep_the_order_typed(pledge, world):
    pledge_services.pledge_update(
        actor=world.users.secretary,
        pledge=pledge,
        expected_version=pledge.version,
        commitments=["B", "  ", "A"],
        place="Hà Nội",
        conference_date=None,
    )
    assert list(pledge.commitments.values_list("order", "text")) == [(1, "B"), (2, "A")]


def test_second_concurrent_save_of_the_pledge_is_refused_not_overwritten(pledge, world):
    loaded_version = pledge.version
    pledge_services.pledge_update(
        actor=world.users.staff,
        pledge=Pledge.objects.get(pk=pledge.pk),
        expected_version=loaded_version,
        commitments=["Bản của cán bộ Vụ"],
        place="",
        conference_date=None,
    )
    with pytest.raises(StaleEditError):
        pledge_services.pledge_update(
            actor=world.users.secretary,
            pledge=pledge,
            expected_version=loaded_version,
            commitments=["Bản của thư ký"],
            place="",
            conference_date=None,
        )
    assert list(pledge.commitments.values_list("text", flat=True)) == ["Bản của cán bộ Vụ"]


def test_draft_cannot_be_signed(pledge, world):
    with pytest.raises(DomainError) as error:
        _sign(pledge, world.units[0], world.users.secretary)
    assert error.value.message == "Giao ước còn là dự thảo: hãy mở ký trước."


def test_open_then_every_member_signs_and_the_pledge_becomes_signed(pledge, world):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    assert pledge.state == State.OPEN

    sign_all(pledge, world.units[:2], world.users.secretary)
    assert Pledge.objects.get(pk=pledge.pk).state == State.OPEN

    _sign(pledge, world.units[2], world.users.secretary)
    assert Pledge.objects.get(pk=pledge.pk).state == State.SIGNED
    assert list(
        AuditEntry.objects.filter(object_id=str(pledge.pk), action__startswith="pledge_")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["pledge_create", "pledge_update", "pledge_open"] + ["pledge_signature"] * 3 + [
        "pledge_signed"
    ]


def test_a_unit_signs_once(pledge, world):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    _sign(pledge, world.units[0], world.users.secretary)
    with pytest.raises(DomainError) as error:
        _sign(pledge, world.units[0], world.users.secretary)
    assert error.value.message == "Trường số 1 đã ký giao ước."


def test_only_members_sign(pledge, world):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    with pytest.raises(DomainError) as error:
        _sign(pledge, world.other_units[0], world.users.secretary)
    assert error.value.field == "unit"


def test_lock_needs_every_member_signed(pledge, world):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    with pytest.raises(DomainError):
        pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units, world.users.secretary)

    pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)

    assert Pledge.objects.get(pk=pledge.pk).state == State.LOCKED


@pytest.fixture
def locked(pledge, world):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units, world.users.secretary)
    pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)
    return pledge


def test_locked_pledge_cannot_be_edited(locked, world):
    with pytest.raises(DomainError) as error:
        pledge_services.pledge_update(
            actor=world.users.staff,
            pledge=locked,
            expected_version=locked.version,
            commitments=["Sửa"],
            place="",
            conference_date=None,
        )
    assert "Giao ước đã khóa" in error.value.message
    with pytest.raises(DomainError):
        pledge_services.registration_add(
            actor=world.users.secretary,
            pledge=locked,
            unit=world.units[0],
            award_title=title(world.cluster_year, "tt-lao-dong-xuat-sac"),
            person_name="",
        )


def test_secretary_cannot_reopen_a_locked_pledge(locked, world):
    with pytest.raises(DomainError) as error:
        pledge_services.pledge_reopen(actor=world.users.secretary, pledge=locked, reason="Sai tên")
    assert error.value.message == (
        "Chỉ cán bộ Vụ Thi đua - Khen thưởng được mở lại giao ước đã khóa."
    )
    assert Pledge.objects.get(pk=locked.pk).state == State.LOCKED


def test_reopening_needs_a_reason(locked, world):
    with pytest.raises(DomainError) as error:
        pledge_services.pledge_reopen(actor=world.users.staff, pledge=locked, reason="  ")
    assert error.value.field == "reason"


def test_staff_reopen_has_an_audit_action_of_its_own(locked, world):
    signed_before = AuditEntry.objects.filter(action="pledge_signed").count()
    pledge_services.pledge_reopen(
        actor=world.users.staff, pledge=locked, reason="  Sửa tên người ký của Trường số 1 "
    )

    assert Pledge.objects.get(pk=locked.pk).state == State.SIGNED
    entry = AuditEntry.objects.filter(object_id=str(locked.pk)).order_by("-id").first()
    assert (entry.action, entry.reason, entry.actor, entry.actor_uid) == (
        "pledge_reopen",
        "Sửa tên người ký của Trường số 1",
        world.users.staff,
        world.users.staff.pk,
    )
    assert entry.actor_name
    assert (entry.before, entry.after) == ({"state": "locked"}, {"state": "signed"})
    # the reopening is not logged like the normal flow's "every member signed"
    assert AuditEntry.objects.filter(action="pledge_signed").count() == signed_before


def test_reopen_to_open_when_a_member_has_not_signed_is_audited_as_a_reopen(locked, world):
    newcomer = UnitFactory(ministry=world.ministry, name="Trường số 9")
    Membership.objects.create(cluster_year=world.cluster_year, unit=newcomer)
    pledge_services.pledge_reopen(actor=world.users.staff, pledge=locked, reason="Thêm Trường 9")

    entry = AuditEntry.objects.order_by("-id").first()
    assert (entry.action, entry.before, entry.after, entry.reason) == (
        "pledge_reopen",
        {"state": "locked"},
        {"state": "open"},
        "Thêm Trường 9",
    )


def test_a_refused_reopen_leaves_no_audit_entry(locked, world):
    count = AuditEntry.objects.count()
    with pytest.raises(DomainError):
        pledge_services.pledge_reopen(actor=world.users.secretary, pledge=locked, reason="Sai")
    with pytest.raises(DomainError):
        pledge_services.pledge_reopen(actor=world.users.staff, pledge=locked, reason=" ")
    assert AuditEntry.objects.count() == count


def test_member_added_after_signing_is_not_signed_and_can_then_sign(pledge, world):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units, world.users.secretary)
    newcomer = UnitFactory(ministry=world.ministry, name="Trường số 9")
    Membership.objects.create(cluster_year=world.cluster_year, unit=newcomer)

    assert not pledge_services.pledge_all_signed(pledge)
    with pytest.raises(DomainError):
        pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)
    _sign(pledge, newcomer, world.users.secretary)
    pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)
    assert Pledge.objects.get(pk=pledge.pk).state == State.LOCKED


def test_collective_title_registered_for_the_unit(pledge, world):
    registration = pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=title(world.cluster_year, "tt-lao-dong-xuat-sac"),
        person_name="",
    )
    assert (registration.unit, registration.award_title.name_vi, registration.person_name) == (
        world.units[0],
        "Tập thể lao động xuất sắc",
        "",
    )


def test_individual_title_needs_a_named_person(pledge, world):
    with pytest.raises(DomainError) as error:
        pledge_services.registration_add(
            actor=world.users.secretary,
            pledge=pledge,
            unit=world.units[0],
            award_title=title(world.cluster_year, "cstd-co-so"),
            person_name="",
        )
    assert error.value.field == "person_name"
    pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=title(world.cluster_year, "cstd-co-so"),
        person_name="Nguyễn Thị Mai",
    )
    assert TitleRegistration.objects.get().person_name == "Nguyễn Thị Mai"


def test_collective_title_refuses_a_person_name(pledge, world):
    with pytest.raises(DomainError) as error:
        pledge_services.registration_add(
            actor=world.users.secretary,
            pledge=pledge,
            unit=world.units[0],
            award_title=title(world.cluster_year, "co-thi-dua-bo"),
            person_name="Nguyễn Thị Mai",
        )
    assert error.value.field == "person_name"


def test_titles_come_only_from_the_regime_of_the_year(pledge, world):
    from emulation.models import AwardTitle

    later = AwardTitle.objects.get(regime__code="luat-2022-nd-98-2023", code="co-thi-dua-bo")
    with pytest.raises(DomainError) as error:
        pledge_services.registration_add(
            actor=world.users.secretary,
            pledge=pledge,
            unit=world.units[0],
            award_title=later,
            person_name="",
        )
    assert error.value.message == "Danh hiệu này không thuộc chế độ áp dụng cho năm 2021."
    assert not TitleRegistration.objects.exists()
