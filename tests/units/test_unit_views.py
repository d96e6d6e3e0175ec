"""Unit pages for every role: the list, one unit with its clusters over the years, and the
forms ministry staff use to add and edit units."""

import pytest

from emulation.models import AuditEntry
from tests.factories import UnitFactory, cluster_year_with_units
from tests.html import field_errors, form_errors, input_value, link_texts, options

UNIT_LINK = r"/units/\d+/$"
OWN = ["Trường số 1", "Trường số 2", "Trường số 3"]
OTHER = ["Cục số 1", "Cục số 2", "Cục số 3"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretary", OWN),
        ("other_secretary", OTHER),
        ("staff", OTHER + OWN),
        ("leader", OTHER + OWN),
        ("foreign_staff", []),
    ],
)
def test_unit_list_shows_only_the_units_in_scope(client_as, role, expected):
    response = client_as(role).get("/units/")
    assert response.status_code == 200
    assert link_texts(response, UNIT_LINK) == expected


def test_unit_list_says_so_when_nothing_is_in_scope(client_as):
    assert "Không có đơn vị nào." in client_as("foreign_staff").get("/units/").content.decode()


def test_unit_list_sends_anonymous_users_to_login(client_as):
    response = client_as(None).get("/units/")
    assert (response.status_code, response.url) == (302, "/accounts/login/?next=/units/")


def test_unit_list_filters_by_name_and_kind(client_as, world):
    UnitFactory(ministry=world.ministry, name="Báo Pháp luật", kind="newspaper")
    client = client_as("staff")
    assert link_texts(client.get("/units/?name=cục"), UNIT_LINK) == OTHER
    assert link_texts(client.get("/units/?kind=newspaper"), UNIT_LINK) == ["Báo Pháp luật"]


def test_unit_list_paginates_and_keeps_the_filter(client_as, world):
    for i in range(30):
        UnitFactory(ministry=world.ministry, name=f"Viện {i:02d}")
    client = client_as("staff")
    first = client.get("/units/?name=Viện")
    second = client.get("/units/?name=Viện&page=2")
    assert link_texts(first, UNIT_LINK) == [f"Viện {i:02d}" for i in range(25)]
    assert link_texts(second, UNIT_LINK) == [f"Viện {i:02d}" for i in range(25, 30)]
    assert link_texts(first, r"\?name=") == ["Sau"]
    assert "Trang 1/2" in first.content.decode()
    assert link_texts(client.get("/units/?name=Viện&page=99"), UNIT_LINK) == [
        f"Viện {i:02d}" for i in range(25, 30)
    ]


def test_only_ministry_staff_are_offered_a_new_unit(client_as):
    assert link_texts(client_as("staff").get("/units/"), "/units/new/") == ["Thêm đơn vị"]
    assert link_texts(client_as("leader").get("/units/"), "/units/new/") == []


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
def test_unit_page_is_seen_only_in_scope(client_as, world, role, status):
    response = client_as(role).get(f"/units/{world.units[0].pk}/")
    assert response.status_code == status
    if status == 200:
        assert '<h1 class="h3 mb-0">Trường số 1</h1>' in response.content.decode()


def test_unit_page_lists_its_clusters_over_the_years(client_as, world):
    unit = world.units[0]
    cluster_year_with_units(world.other_cluster, 2022, [unit])
    response = client_as("staff").get(f"/units/{unit.pk}/")
    assert link_texts(response, r"/clusters/\d+/\?year=") == [
        "Cụm thi đua số 1",
        "Cụm thi đua số 2",
    ]
    html = response.content.decode()
    assert html.index("<td>2022</td>") < html.index("<td>2021</td>")


def test_unit_page_sends_anonymous_users_to_login(client_as, world):
    path = f"/units/{world.units[0].pk}/"
    response = client_as(None).get(path)
    assert (response.status_code, response.url) == (302, f"/accounts/login/?next={path}")


@pytest.mark.parametrize(
    ("role", "can_edit"), [("staff", True), ("secretary", False), ("leader", False)]
)
def test_only_ministry_staff_see_the_edit_link_of_a_unit(client_as, world, role, can_edit):
    response = client_as(role).get(f"/units/{world.units[0].pk}/")
    assert link_texts(response, r"/units/\d+/edit/") == (["Sửa"] if can_edit else [])


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 403),
        ("other_secretary", 403),
        ("leader", 403),
        ("staff", 200),
        ("foreign_staff", 200),
    ],
)
def test_only_ministry_staff_may_open_the_new_unit_form(client_as, role, status):
    assert client_as(role).get("/units/new/").status_code == status


def test_staff_add_a_unit_and_the_change_is_audited(client_as, world):
    response = client_as("staff").post(
        "/units/new/",
        {
            "ministry": world.ministry.pk,
            "name": "Viện Khoa học pháp lý",
            "short_name": "VKHPL",
            "kind": "institute",
            "is_active": "on",
        },
    )
    unit = world.ministry.units.get(name="Viện Khoa học pháp lý")
    assert (response.status_code, response.url) == (302, f"/units/{unit.pk}/")
    assert (unit.short_name, unit.kind, unit.is_active) == ("VKHPL", "institute", True)
    entry = AuditEntry.objects.get(object_type="units.unit", object_id=str(unit.pk))
    assert (entry.actor, entry.action) == (world.users.staff, "unit_create")


def test_a_duplicate_unit_name_is_refused_next_to_the_field(client_as, world):
    response = client_as("staff").post(
        "/units/new/",
        {
            "ministry": world.ministry.pk,
            "name": "Trường số 1",
            "short_name": "TS1",
            "kind": "school",
        },
    )
    assert response.status_code == 200
    assert field_errors(response, "name") == ["Bộ, ngành này đã có đơn vị mang tên này."]
    assert input_value(response, "short_name") == "TS1"
    assert world.ministry.units.count() == 6
    assert AuditEntry.objects.count() == 0


def test_the_same_unit_name_is_fine_in_another_ministry(client_as, world):
    response = client_as("foreign_staff").post(
        "/units/new/",
        {"ministry": world.other_ministry.pk, "name": "Trường số 1", "kind": "school"},
    )
    assert response.status_code == 302
    assert world.other_ministry.units.get().name == "Trường số 1"


def test_staff_cannot_add_a_unit_to_another_ministry(client_as, world):
    response = client_as("foreign_staff").post(
        "/units/new/", {"ministry": world.ministry.pk, "name": "Đơn vị lạ", "kind": "other"}
    )
    assert field_errors(response, "ministry") == [
        "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
    ]
    assert options(response, "ministry") == [(str(world.other_ministry.pk), "Bộ Khác")]
    assert not world.ministry.units.filter(name="Đơn vị lạ").exists()


def test_an_incomplete_unit_form_keeps_what_was_typed(client_as, world):
    response = client_as("staff").post(
        "/units/new/", {"ministry": world.ministry.pk, "name": "", "short_name": "ABC", "kind": "x"}
    )
    assert field_errors(response, "name") == ["Trường này là bắt buộc."]
    assert field_errors(response, "kind") == [
        "Hãy chọn một lựa chọn hợp lệ. x không phải là một trong các lựa chọn khả thi."
    ]
    assert input_value(response, "short_name") == "ABC"


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
def test_only_ministry_staff_may_edit_a_unit(client_as, world, role, status):
    unit = world.units[0]
    client = client_as(role)
    assert client.get(f"/units/{unit.pk}/edit/").status_code == status
    data = {
        "ministry": world.ministry.pk,
        "name": "Trường số 1 (mới)",
        "kind": "school",
        "version": 1,
    }
    assert client.post(f"/units/{unit.pk}/edit/", data).status_code == (
        302 if status == 200 else status
    )
    unit.refresh_from_db()
    assert unit.name == ("Trường số 1 (mới)" if status == 200 else "Trường số 1")


def test_staff_deactivate_a_unit_and_the_list_marks_it(client_as, world):
    unit = world.units[0]
    client = client_as("staff")
    client.post(
        f"/units/{unit.pk}/edit/",
        {"ministry": world.ministry.pk, "name": unit.name, "kind": unit.kind, "version": 1},
    )
    unit.refresh_from_db()
    assert unit.is_active is False
    entry = AuditEntry.objects.get(action="unit_update")
    common = {
        "ministry": world.ministry.pk,
        "code": None,
        "name": "Trường số 1",
        "short_name": "",
    }
    assert entry.before == {**common, "kind": "institute", "is_active": True}
    assert entry.after == {**common, "kind": "institute", "is_active": False}
    assert 'Trường số 1</a> <span class="badge text-bg-secondary">Ngừng hoạt động</span>' in (
        client.get("/units/").content.decode()
    )


def test_the_second_of_two_simultaneous_edits_is_told_not_saved(client_as, world):
    unit = world.units[0]
    first, second = client_as("staff"), client_as("staff")
    path = f"/units/{unit.pk}/edit/"
    assert input_value(first.get(path), "version") == "1"
    assert input_value(second.get(path), "version") == "1"
    data = {"ministry": world.ministry.pk, "kind": "school", "is_active": "on", "version": 1}

    assert first.post(path, {**data, "name": "Tên của người thứ nhất"}).status_code == 302
    response = second.post(path, {**data, "name": "Tên của người thứ hai"})

    assert response.status_code == 200
    assert form_errors(response) == [
        "Dữ liệu này vừa được người khác lưu sau khi bạn mở trang. "
        "Hãy tải lại trang để xem bản mới nhất rồi nhập lại thay đổi của bạn."
    ]
    assert input_value(response, "name") == "Tên của người thứ hai"
    unit.refresh_from_db()
    assert (unit.name, unit.version) == ("Tên của người thứ nhất", 2)
    assert input_value(second.get(path), "version") == "2"


def test_staff_give_a_unit_its_code_and_a_taken_code_is_refused(client_as, world):
    client = client_as("staff")
    data = {"ministry": world.ministry.pk, "kind": "institute", "is_active": "on"}
    client.post("/units/new/", {**data, "name": "Viện Một", "code": "MA-1"})
    assert world.ministry.units.get(name="Viện Một").code == "MA-1"
    response = client.post("/units/new/", {**data, "name": "Viện Hai", "code": "MA-1"})
    assert field_errors(response, "code") == ["Mã này đã được dùng cho một đơn vị khác."]
    assert not world.ministry.units.filter(name="Viện Hai").exists()
