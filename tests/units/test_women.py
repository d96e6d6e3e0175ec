"""Women first in a tie: the one rule the cluster vote and the council call."""

import pytest

from units.models import Person
from units.women import (
    candidates_women_priority,
    collective_has_women_priority,
    person_has_women_priority,
    unit_women_priority,
    women_first,
)


@pytest.mark.parametrize(
    ("women", "staff", "priority"),
    [
        (69, 100, False),
        (70, 100, True),
        (71, 100, True),
        (7, 10, True),
        (6, 10, False),
        (699, 1000, False),
        (700, 1000, True),
        (0, 1, False),
        (None, 10, None),
        (7, None, None),
        (0, 0, None),
    ],
)
def test_a_collective_has_priority_from_seventy_percent_women(women, staff, priority):
    assert collective_has_women_priority(women_count=women, staff_count=staff) is priority


@pytest.mark.parametrize(
    ("gender", "priority"),
    [(Person.Gender.FEMALE, True), (Person.Gender.MALE, False), ("", None), (None, None)],
)
def test_a_woman_has_priority(gender, priority):
    assert person_has_women_priority(gender=gender) is priority


def flags(**values):
    return lambda candidate: values[candidate]


def test_preferred_candidates_take_the_seats_when_they_fit():
    tie = women_first(tied=["a", "b", "c"], seats=2, priority=flags(a=False, b=True, c=False))
    assert (tie.chosen, tie.tied, tie.seats, tie.missing) == (["b"], ["a", "c"], 1, [])


def test_preferred_candidates_filling_every_seat_end_the_tie():
    tie = women_first(tied=["a", "b", "c"], seats=2, priority=flags(a=True, b=True, c=False))
    assert (tie.chosen, tie.tied, tie.seats, tie.missing) == (["a", "b"], [], 0, [])


def test_more_preferred_candidates_than_seats_stay_tied_among_themselves():
    tie = women_first(tied=["a", "b", "c"], seats=1, priority=flags(a=True, b=True, c=False))
    assert (tie.chosen, tie.tied, tie.seats, tie.missing) == ([], ["a", "b"], 1, [])


def test_no_preferred_candidate_leaves_the_whole_tie():
    tie = women_first(tied=["a", "b"], seats=1, priority=flags(a=False, b=False))
    assert (tie.chosen, tie.tied, tie.seats, tie.missing) == ([], ["a", "b"], 1, [])


def test_an_unknown_candidate_decides_nothing():
    tie = women_first(tied=["a", "b"], seats=1, priority=flags(a=True, b=None))
    assert (tie.chosen, tie.tied, tie.seats, tie.missing) == ([], ["a", "b"], 1, ["b"])


def test_priorities_come_from_the_units_records_of_the_year(world):
    from units.models import UnitYear

    a, b, c = world.units
    UnitYear.objects.create(unit=a, year=2021, staff_count=10, women_count=7)
    UnitYear.objects.create(unit=b, year=2021, staff_count=10, women_count=6)
    UnitYear.objects.create(unit=c, year=2020, staff_count=10, women_count=10)
    assert unit_women_priority(unit_ids=[a.pk, b.pk, c.pk], year=2021) == {
        a.pk: True,
        b.pk: False,
        c.pk: None,
    }


def test_the_councils_candidates_are_people_by_sex_and_collectives_by_share(world):
    from types import SimpleNamespace

    from units.models import Person, UnitYear

    a, b, _c = world.units
    UnitYear.objects.create(unit=a, year=2021, staff_count=10, women_count=7)
    woman = Person.objects.create(unit=b, full_name="Lê Thị Hoa", gender=Person.Gender.FEMALE)
    man = Person.objects.create(unit=b, full_name="Lê Văn Nam", gender=Person.Gender.MALE)
    lines = [
        SimpleNamespace(unit_id=a.pk, person=None),
        SimpleNamespace(unit_id=b.pk, person=None),
        SimpleNamespace(unit_id=b.pk, person=woman),
        SimpleNamespace(unit_id=b.pk, person=man),
    ]
    assert candidates_women_priority(candidates=lines, year=2021) == [True, None, True, False]
