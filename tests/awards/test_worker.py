import pytest

from awards.models import Proposal
from awards.tasks import send_proposal_notification

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_sends_the_submission_email(catalogue, world, celery_worker_process):
    world.users.staff.email = "vu@example.org"
    world.users.staff.save()
    proposal = Proposal.objects.create(cluster_year=world.cluster_year, state="submitted")
    result = send_proposal_notification.apply_async(
        args=[proposal.pk, "submitted"], ignore_result=False
    )
    assert result.get(timeout=20) == 1  # one recipient: the ministry's staff member
