"""The admin only looks up what the services write (with their rights, freeze and audit):
scores, evidence, votes, minutes, pledges, memberships and scoring tables cannot be added,
changed or deleted there, even by a superuser."""

import pytest
from django.test import Client

from clusters.evaluation.votes import vote_create
from clusters.models import (
    Criterion,
    Membership,
    Minutes,
    Pledge,
    Score,
    ScoringTable,
    Vote,
)
from clusters.year_start.pledge import pledge_create
from emulation.models import AwardTitle
from tests.clusters.evaluation.test_freeze import draft
from tests.factories import UserFactory


@pytest.fixture
def records(world, table, save):
    save({(world.units[0], table.c["c1"]): (5, 5)})
    flag = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    vote_create(actor=world.users.secretary, cluster_year=world.cluster_year, award_title=flag)
    draft(world)
    pledge_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    return {
        Score: Score.objects.get(),
        Vote: Vote.objects.get(),
        Minutes: Minutes.objects.get(),
        Pledge: Pledge.objects.get(),
        Membership: Membership.objects.filter(cluster_year=world.cluster_year).first(),
        ScoringTable: table,
        Criterion: table.c["c1"],
    }


@pytest.fixture
def superuser(db):
    client = Client()
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


MODELS = [Score, Vote, Minutes, Pledge, Membership, ScoringTable, Criterion]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_admin_shows_but_never_edits(superuser, records, model):
    obj = records[model]
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    assert superuser.get(base).status_code == 200
    change = superuser.get(f"{base}{obj.pk}/change/")
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert superuser.post(f"{base}{obj.pk}/change/", {}).status_code == 403
    assert superuser.get(f"{base}add/").status_code == 403
    assert superuser.post(f"{base}{obj.pk}/delete/", {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()
