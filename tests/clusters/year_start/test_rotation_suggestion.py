from clusters.models import LeadershipTerm, RotationPolicy
from clusters.year_start.selectors import leadership_suggest
from tests.clusters.year_start.conftest import leadership_data, set_policy
from tests.factories import UnitFactory, cluster_year_with_units

Method = RotationPolicy.Method


def _years(world, units, terms):
    """Open the cluster's years and record (head, deputy) per year."""
    for year, (head, deputy) in terms.items():
        cluster_year = cluster_year_with_units(world.cluster, year, units)
        LeadershipTerm.objects.create(cluster_year=cluster_year, **leadership_data(head, deputy))


def test_rotation_suggests_the_unit_after_this_years_head(world):
    a, b, c = world.units
    set_policy(world.cluster, Method.ROTATION, [a, b, c])
    _years(world, world.units, {2021: (a, c)})
    cluster_year_with_units(world.cluster, 2022, world.units)

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert (suggestion.head_unit, suggestion.deputy_unit) == (b, c)


def test_rotation_wraps_around_the_order(world):
    a, b, c = world.units
    set_policy(world.cluster, Method.ROTATION, [a, b, c])
    _years(world, world.units, {2021: (c, a)})

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert (suggestion.head_unit, suggestion.deputy_unit) == (a, b)


def test_rotation_without_history_starts_at_the_top(world):
    a, b, c = world.units
    set_policy(world.cluster, Method.ROTATION, [b, c, a])

    suggestion = leadership_suggest(cluster=world.cluster, year=2021)

    assert (suggestion.head_unit, suggestion.deputy_unit) == (b, c)


def test_rotation_skips_units_that_headed_within_n_years(world):
    a, b, c = world.units
    d = UnitFactory(ministry=world.ministry, name="Trường số 4")
    units = [a, b, c, d]
    set_policy(world.cluster, Method.ROTATION, units, no_repeat_years=3)
    # b headed in 2019, a in 2020, d in 2021: after d comes a (2020) and b (2019): skipped.
    _years(world, units, {2019: (b, c), 2020: (a, b), 2021: (d, a)})

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert (suggestion.head_unit, suggestion.deputy_unit) == (c, None)


def test_rotation_may_suggest_a_unit_again_once_n_years_have_passed(world):
    a, b, c = world.units
    d = UnitFactory(ministry=world.ministry, name="Trường số 4")
    units = [a, b, c, d]
    set_policy(world.cluster, Method.ROTATION, units, no_repeat_years=2)
    _years(world, units, {2019: (a, b), 2020: (c, d), 2021: (d, a)})

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert suggestion.head_unit == a  # headed in 2019, outside the last 2 years


def test_rotation_suggests_only_members_of_the_year(world):
    a, b, c = world.units
    set_policy(world.cluster, Method.ROTATION, [a, b, c])
    _years(world, world.units, {2021: (a, c)})
    cluster_year_with_units(world.cluster, 2022, [a, c])  # b left the cluster

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert (suggestion.head_unit, suggestion.deputy_unit) == (c, a)


def test_deputy_becomes_next_head(world):
    a, b, c = world.units
    set_policy(world.cluster, Method.DEPUTY_BECOMES_HEAD, [a, b, c])
    _years(world, world.units, {2021: (a, c)})

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert (suggestion.head_unit, suggestion.deputy_unit) == (c, a)
    assert suggestion.reason == "Cụm phó năm 2021 làm Cụm trưởng năm sau."


def test_deputy_who_headed_within_n_years_is_not_suggested(world):
    a, b, c = world.units
    set_policy(world.cluster, Method.DEPUTY_BECOMES_HEAD, [a, b, c], no_repeat_years=2)
    _years(world, world.units, {2020: (c, a), 2021: (a, c)})

    suggestion = leadership_suggest(cluster=world.cluster, year=2022)

    assert suggestion.head_unit == b


def test_election_gives_no_suggestion(world):
    set_policy(world.cluster, Method.ELECTION, world.units)
    _years(world, world.units, {2021: tuple(world.units[:2])})

    assert leadership_suggest(cluster=world.cluster, year=2022) is None


def test_appointment_gives_no_suggestion(world):
    set_policy(world.cluster, Method.APPOINTMENT, world.units)

    assert leadership_suggest(cluster=world.cluster, year=2022) is None


def test_no_policy_gives_no_suggestion(world):
    assert leadership_suggest(cluster=world.cluster, year=2022) is None
