"""Ten identical POSTs at once, on PostgreSQL, each in its own thread and connection (as ten
browsers would send them): never a 500, never a duplicate row, no rule broken. The checks
before each insert are not what decides under a race; the unique constraints and row locks
are, and their refusals come back as the form's message."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import RoleAssignment
from awards import services as award_services
from awards.models import Decision, Nomination, Proposal
from clusters.models import (
    Cluster,
    ClusterYear,
    Criterion,
    CriterionGroup,
    LeadershipTerm,
    Membership,
    Minutes,
    Pledge,
    PledgeSignature,
    Score,
    ScoringTable,
    TitleRegistration,
    Vote,
)
from clusters.year_start.pledge import pledge_create, pledge_open
from emulation.models import AuditEntry, AwardTitle
from emulation.roles import Role
from tests.awards.conftest import close_vote, pdf, record_vote, sign_minutes
from tests.clusters.evaluation.test_freeze import draft as draft_minutes
from tests.threads import at_once
from units.models import Person, PersonYear, Unit, UnitYear

N = 10

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="races need PostgreSQL's concurrent transactions (set DATABASE_URL)",
    ),
]


def fire(user, url, data=None, *, n=N, each=None):
    """POST ``data`` (or ``each(i)``) to ``url`` from ``n`` threads released together;
    the status codes and bodies, in no order."""
    clients = []
    for _ in range(n):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)

    def post(i):
        response = clients[i].post(url, each(i) if each else data)
        return response.status_code, response.content.decode()

    results, errors = at_once(n, post)
    assert errors == []
    assert len(results) == n
    statuses = sorted(status for status, _body in results)
    assert 500 not in statuses, statuses
    return results


def count(statuses, code):
    return sum(1 for status, _ in statuses if status == code)


# Creates ------------------------------------------------------------------------------------


def test_ten_proposal_creates_make_one_proposal(world):
    sign_minutes(world.cluster_year)
    url = reverse("awards:create", args=[world.cluster.pk, world.year])
    results = fire(world.users.secretary, url, {})
    assert Proposal.objects.filter(cluster_year=world.cluster_year).count() == 1
    assert AuditEntry.objects.filter(action="proposal_create").count() == 1
    assert count(results, 302) == N


def test_ten_person_year_creates_make_one_record(world):
    person = Person.objects.create(unit=world.units[0], full_name="Lê Văn C", gender="male")
    url = reverse("units:person_year", args=[person.pk, world.year])
    results = fire(world.users.secretary, url, {"task_rating": "excellent", "version": ""})
    assert PersonYear.objects.filter(person=person).count() == 1
    assert AuditEntry.objects.filter(action="person_year_create").count() == 1
    refused = [body for status, body in results if status == 200]
    assert all("vừa được người khác" in body for body in refused)


def test_ten_unit_year_creates_make_one_record(world):
    url = reverse("units:unit_year", args=[world.units[0].pk, world.year])
    fire(world.users.secretary, url, {"task_rating": "excellent", "staff_count": 20})
    assert UnitYear.objects.filter(unit=world.units[0]).count() == 1
    assert AuditEntry.objects.filter(action="unit_year_create").count() == 1


def test_ten_account_creates_make_one_account(world, django_user_model):
    data = {
        "username": "thuky.moi",
        "full_name": "Thư ký mới",
        "email": "",
        "password": "Mat-khau-dai-2021!",
        "role": Role.CLUSTER_SECRETARY,
        "ministry": world.ministry.pk,
        "cluster": world.cluster.pk,
    }
    results = fire(world.users.staff, reverse("account_create"), data)
    assert django_user_model.objects.filter(username="thuky.moi").count() == 1
    assert RoleAssignment.objects.filter(user__username="thuky.moi").count() == 1
    refused = [body for status, body in results if status == 200]
    assert all("Tên đăng nhập này đã có người dùng." in body for body in refused)


def test_ten_minutes_creates_make_one_minutes(world):
    url = reverse("clusters:minutes_edit", args=[world.cluster.pk, world.year])
    data = {
        "version": "",
        "held_on": "2021-12-14",
        "place": "Hà Nội",
        "chair_name": "A",
        "chair_position": "",
        "secretary_name": "B",
        "agenda": "",
        **{f"present_{u.pk}": "on" for u in world.units},
    }
    fire(world.users.secretary, url, data)
    assert Minutes.objects.filter(cluster_year=world.cluster_year).count() == 1
    assert AuditEntry.objects.filter(action="minutes_create").count() == 1


def test_ten_vote_creates_make_one_vote(world):
    flag = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    url = reverse("clusters:votes", args=[world.cluster.pk, world.year])
    results = fire(world.users.secretary, url, {"award_title": flag.pk})
    assert Vote.objects.filter(cluster_year=world.cluster_year).count() == 1
    assert AuditEntry.objects.filter(action="vote_create").count() == 1
    refused = [body for status, body in results if status == 200]
    assert all("Đã có cuộc bỏ phiếu cho danh hiệu này." in body for body in refused)


def test_ten_pledge_creates_make_one_pledge(world):
    fire(world.users.secretary, reverse("clusters:pledge_create", args=[world.cluster.pk, 2021]))
    assert Pledge.objects.filter(cluster_year=world.cluster_year).count() == 1
    assert AuditEntry.objects.filter(action="pledge_create").count() == 1


def test_ten_pledge_signatures_of_one_unit_make_one_signature(world):
    pledge = pledge_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    pledge.commitments.create(order=1, text="Hoàn thành nhiệm vụ")
    pledge_open(actor=world.users.secretary, pledge=pledge)
    url = reverse("clusters:pledge_sign", args=[world.cluster.pk, world.year])
    data = {
        "unit": world.units[0].pk,
        "signer_name": "A",
        "signer_position": "Hiệu trưởng",
        "signed_on": "2021-01-15",
    }
    fire(world.users.secretary, url, data)
    assert PledgeSignature.objects.filter(pledge=pledge).count() == 1


def test_ten_registrations_of_one_title_make_one(world):
    pledge = pledge_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    flag = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    url = reverse("clusters:registration_add", args=[world.cluster.pk, world.year])
    fire(world.users.secretary, url, {"unit": world.units[0].pk, "award_title": flag.pk})
    assert TitleRegistration.objects.filter(pledge=pledge).count() == 1


def test_ten_leadership_creates_make_one_term(world):
    head, deputy = world.units[:2]
    data = {
        "head_unit": head.pk,
        "head_name": "Hoàng Xuân Châu",
        "head_position": "Quyền Hiệu trưởng",
        "deputy_unit": deputy.pk,
        "deputy_name": "Đặng Vũ Huân",
        "deputy_position": "Tổng biên tập",
        "selection": "election",
        "version": 0,
    }
    url = reverse("clusters:leadership_edit", args=[world.cluster.pk, world.year])
    fire(world.users.secretary, url, data)
    assert LeadershipTerm.objects.filter(cluster_year=world.cluster_year).count() == 1
    assert AuditEntry.objects.filter(action="leadership_create").count() == 1


def test_ten_cluster_creates_make_one_cluster(world):
    data = {"ministry": world.ministry.pk, "kind": "cum", "number": 7, "name": "Cụm số 7"}
    fire(world.users.staff, reverse("clusters:create"), data)
    assert Cluster.objects.filter(ministry=world.ministry, number=7).count() == 1


def test_ten_unit_creates_make_one_unit(world):
    data = {
        "ministry": world.ministry.pk,
        "name": "Viện mới",
        "kind": "university",
        "is_active": "on",
    }
    fire(world.users.staff, reverse("units:create"), data)
    assert Unit.objects.filter(name="Viện mới").count() == 1


def test_ten_membership_saves_of_a_new_year_make_one_year_and_one_membership_each(world):
    url = reverse("clusters:members", args=[world.cluster.pk, 2022])
    fire(world.users.staff, url, {"units": [u.pk for u in world.units]})
    cluster_year = ClusterYear.objects.get(cluster=world.cluster, year=2022)
    assert Membership.objects.filter(cluster_year=cluster_year).count() == 3


def test_ten_scoring_table_creates_make_one_table(world):
    data = {"ministry": world.ministry.pk, "year": 2022, "name": "Bảng 2022"}
    results = fire(world.users.staff, reverse("clusters:scoring_table_create"), data)
    assert ScoringTable.objects.filter(ministry=world.ministry, year=2022).count() == 1
    refused = [body for status, body in results if status == 200]
    assert all("Đã có bảng tiêu chí cho phạm vi và năm này." in body for body in refused)


def test_ten_identical_nomination_lines_make_one(world, in_review_free_draft):
    proposal, flag = in_review_free_draft
    url = reverse("awards:line_create", args=[proposal.pk])
    data = {"unit": world.units[1].pk, "award_title": flag.pk, "achievements": "Dẫn đầu"}
    fire(world.users.secretary, url, data)
    assert Nomination.objects.filter(proposal=proposal, unit=world.units[1]).count() == 1


@pytest.fixture
def in_review_free_draft(world):
    """A draft proposal with no line yet and the flag title of the year."""
    sign_minutes(world.cluster_year)
    proposal = award_services.proposal_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    flag = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    return proposal, flag


# Transitions -------------------------------------------------------------------------------


def approved_proposal(world, cluster_year, secretary, unit):
    """Through the services: a proposal of ``cluster_year`` approved and ready for its
    decision."""
    proposal, line = ready_draft(cluster_year, secretary, unit)
    award_services.proposal_submit(actor=secretary, proposal=proposal)
    award_services.proposal_start_review(actor=world.users.staff, proposal=proposal)
    line.refresh_from_db()
    line = record_vote(world.users.staff, line)
    award_services.nomination_approve(actor=world.users.staff, line=line)
    return Proposal.objects.get(pk=proposal.pk)


def ready_draft(cluster_year, secretary, unit):
    """A draft with every part its submission needs, and its one line."""
    flag = AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code="co-thi-dua-bo")
    sign_minutes(cluster_year)
    members = [m.unit for m in cluster_year.memberships.select_related("unit")]
    close_vote(cluster_year, "co-thi-dua-bo", [unit], [u for u in members if u != unit])
    proposal = award_services.proposal_create(actor=secretary, cluster_year=cluster_year)
    award_services.proposal_update(
        actor=secretary,
        proposal=proposal,
        version=proposal.version,
        number="12/TTr",
        dated=datetime.date(2021, 12, 20),
        cover_file=pdf("to-trinh.pdf"),
    )
    line = award_services.nomination_save(
        actor=secretary,
        proposal=proposal,
        line=Nomination(unit=unit, award_title=flag, achievements="Dẫn đầu cụm"),
        report_file=pdf("bao-cao.pdf"),
    )
    return proposal, line


DECISION = {"number": "99/QĐ-BTP", "dated": "2022-02-01", "signer_name": "B"}


def test_ten_decisions_of_one_proposal_make_one_decision(world):
    proposal = approved_proposal(world, world.cluster_year, world.users.secretary, world.units[0])
    fire(world.users.staff, reverse("awards:decision", args=[proposal.pk]), DECISION)
    assert Decision.objects.filter(proposal=proposal).count() == 1
    assert AuditEntry.objects.filter(action="decision_record").count() == 1


def test_two_proposals_decided_at_once_with_one_number_store_it_once(world):
    proposals = [
        approved_proposal(world, world.cluster_year, world.users.secretary, world.units[0]),
        approved_proposal(
            world, world.other_cluster_year, world.users.other_secretary, world.other_units[0]
        ),
    ]
    clients_urls = [reverse("awards:decision", args=[p.pk]) for p in proposals]
    results = fire_each(world.users.staff, clients_urls, DECISION)
    assert Decision.objects.filter(number="99/QĐ-BTP", year=2022).count() == 1
    refused = [body for status, body in results if status == 200]
    assert len(refused) == 1
    assert "Số quyết định 99/QĐ-BTP đã được bộ, ngành ghi trong năm 2022" in refused[0]


def fire_each(user, urls, data):
    """One POST per url, all released together."""
    requests = [(user, url, data) for url in urls]
    return [(status, body) for _i, status, body in fire_mixed(requests)]


def fire_mixed(requests):
    """``requests``: ``[(user, url, data or a callable making it), …]``, all POSTed at once.
    Returns ``[(index, status, body), …]`` in no order; never a 500."""
    clients = []
    for user, _url, _data in requests:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)

    def post(i):
        _user, url, data = requests[i]
        response = clients[i].post(url, data() if callable(data) else data or {})
        return i, response.status_code, response.content.decode()

    results, failures = at_once(len(requests), post)
    assert not failures, failures
    assert len(results) == len(requests)
    assert 500 not in [status for _i, status, _body in results], results
    return results


def test_ten_submits_start_reviews_and_returns_each_happen_once(world):
    proposal, _line = ready_draft(world.cluster_year, world.users.secretary, world.units[0])
    fire(world.users.secretary, reverse("awards:submit", args=[proposal.pk]))
    assert AuditEntry.objects.filter(action="proposal_submit").count() == 1
    fire(world.users.staff, reverse("awards:start_review", args=[proposal.pk]))
    assert AuditEntry.objects.filter(action="proposal_start_review").count() == 1
    fire(world.users.staff, reverse("awards:return", args=[proposal.pk]), {"reason": "Thiếu"})
    assert AuditEntry.objects.filter(action="proposal_return").count() == 1
    assert Proposal.objects.get(pk=proposal.pk).state == Proposal.State.RETURNED


def test_ten_minutes_signatures_sign_once(world):
    minutes = draft_minutes(world)
    url = reverse("clusters:minutes_sign", args=[world.cluster.pk, world.year])
    fire(world.users.secretary, url, {"version": minutes.version})
    assert AuditEntry.objects.filter(action="minutes_sign").count() == 1
    assert Minutes.objects.get(pk=minutes.pk).state == Minutes.State.SIGNED


def test_ten_vote_closes_close_once(world):
    flag = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    from clusters.evaluation.votes import vote_create, vote_record_counts

    vote = vote_create(
        actor=world.users.secretary, cluster_year=world.cluster_year, award_title=flag
    )
    vote = vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=3,
        ballots_cast=3,
        valid_ballots=3,
        quota=1,
        # 2 of 3: a unit never votes for itself (at most the other units' 2 ballots)
        votes={world.units[0].pk: 2, world.units[1].pk: 1, world.units[2].pk: 0},
    )
    url = reverse("clusters:vote_close", args=[world.cluster.pk, world.year, vote.pk])
    fire(world.users.secretary, url, {"version": vote.version})
    assert AuditEntry.objects.filter(action="vote_close").count() == 1


# Score cells -------------------------------------------------------------------------------


@pytest.fixture
def capped_table(world):
    """Group I capped at 10 with two criteria of 8 points each."""
    table = ScoringTable.objects.create(ministry=world.ministry, year=world.year, name="Bảng")
    group = CriterionGroup.objects.create(
        table=table, code="I", title="Nhóm I", max_points=Decimal(10)
    )
    return [
        Criterion.objects.create(group=group, code=str(i), text=f"Tiêu chí {i}", max_points=8)
        for i in (1, 2)
    ]


def _cell_url(world, unit, criterion):
    return reverse(
        "clusters:score_cell", args=[world.cluster.pk, world.year, unit.pk, criterion.pk]
    )


def _cell_data(unit, criterion, value, version=0):
    prefix = f"c-{unit.pk}-{criterion.pk}"
    return {
        f"{prefix}-self": value,
        f"{prefix}-agreed": value,
        f"{prefix}-comment": "",
        f"{prefix}-v": version,
    }


def test_two_new_cells_at_once_never_exceed_the_groups_cap(world, capped_table):
    unit = world.units[0]
    urls = [_cell_url(world, unit, c) for c in capped_table]
    datas = [_cell_data(unit, c, "8") for c in capped_table]
    for _round in range(3):  # the race is a matter of timing: try it several times
        Score.objects.all().delete()
        clients = []
        for _ in urls:
            client = Client(raise_request_exception=False)
            client.force_login(world.users.secretary)
            clients.append(client)

        def post(i, clients=clients):
            response = clients[i].post(urls[i], datas[i])
            return response.status_code, response.content.decode()

        results, errors = at_once(2, post)
        assert errors == []
        assert sorted(s for s, _ in results) == [200, 200]
        total = sum(s.agreed_score for s in Score.objects.filter(unit=unit))
        assert total <= 10
        assert Score.objects.filter(unit=unit).count() == 1
        assert sum("vượt điểm tối đa 10 của nhóm" in body for _, body in results) == 1


def test_ten_saves_of_one_empty_cell_one_wins_and_nine_are_told_stale(world, capped_table):
    unit, criterion = world.units[0], capped_table[0]
    results = fire(
        world.users.secretary,
        _cell_url(world, unit, criterion),
        each=lambda i: _cell_data(unit, criterion, str(1 + Decimal(i) / 2)),  # all different
    )
    score = Score.objects.get(unit=unit, criterion=criterion)
    assert score.version == 1
    saved = [body for _, body in results if "vừa được người khác lưu" not in body]
    assert len(saved) == 1
    stale = [body for _, body in results if "vừa được người khác lưu" in body]
    assert len(stale) == N - 1
    assert AuditEntry.objects.filter(action="scores_update").count() == 1


def test_ten_rollovers_open_the_next_year_once(world):
    pledge = pledge_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    pledge.commitments.create(order=1, text="Hoàn thành nhiệm vụ")
    fire(world.users.secretary, reverse("clusters:rollover", args=[world.cluster.pk, 2021]), {})
    target = ClusterYear.objects.get(cluster=world.cluster, year=2022)
    assert target.memberships.count() == 3
    assert list(
        Pledge.objects.get(cluster_year=target).commitments.values_list("text", flat=True)
    ) == ["Hoàn thành nhiệm vụ"]
    assert AuditEntry.objects.filter(action="year_rollover").count() == 1


def test_ten_catalogue_creates_make_one_entry(world, django_user_model):
    # The national catalogue is the national administrator's to change.
    admin = django_user_model.objects.create_superuser("quantri", "q@example.vn", "x")
    regime = world.cluster_year.emulation_year.regime
    data = {
        "regime": regime.pk,
        "code": "giay-khen-moi",
        "name_vi": "Giấy khen mới",
        "name_en": "New certificate",
        "kind": "form",
        "subject": "collective",
        "level": "unit_head",
        "citation": "Điều 1",
        "order": 99,
    }
    results = fire(admin, reverse("catalogue_create"), data)
    assert AwardTitle.objects.filter(regime=regime, code="giay-khen-moi").count() == 1
    refused = [body for status, body in results if status == 200]
    # The form's own uniqueness check or, in a race, the constraint's: both name the code.
    assert all(
        "Chế độ này đã có một mục mang mã này." in body
        or "đã tồn tại" in body  # Django: "… với thông tin chế độ và mã đã tồn tại"
        for body in refused
    ), [b[b.find("error-summary") :][:300] for b in refused]


def test_ten_pledge_opens_and_locks_each_happen_once(world):
    pledge = pledge_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    pledge.commitments.create(order=1, text="Hoàn thành nhiệm vụ")
    fire(world.users.secretary, reverse("clusters:pledge_open", args=[world.cluster.pk, 2021]))
    assert Pledge.objects.get(pk=pledge.pk).state == Pledge.State.OPEN
    opened = AuditEntry.objects.filter(action__startswith="pledge_", object_id=str(pledge.pk))
    assert opened.exclude(action="pledge_create").count() == 1


def test_ten_unsigns_reopen_once_and_ten_revocations_revoke_once(world):
    from clusters.evaluation.minutes import minutes_sign

    minutes = draft_minutes(world)
    minutes = minutes_sign(
        actor=world.users.secretary, minutes=minutes, expected_version=minutes.version
    )
    url = reverse("clusters:minutes_unsign", args=[world.cluster.pk, world.year])
    fire(world.users.staff, url, {"version": minutes.version, "reason": "Sửa số liệu"})
    assert AuditEntry.objects.filter(action="minutes_unsign").count() == 1

    proposal = approved_proposal(
        world, world.other_cluster_year, world.users.other_secretary, world.other_units[0]
    )
    award_services.decision_record(
        actor=world.users.staff,
        proposal=proposal,
        number="5/QĐ",
        dated=datetime.date(2022, 1, 5),
        signer_name="A",
    )
    award = proposal.nominations.get().award
    fire(
        world.users.staff,
        reverse("awards:award_revoke", args=[award.pk]),
        {"number": "12/QĐ-BTP", "dated": award.decision.dated.isoformat(), "reason": "Sai"},
    )
    assert AuditEntry.objects.filter(action="award_revoke").count() == 1


def test_ten_locks_of_an_account_lock_it_once_and_ten_revocations_revoke_once(world):
    account = world.users.leader
    fire(world.users.staff, reverse("account_set_active", args=[account.pk]), {"active": "0"})
    assert AuditEntry.objects.filter(action="account_deactivate").count() == 1
    second = RoleAssignment.objects.create(
        user=account,
        role=Role.LEADER,
        ministry=world.ministry,
        cluster=world.cluster,
    )
    url = reverse("account_revoke", args=[account.pk, second.pk])
    fire(world.users.staff, url, {})
    assert AuditEntry.objects.filter(action="role_revoke").count() == 1
    assert RoleAssignment.objects.filter(user=account).count() == 1
