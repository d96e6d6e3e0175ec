"""What each cluster-year holds in the national data set: leadership, the pledge, the vote
and the minutes. Each step takes the ``_Seed`` (ids, index arithmetic, ``insert``)."""

import datetime

from clusters.models import (
    Commitment,
    LeadershipTerm,
    Minutes,
    MinutesAttendance,
    Pledge,
    PledgeSignature,
    TitleRegistration,
    Vote,
    VoteCount,
)
from clusters.year_start.leadership import LEADERSHIP_FIELDS
from demo.scale import names
from demo.scale.plan import COMMITMENTS


def leadership(seed):
    units = seed.plan.units
    seed.insert(
        LeadershipTerm,
        [
            "cluster_year_id",
            *(LeadershipTerm._meta.get_field(name).attname for name in LEADERSHIP_FIELDS),
            "version",
        ],
        (
            (
                seed.cluster_year[i],
                seed.unit_id(m, c, y % units),
                names.person(i),
                names.POSITIONS[y % len(names.POSITIONS)],
                seed.unit_id(m, c, (y + 1) % units),
                names.person(i + 7),
                names.POSITIONS[(y + 1) % len(names.POSITIONS)],
                LeadershipTerm.Selection.ROTATION,
                f"{i + 1}/QĐ-TĐKT",
                datetime.date(year, 1, 15),
                datetime.date(year, 3, 15),
                "",
                1,
            )
            for m, c, y, year, i in seed.cells()
        ),
    )


def pledges(seed):
    p = seed.plan
    current = p.last_year
    seed.insert(
        Pledge,
        ["id", "cluster_year_id", "state", "signed_at_place", "conference_date", "version"],
        (
            (
                seed.pledge[i],
                seed.cluster_year[i],
                Pledge.State.SIGNED if year == current else Pledge.State.LOCKED,
                "Hà Nội",
                datetime.date(year, 3, 15),
                1,
            )
            for m, c, y, year, i in seed.cells()
        ),
    )
    seed.insert(
        Commitment,
        ["pledge_id", "order", "text"],
        (
            (seed.pledge[i], n + 1, names.COMMITMENTS[n % len(names.COMMITMENTS)])
            for m, c, y, year, i in seed.cells()
            for n in range(COMMITMENTS)
        ),
    )
    seed.insert(
        TitleRegistration,
        ["pledge_id", "unit_id", "award_title_id", "person_name"],
        (
            (seed.pledge[i], seed.unit_id(m, c, u), seed.titles[year][1], "")
            for m, c, y, year, i in seed.cells()
            for u in range(p.units)
        ),
    )
    seed.insert(
        PledgeSignature,
        [
            "pledge_id",
            "unit_id",
            "signer_name",
            "signer_position",
            "signed_on",
            "recorded_by_id",
        ],
        (
            (
                seed.pledge[i],
                seed.unit_id(m, c, u),
                names.person(i + u),
                names.POSITIONS[u % len(names.POSITIONS)],
                datetime.date(year, 3, 15),
                seed.secretary_id(m, c),
            )
            for m, c, y, year, i in seed.cells()
            for u in range(p.units)
        ),
    )


def votes(seed):
    p = seed.plan
    seed.insert(
        Vote,
        [
            "id",
            "cluster_year_id",
            "award_title_id",
            "state",
            "voters_entitled",
            "ballots_cast",
            "valid_ballots",
            "quota",
            "tie_break_note",
            "version",
        ],
        (
            (
                seed.vote[i],
                seed.cluster_year[i],
                seed.titles[year][2],
                Vote.State.CLOSED,
                p.units,
                p.units,
                p.units,
                1,
                "",
                1,
            )
            for m, c, y, year, i in seed.cells()
        ),
    )
    seed.insert(
        VoteCount,
        ["vote_id", "unit_id", "votes", "nominated", "won_tie_break"],
        (
            (
                seed.vote[i],
                seed.unit_id(m, c, u),
                p.units if u == (c + y) % p.units else (u + y) % (p.units // 2 + 1),
                u == (c + y) % p.units,
                False,
            )
            for m, c, y, year, i in seed.cells()
            for u in range(p.units)
        ),
    )


def minutes(seed):
    p = seed.plan
    current = p.last_year
    seed.insert(
        Minutes,
        [
            "id",
            "cluster_year_id",
            "held_on",
            "place",
            "chair_name",
            "chair_position",
            "secretary_name",
            "agenda",
            "state",
            "signed_at",
            "signed_by_id",
            "version",
        ],
        (
            (
                seed.minute[i],
                seed.cluster_year[i],
                datetime.date(year, 12, 15),
                "Hà Nội",
                names.person(i),
                names.POSITIONS[y % len(names.POSITIONS)],
                names.person(i + 3),
                "Tổng kết công tác thi đua, khen thưởng; chấm điểm; bình xét, suy tôn.",
                Minutes.State.DRAFT if year == current else Minutes.State.SIGNED,
                None if year == current else seed.now,
                None if year == current else seed.secretary_id(m, c),
                1,
            )
            for m, c, y, year, i in seed.cells()
        ),
    )
    seed.insert(
        MinutesAttendance,
        [
            "minutes_id",
            "unit_id",
            "present",
            "representative_name",
            "representative_position",
        ],
        (
            (
                seed.minute[i],
                seed.unit_id(m, c, u),
                True,
                names.person(i + u),
                names.POSITIONS[u % len(names.POSITIONS)],
            )
            for m, c, y, year, i in seed.cells()
            for u in range(p.units)
        ),
    )
