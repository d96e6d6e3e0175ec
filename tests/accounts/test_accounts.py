"""Ministry staff manage the accounts of their ministry; nobody grants more than they hold."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts.models import RoleAssignment
from emulation.models import AuditEntry
from emulation.roles import Role
from tests.factories import PASSWORD, ClusterFactory, MinistryFactory, UserFactory, grant
from tests.html import field_errors, input_value, link_texts, messages, options

User = get_user_model()
ACCOUNT_LINK = r"/accounts/\d+/$"
INVALID_CHOICE = (
    "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
)


def new_account(world, **overrides):
    data = {
        "username": "thuky.moi",
        "full_name": "Nguyễn Văn Mới",
        "email": "moi@example.vn",
        "password": "Mat-khau-du-dai-2026",
        "role": Role.CLUSTER_SECRETARY,
        "ministry": world.ministry.pk,
        "cluster": world.cluster.pk,
    }
    return {**data, **overrides}


def roles_of(user):
    return sorted(
        user.role_assignments.values_list("role", "ministry__name", "cluster__name", named=False)
    )


# --- who may open the account pages --------------------------------------------------------


@pytest.mark.parametrize("role", ["secretary", "other_secretary", "leader"])
def test_secretaries_and_leaders_cannot_manage_accounts(client_as, world, role):
    client = client_as(role)
    target = world.users.secretary.pk
    assert client.get("/accounts/").status_code == 403
    assert client.get("/accounts/new/").status_code == 403
    assert client.post("/accounts/new/", new_account(world)).status_code == 403
    assert client.get(f"/accounts/{target}/").status_code == 403
    assert client.post(f"/accounts/{target}/active/", {"active": "0"}).status_code == 403
    assert not User.objects.filter(username="thuky.moi").exists()
    assert User.objects.get(pk=target).is_active


def test_account_pages_send_anonymous_users_to_login(client_as, world):
    for path in ["/accounts/", "/accounts/new/", f"/accounts/{world.users.staff.pk}/"]:
        response = client_as(None).get(path)
        assert (response.status_code, response.url) == (302, f"/accounts/login/?next={path}")


def test_secretaries_and_leaders_have_no_accounts_link(client_as):
    assert '/accounts/"' not in client_as("leader").get("/").content.decode()
    assert 'href="/accounts/"' in client_as("staff").get("/").content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("staff", ["lanhdao", "thuky", "thuky.khac", "vu"]),
        ("foreign_staff", ["vu.khac"]),
    ],
)
def test_staff_see_the_accounts_of_their_ministry_only(client_as, role, expected):
    response = client_as(role).get("/accounts/")
    assert link_texts(response, ACCOUNT_LINK) == expected


def test_account_list_searches_username_and_name(client_as, world):
    world.users.leader.first_name = "Phạm Quốc Hùng"
    world.users.leader.save()
    client = client_as("staff")
    assert link_texts(client.get("/accounts/?q=thuky"), ACCOUNT_LINK) == ["thuky", "thuky.khac"]
    assert link_texts(client.get("/accounts/?q=Hùng"), ACCOUNT_LINK) == ["lanhdao"]


def test_account_list_shows_each_role_and_scope(client_as, world):
    grant(world.users.secretary, Role.LEADER, world.ministry, world.other_cluster)
    html = client_as("staff").get("/accounts/?q=thuky").content.decode()
    assert "<div>Thư ký cụm – Cụm thi đua số 2</div>" in html
    assert "<div>Lãnh đạo – Cụm thi đua số 1</div>" in html


@pytest.mark.parametrize(
    ("role", "target", "status"),
    [
        ("staff", "secretary", 200),
        ("staff", "foreign_staff", 404),
        ("foreign_staff", "secretary", 404),
        ("foreign_staff", "foreign_staff", 200),
    ],
)
def test_staff_open_only_accounts_of_their_ministry(client_as, world, role, target, status):
    response = client_as(role).get(f"/accounts/{getattr(world.users, target).pk}/")
    assert response.status_code == status


def test_account_page_shows_roles_and_history(client_as, world):
    client = client_as("staff")
    client.post(
        f"/accounts/{world.users.secretary.pk}/",
        {"role": Role.LEADER, "ministry": world.ministry.pk, "cluster": ""},
    )
    response = client.get(f"/accounts/{world.users.secretary.pk}/")
    html = response.content.decode()
    assert "<span>Thư ký cụm – Cụm thi đua số 2</span>" in html
    assert "<span>Lãnh đạo – Bộ Tư pháp thử nghiệm</span>" in html
    assert "<td>Cấp quyền</td>" in html


# --- creating an account -------------------------------------------------------------------


def test_staff_create_a_secretary_who_can_log_in(client_as, world):
    response = client_as("staff").post("/accounts/new/", new_account(world))
    assert (response.status_code, response.url) == (302, "/accounts/")
    user = User.objects.get(username="thuky.moi")
    assert (user.first_name, user.email, user.is_active) == (
        "Nguyễn Văn Mới",
        "moi@example.vn",
        True,
    )
    assert roles_of(user) == [("cluster_secretary", "Bộ Tư pháp thử nghiệm", "Cụm thi đua số 2")]
    entry = AuditEntry.objects.get(object_type="auth.user", object_id=str(user.pk))
    assert (entry.actor, entry.action) == (world.users.staff, "account_create")
    assert entry.after == {
        "role": "cluster_secretary",
        "ministry": world.ministry.pk,
        "cluster": world.cluster.pk,
    }
    assert Client().login(username="thuky.moi", password="Mat-khau-du-dai-2026")


def test_staff_create_a_leader_of_the_whole_ministry(client_as, world):
    client_as("staff").post("/accounts/new/", new_account(world, role=Role.LEADER, cluster=""))
    user = User.objects.get(username="thuky.moi")
    assert roles_of(user) == [("leader", "Bộ Tư pháp thử nghiệm", None)]


def test_the_create_form_offers_only_what_the_staff_member_holds(client_as, world):
    response = client_as("staff").get("/accounts/new/")
    assert options(response, "ministry") == [(str(world.ministry.pk), "Bộ Tư pháp thử nghiệm")]
    assert [label for _, label in options(response, "cluster")] == [
        "---------",
        "Cụm thi đua số 1",
        "Cụm thi đua số 2",
    ]


@pytest.mark.parametrize(
    ("field", "overrides", "error"),
    [
        (
            "ministry",
            {"ministry": "other"},
            INVALID_CHOICE,
        ),
        (
            "cluster",
            {"cluster": "foreign"},
            INVALID_CHOICE,
        ),
        ("cluster", {"cluster": ""}, "Thư ký cụm phải được gán cho một cụm thi đua."),
        (
            "cluster",
            {"role": Role.MINISTRY_STAFF},
            "Cán bộ Vụ quản lý cả bộ, ngành: không chọn cụm.",
        ),
        ("username", {"username": "THUKY"}, "Tên đăng nhập này đã có người dùng."),
        ("username", {"username": "thư ký"}, "Chỉ dùng chữ không dấu, số và các ký tự . @ + - _"),
        ("username", {"username": ""}, "Trường này là bắt buộc."),
        ("email", {"email": "khong-phai-email"}, "Nhập địa chỉ email."),
        (
            "role",
            {"role": "superuser"},
            "Hãy chọn một lựa chọn hợp lệ. superuser không phải là một trong các lựa chọn khả thi.",
        ),
    ],
)
def test_an_invalid_new_account_is_refused_next_to_the_field(
    client_as, world, field, overrides, error
):
    foreign_cluster = ClusterFactory(ministry=world.other_ministry)
    values = {"other": world.other_ministry.pk, "foreign": foreign_cluster.pk}
    overrides = {k: values.get(v, v) for k, v in overrides.items()}
    response = client_as("staff").post("/accounts/new/", new_account(world, **overrides))
    assert response.status_code == 200
    assert field_errors(response, field) == [error]
    assert input_value(response, "full_name") == "Nguyễn Văn Mới"
    assert User.objects.count() == 5
    assert AuditEntry.objects.count() == 0


def test_a_weak_password_is_refused_in_vietnamese(client_as, world):
    response = client_as("staff").post("/accounts/new/", new_account(world, password="12345678"))
    assert field_errors(response, "password") == [
        "Mật khẩu này quá phổ biến.",
        "Mật khẩu này hoàn toàn là số.",
    ]
    assert not User.objects.filter(username="thuky.moi").exists()


def test_a_password_like_the_username_is_refused(client_as, world):
    response = client_as("staff").post(
        "/accounts/new/", new_account(world, username="nguyenvanmoi", password="nguyenvanmoi1")
    )
    assert field_errors(response, "password") == ["Mật khẩu quá giống với Tên đăng nhập."]
    assert not User.objects.filter(username="nguyenvanmoi").exists()


def test_a_superuser_cannot_pair_a_cluster_with_another_ministry(world):
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(admin)
    response = client.post("/accounts/new/", new_account(world, ministry=world.other_ministry.pk))
    assert field_errors(response, "cluster") == ["Cụm thi đua không thuộc bộ, ngành đã chọn."]
    assert not User.objects.filter(username="thuky.moi").exists()


# --- granting and revoking -----------------------------------------------------------------


def test_staff_grant_a_second_cluster_to_a_secretary(client_as, world):
    secretary = world.users.secretary
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/",
        {
            "role": Role.CLUSTER_SECRETARY,
            "ministry": world.ministry.pk,
            "cluster": world.other_cluster.pk,
        },
    )
    assert (response.status_code, response.url) == (302, f"/accounts/{secretary.pk}/")
    assert roles_of(secretary) == [
        ("cluster_secretary", "Bộ Tư pháp thử nghiệm", "Cụm thi đua số 1"),
        ("cluster_secretary", "Bộ Tư pháp thử nghiệm", "Cụm thi đua số 2"),
    ]
    entry = AuditEntry.objects.get(action="role_grant")
    assert entry.after == {
        "role": "cluster_secretary",
        "ministry": world.ministry.pk,
        "cluster": world.other_cluster.pk,
    }
    response = Client()
    response.force_login(secretary)
    assert response.get(f"/clusters/{world.other_cluster.pk}/").status_code == 200


def test_granting_a_role_twice_changes_nothing(client_as, world):
    data = {
        "role": Role.CLUSTER_SECRETARY,
        "ministry": world.ministry.pk,
        "cluster": world.cluster.pk,
    }
    client_as("staff").post(f"/accounts/{world.users.secretary.pk}/", data)
    assert world.users.secretary.role_assignments.count() == 1
    assert AuditEntry.objects.count() == 0


def test_staff_cannot_grant_in_another_ministry(client_as, world):
    foreign_cluster = ClusterFactory(ministry=world.other_ministry)
    secretary = world.users.secretary
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/",
        {"role": Role.LEADER, "ministry": world.other_ministry.pk, "cluster": foreign_cluster.pk},
    )
    assert response.status_code == 200
    invalid = (
        "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
    )
    assert field_errors(response, "ministry") == [invalid]
    assert field_errors(response, "cluster") == [invalid]
    assert secretary.role_assignments.count() == 1


def test_foreign_staff_cannot_reach_accounts_of_another_ministry(client_as, world):
    secretary = world.users.secretary
    client = client_as("foreign_staff")
    data = {"role": Role.MINISTRY_STAFF, "ministry": world.other_ministry.pk, "cluster": ""}
    assert client.post(f"/accounts/{secretary.pk}/", data).status_code == 404
    assignment = secretary.role_assignments.get()
    assert client.post(f"/accounts/{secretary.pk}/roles/{assignment.pk}/revoke/").status_code == 404
    assert client.post(f"/accounts/{secretary.pk}/active/", {"active": "0"}).status_code == 404
    assert roles_of(secretary) == [
        ("cluster_secretary", "Bộ Tư pháp thử nghiệm", "Cụm thi đua số 2")
    ]


def test_staff_revoke_a_role_and_the_change_is_audited(client_as, world):
    secretary = world.users.secretary
    extra = RoleAssignment.objects.create(
        user=secretary, role=Role.LEADER, ministry=world.ministry, cluster=world.other_cluster
    )
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/roles/{extra.pk}/revoke/", follow=True
    )
    assert messages(response) == ["Đã thu hồi quyền."]
    assert roles_of(secretary) == [
        ("cluster_secretary", "Bộ Tư pháp thử nghiệm", "Cụm thi đua số 2")
    ]
    entry = AuditEntry.objects.get(action="role_revoke")
    assert entry.before == {
        "role": "leader",
        "ministry": world.ministry.pk,
        "cluster": world.other_cluster.pk,
    }


def test_the_last_role_is_not_revoked_but_the_account_can_be_locked(client_as, world):
    secretary = world.users.secretary
    assignment = secretary.role_assignments.get()
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/roles/{assignment.pk}/revoke/", follow=True
    )
    assert messages(response) == [
        "Đây là quyền cuối cùng của tài khoản. Hãy khóa tài khoản thay vì thu hồi quyền."
    ]
    assert secretary.role_assignments.count() == 1


def test_staff_cannot_revoke_their_own_role(client_as, world):
    staff = world.users.staff
    grant(staff, Role.LEADER, world.ministry)
    assignment = staff.role_assignments.get(role=Role.MINISTRY_STAFF)
    response = client_as("staff").post(
        f"/accounts/{staff.pk}/roles/{assignment.pk}/revoke/", follow=True
    )
    assert messages(response) == ["Bạn không thể tự thu hồi quyền của mình."]
    assert staff.role_assignments.count() == 2


def test_the_account_page_hides_roles_held_in_another_ministry(client_as, world):
    secretary = grant(world.users.secretary, Role.LEADER, world.other_ministry)
    html = client_as("staff").get(f"/accounts/{secretary.pk}/").content.decode()
    assert "<span>Thư ký cụm – Cụm thi đua số 2</span>" in html
    assert "Bộ Khác" not in html


def test_staff_cannot_revoke_a_role_held_in_another_ministry(client_as, world):
    secretary = world.users.secretary
    foreign = grant(secretary, Role.LEADER, world.other_ministry).role_assignments.get(
        role=Role.LEADER
    )
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/roles/{foreign.pk}/revoke/", follow=True
    )
    assert messages(response) == ["Bạn chỉ được thu hồi quyền trong bộ, ngành mà bạn quản lý."]
    assert secretary.role_assignments.count() == 2


def test_revoking_an_assignment_of_someone_else_is_not_found(client_as, world):
    leader_role = world.users.leader.role_assignments.get()
    response = client_as("staff").post(
        f"/accounts/{world.users.secretary.pk}/roles/{leader_role.pk}/revoke/"
    )
    assert response.status_code == 404
    assert world.users.leader.role_assignments.count() == 1


def test_revoking_by_get_is_not_allowed(client_as, world):
    assignment = world.users.secretary.role_assignments.get()
    response = client_as("staff").get(
        f"/accounts/{world.users.secretary.pk}/roles/{assignment.pk}/revoke/"
    )
    assert response.status_code == 405


# --- locking accounts ----------------------------------------------------------------------


def test_a_locked_account_cannot_log_in_and_its_session_ends(client_as, world):
    secretary = world.users.secretary
    session = client_as("secretary")
    assert session.get("/").status_code == 200

    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/active/", {"active": "0"}, follow=True
    )

    assert messages(response) == ["Đã khóa tài khoản."]
    secretary.refresh_from_db()
    assert secretary.is_active is False
    assert session.get("/").status_code == 302
    login = Client().post("/accounts/login/", {"username": "thuky", "password": PASSWORD})
    assert login.status_code == 200
    assert "Vui lòng" in login.content.decode()
    entry = AuditEntry.objects.get(action="account_deactivate")
    assert (entry.object_id, entry.before, entry.after) == (
        str(secretary.pk),
        {"is_active": True},
        {"is_active": False},
    )


def test_a_locked_account_can_be_unlocked(client_as, world):
    secretary = world.users.secretary
    secretary.is_active = False
    secretary.save()
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/active/", {"active": "1"}, follow=True
    )
    assert messages(response) == ["Đã mở khóa tài khoản."]
    assert Client().login(username="thuky", password=PASSWORD)
    assert AuditEntry.objects.get().action == "account_activate"


def test_staff_cannot_lock_themselves(client_as, world):
    staff = world.users.staff
    response = client_as("staff").post(
        f"/accounts/{staff.pk}/active/", {"active": "0"}, follow=True
    )
    assert messages(response) == ["Bạn không thể tự khóa tài khoản của mình."]
    staff.refresh_from_db()
    assert staff.is_active is True


def test_staff_cannot_lock_someone_who_also_works_for_another_ministry(client_as, world):
    secretary = grant(world.users.secretary, Role.LEADER, world.other_ministry)
    response = client_as("staff").post(
        f"/accounts/{secretary.pk}/active/", {"active": "0"}, follow=True
    )
    assert messages(response) == ["Tài khoản này có quyền ngoài phạm vi bạn quản lý."]
    secretary.refresh_from_db()
    assert secretary.is_active is True


def test_staff_cannot_lock_a_superuser(client_as, world):
    admin = grant(UserFactory(username="quantri", is_superuser=True), Role.LEADER, world.ministry)
    response = client_as("staff").post(
        f"/accounts/{admin.pk}/active/", {"active": "0"}, follow=True
    )
    assert messages(response) == ["Chỉ quản trị hệ thống mới được khóa tài khoản quản trị."]
    admin.refresh_from_db()
    assert admin.is_active is True


def test_superusers_manage_accounts_of_every_ministry(world):
    admin = UserFactory(username="quantri", is_superuser=True)
    client = Client()
    client.force_login(admin)
    other = MinistryFactory(name="Bộ Thứ ba")
    grant(UserFactory(username="z.khac"), Role.LEADER, other)
    usernames = link_texts(client.get("/accounts/"), ACCOUNT_LINK)
    assert usernames == ["lanhdao", "thuky", "thuky.khac", "vu", "vu.khac", "z.khac"]
