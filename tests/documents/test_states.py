"""What each status of a report's PDF and each state of a public verification means, asked
by name: read back from the database at every state."""

import pytest
from django.utils import timezone

from documents.models import PaperVersion, ReportVersion, YearEndReport
from documents.reports.progress import DOING, DONE, RETURNED, TODO, WAITING, Step
from documents.selectors import State, verification_of
from tests.documents.factories import PaperVersionFactory
from tests.states import holds

Status = ReportVersion.Status
VERSION = ("is_final", "is_ready", "is_failed")
VERSION_TABLE = {
    Status.QUEUED: [],
    Status.BUILDING: [],
    Status.READY: ["is_final", "is_ready"],
    Status.FAILED: ["is_final", "is_failed"],
}


@pytest.mark.parametrize(("status", "expected"), VERSION_TABLE.items())
def test_what_a_report_version_status_means(world, status, expected):
    assert set(VERSION_TABLE) == set(Status.values)
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=world.year,
        cluster_year=world.cluster_year,
    )
    version = ReportVersion.objects.create(report=report, status=status)
    assert holds(ReportVersion.objects.get(pk=version.pk), VERSION) == expected


def _replaced(issued):
    PaperVersionFactory(paper=issued.paper, content=b"%PDF later")


def _revoked(issued):
    PaperVersion.objects.filter(pk=issued.version.pk).update(
        revoked_at=timezone.now(), revoke_reason="Sai số liệu"
    )


@pytest.mark.parametrize(
    ("make", "state", "expected"),
    [
        (lambda issued: None, State.VALID, []),
        (_replaced, State.REPLACED, ["is_replaced"]),
        (_revoked, State.REVOKED, ["is_revoked"]),
    ],
)
def test_what_a_verification_states(issued, make, state, expected):
    make(issued)
    verification = verification_of(issued.version.code)
    assert (verification.state, verification.get_state_display()) == (state, state.label)
    assert holds(verification, ("is_replaced", "is_revoked")) == expected


@pytest.mark.parametrize(
    ("state", "returned"),
    [(TODO, False), (DOING, False), (WAITING, False), (DONE, False), (RETURNED, True)],
)
def test_only_a_returned_step_comes_first_on_the_task_list(state, returned):
    assert Step("proposal", "Hồ sơ khen thưởng", state).is_returned is returned
