"""Cluster pages for every role: the list, one cluster's year, creating and editing a
cluster, and its yearly members."""

import re

import pytest

from clusters.models import Cluster, ClusterYear, Membership
from emulation.models import AuditEntry
from tests.factories import UnitFactory, cluster_year_with_units
from tests.html import (
    field_errors,
    input_value,
    link_texts,
    options,
    selected_values,
    textarea_value,
)

ALL_ROLES = ["secretary", "other_secretary", "staff", "leader", "foreign_staff"]
CLUSTER_LINK = r"/clusters/\d+/(\?|$)"
UNIT_LINK = r"/units/\d+/$"


def login_redirect(response, path):
    return response.status_code == 302 and response.url == f"/accounts/login/?next={path}"


# --- the list ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretary", ["Cụm thi đua số 2"]),
        ("other_secretary", ["Cụm thi đua số 1"]),
        ("staff", ["Cụm thi đua số 1", "Cụm thi đua số 2"]),
        ("leader", ["Cụm thi đua số 1", "Cụm thi đua số 2"]),
        ("foreign_staff", []),
    ],
)
def test_cluster_list_shows_only_the_clusters_in_scope(client_as, role, expected):
    response = client_as(role).get("/clusters/")
    assert response.status_code == 200
    assert link_texts(response, CLUSTER_LINK) == expected


def test_cluster_list_sends_anonymous_users_to_login(client_as):
    assert login_redirect(client_as(None).get("/clusters/"), "/clusters/")


@pytest.mark.parametrize(
    ("role", "offered"), [("staff", True), ("secretary", False), ("leader", False)]
)
def test_only_ministry_staff_are_offered_a_new_cluster(client_as, role, offered):
    response = client_as(role).get("/clusters/")
    assert link_texts(response, "/clusters/new/$") == (["Thêm cụm thi đua"] if offered else [])


def test_a_superuser_is_offered_a_new_cluster(client_as, world):
    response = client_as("national_admin").get("/clusters/")
    assert link_texts(response, "/clusters/new/$") == ["Thêm cụm thi đua"]


def _more_clusters(world, count):
    Cluster.objects.bulk_create(
        Cluster(ministry=world.ministry, number=10 + n, name=f"Cụm thêm {10 + n}")
        for n in range(count)
    )


@pytest.mark.parametrize(
    ("page", "number", "first"),
    [
        ("", 1, "Cụm thi đua số 1"),
        ("1", 1, "Cụm thi đua số 1"),
        ("2", 2, "Cụm thêm 33"),
        ("3", 2, "Cụm thêm 33"),  # past the last page: the last page
        ("0", 2, "Cụm thêm 33"),  # as Django's paginator: the last page
        ("-1", 2, "Cụm thêm 33"),
        ("abc", 1, "Cụm thi đua số 1"),
        ("٢", 2, "Cụm thêm 33"),  # a digit Django's paginator reads
    ],
)
def test_the_cluster_list_shows_the_page_asked_for_or_the_nearest(
    client_as, world, page, number, first
):
    _more_clusters(world, 25)  # 27 clusters: 25 on the first page, 2 on the second
    response = client_as("staff").get(f"/clusters/?page={page}")
    links = link_texts(response, CLUSTER_LINK)
    assert links[0] == first
    assert len(links) == (25 if number == 1 else 2)
    assert f"Trang {number}/2" in response.content.decode()


def test_the_cluster_list_counts_its_rows_with_them(client_as, world, django_assert_num_queries):
    _more_clusters(world, 25)
    client = client_as("staff")
    client.get("/clusters/")
    # Session, user, the page's rows with their number (the role scope from the cache).
    with django_assert_num_queries(3):
        client.get("/clusters/?page=2")
    with django_assert_num_queries(5):  # past the last page: counted apart, then shown
        client.get("/clusters/?page=9")


def test_an_empty_cluster_list_says_so(client_as):
    response = client_as("foreign_staff").get("/clusters/")
    assert "Không có cụm thi đua nào." in response.content.decode()
    assert "Phân trang" not in response.content.decode()


def test_the_cluster_list_s_rows_are_the_template_s_markup(client_as, world):
    """Written in Python (clusters.list_html.cluster_rows): the markup the template wrote,
    every value escaped."""
    from django.template import Context, Template

    Cluster.objects.create(ministry=world.ministry, number=7, kind="khoi", name='Khối <b>"&"</b>')
    world.ministry.name = "Bộ <i>&</i>"
    world.ministry.save()
    html = client_as("staff").get("/clusters/").content.decode()
    template = Template(
        """{% for cluster in page %}
  <tr>
    <td><a href="{% url 'clusters:detail' cluster.pk %}">{{ cluster.name }}</a></td>
    <td>{{ cluster.ministry.name }}</td>
    <td>{{ cluster.get_kind_display }}</td>
    <td class="text-end">{{ cluster.year_count }}</td>
  </tr>
  {% endfor %}"""
    )
    from clusters.selectors import clusters_for_list

    clusters = clusters_for_list(user=world.users.staff)
    expected = template.render(Context({"page": clusters}))
    assert f"<tbody>\n  {expected}\n  </tbody>" in html
    assert "Khối &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;" in html


def test_cluster_list_filters_by_name_and_kind(client_as, world):
    Cluster.objects.create(ministry=world.ministry, number=1, kind="khoi", name="Khối thi đua số 1")
    client = client_as("staff")
    assert link_texts(client.get("/clusters/?name=số 2"), CLUSTER_LINK) == ["Cụm thi đua số 2"]
    assert link_texts(client.get("/clusters/?kind=khoi"), CLUSTER_LINK) == ["Khối thi đua số 1"]


def test_cluster_list_shows_an_error_not_a_crash_for_a_bad_filter(client_as):
    response = client_as("staff").get("/clusters/?kind=nonsense&page=abc")
    assert response.status_code == 200
    assert field_errors(response, "kind") == [
        "Hãy chọn một lựa chọn hợp lệ. nonsense không phải là một trong các lựa chọn khả thi."
    ]


# --- one cluster, one year -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 200),
        ("other_secretary", 404),
        ("staff", 200),
        ("leader", 200),
        ("foreign_staff", 404),
    ],
)
def test_cluster_page_is_seen_only_in_scope(client_as, world, role, status):
    response = client_as(role).get(f"/clusters/{world.cluster.pk}/?year=2021")
    assert response.status_code == status
    if status == 200:
        assert link_texts(response, UNIT_LINK) == ["Trường số 1", "Trường số 2", "Trường số 3"]


def test_cluster_page_sends_anonymous_users_to_login(client_as, world):
    path = f"/clusters/{world.cluster.pk}/"
    assert login_redirect(client_as(None).get(path), path)


def test_cluster_page_of_a_missing_cluster_is_not_found(client_as):
    assert client_as("staff").get("/clusters/999999/").status_code == 404


@pytest.mark.parametrize(
    ("role", "can_manage"), [("staff", True), ("secretary", False), ("leader", False)]
)
def test_only_ministry_staff_see_the_edit_links_on_a_cluster_page(
    client_as, world, role, can_manage
):
    response = client_as(role).get(f"/clusters/{world.cluster.pk}/?year=2021")
    pk = world.cluster.pk
    expected = ["Sửa thông tin cụm", "Sửa danh sách thành viên"] if can_manage else []
    assert link_texts(response, rf"/clusters/{pk}/(edit|years/2021/members)/$") == expected


def year_links(response):
    """The years of the year switch, each a link (one step to any year), and which is shown."""
    nav = response.content.decode().split('aria-label="Chọn năm"', 1)[1].split("</nav>", 1)[0]
    return [
        (year, bool(current))
        for current, year in re.findall(
            r'<a class="nav-link[^"]*" href="\?year=\d+"( aria-current="page")?>(\d+)</a>', nav
        )
    ]


def test_year_switcher_shows_the_members_of_the_chosen_year(client_as, world):
    newcomer = UnitFactory(ministry=world.ministry, name="Học viện mới")
    cluster_year_with_units(world.cluster, 2022, [world.units[0], newcomer])
    client = client_as("secretary")

    response = client.get(f"/clusters/{world.cluster.pk}/?year=2022")

    assert link_texts(response, UNIT_LINK) == ["Học viện mới", "Trường số 1"]
    assert "2 đơn vị thành viên" in response.content.decode()
    assert year_links(response) == [("2022", True), ("2021", False)]
    older = client.get(f"/clusters/{world.cluster.pk}/?year=2021")
    assert link_texts(older, UNIT_LINK) == ["Trường số 1", "Trường số 2", "Trường số 3"]


def test_year_switcher_offers_the_years_with_data_and_the_selected_one(client_as, world):
    cluster_year_with_units(world.cluster, 2020, world.units)
    response = client_as("leader").get(f"/clusters/{world.cluster.pk}/?year=2023")
    html = response.content.decode()
    assert year_links(response) == [("2023", True), ("2021", False), ("2020", False)]
    assert "Cụm chưa có dữ liệu năm 2023." in html


def test_a_year_without_data_offers_staff_to_start_it(client_as, world):
    response = client_as("staff").get(f"/clusters/{world.cluster.pk}/?year=2023")
    assert link_texts(response, r"/clusters/\d+/years/2023/members/") == [
        "Lập danh sách thành viên cho năm này"
    ]


@pytest.mark.parametrize("year", ["abc", "99999", "-1", ""])
def test_a_nonsense_year_shows_the_current_year_instead_of_failing(client_as, world, year):
    response = client_as("staff").get(f"/clusters/{world.cluster.pk}/?year={year}")
    assert response.status_code == 200


# --- creating and editing a cluster --------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("secretary", 403), ("other_secretary", 403), ("leader", 403), ("staff", 200)],
)
def test_only_ministry_staff_may_open_the_new_cluster_form(client_as, role, status):
    assert client_as(role).get("/clusters/new/").status_code == status


def test_new_cluster_form_offers_only_the_ministries_the_user_manages(client_as, world):
    response = client_as("foreign_staff").get("/clusters/new/")
    assert options(response, "ministry") == [(str(world.other_ministry.pk), "Bộ Khác")]


def test_staff_create_a_cluster_and_the_change_is_audited(client_as, world):
    response = client_as("staff").post(
        "/clusters/new/",
        {"ministry": world.ministry.pk, "kind": "khoi", "number": 3, "name": "Khối thi đua số 3"},
    )
    cluster = Cluster.objects.get(name="Khối thi đua số 3")
    assert response.status_code == 302
    assert response.url == f"/clusters/{cluster.pk}/"
    assert (cluster.ministry, cluster.kind, cluster.number) == (world.ministry, "khoi", 3)
    entry = AuditEntry.objects.get(object_type="clusters.cluster", object_id=str(cluster.pk))
    assert (entry.actor, entry.action) == (world.users.staff, "cluster_create")
    assert entry.before is None
    assert entry.after == {
        "ministry": world.ministry.pk,
        "kind": "khoi",
        "number": 3,
        "name": "Khối thi đua số 3",
    }


def test_a_duplicate_cluster_number_is_refused_next_to_the_field(client_as, world):
    response = client_as("staff").post(
        "/clusters/new/",
        {"ministry": world.ministry.pk, "kind": "cum", "number": 2, "name": "Cụm trùng số"},
    )
    assert response.status_code == 200
    assert field_errors(response, "number") == ["Bộ, ngành này đã có cụm, khối mang số này."]
    assert input_value(response, "name") == "Cụm trùng số"
    assert not Cluster.objects.filter(name="Cụm trùng số").exists()


def test_staff_cannot_create_a_cluster_in_another_ministry(client_as, world):
    response = client_as("staff").post(
        "/clusters/new/",
        {"ministry": world.other_ministry.pk, "kind": "cum", "number": 9, "name": "Cụm lạ"},
    )
    assert response.status_code == 200
    assert field_errors(response, "ministry") == [
        "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
    ]
    assert not Cluster.objects.filter(name="Cụm lạ").exists()


def test_an_incomplete_cluster_form_keeps_what_was_typed(client_as, world):
    response = client_as("staff").post(
        "/clusters/new/",
        {
            "ministry": world.ministry.pk,
            "kind": "cum",
            "number": "",
            "name": "",
            "description": "Ghi chú",
        },
    )
    assert response.status_code == 200
    assert field_errors(response, "name") == ["Trường này là bắt buộc."]
    assert field_errors(response, "number") == ["Trường này là bắt buộc."]
    assert textarea_value(response, "description") == "Ghi chú"
    assert Cluster.objects.count() == 2
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 403),
        ("other_secretary", 404),
        ("staff", 200),
        ("leader", 403),
        ("foreign_staff", 404),
    ],
)
def test_only_ministry_staff_may_edit_a_cluster(client_as, world, role, status):
    client = client_as(role)
    path = f"/clusters/{world.cluster.pk}/edit/"
    assert client.get(path).status_code == status
    data = {
        "ministry": world.ministry.pk,
        "kind": "cum",
        "number": 2,
        "name": "Đổi tên",
        "version": 1,
    }
    assert client.post(path, data).status_code == (302 if status == 200 else status)
    world.cluster.refresh_from_db()
    assert world.cluster.name == ("Đổi tên" if status == 200 else "Cụm thi đua số 2")


def test_editing_a_cluster_is_audited(client_as, world):
    client_as("staff").post(
        f"/clusters/{world.cluster.pk}/edit/",
        {
            "ministry": world.ministry.pk,
            "kind": "cum",
            "number": 2,
            "name": "Cụm số 2 mới",
            "version": 1,
        },
    )
    entry = AuditEntry.objects.get(object_id=str(world.cluster.pk), object_type="clusters.cluster")
    assert entry.action == "cluster_update"
    assert (entry.before["name"], entry.after["name"]) == ("Cụm thi đua số 2", "Cụm số 2 mới")


def test_editing_a_cluster_to_a_taken_number_is_refused(client_as, world):
    response = client_as("staff").post(
        f"/clusters/{world.cluster.pk}/edit/",
        {"ministry": world.ministry.pk, "kind": "cum", "number": 1, "name": "Cụm thi đua số 2"},
    )
    assert field_errors(response, "number") == ["Bộ, ngành này đã có cụm, khối mang số này."]
    world.cluster.refresh_from_db()
    assert world.cluster.number == 2


def test_the_second_of_two_simultaneous_cluster_edits_is_told_not_saved(client_as, world):
    first, second = client_as("staff"), client_as("staff")
    path = f"/clusters/{world.cluster.pk}/edit/"
    assert input_value(first.get(path), "version") == "1"
    assert input_value(second.get(path), "version") == "1"
    data = {"ministry": world.ministry.pk, "kind": "cum", "number": 2, "version": 1}

    assert first.post(path, {**data, "name": "Tên của người thứ nhất"}).status_code == 302
    response = second.post(path, {**data, "name": "Tên của người thứ hai"})

    assert response.status_code == 200
    assert input_value(response, "name") == "Tên của người thứ hai"
    assert "Dữ liệu này vừa được người khác lưu sau khi bạn mở trang." in response.content.decode()
    world.cluster.refresh_from_db()
    assert (world.cluster.name, world.cluster.version) == ("Tên của người thứ nhất", 2)


def test_edit_pages_send_anonymous_users_to_login(client_as, world):
    for path in ["/clusters/new/", f"/clusters/{world.cluster.pk}/edit/"]:
        assert login_redirect(client_as(None).get(path), path)


# --- members of a year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 403),
        ("other_secretary", 404),
        ("staff", 200),
        ("leader", 403),
        ("foreign_staff", 404),
    ],
)
def test_only_ministry_staff_may_change_members(client_as, world, role, status):
    client = client_as(role)
    path = f"/clusters/{world.cluster.pk}/years/2021/members/"
    assert client.get(path).status_code == status
    response = client.post(path, {"units": [world.units[0].pk]})
    assert response.status_code == (302 if status == 200 else status)
    expected = 1 if status == 200 else 3
    assert world.cluster_year.memberships.count() == expected


def test_members_form_lists_the_ministry_units_with_this_years_members_checked(client_as, world):
    response = client_as("staff").get(f"/clusters/{world.cluster.pk}/years/2021/members/")
    assert sorted(map(int, selected_values(response, "units"))) == sorted(u.pk for u in world.units)
    html = response.content.decode()
    labels = ["Cục số 1", "Cục số 2", "Cục số 3", "Trường số 1", "Trường số 2", "Trường số 3"]
    positions = [html.index(label) for label in labels]
    assert positions == sorted(positions)


def test_staff_set_the_members_of_a_year_and_the_change_is_audited(client_as, world):
    chosen = [world.units[0], world.other_units[1]]
    response = client_as("staff").post(
        f"/clusters/{world.cluster.pk}/years/2021/members/", {"units": [u.pk for u in chosen]}
    )
    assert response.status_code == 302
    assert response.url == f"/clusters/{world.cluster.pk}/?year=2021"
    stored = Membership.objects.filter(cluster_year=world.cluster_year)
    assert sorted(stored.values_list("unit__name", flat=True)) == ["Cục số 2", "Trường số 1"]
    entry = AuditEntry.objects.get(action="memberships_update")
    assert entry.object_id == str(world.cluster_year.pk)
    assert entry.before == {"units": sorted(u.pk for u in world.units)}
    assert entry.after == {"units": sorted(u.pk for u in chosen)}


def test_setting_members_of_a_new_year_opens_that_year(client_as, world):
    client_as("staff").post(
        f"/clusters/{world.cluster.pk}/years/2022/members/", {"units": [world.units[2].pk]}
    )
    cluster_year = ClusterYear.objects.get(cluster=world.cluster, year=2022)
    assert list(cluster_year.units.values_list("name", flat=True)) == ["Trường số 3"]
    assert cluster_year.emulation_year.year == 2022


def test_saving_the_same_members_writes_no_audit_entry(client_as, world):
    client_as("staff").post(
        f"/clusters/{world.cluster.pk}/years/2021/members/", {"units": [u.pk for u in world.units]}
    )
    assert AuditEntry.objects.count() == 0


def test_a_member_that_stopped_stays_a_member_until_unchecked(client_as, world):
    stopped = world.units[2]
    stopped.is_active = False
    stopped.save()
    inactive_outsider = UnitFactory(ministry=world.ministry, name="Đã giải thể", is_active=False)
    client = client_as("staff")
    path = f"/clusters/{world.cluster.pk}/years/2021/members/"
    form = client.get(path)
    assert str(stopped.pk) in selected_values(form, "units")
    assert f'value="{inactive_outsider.pk}"' not in form.content.decode()
    client.post(path, {"units": [u.pk for u in world.units]})
    assert world.cluster_year.memberships.count() == 3


def test_a_unit_of_another_ministry_cannot_become_a_member(client_as, world):
    stranger = UnitFactory(ministry=world.other_ministry, name="Đơn vị bộ khác")
    response = client_as("staff").post(
        f"/clusters/{world.cluster.pk}/years/2021/members/",
        {"units": [world.units[0].pk, stranger.pk]},
    )
    assert response.status_code == 200
    assert field_errors(response, "units") == [
        f"Hãy chọn một lựa chọn hợp lệ. {stranger.pk} không phải là một trong các lựa chọn khả thi."
    ]
    assert selected_values(response, "units") == [str(world.units[0].pk)]
    assert world.cluster_year.memberships.count() == 3


def test_a_year_without_a_legal_regime_is_refused_with_a_message(client_as, world):
    response = client_as("staff").post(
        f"/clusters/{world.cluster.pk}/years/2001/members/", {"units": [world.units[0].pk]}
    )
    assert response.status_code == 200
    assert "Chưa có chế độ pháp lý nào áp dụng cho năm 2001." in response.content.decode()
    assert not ClusterYear.objects.filter(year=2001).exists()


@pytest.mark.parametrize("year", [0, 1999, 2101, 99999])
def test_members_of_an_impossible_year_are_not_found(client_as, world, year):
    response = client_as("staff").get(f"/clusters/{world.cluster.pk}/years/{year}/members/")
    assert response.status_code == 404
