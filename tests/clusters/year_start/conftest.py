"""Fixtures for the start of a cluster's year: leadership, rotation, pledge."""

import datetime

import pytest

from clusters.models import RotationPolicy, RotationSlot
from clusters.year_start import pledge as pledge_services
from emulation.models import AwardTitle


def leadership_data(head, deputy, **extra):
    return {
        "head_unit": head,
        "head_name": "Hoàng Xuân Châu",
        "head_position": "Quyền Hiệu trưởng",
        "deputy_unit": deputy,
        "deputy_name": "Đặng Vũ Huân",
        "deputy_position": "Tổng biên tập",
        "selection": "rotation",
        "decision_number": "",
        "decision_date": None,
        "announced_on": datetime.date(2020, 12, 14),
        "note": "",
        **extra,
    }


def set_policy(cluster, method, units=(), no_repeat_years=0):
    policy = RotationPolicy.objects.create(
        cluster=cluster, method=method, no_repeat_years=no_repeat_years
    )
    RotationSlot.objects.bulk_create(
        [RotationSlot(policy=policy, unit=u, position=i) for i, u in enumerate(units, 1)]
    )
    return policy


def title(cluster_year, code):
    return AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code=code)


@pytest.fixture
def pledge(world):
    """A draft pledge of world.cluster_year with two commitments."""
    pledge = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    pledge.cluster_year = world.cluster_year
    return pledge_services.pledge_update(
        actor=world.users.secretary,
        pledge=pledge,
        expected_version=pledge.version,
        commitments=["Hoàn thành xuất sắc nhiệm vụ được giao.", "Đẩy mạnh cải cách hành chính."],
        place="Hà Nội",
        conference_date=datetime.date(2020, 12, 14),
    )


def sign_all(pledge, units, actor):
    for unit in units:
        pledge_services.pledge_sign(
            actor=actor,
            pledge=pledge,
            unit=unit,
            signer_name=f"Người ký {unit.name}",
            signer_position="Thủ trưởng",
            signed_on=datetime.date(2020, 12, 14),
        )
