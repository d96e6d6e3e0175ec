"""Demo step: the year-end evaluation of Cụm thi đua số 2 (Bộ Tư pháp).

From the news report of 14/12/2020: the conference date, the chair (Vice-Minister Nguyễn
Thanh Tịnh), the ten units, and the two people who lead the cluster in 2021 (Hoàng Xuân Châu,
Đặng Vũ Huân), who are recorded as their units' representatives.

INVENTED for the demo (the report is silent): both scoring tables (criteria, points), every
score, the evidence file, the place of the meeting, the agenda wording, the secretary, the
ballot counts and which unit the vote nominated. The table names, the agenda and the vote's
note say so ("số liệu minh họa"), so the note is visible on every page that shows them.

The audit trail carries the dates of the events, not the day the demo was loaded: the
scores on invented days before each conference (10/12/2019, 10/12/2020), the vote and the
minutes on the conference's afternoon (14/12/2020, "chiều 14/12" in the report)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from clusters.evaluation.evidence import evidence_add
from clusters.evaluation.minutes import minutes_save, minutes_sign
from clusters.evaluation.scores import CellInput, grid_layout, scores_save
from clusters.evaluation.votes import vote_close, vote_create, vote_record_counts
from clusters.models import (
    ClusterYear,
    Criterion,
    CriterionGroup,
    CriterionLevel,
    Evidence,
    Minutes,
    ScoringTable,
    Vote,
)
from emulation.audit import events_dated
from emulation.demo import MINISTRY
from emulation.models import AwardTitle, Ministry

NOTE = "số liệu minh họa"
Kind = CriterionGroup.Kind

# INVENTED: a plausible table in the shape of the ministry's paper tables.
# (code, title, kind, max, [(code, text, max, evidence_required, [(level, points)])])
TABLE = [
    (
        "I",
        "Thực hiện nhiệm vụ chuyên môn",
        Kind.CAPPED,
        "50",
        [
            (
                "1",
                "Hoàn thành các chỉ tiêu, nhiệm vụ trong kế hoạch công tác năm được Bộ giao",
                "20",
                False,
                [],
            ),
            ("2", "Chất lượng, hiệu quả thực hiện nhiệm vụ chuyên môn được giao", "15", False, []),
            (
                "3",
                "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số",
                "10",
                False,
                [],
            ),
            (
                "4",
                "Gửi báo cáo định kỳ về Cụm và Bộ",
                "5",
                False,
                [("Đúng hạn", "5"), ("Chậm 1–2 ngày", "3"), ("Chậm trên 2 ngày", "1")],
            ),
        ],
    ),
    (
        "II",
        "Công tác thi đua, khen thưởng",
        Kind.CAPPED,
        "25",
        [
            ("1", "Ban hành kế hoạch, phát động phong trào thi đua của đơn vị", "8", True, []),
            ("2", "Tham gia đầy đủ các hoạt động của Cụm thi đua", "7", False, []),
            ("3", "Sơ kết, tổng kết, phát hiện và nhân rộng điển hình tiên tiến", "10", False, []),
        ],
    ),
    (
        "III",
        "Xây dựng Đảng, đoàn thể và đời sống cán bộ",
        Kind.CAPPED,
        "25",
        [
            ("1", "Xây dựng tổ chức đảng trong sạch, vững mạnh", "10", False, []),
            ("2", "Hoạt động của công đoàn, đoàn thanh niên, hội phụ nữ", "8", False, []),
            ("3", "Chăm lo đời sống vật chất, tinh thần của cán bộ, viên chức", "7", False, []),
        ],
    ),
    (
        "IV",
        "Điểm thưởng",
        Kind.BONUS,
        "5",
        [
            ("1", "Có sáng kiến, mô hình mới được Bộ công nhận và nhân rộng", "3", False, []),
            ("2", "Được khen thưởng đột xuất vì thành tích xuất sắc", "2", False, []),
        ],
    ),
    (
        "V",
        "Điểm trừ",
        Kind.PENALTY,
        "5",
        [
            ("1", "Có cán bộ, viên chức bị kỷ luật trong năm", "3", False, []),
            ("2", "Không tham gia hoạt động chung của Cụm không có lý do", "2", False, []),
        ],
    ),
]

# INVENTED: each unit's share of the maximum (agreed score), by year, and its bonus /
# penalty points. Học viện Tư pháp and Viện Khoa học pháp lý tie in 2020 on purpose.
PROFILE_2020 = {
    "Trường Đại học Luật Hà Nội": ("0.96", "3", "0"),
    "Học viện Tư pháp": ("0.93", "2", "0"),
    "Báo Pháp luật Việt Nam": ("0.90", "1", "0"),
    "Viện Khoa học pháp lý": ("0.93", "2", "0"),
    "Tạp chí Dân chủ và Pháp luật": ("0.91", "1", "0"),
    "Nhà xuất bản Tư pháp": ("0.88", "0", "0"),
    "Trường Trung cấp Luật Tây Bắc": ("0.86", "0", "2"),
    "Trường Cao đẳng Luật miền Bắc": ("0.92", "2", "0"),
    "Trường Cao đẳng Luật miền Trung": ("0.87", "1", "0"),
    "Trường Cao đẳng Luật miền Nam": ("0.89", "1", "0"),
}
PROFILE_2019 = {
    name: (str(Decimal(share) - Decimal("0.02") * (i % 3)), bonus, "0")
    for i, (name, (share, bonus, _penalty)) in enumerate(PROFILE_2020.items())
}
# INVENTED ballot count for Cờ thi đua cấp Bộ (threshold 80% of the 10 entitled members).
BALLOTS = {"Trường Đại học Luật Hà Nội": 9, "Học viện Tư pháp": 1}
# From the report: the 2021 head and deputy, who attended for their units.
REPRESENTATIVES = {
    "Trường Cao đẳng Luật miền Bắc": ("Hoàng Xuân Châu", "Quyền Hiệu trưởng"),
    "Tạp chí Dân chủ và Pháp luật": ("Đặng Vũ Huân", "Tổng Biên tập"),
}
VOTE_NOTE = (
    "Số liệu minh họa do bản demo tự đặt: bài báo ngày 14/12/2020 không nêu việc bỏ phiếu "
    "suy tôn, số phiếu và đơn vị được suy tôn."
)
# The afternoon of the conference (the report: "diễn ra vào chiều 14/12").
CONFERENCE_AFTERNOON = datetime.datetime(2020, 12, 14, 15, 0)
PDF = b"%PDF-1.4\n% Minh chung minh hoa (demo)\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _table(ministry, year):
    table, created = ScoringTable.objects.get_or_create(
        ministry=ministry,
        year=year,
        cluster=None,
        defaults={"name": f"Bảng tiêu chí chấm điểm thi đua năm {year} ({NOTE})"},
    )
    if not created:
        return table
    for g_order, (code, title, kind, maximum, criteria) in enumerate(TABLE):
        group = CriterionGroup.objects.create(
            table=table,
            code=code,
            title=title,
            kind=kind,
            max_points=Decimal(maximum),
            order=g_order,
        )
        for c_order, (c_code, text, c_max, evidence, levels) in enumerate(criteria):
            criterion = Criterion.objects.create(
                group=group,
                code=c_code,
                text=text,
                max_points=Decimal(c_max),
                evidence_required=evidence,
                order=c_order,
            )
            CriterionLevel.objects.bulk_create(
                CriterionLevel(criterion=criterion, label=label, points=Decimal(p), order=i)
                for i, (label, p) in enumerate(levels)
            )
    return table


def _points(criterion, share, bonus, penalty):
    kind = criterion.group.kind
    if kind == Kind.BONUS:
        return min(Decimal(bonus), criterion.max_points) if criterion.code == "1" else Decimal(0)
    if kind == Kind.PENALTY:
        return min(Decimal(penalty), criterion.max_points) if criterion.code == "1" else Decimal(0)
    if criterion.level_points:
        return max(
            p
            for p in criterion.level_points
            if p <= criterion.max_points * Decimal(share) or p == min(criterion.level_points)
        )
    return (criterion.max_points * Decimal(share) * 2).quantize(Decimal(1)) / 2


def _score_year(cluster_year, profile, secretary):
    layout = grid_layout(cluster_year=cluster_year)
    cells = {}
    for unit in layout.units:
        share, bonus, penalty = profile[unit.name]
        for criterion in layout.criteria.values():
            agreed = _points(criterion, share, bonus, penalty)
            self_score = agreed
            if criterion.group.kind == Kind.CAPPED and not criterion.level_points:
                self_score = min(agreed + Decimal("0.5"), criterion.max_points)
            cells[(unit.pk, criterion.pk)] = CellInput(self_score=self_score, agreed_score=agreed)
            if (
                criterion.evidence_required
                and not Evidence.objects.filter(
                    score__cluster_year=cluster_year, score__unit=unit, score__criterion=criterion
                ).exists()
            ):
                evidence_add(
                    actor=secretary,
                    cluster_year=cluster_year,
                    unit=unit,
                    criterion=criterion,
                    upload=ContentFile(PDF, name=f"ke-hoach-thi-dua-{cluster_year.year}.pdf"),
                )
    # Capped groups whose rounded points overshoot the group maximum are trimmed.
    for group in layout.groups:
        if group.kind != Kind.CAPPED:
            continue
        for unit in layout.units:
            keys = [(unit.pk, c.pk) for c in group.criteria.all()]
            for attr in ("self_score", "agreed_score"):
                excess = sum(getattr(cells[k], attr) for k in keys) - group.max_points
                if excess > 0:
                    cell = cells[keys[0]]
                    setattr(cell, attr, getattr(cell, attr) - excess)
    scores_save(actor=secretary, cluster_year=cluster_year, cells=cells, layout=layout)


def seed_evaluation():
    ministry = Ministry.objects.get(name=MINISTRY)
    secretary = get_user_model().objects.get(username="thuky.cum2")
    years = {
        cy.year: cy
        for cy in ClusterYear.objects.filter(
            cluster__ministry=ministry, cluster__number=2, year__in=(2019, 2020)
        ).select_related("cluster", "emulation_year")
    }
    for year in (2019, 2020):
        _table(ministry, year)
    cluster_year = years[2020]
    if Minutes.objects.filter(cluster_year=cluster_year, state=Minutes.State.SIGNED).exists():
        return
    with events_dated(datetime.date(2019, 12, 10)):  # invented
        _score_year(years[2019], PROFILE_2019, secretary)
    with events_dated(datetime.date(2020, 12, 10)):  # invented
        _score_year(cluster_year, PROFILE_2020, secretary)
    with events_dated(timezone.make_aware(CONFERENCE_AFTERNOON)):
        _vote_and_minutes(cluster_year, secretary)


def _vote_and_minutes(cluster_year, secretary):
    title = AwardTitle.objects.get(
        regime=cluster_year.emulation_year.regime_id, code="co-thi-dua-bo"
    )
    vote = Vote.objects.filter(cluster_year=cluster_year, award_title=title).first() or vote_create(
        actor=secretary, cluster_year=cluster_year, award_title=title
    )
    vote.cluster_year = cluster_year
    Vote.objects.filter(pk=vote.pk).update(note=VOTE_NOTE)
    if vote.is_open:
        units = {c.unit.name: c.unit_id for c in vote.counts.select_related("unit")}
        vote = vote_record_counts(
            actor=secretary,
            vote=vote,
            expected_version=vote.version,
            voters_entitled=10,
            ballots_cast=10,
            valid_ballots=10,
            quota=1,
            votes={pk: BALLOTS.get(name, 0) for name, pk in units.items()},
        )
        vote_close(actor=secretary, vote=vote, expected_version=vote.version)
    members = {m.unit.name: m.unit_id for m in cluster_year.memberships.select_related("unit")}
    minutes = minutes_save(
        actor=secretary,
        cluster_year=cluster_year,
        expected_version=getattr(
            Minutes.objects.filter(cluster_year=cluster_year).first(), "version", None
        ),
        data={
            "held_on": datetime.date(2020, 12, 14),
            "place": f"Trụ sở Bộ Tư pháp, Hà Nội ({NOTE})",
            "chair_name": "Nguyễn Thanh Tịnh",
            "chair_position": "Thứ trưởng Bộ Tư pháp",
            "secretary_name": f"Nguyễn Thị Thu Hà ({NOTE})",
            "agenda": (
                "1. Tổng kết công tác thi đua, khen thưởng năm 2020 của Cụm thi đua số 2.\n"
                "2. Chấm điểm, xếp hạng các đơn vị thành viên.\n"
                "3. Bỏ phiếu suy tôn đơn vị đề nghị tặng Cờ thi đua cấp Bộ.\n"
                "4. Ký kết giao ước thi đua năm 2021; giới thiệu Cụm trưởng, Cụm phó năm 2021.\n"
                f"Ghi chú: điểm số, kết quả bỏ phiếu và địa điểm là {NOTE} do bản demo tự đặt; "
                "ngày họp, chủ trì và các đơn vị theo bài báo ngày 14/12/2020."
            ),
        },
        attendance={
            pk: (True, *REPRESENTATIVES.get(name, ("", "Đại diện lãnh đạo đơn vị")))
            for name, pk in members.items()
        },
    )
    minutes_sign(actor=secretary, minutes=minutes, expected_version=minutes.version)
