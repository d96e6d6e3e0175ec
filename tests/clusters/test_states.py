"""What each state of a pledge and of a vote allows, asked by name: read back from the
database at every state."""

import pytest

from clusters.models import Pledge, Vote
from emulation.models import AwardTitle
from tests.states import holds

State = Pledge.State
PLEDGE = ("is_draft", "can_sign", "can_lock", "is_locked")
PLEDGE_TABLE = {
    State.DRAFT: ["is_draft"],
    State.OPEN: ["can_sign"],
    State.SIGNED: ["can_sign", "can_lock"],
    State.LOCKED: ["is_locked"],
}


def test_every_pledge_state_is_in_the_table():
    assert set(PLEDGE_TABLE) == set(State.values)


@pytest.mark.parametrize(("state", "expected"), PLEDGE_TABLE.items())
def test_what_a_pledge_allows_at_each_state(world, state, expected):
    pledge = Pledge.objects.create(cluster_year=world.cluster_year, state=state)
    assert holds(Pledge.objects.get(pk=pledge.pk), PLEDGE) == expected


VOTE_TABLE = {Vote.State.OPEN: ["is_open"], Vote.State.CLOSED: ["is_closed"]}


@pytest.mark.parametrize(("state", "expected"), VOTE_TABLE.items())
def test_a_vote_is_open_or_closed(world, state, expected):
    assert set(VOTE_TABLE) == set(Vote.State.values)
    vote = Vote.objects.create(
        cluster_year=world.cluster_year,
        award_title=AwardTitle.objects.filter(
            regime=world.cluster_year.emulation_year.regime
        ).first(),
        voters_entitled=3,
        state=state,
    )
    assert holds(Vote.objects.get(pk=vote.pk), ("is_open", "is_closed")) == expected
