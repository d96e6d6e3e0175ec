"""Proposals, decisions and awards, and the year-end reports, of the national data set.

Each past year: the cluster's proposal (the flag its vote nominated and two units for the
registered title), decided by the ministry, one award per line. The current year: the
proposal submitted and awaiting review. Every past cluster-year and ministry-year has its
year-end report (narrative written, document settings left to their defaults)."""

import datetime
from decimal import Decimal

from awards.models import Award, Decision, Nomination, Proposal
from demo.scale import names
from documents.models.reports import YearEndReport

LINES = 3  # per proposal: the flag, then two units for the registered title
FLAG_AMOUNT = Decimal(4_560_000)
TITLE_AMOUNT = Decimal(2_280_000)
NARRATIVE = {
    "organisation": "Các đơn vị trong cụm tổ chức phát động phong trào thi đua ngay từ đầu năm.",
    "results": "Các đơn vị hoàn thành toàn diện các chỉ tiêu, nhiệm vụ được giao.",
    "shortcomings": "Việc nhân rộng điển hình tiên tiến ở một số đơn vị còn chậm.",
    "lessons": "Bám sát nhiệm vụ chính trị; tổ chức thi đua thiết thực, hiệu quả.",
    "direction": "Tiếp tục đẩy mạnh phong trào thi đua trong năm tới.",
}
DOCUMENT = [
    "superior_body",
    "issuing_body",
    "number",
    "place",
    "summary",
    "signer_on_behalf",
    "signer_title",
    "signer_name",
    "recipients",
]


def _line_units(seed, c, y):
    """The flag's unit (the vote's nominee) and two others, unit indexes in the cluster."""
    units = seed.plan.units
    flag = (c + y) % units
    return [flag, (flag + 1) % units, (flag + 2) % units]


def proposals(seed):
    p = seed.plan
    proposal = seed.writer.ids(Proposal, p.cluster_years)
    nomination = seed.writer.ids(Nomination, p.cluster_years * LINES)
    decision = seed.writer.ids(Decision, p.cluster_years)
    current = p.last_year
    seed.insert(
        Proposal,
        [
            "id",
            "cluster_year_id",
            "number",
            "dated",
            "state",
            "cover_file",
            "cover_name",
            "cover_content_type",
            "minutes_id",
            "return_reason",
            "submitted_at",
            "created_by_id",
            "version",
        ],
        (
            (
                proposal[i],
                seed.cluster_year[i],
                f"{i + 1}/TTr-CTĐ",
                datetime.date(year, 12, 20),
                Proposal.State.SUBMITTED if year == current else Proposal.State.DECIDED,
                "",
                "",
                "",
                None if year == current else seed.minute[i],
                "",
                seed.now,
                seed.secretary_id(m, c),
                1,
            )
            for m, c, y, year, i in seed.cells()
        ),
    )
    seed.insert(
        Nomination,
        [
            "id",
            "proposal_id",
            "unit_id",
            "person_id",
            "award_title_id",
            "achievements",
            "vote_share",
            "rank",
            "report_file",
            "report_name",
            "report_content_type",
            "outcome",
            "outcome_reason",
            "council_members",
            "council_votes_for",
            "upward_dossier_id",
            "version",
        ],
        (
            (
                nomination[i * LINES + n],
                proposal[i],
                seed.unit_id(m, c, u),
                None,
                seed.titles[year][2 if n == 0 else 1],
                names.COMMITMENTS[n % len(names.COMMITMENTS)],
                Decimal(100) if n == 0 else None,
                1 if n == 0 else None,
                "",
                "",
                "",
                Nomination.Outcome.PENDING if year == current else Nomination.Outcome.APPROVED,
                "",
                None,
                None,
                None,
                1,
            )
            for m, c, y, year, i in seed.cells()
            for n, u in enumerate(_line_units(seed, c, y))
        ),
    )
    decided = [cell for cell in seed.cells() if cell[3] != current]
    seed.insert(
        Decision,
        [
            "id",
            "proposal_id",
            "number",
            "dated",
            "ministry_id",
            "year",
            "signer_name",
            "signer_position",
            "level",
            "recorded_by_id",
            "recorded_at",
        ],
        (
            (
                decision[i],
                proposal[i],
                f"{i + 1}/QĐ-KT",
                datetime.date(year + 1, 1, 20),
                seed.ministry[m],
                year + 1,
                names.person(i + 11),
                "Bộ trưởng",
                "minister",
                seed.user[m * (2 + p.clusters)],
                seed.now,
            )
            for m, c, y, year, i in decided
        ),
    )
    seed.insert(
        Award,
        [
            "decision_id",
            "nomination_id",
            "unit_id",
            "person_id",
            "award_title_id",
            "year",
            "amount",
            "amount_note",
            "revoked_at",
            "revoked_reason",
            "revoked_by_id",
        ],
        (
            (
                decision[i],
                nomination[i * LINES + n],
                seed.unit_id(m, c, u),
                None,
                seed.titles[year][2 if n == 0 else 1],
                year,
                FLAG_AMOUNT if n == 0 else TITLE_AMOUNT,
                "",
                None,
                "",
                None,
            )
            for m, c, y, year, i in decided
            for n, u in enumerate(_line_units(seed, c, y))
        ),
    )


def reports(seed):
    p = seed.plan
    fields = ["kind", "ministry_id", "year", "cluster_year_id", *NARRATIVE, *DOCUMENT]
    narrative = tuple(NARRATIVE.values())
    blank = ("",) * len(DOCUMENT)
    seed.insert(
        YearEndReport,
        fields,
        (
            (
                YearEndReport.Kind.CLUSTER,
                seed.ministry[m],
                year,
                seed.cluster_year[i],
                *narrative,
                *blank,
            )
            for m, c, y, year, i in seed.cells()
            if year != p.last_year
        ),
    )
    seed.insert(
        YearEndReport,
        fields,
        (
            (YearEndReport.Kind.MINISTRY, seed.ministry[m], year, None, *narrative, *blank)
            for m in range(p.ministries)
            for year in p.year_range
            if year != p.last_year
        ),
    )
