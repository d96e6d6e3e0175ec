from django.contrib.auth import get_user_model
from django.core.management import call_command

from clusters.models import Cluster, LeadershipTerm, Pledge, TitleRegistration
from emulation.demo import MINISTRY


def _counts():
    return (
        LeadershipTerm.objects.count(),
        Pledge.objects.count(),
        TitleRegistration.objects.count(),
    )


def test_demo_records_the_reported_2021_pair_and_the_signed_pledge_idempotently(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)
    first = _counts()
    call_command("seed_demo", stdout=None)
    assert _counts() == first

    cluster = Cluster.objects.get(ministry__name=MINISTRY, number=2)
    term = LeadershipTerm.objects.get(cluster_year__cluster=cluster, cluster_year__year=2021)
    assert (term.head_unit.name, term.head_name, term.head_position) == (
        "Trường Cao đẳng Luật miền Bắc",
        "Hoàng Xuân Châu",
        "Quyền Hiệu trưởng",
    )
    assert (term.deputy_unit.name, term.deputy_name, term.deputy_position) == (
        "Tạp chí Dân chủ và Pháp luật",
        "Đặng Vũ Huân",
        "Tổng biên tập",
    )
    assert term.announced_on.isoformat() == "2020-12-14"
    invented = LeadershipTerm.objects.get(cluster_year__cluster=cluster, cluster_year__year=2020)
    assert "tự đặt" in invented.note
    assert invented.deputy_unit == term.head_unit  # the deputy became head, as the policy says

    pledge = Pledge.objects.get(cluster_year=term.cluster_year)
    assert pledge.state == Pledge.State.LOCKED
    assert sorted(s.signed_on.isoformat() for s in pledge.signatures.all()) == ["2020-12-14"] * 10
    assert pledge.registrations.values("unit").distinct().count() == 10
    assert Pledge.objects.filter(cluster_year__cluster__number=1).exists()


def test_demo_other_secretary_cannot_open_cluster_2_edit_pages(db, settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)
    cluster = Cluster.objects.get(ministry__name=MINISTRY, number=2)
    client.force_login(get_user_model().objects.get(username="thuky.cum1"))
    for tail in ("leadership/", "pledge/edit/", "pledge/sign/", "rollover/"):
        assert client.get(f"/clusters/{cluster.pk}/years/2021/{tail}").status_code == 404
    assert client.get(f"/clusters/{cluster.pk}/rotation/").status_code == 404
