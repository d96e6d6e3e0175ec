"""Every evaluation page × every role: who gets in, who gets 403, who gets 404."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from clusters.evaluation.evidence import evidence_add
from clusters.evaluation.minutes import minutes_save
from clusters.evaluation.votes import vote_create
from emulation.models import AwardTitle

ROLES = ["secretary", "other_secretary", "staff", "leader", "foreign_staff"]


@pytest.fixture
def evaluation(world, table):
    cy = world.cluster_year
    unit, criterion = world.units[0], table.c["c2"]
    evidence = evidence_add(
        actor=world.users.secretary,
        cluster_year=cy,
        unit=unit,
        criterion=criterion,
        upload=ContentFile(b"%PDF-1.4", name="kh.pdf"),
    )
    title = AwardTitle.objects.get(regime=cy.emulation_year.regime, code="co-thi-dua-bo")
    vote = vote_create(actor=world.users.secretary, cluster_year=cy, award_title=title)
    minutes = minutes_save(
        actor=world.users.secretary,
        cluster_year=cy,
        expected_version=None,
        data={
            "held_on": datetime.date(2021, 12, 14),
            "place": "Hà Nội",
            "chair_name": "A",
            "chair_position": "",
            "secretary_name": "B",
            "agenda": "",
        },
        attendance={unit.pk: (True, "", "")},
    )
    args = [world.cluster.pk, world.year]
    return {
        "scores": reverse("clusters:scores", args=args),
        "cell": reverse("clusters:score_cell", args=[*args, unit.pk, criterion.pk]),
        "cells": reverse("clusters:score_cells", args=args),
        "evidence": reverse("clusters:score_evidence", args=[*args, unit.pk, criterion.pk]),
        "download": reverse("clusters:evidence_download", args=[*args, evidence.pk]),
        "evidence_delete": reverse("clusters:evidence_delete", args=[*args, evidence.pk]),
        "export": reverse("clusters:score_export", args=args),
        "import": reverse("clusters:score_import", args=args),
        "ranking": reverse("clusters:ranking", args=args),
        "votes": reverse("clusters:votes", args=args),
        "vote": reverse("clusters:vote", args=[*args, vote.pk]),
        "vote_close": reverse("clusters:vote_close", args=[*args, vote.pk]),
        "vote_reopen": reverse("clusters:vote_reopen", args=[*args, vote.pk]),
        "minutes": reverse("clusters:minutes", args=args),
        "minutes_edit": reverse("clusters:minutes_edit", args=args),
        "minutes_sign": reverse("clusters:minutes_sign", args=args),
        "minutes_unsign": reverse("clusters:minutes_unsign", args=args),
        "tables": reverse("clusters:scoring_tables"),
        "table": reverse("clusters:scoring_table", args=[table.pk]),
        "table_create": reverse("clusters:scoring_table_create"),
        "table_import": reverse("clusters:scoring_table_import"),
        "minutes_obj": minutes,
    }


READ = {"secretary": 200, "other_secretary": 404, "staff": 200, "leader": 200, "foreign_staff": 404}
WRITE = {
    "secretary": 200,
    "other_secretary": 404,
    "staff": 200,
    "leader": 403,
    "foreign_staff": 404,
}
SECRETARY_ONLY = {
    "secretary": 302,
    "other_secretary": 404,
    "staff": 403,
    "leader": 403,
    "foreign_staff": 404,
}
MANAGE = {
    "secretary": 403,
    "other_secretary": 404,
    "staff": 200,
    "leader": 403,
    "foreign_staff": 404,
}
TABLE = {
    "secretary": 404,
    "other_secretary": 404,
    "staff": 200,
    "leader": 200,
    "foreign_staff": 404,
}
STAFF_PAGE = {
    "secretary": 403,
    "other_secretary": 403,
    "staff": 200,
    "leader": 403,
    "foreign_staff": 200,
}

GET_CASES = [
    ("scores", READ),
    ("evidence", READ),
    ("download", READ),
    ("export", READ),
    ("ranking", READ),
    ("votes", READ),
    ("vote", READ),
    ("minutes", READ),
    ("import", WRITE),
    ("minutes_edit", WRITE),
    ("minutes_unsign", MANAGE),
    ("table", TABLE),
    ("table_create", STAFF_PAGE),
    ("table_import", STAFF_PAGE),
]
POST_CASES = [
    (
        "scores",
        {
            "secretary": 302,
            "other_secretary": 404,
            "staff": 302,
            "leader": 403,
            "foreign_staff": 404,
        },
    ),
    ("cell", WRITE),
    ("cells", WRITE),
    ("import", WRITE),
    (
        "evidence_delete",
        {
            "secretary": 302,
            "other_secretary": 404,
            "staff": 302,
            "leader": 403,
            "foreign_staff": 404,
        },
    ),
    (
        "votes",
        {
            "secretary": 200,
            "other_secretary": 404,
            "staff": 403,
            "leader": 403,
            "foreign_staff": 404,
        },
    ),
    (
        "vote",
        {
            "secretary": 200,
            "other_secretary": 404,
            "staff": 403,
            "leader": 403,
            "foreign_staff": 404,
        },
    ),
    (
        "vote_close",
        {
            "secretary": 200,
            "other_secretary": 404,
            "staff": 403,
            "leader": 403,
            "foreign_staff": 404,
        },
    ),
    ("vote_reopen", SECRETARY_ONLY),
    (
        "minutes_sign",
        {
            "secretary": 302,
            "other_secretary": 404,
            "staff": 302,
            "leader": 403,
            "foreign_staff": 404,
        },
    ),
]


@pytest.mark.parametrize(("page_name", "expected"), GET_CASES, ids=[c[0] for c in GET_CASES])
@pytest.mark.parametrize("role", ROLES)
def test_get_by_role(client_as, evaluation, page_name, expected, role):
    assert client_as(role).get(evaluation[page_name]).status_code == expected[role]


@pytest.mark.parametrize(("page_name", "expected"), POST_CASES, ids=[c[0] for c in POST_CASES])
@pytest.mark.parametrize("role", ROLES)
def test_post_by_role(client_as, evaluation, page_name, expected, role):
    assert client_as(role).post(evaluation[page_name], {}).status_code == expected[role]


@pytest.mark.parametrize("page_name", [c[0] for c in GET_CASES])
def test_anonymous_is_sent_to_login(client_as, evaluation, page_name):
    response = client_as(None).get(evaluation[page_name])
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_table_list_shows_only_tables_of_the_users_ministry(client_as, evaluation, table):
    assert table.name in client_as("staff").get(evaluation["tables"]).content.decode()
    assert table.name in client_as("leader").get(evaluation["tables"]).content.decode()
    assert table.name not in client_as("foreign_staff").get(evaluation["tables"]).content.decode()
