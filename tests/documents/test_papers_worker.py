"""A real Celery worker (own process, Redis, PostgreSQL) issues a paper end to end: the number
is taken in the web request, the worker builds the PDF and the DOCX with the number and the
QR code, and the public page verifies it."""

import shutil
import time
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import transaction

from documents import issuing
from documents.models import Paper, PaperVersion
from documents.services.papers import paper_for_cluster_year
from tests.documents.conftest import flat, pdf_text

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def private_media():
    """The worker process writes to the configured private storage: use it here too (in
    place of the package's temporary one) and remove what the test made."""
    papers = Path(default_storage.location) / "papers"
    before = set(papers.iterdir()) if papers.exists() else set()
    yield
    for folder in (set(papers.iterdir()) if papers.exists() else set()) - before:
        shutil.rmtree(folder)


def test_a_real_worker_builds_an_issued_paper(
    celery_worker_process, catalogue, private_media, world, dossier, client
):
    paper = paper_for_cluster_year(dossier.cluster_year, Paper.Kind.COVER_SUBMISSION)
    with transaction.atomic():
        version = issuing.paper_version_request(
            actor=world.users.secretary, paper=paper, issue=True
        )
        assert version.status == PaperVersion.Status.QUEUED

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.is_final:
            break
        time.sleep(0.2)

    assert version.status == PaperVersion.Status.READY, version.error_message
    with version.file.open("rb") as handle:
        text = flat(pdf_text(handle.read()))
    assert "Số: 1/TTr-CTĐ2" in text and version.code in text
    assert version.docx.name.endswith(".docx")
    assert "Có hiệu lực" in client.get(f"/v/{version.code}/").content.decode()
