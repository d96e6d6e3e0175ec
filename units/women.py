"""Women first in a tie: the one tie-break the cluster vote (``clusters.evaluation.votes``)
and the ministry's council (``awards``) apply when candidates are level.

When several candidates are equally qualified, a woman is preferred among individuals, and
among collectives a unit whose staff are at least 70 % women (docs/domain.md §3.6; the law's
gender-equality principle of emulation and commendation, Law on Emulation and Commendation
2022, art. 5; the implementing decree repeats the 70 % share).

A person's sex is ``Person.gender``; a collective's share is ``UnitYear.women_count`` over
``UnitYear.staff_count`` of the year under review. When that figure is missing the candidate's
priority is unknown: the tie-break says so (``missing``) instead of guessing, and the chair
decides among the candidates still tied."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from units.models import Person, UnitYear

WOMEN_SHARE_PERCENT = 70
CITATION = _(
    "ưu tiên cá nhân nữ, tập thể có từ 70% nữ trở lên khi bằng nhau (nguyên tắc bình đẳng "
    "giới, Điều 5 Luật Thi đua, khen thưởng năm 2022)"
)


def collective_has_women_priority(*, women_count, staff_count):
    """True when women are at least 70 % of the staff; None when a figure is missing."""
    if women_count is None or not staff_count:
        return None
    return women_count * 100 >= WOMEN_SHARE_PERCENT * staff_count


def person_has_women_priority(*, gender):
    if not gender:
        return None
    return gender == Person.Gender.FEMALE


@dataclass
class TieBreak:
    """``chosen``: candidates taking seats by the rule; ``tied``: those still level for the
    remaining ``seats`` (the chair decides); ``missing``: candidates whose data is missing."""

    chosen: list = field(default_factory=list)
    tied: list = field(default_factory=list)
    seats: int = 0
    missing: list = field(default_factory=list)


def women_first(*, tied, seats, priority):
    """Break a tie of ``tied`` candidates for ``seats`` seats (0 < seats < len(tied)).

    ``priority(candidate)`` is True (a woman, or a collective with ≥ 70 % women), False, or
    None (unknown). Prioritised candidates take the seats when they fit; the rest stay tied
    for the chair. When any candidate's priority is unknown nothing is decided by the rule,
    since that candidate might have been preferred."""
    flags = [(candidate, priority(candidate)) for candidate in tied]
    missing = [candidate for candidate, flag in flags if flag is None]
    if missing:
        return TieBreak(tied=list(tied), seats=seats, missing=missing)
    preferred = [candidate for candidate, flag in flags if flag]
    others = [candidate for candidate, flag in flags if not flag]
    if len(preferred) > seats:
        return TieBreak(tied=preferred, seats=seats)
    left = seats - len(preferred)
    return TieBreak(chosen=preferred, tied=others if left else [], seats=left)


def unit_women_priority(*, unit_ids, year):
    """``{unit_id: True/False/None}`` from the units' records of ``year``, in one query."""
    records = {
        unit_id: (women, staff)
        for unit_id, women, staff in UnitYear.objects.filter(
            unit_id__in=unit_ids, year=year
        ).values_list("unit_id", "women_count", "staff_count")
    }
    return {
        unit_id: collective_has_women_priority(
            women_count=records.get(unit_id, (None, None))[0],
            staff_count=records.get(unit_id, (None, None))[1],
        )
        for unit_id in unit_ids
    }


def candidates_women_priority(*, candidates, year):
    """``[True/False/None, …]`` in the order of candidates that are a person (``person`` set:
    their sex) or a collective (``person`` None: its unit's share of women in ``year``), as
    the council's lines are. One query for the collectives."""
    collectives = unit_women_priority(
        unit_ids=[c.unit_id for c in candidates if getattr(c, "person", None) is None],
        year=year,
    )
    return [
        person_has_women_priority(gender=c.person.gender)
        if getattr(c, "person", None) is not None
        else collectives[c.unit_id]
        for c in candidates
    ]
