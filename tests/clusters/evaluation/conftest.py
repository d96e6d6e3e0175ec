from decimal import Decimal

import pytest

from clusters.evaluation.scores import CellInput, scores_save
from clusters.models import Criterion, CriterionGroup, CriterionLevel, ScoringTable
from tests.factories import UnitFactory, cluster_year_with_units

Kind = CriterionGroup.Kind
D = Decimal


def build_table(ministry, year, *, cluster=None, groups=1, criteria=3, name="Bảng thử"):
    """A plain table: ``groups`` capped groups of ``criteria`` criteria worth 5 each."""
    table = ScoringTable.objects.create(ministry=ministry, year=year, cluster=cluster, name=name)
    for g in range(groups):
        group = CriterionGroup.objects.create(
            table=table,
            code=str(g + 1),
            title=f"Nhóm {g + 1}",
            kind=Kind.CAPPED,
            max_points=D(5 * criteria),
            order=g,
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=group,
                code=str(c + 1),
                text=f"Tiêu chí {g + 1}.{c + 1}",
                max_points=D(5),
                order=c,
            )
            for c in range(criteria)
        )
    return table


@pytest.fixture
def table(world):
    """I (capped, max 8): 1 max 6; 2 max 6 with required evidence; 3 graded 4 / 2 / 0.
    IV bonus cap 3: two items of 2. V penalty cap 2: one item of 3."""
    table = ScoringTable.objects.create(ministry=world.ministry, year=world.year, name="Bảng 2021")
    g1 = CriterionGroup.objects.create(
        table=table, code="I", title="Chuyên môn", max_points=D(8), order=0
    )
    bonus = CriterionGroup.objects.create(
        table=table, code="IV", title="Điểm thưởng", kind=Kind.BONUS, max_points=D(3), order=1
    )
    penalty = CriterionGroup.objects.create(
        table=table, code="V", title="Điểm trừ", kind=Kind.PENALTY, max_points=D(2), order=2
    )
    c1 = Criterion.objects.create(
        group=g1, code="1", text="Hoàn thành kế hoạch", max_points=D(6), order=0
    )
    c2 = Criterion.objects.create(
        group=g1,
        code="2",
        text="Phát động thi đua",
        max_points=D(6),
        evidence_required=True,
        order=1,
    )
    c3 = Criterion.objects.create(
        group=g1, code="3", text="Báo cáo đúng hạn", max_points=D(4), order=2
    )
    for i, (label, points) in enumerate([("Đúng hạn", 4), ("Chậm 1–2 ngày", 2), ("Chậm", 0)]):
        CriterionLevel.objects.create(criterion=c3, label=label, points=D(points), order=i)
    b1 = Criterion.objects.create(group=bonus, code="1", text="Sáng kiến", max_points=D(2))
    b2 = Criterion.objects.create(
        group=bonus, code="2", text="Khen đột xuất", max_points=D(2), order=1
    )
    p1 = Criterion.objects.create(group=penalty, code="1", text="Kỷ luật", max_points=D(3))
    table.c = {"c1": c1, "c2": c2, "c3": c3, "b1": b1, "b2": b2, "p1": p1}
    return table


@pytest.fixture
def save(world):
    """save({(unit, criterion): (self, agreed)}) through the service, as the secretary."""

    def run(values, cluster_year=None, actor=None):
        cells = {
            (unit.pk, criterion.pk): CellInput(
                self_score=None if s is None else D(str(s)),
                agreed_score=None if a is None else D(str(a)),
            )
            for (unit, criterion), (s, a) in values.items()
        }
        return scores_save(
            actor=actor or world.users.secretary,
            cluster_year=cluster_year or world.cluster_year,
            cells=cells,
        )

    return run


def grid_world(world, units, criteria):
    """A cluster-year (2022) of ``units`` members and a table of ``criteria`` criteria."""
    members = [UnitFactory(ministry=world.ministry) for _ in range(units)]
    cluster_year = cluster_year_with_units(world.cluster, 2022, members)
    groups = max(1, criteria // 10)
    build_table(world.ministry, 2022, groups=groups, criteria=criteria // groups)
    return cluster_year, members


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The world's five users are hashed with PBKDF2 otherwise: seconds per test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """The secretary's browser asks for Vietnamese, as at the conference."""
    return {**browser_context_args, "locale": "vi-VN"}


@pytest.fixture(autouse=True)
def _private_media_in_tmp(settings, tmp_path):
    """Evidence files written by the tests go to a temporary directory."""
    default = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**default, "OPTIONS": {"location": str(tmp_path / "private")}},
    }
