"""Fixtures for proposals: signed minutes, a closed flag vote, people, a proposal ready to
send, and one at each state of the review."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards import services
from awards.models import Council, CouncilMember, MeetingLine, Nomination, Proposal
from clusters.models import Minutes, Vote, VoteCount
from emulation.models import AwardTitle
from units.models import Person, PersonYear

PDF = b"%PDF-1.4\n%test\n"


def pdf(name="tai-lieu.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def title(cluster_year, code):
    return AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code=code)


def sign_minutes(cluster_year, user=None):
    minutes, _ = Minutes.objects.update_or_create(
        cluster_year=cluster_year,
        defaults={
            "held_on": datetime.date(cluster_year.year, 12, 14),
            "place": "Hà Nội",
            "chair_name": "Chủ trì",
            "secretary_name": "Thư ký",
            "state": Minutes.State.SIGNED,
            "signed_at": timezone.now(),
            "signed_by": user,
        },
    )
    return minutes


def close_vote(cluster_year, code, nominated_units, other_units=(), votes=None):
    units = list(nominated_units) + list(other_units)
    vote, _ = Vote.objects.update_or_create(
        cluster_year=cluster_year,
        award_title=title(cluster_year, code),
        defaults={
            "state": Vote.State.CLOSED,
            "voters_entitled": 10,
            "ballots_cast": 10,
            "valid_ballots": 10,
        },
    )
    for index, unit in enumerate(units):
        VoteCount.objects.update_or_create(
            vote=vote,
            unit=unit,
            defaults={
                "votes": (votes or {}).get(unit.pk, 9 - index),
                "nominated": unit in nominated_units,
            },
        )
    return vote


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }


@pytest.fixture
def flag(world):
    return title(world.cluster_year, "co-thi-dua-bo")


@pytest.fixture
def draft(world, flag):
    """A draft for world.cluster 2021 with every required part and one flag line."""
    sign_minutes(world.cluster_year)
    close_vote(world.cluster_year, "co-thi-dua-bo", [world.units[0]], world.units[1:])
    proposal = services.proposal_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    services.proposal_update(
        actor=world.users.secretary,
        proposal=proposal,
        version=proposal.version,
        number="12/TTr-CTĐ2",
        dated=datetime.date(2021, 12, 20),
        cover_file=pdf("to-trinh.pdf"),
    )
    services.nomination_save(
        actor=world.users.secretary,
        proposal=proposal,
        line=Nomination(unit=world.units[0], award_title=flag, achievements="Dẫn đầu cụm"),
        report_file=pdf("bao-cao.pdf"),
    )
    return Proposal.objects.get(pk=proposal.pk)


def _refresh(proposal):
    return Proposal.objects.get(pk=proposal.pk)


@pytest.fixture
def submitted(world, draft):
    services.proposal_submit(actor=world.users.secretary, proposal=draft)
    return _refresh(draft)


@pytest.fixture
def in_review(world, submitted):
    services.proposal_start_review(actor=world.users.staff, proposal=submitted)
    return _refresh(submitted)


@pytest.fixture
def returned(world, in_review):
    services.proposal_return(actor=world.users.staff, proposal=in_review, reason="Thiếu số liệu")
    return _refresh(in_review)


def council_with(ministry, members, on_date=datetime.date(2021, 1, 1)):
    """The ministry's council with exactly ``members`` members in term on ``on_date``."""
    council, _ = Council.objects.get_or_create(ministry=ministry)
    current = list(council.members.all())
    for index in range(len(current), members):
        CouncilMember.objects.create(
            council=council,
            full_name=f"Thành viên {index + 1}",
            position="Vụ trưởng",
            role=CouncilMember.Role.CHAIR if index == 0 else CouncilMember.Role.MEMBER,
            term_start=on_date,
        )
    return council


def record_vote(actor, line, members=20, votes_for=18, held_on=datetime.date(2022, 1, 10)):
    """The council meets on ``held_on`` with ``members`` members, all present, and
    ``votes_for`` of them vote for ``line``."""
    line.refresh_from_db()
    ministry = line.proposal.cluster_year.cluster.ministry
    council_with(ministry, members)
    meeting = services.meeting_create(actor=actor, ministry=ministry, held_on=held_on)
    MeetingLine.objects.create(meeting=meeting, nomination=line)
    meeting_line = meeting.lines.get()
    services.meeting_record(
        actor=actor,
        meeting=meeting,
        version=meeting.version,
        attendance={},
        votes={meeting_line.pk: (votes_for, None)},
    )
    line.refresh_from_db()
    return line


@pytest.fixture
def approved(world, in_review):
    line = in_review.nominations.get()
    record_vote(world.users.staff, line)
    services.nomination_approve(actor=world.users.staff, line=line)
    return _refresh(in_review)


@pytest.fixture
def decided(world, approved):
    services.decision_record(
        actor=world.users.staff,
        proposal=approved,
        number="1234/QĐ-BTP",
        dated=datetime.date(2022, 1, 15),
        signer_name="Nguyễn Văn A",
        signer_position="Thứ trưởng",
    )
    return _refresh(approved)


@pytest.fixture
def person(world):
    return Person.objects.create(
        unit=world.units[0], full_name="Trần Thị Bình", position="Giảng viên", gender="female"
    )


def person_year(person, year, *codes, regime_year=2021, **fields):
    record, _ = PersonYear.objects.update_or_create(person=person, year=year, defaults=fields)
    if codes:
        record.prior_titles.set(
            AwardTitle.objects.filter(code__in=codes, regime__code="luat-2003-nd-91-2017")
        )
    return record


@pytest.fixture(autouse=True)
def _vietnamese():
    """Rule messages are read in Vietnamese, the source language, whatever an earlier test of
    the same worker left active."""
    from django.utils import translation

    with translation.override("vi"):
        yield


def revoke_award(world, reason, **extra):
    """Revoke the one award by the staff's decision 15/QĐ-BTP of 1 March 2022."""
    from awards.models import Award

    return services.award_revoke(
        actor=world.users.staff,
        award=Award.objects.get(),
        reason=reason,
        number="15/QĐ-BTP",
        dated=datetime.date(2022, 3, 1),
        **extra,
    )
