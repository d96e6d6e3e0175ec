"""Demo data for the start of a cluster's year: leadership, rotation policies and pledges.

From the news report of 14/12/2020 (docs/domain.md §7): the conference "công bố Quyết định cử
Cụm trưởng": the 2021 head Hoàng Xuân Châu (Quyền Hiệu trưởng, Trường Cao đẳng Luật miền Bắc)
and deputy Đặng Vũ Huân (Tổng biên tập, Tạp chí Dân chủ và Pháp luật) were APPOINTED by a
decision announced there (its number and date are not given, so they stay blank), not
rotated; and the units of Cụm thi đua số 2 signed the 2021 pledge at that conference.

Invented for the demo (the report is silent), and marked as such where it is shown: the
head/deputy pairs of the other years (2020 included), the rotation policies, the names and
positions of the people who signed (other than the 2021 head and deputy, each name carries
"(minh họa)"), the commitments' wording (each ends "(minh họa)"), the registrations (the
pledge's note says so), Cụm thi đua số 2's 2020 pledge (signed at an invented conference of
16/12/2019) and Cụm thi đua số 1's pledge."""

import datetime

from django.utils import timezone

from clusters.models import (
    Cluster,
    ClusterYear,
    Commitment,
    LeadershipTerm,
    Pledge,
    PledgeSignature,
    RotationPolicy,
    RotationSlot,
    TitleRegistration,
)
from emulation.demo import MINISTRY
from emulation.models import AwardTitle, Ministry
from units.models import Unit

INVENTED = "Dữ liệu minh họa do bản demo tự đặt (bài báo ngày 14/12/2020 không nêu)."
FROM_REPORT = (
    "Theo bài báo ngày 14/12/2020 về hội nghị tổng kết Cụm thi đua số 2: Hội nghị công bố "
    "Quyết định cử Cụm trưởng, Cụm phó năm 2021 (bài báo không nêu số, ngày quyết định)."
)
MARK = " (minh họa)"
PLEDGE_2021_NOTE = (
    "Theo bài báo ngày 14/12/2020: các đơn vị của Cụm thi đua số 2 ký kết giao ước thi đua "
    "năm 2021 tại hội nghị ngày 14/12/2020; người ký cho Trường Cao đẳng Luật miền Bắc và "
    "Tạp chí Dân chủ và Pháp luật là Cụm trưởng, Cụm phó bài báo nêu. Minh họa do bản demo "
    "tự đặt (bài báo không nêu): người ký của các đơn vị khác, nội dung giao ước và các "
    "đăng ký danh hiệu."
)
PLEDGE_INVENTED_NOTE = (
    "Toàn bộ giao ước này là số liệu minh họa do bản demo tự đặt (bài báo ngày 14/12/2020 "
    "không nêu): ngày ký, người ký, nội dung giao ước và đăng ký danh hiệu."
)
CONFERENCE = datetime.date(2020, 12, 14)

# Cluster 2's rotation order: the 2020 head, then the 2021 head (the 2020 deputy), …
CLUSTER_2_ORDER = [
    "Nhà xuất bản Tư pháp",
    "Trường Cao đẳng Luật miền Bắc",
    "Tạp chí Dân chủ và Pháp luật",
    "Trường Cao đẳng Luật miền Trung",
    "Trường Cao đẳng Luật miền Nam",
    "Trường Trung cấp Luật Tây Bắc",
    "Trường Đại học Luật Hà Nội",
    "Học viện Tư pháp",
    "Báo Pháp luật Việt Nam",
    "Viện Khoa học pháp lý",
]
CLUSTER_2_FIRST = 2020  # the year CLUSTER_2_ORDER[0] heads the cluster

# Invented heads of the units (signers and, outside 2021, cluster heads and deputies).
PEOPLE = {
    "Trường Đại học Luật Hà Nội": ("Trần Minh Khoa", "Hiệu trưởng"),
    "Học viện Tư pháp": ("Lê Thị Hồng Vân", "Giám đốc"),
    "Báo Pháp luật Việt Nam": ("Phạm Đức Thắng", "Tổng biên tập"),
    "Viện Khoa học pháp lý": ("Ngô Thanh Bình", "Viện trưởng"),
    "Tạp chí Dân chủ và Pháp luật": ("Vũ Hải Đăng", "Phó Tổng biên tập"),
    "Nhà xuất bản Tư pháp": ("Đỗ Quang Huy", "Giám đốc"),
    "Trường Trung cấp Luật Tây Bắc": ("Lò Văn Sơn", "Hiệu trưởng"),
    "Trường Cao đẳng Luật miền Bắc": ("Bùi Thị Thanh Hương", "Phó Hiệu trưởng"),
    "Trường Cao đẳng Luật miền Trung": ("Hồ Ngọc Tâm", "Hiệu trưởng"),
    "Trường Cao đẳng Luật miền Nam": ("Lâm Văn Phúc", "Hiệu trưởng"),
    "Cục Bổ trợ tư pháp": ("Nguyễn Hữu Lộc", "Cục trưởng"),
    "Cục Trợ giúp pháp lý": ("Trịnh Thu Trang", "Cục trưởng"),
    "Cục Công nghệ thông tin": ("Đinh Công Tuấn", "Cục trưởng"),
    "Cục Con nuôi": ("Mai Thị Yến", "Cục trưởng"),
    "Cục Đăng ký quốc gia giao dịch bảo đảm": ("Phan Văn Hiếu", "Cục trưởng"),
    "Cục Hộ tịch, quốc tịch, chứng thực": ("Tạ Minh Châu", "Cục trưởng"),
    "Cục Kiểm tra văn bản quy phạm pháp luật": ("Cao Xuân Trường", "Cục trưởng"),
    "Cục Phổ biến, giáo dục pháp luật": ("Hà Thị Mai", "Cục trưởng"),
}
# The two people the report names, for 2021 (and as the 2021 signers of their units).
REPORTED_2021 = {
    "Trường Cao đẳng Luật miền Bắc": ("Hoàng Xuân Châu", "Quyền Hiệu trưởng"),
    "Tạp chí Dân chủ và Pháp luật": ("Đặng Vũ Huân", "Tổng biên tập"),
}

COMMITMENTS = [
    "Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chuyên môn được Bộ giao trong năm.",
    "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước; giữ vững "
    "kỷ luật, kỷ cương hành chính.",
    "Đẩy mạnh cải cách hành chính và ứng dụng công nghệ thông tin, chuyển đổi số.",
    "Chăm lo đời sống vật chất, tinh thần của công chức, viên chức và người lao động.",
    "Hưởng ứng tích cực các phong trào thi đua do Bộ, ngành phát động.",
    "Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực.",
]


def _leadership(cluster, order, first_year, reported=None):
    """One term per demo year, walking the rotation order: this year's deputy heads next."""
    units = {u.name: u for u in Unit.objects.filter(name__in=order, ministry=cluster.ministry)}
    for cluster_year in ClusterYear.objects.filter(cluster=cluster):
        index = (cluster_year.year - first_year) % len(order)
        head, deputy = units[order[index]], units[order[(index + 1) % len(order)]]
        head_person, deputy_person = PEOPLE[head.name], PEOPLE[deputy.name]
        head_person = (head_person[0] + MARK, head_person[1])
        deputy_person = (deputy_person[0] + MARK, deputy_person[1])
        note, selection = INVENTED, LeadershipTerm.Selection.ROTATION
        announced = datetime.date(cluster_year.year - 1, 12, 14)
        if reported and cluster_year.year == 2021:
            head_person, deputy_person = reported[head.name], reported[deputy.name]
            note, announced = FROM_REPORT, CONFERENCE
            selection = LeadershipTerm.Selection.APPOINTMENT
        LeadershipTerm.objects.update_or_create(
            cluster_year=cluster_year,
            defaults={
                "head_unit": head,
                "head_name": head_person[0],
                "head_position": head_person[1],
                "deputy_unit": deputy,
                "deputy_name": deputy_person[0],
                "deputy_position": deputy_person[1],
                "selection": selection,
                "announced_on": announced,
                "note": note,
            },
        )


def _policy(cluster, method, no_repeat_years, order):
    policy, _ = RotationPolicy.objects.update_or_create(
        cluster=cluster, defaults={"method": method, "no_repeat_years": no_repeat_years}
    )
    units = {u.name: u for u in Unit.objects.filter(name__in=order, ministry=cluster.ministry)}
    for position, name in enumerate(order, start=1):
        RotationSlot.objects.update_or_create(
            policy=policy, unit=units[name], defaults={"position": position}
        )


def _pledge(cluster_year, *, state, signed_on, signers, registrations, reported=None, note):
    pledge, _ = Pledge.objects.update_or_create(
        cluster_year=cluster_year,
        defaults={"state": state, "conference_date": signed_on, "note": note},
    )
    if not pledge.commitments.exists():
        Commitment.objects.bulk_create(
            [
                Commitment(pledge=pledge, order=i, text=t + MARK)
                for i, t in enumerate(COMMITMENTS, 1)
            ]
        )
    titles = {
        t.code: t for t in AwardTitle.objects.filter(regime=cluster_year.emulation_year.regime)
    }
    for unit, code, person in registrations:
        TitleRegistration.objects.get_or_create(
            pledge=pledge, unit=unit, award_title=titles[code], person_name=person
        )
    for unit in signers:
        name, position = (reported or {}).get(unit.name) or (
            PEOPLE[unit.name][0] + MARK,
            PEOPLE[unit.name][1],
        )
        PledgeSignature.objects.update_or_create(
            pledge=pledge,
            unit=unit,
            defaults={"signer_name": name, "signer_position": position, "signed_on": signed_on},
        )
    return pledge


def _registrations(units, flag_units=(), individual=None):
    rows = [(u, "tt-lao-dong-xuat-sac", "") for u in units]
    rows += [(u, "co-thi-dua-bo", "") for u in flag_units]
    if individual:
        rows.append(individual)
    return rows


def seed_cluster_year_start():
    ministry = Ministry.objects.get(name=MINISTRY)
    cluster_2 = Cluster.objects.get(ministry=ministry, kind=Cluster.Kind.CLUSTER, number=2)
    cluster_1 = Cluster.objects.get(ministry=ministry, kind=Cluster.Kind.CLUSTER, number=1)

    _policy(cluster_2, RotationPolicy.Method.DEPUTY_BECOMES_HEAD, 5, CLUSTER_2_ORDER)
    _leadership(cluster_2, CLUSTER_2_ORDER, CLUSTER_2_FIRST, reported=REPORTED_2021)
    units_2 = {u.name: u for u in Unit.objects.filter(cluster_years__cluster=cluster_2).distinct()}
    # Invented: the 2020 pledge, so the year the demo evaluates has every record of a year.
    year_2020 = ClusterYear.objects.get(cluster=cluster_2, year=2020)
    members_2020 = [m.unit for m in year_2020.memberships.select_related("unit")]
    _pledge(
        year_2020,
        state=Pledge.State.LOCKED,
        signed_on=datetime.date(2019, 12, 16),
        signers=members_2020,
        registrations=_registrations(members_2020),
        note=PLEDGE_INVENTED_NOTE,
    )
    year_2021 = ClusterYear.objects.get(cluster=cluster_2, year=2021)
    members_2021 = [m.unit for m in year_2021.memberships.select_related("unit")]
    _pledge(
        year_2021,
        state=Pledge.State.LOCKED,
        signed_on=CONFERENCE,
        signers=members_2021,
        registrations=_registrations(
            members_2021,
            flag_units=[units_2["Trường Cao đẳng Luật miền Bắc"], units_2["Học viện Tư pháp"]],
            individual=(units_2["Viện Khoa học pháp lý"], "cstd-co-so", "Ngô Thanh Bình"),
        ),
        reported=REPORTED_2021,
        note=PLEDGE_2021_NOTE,
    )

    order_1 = [name for name in PEOPLE if name.startswith("Cục")]
    _policy(cluster_1, RotationPolicy.Method.ROTATION, 3, order_1)
    _leadership(cluster_1, order_1, 2019)
    this_year = ClusterYear.objects.get(cluster=cluster_1, year=timezone.localdate().year)
    members_1 = [
        m.unit for m in this_year.memberships.select_related("unit").order_by("unit__name")
    ]
    # Invented: the current year's pledge is still being signed; three units have not
    # signed and two have registered nothing, so the flags show.
    _pledge(
        this_year,
        state=Pledge.State.OPEN,
        signed_on=datetime.date(this_year.year, 1, 15),
        signers=members_1[:5],
        registrations=_registrations(members_1[:6]),
        note=PLEDGE_INVENTED_NOTE,
    )
