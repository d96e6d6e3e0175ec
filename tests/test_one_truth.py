"""One ranking and one vote share: the ranking page, the vote page, the proposal lines, the
Excel export and the PDF show the same figures for a case with bonus over a cap, an
unscored unit and a tie."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards import services
from awards.models import Nomination, Proposal
from clusters.evaluation.scores import CellInput, scores_save
from clusters.evaluation.votes import vote_close, vote_create, vote_record_counts
from clusters.models import Criterion, CriterionGroup, ScoringTable
from documents import pdf
from documents.models import YearEndReport
from documents.reports.data import report_context
from emulation.models import AwardTitle
from tests.documents.reports.conftest import pdf_text
from tests.factories import UnitFactory, cluster_year_with_units
from tests.html import table, table_rows

D = Decimal
YEAR = 2022
Kind = CriterionGroup.Kind


@pytest.fixture
def case(world):
    """Four members. An: group I full (10 of 10), bonus 4 over its cap of 3 → 13, above the
    capped maximum. Bình and Cường: 10 each, tied second. Dung: no agreed score. The flag vote:
    4 entitled, 4 cast, 4 valid; An 3 (75.00 %), Bình 2 (50.00 %), Cường 1, Dung 0."""
    names = ["An", "Bình", "Cường", "Dung"]
    units = [UnitFactory(ministry=world.ministry, name=f"Đơn vị {n}") for n in names]
    cluster_year = cluster_year_with_units(world.cluster, YEAR, units)
    table = ScoringTable.objects.create(ministry=world.ministry, year=YEAR, name="Bảng")
    group = CriterionGroup.objects.create(table=table, code="I", title="I", max_points=D(10))
    bonus = CriterionGroup.objects.create(
        table=table, code="IV", title="Thưởng", kind=Kind.BONUS, max_points=D(3), order=1
    )
    c1 = Criterion.objects.create(group=group, code="1", text="1", max_points=D(6))
    c2 = Criterion.objects.create(group=group, code="2", text="2", max_points=D(6), order=1)
    b1 = Criterion.objects.create(group=bonus, code="1", text="b", max_points=D(4))
    an, binh, cuong, dung = units
    values = {
        (an, c1): 6,
        (an, c2): 4,
        (an, b1): 4,
        (binh, c1): 6,
        (binh, c2): 4,
        (cuong, c1): 5,
        (cuong, c2): 5,
    }
    scores_save(
        actor=world.users.secretary,
        cluster_year=cluster_year,
        cells={
            (u.pk, c.pk): CellInput(self_score=D(v), agreed_score=D(v))
            for (u, c), v in values.items()
        },
    )
    flag = AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code="co-thi-dua-bo")
    vote = vote_create(actor=world.users.secretary, cluster_year=cluster_year, award_title=flag)
    vote.cluster_year = cluster_year
    vote = vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=4,
        ballots_cast=4,
        valid_ballots=4,
        quota=1,
        votes={an.pk: 3, binh.pk: 2, cuong.pk: 1, dung.pk: 0},
    )
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    proposal = services.proposal_create(actor=world.users.secretary, cluster_year=cluster_year)
    for unit in (an, binh, cuong, dung):
        services.nomination_save(
            actor=world.users.secretary,
            proposal=proposal,
            line=Nomination(unit=unit, award_title=flag, achievements="Thành tích"),
        )
    Proposal.objects.filter(pk=proposal.pk).update(state=Proposal.State.SUBMITTED)
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=YEAR,
        cluster_year=cluster_year,
        place="Hà Nội",
    )
    return cluster_year, proposal, vote, report


# What every surface must show: (unit, rank, tied, total, share)
EXPECTED = [
    ("Đơn vị An", 1, False, "13", "75,00%"),
    ("Đơn vị Bình", 2, True, "10", "50,00%"),
    ("Đơn vị Cường", 2, True, "10", "25,00%"),
    ("Đơn vị Dung", None, False, None, "0,00%"),
]


def test_every_surface_shows_the_same_ranking_and_vote_share(world, client_as, case, tmp_path):
    _cluster_year, proposal, vote, report = case

    # The ranking page: bonus beyond the capped maximum, the tie marked, Dung unscored.
    page = client_as("leader").get(reverse("clusters:ranking", args=[world.cluster.pk, YEAR]))
    unregistered = " Chưa đăng ký danh hiệu"
    assert table_rows(page, "ranking") == [
        # rank, unit, capped groups, bonus, penalty, total, difference from last year
        ["1", "Đơn vị An" + unregistered, "10", "3", "0", "13", "–"],
        ["2 =", "Đơn vị Bình" + unregistered, "10", "0", "0", "10", "–"],
        ["2 =", "Đơn vị Cường" + unregistered, "10", "0", "0", "10", "–"],
        ["–", "Đơn vị Dung" + unregistered, "Chưa chấm điểm", "–"],
    ]

    # The vote page: the share of the members entitled to vote.
    page = client_as("leader").get(reverse("clusters:vote", args=[world.cluster.pk, YEAR, vote.pk]))
    assert sorted((r[0], r[2]) for r in table_rows(page, "vote-counts")) == [
        (name, share) for name, _r, _t, _total, share in EXPECTED
    ]

    # The proposal lines.
    page = client_as("staff").get(reverse("awards:proposal", args=[proposal.pk]))
    lines = {
        " ".join(line["Đối tượng"].split()[:3]): (line["Tỷ lệ phiếu"], line["Xếp hạng"])
        for line in table(page, "lines")
    }
    assert lines == {
        "Đơn vị An": ("75,00%", "1"),
        "Đơn vị Bình": ("50,00%", "2 ="),
        "Đơn vị Cường": ("25,00%", "2 ="),
        "Đơn vị Dung": ("0,00%", "Chưa xếp hạng"),
    }

    # The Excel export of the ministry's queue.
    response = client_as("staff").get(reverse("awards:queue_export"))
    sheet = load_workbook(BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    at = {name: header.index(name) for name in ("Đơn vị", "Tỷ lệ phiếu (%)", "Xếp hạng")}
    tie = header.index("Bằng điểm")
    exported = sorted(
        (row[at["Đơn vị"]], row[at["Tỷ lệ phiếu (%)"]], row[at["Xếp hạng"]], row[tie])
        for row in sheet.iter_rows(min_row=2, values_only=True)
    )
    assert exported == [
        ("Đơn vị An", 75, 1, None),
        ("Đơn vị Bình", 50, 2, "Có"),
        ("Đơn vị Cường", 25, 2, "Có"),
        ("Đơn vị Dung", 0, None, None),
    ]

    # The PDF's text.
    text = pdf_text(pdf.report_pdf(report_context(report)), tmp_path)
    flat = " ".join(text.split()).replace(" =", "=")  # pdftotext may drop the space
    assert (
        "Hạng Đơn vị Tổng điểm 1 Đơn vị An 13 2= Đơn vị Bình 10 2= Đơn vị Cường 10 "
        "– Đơn vị Dung Chưa chấm điểm"
    ) in flat
    for position, (name, _r, _t, _total, share) in enumerate(EXPECTED[:3], start=1):
        votes = {"Đơn vị An": 3, "Đơn vị Bình": 2, "Đơn vị Cường": 1}[name]
        assert f"{position} {name} {votes} {share}" in flat
    assert "4 Đơn vị Dung 0 0,00%" in flat
