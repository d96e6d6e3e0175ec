"""Fixtures for the year-end reports: Cụm thi đua số 2's year 2020 with its ten units
(docs/domain.md §7), a leadership record, a scoring table with agreed scores and a closed vote."""

import datetime
import shutil
import subprocess
from decimal import Decimal
from types import SimpleNamespace

import pytest

from clusters.models import (
    Commitment,
    Criterion,
    CriterionGroup,
    LeadershipTerm,
    Pledge,
    PledgeSignature,
    Score,
    ScoringTable,
    TitleRegistration,
    Vote,
    VoteCount,
)
from documents.models import YearEndReport
from emulation.demo import CLUSTER_2_UNITS
from emulation.models import AwardTitle
from tests.factories import cluster_year_with_units
from units.models import Unit

HEAD_NAME = "Nguyễn Văn Bình"
NEXT_HEAD_NAME = "Hoàng Xuân Châu"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The world's five users would otherwise take seconds to hash their passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Generated files go to a temporary private storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    return tmp_path / "private"


def _scoring(cluster_year, units):
    table = ScoringTable.objects.create(
        ministry=cluster_year.cluster.ministry, year=cluster_year.year, name="Bảng điểm 2020"
    )
    capped = CriterionGroup.objects.create(
        table=table, code="I", title="Thực hiện nhiệm vụ", max_points=Decimal("60"), order=1
    )
    bonus = CriterionGroup.objects.create(
        table=table,
        code="II",
        title="Điểm thưởng",
        kind=CriterionGroup.Kind.BONUS,
        max_points=Decimal("5"),
        order=2,
    )
    penalty = CriterionGroup.objects.create(
        table=table,
        code="III",
        title="Điểm trừ",
        kind=CriterionGroup.Kind.PENALTY,
        max_points=Decimal("10"),
        order=3,
    )
    criteria = {
        group: [
            Criterion.objects.create(group=group, code=f"{group.code}.{i}", text="…", max_points=40)
            for i in (1, 2)
        ]
        for group in (capped, bonus, penalty)
    }
    # Unit i: 2 × (40 − i) capped at 60, bonus 2 × 3 capped at 5, penalty i − 1.
    for i, unit in enumerate(units):
        points = {capped: Decimal(40 - i), bonus: Decimal(3), penalty: Decimal(i - 1 if i else 0)}
        for group, group_criteria in criteria.items():
            for criterion in group_criteria:
                value = points[group] if group is not penalty or criterion.code.endswith("1") else 0
                Score.objects.create(
                    cluster_year=cluster_year, unit=unit, criterion=criterion, agreed_score=value
                )


def _pledge(cluster_year, units):
    pledge = Pledge.objects.create(
        cluster_year=cluster_year,
        state=Pledge.State.SIGNED,
        signed_at_place="Hà Nội",
        conference_date=datetime.date(cluster_year.year, 1, 15),
    )
    Commitment.objects.create(pledge=pledge, order=1, text="Hoàn thành các chỉ tiêu được giao.")
    Commitment.objects.create(pledge=pledge, order=2, text="Chấp hành nghiêm kỷ luật, kỷ cương.")
    title = AwardTitle.objects.get(
        regime=cluster_year.emulation_year.regime, code="tt-lao-dong-xuat-sac"
    )
    for unit in units[:-1]:  # the last unit registers nothing
        PledgeSignature.objects.create(
            pledge=pledge,
            unit=unit,
            signer_name=f"Thủ trưởng {unit.short_name or unit.pk}",
            signer_position="Thủ trưởng",
            signed_on=pledge.conference_date,
        )
        TitleRegistration.objects.create(pledge=pledge, unit=unit, award_title=title)


def build_cluster_year(world, year, unit_names):
    """World's Cụm thi đua số 2 in ``year`` with these units and every record a report reads:
    leadership, pledge, agreed scores, a closed vote and a report with settings."""
    units = [
        Unit.objects.get_or_create(ministry=world.ministry, name=name)[0] for name in unit_names
    ]
    cluster_year = cluster_year_with_units(world.cluster, year, units)
    LeadershipTerm.objects.create(
        cluster_year=cluster_year,
        head_unit=units[1],
        head_name=HEAD_NAME,
        head_position="Giám đốc",
        deputy_unit=units[2],
        deputy_name="Trần Thị Cúc",
        deputy_position="Tổng biên tập",
    )
    _pledge(cluster_year, units)
    _scoring(cluster_year, units)
    flag = AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code="co-thi-dua-bo")
    vote = Vote.objects.create(
        cluster_year=cluster_year,
        award_title=flag,
        state=Vote.State.CLOSED,
        voters_entitled=len(units),
        ballots_cast=len(units),
        valid_ballots=len(units),
        quota=1,
    )
    VoteCount.objects.create(vote=vote, unit=units[0], votes=len(units) - 1, nominated=True)
    VoteCount.objects.create(vote=vote, unit=units[1], votes=1)
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=year,
        cluster_year=cluster_year,
        superior_body="BỘ TƯ PHÁP",
        number="12/BC-CTĐ2",
        place="Hà Nội",
        issued_on=datetime.date(year, 12, 14),
        organisation="Các đơn vị đã triển khai kịp thời các phong trào thi đua.",
        shortcomings="Do tác động của dịch bệnh Covid-19.",
    )
    return SimpleNamespace(cluster_year=cluster_year, units=units, report=report, vote=vote)


@pytest.fixture
def cluster2(world):
    """Cụm thi đua số 2 in 2020 with the ten units of the news report, and its 2021
    leadership (the world's 2021 cluster-year)."""
    built = build_cluster_year(world, 2020, [name for name, _s, _k in CLUSTER_2_UNITS])
    by_name = {u.name: u for u in built.units}
    LeadershipTerm.objects.create(
        cluster_year=world.cluster_year,  # 2021
        head_unit=by_name["Trường Cao đẳng Luật miền Bắc"],
        head_name=NEXT_HEAD_NAME,
        head_position="Quyền Hiệu trưởng",
        deputy_unit=by_name["Tạp chí Dân chủ và Pháp luật"],
        deputy_name="Đặng Vũ Huân",
        deputy_position="Tổng biên tập",
    )
    return built


def pdf_text(path_or_bytes, tmp_path, *, first=None, last=None, crop=None):
    """The text of a PDF as poppler's pdftotext extracts it (UTF-8)."""
    if isinstance(path_or_bytes, bytes):
        target = tmp_path / "extract.pdf"
        target.write_bytes(path_or_bytes)
    else:
        target = path_or_bytes
    args = [shutil.which("pdftotext") or "pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    for option, value in (crop or {}).items():  # x, y, W, H in points
        args += [f"-{option}", str(value)]
    return subprocess.run(
        [*args, str(target), "-"], check=True, capture_output=True, text=True
    ).stdout


CELL_GAP = 6  # points: wider than a space between words, narrower than a table cell's padding


def _line_fragments(words):
    """Words of one printed line (``(left, right, text)``), split where the gap between two
    words is wider than a space: the text of each table cell on that line."""
    fragments = []
    for left, right, text in sorted(words):
        if fragments and left - fragments[-1][1] < CELL_GAP:
            fragments[-1] = (fragments[-1][0], right, f"{fragments[-1][2]} {text}")
        else:
            fragments.append((left, right, text))
    return fragments


def pdf_rows(path_or_bytes, tmp_path):
    """The PDF's text row by row, as a reader sees a table: each printed line, with the
    wrapped lines of a table row's cells joined back into their cells (a line whose pieces all
    start where the row's cells start, right of its first cell), cells joined by spaces.
    Words and their positions come from ``pdftotext -tsv``."""
    target = tmp_path / "rows.pdf"
    if isinstance(path_or_bytes, bytes):
        target.write_bytes(path_or_bytes)
    else:
        target = path_or_bytes
    tsv = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-tsv", "-enc", "UTF-8", str(target), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = {}
    for line in tsv.splitlines()[1:]:
        level, page, _p, _b, _l, _w, left, top, width, _h, _c, text = line.split("\t", 11)
        if level == "5":
            key = (int(page), round(float(top)))
            lines.setdefault(key, []).append((float(left), float(left) + float(width), text))
    rows = []  # each: [first line's cell lefts, texts per cell]
    for _key, words in sorted(lines.items()):
        fragments = _line_fragments(words)
        if rows:
            lefts, cells = rows[-1]
            columns = [
                next((i for i, x in enumerate(lefts) if abs(x - left) < 1.5), None)
                for left, _right, _text in fragments
            ]
            if None not in columns and fragments[0][0] > lefts[0] + 1.5:
                for column, (_left, _right, text) in zip(columns, fragments, strict=True):
                    cells[column].append(text)
                continue
        rows.append(([f[0] for f in fragments], [[f[2]] for f in fragments]))
    return [" ".join(" ".join(cell) for cell in cells) for _lefts, cells in rows]
