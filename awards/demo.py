"""Demo: Cụm thi đua số 2's 2020 proposal through return, resubmission, the council's meeting
and the Minister's decision, with a Cờ thi đua của Chính phủ line that goes on through the
ministry's dossier to the Ministry of Home Affairs, is returned, resubmitted and decided by the
Prime Minister; the council's roster; the unit head's own decisions on the yearly records; the
Ministry of Justice's name for its flag ("Cờ thi đua ngành Tư pháp"); and Cụm thi đua số 1's 2020
draft that the rules refuse (a second Cờ thi đua cấp Bộ over the quota of one per cluster).

Invented for the demo (the news report of 14/12/2020 gives none of it): the 2020 vote counts
and minutes when the evaluation step has not made them, the people and their records, the unit
heads' decisions, the proposal's number and text, the return reasons, the council's members and
votes, the Minister's decision (number 256/QĐ-BTP, 20/01/2021, signed by the demo leader Phạm
Quốc Hùng), the ministry's dossier and the Prime Minister's decision (marked "minh họa").

Marked where shown: the decision's signer position says that its number, date and signer are
illustrations; the vote's note says its counts are invented. The audit trail carries the
(invented) dates of these events, not the day the demo was loaded: the cover submission
18/12/2020, the first submission and review 21–24/12/2020, the return 24/12/2020, the
resubmission 05/01/2021, the council and approval 15/01/2021, the decision 20/01/2021;
the dossier to the Ministry of Home Affairs 15/03/2021, returned 29/03/2021, resubmitted
02/04/2021, the Prime Minister's decision 10/06/2021; Cụm thi đua số 1's refused draft 21/12/2020.

To see the refusal in the browser: log in as thuky.cum1, open "Hồ sơ khen thưởng" → 2020 →
Cụm thi đua số 1 and press "Gửi hồ sơ lên Bộ"."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from awards import services
from awards.models import Council, CouncilMember, Nomination, Proposal, UpwardDossier
from clusters.models import Cluster, ClusterYear, Minutes, Vote, VoteCount
from emulation.audit import events_dated
from emulation.errors import DomainError
from emulation.models import AwardTitle, Ministry, MinistryAwardSetting
from units.models import Person, PersonYear, Unit, UnitHeadDecision, UnitYear

YEAR = 2020
INVENTED = "(số liệu minh họa do bản demo tự đặt)"
VOTE_NOTE = (
    "Số liệu minh họa do bản demo tự đặt: bài báo ngày 14/12/2020 không nêu việc bỏ phiếu "
    "suy tôn, số phiếu và đơn vị được suy tôn."
)
DECISION_SIGNER_POSITION = (
    "Thứ trưởng (số, ngày quyết định và người ký là minh họa do bản demo tự đặt)"
)


def _pdf(name):
    return ContentFile(b"%PDF-1.4\n% thidua demo " + name.encode() + b"\n%%EOF\n", name=name)


def _title(cluster_year, code):
    return AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code=code)


def _closed_flag_vote(cluster_year, nominated_units, others):
    """The closed vote for the ministry's flag: the evaluation step's if it ran, else a
    minimal invented one."""
    flag = _title(cluster_year, "co-thi-dua-bo")
    vote, created = Vote.objects.get_or_create(
        cluster_year=cluster_year,
        award_title=flag,
        defaults={
            "state": Vote.State.CLOSED,
            "voters_entitled": cluster_year.memberships.count(),
            "ballots_cast": cluster_year.memberships.count(),
            "valid_ballots": cluster_year.memberships.count(),
            "quota": 1,
            "note": VOTE_NOTE,
        },
    )
    if created:
        total = vote.voters_entitled
        for index, unit in enumerate(nominated_units + others):
            VoteCount.objects.create(
                vote=vote,
                unit=unit,
                votes=max(total - 1 - 2 * index, 0),  # never above the others' ballots
                nominated=unit in nominated_units,
            )
    return vote


def _signed_minutes(cluster_year, secretary, held_on, chair):
    minutes, _ = Minutes.objects.get_or_create(
        cluster_year=cluster_year,
        defaults={
            "held_on": held_on,
            "place": "Hà Nội",
            "chair_name": chair,
            "secretary_name": secretary.get_full_name(),
            "agenda": f"Tổng kết công tác thi đua, khen thưởng năm {YEAR} {INVENTED}",
        },
    )
    if not minutes.is_signed:
        minutes.state = Minutes.State.SIGNED
        minutes.signed_at = timezone.make_aware(
            datetime.datetime.combine(held_on, datetime.time(17))
        )
        minutes.signed_by = secretary
        minutes.save()
    return minutes


def _people(units):
    """A few persons with yearly records (invented)."""
    by_name = {unit.name: unit for unit in units}
    regime_titles = {
        t.code: t for t in AwardTitle.objects.filter(regime__code="luat-2003-nd-91-2017")
    }
    rows = [
        (
            "Học viện Tư pháp",
            "Nguyễn Văn An",
            "Trưởng khoa",
            "male",
            {
                2018: ("good", ["lao-dong-tien-tien"]),
                2019: ("excellent", ["cstd-co-so"]),
                2020: ("excellent", []),  # the unit head's decisions below
            },
        ),
        (
            "Trường Đại học Luật Hà Nội",
            "Lê Thị Hoa",
            "Giảng viên chính",
            "female",
            {2019: ("good", ["lao-dong-tien-tien"]), 2020: ("excellent", ["lao-dong-tien-tien"])},
        ),
        (
            "Viện Khoa học pháp lý",
            "Đỗ Minh Tuấn",
            "Nghiên cứu viên",
            "male",
            {2020: ("good", ["lao-dong-tien-tien"])},
        ),
    ]
    people = {}
    for unit_name, full_name, position, gender, years in rows:
        person, _ = Person.objects.get_or_create(
            unit=by_name[unit_name],
            full_name=full_name,
            defaults={"position": position, "gender": gender},
        )
        for year, (rating, codes) in years.items():
            record, _ = PersonYear.objects.get_or_create(
                person=person, year=year, defaults={"task_rating": rating}
            )
            record.prior_titles.add(*[regime_titles[code] for code in codes])
        people[full_name] = person
    _head_decisions(people["Nguyễn Văn An"], regime_titles)
    return people


def _head_decisions(person, regime_titles):
    """The 2020 titles the head of Học viện Tư pháp decided (invented numbers)."""
    for code, number in (("lao-dong-tien-tien", "12/QĐ-HVTP"), ("cstd-co-so", "13/QĐ-HVTP")):
        UnitHeadDecision.objects.get_or_create(
            unit=person.unit,
            person=person,
            year=YEAR,
            award_title=regime_titles[code],
            defaults={"number": number, "dated": datetime.date(2020, 12, 10)},
        )


def _line(actor, proposal, unit, code, achievements, person=None):
    return services.nomination_save(
        actor=actor,
        proposal=proposal,
        line=Nomination(
            unit=unit,
            person=person,
            award_title=_title(proposal.cluster_year, code),
            achievements=f"{achievements} {INVENTED}",
        ),
        report_file=_pdf(f"bao-cao-thanh-tich-{unit.short_name or unit.pk}.pdf"),
    )


def _cover(actor, proposal, number, dated):
    proposal = Proposal.objects.get(pk=proposal.pk)
    return services.proposal_update(
        actor=actor,
        proposal=proposal,
        version=proposal.version,
        number=number,
        dated=dated,
        cover_file=_pdf("to-trinh.pdf"),
    )


def _refresh(proposal):
    return Proposal.objects.get(pk=proposal.pk)


def _cluster_2(ministry, secretary, staff):
    cluster = Cluster.objects.get(ministry=ministry, kind=Cluster.Kind.CLUSTER, number=2)
    cluster_year = ClusterYear.objects.select_related("emulation_year__regime").get(
        cluster=cluster, year=YEAR
    )
    if Proposal.objects.filter(cluster_year=cluster_year).exists():
        return
    units = [m.unit for m in cluster_year.memberships.select_related("unit").order_by("unit__name")]
    by_name = {unit.name: unit for unit in units}
    leader = by_name["Trường Đại học Luật Hà Nội"]
    vote = _closed_flag_vote(cluster_year, [leader], [u for u in units if u != leader])
    flag_unit = vote.counts.filter(nominated=True).order_by("-votes").first().unit
    _signed_minutes(cluster_year, secretary, datetime.date(2020, 12, 14), "Nguyễn Thanh Tịnh")
    people = _people(units)
    excellent = by_name["Học viện Tư pháp"]
    UnitYear.objects.get_or_create(
        unit=excellent,
        year=YEAR,
        defaults={
            "task_rating": "excellent",
            "staff_count": 120,
            "completed_count": 120,
            "advanced_count": 96,
            "grassroots_fighter_count": 12,
            "disciplined_count": 0,
        },
    )

    with events_dated(datetime.date(2020, 12, 18)):
        proposal = services.proposal_create(actor=secretary, cluster_year=cluster_year)
        _cover(secretary, proposal, "15/TTr-CTĐ2", datetime.date(2020, 12, 18))
        proposal = _refresh(proposal)
        _line(secretary, proposal, flag_unit, "co-thi-dua-bo", "Đơn vị dẫn đầu Cụm thi đua số 2.")
        _line(
            secretary,
            proposal,
            flag_unit,
            "co-thi-dua-chinh-phu",
            "Tiêu biểu xuất sắc trong phong trào thi đua của Bộ.",
        )
        _line(
            secretary, proposal, excellent, "tt-lao-dong-xuat-sac", "Hoàn thành xuất sắc nhiệm vụ."
        )
        _line(
            secretary,
            proposal,
            excellent,
            "bang-khen-bo-ca-nhan",
            "Hai năm liên tục Chiến sĩ thi đua cơ sở.",
            person=people["Nguyễn Văn An"],
        )
    with events_dated(datetime.date(2020, 12, 21)):
        services.proposal_submit(actor=secretary, proposal=_refresh(proposal))
    with events_dated(datetime.date(2020, 12, 24)):
        services.proposal_start_review(actor=staff, proposal=_refresh(proposal))
        services.proposal_return(
            actor=staff,
            proposal=_refresh(proposal),
            reason="Báo cáo thành tích của Học viện Tư pháp chưa có xác nhận của thủ trưởng "
            f"đơn vị {INVENTED}.",
        )
    with events_dated(datetime.date(2021, 1, 5)):
        line = _refresh(proposal).nominations.get(award_title__code="tt-lao-dong-xuat-sac")
        services.nomination_save(
            actor=secretary,
            proposal=_refresh(proposal),
            line=line,
            version=line.version,
            report_file=_pdf("bao-cao-thanh-tich-HVTP-co-xac-nhan.pdf"),
        )
        services.proposal_submit(actor=secretary, proposal=_refresh(proposal))
    with events_dated(datetime.date(2021, 1, 15)):
        services.proposal_start_review(actor=staff, proposal=_refresh(proposal))
        meeting = services.meeting_create(
            actor=staff,
            ministry=cluster.ministry,
            held_on=datetime.date(2021, 1, 15),
            place=f"Bộ Tư pháp {INVENTED}",
            proposal=_refresh(proposal),
        )
        absent = meeting.attendance.order_by("-member__term_start", "-member_id").first()
        services.meeting_record(
            actor=staff,
            meeting=meeting,
            version=meeting.version,
            attendance={absent.member_id: "written"},
            votes={line.pk: (8, 1) for line in meeting.lines.all()},
            minutes_text=f"Hội đồng xét hồ sơ của Cụm thi đua số 2 năm {YEAR} {INVENTED}.",
        )
        services.meeting_close(actor=staff, meeting=meeting)
    with events_dated(datetime.date(2021, 1, 20)):
        services.decision_record(
            actor=staff,
            proposal=_refresh(proposal),
            number="256/QĐ-BTP",
            dated=datetime.date(2021, 1, 20),
            signer_name="Phạm Quốc Hùng",
            signer_position=DECISION_SIGNER_POSITION,
        )
    _upward(cluster.ministry, staff, _refresh(proposal))


def _council(ministry):
    """Bộ Tư pháp's council for the 2020–2025 term: nine members (invented)."""
    council, _ = Council.objects.get_or_create(ministry=ministry)
    if council.members.exists():
        return council
    rows = [
        ("Trần Minh Khoa", "Bộ trưởng (minh họa)", "chair"),
        ("Phạm Quốc Hùng", "Thứ trưởng (minh họa)", "vice_chair"),
        ("Lê Thị Lan", "Vụ trưởng Vụ Thi đua - Khen thưởng (minh họa)", "vice_chair"),
        ("Ngô Văn Bình", "Chánh Văn phòng Bộ (minh họa)", "member"),
        ("Đinh Thị Mai", "Vụ trưởng Vụ Tổ chức cán bộ (minh họa)", "member"),
        ("Vũ Đức Long", "Vụ trưởng Vụ Kế hoạch - Tài chính (minh họa)", "member"),
        ("Hà Thị Thu", "Chủ tịch Công đoàn Bộ (minh họa)", "member"),
        ("Bùi Văn Sơn", "Bí thư Đoàn Thanh niên Bộ (minh họa)", "member"),
        ("Tạ Minh Châu", "Chánh Thanh tra Bộ (minh họa)", "member"),
    ]
    for full_name, position, role in rows:
        CouncilMember.objects.create(
            council=council,
            full_name=full_name,
            position=position,
            role=role,
            term_start=datetime.date(2020, 1, 1),
            term_end=datetime.date(2025, 12, 31),
        )
    return council


def _upward(ministry, staff, proposal):
    """The Government flag line goes on: the ministry's dossier to the Ministry of Home
    Affairs, returned once, resubmitted, and the Prime Minister's decision (all invented)."""
    if UpwardDossier.objects.filter(ministry=ministry, year=YEAR).exists():
        return
    line = proposal.nominations.get(award_title__code="co-thi-dua-chinh-phu")
    with events_dated(datetime.date(2021, 3, 15)):
        dossier = _forward(staff, ministry, line)
    with events_dated(datetime.date(2021, 3, 29)):
        services.upward_dossier_answer(
            actor=staff,
            dossier=dossier,
            answer="upward_dossier_return",
            reason=f"Thiếu biên bản họp Hội đồng Thi đua - Khen thưởng của Bộ {INVENTED}.",
        )
    dossier.refresh_from_db()
    with events_dated(datetime.date(2021, 4, 2)):
        services.upward_dossier_update(
            actor=staff,
            dossier=dossier,
            version=dossier.version,
            number="52/TTr-BTP",
            dated=datetime.date(2021, 4, 2),
        )
        services.upward_dossier_forward(actor=staff, dossier=dossier)
    with events_dated(datetime.date(2021, 6, 10)):
        services.upward_dossier_decide(
            actor=staff,
            dossier=dossier,
            number="1234/QĐ-TTg (minh họa)",
            dated=datetime.date(2021, 6, 10),
            signer_name="Người ký (minh họa)",
            signer_position="Phó Thủ tướng Chính phủ (minh họa)",
        )


def _forward(staff, ministry, line):
    dossier = services.upward_dossier_create(
        actor=staff, ministry=ministry, level="prime_minister", year=YEAR
    )
    services.upward_dossier_update(
        actor=staff,
        dossier=dossier,
        version=dossier.version,
        number="45/TTr-BTP",
        dated=datetime.date(2021, 3, 15),
    )
    services.upward_dossier_add_lines(actor=staff, dossier=dossier, line_ids=[line.pk])
    services.upward_dossier_forward(actor=staff, dossier=dossier)
    return dossier


def _local_names(ministry):
    """The Ministry of Justice calls the ministry flag "Cờ thi đua ngành Tư pháp"
    (docs/domain.md §4.2); the national catalogue keeps its name."""
    MinistryAwardSetting.objects.get_or_create(
        ministry=ministry, code="co-thi-dua-bo", defaults={"local_name": "Cờ thi đua ngành Tư pháp"}
    )


def _cluster_1_refused(ministry, secretary):
    """A draft with a second ministry flag over the quota: submitting it is refused."""
    cluster = Cluster.objects.get(ministry=ministry, kind=Cluster.Kind.CLUSTER, number=1)
    cluster_year = ClusterYear.objects.get(cluster=cluster, year=YEAR)
    if Proposal.objects.filter(cluster_year=cluster_year).exists():
        return
    units = [m.unit for m in cluster_year.memberships.select_related("unit").order_by("unit__name")]
    _closed_flag_vote(cluster_year, units[:2], units[2:])
    _signed_minutes(cluster_year, secretary, datetime.date(2020, 12, 16), "Chủ trì (minh họa)")
    with events_dated(datetime.date(2020, 12, 21)):
        proposal = services.proposal_create(actor=secretary, cluster_year=cluster_year)
        _cover(secretary, proposal, "08/TTr-CTĐ1", datetime.date(2020, 12, 21))
        for unit in units[:2]:
            _line(secretary, _refresh(proposal), unit, "co-thi-dua-bo", "Đơn vị được cụm suy tôn.")
        try:
            services.proposal_submit(actor=secretary, proposal=_refresh(proposal))
        except DomainError:
            return  # refused, as the rules require: it stays a draft showing the cited error
    raise AssertionError("the over-quota proposal should have been refused")


def seed_awards():
    ministry = Ministry.objects.get(name="Bộ Tư pháp")
    User = get_user_model()
    staff = User.objects.get(username="vu.tdkt")
    _local_names(ministry)
    _council(ministry)
    _cluster_2(ministry, User.objects.get(username="thuky.cum2"), staff)
    _cluster_1_refused(ministry, User.objects.get(username="thuky.cum1"))
    return Unit.objects.filter(ministry=ministry, awards__isnull=False).distinct().count()
