"""The year as a task list on the secretary's home, and the same steps as the leader's
tiles: each step's state and next action, returned proposals and near deadlines first."""

import datetime

import pytest

from awards.models import Award
from clusters.year_start import pledge as pledge_services
from documents.reports.progress import NEAR_DAYS, year_progress
from emulation.roles import Role, scope_of
from tests.html import link_texts

TODAY = datetime.date(2021, 12, 1)


def states(progress):
    return {step.key: step.state for step in progress.steps}


def progress_of(world, cluster_year, user=None, today=TODAY):
    user = user or world.users.secretary
    (progress,) = year_progress(
        cluster_years=[cluster_year], can_write=scope_of(user).writes_cluster, today=today
    )
    return progress


def test_a_new_year_starts_with_leadership_and_every_step_to_do(world):
    progress = progress_of(world, world.cluster_year)
    assert states(progress) == {
        "leadership": "todo",
        "pledge": "todo",
        "registrations": "todo",
        "signatures": "todo",
        "scores": "todo",
        "vote": "todo",
        "minutes": "todo",
        "proposal": "todo",
        "report": "todo",
    }
    step = progress.next_step
    assert (step.key, step.action) == ("leadership", "Ghi Cụm trưởng, Cụm phó")
    assert step.url == f"/clusters/{world.cluster.pk}/years/2021/leadership/"


def test_the_pledge_steps_follow_the_pledge_and_count_units(world):
    pledge = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    pledge.cluster_year = world.cluster_year
    pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=_flag(world),
        person_name="",
    )
    progress = progress_of(world, world.cluster_year)
    pledge_step = progress.step("pledge")
    assert (pledge_step.state, pledge_step.detail, pledge_step.action) == (
        "doing",
        "Dự thảo",
        "Sửa nội dung, mở ký",
    )
    registrations = progress.step("registrations")
    assert (registrations.state, registrations.detail, registrations.action) == (
        "doing",
        "1/3 đơn vị",
        "Nhập đăng ký",
    )
    assert registrations.url == f"/clusters/{world.cluster.pk}/years/2021/pledge/board/"
    assert progress.step("signatures").detail == "Giao ước chưa mở ký."


def test_an_open_pledge_sends_the_next_action_to_the_one_table_board(client_as, world):
    """Draft: write and open it on the pledge page; open: the signatures go in the board at
    once (no stop at the pledge page); signed by all: the lock is on the pledge page."""
    secretary = world.users.secretary
    pledge = pledge_services.pledge_create(actor=secretary, cluster_year=world.cluster_year)
    pledge.cluster_year = world.cluster_year
    year = f"/clusters/{world.cluster.pk}/years/2021"
    client = client_as("secretary")

    def next_action():
        response = client.get("/?year=2021")
        return link_texts(response, rf"{year}/pledge/(board/)?$")[:2], response

    links, response = next_action()
    assert links == ["Giao ước thi đua", "Sửa nội dung, mở ký"]
    assert f'href="{year}/pledge/">Sửa nội dung, mở ký</a>' in response.content.decode()

    pledge_services.pledge_update(
        actor=secretary,
        pledge=pledge,
        expected_version=pledge.version,
        commitments=["Hoàn thành xuất sắc nhiệm vụ."],
        place="",
        conference_date=None,
    )
    pledge_services.pledge_open(actor=secretary, pledge=pledge)
    links, response = next_action()
    assert links == ["Giao ước thi đua", "Ghi chữ ký"]
    html = response.content.decode()
    assert f'href="{year}/pledge/board/">Ghi chữ ký</a>' in html
    assert f'<a href="{year}/pledge/">Giao ước thi đua</a>' in html

    for unit in world.units:
        pledge_services.pledge_sign(
            actor=secretary,
            pledge=pledge,
            unit=unit,
            signer_name="Nguyễn Văn An",
            signer_position="Thủ trưởng",
            signed_on=datetime.date(2021, 1, 15),
        )
    links, response = next_action()
    assert f'href="{year}/pledge/">Khóa giao ước</a>' in response.content.decode()


def _flag(world):
    from emulation.models import AwardTitle

    return AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )


def test_a_returned_proposal_is_the_next_action_with_its_reason(world, returned):
    progress = progress_of(world, world.cluster_year)
    step = progress.next_step
    assert (step.key, step.state, step.detail, step.action) == (
        "proposal",
        "returned",
        "Bộ trả lại: Thiếu số liệu",
        "Sửa và gửi lại",
    )
    assert step.url == f"/awards/{returned.pk}/"
    assert (states(progress)["vote"], states(progress)["minutes"]) == ("done", "done")


def test_a_sent_proposal_waits_for_the_ministry(world, submitted):
    assert progress_of(world, world.cluster_year).step("proposal").state == "waiting"


def test_the_leader_sees_the_states_without_any_action(world, returned):
    progress = progress_of(world, world.cluster_year, user=world.users.leader)
    assert [step.action for step in progress.steps] == [""] * 9
    assert progress.next_step.key == "proposal"


def test_decided_awards_and_their_money_are_counted(world, decided):
    progress = progress_of(world, world.cluster_year, user=world.users.leader)
    award = Award.objects.get()
    assert (progress.awards_count, progress.reward_total) == (1, award.amount)
    assert progress.step("proposal").state == "done"


def _deadline(world, days):
    ey = world.cluster_year.emulation_year
    ey.proposals_deadline = TODAY + datetime.timedelta(days=days)
    ey.save()


@pytest.mark.parametrize(
    ("days", "near", "overdue"),
    [(-1, False, True), (0, True, False), (NEAR_DAYS, True, False), (NEAR_DAYS + 1, False, False)],
)
def test_a_deadline_is_near_within_the_window_and_overdue_once_passed(world, days, near, overdue):
    _deadline(world, days)
    step = progress_of(world, world.cluster_year).step("proposal")
    assert (step.near, step.overdue) == (near, overdue)


def test_returned_proposals_then_near_deadlines_come_first(world, returned):
    from tests.factories import grant

    grant(
        world.users.secretary,
        Role.CLUSTER_SECRETARY,
        world.ministry,
        world.other_cluster,
    )
    world.users.secretary._thidua_scope = None
    ordered = year_progress(
        cluster_years=[world.other_cluster_year, world.cluster_year], today=TODAY
    )
    assert [p.cluster for p in ordered] == [world.cluster, world.other_cluster]


def test_the_secretary_home_shows_the_task_list_of_their_cluster(client_as, world, returned):
    response = client_as("secretary").get("/?year=2021")
    html = response.content.decode()
    assert "Việc của năm" in html
    assert link_texts(response, r"/clusters/\d+/\?year=") == ["Cụm thi đua số 2"]
    assert f'<a class="btn btn-primary" href="/awards/{returned.pk}/">Sửa và gửi lại</a>' in html
    assert "Bộ trả lại: Thiếu số liệu" in html


def test_staff_and_other_roles_get_no_task_list(client_as, world):
    for role in ("staff", "leader", "foreign_staff", "other_secretary"):
        html = client_as(role).get("/?year=2021").content.decode()
        if role == "other_secretary":
            assert 'id="tasks"' in html and "Cụm thi đua số 2" not in html
        else:
            assert 'id="tasks"' not in html


def test_the_leader_home_shows_tiles_awards_and_the_pdf_download(client_as, world, decided):
    html = client_as("leader").get("/?year=2021").content.decode()
    assert 'id="dashboard"' in html
    assert html.count('class="card mb-3 tile-card"') == 2
    assert '<div class="fs-4 fw-semibold" id="awards-count">1</div>' in html


def test_the_home_page_costs_the_same_queries_at_two_sizes(
    client_as, world, returned, django_assert_max_num_queries
):
    from tests.factories import ClusterFactory, UnitFactory, cluster_year_with_units

    client = client_as("leader")
    with django_assert_max_num_queries(40):
        client.get("/?year=2021")
    for number in range(3, 6):
        cluster = ClusterFactory(ministry=world.ministry, number=number, name=f"Cụm {number}")
        units = [UnitFactory(ministry=world.ministry) for _ in range(3)]
        cluster_year_with_units(cluster, 2021, units)
    with django_assert_max_num_queries(40):
        client.get("/?year=2021")
