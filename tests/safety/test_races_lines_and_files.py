"""Races between different requests on one record, on PostgreSQL (each request in its own
thread and connection, released together): evidence files uploaded and removed at once,
a proposal's line deleted while the proposal is submitted or decided, a pledge's
registration removed while members sign and the pledge is locked. Never a 500, never a lost
or orphaned file, never a state the rules forbid, one audit entry per thing that happened."""

import os
import threading

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Decision, Nomination, Proposal
from clusters.models import Evidence, Minutes, Pledge, PledgeSignature, Score, TitleRegistration
from clusters.year_start import pledge as pledge_services
from emulation.models import AuditEntry, AwardTitle
from tests.clusters.evaluation.test_freeze import draft as draft_minutes
from tests.safety.test_races import (
    DECISION,
    approved_proposal,
    fire,
    fire_mixed,
    ready_draft,
)
from tests.safety.test_races import pytestmark as races_marks

N = 10

pytestmark = races_marks  # PostgreSQL only, each test in real transactions


def audits(action, **filters):
    return AuditEntry.objects.filter(action=action, **filters).count()


# (a) Evidence files ------------------------------------------------------------------------


def stored_files():
    """Every file under the storage's evidence folder (the safety conftest gives each test
    a private folder of its own)."""
    root = default_storage.path("evidence")
    if not os.path.isdir(root):
        return set()
    return {
        os.path.relpath(os.path.join(folder, name), default_storage.path(""))
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


def _evidence_url(world, table):
    return reverse(
        "clusters:score_evidence",
        args=[world.cluster.pk, world.year, world.units[0].pk, table.c["c1"].pk],
    )


def _upload(i):
    return {"file": SimpleUploadedFile("minh-chung.pdf", b"%%PDF-1.4 tep so %d" % i)}


def test_ten_uploads_to_one_cell_store_ten_files_and_nothing_else(world, table):
    uploads = iter(range(N))
    lock = threading.Lock()

    def each():
        with lock:
            return _upload(next(uploads))

    results = fire_mixed([(world.users.secretary, _evidence_url(world, table), each)] * N)
    assert [status for _i, status, _body in results] == [302] * N
    assert Score.objects.filter(unit=world.units[0], criterion=table.c["c1"]).count() == 1
    evidence = list(Evidence.objects.all())
    assert len(evidence) == N
    # every file stored is one evidence's, every evidence's file is there with its content
    assert stored_files() == {e.file.name for e in evidence}
    contents = set()
    for item in evidence:
        with item.file.open("rb") as handle:
            contents.add(handle.read())
    assert contents == {b"%%PDF-1.4 tep so %d" % i for i in range(N)}
    assert audits("evidence_add") == N


def test_uploads_racing_the_minutes_signature_keep_only_what_came_before_it(world, table):
    """An upload after the signature is refused with the freeze's message and leaves no file
    behind; an upload before it is stored whole. Which came first is the database's call."""
    minutes = draft_minutes(world)
    sign = reverse("clusters:minutes_sign", args=[world.cluster.pk, world.year])
    uploads = iter(range(N))
    lock = threading.Lock()

    def each():
        with lock:
            return _upload(next(uploads))

    requests = [(world.users.secretary, _evidence_url(world, table), each)] * N
    requests.insert(N // 2, (world.users.secretary, sign, {"version": minutes.version}))
    results = fire_mixed(requests)
    assert Minutes.objects.get(pk=minutes.pk).state == Minutes.State.SIGNED
    refused = [body for i, status, body in results if status == 200 and i != N // 2]
    assert all("Biên bản họp năm 2021 đã ký" in body for body in refused)
    stored = list(Evidence.objects.all())
    assert len(stored) + len(refused) == N
    assert stored_files() == {e.file.name for e in stored}  # no orphaned file
    assert audits("evidence_add") == len(stored)
    signed = AuditEntry.objects.get(action="minutes_sign")
    assert not AuditEntry.objects.filter(action="evidence_add", pk__gt=signed.pk).exists()


def test_ten_removals_of_one_evidence_remove_it_once(world, table):
    from clusters.evaluation.evidence import evidence_add

    evidence = evidence_add(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        unit=world.units[0],
        criterion=table.c["c1"],
        upload=_upload(1)["file"],
    )
    assert stored_files() == {evidence.file.name}
    url = reverse("clusters:evidence_delete", args=[world.cluster.pk, world.year, evidence.pk])
    fire(world.users.secretary, url)
    assert not Evidence.objects.exists()
    assert stored_files() == set()
    assert audits("evidence_delete") == 1


# (b) A proposal's line deleted while the proposal moves on ----------------------------------


def test_a_line_deleted_while_the_proposal_is_submitted_never_leaves_a_sent_proposal_without_it(
    world,
):
    proposal, line = ready_draft(world.cluster_year, world.users.secretary, world.units[0])
    delete = reverse("awards:line_delete", args=[line.pk])
    submit = reverse("awards:submit", args=[proposal.pk])
    requests = [(world.users.secretary, delete, {})] * 5 + [(world.users.secretary, submit, {})]
    fire_mixed(requests)
    proposal.refresh_from_db()
    line_left = Nomination.objects.filter(pk=line.pk).exists()
    if proposal.state == Proposal.State.SUBMITTED:
        # sent first: the line went with it and stays; every delete was refused
        assert line_left
        assert audits("nomination_delete") == 0
        assert audits("proposal_submit") == 1
    else:
        # deleted first: one deletion, and a proposal without lines is not sent
        assert proposal.state == Proposal.State.DRAFT
        assert not line_left
        assert audits("nomination_delete") == 1
        assert audits("proposal_submit") == 0


def test_a_line_deleted_while_the_proposal_is_decided_is_refused(world):
    proposal = approved_proposal(world, world.cluster_year, world.users.secretary, world.units[0])
    line = proposal.nominations.get()
    requests = [(world.users.secretary, reverse("awards:line_delete", args=[line.pk]), {})] * 5
    requests.append((world.users.staff, reverse("awards:decision", args=[proposal.pk]), DECISION))
    fire_mixed(requests)
    assert Decision.objects.filter(proposal=proposal).count() == 1
    assert Nomination.objects.filter(pk=line.pk).exists()
    assert audits("nomination_delete") == 0


def test_ten_deletes_of_one_draft_line_delete_it_once(world):
    proposal, line = ready_draft(world.cluster_year, world.users.secretary, world.units[0])
    fire(world.users.secretary, reverse("awards:line_delete", args=[line.pk]))
    assert not Nomination.objects.filter(proposal=proposal).exists()
    assert audits("nomination_delete") == 1


# (c) A pledge's registration removed while members sign ------------------------------------


@pytest.fixture
def open_pledge(world):
    """An open pledge with every member but the last signed and one registration."""
    pledge = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    pledge.commitments.create(order=1, text="Hoàn thành nhiệm vụ")
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    for unit in world.units[:-1]:
        _sign(world, pledge, unit)
    flag = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    registration = pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=flag,
        person_name="",
    )
    return pledge, registration


def _sign(world, pledge, unit):
    import datetime

    pledge_services.pledge_sign(
        actor=world.users.secretary,
        pledge=pledge,
        unit=unit,
        signer_name="Người ký",
        signer_position="Thủ trưởng",
        signed_on=datetime.date(2021, 1, 15),
    )


def _remove_url(world, registration):
    return reverse(
        "clusters:registration_remove", args=[world.cluster.pk, world.year, registration.pk]
    )


def test_removals_of_a_registration_racing_the_last_signature_remove_it_once(world, open_pledge):
    pledge, registration = open_pledge
    sign = reverse("clusters:pledge_sign", args=[world.cluster.pk, world.year])
    last = {
        "unit": world.units[-1].pk,
        "signer_name": "B",
        "signer_position": "Hiệu trưởng",
        "signed_on": "2021-01-15",
    }
    requests = [(world.users.secretary, _remove_url(world, registration), {})] * 5
    requests.insert(2, (world.users.secretary, sign, last))
    fire_mixed(requests)
    assert not TitleRegistration.objects.filter(pk=registration.pk).exists()
    assert audits("registration_remove") == 1
    assert PledgeSignature.objects.filter(pledge=pledge).count() == len(world.units)
    assert Pledge.objects.get(pk=pledge.pk).state == Pledge.State.SIGNED
    assert audits("pledge_signed") == 1


def test_a_registration_removed_while_the_pledge_is_locked_is_removed_before_or_not_at_all(
    world, open_pledge
):
    pledge, registration = open_pledge
    _sign(world, pledge, world.units[-1])
    lock = reverse("clusters:pledge_lock", args=[world.cluster.pk, world.year])
    requests = [(world.users.secretary, _remove_url(world, registration), {})] * 5
    requests.insert(2, (world.users.secretary, lock, {}))
    fire_mixed(requests)
    assert Pledge.objects.get(pk=pledge.pk).state == Pledge.State.LOCKED
    locked = AuditEntry.objects.get(action="pledge_locked")
    removed = AuditEntry.objects.filter(action="registration_remove")
    assert removed.count() <= 1
    assert not removed.filter(pk__gt=locked.pk).exists()  # nothing changes once locked
    assert TitleRegistration.objects.filter(pk=registration.pk).exists() == (not removed.exists())
