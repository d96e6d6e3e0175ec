import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F

from accounts.models import RoleAssignment
from awards.models import Award, Decision, Nomination, Proposal
from clusters.models import (
    Cluster,
    ClusterYear,
    Criterion,
    LeadershipTerm,
    Membership,
    Minutes,
    Pledge,
    PledgeSignature,
    Score,
    Vote,
    VoteCount,
)
from demo.scale import BENCH_PASSWORD, Plan
from demo.scale.writer import BulkWriter
from documents.models.reports import YearEndReport
from emulation.models import Ministry
from emulation.roles import Role
from tests.factories import MinistryFactory
from units.models import Unit

TINY = "0.001"  # one ministry, two clusters: 20 cluster-years, 8,000 scores


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_scale", "--scale", TINY, stdout=out)
    return out.getvalue()


def test_the_full_scale_is_the_whole_country():
    plan = Plan.for_scale(1, last_year=2026)

    assert (plan.ministries, plan.clusters, plan.units, plan.years) == (100, 20, 10, 10)
    assert plan.cluster_years == 20_000
    assert plan.scores == 8_000_000
    assert list(plan.year_range) == list(range(2017, 2027))


def test_a_small_scale_keeps_one_ministry_with_fewer_clusters():
    assert Plan.for_scale(0.001, last_year=2026).ministries == 1
    assert Plan.for_scale(0.001, last_year=2026).clusters == 2
    assert Plan.for_scale(2, last_year=2026).ministries == 200


def test_seed_scale_builds_every_record_of_every_cluster_year(seeded):
    assert Ministry.objects.count() == 1
    assert Cluster.objects.count() == 2
    assert Unit.objects.count() == 20
    assert ClusterYear.objects.count() == 20
    assert Membership.objects.count() == 200
    assert LeadershipTerm.objects.count() == 20
    assert Pledge.objects.count() == 20
    assert PledgeSignature.objects.count() == 200
    assert Criterion.objects.count() == 10 * 40
    assert Vote.objects.count() == 20
    assert VoteCount.objects.filter(nominated=True).count() == 20
    assert Minutes.objects.count() == 20
    assert Score.objects.count() == 8000
    assert not Score.objects.filter(agreed_score__isnull=True).exists()
    assert not Score.objects.filter(self_score__isnull=True).exists()
    assert "8,000 scores" in seeded


def test_seed_scale_decides_past_proposals_and_leaves_this_years_awaiting_review(seeded):
    last = ClusterYear.objects.order_by("-year").values_list("year", flat=True).first()

    assert Proposal.objects.count() == 20
    assert Nomination.objects.count() == 60
    assert set(
        Proposal.objects.filter(cluster_year__year=last).values_list("state", flat=True)
    ) == {Proposal.State.SUBMITTED}
    assert (
        Proposal.objects.exclude(cluster_year__year=last)
        .filter(state=Proposal.State.DECIDED)
        .count()
        == 18
    )
    assert Decision.objects.count() == 18
    assert Award.objects.count() == 54
    assert not Award.objects.exclude(unit=F("nomination__unit")).exists()


def test_seed_scale_writes_the_year_end_reports_of_past_years(seeded):
    assert YearEndReport.objects.filter(kind=YearEndReport.Kind.CLUSTER).count() == 18
    assert YearEndReport.objects.filter(kind=YearEndReport.Kind.MINISTRY).count() == 9
    assert not YearEndReport.objects.filter(results="").exists()


def test_every_score_is_on_a_criterion_of_its_ministry_and_year(seeded):
    other_year = Score.objects.exclude(criterion__group__table__year=F("cluster_year__year"))
    other_ministry = Score.objects.exclude(
        criterion__group__table__ministry=F("cluster_year__cluster__ministry")
    )

    assert not other_year.exists()
    assert not other_ministry.exists()


def test_seeded_accounts_log_in_and_see_their_cluster(seeded, client):
    secretary = get_user_model().objects.get(username="bench.001.cum01")

    assert client.login(username="bench.001.cum01", password=BENCH_PASSWORD)
    response = client.get("/")

    assert list(RoleAssignment.objects.filter(user=secretary).values_list("role", flat=True)) == [
        Role.CLUSTER_SECRETARY
    ]
    assert response.status_code == 200
    assert "Cụm thi đua số 1" in response.content.decode()
    assert "Cụm thi đua số 2" not in response.content.decode()


def test_rows_added_after_seeding_get_fresh_ids(seeded):
    ministry = MinistryFactory()

    assert ministry.pk == Ministry.objects.order_by("pk").first().pk + 1


def _foreign_keys():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f'"
        )
        return set(cursor.fetchall())


def test_seeding_on_postgresql_puts_back_every_foreign_key_it_lifted(db, settings):
    if connection.vendor != "postgresql":
        pytest.skip("COPY and lifting foreign keys during the load are PostgreSQL's")
    settings.DEBUG = True
    before = _foreign_keys()

    call_command("seed_scale", "--scale", TINY, stdout=io.StringIO())

    assert _foreign_keys() == before
    assert ("clusters_score", "clusters_score_unit_id_24fea8fe_fk_units_unit_id") in {
        (table, name) for table, name, _definition in before
    }


def test_seed_scale_refuses_a_database_that_already_has_data(world, settings):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="already holds 2 ministries"):
        call_command("seed_scale", "--scale", TINY)


def test_reuse_keeps_the_same_scale_and_refuses_another(seeded):
    out = io.StringIO()
    call_command("seed_scale", "--scale", TINY, "--reuse", stdout=out)

    assert out.getvalue() == f"The database already holds the data set of scale {float(TINY)}.\n"
    assert Score.objects.count() == 8000
    with pytest.raises(CommandError, match="fills an empty one"):
        call_command("seed_scale", "--scale", "0.002", "--reuse")


def test_seed_scale_refuses_to_run_in_production(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="refuses to run in production"):
        call_command("seed_scale", "--scale", TINY)


def test_the_writer_fills_in_the_defaults_of_fields_it_was_not_given(db):
    writer = BulkWriter()
    (pk,) = writer.ids(Ministry, 1)

    writer.insert(Ministry, ["id", "name", "short_name"], [(pk, "Tỉnh Thử", "TT")])

    ministry = Ministry.objects.get(pk=pk)
    assert (ministry.kind, ministry.place) == (Ministry.Kind.MINISTRY, "Hà Nội")
    assert writer.counts == {"emulation.Ministry": 1}
