"""Bulk approval across the ministry's clusters: the confirmation lists exactly the chosen
lines, and exactly those are approved."""

import pytest
from django.urls import reverse

from awards import services
from awards.models import Nomination, Proposal
from tests.awards.conftest import close_vote, pdf, record_vote, sign_minutes, title


@pytest.fixture
def two_clusters_in_review(world, in_review):
    """A second proposal (Cụm 1) in review; every line has its council vote."""
    cluster_year = world.other_cluster_year
    sign_minutes(cluster_year)
    close_vote(cluster_year, "co-thi-dua-bo", [world.other_units[0]], world.other_units[1:])
    other = services.proposal_create(actor=world.users.other_secretary, cluster_year=cluster_year)
    services.proposal_update(
        actor=world.users.other_secretary,
        proposal=other,
        version=other.version,
        number="3/TTr",
        dated=None,
        cover_file=pdf(),
    )
    other = Proposal.objects.get(pk=other.pk)
    other.dated = in_review.dated
    other.save()
    for unit in world.other_units[:2]:
        code = "co-thi-dua-bo" if unit == world.other_units[0] else "bang-khen-bo-tap-the"
        services.nomination_save(
            actor=world.users.other_secretary,
            proposal=other,
            line=Nomination(unit=unit, award_title=title(cluster_year, code), achievements="x"),
            report_file=pdf(),
        )
    services.proposal_submit(actor=world.users.other_secretary, proposal=other)
    services.proposal_start_review(actor=world.users.staff, proposal=other)
    lines = list(Nomination.objects.order_by("id"))
    for line in lines:
        record_vote(world.users.staff, line)
    return lines


def test_staff_see_pending_lines_of_every_cluster(client_as, two_clusters_in_review):
    html = client_as("staff").get(reverse("awards:pending_lines")).content.decode()
    assert html.count('name="lines"') == 3
    assert "Cụm thi đua số 1" in html
    assert "Cụm thi đua số 2" in html


@pytest.mark.parametrize("role", ["secretary", "other_secretary", "leader"])
def test_pending_lines_are_for_staff_only(client_as, two_clusters_in_review, role):
    assert client_as(role).get(reverse("awards:pending_lines")).status_code == 403
    response = client_as(role).post(reverse("awards:bulk_approve_lines"))
    assert response.status_code == 403


def test_foreign_staff_see_and_approve_nothing(client_as, two_clusters_in_review):
    client = client_as("foreign_staff")
    assert 'name="lines"' not in client.get(reverse("awards:pending_lines")).content.decode()
    client.post(
        reverse("awards:bulk_approve_lines"),
        {"lines": [line.pk for line in two_clusters_in_review], "confirm": "1"},
    )
    assert set(Nomination.objects.values_list("outcome", flat=True)) == {"pending"}


def test_bulk_approval_across_clusters_approves_exactly_the_confirmed_lines(
    client_as, two_clusters_in_review
):
    first, second, third = two_clusters_in_review
    client = client_as("staff")
    chosen = {"lines": [first.pk, third.pk]}
    html = client.post(reverse("awards:bulk_approve_lines"), chosen).content.decode()
    assert (
        '<ol id="bulk-lines"><li>Cục số 2 – Bằng khen của Bộ trưởng (tập thể)</li>'
        "<li>Trường số 1 – Cờ thi đua cấp Bộ</li></ol>"
    ) in html
    assert set(Nomination.objects.values_list("outcome", flat=True)) == {"pending"}
    client.post(reverse("awards:bulk_approve_lines"), {**chosen, "confirm": "1"})
    assert dict(Nomination.objects.values_list("pk", "outcome")) == {
        first.pk: "approved",
        second.pk: "pending",
        third.pk: "approved",
    }


@pytest.mark.parametrize("extra", [0, 2])
def test_pending_lines_page_queries_do_not_grow(
    client_as, world, two_clusters_in_review, django_assert_max_num_queries, extra
):
    proposal = Proposal.objects.get(cluster_year=world.cluster_year)
    for unit in world.units[1 : 1 + extra]:
        Nomination.objects.create(
            proposal=proposal,
            unit=unit,
            award_title=title(world.cluster_year, "bang-khen-bo-tap-the"),
            achievements="x",
        )
    client = client_as("staff")
    with django_assert_max_num_queries(6):
        html = client.get(reverse("awards:pending_lines")).content.decode()
    assert html.count('name="lines"') == 3 + extra
