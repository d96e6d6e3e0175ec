"""The cluster page's panels and the ranking are cached per data version: each kind of write
shows on the next page (never a stale fragment), a fragment shows each viewer their own
buttons and language, and a warm page reads less than a cold one."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from awards.services.proposals import proposal_create
from clusters.evaluation.minutes import minutes_sign
from clusters.evaluation.votes import vote_create
from clusters.models import Cluster, ScoringTable
from clusters.services import cluster_year_set_members
from clusters.year_start import pledge as pledge_services
from clusters.year_start.leadership import leadership_save
from documents.models import ReportVersion, YearEndReport
from emulation.models import AuditEntry, AwardTitle
from tests.clusters.evaluation.test_freeze import draft
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import UnitFactory, cluster_year_with_units


def page(world):
    return f"{reverse('clusters:detail', args=[world.cluster.pk])}?year={world.year}"


def ranking(world):
    return reverse("clusters:ranking", args=[world.cluster.pk, world.year])


def _leadership(world, table, save):
    a, b, _c = world.units
    leadership_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        data={
            "head_unit": a,
            "head_name": "Hoàng Xuân Châu",
            "head_position": "Hiệu trưởng",
            "deputy_unit": b,
            "deputy_name": "Đặng Vũ Huân",
            "deputy_position": "Tổng biên tập",
            "selection": "rotation",
            "decision_number": "",
            "decision_date": None,
            "announced_on": datetime.date(2021, 12, 14),
            "note": "",
        },
        expected_version=0,
    )
    return "Hoàng Xuân Châu"


def _pledge(world, table, save):
    pledge = pledge_services.pledge_create(
        actor=world.users.secretary, cluster_year=world.cluster_year
    )
    pledge.cluster_year = world.cluster_year
    pledge = pledge_services.pledge_update(
        actor=world.users.secretary,
        pledge=pledge,
        expected_version=pledge.version,
        commitments=["Hoàn thành xuất sắc nhiệm vụ được giao."],
        place="Hà Nội",
        conference_date=datetime.date(2021, 12, 14),
    )
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    pledge_services.pledge_sign(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        signer_name="Người ký",
        signer_position="Thủ trưởng",
        signed_on=datetime.date(2021, 12, 14),
    )
    return "1/3 đơn vị đã ký"


def _scores(world, table, save):
    save({(world.units[0], table.c["c1"]): (6, 5.5)})
    return '<span class="ranking-bar-value">5,50</span>'


def _vote(world, table, save):
    title = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    vote_create(actor=world.users.secretary, cluster_year=world.cluster_year, award_title=title)
    return f"<strong>{title}</strong> – Đang kiểm phiếu"


def _minutes(world, table, save):
    draft(world)
    return "Biên bản dự thảo"


def _table_name(world, table, save):
    table = ScoringTable.objects.get(pk=table.pk)
    table.name = "Bảng tiêu chí đã sửa tên"
    table.save()  # the ministry-year's record
    return "Bảng tiêu chí đã sửa tên"


def _members(world, table, save):
    new = UnitFactory(ministry=world.ministry, name="Viện mới gia nhập")
    cluster_year_set_members(
        actor=world.users.staff,
        cluster=world.cluster,
        year=world.year,
        units=[*world.units, new],
    )
    return "Viện mới gia nhập"


def _unit_name(world, table, save):
    unit = world.units[0]
    unit.name = "Trường đã đổi tên"
    unit.save()  # a record of no year: every year of the ministry
    return "Trường đã đổi tên"


def _proposal(world, table, save):
    proposal_create(actor=world.users.secretary, cluster_year=world.cluster_year)
    return "0 dòng đề nghị"


def _cluster_name(world, table, save):
    cluster = Cluster.objects.get(pk=world.cluster.pk)
    cluster.name = "Cụm đã đổi tên"
    cluster.save()  # a record of no year: every year of the ministry
    return '<h1 class="h3 mb-0">Cụm đã đổi tên</h1>'


def _another_year(world, table, save):
    """A year far from the page's: not in its data versions, but in its year switch."""
    cluster_year_with_units(world.cluster, world.year - 3, world.units)
    return f'href="?year={world.year - 3}"'


WRITES = [
    _leadership,
    _pledge,
    _scores,
    _vote,
    _minutes,
    _table_name,
    _members,
    _unit_name,
    _proposal,
    _cluster_name,
    _another_year,
]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_the_next_cluster_page_shows_every_kind_of_write(client_as, world, table, save, write):
    _shows_the_write(client_as("staff"), page(world), lambda: write(world, table, save))


def _shows_the_write(client, url, write):
    before = client.get(url).content.decode()  # every fragment cached
    shown = write()
    assert shown not in before
    assert shown in client.get(url).content.decode()


@pytest.mark.parametrize("write", [_scores, _table_name, _unit_name])
def test_the_next_ranking_shows_the_write(client_as, world, table, save, write):
    _shows_the_write(client_as("secretary"), ranking(world), lambda: write(world, table, save))


def test_last_years_scores_move_this_years_ranking(client_as, world, table, save):
    last_year = cluster_year_with_units(world.cluster, world.year - 1, world.units)
    last_table = ScoringTable.objects.create(
        ministry=world.ministry, year=world.year - 1, name="Bảng năm trước"
    )
    group = last_table.groups.create(code="I", title="Nhóm", max_points=10)
    criterion = group.criteria.create(code="1", text="Tiêu chí", max_points=10)
    save({(world.units[0], table.c["c1"]): (6, 5)})
    client = client_as("secretary")
    assert "+5" not in client.get(ranking(world)).content.decode()
    save({(world.units[0], criterion): (1, 1)}, cluster_year=last_year)
    assert '<td class="text-end">+4</td>' in client.get(ranking(world)).content.decode()


def test_a_cached_panel_shows_each_viewer_their_own_buttons(client_as, world):
    edit = reverse("clusters:leadership_edit", args=[world.cluster.pk, world.year])
    members = reverse("clusters:members", args=[world.cluster.pk, world.year])
    tables = reverse("clusters:scoring_tables")
    leader = client_as("leader").get(page(world)).content.decode()
    secretary = client_as("secretary").get(page(world)).content.decode()
    staff = client_as("staff").get(page(world)).content.decode()
    leader_again = client_as("leader").get(page(world)).content.decode()
    assert (edit in leader, edit in secretary, edit in staff) == (False, True, True)
    assert (members in leader, members in secretary, members in staff) == (False, False, True)
    assert (tables in leader, tables in secretary, tables in staff) == (False, False, True)
    assert _without_tokens(leader_again) == _without_tokens(leader)


def _without_tokens(html):
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', "", html)


def test_the_reports_panel_shows_each_state_of_the_newest_pdf(client_as, world):
    """A PDF build writes its state without a data version: the panel, cached by the states
    of the cluster's PDFs (``reports_token``), shows each on the next page."""
    client = client_as("staff")
    assert "Chưa có bản PDF nào." in client.get(page(world)).content.decode()
    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.CLUSTER,
        ministry=world.ministry,
        year=world.year,
        cluster_year=world.cluster_year,
    )
    version = ReportVersion.objects.create(report=report)
    assert "Bản mới nhất: Đang chờ" in client.get(page(world)).content.decode()
    for status, shown in [("building", "Đang tạo"), ("ready", "Đã xong")]:
        ReportVersion.objects.filter(pk=version.pk).update(status=status)
        html = client.get(page(world)).content.decode()
        assert f"Bản mới nhất: {shown}" in html
        assert "\x00" not in html


def test_the_cached_cluster_page_s_proposal_form_carries_each_session_s_token(world):
    """The proposal panel is cached with the page, its form with a slot for the token."""
    create = reverse("awards:create", args=[world.cluster.pk, world.year])
    form = rf'action="{create}"><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
    tokens = {}
    for role in ("leader", "staff", "secretary"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(getattr(world.users, role))
        html = client.get(page(world)).content.decode()
        assert "\x00" not in html
        found = re.search(form, html)
        tokens[role] = (client, found and found.group(1))
    assert tokens["leader"][1] is None
    _staff, staff_token = tokens["staff"]
    secretary, secretary_token = tokens["secretary"]
    assert staff_token != secretary_token
    assert secretary.post(create, {"csrfmiddlewaretoken": staff_token}).status_code == 403
    assert secretary.post(create, {"csrfmiddlewaretoken": secretary_token}).status_code == 302
    assert "0 dòng đề nghị" in secretary.get(page(world)).content.decode()


def test_a_cluster_without_the_year_offers_to_set_it_up(client_as, world):
    html = client_as("staff").get(f"{page(world).split('?')[0]}?year=2019").content.decode()
    assert "Cụm chưa có dữ liệu năm 2019." in html
    assert reverse("clusters:members", args=[world.cluster.pk, 2019]) in html
    assert 'href="?year=2021"' in html


def test_a_cached_panel_is_in_the_viewers_language(client_as, world):
    client = client_as("staff")
    assert "Cụm trưởng, Cụm phó" in client.get(page(world)).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(page(world)).content.decode()
    assert "Cụm trưởng, Cụm phó" not in english
    assert "Chưa ghi nhận Cụm trưởng" not in english


def test_a_fragment_s_key_holds_its_version_language_rights_and_code(monkeypatch):
    from django.utils import translation

    from emulation import fragments

    key = fragments.fragment_key("panel", "c1:2021.1.1", True)
    assert key != fragments.fragment_key("panel", "c1:2021.2.1", True)
    assert key != fragments.fragment_key("panel", "c1:2021.1.1", False)
    with translation.override("en"):
        assert key != fragments.fragment_key("panel", "c1:2021.1.1", True)
    monkeypatch.setattr(fragments, "code_version", lambda: "another release")
    assert key != fragments.fragment_key("panel", "c1:2021.1.1", True)


def grid(world):
    return reverse("clusters:scores", args=[world.cluster.pk, world.year])


def _grid_score(world, table, save):
    save({(world.units[0], table.c["c1"]): (6, 5.5)})
    return 'name="c-{}-{}-agreed" value="5,5"'.format(world.units[0].pk, table.c["c1"].pk)


def _signed(world, table, save):
    minutes = draft(world)
    minutes_sign(actor=world.users.secretary, minutes=minutes, expected_version=minutes.version)
    return "Biên bản họp đã ký"


GRID_WRITES = [_grid_score, _table_name, _unit_name, _members, _signed]


@pytest.mark.parametrize("write", GRID_WRITES, ids=[w.__name__.strip("_") for w in GRID_WRITES])
def test_the_next_grid_shows_the_write(client_as, world, table, save, write):
    _shows_the_write(client_as("secretary"), grid(world), lambda: write(world, table, save))


def test_a_cached_grid_is_editable_for_its_writers_only(client_as, world, table):
    cells_url = f'data-cells-url="{grid(world)}cells/"'
    pages = {role: client_as(role).get(grid(world)).content.decode() for role in WRITERS}
    assert {role: cells_url in html for role, html in pages.items()} == WRITERS


WRITERS = {"leader": False, "secretary": True, "staff": True, "other_secretary": False}


def test_each_session_saves_the_cached_grid_with_its_own_token(world, table):
    """The grid's form is cached with a slot for the token: each page carries its own."""
    cell = f"c-{world.units[0].pk}-{table.c['c1'].pk}"
    field = f"{cell}-agreed"
    for agreed in ("4", "5"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(world.users.secretary)
        html = client.get(grid(world)).content.decode()
        assert "\x00" not in html
        form = html.split('id="score-grid"', 1)[1]  # the grid's own form, not the menu's
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        version = re.search(rf'name="{cell}-v" value="(\d+)"', html).group(1)
        response = client.post(
            grid(world),
            {
                "csrfmiddlewaretoken": token,
                f"{cell}-self": "6",
                f"{cell}-v": version,
                field: agreed,
            },
        )
        assert response.status_code == 302
        assert f'name="{field}" value="{agreed}"' in client.get(grid(world)).content.decode()


def pledge(world):
    return reverse("clusters:pledge", args=[world.cluster.pk, world.year])


PLEDGE_WRITES = [_pledge, _unit_name, _members]


@pytest.mark.parametrize("write", PLEDGE_WRITES, ids=[w.__name__.strip("_") for w in PLEDGE_WRITES])
def test_the_next_pledge_page_shows_the_write(client_as, world, table, save, write):
    _shows_the_write(client_as("secretary"), pledge(world), lambda: write(world, table, save))


def test_a_cached_pledge_page_offers_each_reader_their_own_actions(world):
    """The secretary and the staff may create the pledge, the leader may not; each page's
    form carries its own session's token."""
    create = reverse("clusters:pledge_create", args=[world.cluster.pk, world.year])
    form = rf'action="{create}" class="d-inline"><input type="hidden" '
    form += r'name="csrfmiddlewaretoken" value="([^"]+)"'
    tokens = {}
    for role in ("leader", "staff", "secretary"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(getattr(world.users, role))
        found = re.search(form, client.get(pledge(world)).content.decode())
        tokens[role] = (client, found and found.group(1))
    assert tokens["leader"][1] is None
    _staff, staff_token = tokens["staff"]
    secretary, secretary_token = tokens["secretary"]
    assert secretary.post(create, {"csrfmiddlewaretoken": staff_token}).status_code == 403
    assert secretary.post(create, {"csrfmiddlewaretoken": secretary_token}).status_code == 302


def test_a_cached_pledge_page_reads_its_audit_trail_each_time(client_as, world, table, save):
    """The pledge's id comes with the cached page; its audit trail is read on each page."""
    client = client_as("secretary")
    assert "Nhật ký thay đổi" not in client.get(pledge(world)).content.decode()  # no pledge
    _pledge(world, table, save)
    first = client.get(pledge(world)).content.decode()  # cold
    again = client.get(pledge(world)).content.decode()  # warm
    for html in (first, again):
        assert "Tạo giao ước thi đua" in html
        assert "Chưa có thay đổi nào." not in html
        assert "\x00" not in html
    created = AuditEntry.objects.get(object_type="clusters.pledge", action="pledge_create")
    AuditEntry.objects.create(  # an entry alone, no data version: the trail is not cached
        action="pledge_create",
        object_type="clusters.pledge",
        object_id=created.object_id,
        actor_name="Người ghi sau",
    )
    assert "Người ghi sau" in client.get(pledge(world)).content.decode()


def test_the_cluster_page_and_the_pledge_render_with_the_cache_down(
    cache_down,  # noqa: F811 (a fixture)
    world,
    table,
    save,
):
    _pledge(world, table, save)
    client = Client()
    client.force_login(world.users.secretary)
    for _ in range(2):
        html = client.get(page(world)).content.decode()
        assert 'id="proposal-panel-heading"' in html
        assert "Chưa có bản PDF nào." in html
        assert "\x00" not in html
        html = client.get(pledge(world)).content.decode()
        assert "1/3 đơn vị đã ký" in html
        assert "Tạo giao ước thi đua" in html
        assert "\x00" not in html


def test_a_cluster_year_read_with_its_token_has_the_token_read_apart(world):
    """``get_cluster_year_for_user(..., token=True)`` reads the neighbours' versions with the
    year: the same token as ``cluster_year_token``; a missing year is still a 404, a cluster
    out of reach still a 404."""
    from django.http import Http404

    from clusters.access import get_cluster_year_for_user
    from clusters.data_version import cluster_year_token, cluster_year_version

    cluster_year_with_units(world.cluster, world.year - 1, world.units)
    cluster_year_with_units(world.cluster, world.year - 2, world.units)
    read = get_cluster_year_for_user(world.users.staff, world.cluster.pk, world.year, token=True)
    assert read._data_token == cluster_year_token(world.cluster_year)
    assert cluster_year_version(read) == read._data_token
    with pytest.raises(Http404):
        get_cluster_year_for_user(world.users.staff, world.cluster.pk, 2030, token=True)
    with pytest.raises(Http404):
        get_cluster_year_for_user(
            world.users.foreign_staff, world.cluster.pk, world.year, token=True
        )
