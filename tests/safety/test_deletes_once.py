"""A record deleted by one request and then by a second that had loaded it before (two tabs,
a double click): the second is told it is gone; one deletion, one audit entry. The races
themselves are in test_races_lines_and_files.py (PostgreSQL)."""

import pytest

from awards import services as award_services
from clusters.evaluation.evidence import evidence_add, evidence_delete
from clusters.year_start import pledge as pledge_services
from emulation.errors import DomainError
from emulation.models import AuditEntry, AwardTitle
from tests.awards.conftest import pdf
from tests.safety.test_races import ready_draft


def _twice(delete, message, action):
    delete()
    with pytest.raises(DomainError) as error:
        delete()
    assert error.value.message == message
    assert AuditEntry.objects.filter(action=action).count() == 1


def test_a_line_deleted_twice(world):
    _proposal, line = ready_draft(world.cluster_year, world.users.secretary, world.units[0])
    _twice(
        lambda: award_services.nomination_delete(actor=world.users.secretary, line=line),
        "Dòng đề nghị này đã được xóa.",
        "nomination_delete",
    )


def test_evidence_deleted_twice(world, table):
    evidence = evidence_add(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        unit=world.units[0],
        criterion=table.c["c1"],
        upload=pdf(),
    )
    _twice(
        lambda: evidence_delete(actor=world.users.secretary, evidence=evidence),
        "Tài liệu minh chứng này đã được xóa.",
        "evidence_delete",
    )


def test_a_registration_removed_twice(world):
    pledge = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    registration = pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=AwardTitle.objects.get(
            regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
        ),
        person_name="",
    )
    _twice(
        lambda: pledge_services.registration_remove(
            actor=world.users.secretary, registration=registration
        ),
        "Đăng ký này đã được xóa.",
        "registration_remove",
    )
