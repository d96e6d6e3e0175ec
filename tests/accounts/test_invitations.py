"""Accounts in bulk: each new account gets a link to set its own password, which works once,
for a limited time, and for that account only. Staff never set nor see a password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.invitations import invitation_link, invitation_tokens
from accounts.models import RoleAssignment
from emulation.models import AuditEntry, ImportBatch
from emulation.roles import Role
from tests.emulation.imports.sheets import load, xlsx
from tests.html import messages

User = get_user_model()
HEADER = ["Tên đăng nhập", "Họ và tên", "Thư điện tử", "Vai trò", "Loại cụm", "Số cụm, khối"]
NEW_PASSWORD = "Mot-mat-khau-rat-rieng-2026"


@pytest.fixture
def invited(world, client_as, django_capture_on_commit_callbacks):
    rows = [
        HEADER,
        ["thuky.moi", "Nguyễn Thị Mới", "moi@example.org", "Thư ký cụm", "Cụm thi đua", 2],
        ["lanhdao.cum1", "Trần Văn Cụm", "cum1@example.org", "Lãnh đạo", "Cụm thi đua", 1],
        ["lanhdao.bo", "Lê Văn Bộ", "bo@example.org", "Lãnh đạo", None, None],
    ]
    batch = load(
        client_as("staff"),
        "accounts",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    assert batch.counts == {"new": 3, "changed": 0, "unchanged": 0, "refused": 0}
    return world


def _link(message):
    return re.search(r"http://testserver(/accounts/invitation/\S+/)", message.body).group(1)


def test_each_new_account_gets_its_role_and_an_invitation(invited, settings):
    assert sorted(
        RoleAssignment.objects.filter(
            user__username__in=["thuky.moi", "lanhdao.cum1", "lanhdao.bo"]
        ).values_list("user__username", "role", "cluster__number")
    ) == [
        ("lanhdao.bo", Role.LEADER, None),
        ("lanhdao.cum1", Role.LEADER, 1),
        ("thuky.moi", Role.CLUSTER_SECRETARY, 2),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bo@example.org",
        "cum1@example.org",
        "moi@example.org",
    ]
    for username in ["thuky.moi", "lanhdao.cum1", "lanhdao.bo"]:
        assert not User.objects.get(username=username).has_usable_password()
    message = next(m for m in mail.outbox if m.to == ["moi@example.org"])
    assert message.subject == "Mời đặt mật khẩu tài khoản thi đua, khen thưởng"
    assert "tên đăng nhập: thuky.moi" in message.body
    assert "trong 3 ngày" in message.body


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


def test_the_link_sets_the_password_once(invited, client):
    link = _link(next(m for m in mail.outbox if m.to == ["moi@example.org"]))
    response = client.get(link, follow=True)
    assert "Tên đăng nhập của bạn: <strong>thuky.moi</strong>" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Bạn đã có thể đăng nhập" in response.content.decode()
    assert client.login(username="thuky.moi", password=NEW_PASSWORD)
    client.logout()
    again = client.get(link, follow=True)
    assert "Liên kết không dùng được" in again.content.decode()
    assert User.objects.get(username="thuky.moi").check_password(NEW_PASSWORD)


def test_the_link_expires(invited, client, settings, monkeypatch):
    user = User.objects.get(username="thuky.moi")
    link = invitation_link(user).removeprefix("http://testserver")
    made = invitation_tokens._num_seconds(invitation_tokens._now())
    start = invitation_tokens._now()
    import datetime

    for seconds, valid in [
        (settings.INVITATION_TIMEOUT - 1, True),
        (settings.INVITATION_TIMEOUT, True),
        (settings.INVITATION_TIMEOUT + 1, False),
    ]:
        later = start + datetime.timedelta(seconds=seconds)
        monkeypatch.setattr(type(invitation_tokens), "_now", lambda self, later=later: later)
        token = link.rstrip("/").split("/")[-1]
        assert invitation_tokens.check_token(user, token) is valid, seconds
    assert made > 0
    response = client.get(link, follow=True)
    assert "Liên kết không dùng được" in response.content.decode()


def test_the_link_cannot_be_used_for_another_account(invited, client):
    link = _link(next(m for m in mail.outbox if m.to == ["moi@example.org"]))
    other = User.objects.get(username="lanhdao.bo")
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    parts = link.rstrip("/").split("/")
    parts[-2] = urlsafe_base64_encode(force_bytes(other.pk))
    response = client.get("/".join(parts) + "/", follow=True)
    assert "Liên kết không dùng được" in response.content.decode()
    # a password-reset token is no invitation either
    from django.contrib.auth.tokens import default_token_generator

    parts[-1] = default_token_generator.make_token(other)
    response = client.get("/".join(parts) + "/", follow=True)
    assert "Liên kết không dùng được" in response.content.decode()
    assert not User.objects.get(username="lanhdao.bo").has_usable_password()


def test_staff_resend_an_invitation_and_it_is_audited(invited, client_as):
    user = User.objects.get(username="lanhdao.cum1")
    mail.outbox.clear()
    staff = client_as("staff")
    page = staff.get(reverse("account_detail", args=[user.pk])).content.decode()
    assert "Gửi lại thư mời" in page
    assert "mật khẩu ban đầu" not in page.lower()
    response = staff.post(reverse("account_invite", args=[user.pk]), follow=True)
    assert messages(response) == ["Đã gửi thư mời đặt mật khẩu tới cum1@example.org."]
    assert AuditEntry.objects.filter(action="account_invite", object_id=str(user.pk)).count() == 1


def test_no_invitation_to_an_account_that_set_its_password(world, client_as):
    staff = client_as("staff")
    user = world.users.secretary
    user.email = "thuky@example.org"
    user.save()
    response = staff.post(reverse("account_invite", args=[user.pk]), follow=True)
    assert messages(response) == ["Người dùng đã tự đặt mật khẩu; không cần mời lại."]
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("role", "status"), [("secretary", 403), ("leader", 403), ("foreign_staff", 404)]
)
def test_only_the_ministrys_staff_resend_invitations(invited, client_as, role, status):
    user = User.objects.get(username="lanhdao.cum1")
    mail.outbox.clear()
    assert client_as(role).post(reverse("account_invite", args=[user.pk])).status_code == status
    assert mail.outbox == []


def test_anonymous_cannot_resend(invited, client_as):
    user = User.objects.get(username="lanhdao.cum1")
    response = client_as(None).post(reverse("account_invite", args=[user.pk]))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_refused_account_rows(world, client_as, django_capture_on_commit_callbacks):
    rows = [
        HEADER,
        ["thuky moi", "A", "a@example.org", "Thư ký cụm", "Cụm thi đua", 2],
        ["thuky.b", "B", "", "Thư ký cụm", "Cụm thi đua", 2],
        ["thuky.c", "C", "c@example", "Thư ký cụm", None, None],
        ["thuky.d", "D", "d@example.org", "Thư ký cụm", "Cụm thi đua", 9],
    ]
    batch = load(
        client_as("staff"),
        "accounts",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    assert [(p["row"], p["column"], p["message"]) for p in batch.problems] == [
        (2, "A", "Chỉ dùng chữ không dấu, số và các ký tự . @ + - _"),
        (3, "C", "cần thư điện tử để gửi thư mời đặt mật khẩu"),
        (4, "C", "“c@example” không phải địa chỉ thư điện tử"),
        (4, "F", "Thư ký cụm phải được gán cho một cụm thi đua."),
        (5, "F", "bộ, ngành chưa có cụm, khối này: nhập danh sách cụm trước"),
    ]
    assert (
        not User.objects.filter(username__startswith="thuky.")
        .exclude(username="thuky.khac")
        .exists()
    )
    assert mail.outbox == []


def test_an_account_made_by_hand_without_a_password_gets_an_invitation(
    world, client_as, django_capture_on_commit_callbacks
):
    data = {
        "username": "thuky.tay",
        "full_name": "Nguyễn Văn Tay",
        "email": "tay@example.org",
        "password": "",
        "role": Role.CLUSTER_SECRETARY,
        "ministry": world.ministry.pk,
        "cluster": world.cluster.pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("staff").post("/accounts/new/", data)
    assert response.status_code == 302
    assert not User.objects.get(username="thuky.tay").has_usable_password()
    assert [m.to for m in mail.outbox] == [["tay@example.org"]]


def test_without_a_password_the_hand_made_account_needs_an_email(world, client_as):
    from tests.html import field_errors

    data = {
        "username": "thuky.tay",
        "full_name": "Nguyễn Văn Tay",
        "email": "",
        "password": "",
        "role": Role.CLUSTER_SECRETARY,
        "ministry": world.ministry.pk,
        "cluster": world.cluster.pk,
    }
    response = client_as("staff").post("/accounts/new/", data)
    assert field_errors(response, "email") == [
        "Cần thư điện tử để gửi thư mời đặt mật khẩu (hoặc đặt mật khẩu ban đầu)."
    ]
    assert not User.objects.filter(username="thuky.tay").exists()


# A sheet adds accounts and roles; it never renames an existing account nor changes its
# e-mail: such a row is refused in the preview (row, column, reason), nothing is written.

RENAME = "tài khoản “thuky.moi” đã có với họ tên “Nguyễn Thị Mới”: tệp không sửa tài khoản đã " + (
    "có, hãy sửa ở trang của tài khoản"
)
READDRESS = "tài khoản “lanhdao.bo” đã có với thư điện tử “bo@example.org”: tệp không sửa tài " + (
    "khoản đã có, hãy sửa ở trang của tài khoản"
)


def _preview(client_as, world, rows, capture):
    from tests.emulation.imports.sheets import upload

    batch = upload(
        client_as("staff"), "accounts", xlsx(rows), ministry=world.ministry, capture=capture
    )
    batch.refresh_from_db()
    return batch


def _accounts():
    return sorted(
        User.objects.filter(username__in=["thuky.moi", "lanhdao.cum1", "lanhdao.bo"]).values_list(
            "username", "first_name", "email"
        )
    )


def test_a_row_that_would_rename_or_readdress_an_existing_account_is_refused(
    invited, client_as, django_capture_on_commit_callbacks
):
    before, sent = _accounts(), len(mail.outbox)
    batch = _preview(
        client_as,
        invited,
        [
            HEADER,
            ["thuky.moi", "Nguyễn Thị Đổi Tên", "moi@example.org", "Thư ký cụm", "Cụm thi đua", 2],
            ["lanhdao.bo", "Lê Văn Bộ", "khac@example.org", "Lãnh đạo", None, None],
            ["lanhdao.cum1", "Trần Văn Cụm", "cum1@example.org", "Lãnh đạo", "Cụm thi đua", 1],
        ],
        django_capture_on_commit_callbacks,
    )
    assert batch.status == ImportBatch.Status.REFUSED
    assert batch.counts == {"new": 0, "changed": 0, "unchanged": 1, "refused": 2}
    assert [(p["row"], p["column"], p["message"]) for p in batch.problems] == [
        (2, "B", RENAME),
        (3, "C", READDRESS),
    ]
    page = client_as("staff").get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert RENAME in page and READDRESS in page
    response = client_as("staff").post(reverse("import_confirm", args=[batch.pk]), follow=True)
    assert "Tệp này không ở trạng thái chờ xác nhận." in messages(response)
    assert _accounts() == before
    assert len(mail.outbox) == sent


def test_the_same_account_with_its_own_data_gets_a_new_role_and_is_left_alone(
    invited, client_as, django_capture_on_commit_callbacks
):
    """Just inside the rule: the same name (spaces aside), the same e-mail (case aside) or
    none at all is the same account: its new role is added, nothing of it changes."""
    before, sent = _accounts(), len(mail.outbox)
    batch = load(
        client_as("staff"),
        "accounts",
        xlsx(
            [
                HEADER,
                ["thuky.moi", "Nguyễn  Thị Mới", "MOI@example.org", "Lãnh đạo", "Cụm thi đua", 2],
                ["lanhdao.bo", "Lê Văn Bộ", "", "Lãnh đạo", None, None],
            ]
        ),
        ministry=invited.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    assert batch.status == ImportBatch.Status.DONE, batch.problems
    assert batch.counts == {"new": 1, "changed": 0, "unchanged": 1, "refused": 0}
    assert RoleAssignment.objects.filter(
        user__username="thuky.moi", role=Role.LEADER, cluster__number=2
    ).exists()
    assert _accounts() == before
    assert len(mail.outbox) == sent  # no second invitation for an existing account


def test_an_e_mail_of_another_account_is_refused(
    invited, client_as, django_capture_on_commit_callbacks
):
    batch = _preview(
        client_as,
        invited,
        [
            HEADER,
            ["thuky.hai", "Phan Văn Hai", "Moi@example.org", "Thư ký cụm", "Cụm thi đua", 2],
            ["thuky.ba", "Vũ Thị Ba", "ba@example.org", "Thư ký cụm", "Cụm thi đua", 2],
            ["thuky.bon", "Đào Văn Bốn", "ba@example.org", "Thư ký cụm", "Cụm thi đua", 2],
        ],
        django_capture_on_commit_callbacks,
    )
    assert [(p["row"], p["column"], p["message"]) for p in batch.problems] == [
        (2, "C", "thư điện tử “Moi@example.org” đã dùng cho một tài khoản khác"),
        (4, "C", "thư điện tử trùng với tài khoản khác ở dòng 3"),
    ]
    assert not User.objects.filter(username__in=["thuky.hai", "thuky.ba", "thuky.bon"]).exists()
