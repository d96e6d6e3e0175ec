"""The ministry's desk: bulk approval applies the lines that pass and names the others with
their reasons; the queue shows when each proposal was sent and how long it has waited, with
readable filters; the decision is offered only once no line is pending."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Nomination, Proposal
from tests.awards.conftest import record_vote
from tests.awards.test_workflow import three_lines  # noqa: F401 - a fixture
from tests.html import messages, options


def approve(client, proposal, lines):
    return client.post(
        reverse("awards:bulk_approve", args=[proposal.pk]),
        {"lines": [line.pk for line in lines], "confirm": "1"},
        follow=True,
    )


def test_bulk_approval_applies_the_passing_lines_and_lists_the_others(
    client_as,
    world,
    three_lines,  # noqa: F811
):
    record_vote(world.users.staff, three_lines[2], members=20, votes_for=1)
    proposal = three_lines[0].proposal

    response = approve(client_as("staff"), proposal, three_lines)

    said = messages(response)
    assert said[0] == "Đã đồng ý 2 trên 3 dòng đề nghị."
    assert said[1].startswith(
        "Chưa đồng ý Trường số 3: Bằng khen của Bộ trưởng (tập thể): "
        "Trường số 3 được 1/20 thành viên hội đồng đồng ý"
    )
    assert len(said) == 2
    assert list(Nomination.objects.order_by("id").values_list("outcome", flat=True)) == [
        "approved",
        "approved",
        "pending",
    ]


def test_none_approved_is_said_plainly(client_as, world, three_lines):  # noqa: F811
    for line in three_lines:
        record_vote(world.users.staff, line, members=20, votes_for=1)

    response = approve(client_as("staff"), three_lines[0].proposal, three_lines)

    said = messages(response)
    assert said[0] == "Đã đồng ý 0 trên 3 dòng đề nghị."
    assert len(said) == 4
    assert set(Nomination.objects.values_list("outcome", flat=True)) == {"pending"}


def test_every_line_approved_says_so(client_as, world, three_lines):  # noqa: F811
    response = approve(client_as("staff"), three_lines[0].proposal, three_lines)
    assert messages(response) == ["Đã đồng ý 3 trên 3 dòng đề nghị."]


def test_the_decision_is_offered_only_when_no_line_is_pending(client_as, world, in_review):
    client = client_as("staff")
    html = client.get(in_review.get_absolute_url()).content.decode()
    assert "Ghi quyết định khen thưởng" not in html
    assert "Còn 1 dòng chờ xét: ghi quyết định khi mọi dòng đã được xét." in html

    line = in_review.nominations.get()
    record_vote(world.users.staff, line)
    from awards import services

    services.nomination_approve(actor=world.users.staff, line=line)
    html = client.get(in_review.get_absolute_url()).content.decode()
    assert f'href="/awards/{in_review.pk}/decision/">Ghi quyết định khen thưởng</a>' in html
    assert 'id="decision-waits"' not in html


def test_the_filters_say_what_an_empty_choice_means(client_as, world):
    response = client_as("staff").get(reverse("awards:queue"))
    assert options(response, "cluster")[0] == ("", "Tất cả các cụm")
    assert options(response, "award")[0] == ("", "Tất cả danh hiệu")
    assert options(response, "state")[0] == ("", "Mọi trạng thái")
    assert "---------" not in response.content.decode()


@pytest.mark.parametrize(("days", "shown"), [(0, "0 ngày"), (1, "1 ngày"), (12, "12 ngày")])
def test_the_queue_shows_the_date_sent_and_the_days_waiting(client_as, submitted, days, shown):
    sent = timezone.now() - datetime.timedelta(days=days)
    Proposal.objects.filter(pk=submitted.pk).update(submitted_at=sent)
    html = client_as("staff").get(reverse("awards:queue")).content.decode()
    row = html.split(f'href="/awards/{submitted.pk}/"', 1)[1].split("</tr>", 1)[0]
    assert f"<td>{timezone.localdate(sent):%d/%m/%Y}</td>" in row
    assert f'<td class="text-end">{shown}</td>' in row


def test_a_returned_proposal_is_not_waiting_for_the_ministry(client_as, returned):
    html = client_as("staff").get(reverse("awards:queue")).content.decode()
    row = html.split(f'href="/awards/{returned.pk}/"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="text-end">—</td>' in row
