"""Demo data: the Ministry of Justice's Cluster No. 2 (docs/domain.md §7), a second cluster of the
same ministry, four demo accounts and a few years of history.

From the news report of 14/12/2020: the ministry, Cluster No. 2 and its ten units. Invented
for the demo (the report is silent): Cluster No. 1's composition and the people's names of
the demo accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from clusters.models import Cluster, ClusterYear, Membership
from clusters.services import emulation_year_get_or_create
from emulation.models import Ministry, RoleAssignment
from units.models import Unit

MINISTRY = "Bộ Tư pháp"
CLUSTER_2_UNITS = [
    ("Trường Đại học Luật Hà Nội", "ĐHLHN", Unit.Kind.UNIVERSITY),
    ("Học viện Tư pháp", "HVTP", Unit.Kind.ACADEMY),
    ("Báo Pháp luật Việt Nam", "BPLVN", Unit.Kind.NEWSPAPER),
    ("Viện Khoa học pháp lý", "VKHPL", Unit.Kind.INSTITUTE),
    ("Tạp chí Dân chủ và Pháp luật", "TCDCPL", Unit.Kind.JOURNAL),
    ("Nhà xuất bản Tư pháp", "NXBTP", Unit.Kind.PUBLISHER),
    ("Trường Trung cấp Luật Tây Bắc", "TCLTB", Unit.Kind.SCHOOL),
    ("Trường Cao đẳng Luật miền Bắc", "CĐLMB", Unit.Kind.COLLEGE),
    ("Trường Cao đẳng Luật miền Trung", "CĐLMT", Unit.Kind.COLLEGE),
    ("Trường Cao đẳng Luật miền Nam", "CĐLMN", Unit.Kind.COLLEGE),
]
# Invented: a plausible second cluster of departments of the same ministry.
CLUSTER_1_UNITS = [
    ("Cục Bổ trợ tư pháp", "CBTTP", Unit.Kind.DEPARTMENT),
    ("Cục Trợ giúp pháp lý", "CTGPL", Unit.Kind.DEPARTMENT),
    ("Cục Công nghệ thông tin", "CCNTT", Unit.Kind.DEPARTMENT),
    ("Cục Con nuôi", "CCN", Unit.Kind.DEPARTMENT),
    ("Cục Đăng ký quốc gia giao dịch bảo đảm", "CĐKGDBĐ", Unit.Kind.DEPARTMENT),
    ("Cục Hộ tịch, quốc tịch, chứng thực", "CHTQTCT", Unit.Kind.DEPARTMENT),
    ("Cục Kiểm tra văn bản quy phạm pháp luật", "CKTVB", Unit.Kind.DEPARTMENT),
    ("Cục Phổ biến, giáo dục pháp luật", "CPBGDPL", Unit.Kind.DEPARTMENT),
]
FIRST_YEAR = 2019

# username, full name (invented), role, cluster number or None
ACCOUNTS = [
    ("thuky.cum2", "Nguyễn Thị Thu Hà", RoleAssignment.Role.CLUSTER_SECRETARY, 2),
    ("thuky.cum1", "Trần Văn Minh", RoleAssignment.Role.CLUSTER_SECRETARY, 1),
    ("vu.tdkt", "Lê Thị Lan", RoleAssignment.Role.MINISTRY_STAFF, None),
    ("lanhdao", "Phạm Quốc Hùng", RoleAssignment.Role.LEADER, None),
]


def unit_code(short_name):
    """Invented: the demo's unit codes (a real ministry uses its own, e.g. budget codes)."""
    return "BTP-" + short_name.replace("Đ", "D")


def demo_years():
    return range(FIRST_YEAR, timezone.localdate().year + 1)


def _units(ministry, rows):
    units = []
    for name, short_name, kind in rows:
        unit, _ = Unit.objects.update_or_create(
            ministry=ministry,
            name=name,
            defaults={"short_name": short_name, "kind": kind, "code": unit_code(short_name)},
        )
        units.append(unit)
    return units


def _cluster(ministry, number, name, description, units):
    cluster, _ = Cluster.objects.update_or_create(
        ministry=ministry,
        kind=Cluster.Kind.CLUSTER,
        number=number,
        defaults={"name": name, "description": description},
    )
    for year in demo_years():
        emulation_year = emulation_year_get_or_create(ministry=ministry, year=year)
        cluster_year, _ = ClusterYear.objects.get_or_create(
            cluster=cluster, year=year, defaults={"emulation_year": emulation_year}
        )
        for unit in units:
            Membership.objects.get_or_create(cluster_year=cluster_year, unit=unit)
    return cluster


def seed_core():
    ministry, _ = Ministry.objects.update_or_create(
        name=MINISTRY, defaults={"short_name": "BTP", "place": "Hà Nội"}
    )
    clusters = {
        2: _cluster(
            ministry,
            2,
            "Cụm thi đua số 2",
            "Khối các đơn vị sự nghiệp thuộc Bộ (theo bài báo ngày 14/12/2020).",
            _units(ministry, CLUSTER_2_UNITS),
        ),
        1: _cluster(
            ministry,
            1,
            "Cụm thi đua số 1",
            "Cụm minh họa cho bản demo (thành phần do bản demo tự đặt).",
            _units(ministry, CLUSTER_1_UNITS),
        ),
    }
    User = get_user_model()
    for username, full_name, role, cluster_number in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": full_name}
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        RoleAssignment.objects.get_or_create(
            user=user,
            role=role,
            ministry=ministry,
            cluster=clusters[cluster_number] if cluster_number else None,
        )
    return ministry
