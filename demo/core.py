"""Seeds the demo's ministry, its two clusters and their units, and the demo accounts (the
first step of ``manage.py seed_demo``)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from accounts.models import RoleAssignment
from clusters.models import Cluster, ClusterYear, Membership
from clusters.services import emulation_year_get_or_create
from emulation.demo import CLUSTER_1_UNITS, CLUSTER_2_UNITS, MINISTRY, demo_years, unit_code
from emulation.models import Ministry
from emulation.roles import Role
from units.models import Unit

# username, full name (invented), role, cluster number or None
ACCOUNTS = [
    ("thuky.cum2", "Nguyễn Thị Thu Hà", Role.CLUSTER_SECRETARY, 2),
    ("thuky.cum1", "Trần Văn Minh", Role.CLUSTER_SECRETARY, 1),
    ("vu.tdkt", "Lê Thị Lan", Role.MINISTRY_STAFF, None),
    ("lanhdao", "Phạm Quốc Hùng", Role.LEADER, None),
]


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
