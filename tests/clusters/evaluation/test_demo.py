import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from clusters.evaluation.demo import seed_evaluation
from clusters.evaluation.ranking import cluster_year_ranking
from clusters.models import ClusterYear, Minutes, Score, Vote
from demo.core import seed_core
from emulation.models import AuditEntry


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seed_core()
    seed_evaluation()
    return ClusterYear.objects.get(
        cluster__ministry__name="Bộ Tư pháp", cluster__number=2, year=2020
    )


def test_demo_holds_a_complete_signed_2020_evaluation_of_cluster_2(demo):
    minutes = Minutes.objects.get(cluster_year=demo)
    assert (minutes.held_on, minutes.chair_name, minutes.is_signed) == (
        datetime.date(2020, 12, 14),
        "Nguyễn Thanh Tịnh",
        True,
    )
    assert "số liệu minh họa" in minutes.agenda
    assert minutes.attendance.filter(present=True).count() == 10
    assert Score.objects.filter(cluster_year=demo).count() == 10 * 14
    vote = Vote.objects.get(cluster_year=demo)
    assert (vote.award_title.code, vote.state) == ("co-thi-dua-bo", Vote.State.CLOSED)
    assert list(vote.counts.filter(nominated=True).values_list("unit__name", flat=True)) == [
        "Trường Đại học Luật Hà Nội"
    ]
    rows = cluster_year_ranking(cluster_year=demo)
    assert [r.rank for r in rows] == [1, 2, 2, 4, 5, 6, 7, 8, 9, 10]
    assert all(r.difference is not None for r in rows)


def test_running_the_demo_again_changes_nothing(demo):
    entries = AuditEntry.objects.count()
    seed_evaluation()
    assert AuditEntry.objects.count() == entries


def test_the_demo_leader_sees_the_ranking_chart_and_the_invented_data_note(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(username="lanhdao"))
    args = [demo.cluster_id, 2020]
    ranking = client.get(reverse("clusters:ranking", args=args)).content.decode()
    assert ranking.count('<rect class="chart-bar"') == 10
    assert "Bảng tiêu chí chấm điểm thi đua năm 2020 (số liệu minh họa)" in ranking
    minutes = client.get(reverse("clusters:minutes", args=args)).content.decode()
    assert "số liệu minh họa" in minutes
    assert "Trường Đại học Luật Hà Nội: 9 phiếu" in minutes
