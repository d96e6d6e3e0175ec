"""The home page's task list and leader dashboard are cached per data version of their
cluster-years (portal.home_fragments): every kind of write, a PDF turning ready and the next
day show on the next page; each secretary's forms carry their own CSRF token; the page works
with the cache unreachable; a warm page reads less than a cold one, the same at two sizes."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from clusters.models import Cluster
from documents.models import ReportVersion, YearEndReport
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import PASSWORD
from tests.html import sessions_with_tokens

HOME = "/?year=2021"


def _cluster_name(world, _other):
    cluster = Cluster.objects.get(pk=world.cluster.pk)
    cluster.name = "Cụm đã đổi tên"
    cluster.save()  # a record of no year: every year of the ministry
    return "Cụm đã đổi tên"


def _decision(world, request):
    request.getfixturevalue("decided")
    return '<div class="fs-4 fw-semibold" id="awards-count">1</div>'


def _deadline(world, request):
    year = world.cluster_year.emulation_year
    year.proposals_deadline = datetime.date(2021, 1, 1)
    year.save()  # the ministry-year's own record
    return "Hồ sơ đề nghị khen thưởng (hạn 01/01/2021)"


def _pdf_ready(world, request):
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=2021,
        cluster_year=world.cluster_year,
    )
    version = ReportVersion.objects.create(report=report)
    # A build writes no data version: the PDF's state is in the key itself.
    ReportVersion.objects.filter(pk=version.pk).update(status=ReportVersion.Status.READY)
    return f'href="/reports/versions/{version.pk}/download/"'


WRITES = [_cluster_name, _decision, _deadline, _pdf_ready]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_the_next_leader_home_shows_every_kind_of_write(client_as, world, request, write):
    client = client_as("leader")
    before = client.get(HOME).content.decode()  # the dashboard cached
    shown = write(world, request)
    assert shown not in before
    assert shown in client.get(HOME).content.decode()


def test_the_next_secretary_home_shows_a_returned_proposal(client_as, world, request):
    client = client_as("secretary")
    assert "Bộ trả lại" not in client.get(HOME).content.decode()
    request.getfixturevalue("returned")
    assert "Bộ trả lại: Thiếu số liệu" in client.get(HOME).content.decode()


def test_a_deadline_turns_overdue_the_next_day(client_as, world, monkeypatch):
    from portal import home_fragments

    year = world.cluster_year.emulation_year
    year.proposals_deadline = datetime.date(2021, 12, 1)
    year.save()
    client = client_as("leader")
    day = SimpleNamespace(localdate=lambda: datetime.date(2021, 12, 1))
    monkeypatch.setattr(home_fragments, "timezone", day)
    assert "Quá hạn 01/12/2021" not in client.get(HOME).content.decode()
    day.localdate = lambda: datetime.date(2021, 12, 2)
    assert "Quá hạn 01/12/2021" in client.get(HOME).content.decode()


def test_each_secretary_posts_the_task_list_s_action_with_their_own_token(world):
    """The cached list's "Lập giao ước" form carries each session's own CSRF token."""
    action = f"/clusters/{world.cluster.pk}/years/2021/pledge/create/"
    form = rf'action="{action}" class="d-inline"><input type="hidden" '
    form += r'name="csrfmiddlewaretoken" value="([^"]+)"'
    sessions = sessions_with_tokens(world.users.secretary, HOME, form)
    for client, token in sessions:
        assert client.post(action, {"csrfmiddlewaretoken": token}).status_code != 403
    (_first, first_token), (second, _token) = sessions
    assert second.post(action, {"csrfmiddlewaretoken": first_token}).status_code == 403


@pytest.mark.usefixtures("cache_down")
@pytest.mark.parametrize("username", ["thuky", "lanhdao"])
def test_the_home_page_works_with_the_cache_down(world, username):
    client = Client()
    client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    html = client.get(HOME).content.decode()
    assert 'id="tasks"' in html or 'id="dashboard"' in html


@pytest.mark.parametrize("size", [0, 10], ids=["small", "ten-times-larger"])
@pytest.mark.parametrize("role", ["leader", "secretary"])
def test_a_warm_home_reads_less_the_same_at_two_sizes(
    client_as, world, django_assert_num_queries, size, role
):
    from tests.factories import ClusterFactory, UnitFactory, cluster_year_with_units

    for number in range(3, 3 + size):
        cluster = ClusterFactory(ministry=world.ministry, number=number, name=f"Cụm {number}")
        units = [UnitFactory(ministry=world.ministry) for _ in range(3)]
        cluster_year_with_units(cluster, 2021, units)
    client = client_as(role)
    client.get(HOME)
    # Session, user (the role scope from the cache), the cluster-years with their versions,
    # their PDFs; the ministry-wide panels below (queue, latest reports, years); the
    # ministry-wide report's link takes its ministry from the cluster-years.
    with django_assert_num_queries(WARM[role]):
        client.get(HOME)


# Session, user, the ministry's or the cluster's token, the states of its reports' PDFs; the
# whole page is cached under them (6 and 5 before: the cluster-years, the years of the
# switch, the latest reports were read each time).
WARM = {"leader": 4, "secretary": 4}


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_the_next_secretary_home_shows_every_kind_of_write(client_as, world, request, write):
    """The secretary's whole page is cached under their cluster's token."""
    client = client_as("secretary")
    before = client.get(HOME).content.decode()  # the page cached
    shown = SECRETARY_SHOWS.get(write, write)(world, request)
    assert shown not in before
    assert shown in client.get(HOME).content.decode()


def _pdf_ready_for_the_secretary(world, request):
    _pdf_ready(world, request)
    return "Đã có bản PDF."


def _deadline_for_the_secretary(world, request):
    _deadline(world, request)
    return "hạn 01/01/2021"


def _pledge_started(world, request):
    from clusters.year_start.pledge import pledge_create

    pledge_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    return "Sửa nội dung, mở ký"


# What the secretary's task list shows of a write where it is not what the tiles show.
SECRETARY_SHOWS = {
    _pdf_ready: _pdf_ready_for_the_secretary,
    _deadline: _deadline_for_the_secretary,
    _decision: _pledge_started,  # no award count on the task list: a pledge instead
}


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("leader", 'Tải PDF<span class="visually-hidden"> – Cụm thi đua số 2</span>'),
        ("secretary", "Đã có bản PDF."),
        ("staff", 'href="/reports/versions/{pk}/download/"'),  # the latest reports
    ],
)
def test_a_pdf_built_since_the_page_was_cached_shows(client_as, world, role, shown):
    """A build writes no data version: the PDFs' states key the page themselves."""
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=2021,
        cluster_year=world.cluster_year,
    )
    version = ReportVersion.objects.create(report=report)  # requested, not built yet
    client = client_as(role)
    shown = shown.format(pk=version.pk)
    assert shown not in client.get(HOME).content.decode()  # the page cached
    ReportVersion.objects.filter(pk=version.pk).update(
        status=ReportVersion.Status.READY, generated_at=timezone.now()
    )
    assert shown in client.get(HOME).content.decode()
