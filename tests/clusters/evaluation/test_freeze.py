import datetime

import pytest
from django.core.files.base import ContentFile

from clusters.evaluation.evidence import evidence_add
from clusters.evaluation.minutes import minutes_save, minutes_sign, minutes_unsign
from clusters.evaluation.scores import ScoreGridError
from clusters.evaluation.votes import vote_close, vote_create, vote_record_counts, vote_reopen
from clusters.models import Minutes, Score
from emulation.errors import DomainError
from emulation.models import AuditEntry, AwardTitle

FROZEN = (
    "Biên bản họp năm 2021 đã ký: điểm, xếp hạng và kết quả bỏ phiếu đã được khóa. "
    "Cần Vụ Thi đua - Khen thưởng mở khóa (kèm lý do) trước khi sửa."
)


def draft(world):
    return minutes_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        expected_version=None,
        data={
            "held_on": datetime.date(2021, 12, 14),
            "place": "Hà Nội",
            "chair_name": "Nguyễn Văn A",
            "chair_position": "Thứ trưởng",
            "secretary_name": "Trần Thị B",
            "agenda": "1. Tổng kết",
        },
        attendance={
            u.pk: (True, f"Đại diện {i}", "Trưởng phòng") for i, u in enumerate(world.units)
        },
    )


def signed(world):
    minutes = draft(world)
    return minutes_sign(
        actor=world.users.secretary, minutes=minutes, expected_version=minutes.version
    )


def test_signing_records_who_and_when_and_audits(world):
    minutes = signed(world)
    minutes.refresh_from_db()
    assert (minutes.state, minutes.signed_by) == (Minutes.State.SIGNED, world.users.secretary)
    assert minutes.signed_at is not None
    entry = AuditEntry.objects.get(action="minutes_sign")
    assert entry.actor == world.users.secretary
    assert list(
        minutes.attendance.order_by("unit__name").values_list("representative_name", flat=True)
    ) == ["Đại diện 0", "Đại diện 1", "Đại diện 2"]


def test_signed_minutes_freeze_scores_evidence_votes_and_the_minutes(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (5, 5)})
    title = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    vote = vote_create(
        actor=world.users.secretary, cluster_year=world.cluster_year, award_title=title
    )
    vote.cluster_year = world.cluster_year
    vote = vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=3,
        ballots_cast=3,
        valid_ballots=3,
        quota=1,
        votes={unit.pk: 2},
    )
    vote_close(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    signed(world)
    with pytest.raises(DomainError) as caught:
        save({(unit, table.c["c1"]): (6, 6)})
    assert caught.value.message == FROZEN
    with pytest.raises(DomainError):
        evidence_add(
            actor=world.users.secretary,
            cluster_year=world.cluster_year,
            unit=unit,
            criterion=table.c["c1"],
            upload=ContentFile(b"%PDF-1.4", name="a.pdf"),
        )
    with pytest.raises(DomainError):
        draft(world)
    with pytest.raises(DomainError):
        vote_reopen(actor=world.users.secretary, vote=vote, expected_version=vote.version)
    assert Score.objects.get().agreed_score == 5


def test_signing_is_refused_while_a_vote_is_open(world):
    title = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    vote_create(actor=world.users.secretary, cluster_year=world.cluster_year, award_title=title)
    minutes = draft(world)
    with pytest.raises(DomainError) as caught:
        minutes_sign(actor=world.users.secretary, minutes=minutes, expected_version=minutes.version)
    assert caught.value.message == (
        "Còn cuộc bỏ phiếu chưa kết thúc: kết thúc bỏ phiếu trước khi ký."
    )


def test_staff_unfreeze_needs_a_reason_and_is_audited_then_scores_can_change(world, table, save):
    unit = world.units[0]
    save({(unit, table.c["c1"]): (5, 5)})
    minutes = signed(world)
    minutes.refresh_from_db()
    with pytest.raises(DomainError) as caught:
        minutes_unsign(
            actor=world.users.staff, minutes=minutes, expected_version=minutes.version, reason="  "
        )
    assert caught.value.field == "reason"
    minutes_unsign(
        actor=world.users.staff,
        minutes=minutes,
        expected_version=minutes.version,
        reason="Sai điểm tiêu chí 1 của Trường số 1",
    )
    entry = AuditEntry.objects.get(action="minutes_unsign")
    assert (entry.actor, entry.reason) == (world.users.staff, "Sai điểm tiêu chí 1 của Trường số 1")
    assert entry.before["signed_by"] == world.users.secretary.pk
    assert save({(unit, table.c["c1"]): (6, 6)}) == 1


def test_a_refused_grid_save_in_a_frozen_year_is_not_a_grid_error(world, table, save):
    signed(world)
    with pytest.raises(DomainError) as caught:
        save({(world.units[0], table.c["c1"]): (1, 1)})
    assert not isinstance(caught.value, ScoreGridError)
