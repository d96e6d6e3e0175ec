import pytest

from clusters.models import LeadershipTerm, RotationPolicy
from clusters.year_start.leadership import leadership_save, rotation_policy_save
from emulation.errors import DomainError, StaleEditError
from emulation.models import AuditEntry
from tests.clusters.year_start.conftest import leadership_data


def test_secretary_records_head_and_deputy_with_an_audit_entry(world):
    head, deputy, _third = world.units

    term = leadership_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        data=leadership_data(head, deputy),
        expected_version=0,
    )

    stored = LeadershipTerm.objects.get(cluster_year=world.cluster_year)
    assert (stored.head_unit, stored.deputy_unit) == (head, deputy)
    assert (stored.head_name, stored.deputy_position) == ("Hoàng Xuân Châu", "Tổng biên tập")
    entry = AuditEntry.objects.get(object_id=str(term.pk), object_type="clusters.leadershipterm")
    assert entry.action == "leadership_create"
    assert entry.actor == world.users.secretary


def test_head_must_be_a_member_that_year(world):
    with pytest.raises(DomainError) as error:
        leadership_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            data=leadership_data(world.other_units[0], world.units[1]),
            expected_version=0,
        )
    assert error.value.field == "head_unit"
    assert error.value.message == "Cục số 1 không phải thành viên của cụm năm 2021."
    assert not LeadershipTerm.objects.exists()


def test_deputy_must_be_a_member_that_year(world):
    with pytest.raises(DomainError) as error:
        leadership_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            data=leadership_data(world.units[0], world.other_units[0]),
            expected_version=0,
        )
    assert error.value.field == "deputy_unit"


def test_head_and_deputy_must_differ(world):
    with pytest.raises(DomainError) as error:
        leadership_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            data=leadership_data(world.units[0], world.units[0]),
            expected_version=0,
        )
    assert error.value.field == "deputy_unit"
    assert error.value.message == "Đơn vị Cụm phó phải khác đơn vị Cụm trưởng."


def test_one_pair_per_cluster_year_later_saves_update_it(world):
    a, b, c = world.units
    term = leadership_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        data=leadership_data(a, b),
        expected_version=0,
    )
    leadership_save(
        actor=world.users.staff,
        cluster_year=world.cluster_year,
        data=leadership_data(a, c),
        expected_version=term.version,
    )
    assert list(LeadershipTerm.objects.values_list("head_unit", "deputy_unit")) == [(a.pk, c.pk)]


def test_second_concurrent_save_of_leadership_is_refused_not_overwritten(world):
    a, b, c = world.units
    term = leadership_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        data=leadership_data(a, b),
        expected_version=0,
    )
    loaded_version = term.version
    leadership_save(
        actor=world.users.staff,
        cluster_year=world.cluster_year,
        data=leadership_data(b, a),
        expected_version=loaded_version,
    )

    with pytest.raises(StaleEditError) as error:
        leadership_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            data=leadership_data(a, c),
            expected_version=loaded_version,
        )

    assert "vừa được người khác lưu" in error.value.message
    stored = LeadershipTerm.objects.get()
    assert (stored.head_unit, stored.deputy_unit) == (b, a)


def test_a_term_recorded_while_the_form_was_open_is_not_overwritten(world):
    a, b, c = world.units
    leadership_save(
        actor=world.users.staff,
        cluster_year=world.cluster_year,
        data=leadership_data(a, b),
        expected_version=0,
    )
    with pytest.raises(StaleEditError):
        leadership_save(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            data=leadership_data(c, b),
            expected_version=0,
        )
    assert LeadershipTerm.objects.get().head_unit == a


def test_other_clusters_secretary_cannot_record_leadership(world):
    with pytest.raises(DomainError):
        leadership_save(
            actor=world.users.other_secretary,
            cluster_year=world.cluster_year,
            data=leadership_data(*world.units[:2]),
            expected_version=0,
        )
    assert not LeadershipTerm.objects.exists()


def test_rotation_policy_keeps_the_order_given(world):
    a, b, c = world.units
    policy = rotation_policy_save(
        actor=world.users.secretary,
        cluster=world.cluster,
        method=RotationPolicy.Method.ROTATION,
        no_repeat_years=2,
        order=[c, a, b],
        expected_version=0,
    )
    assert [s.unit for s in policy.slots.all()] == [c, a, b]
    assert policy.no_repeat_years == 2


def test_rotation_policy_concurrent_save_is_refused(world):
    a, b, c = world.units
    policy = rotation_policy_save(
        actor=world.users.secretary,
        cluster=world.cluster,
        method=RotationPolicy.Method.ROTATION,
        no_repeat_years=0,
        order=[a, b, c],
        expected_version=0,
    )
    version = policy.version
    rotation_policy_save(
        actor=world.users.staff,
        cluster=world.cluster,
        method=RotationPolicy.Method.ELECTION,
        no_repeat_years=0,
        order=[],
        expected_version=version,
    )
    with pytest.raises(StaleEditError):
        rotation_policy_save(
            actor=world.users.secretary,
            cluster=world.cluster,
            method=RotationPolicy.Method.ROTATION,
            no_repeat_years=1,
            order=[c],
            expected_version=version,
        )
    assert RotationPolicy.objects.get().method == RotationPolicy.Method.ELECTION


def test_rotation_in_order_needs_at_least_one_unit(world):
    with pytest.raises(DomainError):
        rotation_policy_save(
            actor=world.users.secretary,
            cluster=world.cluster,
            method=RotationPolicy.Method.ROTATION,
            no_repeat_years=0,
            order=[],
            expected_version=0,
        )
